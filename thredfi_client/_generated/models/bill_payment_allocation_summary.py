from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillPaymentAllocationSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "amount_cents",
        "bill_payment_id",
        "payment_date",
        "payment_method",
    )
)
_new = object.__new__


@_attrs_define
class BillPaymentAllocationSummary:
    """A payment applied to a bill, as the bill shows it.

    Attributes:
        amount_cents (int):
        bill_payment_id (UUID):
        payment_date (datetime.date | Unset):
        payment_method (str | Unset):
    """

    amount_cents: int
    bill_payment_id: UUID
    payment_date: datetime.date | Unset = UNSET
    payment_method: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_cents = self.amount_cents

        bill_payment_id = str(self.bill_payment_id)

        payment_date: str | Unset = UNSET
        if not isinstance(self.payment_date, Unset):
            payment_date = self.payment_date.isoformat()

        payment_method = self.payment_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_cents": amount_cents,
                "bill_payment_id": bill_payment_id,
            }
        )
        if payment_date is not UNSET:
            field_dict["payment_date"] = payment_date
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment_allocation_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            bill_payment_allocation_summary.amount_cents = src_dict["amount_cents"]
            _bill_payment_id = src_dict["bill_payment_id"]
            _payment_date = src_dict["payment_date"]
            bill_payment_allocation_summary.payment_method = src_dict["payment_method"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            bill_payment_allocation_summary.amount_cents = src_dict["amount_cents"]
            _bill_payment_id = src_dict["bill_payment_id"]
            _payment_date = src_dict.get("payment_date", UNSET)
            bill_payment_allocation_summary.payment_method = src_dict.get("payment_method", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        bill_payment_allocation_summary.bill_payment_id = parse_uuid(_bill_payment_id)

        bill_payment_allocation_summary.payment_date = (
            UNSET if _payment_date is UNSET else datetime.date.fromisoformat(_payment_date)
        )

        bill_payment_allocation_summary.additional_properties = additional_properties
        return bill_payment_allocation_summary

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
