from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundAllocationLink")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "vendor_refund_id",
        "amount_cents",
        "allocated_at",
        "reference_number",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundAllocationLink:
    """A vendor refund linked to a bill payment.

    Attributes:
        vendor_refund_id (UUID):
        amount_cents (int):
        allocated_at (datetime.datetime | Unset):
        reference_number (str | Unset):
    """

    vendor_refund_id: UUID
    amount_cents: int
    allocated_at: datetime.datetime | Unset = UNSET
    reference_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vendor_refund_id = str(self.vendor_refund_id)

        amount_cents = self.amount_cents

        allocated_at: str | Unset = UNSET
        if not isinstance(self.allocated_at, Unset):
            allocated_at = self.allocated_at.isoformat()

        reference_number = self.reference_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vendor_refund_id": vendor_refund_id,
                "amount_cents": amount_cents,
            }
        )
        if allocated_at is not UNSET:
            field_dict["allocated_at"] = allocated_at
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_allocation_link = _new(cls)
        try:  # every documented field present, as in the API's responses
            _vendor_refund_id = src_dict["vendor_refund_id"]
            vendor_refund_allocation_link.amount_cents = src_dict["amount_cents"]
            _allocated_at = src_dict["allocated_at"]
            vendor_refund_allocation_link.reference_number = src_dict["reference_number"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _vendor_refund_id = src_dict["vendor_refund_id"]
            vendor_refund_allocation_link.amount_cents = src_dict["amount_cents"]
            _allocated_at = src_dict.get("allocated_at", UNSET)
            vendor_refund_allocation_link.reference_number = src_dict.get("reference_number", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_allocation_link.vendor_refund_id = parse_uuid(_vendor_refund_id)

        vendor_refund_allocation_link.allocated_at = (
            UNSET if _allocated_at is UNSET else datetime.datetime.fromisoformat(_allocated_at)
        )

        vendor_refund_allocation_link.additional_properties = additional_properties
        return vendor_refund_allocation_link

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
