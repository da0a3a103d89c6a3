from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdditionalSalesTaxCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "amount",
        "tax_account",
        "rate",
        "name",
    )
)
_new = object.__new__


@_attrs_define
class AdditionalSalesTaxCreate:
    """An invoice-level tax on a new invoice.

    Attributes:
        amount (int): Tax amount in cents.
        tax_account (Any | Unset): The ledger account the tax is booked to.
        rate (str | Unset): Tax rate.
        name (str | Unset): Tax name.
    """

    amount: int
    tax_account: Any | Unset = UNSET
    rate: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        tax_account = self.tax_account

        rate = self.rate

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if tax_account is not UNSET:
            field_dict["tax_account"] = tax_account
        if rate is not UNSET:
            field_dict["rate"] = rate
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        additional_sales_tax_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            additional_sales_tax_create.amount = src_dict["amount"]
            additional_sales_tax_create.tax_account = src_dict["tax_account"]
            additional_sales_tax_create.rate = src_dict["rate"]
            additional_sales_tax_create.name = src_dict["name"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            additional_sales_tax_create.amount = src_dict["amount"]
            additional_sales_tax_create.tax_account = src_dict.get("tax_account", UNSET)
            additional_sales_tax_create.rate = src_dict.get("rate", UNSET)
            additional_sales_tax_create.name = src_dict.get("name", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        additional_sales_tax_create.additional_properties = additional_properties

        return additional_sales_tax_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            additional_sales_tax_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                additional_sales_tax_create.amount = src_dict["amount"]
                additional_sales_tax_create.tax_account = src_dict["tax_account"]
                additional_sales_tax_create.rate = src_dict["rate"]
                additional_sales_tax_create.name = src_dict["name"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                additional_sales_tax_create.amount = src_dict["amount"]
                additional_sales_tax_create.tax_account = src_dict.get("tax_account", UNSET)
                additional_sales_tax_create.rate = src_dict.get("rate", UNSET)
                additional_sales_tax_create.name = src_dict.get("name", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 4
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            additional_sales_tax_create.additional_properties = additional_properties

            append_(additional_sales_tax_create)
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
