from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import parse_uuid

T = TypeVar("T", bound="CustomerCreditAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64"},
    "invoice_outstanding_balance_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "invoice_id",
        "invoice_number",
        "amount_cents",
        "invoice_outstanding_balance_cents",
        "applied_at",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCreditAllocation:
    """The part of a credit applied to one invoice.

    Attributes:
        invoice_id (UUID): The invoice.
        invoice_number (str): Its display number.
        amount_cents (int): Amount applied, in cents.
        invoice_outstanding_balance_cents (int): The invoice's outstanding balance after the credit, in cents.
        applied_at (datetime.datetime): When it was applied.
    """

    invoice_id: UUID
    invoice_number: str
    amount_cents: int
    invoice_outstanding_balance_cents: int
    applied_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = str(self.invoice_id)

        invoice_number = self.invoice_number

        amount_cents = self.amount_cents

        invoice_outstanding_balance_cents = self.invoice_outstanding_balance_cents

        applied_at = self.applied_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "invoice_number": invoice_number,
                "amount_cents": amount_cents,
                "invoice_outstanding_balance_cents": invoice_outstanding_balance_cents,
                "applied_at": applied_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_credit_allocation = _new(cls)
        try:  # every documented field present, as in the API's responses
            _invoice_id = src_dict["invoice_id"]
            customer_credit_allocation.invoice_number = src_dict["invoice_number"]
            customer_credit_allocation.amount_cents = src_dict["amount_cents"]
            customer_credit_allocation.invoice_outstanding_balance_cents = src_dict[
                "invoice_outstanding_balance_cents"
            ]
            _applied_at = src_dict["applied_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _invoice_id = src_dict["invoice_id"]
            customer_credit_allocation.invoice_number = src_dict["invoice_number"]
            customer_credit_allocation.amount_cents = src_dict["amount_cents"]
            customer_credit_allocation.invoice_outstanding_balance_cents = src_dict[
                "invoice_outstanding_balance_cents"
            ]
            _applied_at = src_dict["applied_at"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        customer_credit_allocation.invoice_id = parse_uuid(_invoice_id)

        customer_credit_allocation.applied_at = datetime.datetime.fromisoformat(_applied_at)

        customer_credit_allocation.additional_properties = additional_properties
        return customer_credit_allocation

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
