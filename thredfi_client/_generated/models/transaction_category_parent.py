from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransactionCategoryParent")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "id",
        "code",
        "name",
    )
)
_new = object.__new__


@_attrs_define
class TransactionCategoryParent:
    """
    Attributes:
        id (str | Unset):
        code (str | Unset):
        name (str | Unset):
    """

    id: str | Unset = UNSET
    code: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if code is not UNSET:
            field_dict["code"] = code
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        transaction_category_parent = _new(cls)
        try:  # every documented field present, as in the API's responses
            transaction_category_parent.id = src_dict["id"]
            transaction_category_parent.code = src_dict["code"]
            transaction_category_parent.name = src_dict["name"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            transaction_category_parent.id = src_dict.get("id", UNSET)
            transaction_category_parent.code = src_dict.get("code", UNSET)
            transaction_category_parent.name = src_dict.get("name", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        transaction_category_parent.additional_properties = additional_properties
        return transaction_category_parent

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
