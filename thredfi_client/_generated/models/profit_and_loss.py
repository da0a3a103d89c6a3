from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.profit_and_loss_detail_level import ProfitAndLossDetailLevel
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="ProfitAndLoss")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "business_id",
        "start_date",
        "end_date",
        "currency",
        "detail_level",
        "summary",
        "revenue",
        "other_operating_income",
        "direct_costs",
        "operating_expenses",
        "finance_income",
        "finance_costs",
        "income_tax",
    )
)
_new = object.__new__


@_attrs_define
class ProfitAndLoss:
    """
    Attributes:
        business_id (UUID):
        start_date (datetime.date):
        end_date (datetime.date):
        currency (str):
        detail_level (ProfitAndLossDetailLevel):
        summary (ProfitAndLossSummary):
        revenue (ReportSection | Unset): Accounts grouped by account subtype.
        other_operating_income (ReportSection | Unset): Accounts grouped by account subtype.
        direct_costs (ReportSection | Unset): Accounts grouped by account subtype.
        operating_expenses (ReportSection | Unset): Accounts grouped by account subtype.
        finance_income (ReportSection | Unset): Accounts grouped by account subtype.
        finance_costs (ReportSection | Unset): Accounts grouped by account subtype.
        income_tax (ReportSection | Unset): Accounts grouped by account subtype.
    """

    business_id: UUID
    start_date: datetime.date
    end_date: datetime.date
    currency: str
    detail_level: ProfitAndLossDetailLevel
    summary: ProfitAndLossSummary
    revenue: ReportSection | Unset = UNSET
    other_operating_income: ReportSection | Unset = UNSET
    direct_costs: ReportSection | Unset = UNSET
    operating_expenses: ReportSection | Unset = UNSET
    finance_income: ReportSection | Unset = UNSET
    finance_costs: ReportSection | Unset = UNSET
    income_tax: ReportSection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_id = str(self.business_id)

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        currency = self.currency

        detail_level = self.detail_level.value

        summary = self.summary.to_dict()

        revenue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.revenue, Unset):
            revenue = self.revenue.to_dict()

        other_operating_income: dict[str, Any] | Unset = UNSET
        if not isinstance(self.other_operating_income, Unset):
            other_operating_income = self.other_operating_income.to_dict()

        direct_costs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.direct_costs, Unset):
            direct_costs = self.direct_costs.to_dict()

        operating_expenses: dict[str, Any] | Unset = UNSET
        if not isinstance(self.operating_expenses, Unset):
            operating_expenses = self.operating_expenses.to_dict()

        finance_income: dict[str, Any] | Unset = UNSET
        if not isinstance(self.finance_income, Unset):
            finance_income = self.finance_income.to_dict()

        finance_costs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.finance_costs, Unset):
            finance_costs = self.finance_costs.to_dict()

        income_tax: dict[str, Any] | Unset = UNSET
        if not isinstance(self.income_tax, Unset):
            income_tax = self.income_tax.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_id": business_id,
                "start_date": start_date,
                "end_date": end_date,
                "currency": currency,
                "detail_level": detail_level,
                "summary": summary,
            }
        )
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if other_operating_income is not UNSET:
            field_dict["other_operating_income"] = other_operating_income
        if direct_costs is not UNSET:
            field_dict["direct_costs"] = direct_costs
        if operating_expenses is not UNSET:
            field_dict["operating_expenses"] = operating_expenses
        if finance_income is not UNSET:
            field_dict["finance_income"] = finance_income
        if finance_costs is not UNSET:
            field_dict["finance_costs"] = finance_costs
        if income_tax is not UNSET:
            field_dict["income_tax"] = income_tax

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        profit_and_loss = _new(cls)
        try:  # every documented field present, as in the API's responses
            _business_id = src_dict["business_id"]
            _start_date = src_dict["start_date"]
            _end_date = src_dict["end_date"]
            profit_and_loss.currency = src_dict["currency"]
            _detail_level = src_dict["detail_level"]
            _summary = src_dict["summary"]
            _revenue = src_dict["revenue"]
            _other_operating_income = src_dict["other_operating_income"]
            _direct_costs = src_dict["direct_costs"]
            _operating_expenses = src_dict["operating_expenses"]
            _finance_income = src_dict["finance_income"]
            _finance_costs = src_dict["finance_costs"]
            _income_tax = src_dict["income_tax"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _business_id = src_dict["business_id"]
            _start_date = src_dict["start_date"]
            _end_date = src_dict["end_date"]
            profit_and_loss.currency = src_dict["currency"]
            _detail_level = src_dict["detail_level"]
            _summary = src_dict["summary"]
            _revenue = src_dict.get("revenue", UNSET)
            _other_operating_income = src_dict.get("other_operating_income", UNSET)
            _direct_costs = src_dict.get("direct_costs", UNSET)
            _operating_expenses = src_dict.get("operating_expenses", UNSET)
            _finance_income = src_dict.get("finance_income", UNSET)
            _finance_costs = src_dict.get("finance_costs", UNSET)
            _income_tax = src_dict.get("income_tax", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 13
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        profit_and_loss.business_id = parse_uuid(_business_id)

        profit_and_loss.start_date = datetime.date.fromisoformat(_start_date)

        profit_and_loss.end_date = datetime.date.fromisoformat(_end_date)

        profit_and_loss.detail_level = ProfitAndLossDetailLevel(_detail_level)

        profit_and_loss.summary = ProfitAndLossSummary.from_dict(_summary)

        profit_and_loss.revenue = UNSET if _revenue is UNSET else ReportSection.from_dict(_revenue)

        profit_and_loss.other_operating_income = (
            UNSET
            if _other_operating_income is UNSET
            else ReportSection.from_dict(_other_operating_income)
        )

        profit_and_loss.direct_costs = (
            UNSET if _direct_costs is UNSET else ReportSection.from_dict(_direct_costs)
        )

        profit_and_loss.operating_expenses = (
            UNSET if _operating_expenses is UNSET else ReportSection.from_dict(_operating_expenses)
        )

        profit_and_loss.finance_income = (
            UNSET if _finance_income is UNSET else ReportSection.from_dict(_finance_income)
        )

        profit_and_loss.finance_costs = (
            UNSET if _finance_costs is UNSET else ReportSection.from_dict(_finance_costs)
        )

        profit_and_loss.income_tax = (
            UNSET if _income_tax is UNSET else ReportSection.from_dict(_income_tax)
        )

        profit_and_loss.additional_properties = additional_properties
        return profit_and_loss

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


from ..models.profit_and_loss_summary import ProfitAndLossSummary  # noqa: E402 -- after the class, so import cycles work
from ..models.report_section import ReportSection  # noqa: E402 -- after the class, so import cycles work
