from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="SalesTaxCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount": {"int_format": "int64"},
    "discount_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "amount",
        "tax_account",
        "discount_amount",
    )
)
_new = object.__new__


@_attrs_define
class SalesTaxCreate:
    """A sales tax on a line item.

    Attributes:
        amount (int): Tax amount in cents.
        tax_account (Any | Unset): The ledger account the tax is booked to.
        discount_amount (int | Unset): Discount on the tax, in cents. Default: 0.
    """

    amount: int
    tax_account: Any | Unset = UNSET
    discount_amount: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        tax_account = self.tax_account

        discount_amount = self.discount_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if tax_account is not UNSET:
            field_dict["tax_account"] = tax_account
        if discount_amount is not UNSET:
            field_dict["discount_amount"] = discount_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        sales_tax_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            sales_tax_create.amount = src_dict["amount"]
            sales_tax_create.tax_account = src_dict["tax_account"]
            sales_tax_create.discount_amount = src_dict["discount_amount"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            sales_tax_create.amount = src_dict["amount"]
            sales_tax_create.tax_account = src_dict.get("tax_account", UNSET)
            sales_tax_create.discount_amount = src_dict.get("discount_amount", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        sales_tax_create.additional_properties = additional_properties

        return sales_tax_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            sales_tax_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                sales_tax_create.amount = src_dict["amount"]
                sales_tax_create.tax_account = src_dict["tax_account"]
                sales_tax_create.discount_amount = src_dict["discount_amount"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                sales_tax_create.amount = src_dict["amount"]
                sales_tax_create.tax_account = src_dict.get("tax_account", UNSET)
                sales_tax_create.discount_amount = src_dict.get("discount_amount", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 3
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            sales_tax_create.additional_properties = additional_properties

            append_(sales_tax_create)
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
