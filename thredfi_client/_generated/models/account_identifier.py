from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="AccountIdentifier")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "id",
        "type",
    )
)
_new = object.__new__


@_attrs_define
class AccountIdentifier:
    """Reference to a ledger account.

    Attributes:
        id (UUID | Unset): The account's UUID.
        type_ (str | Unset): Kind of identifier, e.g. `AccountId`.
    """

    id: UUID | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        account_identifier = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            account_identifier.type_ = src_dict["type"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict.get("id", UNSET)
            account_identifier.type_ = src_dict.get("type", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 2
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        account_identifier.id = UNSET if _id is UNSET else (known_uuid(_id) or parse_uuid(_id))

        account_identifier.additional_properties = additional_properties

        return account_identifier

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            account_identifier = _new(cls)
            try:  # every documented field present, as in the API's responses
                _id = src_dict["id"]
                account_identifier.type_ = src_dict["type"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _id = src_dict.get("id", UNSET)
                account_identifier.type_ = src_dict.get("type", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 2
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            account_identifier.id = UNSET if _id is UNSET else (known_uuid(_id) or parse_uuid(_id))

            account_identifier.additional_properties = additional_properties

            append_(account_identifier)
        return parsed_

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
