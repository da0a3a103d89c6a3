from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="FinancialTrend")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "revenue_cents": {"int_format": "int64"},
    "expenses_cents": {"int_format": "int64"},
    "net_profit_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "period_start",
        "period_end",
        "revenue_cents",
        "expenses_cents",
        "net_profit_cents",
    )
)
_new = object.__new__


@_attrs_define
class FinancialTrend:
    """
    Attributes:
        period_start (datetime.date):
        period_end (datetime.date):
        revenue_cents (int):
        expenses_cents (int):
        net_profit_cents (int):
    """

    period_start: datetime.date
    period_end: datetime.date
    revenue_cents: int
    expenses_cents: int
    net_profit_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        revenue_cents = self.revenue_cents

        expenses_cents = self.expenses_cents

        net_profit_cents = self.net_profit_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
                "revenue_cents": revenue_cents,
                "expenses_cents": expenses_cents,
                "net_profit_cents": net_profit_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        financial_trend = _new(cls)
        try:  # every documented field present, as in the API's responses
            _period_start = src_dict["period_start"]
            _period_end = src_dict["period_end"]
            financial_trend.revenue_cents = src_dict["revenue_cents"]
            financial_trend.expenses_cents = src_dict["expenses_cents"]
            financial_trend.net_profit_cents = src_dict["net_profit_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _period_start = src_dict["period_start"]
            _period_end = src_dict["period_end"]
            financial_trend.revenue_cents = src_dict["revenue_cents"]
            financial_trend.expenses_cents = src_dict["expenses_cents"]
            financial_trend.net_profit_cents = src_dict["net_profit_cents"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        financial_trend.period_start = datetime.date.fromisoformat(_period_start)

        financial_trend.period_end = datetime.date.fromisoformat(_period_end)

        financial_trend.additional_properties = additional_properties
        return financial_trend

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
