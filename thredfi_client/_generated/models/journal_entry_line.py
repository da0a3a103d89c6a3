from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="JournalEntryLine")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "debit_amount": {"int_format": "int64"},
    "credit_amount": {"int_format": "int64"},
    "line_number": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "account_code",
        "debit_amount",
        "credit_amount",
        "id",
        "line_number",
        "account_name",
        "account_type",
        "description",
        "external_reference",
    )
)
_new = object.__new__


@_attrs_define
class JournalEntryLine:
    """One debit or credit line (amounts in cents; one of them is 0).

    Attributes:
        account_code (str):
        debit_amount (int):
        credit_amount (int):
        id (str | Unset):
        line_number (int | Unset):
        account_name (str | Unset):
        account_type (str | Unset):
        description (None | str | Unset):
        external_reference (None | str | Unset):
    """

    account_code: str
    debit_amount: int
    credit_amount: int
    id: str | Unset = UNSET
    line_number: int | Unset = UNSET
    account_name: str | Unset = UNSET
    account_type: str | Unset = UNSET
    description: None | str | Unset = UNSET
    external_reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_code = self.account_code

        debit_amount = self.debit_amount

        credit_amount = self.credit_amount

        id = self.id

        line_number = self.line_number

        account_name = self.account_name

        account_type = self.account_type

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        external_reference: None | str | Unset
        if isinstance(self.external_reference, Unset):
            external_reference = UNSET
        else:
            external_reference = self.external_reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_code": account_code,
                "debit_amount": debit_amount,
                "credit_amount": credit_amount,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if line_number is not UNSET:
            field_dict["line_number"] = line_number
        if account_name is not UNSET:
            field_dict["account_name"] = account_name
        if account_type is not UNSET:
            field_dict["account_type"] = account_type
        if description is not UNSET:
            field_dict["description"] = description
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        journal_entry_line = _new(cls)
        try:  # every documented field present, as in the API's responses
            journal_entry_line.account_code = src_dict["account_code"]
            journal_entry_line.debit_amount = src_dict["debit_amount"]
            journal_entry_line.credit_amount = src_dict["credit_amount"]
            journal_entry_line.id = src_dict["id"]
            journal_entry_line.line_number = src_dict["line_number"]
            journal_entry_line.account_name = src_dict["account_name"]
            journal_entry_line.account_type = src_dict["account_type"]
            journal_entry_line.description = src_dict["description"]
            journal_entry_line.external_reference = src_dict["external_reference"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            journal_entry_line.account_code = src_dict["account_code"]
            journal_entry_line.debit_amount = src_dict["debit_amount"]
            journal_entry_line.credit_amount = src_dict["credit_amount"]
            journal_entry_line.id = src_dict.get("id", UNSET)
            journal_entry_line.line_number = src_dict.get("line_number", UNSET)
            journal_entry_line.account_name = src_dict.get("account_name", UNSET)
            journal_entry_line.account_type = src_dict.get("account_type", UNSET)
            journal_entry_line.description = src_dict.get("description", UNSET)
            journal_entry_line.external_reference = src_dict.get("external_reference", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        journal_entry_line.additional_properties = additional_properties
        return journal_entry_line

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
