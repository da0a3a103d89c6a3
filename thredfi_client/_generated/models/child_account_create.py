from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChildAccountCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "code",
        "name",
        "description",
        "external_id",
        "custom_fields",
        "institution_name",
        "iban",
        "sort_code",
        "account_number_mask",
    )
)
_new = object.__new__


@_attrs_define
class ChildAccountCreate:
    """A new account under a parent (it takes the parent's type and subtype).

    Attributes:
        code (str):
        name (str):
        description (str | Unset):
        external_id (str | Unset):
        custom_fields (Any | Unset): Free-form fields
        institution_name (str | Unset):
        iban (str | Unset):
        sort_code (str | Unset):
        account_number_mask (str | Unset):
    """

    code: str
    name: str
    description: str | Unset = UNSET
    external_id: str | Unset = UNSET
    custom_fields: Any | Unset = UNSET
    institution_name: str | Unset = UNSET
    iban: str | Unset = UNSET
    sort_code: str | Unset = UNSET
    account_number_mask: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        description = self.description

        external_id = self.external_id

        custom_fields = self.custom_fields

        institution_name = self.institution_name

        iban = self.iban

        sort_code = self.sort_code

        account_number_mask = self.account_number_mask

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if institution_name is not UNSET:
            field_dict["institution_name"] = institution_name
        if iban is not UNSET:
            field_dict["iban"] = iban
        if sort_code is not UNSET:
            field_dict["sort_code"] = sort_code
        if account_number_mask is not UNSET:
            field_dict["account_number_mask"] = account_number_mask

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        child_account_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            child_account_create.code = src_dict["code"]
            child_account_create.name = src_dict["name"]
            child_account_create.description = src_dict["description"]
            child_account_create.external_id = src_dict["external_id"]
            child_account_create.custom_fields = src_dict["custom_fields"]
            child_account_create.institution_name = src_dict["institution_name"]
            child_account_create.iban = src_dict["iban"]
            child_account_create.sort_code = src_dict["sort_code"]
            child_account_create.account_number_mask = src_dict["account_number_mask"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            child_account_create.code = src_dict["code"]
            child_account_create.name = src_dict["name"]
            child_account_create.description = src_dict.get("description", UNSET)
            child_account_create.external_id = src_dict.get("external_id", UNSET)
            child_account_create.custom_fields = src_dict.get("custom_fields", UNSET)
            child_account_create.institution_name = src_dict.get("institution_name", UNSET)
            child_account_create.iban = src_dict.get("iban", UNSET)
            child_account_create.sort_code = src_dict.get("sort_code", UNSET)
            child_account_create.account_number_mask = src_dict.get("account_number_mask", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        child_account_create.additional_properties = additional_properties
        return child_account_create

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
