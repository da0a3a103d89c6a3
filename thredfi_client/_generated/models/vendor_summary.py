from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "id",
        "external_id",
        "display_name",
    )
)
_new = object.__new__


@_attrs_define
class VendorSummary:
    """The vendor of a credit.

    Attributes:
        id (UUID):
        external_id (str | Unset):
        display_name (str | Unset):
    """

    id: UUID
    external_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        external_id = self.external_id

        display_name = self.display_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            vendor_summary.external_id = src_dict["external_id"]
            vendor_summary.display_name = src_dict["display_name"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            vendor_summary.external_id = src_dict.get("external_id", UNSET)
            vendor_summary.display_name = src_dict.get("display_name", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_summary.id = parse_uuid(_id)

        vendor_summary.additional_properties = additional_properties
        return vendor_summary

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
