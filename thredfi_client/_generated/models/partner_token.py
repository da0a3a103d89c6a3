from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerToken")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "expires_in": {"int_format": "int64", "minimum": 0}
}
_KNOWN = frozenset(
    (
        "access_token",
        "expires_in",
        "token_type",
    )
)
_new = object.__new__


@_attrs_define
class PartnerToken:
    """A partner (unscoped) access token.

    Attributes:
        access_token (str): The bearer token (a JWT).
        expires_in (int): Seconds until the token expires.
        token_type (str | Unset): Always `Bearer`.
    """

    access_token: str
    expires_in: int
    token_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        token_type = self.token_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
            }
        )
        if token_type is not UNSET:
            field_dict["token_type"] = token_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        partner_token = _new(cls)
        try:  # every documented field present, as in the API's responses
            partner_token.access_token = src_dict["access_token"]
            partner_token.expires_in = src_dict["expires_in"]
            partner_token.token_type = src_dict["token_type"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            partner_token.access_token = src_dict["access_token"]
            partner_token.expires_in = src_dict["expires_in"]
            partner_token.token_type = src_dict.get("token_type", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        partner_token.additional_properties = additional_properties

        return partner_token

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            partner_token = _new(cls)
            try:  # every documented field present, as in the API's responses
                partner_token.access_token = src_dict["access_token"]
                partner_token.expires_in = src_dict["expires_in"]
                partner_token.token_type = src_dict["token_type"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                partner_token.access_token = src_dict["access_token"]
                partner_token.expires_in = src_dict["expires_in"]
                partner_token.token_type = src_dict.get("token_type", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 3
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            partner_token.additional_properties = additional_properties

            append_(partner_token)
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
