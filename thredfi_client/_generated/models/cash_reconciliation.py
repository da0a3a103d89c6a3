from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="CashReconciliation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "opening_cash_cents": {"int_format": "int64"},
    "net_change_cents": {"int_format": "int64"},
    "calculated_closing_cents": {"int_format": "int64"},
    "actual_closing_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "opening_cash_cents",
        "net_change_cents",
        "calculated_closing_cents",
        "actual_closing_cents",
        "reconciles",
    )
)
_new = object.__new__


@_attrs_define
class CashReconciliation:
    """
    Attributes:
        opening_cash_cents (int):
        net_change_cents (int):
        calculated_closing_cents (int):
        actual_closing_cents (int):
        reconciles (bool):
    """

    opening_cash_cents: int
    net_change_cents: int
    calculated_closing_cents: int
    actual_closing_cents: int
    reconciles: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        opening_cash_cents = self.opening_cash_cents

        net_change_cents = self.net_change_cents

        calculated_closing_cents = self.calculated_closing_cents

        actual_closing_cents = self.actual_closing_cents

        reconciles = self.reconciles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "opening_cash_cents": opening_cash_cents,
                "net_change_cents": net_change_cents,
                "calculated_closing_cents": calculated_closing_cents,
                "actual_closing_cents": actual_closing_cents,
                "reconciles": reconciles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        cash_reconciliation = _new(cls)
        try:  # every documented field present, as in the API's responses
            cash_reconciliation.opening_cash_cents = src_dict["opening_cash_cents"]
            cash_reconciliation.net_change_cents = src_dict["net_change_cents"]
            cash_reconciliation.calculated_closing_cents = src_dict["calculated_closing_cents"]
            cash_reconciliation.actual_closing_cents = src_dict["actual_closing_cents"]
            cash_reconciliation.reconciles = src_dict["reconciles"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            cash_reconciliation.opening_cash_cents = src_dict["opening_cash_cents"]
            cash_reconciliation.net_change_cents = src_dict["net_change_cents"]
            cash_reconciliation.calculated_closing_cents = src_dict["calculated_closing_cents"]
            cash_reconciliation.actual_closing_cents = src_dict["actual_closing_cents"]
            cash_reconciliation.reconciles = src_dict["reconciles"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        cash_reconciliation.additional_properties = additional_properties
        return cash_reconciliation

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
