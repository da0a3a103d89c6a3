from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillPaymentAllocationCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64", "minimum": 1}
}
_KNOWN = frozenset(
    (
        "bill_id",
        "amount_cents",
        "description",
    )
)
_new = object.__new__


@_attrs_define
class BillPaymentAllocationCreate:
    """The part of a bill payment applied to one bill.

    Attributes:
        bill_id (UUID): UUID of the bill to pay
        amount_cents (int): Amount applied to the bill, in cents
        description (str | Unset): Description of the allocation
    """

    bill_id: UUID
    amount_cents: int
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bill_id = str(self.bill_id)

        amount_cents = self.amount_cents

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bill_id": bill_id,
                "amount_cents": amount_cents,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment_allocation_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _bill_id = src_dict["bill_id"]
            bill_payment_allocation_create.amount_cents = src_dict["amount_cents"]
            bill_payment_allocation_create.description = src_dict["description"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _bill_id = src_dict["bill_id"]
            bill_payment_allocation_create.amount_cents = src_dict["amount_cents"]
            bill_payment_allocation_create.description = src_dict.get("description", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_payment_allocation_create.bill_id = parse_uuid(_bill_id)

        bill_payment_allocation_create.additional_properties = additional_properties
        return bill_payment_allocation_create

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
