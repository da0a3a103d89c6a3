from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.cash_flow_statement_detail_level import CashFlowStatementDetailLevel
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="CashFlowStatement")

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
        "cash_reconciliation",
        "operating_activities",
        "investing_activities",
        "financing_activities",
    )
)
_new = object.__new__


@_attrs_define
class CashFlowStatement:
    """
    Attributes:
        business_id (UUID):
        start_date (datetime.date):
        end_date (datetime.date):
        currency (str):
        detail_level (CashFlowStatementDetailLevel):
        summary (CashFlowSummary):
        cash_reconciliation (CashReconciliation | Unset):
        operating_activities (OperatingActivities | Unset):
        investing_activities (ReportSection | Unset): Accounts grouped by account subtype.
        financing_activities (ReportSection | Unset): Accounts grouped by account subtype.
    """

    business_id: UUID
    start_date: datetime.date
    end_date: datetime.date
    currency: str
    detail_level: CashFlowStatementDetailLevel
    summary: CashFlowSummary
    cash_reconciliation: CashReconciliation | Unset = UNSET
    operating_activities: OperatingActivities | Unset = UNSET
    investing_activities: ReportSection | Unset = UNSET
    financing_activities: ReportSection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_id = str(self.business_id)

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        currency = self.currency

        detail_level = self.detail_level.value

        summary = self.summary.to_dict()

        cash_reconciliation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cash_reconciliation, Unset):
            cash_reconciliation = self.cash_reconciliation.to_dict()

        operating_activities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.operating_activities, Unset):
            operating_activities = self.operating_activities.to_dict()

        investing_activities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.investing_activities, Unset):
            investing_activities = self.investing_activities.to_dict()

        financing_activities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.financing_activities, Unset):
            financing_activities = self.financing_activities.to_dict()

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
        if cash_reconciliation is not UNSET:
            field_dict["cash_reconciliation"] = cash_reconciliation
        if operating_activities is not UNSET:
            field_dict["operating_activities"] = operating_activities
        if investing_activities is not UNSET:
            field_dict["investing_activities"] = investing_activities
        if financing_activities is not UNSET:
            field_dict["financing_activities"] = financing_activities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        cash_flow_statement = _new(cls)
        try:  # every documented field present, as in the API's responses
            _business_id = src_dict["business_id"]
            _start_date = src_dict["start_date"]
            _end_date = src_dict["end_date"]
            cash_flow_statement.currency = src_dict["currency"]
            _detail_level = src_dict["detail_level"]
            _summary = src_dict["summary"]
            _cash_reconciliation = src_dict["cash_reconciliation"]
            _operating_activities = src_dict["operating_activities"]
            _investing_activities = src_dict["investing_activities"]
            _financing_activities = src_dict["financing_activities"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _business_id = src_dict["business_id"]
            _start_date = src_dict["start_date"]
            _end_date = src_dict["end_date"]
            cash_flow_statement.currency = src_dict["currency"]
            _detail_level = src_dict["detail_level"]
            _summary = src_dict["summary"]
            _cash_reconciliation = src_dict.get("cash_reconciliation", UNSET)
            _operating_activities = src_dict.get("operating_activities", UNSET)
            _investing_activities = src_dict.get("investing_activities", UNSET)
            _financing_activities = src_dict.get("financing_activities", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 10
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        cash_flow_statement.business_id = parse_uuid(_business_id)

        cash_flow_statement.start_date = datetime.date.fromisoformat(_start_date)

        cash_flow_statement.end_date = datetime.date.fromisoformat(_end_date)

        cash_flow_statement.detail_level = CashFlowStatementDetailLevel(_detail_level)

        cash_flow_statement.summary = CashFlowSummary.from_dict(_summary)

        cash_flow_statement.cash_reconciliation = (
            UNSET
            if _cash_reconciliation is UNSET
            else CashReconciliation.from_dict(_cash_reconciliation)
        )

        cash_flow_statement.operating_activities = (
            UNSET
            if _operating_activities is UNSET
            else OperatingActivities.from_dict(_operating_activities)
        )

        cash_flow_statement.investing_activities = (
            UNSET
            if _investing_activities is UNSET
            else ReportSection.from_dict(_investing_activities)
        )

        cash_flow_statement.financing_activities = (
            UNSET
            if _financing_activities is UNSET
            else ReportSection.from_dict(_financing_activities)
        )

        cash_flow_statement.additional_properties = additional_properties
        return cash_flow_statement

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


from ..models.cash_flow_summary import CashFlowSummary  # noqa: E402 -- after the class, so import cycles work
from ..models.cash_reconciliation import CashReconciliation  # noqa: E402 -- after the class, so import cycles work
from ..models.operating_activities import OperatingActivities  # noqa: E402 -- after the class, so import cycles work
from ..models.report_section import ReportSection  # noqa: E402 -- after the class, so import cycles work
