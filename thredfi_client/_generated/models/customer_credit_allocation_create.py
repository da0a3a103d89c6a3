from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import parse_uuid

T = TypeVar("T", bound="CustomerCreditAllocationCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount": {"int_format": "int64", "minimum": 1}}
_KNOWN = frozenset(
    (
        "amount",
        "invoice_id",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCreditAllocationCreate:
    """The part of a new credit applied to one invoice.

    Attributes:
        amount (int): Amount applied, in cents.
        invoice_id (UUID): The invoice it is applied to.
    """

    amount: int
    invoice_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        invoice_id = str(self.invoice_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "invoice_id": invoice_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_credit_allocation_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            customer_credit_allocation_create.amount = src_dict["amount"]
            _invoice_id = src_dict["invoice_id"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            customer_credit_allocation_create.amount = src_dict["amount"]
            _invoice_id = src_dict["invoice_id"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 2
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        customer_credit_allocation_create.invoice_id = parse_uuid(_invoice_id)

        customer_credit_allocation_create.additional_properties = additional_properties
        return customer_credit_allocation_create

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
