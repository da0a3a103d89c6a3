from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="ReportSection")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"total_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "display_name",
        "total_cents",
        "line_items",
    )
)
_new = object.__new__


@_attrs_define
class ReportSection:
    """Accounts grouped by account subtype.

    Attributes:
        display_name (str):
        total_cents (int):
        line_items (list[ReportLineItem]):
    """

    display_name: str
    total_cents: int
    line_items: list[ReportLineItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        total_cents = self.total_cents

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "total_cents": total_cents,
                "line_items": line_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        report_section = _new(cls)
        try:  # every documented field present, as in the API's responses
            report_section.display_name = src_dict["display_name"]
            report_section.total_cents = src_dict["total_cents"]
            _line_items = src_dict["line_items"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            report_section.display_name = src_dict["display_name"]
            report_section.total_cents = src_dict["total_cents"]
            _line_items = src_dict["line_items"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        line_items = list(map(ReportLineItem.from_dict, _line_items))

        report_section.line_items = line_items

        report_section.additional_properties = additional_properties
        return report_section

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


from ..models.report_line_item import ReportLineItem  # noqa: E402 -- after the class, so import cycles work
