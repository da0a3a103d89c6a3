from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..models.partner_token_request_grant_type import PartnerTokenRequestGrantType
from ..types import parse_uuid

T = TypeVar("T", bound="PartnerTokenRequest")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "grant_type",
        "client_id",
    )
)
_new = object.__new__


@_attrs_define
class PartnerTokenRequest:
    """Client-credentials grant request.

    Attributes:
        grant_type (PartnerTokenRequestGrantType): Always `client_credentials`.
        client_id (UUID): The partner UUID.
    """

    grant_type: PartnerTokenRequestGrantType
    client_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type.value

        client_id = str(self.client_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        partner_token_request = _new(cls)
        try:  # every documented field present, as in the API's responses
            _grant_type = src_dict["grant_type"]
            _client_id = src_dict["client_id"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _grant_type = src_dict["grant_type"]
            _client_id = src_dict["client_id"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 2
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        partner_token_request.grant_type = PartnerTokenRequestGrantType(_grant_type)

        partner_token_request.client_id = known_uuid(_client_id) or parse_uuid(_client_id)

        partner_token_request.additional_properties = additional_properties

        return partner_token_request

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            partner_token_request = _new(cls)
            try:  # every documented field present, as in the API's responses
                _grant_type = src_dict["grant_type"]
                _client_id = src_dict["client_id"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _grant_type = src_dict["grant_type"]
                _client_id = src_dict["client_id"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 2
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            partner_token_request.grant_type = PartnerTokenRequestGrantType(_grant_type)

            partner_token_request.client_id = known_uuid(_client_id) or parse_uuid(_client_id)

            partner_token_request.additional_properties = additional_properties

            append_(partner_token_request)
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
