from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="ProfitAndLossSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "net_revenue_cents": {"int_format": "int64"},
    "total_operating_income_cents": {"int_format": "int64"},
    "gross_profit_cents": {"int_format": "int64"},
    "total_operating_expenses_cents": {"int_format": "int64"},
    "operating_profit_cents": {"int_format": "int64"},
    "profit_before_tax_cents": {"int_format": "int64"},
    "net_profit_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "net_revenue_cents",
        "total_operating_income_cents",
        "gross_profit_cents",
        "total_operating_expenses_cents",
        "operating_profit_cents",
        "profit_before_tax_cents",
        "net_profit_cents",
    )
)
_new = object.__new__


@_attrs_define
class ProfitAndLossSummary:
    """
    Attributes:
        net_revenue_cents (int):
        total_operating_income_cents (int):
        gross_profit_cents (int):
        total_operating_expenses_cents (int):
        operating_profit_cents (int):
        profit_before_tax_cents (int):
        net_profit_cents (int):
    """

    net_revenue_cents: int
    total_operating_income_cents: int
    gross_profit_cents: int
    total_operating_expenses_cents: int
    operating_profit_cents: int
    profit_before_tax_cents: int
    net_profit_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        net_revenue_cents = self.net_revenue_cents

        total_operating_income_cents = self.total_operating_income_cents

        gross_profit_cents = self.gross_profit_cents

        total_operating_expenses_cents = self.total_operating_expenses_cents

        operating_profit_cents = self.operating_profit_cents

        profit_before_tax_cents = self.profit_before_tax_cents

        net_profit_cents = self.net_profit_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "net_revenue_cents": net_revenue_cents,
                "total_operating_income_cents": total_operating_income_cents,
                "gross_profit_cents": gross_profit_cents,
                "total_operating_expenses_cents": total_operating_expenses_cents,
                "operating_profit_cents": operating_profit_cents,
                "profit_before_tax_cents": profit_before_tax_cents,
                "net_profit_cents": net_profit_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        profit_and_loss_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            profit_and_loss_summary.net_revenue_cents = src_dict["net_revenue_cents"]
            profit_and_loss_summary.total_operating_income_cents = src_dict[
                "total_operating_income_cents"
            ]
            profit_and_loss_summary.gross_profit_cents = src_dict["gross_profit_cents"]
            profit_and_loss_summary.total_operating_expenses_cents = src_dict[
                "total_operating_expenses_cents"
            ]
            profit_and_loss_summary.operating_profit_cents = src_dict["operating_profit_cents"]
            profit_and_loss_summary.profit_before_tax_cents = src_dict["profit_before_tax_cents"]
            profit_and_loss_summary.net_profit_cents = src_dict["net_profit_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            profit_and_loss_summary.net_revenue_cents = src_dict["net_revenue_cents"]
            profit_and_loss_summary.total_operating_income_cents = src_dict[
                "total_operating_income_cents"
            ]
            profit_and_loss_summary.gross_profit_cents = src_dict["gross_profit_cents"]
            profit_and_loss_summary.total_operating_expenses_cents = src_dict[
                "total_operating_expenses_cents"
            ]
            profit_and_loss_summary.operating_profit_cents = src_dict["operating_profit_cents"]
            profit_and_loss_summary.profit_before_tax_cents = src_dict["profit_before_tax_cents"]
            profit_and_loss_summary.net_profit_cents = src_dict["net_profit_cents"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 7
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        profit_and_loss_summary.additional_properties = additional_properties
        return profit_and_loss_summary

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
