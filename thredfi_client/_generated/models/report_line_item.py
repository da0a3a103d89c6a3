from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="ReportLineItem")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"value_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "account_code",
        "account_name",
        "value_cents",
        "account_id",
    )
)
_new = object.__new__


@_attrs_define
class ReportLineItem:
    """
    Attributes:
        account_code (str):
        account_name (str):
        value_cents (int):
        account_id (UUID | Unset):
    """

    account_code: str
    account_name: str
    value_cents: int
    account_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_code = self.account_code

        account_name = self.account_name

        value_cents = self.value_cents

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_code": account_code,
                "account_name": account_name,
                "value_cents": value_cents,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        report_line_item = _new(cls)
        try:  # every documented field present, as in the API's responses
            report_line_item.account_code = src_dict["account_code"]
            report_line_item.account_name = src_dict["account_name"]
            report_line_item.value_cents = src_dict["value_cents"]
            _account_id = src_dict["account_id"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            report_line_item.account_code = src_dict["account_code"]
            report_line_item.account_name = src_dict["account_name"]
            report_line_item.value_cents = src_dict["value_cents"]
            _account_id = src_dict.get("account_id", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        report_line_item.account_id = UNSET if _account_id is UNSET else parse_uuid(_account_id)

        report_line_item.additional_properties = additional_properties
        return report_line_item

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
