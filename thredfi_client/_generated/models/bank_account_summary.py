from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BankAccountSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"balance_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "id",
        "display_name",
        "balance_cents",
        "currency",
        "is_active",
        "official_name",
        "mask",
        "balance",
        "bank_link_status",
        "business_name",
        "provider",
        "created_at",
    )
)
_new = object.__new__


@_attrs_define
class BankAccountSummary:
    """A bank account connection as the list shows it.

    Attributes:
        id (UUID):
        display_name (str):
        balance_cents (int): Current account balance in cents (e.g., 1250050 for £12,500.50)
        currency (str):
        is_active (bool):
        official_name (None | str | Unset):
        mask (None | str | Unset):
        balance (float | None | Unset): Balance in decimal format - for backward compatibility
        bank_link_status (str | Unset):
        business_name (str | Unset):
        provider (str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: UUID
    display_name: str
    balance_cents: int
    currency: str
    is_active: bool
    official_name: None | str | Unset = UNSET
    mask: None | str | Unset = UNSET
    balance: float | None | Unset = UNSET
    bank_link_status: str | Unset = UNSET
    business_name: str | Unset = UNSET
    provider: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        display_name = self.display_name

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

        balance: float | None | Unset
        if isinstance(self.balance, Unset):
            balance = UNSET
        else:
            balance = self.balance

        bank_link_status = self.bank_link_status

        business_name = self.business_name

        provider = self.provider

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
                "balance_cents": balance_cents,
                "currency": currency,
                "is_active": is_active,
            }
        )
        if official_name is not UNSET:
            field_dict["official_name"] = official_name
        if mask is not UNSET:
            field_dict["mask"] = mask
        if balance is not UNSET:
            field_dict["balance"] = balance
        if bank_link_status is not UNSET:
            field_dict["bank_link_status"] = bank_link_status
        if business_name is not UNSET:
            field_dict["business_name"] = business_name
        if provider is not UNSET:
            field_dict["provider"] = provider
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bank_account_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            bank_account_summary.display_name = src_dict["display_name"]
            bank_account_summary.balance_cents = src_dict["balance_cents"]
            bank_account_summary.currency = src_dict["currency"]
            bank_account_summary.is_active = src_dict["is_active"]
            bank_account_summary.official_name = src_dict["official_name"]
            bank_account_summary.mask = src_dict["mask"]
            bank_account_summary.balance = src_dict["balance"]
            bank_account_summary.bank_link_status = src_dict["bank_link_status"]
            bank_account_summary.business_name = src_dict["business_name"]
            bank_account_summary.provider = src_dict["provider"]
            _created_at = src_dict["created_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            bank_account_summary.display_name = src_dict["display_name"]
            bank_account_summary.balance_cents = src_dict["balance_cents"]
            bank_account_summary.currency = src_dict["currency"]
            bank_account_summary.is_active = src_dict["is_active"]
            bank_account_summary.official_name = src_dict.get("official_name", UNSET)
            bank_account_summary.mask = src_dict.get("mask", UNSET)
            bank_account_summary.balance = src_dict.get("balance", UNSET)
            bank_account_summary.bank_link_status = src_dict.get("bank_link_status", UNSET)
            bank_account_summary.business_name = src_dict.get("business_name", UNSET)
            bank_account_summary.provider = src_dict.get("provider", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 12
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bank_account_summary.id = parse_uuid(_id)

        bank_account_summary.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        bank_account_summary.additional_properties = additional_properties
        return bank_account_summary

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
