from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BankAccount")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "account_key": {"max_length": 255},
    "balance_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "account_key",
        "display_name",
        "balance",
        "balance_cents",
        "currency",
        "is_active",
        "official_name",
        "mask",
        "bank_link_status",
        "bank_link_id",
        "business_id",
        "business_name",
        "provider",
        "mapped_account",
        "created_at",
        "updated_at",
    )
)
_new = object.__new__


@_attrs_define
class BankAccount:
    """Comprehensive serializer for bank account connections: status, balance, sync information and related business
    context.

        Attributes:
            id (UUID): Unique bank account connection identifier
            account_key (str): Provider-specific account key for identifying this account in their system
            display_name (str):
            balance (float | None): Current account balance in decimal format (e.g., 12500.50 for £12,500.50) - for backward
                compatibility
            balance_cents (int): Current account balance in cents (e.g., 1250050 for £12,500.50)
            currency (str):
            is_active (bool):
            official_name (None | str | Unset):
            mask (None | str | Unset):
            bank_link_status (str | Unset):
            bank_link_id (UUID | Unset):
            business_id (UUID | Unset):
            business_name (str | Unset):
            provider (str | Unset):
            mapped_account (None | str | Unset): The chart-of-accounts account the connection is mapped to
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
    """

    id: UUID
    account_key: str
    display_name: str
    balance: float | None
    balance_cents: int
    currency: str
    is_active: bool
    official_name: None | str | Unset = UNSET
    mask: None | str | Unset = UNSET
    bank_link_status: str | Unset = UNSET
    bank_link_id: UUID | Unset = UNSET
    business_id: UUID | Unset = UNSET
    business_name: str | Unset = UNSET
    provider: str | Unset = UNSET
    mapped_account: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_key = self.account_key

        display_name = self.display_name

        balance: float | None
        balance = self.balance

        balance_cents = self.balance_cents

        currency = self.currency

        is_active = self.is_active

        official_name: None | str | Unset
        if isinstance(self.official_name, Unset):
            official_name = UNSET
        else:
            official_name = self.official_name

        mask: None | str | Unset
        if isinstance(self.mask, Unset):
            mask = UNSET
        else:
            mask = self.mask

        bank_link_status = self.bank_link_status

        bank_link_id: str | Unset = UNSET
        if not isinstance(self.bank_link_id, Unset):
            bank_link_id = str(self.bank_link_id)

        business_id: str | Unset = UNSET
        if not isinstance(self.business_id, Unset):
            business_id = str(self.business_id)

        business_name = self.business_name

        provider = self.provider

        mapped_account: None | str | Unset
        if isinstance(self.mapped_account, Unset):
            mapped_account = UNSET
        else:
            mapped_account = self.mapped_account

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_key": account_key,
                "display_name": display_name,
                "balance": balance,
                "balance_cents": balance_cents,
                "currency": currency,
                "is_active": is_active,
            }
        )
        if official_name is not UNSET:
            field_dict["official_name"] = official_name
        if mask is not UNSET:
            field_dict["mask"] = mask
        if bank_link_status is not UNSET:
            field_dict["bank_link_status"] = bank_link_status
        if bank_link_id is not UNSET:
            field_dict["bank_link_id"] = bank_link_id
        if business_id is not UNSET:
            field_dict["business_id"] = business_id
        if business_name is not UNSET:
            field_dict["business_name"] = business_name
        if provider is not UNSET:
            field_dict["provider"] = provider
        if mapped_account is not UNSET:
            field_dict["mapped_account"] = mapped_account
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bank_account = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            bank_account.account_key = src_dict["account_key"]
            bank_account.display_name = src_dict["display_name"]
            bank_account.balance = src_dict["balance"]
            bank_account.balance_cents = src_dict["balance_cents"]
            bank_account.currency = src_dict["currency"]
            bank_account.is_active = src_dict["is_active"]
            bank_account.official_name = src_dict["official_name"]
            bank_account.mask = src_dict["mask"]
            bank_account.bank_link_status = src_dict["bank_link_status"]
            _bank_link_id = src_dict["bank_link_id"]
            _business_id = src_dict["business_id"]
            bank_account.business_name = src_dict["business_name"]
            bank_account.provider = src_dict["provider"]
            bank_account.mapped_account = src_dict["mapped_account"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            bank_account.account_key = src_dict["account_key"]
            bank_account.display_name = src_dict["display_name"]
            bank_account.balance = src_dict["balance"]
            bank_account.balance_cents = src_dict["balance_cents"]
            bank_account.currency = src_dict["currency"]
            bank_account.is_active = src_dict["is_active"]
            bank_account.official_name = src_dict.get("official_name", UNSET)
            bank_account.mask = src_dict.get("mask", UNSET)
            bank_account.bank_link_status = src_dict.get("bank_link_status", UNSET)
            _bank_link_id = src_dict.get("bank_link_id", UNSET)
            _business_id = src_dict.get("business_id", UNSET)
            bank_account.business_name = src_dict.get("business_name", UNSET)
            bank_account.provider = src_dict.get("provider", UNSET)
            bank_account.mapped_account = src_dict.get("mapped_account", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            _updated_at = src_dict.get("updated_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 17
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bank_account.id = parse_uuid(_id)

        bank_account.bank_link_id = UNSET if _bank_link_id is UNSET else parse_uuid(_bank_link_id)

        bank_account.business_id = UNSET if _business_id is UNSET else parse_uuid(_business_id)

        bank_account.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        bank_account.updated_at = (
            UNSET if _updated_at is UNSET else datetime.datetime.fromisoformat(_updated_at)
        )

        bank_account.additional_properties = additional_properties
        return bank_account

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
