from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
from ..types import parse_uuid

T = TypeVar("T", bound="RefundInvoiceAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount": {"int_format": "int64"},
    "invoice_outstanding_balance_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "allocation_type",
        "amount",
        "invoice_id",
        "invoice_number",
        "invoice_outstanding_balance_cents",
        "target_description",
        "description",
        "allocation_date",
    )
)
_new = object.__new__


@_attrs_define
class RefundInvoiceAllocation:
    """The part of a refund allocated to one invoice.

    Attributes:
        id (UUID): The allocation's UUID.
        allocation_type (str): What it is allocated to, e.g. invoice.
        amount (int): Amount in cents.
        invoice_id (UUID): The invoice.
        invoice_number (str): Its display number.
        invoice_outstanding_balance_cents (int): The invoice's outstanding balance after the refund, in cents.
        target_description (str): What the allocation targets, for display.
        description (str): A description of the allocation.
        allocation_date (datetime.date): When it was allocated.
    """

    id: UUID
    allocation_type: str
    amount: int
    invoice_id: UUID
    invoice_number: str
    invoice_outstanding_balance_cents: int
    target_description: str
    description: str
    allocation_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        allocation_type = self.allocation_type

        amount = self.amount

        invoice_id = str(self.invoice_id)

        invoice_number = self.invoice_number

        invoice_outstanding_balance_cents = self.invoice_outstanding_balance_cents

        target_description = self.target_description

        description = self.description

        allocation_date = self.allocation_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "allocation_type": allocation_type,
                "amount": amount,
                "invoice_id": invoice_id,
                "invoice_number": invoice_number,
                "invoice_outstanding_balance_cents": invoice_outstanding_balance_cents,
                "target_description": target_description,
                "description": description,
                "allocation_date": allocation_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        refund_invoice_allocation = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            refund_invoice_allocation.allocation_type = src_dict["allocation_type"]
            refund_invoice_allocation.amount = src_dict["amount"]
            _invoice_id = src_dict["invoice_id"]
            refund_invoice_allocation.invoice_number = src_dict["invoice_number"]
            refund_invoice_allocation.invoice_outstanding_balance_cents = src_dict[
                "invoice_outstanding_balance_cents"
            ]
            refund_invoice_allocation.target_description = src_dict["target_description"]
            refund_invoice_allocation.description = src_dict["description"]
            _allocation_date = src_dict["allocation_date"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            refund_invoice_allocation.allocation_type = src_dict["allocation_type"]
            refund_invoice_allocation.amount = src_dict["amount"]
            _invoice_id = src_dict["invoice_id"]
            refund_invoice_allocation.invoice_number = src_dict["invoice_number"]
            refund_invoice_allocation.invoice_outstanding_balance_cents = src_dict[
                "invoice_outstanding_balance_cents"
            ]
            refund_invoice_allocation.target_description = src_dict["target_description"]
            refund_invoice_allocation.description = src_dict["description"]
            _allocation_date = src_dict["allocation_date"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        refund_invoice_allocation.id = known_uuid(_id) or parse_uuid(_id)

        refund_invoice_allocation.invoice_id = known_uuid(_invoice_id) or parse_uuid(_invoice_id)

        refund_invoice_allocation.allocation_date = datetime.date.fromisoformat(_allocation_date)

        refund_invoice_allocation.additional_properties = additional_properties

        return refund_invoice_allocation

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            refund_invoice_allocation = _new(cls)
            try:  # every documented field present, as in the API's responses
                _id = src_dict["id"]
                refund_invoice_allocation.allocation_type = src_dict["allocation_type"]
                refund_invoice_allocation.amount = src_dict["amount"]
                _invoice_id = src_dict["invoice_id"]
                refund_invoice_allocation.invoice_number = src_dict["invoice_number"]
                refund_invoice_allocation.invoice_outstanding_balance_cents = src_dict[
                    "invoice_outstanding_balance_cents"
                ]
                refund_invoice_allocation.target_description = src_dict["target_description"]
                refund_invoice_allocation.description = src_dict["description"]
                _allocation_date = src_dict["allocation_date"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _id = src_dict["id"]
                refund_invoice_allocation.allocation_type = src_dict["allocation_type"]
                refund_invoice_allocation.amount = src_dict["amount"]
                _invoice_id = src_dict["invoice_id"]
                refund_invoice_allocation.invoice_number = src_dict["invoice_number"]
                refund_invoice_allocation.invoice_outstanding_balance_cents = src_dict[
                    "invoice_outstanding_balance_cents"
                ]
                refund_invoice_allocation.target_description = src_dict["target_description"]
                refund_invoice_allocation.description = src_dict["description"]
                _allocation_date = src_dict["allocation_date"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 9
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            refund_invoice_allocation.id = known_uuid(_id) or parse_uuid(_id)

            refund_invoice_allocation.invoice_id = known_uuid(_invoice_id) or parse_uuid(
                _invoice_id
            )

            refund_invoice_allocation.allocation_date = datetime.date.fromisoformat(
                _allocation_date
            )

            refund_invoice_allocation.additional_properties = additional_properties

            append_(refund_invoice_allocation)
        return parsed_

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
