from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillPaymentAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "id",
        "bill_id",
        "amount_cents",
        "bill_number",
        "vendor_bill_number",
        "bill_status",
        "allocation_date",
        "created_at",
        "description",
    )
)
_new = object.__new__


@_attrs_define
class BillPaymentAllocation:
    """The part of a bill payment applied to one bill.

    Attributes:
        id (UUID):
        bill_id (UUID):
        amount_cents (int):
        bill_number (None | str | Unset):
        vendor_bill_number (None | str | Unset):
        bill_status (str | Unset):
        allocation_date (datetime.datetime | Unset):
        created_at (datetime.datetime | Unset):
        description (None | str | Unset):
    """

    id: UUID
    bill_id: UUID
    amount_cents: int
    bill_number: None | str | Unset = UNSET
    vendor_bill_number: None | str | Unset = UNSET
    bill_status: str | Unset = UNSET
    allocation_date: datetime.datetime | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        bill_id = str(self.bill_id)

        amount_cents = self.amount_cents

        bill_number: None | str | Unset
        if isinstance(self.bill_number, Unset):
            bill_number = UNSET
        else:
            bill_number = self.bill_number

        vendor_bill_number: None | str | Unset
        if isinstance(self.vendor_bill_number, Unset):
            vendor_bill_number = UNSET
        else:
            vendor_bill_number = self.vendor_bill_number

        bill_status = self.bill_status

        allocation_date: str | Unset = UNSET
        if not isinstance(self.allocation_date, Unset):
            allocation_date = self.allocation_date.isoformat()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "bill_id": bill_id,
                "amount_cents": amount_cents,
            }
        )
        if bill_number is not UNSET:
            field_dict["bill_number"] = bill_number
        if vendor_bill_number is not UNSET:
            field_dict["vendor_bill_number"] = vendor_bill_number
        if bill_status is not UNSET:
            field_dict["bill_status"] = bill_status
        if allocation_date is not UNSET:
            field_dict["allocation_date"] = allocation_date
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment_allocation = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _bill_id = src_dict["bill_id"]
            bill_payment_allocation.amount_cents = src_dict["amount_cents"]
            bill_payment_allocation.bill_number = src_dict["bill_number"]
            bill_payment_allocation.vendor_bill_number = src_dict["vendor_bill_number"]
            bill_payment_allocation.bill_status = src_dict["bill_status"]
            _allocation_date = src_dict["allocation_date"]
            _created_at = src_dict["created_at"]
            bill_payment_allocation.description = src_dict["description"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _bill_id = src_dict["bill_id"]
            bill_payment_allocation.amount_cents = src_dict["amount_cents"]
            bill_payment_allocation.bill_number = src_dict.get("bill_number", UNSET)
            bill_payment_allocation.vendor_bill_number = src_dict.get("vendor_bill_number", UNSET)
            bill_payment_allocation.bill_status = src_dict.get("bill_status", UNSET)
            _allocation_date = src_dict.get("allocation_date", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            bill_payment_allocation.description = src_dict.get("description", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_payment_allocation.id = parse_uuid(_id)

        bill_payment_allocation.bill_id = parse_uuid(_bill_id)

        bill_payment_allocation.allocation_date = (
            UNSET
            if _allocation_date is UNSET
            else datetime.datetime.fromisoformat(_allocation_date)
        )

        bill_payment_allocation.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        bill_payment_allocation.additional_properties = additional_properties
        return bill_payment_allocation

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
