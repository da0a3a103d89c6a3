from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.vendor_refund_allocation_create_allocation_type import (
    VendorRefundAllocationCreateAllocationType,
)
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundAllocationCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64", "minimum": 1}
}
_KNOWN = frozenset(
    (
        "allocation_type",
        "amount_cents",
        "bill_id",
        "bill_payment_id",
        "description",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundAllocationCreate:
    """The part of a vendor refund applied to a bill or a bill payment.

    Attributes:
        allocation_type (VendorRefundAllocationCreateAllocationType):
        amount_cents (int):
        bill_id (UUID | Unset):
        bill_payment_id (UUID | Unset):
        description (str | Unset):
        metadata (Any | Unset): Free-form metadata.
    """

    allocation_type: VendorRefundAllocationCreateAllocationType
    amount_cents: int
    bill_id: UUID | Unset = UNSET
    bill_payment_id: UUID | Unset = UNSET
    description: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocation_type = self.allocation_type.value

        amount_cents = self.amount_cents

        bill_id: str | Unset = UNSET
        if not isinstance(self.bill_id, Unset):
            bill_id = str(self.bill_id)

        bill_payment_id: str | Unset = UNSET
        if not isinstance(self.bill_payment_id, Unset):
            bill_payment_id = str(self.bill_payment_id)

        description = self.description

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocation_type": allocation_type,
                "amount_cents": amount_cents,
            }
        )
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if bill_payment_id is not UNSET:
            field_dict["bill_payment_id"] = bill_payment_id
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_allocation_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _allocation_type = src_dict["allocation_type"]
            vendor_refund_allocation_create.amount_cents = src_dict["amount_cents"]
            _bill_id = src_dict["bill_id"]
            _bill_payment_id = src_dict["bill_payment_id"]
            vendor_refund_allocation_create.description = src_dict["description"]
            vendor_refund_allocation_create.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _allocation_type = src_dict["allocation_type"]
            vendor_refund_allocation_create.amount_cents = src_dict["amount_cents"]
            _bill_id = src_dict.get("bill_id", UNSET)
            _bill_payment_id = src_dict.get("bill_payment_id", UNSET)
            vendor_refund_allocation_create.description = src_dict.get("description", UNSET)
            vendor_refund_allocation_create.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_allocation_create.allocation_type = (
            VendorRefundAllocationCreateAllocationType(_allocation_type)
        )

        vendor_refund_allocation_create.bill_id = (
            UNSET if _bill_id is UNSET else parse_uuid(_bill_id)
        )

        vendor_refund_allocation_create.bill_payment_id = (
            UNSET if _bill_payment_id is UNSET else parse_uuid(_bill_payment_id)
        )

        vendor_refund_allocation_create.additional_properties = additional_properties
        return vendor_refund_allocation_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
