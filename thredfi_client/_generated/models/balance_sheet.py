from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.balance_sheet_detail_level import BalanceSheetDetailLevel
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BalanceSheet")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "business_id",
        "as_of_date",
        "currency",
        "detail_level",
        "summary",
        "non_current_assets",
        "current_assets",
        "current_liabilities",
        "non_current_liabilities",
        "equity",
    )
)
_new = object.__new__


@_attrs_define
class BalanceSheet:
    """
    Attributes:
        business_id (UUID):
        as_of_date (datetime.date):
        currency (str):
        detail_level (BalanceSheetDetailLevel):
        summary (BalanceSheetSummary):
        non_current_assets (ReportSection | Unset): Accounts grouped by account subtype.
        current_assets (ReportSection | Unset): Accounts grouped by account subtype.
        current_liabilities (ReportSection | Unset): Accounts grouped by account subtype.
        non_current_liabilities (ReportSection | Unset): Accounts grouped by account subtype.
        equity (ReportSection | Unset): Accounts grouped by account subtype.
    """

    business_id: UUID
    as_of_date: datetime.date
    currency: str
    detail_level: BalanceSheetDetailLevel
    summary: BalanceSheetSummary
    non_current_assets: ReportSection | Unset = UNSET
    current_assets: ReportSection | Unset = UNSET
    current_liabilities: ReportSection | Unset = UNSET
    non_current_liabilities: ReportSection | Unset = UNSET
    equity: ReportSection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_id = str(self.business_id)

        as_of_date = self.as_of_date.isoformat()

        currency = self.currency

        detail_level = self.detail_level.value

        summary = self.summary.to_dict()

        non_current_assets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.non_current_assets, Unset):
            non_current_assets = self.non_current_assets.to_dict()

        current_assets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_assets, Unset):
            current_assets = self.current_assets.to_dict()

        current_liabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_liabilities, Unset):
            current_liabilities = self.current_liabilities.to_dict()

        non_current_liabilities: dict[str, Any] | Unset = UNSET
        if not isinstance(self.non_current_liabilities, Unset):
            non_current_liabilities = self.non_current_liabilities.to_dict()

        equity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.equity, Unset):
            equity = self.equity.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_id": business_id,
                "as_of_date": as_of_date,
                "currency": currency,
                "detail_level": detail_level,
                "summary": summary,
            }
        )
        if non_current_assets is not UNSET:
            field_dict["non_current_assets"] = non_current_assets
        if current_assets is not UNSET:
            field_dict["current_assets"] = current_assets
        if current_liabilities is not UNSET:
            field_dict["current_liabilities"] = current_liabilities
        if non_current_liabilities is not UNSET:
            field_dict["non_current_liabilities"] = non_current_liabilities
        if equity is not UNSET:
            field_dict["equity"] = equity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        balance_sheet = _new(cls)
        try:  # every documented field present, as in the API's responses
            _business_id = src_dict["business_id"]
            _as_of_date = src_dict["as_of_date"]
            balance_sheet.currency = src_dict["currency"]
            _detail_level = src_dict["detail_level"]
            _summary = src_dict["summary"]
            _non_current_assets = src_dict["non_current_assets"]
            _current_assets = src_dict["current_assets"]
            _current_liabilities = src_dict["current_liabilities"]
            _non_current_liabilities = src_dict["non_current_liabilities"]
            _equity = src_dict["equity"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _business_id = src_dict["business_id"]
            _as_of_date = src_dict["as_of_date"]
            balance_sheet.currency = src_dict["currency"]
            _detail_level = src_dict["detail_level"]
            _summary = src_dict["summary"]
            _non_current_assets = src_dict.get("non_current_assets", UNSET)
            _current_assets = src_dict.get("current_assets", UNSET)
            _current_liabilities = src_dict.get("current_liabilities", UNSET)
            _non_current_liabilities = src_dict.get("non_current_liabilities", UNSET)
            _equity = src_dict.get("equity", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 10
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        balance_sheet.business_id = parse_uuid(_business_id)

        balance_sheet.as_of_date = datetime.date.fromisoformat(_as_of_date)

        balance_sheet.detail_level = BalanceSheetDetailLevel(_detail_level)

        balance_sheet.summary = BalanceSheetSummary.from_dict(_summary)

        balance_sheet.non_current_assets = (
            UNSET if _non_current_assets is UNSET else ReportSection.from_dict(_non_current_assets)
        )

        balance_sheet.current_assets = (
            UNSET if _current_assets is UNSET else ReportSection.from_dict(_current_assets)
        )

        balance_sheet.current_liabilities = (
            UNSET
            if _current_liabilities is UNSET
            else ReportSection.from_dict(_current_liabilities)
        )

        balance_sheet.non_current_liabilities = (
            UNSET
            if _non_current_liabilities is UNSET
            else ReportSection.from_dict(_non_current_liabilities)
        )

        balance_sheet.equity = UNSET if _equity is UNSET else ReportSection.from_dict(_equity)

        balance_sheet.additional_properties = additional_properties
        return balance_sheet

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


from ..models.balance_sheet_summary import BalanceSheetSummary  # noqa: E402 -- after the class, so import cycles work
from ..models.report_section import ReportSection  # noqa: E402 -- after the class, so import cycles work
