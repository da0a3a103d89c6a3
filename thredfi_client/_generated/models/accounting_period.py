from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountingPeriod")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "year": {"int_format": "int64"},
    "month": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "year",
        "month",
        "id",
        "period_name",
        "status",
    )
)
_new = object.__new__


@_attrs_define
class AccountingPeriod:
    """
    Attributes:
        year (int):
        month (int):
        id (str | Unset):
        period_name (str | Unset):
        status (str | Unset):
    """

    year: int
    month: int
    id: str | Unset = UNSET
    period_name: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        month = self.month

        id = self.id

        period_name = self.period_name

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "month": month,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if period_name is not UNSET:
            field_dict["period_name"] = period_name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        accounting_period = _new(cls)
        try:  # every documented field present, as in the API's responses
            accounting_period.year = src_dict["year"]
            accounting_period.month = src_dict["month"]
            accounting_period.id = src_dict["id"]
            accounting_period.period_name = src_dict["period_name"]
            accounting_period.status = src_dict["status"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            accounting_period.year = src_dict["year"]
            accounting_period.month = src_dict["month"]
            accounting_period.id = src_dict.get("id", UNSET)
            accounting_period.period_name = src_dict.get("period_name", UNSET)
            accounting_period.status = src_dict.get("status", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        accounting_period.additional_properties = additional_properties
        return accounting_period

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
