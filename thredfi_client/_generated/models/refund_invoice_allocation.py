from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import parse_uuid

T = TypeVar("T", bound="RefundInvoiceAllocation")


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
        d = dict(src_dict)
        id = parse_uuid(d.pop("id"))

        allocation_type = d.pop("allocation_type")

        amount = d.pop("amount")

        invoice_id = parse_uuid(d.pop("invoice_id"))

        invoice_number = d.pop("invoice_number")

        invoice_outstanding_balance_cents = d.pop("invoice_outstanding_balance_cents")

        target_description = d.pop("target_description")

        description = d.pop("description")

        allocation_date = datetime.date.fromisoformat(d.pop("allocation_date"))

        refund_invoice_allocation = cls(
            id=id,
            allocation_type=allocation_type,
            amount=amount,
            invoice_id=invoice_id,
            invoice_number=invoice_number,
            invoice_outstanding_balance_cents=invoice_outstanding_balance_cents,
            target_description=target_description,
            description=description,
            allocation_date=allocation_date,
        )

        refund_invoice_allocation.additional_properties = d
        return refund_invoice_allocation

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
