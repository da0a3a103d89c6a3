from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount": {"int_format": "int64"},
    "bill_outstanding_balance_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "amount",
        "bill_id",
        "bill_number",
        "bill_outstanding_balance_cents",
        "bill_payment_id",
        "created_at",
        "updated_at",
        "target_description",
        "allocation_type",
        "allocation_date",
        "description",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundAllocation:
    """
    Attributes:
        id (UUID):
        amount (int): In cents.
        bill_id (None | Unset | UUID):
        bill_number (None | str | Unset):
        bill_outstanding_balance_cents (int | None | Unset):
        bill_payment_id (None | Unset | UUID):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        target_description (None | str | Unset):
        allocation_type (str | Unset):
        allocation_date (datetime.datetime | Unset):
        description (None | str | Unset):
        metadata (Any | Unset): Free-form metadata.
    """

    id: UUID
    amount: int
    bill_id: None | Unset | UUID = UNSET
    bill_number: None | str | Unset = UNSET
    bill_outstanding_balance_cents: int | None | Unset = UNSET
    bill_payment_id: None | Unset | UUID = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    target_description: None | str | Unset = UNSET
    allocation_type: str | Unset = UNSET
    allocation_date: datetime.datetime | Unset = UNSET
    description: None | str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        amount = self.amount

        bill_id: None | str | Unset
        if isinstance(self.bill_id, Unset):
            bill_id = UNSET
        elif isinstance(self.bill_id, UUID):
            bill_id = str(self.bill_id)
        else:
            bill_id = self.bill_id

        bill_number: None | str | Unset
        if isinstance(self.bill_number, Unset):
            bill_number = UNSET
        else:
            bill_number = self.bill_number

        bill_outstanding_balance_cents: int | None | Unset
        if isinstance(self.bill_outstanding_balance_cents, Unset):
            bill_outstanding_balance_cents = UNSET
        else:
            bill_outstanding_balance_cents = self.bill_outstanding_balance_cents

        bill_payment_id: None | str | Unset
        if isinstance(self.bill_payment_id, Unset):
            bill_payment_id = UNSET
        elif isinstance(self.bill_payment_id, UUID):
            bill_payment_id = str(self.bill_payment_id)
        else:
            bill_payment_id = self.bill_payment_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        target_description: None | str | Unset
        if isinstance(self.target_description, Unset):
            target_description = UNSET
        else:
            target_description = self.target_description

        allocation_type = self.allocation_type

        allocation_date: str | Unset = UNSET
        if not isinstance(self.allocation_date, Unset):
            allocation_date = self.allocation_date.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "amount": amount,
            }
        )
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if bill_number is not UNSET:
            field_dict["bill_number"] = bill_number
        if bill_outstanding_balance_cents is not UNSET:
            field_dict["bill_outstanding_balance_cents"] = bill_outstanding_balance_cents
        if bill_payment_id is not UNSET:
            field_dict["bill_payment_id"] = bill_payment_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if target_description is not UNSET:
            field_dict["target_description"] = target_description
        if allocation_type is not UNSET:
            field_dict["allocation_type"] = allocation_type
        if allocation_date is not UNSET:
            field_dict["allocation_date"] = allocation_date
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_allocation = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            vendor_refund_allocation.amount = src_dict["amount"]
            _bill_id = src_dict["bill_id"]
            vendor_refund_allocation.bill_number = src_dict["bill_number"]
            vendor_refund_allocation.bill_outstanding_balance_cents = src_dict[
                "bill_outstanding_balance_cents"
            ]
            _bill_payment_id = src_dict["bill_payment_id"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            vendor_refund_allocation.target_description = src_dict["target_description"]
            vendor_refund_allocation.allocation_type = src_dict["allocation_type"]
            _allocation_date = src_dict["allocation_date"]
            vendor_refund_allocation.description = src_dict["description"]
            vendor_refund_allocation.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            vendor_refund_allocation.amount = src_dict["amount"]
            _bill_id = src_dict.get("bill_id", UNSET)
            vendor_refund_allocation.bill_number = src_dict.get("bill_number", UNSET)
            vendor_refund_allocation.bill_outstanding_balance_cents = src_dict.get(
                "bill_outstanding_balance_cents", UNSET
            )
            _bill_payment_id = src_dict.get("bill_payment_id", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            _updated_at = src_dict.get("updated_at", UNSET)
            vendor_refund_allocation.target_description = src_dict.get("target_description", UNSET)
            vendor_refund_allocation.allocation_type = src_dict.get("allocation_type", UNSET)
            _allocation_date = src_dict.get("allocation_date", UNSET)
            vendor_refund_allocation.description = src_dict.get("description", UNSET)
            vendor_refund_allocation.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 13
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_allocation.id = parse_uuid(_id)

        bill_id: None | Unset | UUID = _bill_id
        if isinstance(_bill_id, str):
            try:
                bill_id_type_0 = parse_uuid(_bill_id)

                bill_id = bill_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund_allocation.bill_id = bill_id

        bill_payment_id: None | Unset | UUID = _bill_payment_id
        if isinstance(_bill_payment_id, str):
            try:
                bill_payment_id_type_0 = parse_uuid(_bill_payment_id)

                bill_payment_id = bill_payment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund_allocation.bill_payment_id = bill_payment_id

        vendor_refund_allocation.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        vendor_refund_allocation.updated_at = (
            UNSET if _updated_at is UNSET else datetime.datetime.fromisoformat(_updated_at)
        )

        vendor_refund_allocation.allocation_date = (
            UNSET
            if _allocation_date is UNSET
            else datetime.datetime.fromisoformat(_allocation_date)
        )

        vendor_refund_allocation.additional_properties = additional_properties
        return vendor_refund_allocation

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
