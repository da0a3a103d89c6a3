from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="CashFlowSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "net_cash_from_operating_cents": {"int_format": "int64"},
    "net_cash_from_investing_cents": {"int_format": "int64"},
    "net_cash_from_financing_cents": {"int_format": "int64"},
    "net_change_in_cash_cents": {"int_format": "int64"},
    "opening_cash_cents": {"int_format": "int64"},
    "closing_cash_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "net_cash_from_operating_cents",
        "net_cash_from_investing_cents",
        "net_cash_from_financing_cents",
        "net_change_in_cash_cents",
        "opening_cash_cents",
        "closing_cash_cents",
    )
)
_new = object.__new__


@_attrs_define
class CashFlowSummary:
    """
    Attributes:
        net_cash_from_operating_cents (int):
        net_cash_from_investing_cents (int):
        net_cash_from_financing_cents (int):
        net_change_in_cash_cents (int):
        opening_cash_cents (int):
        closing_cash_cents (int):
    """

    net_cash_from_operating_cents: int
    net_cash_from_investing_cents: int
    net_cash_from_financing_cents: int
    net_change_in_cash_cents: int
    opening_cash_cents: int
    closing_cash_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        net_cash_from_operating_cents = self.net_cash_from_operating_cents

        net_cash_from_investing_cents = self.net_cash_from_investing_cents

        net_cash_from_financing_cents = self.net_cash_from_financing_cents

        net_change_in_cash_cents = self.net_change_in_cash_cents

        opening_cash_cents = self.opening_cash_cents

        closing_cash_cents = self.closing_cash_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "net_cash_from_operating_cents": net_cash_from_operating_cents,
                "net_cash_from_investing_cents": net_cash_from_investing_cents,
                "net_cash_from_financing_cents": net_cash_from_financing_cents,
                "net_change_in_cash_cents": net_change_in_cash_cents,
                "opening_cash_cents": opening_cash_cents,
                "closing_cash_cents": closing_cash_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        cash_flow_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            cash_flow_summary.net_cash_from_operating_cents = src_dict[
                "net_cash_from_operating_cents"
            ]
            cash_flow_summary.net_cash_from_investing_cents = src_dict[
                "net_cash_from_investing_cents"
            ]
            cash_flow_summary.net_cash_from_financing_cents = src_dict[
                "net_cash_from_financing_cents"
            ]
            cash_flow_summary.net_change_in_cash_cents = src_dict["net_change_in_cash_cents"]
            cash_flow_summary.opening_cash_cents = src_dict["opening_cash_cents"]
            cash_flow_summary.closing_cash_cents = src_dict["closing_cash_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            cash_flow_summary.net_cash_from_operating_cents = src_dict[
                "net_cash_from_operating_cents"
            ]
            cash_flow_summary.net_cash_from_investing_cents = src_dict[
                "net_cash_from_investing_cents"
            ]
            cash_flow_summary.net_cash_from_financing_cents = src_dict[
                "net_cash_from_financing_cents"
            ]
            cash_flow_summary.net_change_in_cash_cents = src_dict["net_change_in_cash_cents"]
            cash_flow_summary.opening_cash_cents = src_dict["opening_cash_cents"]
            cash_flow_summary.closing_cash_cents = src_dict["closing_cash_cents"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        cash_flow_summary.additional_properties = additional_properties
        return cash_flow_summary

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
