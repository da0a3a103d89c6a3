from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="OperatingActivities")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"net_profit_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "net_profit_cents",
        "non_cash_adjustments",
        "working_capital_changes",
    )
)
_new = object.__new__


@_attrs_define
class OperatingActivities:
    """
    Attributes:
        net_profit_cents (int):
        non_cash_adjustments (ReportSection | Unset): Accounts grouped by account subtype.
        working_capital_changes (ReportSection | Unset): Accounts grouped by account subtype.
    """

    net_profit_cents: int
    non_cash_adjustments: ReportSection | Unset = UNSET
    working_capital_changes: ReportSection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        net_profit_cents = self.net_profit_cents

        non_cash_adjustments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.non_cash_adjustments, Unset):
            non_cash_adjustments = self.non_cash_adjustments.to_dict()

        working_capital_changes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.working_capital_changes, Unset):
            working_capital_changes = self.working_capital_changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "net_profit_cents": net_profit_cents,
            }
        )
        if non_cash_adjustments is not UNSET:
            field_dict["non_cash_adjustments"] = non_cash_adjustments
        if working_capital_changes is not UNSET:
            field_dict["working_capital_changes"] = working_capital_changes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        operating_activities = _new(cls)
        try:  # every documented field present, as in the API's responses
            operating_activities.net_profit_cents = src_dict["net_profit_cents"]
            _non_cash_adjustments = src_dict["non_cash_adjustments"]
            _working_capital_changes = src_dict["working_capital_changes"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            operating_activities.net_profit_cents = src_dict["net_profit_cents"]
            _non_cash_adjustments = src_dict.get("non_cash_adjustments", UNSET)
            _working_capital_changes = src_dict.get("working_capital_changes", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        operating_activities.non_cash_adjustments = (
            UNSET
            if _non_cash_adjustments is UNSET
            else ReportSection.from_dict(_non_cash_adjustments)
        )

        operating_activities.working_capital_changes = (
            UNSET
            if _working_capital_changes is UNSET
            else ReportSection.from_dict(_working_capital_changes)
        )

        operating_activities.additional_properties = additional_properties
        return operating_activities

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


from ..models.report_section import ReportSection  # noqa: E402 -- after the class, so import cycles work
