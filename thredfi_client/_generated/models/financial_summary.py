from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.financial_summary_granularity import FinancialSummaryGranularity
from ..types import parse_uuid

T = TypeVar("T", bound="FinancialSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "business_id",
        "start_date",
        "end_date",
        "currency",
        "granularity",
        "summary",
        "trends",
    )
)
_new = object.__new__


@_attrs_define
class FinancialSummary:
    """
    Attributes:
        business_id (UUID):
        start_date (datetime.date):
        end_date (datetime.date):
        currency (str):
        granularity (FinancialSummaryGranularity):
        summary (FinancialSummaryTotals):
        trends (list[FinancialTrend]):
    """

    business_id: UUID
    start_date: datetime.date
    end_date: datetime.date
    currency: str
    granularity: FinancialSummaryGranularity
    summary: FinancialSummaryTotals
    trends: list[FinancialTrend]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_id = str(self.business_id)

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        currency = self.currency

        granularity = self.granularity.value

        summary = self.summary.to_dict()

        trends = []
        for trends_item_data in self.trends:
            trends_item = trends_item_data.to_dict()
            trends.append(trends_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_id": business_id,
                "start_date": start_date,
                "end_date": end_date,
                "currency": currency,
                "granularity": granularity,
                "summary": summary,
                "trends": trends,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        financial_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            _business_id = src_dict["business_id"]
            _start_date = src_dict["start_date"]
            _end_date = src_dict["end_date"]
            financial_summary.currency = src_dict["currency"]
            _granularity = src_dict["granularity"]
            _summary = src_dict["summary"]
            _trends = src_dict["trends"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _business_id = src_dict["business_id"]
            _start_date = src_dict["start_date"]
            _end_date = src_dict["end_date"]
            financial_summary.currency = src_dict["currency"]
            _granularity = src_dict["granularity"]
            _summary = src_dict["summary"]
            _trends = src_dict["trends"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 7
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        financial_summary.business_id = parse_uuid(_business_id)

        financial_summary.start_date = datetime.date.fromisoformat(_start_date)

        financial_summary.end_date = datetime.date.fromisoformat(_end_date)

        financial_summary.granularity = FinancialSummaryGranularity(_granularity)

        financial_summary.summary = FinancialSummaryTotals.from_dict(_summary)

        trends = list(map(FinancialTrend.from_dict, _trends))

        financial_summary.trends = trends

        financial_summary.additional_properties = additional_properties
        return financial_summary

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


from ..models.financial_summary_totals import FinancialSummaryTotals  # noqa: E402 -- after the class, so import cycles work
from ..models.financial_trend import FinancialTrend  # noqa: E402 -- after the class, so import cycles work
