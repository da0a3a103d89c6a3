from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import parse_uuid

T = TypeVar("T", bound="VendorCreditAllocationCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount": {"int_format": "int64", "minimum": 1}}
_KNOWN = frozenset(
    (
        "bill_id",
        "amount",
    )
)
_new = object.__new__


@_attrs_define
class VendorCreditAllocationCreate:
    """The part of a vendor credit applied to one bill.

    Attributes:
        bill_id (UUID):
        amount (int): Amount applied, in cents.
    """

    bill_id: UUID
    amount: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bill_id = str(self.bill_id)

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bill_id": bill_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_credit_allocation_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _bill_id = src_dict["bill_id"]
            vendor_credit_allocation_create.amount = src_dict["amount"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _bill_id = src_dict["bill_id"]
            vendor_credit_allocation_create.amount = src_dict["amount"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 2
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_credit_allocation_create.bill_id = parse_uuid(_bill_id)

        vendor_credit_allocation_create.additional_properties = additional_properties
        return vendor_credit_allocation_create

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
