from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.partner_token_request_grant_type import PartnerTokenRequestGrantType
from ..types import parse_uuid

T = TypeVar("T", bound="PartnerTokenRequest")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}


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
        d = dict(src_dict)
        grant_type = PartnerTokenRequestGrantType(d.pop("grant_type"))

        client_id = parse_uuid(d.pop("client_id"))

        partner_token_request = cls(
            grant_type=grant_type,
            client_id=client_id,
        )

        partner_token_request.additional_properties = d
        return partner_token_request

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
