from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="FinancialSummaryTotals")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_revenue_cents": {"int_format": "int64"},
    "total_expenses_cents": {"int_format": "int64"},
    "net_profit_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "total_revenue_cents",
        "total_expenses_cents",
        "net_profit_cents",
    )
)
_new = object.__new__


@_attrs_define
class FinancialSummaryTotals:
    """
    Attributes:
        total_revenue_cents (int):
        total_expenses_cents (int):
        net_profit_cents (int):
    """

    total_revenue_cents: int
    total_expenses_cents: int
    net_profit_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_revenue_cents = self.total_revenue_cents

        total_expenses_cents = self.total_expenses_cents

        net_profit_cents = self.net_profit_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_revenue_cents": total_revenue_cents,
                "total_expenses_cents": total_expenses_cents,
                "net_profit_cents": net_profit_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        financial_summary_totals = _new(cls)
        try:  # every documented field present, as in the API's responses
            financial_summary_totals.total_revenue_cents = src_dict["total_revenue_cents"]
            financial_summary_totals.total_expenses_cents = src_dict["total_expenses_cents"]
            financial_summary_totals.net_profit_cents = src_dict["net_profit_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            financial_summary_totals.total_revenue_cents = src_dict["total_revenue_cents"]
            financial_summary_totals.total_expenses_cents = src_dict["total_expenses_cents"]
            financial_summary_totals.net_profit_cents = src_dict["net_profit_cents"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        financial_summary_totals.additional_properties = additional_properties
        return financial_summary_totals

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
