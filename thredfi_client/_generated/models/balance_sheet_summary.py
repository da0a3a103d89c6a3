from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="BalanceSheetSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_assets_cents": {"int_format": "int64"},
    "total_non_current_assets_cents": {"int_format": "int64"},
    "total_current_assets_cents": {"int_format": "int64"},
    "total_liabilities_cents": {"int_format": "int64"},
    "total_current_liabilities_cents": {"int_format": "int64"},
    "total_non_current_liabilities_cents": {"int_format": "int64"},
    "total_equity_cents": {"int_format": "int64"},
    "net_assets_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "total_assets_cents",
        "total_non_current_assets_cents",
        "total_current_assets_cents",
        "total_liabilities_cents",
        "total_current_liabilities_cents",
        "total_non_current_liabilities_cents",
        "total_equity_cents",
        "net_assets_cents",
    )
)
_new = object.__new__


@_attrs_define
class BalanceSheetSummary:
    """
    Attributes:
        total_assets_cents (int):
        total_non_current_assets_cents (int):
        total_current_assets_cents (int):
        total_liabilities_cents (int):
        total_current_liabilities_cents (int):
        total_non_current_liabilities_cents (int):
        total_equity_cents (int):
        net_assets_cents (int):
    """

    total_assets_cents: int
    total_non_current_assets_cents: int
    total_current_assets_cents: int
    total_liabilities_cents: int
    total_current_liabilities_cents: int
    total_non_current_liabilities_cents: int
    total_equity_cents: int
    net_assets_cents: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_assets_cents = self.total_assets_cents

        total_non_current_assets_cents = self.total_non_current_assets_cents

        total_current_assets_cents = self.total_current_assets_cents

        total_liabilities_cents = self.total_liabilities_cents

        total_current_liabilities_cents = self.total_current_liabilities_cents

        total_non_current_liabilities_cents = self.total_non_current_liabilities_cents

        total_equity_cents = self.total_equity_cents

        net_assets_cents = self.net_assets_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_assets_cents": total_assets_cents,
                "total_non_current_assets_cents": total_non_current_assets_cents,
                "total_current_assets_cents": total_current_assets_cents,
                "total_liabilities_cents": total_liabilities_cents,
                "total_current_liabilities_cents": total_current_liabilities_cents,
                "total_non_current_liabilities_cents": total_non_current_liabilities_cents,
                "total_equity_cents": total_equity_cents,
                "net_assets_cents": net_assets_cents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        balance_sheet_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            balance_sheet_summary.total_assets_cents = src_dict["total_assets_cents"]
            balance_sheet_summary.total_non_current_assets_cents = src_dict[
                "total_non_current_assets_cents"
            ]
            balance_sheet_summary.total_current_assets_cents = src_dict[
                "total_current_assets_cents"
            ]
            balance_sheet_summary.total_liabilities_cents = src_dict["total_liabilities_cents"]
            balance_sheet_summary.total_current_liabilities_cents = src_dict[
                "total_current_liabilities_cents"
            ]
            balance_sheet_summary.total_non_current_liabilities_cents = src_dict[
                "total_non_current_liabilities_cents"
            ]
            balance_sheet_summary.total_equity_cents = src_dict["total_equity_cents"]
            balance_sheet_summary.net_assets_cents = src_dict["net_assets_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            balance_sheet_summary.total_assets_cents = src_dict["total_assets_cents"]
            balance_sheet_summary.total_non_current_assets_cents = src_dict[
                "total_non_current_assets_cents"
            ]
            balance_sheet_summary.total_current_assets_cents = src_dict[
                "total_current_assets_cents"
            ]
            balance_sheet_summary.total_liabilities_cents = src_dict["total_liabilities_cents"]
            balance_sheet_summary.total_current_liabilities_cents = src_dict[
                "total_current_liabilities_cents"
            ]
            balance_sheet_summary.total_non_current_liabilities_cents = src_dict[
                "total_non_current_liabilities_cents"
            ]
            balance_sheet_summary.total_equity_cents = src_dict["total_equity_cents"]
            balance_sheet_summary.net_assets_cents = src_dict["net_assets_cents"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 8
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        balance_sheet_summary.additional_properties = additional_properties
        return balance_sheet_summary

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
