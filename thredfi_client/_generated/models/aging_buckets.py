from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="AgingBuckets")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "current": {"int_format": "int64"},
    "days_1_30": {"int_format": "int64"},
    "days_31_60": {"int_format": "int64"},
    "days_61_90": {"int_format": "int64"},
    "over_90_days": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "current",
        "days_1_30",
        "days_31_60",
        "days_61_90",
        "over_90_days",
    )
)
_new = object.__new__


@_attrs_define
class AgingBuckets:
    """Outstanding amounts by days overdue, in cents.

    Attributes:
        current (int):
        days_1_30 (int):
        days_31_60 (int):
        days_61_90 (int):
        over_90_days (int):
    """

    current: int
    days_1_30: int
    days_31_60: int
    days_61_90: int
    over_90_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        days_1_30 = self.days_1_30

        days_31_60 = self.days_31_60

        days_61_90 = self.days_61_90

        over_90_days = self.over_90_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "days_1_30": days_1_30,
                "days_31_60": days_31_60,
                "days_61_90": days_61_90,
                "over_90_days": over_90_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        aging_buckets = _new(cls)
        try:  # every documented field present, as in the API's responses
            aging_buckets.current = src_dict["current"]
            aging_buckets.days_1_30 = src_dict["days_1_30"]
            aging_buckets.days_31_60 = src_dict["days_31_60"]
            aging_buckets.days_61_90 = src_dict["days_61_90"]
            aging_buckets.over_90_days = src_dict["over_90_days"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            aging_buckets.current = src_dict["current"]
            aging_buckets.days_1_30 = src_dict["days_1_30"]
            aging_buckets.days_31_60 = src_dict["days_31_60"]
            aging_buckets.days_61_90 = src_dict["days_61_90"]
            aging_buckets.over_90_days = src_dict["over_90_days"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        aging_buckets.additional_properties = additional_properties
        return aging_buckets

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
