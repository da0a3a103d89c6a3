from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="ReconciledBankTransaction")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "reconciled_amount_cents": {"int_format": "int64"},
    "bank_transaction_amount_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "bank_transaction_id",
        "reconciled_amount_cents",
        "bank_transaction_date",
        "bank_transaction_amount_cents",
        "bank_transaction_direction",
        "reconciliation_link_id",
        "reconciled_at",
        "currency",
        "payment_type",
        "bank_account_name",
        "notes",
    )
)
_new = object.__new__


@_attrs_define
class ReconciledBankTransaction:
    """A bank transaction a payment is reconciled with.

    Attributes:
        bank_transaction_id (UUID):
        reconciled_amount_cents (int):
        bank_transaction_date (datetime.datetime | Unset):
        bank_transaction_amount_cents (int | Unset):
        bank_transaction_direction (str | Unset):
        reconciliation_link_id (UUID | Unset):
        reconciled_at (datetime.datetime | Unset):
        currency (str | Unset):
        payment_type (str | Unset):
        bank_account_name (str | Unset):
        notes (str | Unset):
    """

    bank_transaction_id: UUID
    reconciled_amount_cents: int
    bank_transaction_date: datetime.datetime | Unset = UNSET
    bank_transaction_amount_cents: int | Unset = UNSET
    bank_transaction_direction: str | Unset = UNSET
    reconciliation_link_id: UUID | Unset = UNSET
    reconciled_at: datetime.datetime | Unset = UNSET
    currency: str | Unset = UNSET
    payment_type: str | Unset = UNSET
    bank_account_name: str | Unset = UNSET
    notes: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_transaction_id = str(self.bank_transaction_id)

        reconciled_amount_cents = self.reconciled_amount_cents

        bank_transaction_date: str | Unset = UNSET
        if not isinstance(self.bank_transaction_date, Unset):
            bank_transaction_date = self.bank_transaction_date.isoformat()

        bank_transaction_amount_cents = self.bank_transaction_amount_cents

        bank_transaction_direction = self.bank_transaction_direction

        reconciliation_link_id: str | Unset = UNSET
        if not isinstance(self.reconciliation_link_id, Unset):
            reconciliation_link_id = str(self.reconciliation_link_id)

        reconciled_at: str | Unset = UNSET
        if not isinstance(self.reconciled_at, Unset):
            reconciled_at = self.reconciled_at.isoformat()

        currency = self.currency

        payment_type = self.payment_type

        bank_account_name = self.bank_account_name

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_transaction_id": bank_transaction_id,
                "reconciled_amount_cents": reconciled_amount_cents,
            }
        )
        if bank_transaction_date is not UNSET:
            field_dict["bank_transaction_date"] = bank_transaction_date
        if bank_transaction_amount_cents is not UNSET:
            field_dict["bank_transaction_amount_cents"] = bank_transaction_amount_cents
        if bank_transaction_direction is not UNSET:
            field_dict["bank_transaction_direction"] = bank_transaction_direction
        if reconciliation_link_id is not UNSET:
            field_dict["reconciliation_link_id"] = reconciliation_link_id
        if reconciled_at is not UNSET:
            field_dict["reconciled_at"] = reconciled_at
        if currency is not UNSET:
            field_dict["currency"] = currency
        if payment_type is not UNSET:
            field_dict["payment_type"] = payment_type
        if bank_account_name is not UNSET:
            field_dict["bank_account_name"] = bank_account_name
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        reconciled_bank_transaction = _new(cls)
        try:  # every documented field present, as in the API's responses
            _bank_transaction_id = src_dict["bank_transaction_id"]
            reconciled_bank_transaction.reconciled_amount_cents = src_dict[
                "reconciled_amount_cents"
            ]
            _bank_transaction_date = src_dict["bank_transaction_date"]
            reconciled_bank_transaction.bank_transaction_amount_cents = src_dict[
                "bank_transaction_amount_cents"
            ]
            reconciled_bank_transaction.bank_transaction_direction = src_dict[
                "bank_transaction_direction"
            ]
            _reconciliation_link_id = src_dict["reconciliation_link_id"]
            _reconciled_at = src_dict["reconciled_at"]
            reconciled_bank_transaction.currency = src_dict["currency"]
            reconciled_bank_transaction.payment_type = src_dict["payment_type"]
            reconciled_bank_transaction.bank_account_name = src_dict["bank_account_name"]
            reconciled_bank_transaction.notes = src_dict["notes"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _bank_transaction_id = src_dict["bank_transaction_id"]
            reconciled_bank_transaction.reconciled_amount_cents = src_dict[
                "reconciled_amount_cents"
            ]
            _bank_transaction_date = src_dict.get("bank_transaction_date", UNSET)
            reconciled_bank_transaction.bank_transaction_amount_cents = src_dict.get(
                "bank_transaction_amount_cents", UNSET
            )
            reconciled_bank_transaction.bank_transaction_direction = src_dict.get(
                "bank_transaction_direction", UNSET
            )
            _reconciliation_link_id = src_dict.get("reconciliation_link_id", UNSET)
            _reconciled_at = src_dict.get("reconciled_at", UNSET)
            reconciled_bank_transaction.currency = src_dict.get("currency", UNSET)
            reconciled_bank_transaction.payment_type = src_dict.get("payment_type", UNSET)
            reconciled_bank_transaction.bank_account_name = src_dict.get("bank_account_name", UNSET)
            reconciled_bank_transaction.notes = src_dict.get("notes", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 11
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        reconciled_bank_transaction.bank_transaction_id = parse_uuid(_bank_transaction_id)

        reconciled_bank_transaction.bank_transaction_date = (
            UNSET
            if _bank_transaction_date is UNSET
            else datetime.datetime.fromisoformat(_bank_transaction_date)
        )

        reconciled_bank_transaction.reconciliation_link_id = (
            UNSET if _reconciliation_link_id is UNSET else parse_uuid(_reconciliation_link_id)
        )

        reconciled_bank_transaction.reconciled_at = (
            UNSET if _reconciled_at is UNSET else datetime.datetime.fromisoformat(_reconciled_at)
        )

        reconciled_bank_transaction.additional_properties = additional_properties
        return reconciled_bank_transaction

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
