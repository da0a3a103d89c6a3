from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorCreditAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64"},
    "bill_outstanding_balance_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "bill_id",
        "amount_cents",
        "bill_number",
        "bill_outstanding_balance_cents",
        "applied_at",
    )
)
_new = object.__new__


@_attrs_define
class VendorCreditAllocation:
    """
    Attributes:
        bill_id (UUID):
        amount_cents (int):
        bill_number (str | Unset):
        bill_outstanding_balance_cents (int | Unset):
        applied_at (datetime.datetime | Unset):
    """

    bill_id: UUID
    amount_cents: int
    bill_number: str | Unset = UNSET
    bill_outstanding_balance_cents: int | Unset = UNSET
    applied_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bill_id = str(self.bill_id)

        amount_cents = self.amount_cents

        bill_number = self.bill_number

        bill_outstanding_balance_cents = self.bill_outstanding_balance_cents

        applied_at: str | Unset = UNSET
        if not isinstance(self.applied_at, Unset):
            applied_at = self.applied_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bill_id": bill_id,
                "amount_cents": amount_cents,
            }
        )
        if bill_number is not UNSET:
            field_dict["bill_number"] = bill_number
        if bill_outstanding_balance_cents is not UNSET:
            field_dict["bill_outstanding_balance_cents"] = bill_outstanding_balance_cents
        if applied_at is not UNSET:
            field_dict["applied_at"] = applied_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_credit_allocation = _new(cls)
        try:  # every documented field present, as in the API's responses
            _bill_id = src_dict["bill_id"]
            vendor_credit_allocation.amount_cents = src_dict["amount_cents"]
            vendor_credit_allocation.bill_number = src_dict["bill_number"]
            vendor_credit_allocation.bill_outstanding_balance_cents = src_dict[
                "bill_outstanding_balance_cents"
            ]
            _applied_at = src_dict["applied_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _bill_id = src_dict["bill_id"]
            vendor_credit_allocation.amount_cents = src_dict["amount_cents"]
            vendor_credit_allocation.bill_number = src_dict.get("bill_number", UNSET)
            vendor_credit_allocation.bill_outstanding_balance_cents = src_dict.get(
                "bill_outstanding_balance_cents", UNSET
            )
            _applied_at = src_dict.get("applied_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_credit_allocation.bill_id = parse_uuid(_bill_id)

        vendor_credit_allocation.applied_at = (
            UNSET if _applied_at is UNSET else datetime.datetime.fromisoformat(_applied_at)
        )

        vendor_credit_allocation.additional_properties = additional_properties
        return vendor_credit_allocation

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
