from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.bank_transaction_direction import BankTransactionDirection
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BankTransaction")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount": {"int_format": "int64"},
    "signed_amount": {"int_format": "int64"},
    "reconciled_amount_cents": {"int_format": "int64"},
    "remaining_amount_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "date",
        "amount",
        "direction",
        "currency",
        "display_amount",
        "signed_amount",
        "counterparty_name",
        "merchant_name",
        "description",
        "categorization_status",
        "transaction_type",
        "subcategory",
        "business_id",
        "business_name",
        "account_id",
        "account_code",
        "account_name",
        "bank_account_connection_id",
        "bank_account_name",
        "bank_account_mask",
        "bank_account_currency",
        "is_reconciled",
        "reconciled_at",
        "reconciled_amount_cents",
        "remaining_amount_cents",
        "reconciliations",
        "created_at",
    )
)
_new = object.__new__


@_attrs_define
class BankTransaction:
    """A bank transaction as the list shows it (amounts in cents).

    Attributes:
        id (UUID):
        date (datetime.date):
        amount (int): Amount in cents (positive)
        direction (BankTransactionDirection):
        currency (str):
        display_amount (str | Unset):
        signed_amount (int | Unset): Amount in cents, negative for debits
        counterparty_name (None | str | Unset):
        merchant_name (None | str | Unset):
        description (None | str | Unset):
        categorization_status (None | str | Unset):
        transaction_type (None | str | Unset):
        subcategory (None | TransactionCategory | Unset):
        business_id (str | Unset):
        business_name (str | Unset):
        account_id (None | str | Unset):
        account_code (None | str | Unset):
        account_name (None | str | Unset):
        bank_account_connection_id (str | Unset):
        bank_account_name (str | Unset):
        bank_account_mask (str | Unset):
        bank_account_currency (str | Unset):
        is_reconciled (bool | Unset):
        reconciled_at (datetime.datetime | None | Unset):
        reconciled_amount_cents (int | Unset):
        remaining_amount_cents (int | Unset):
        reconciliations (list[BankTransactionReconciliationsType0Item] | None | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: UUID
    date: datetime.date
    amount: int
    direction: BankTransactionDirection
    currency: str
    display_amount: str | Unset = UNSET
    signed_amount: int | Unset = UNSET
    counterparty_name: None | str | Unset = UNSET
    merchant_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    categorization_status: None | str | Unset = UNSET
    transaction_type: None | str | Unset = UNSET
    subcategory: None | TransactionCategory | Unset = UNSET
    business_id: str | Unset = UNSET
    business_name: str | Unset = UNSET
    account_id: None | str | Unset = UNSET
    account_code: None | str | Unset = UNSET
    account_name: None | str | Unset = UNSET
    bank_account_connection_id: str | Unset = UNSET
    bank_account_name: str | Unset = UNSET
    bank_account_mask: str | Unset = UNSET
    bank_account_currency: str | Unset = UNSET
    is_reconciled: bool | Unset = UNSET
    reconciled_at: datetime.datetime | None | Unset = UNSET
    reconciled_amount_cents: int | Unset = UNSET
    remaining_amount_cents: int | Unset = UNSET
    reconciliations: list[BankTransactionReconciliationsType0Item] | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        date = self.date.isoformat()

        amount = self.amount

        direction = self.direction.value

        currency = self.currency

        display_amount = self.display_amount

        signed_amount = self.signed_amount

        counterparty_name: None | str | Unset
        if isinstance(self.counterparty_name, Unset):
            counterparty_name = UNSET
        else:
            counterparty_name = self.counterparty_name

        merchant_name: None | str | Unset
        if isinstance(self.merchant_name, Unset):
            merchant_name = UNSET
        else:
            merchant_name = self.merchant_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        categorization_status: None | str | Unset
        if isinstance(self.categorization_status, Unset):
            categorization_status = UNSET
        else:
            categorization_status = self.categorization_status

        transaction_type: None | str | Unset
        if isinstance(self.transaction_type, Unset):
            transaction_type = UNSET
        else:
            transaction_type = self.transaction_type

        subcategory: dict[str, Any] | None | Unset
        if isinstance(self.subcategory, Unset):
            subcategory = UNSET
        elif isinstance(self.subcategory, TransactionCategory):
            subcategory = self.subcategory.to_dict()
        else:
            subcategory = self.subcategory

        business_id = self.business_id

        business_name = self.business_name

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        account_code: None | str | Unset
        if isinstance(self.account_code, Unset):
            account_code = UNSET
        else:
            account_code = self.account_code

        account_name: None | str | Unset
        if isinstance(self.account_name, Unset):
            account_name = UNSET
        else:
            account_name = self.account_name

        bank_account_connection_id = self.bank_account_connection_id

        bank_account_name = self.bank_account_name

        bank_account_mask = self.bank_account_mask

        bank_account_currency = self.bank_account_currency

        is_reconciled = self.is_reconciled

        reconciled_at: None | str | Unset
        if isinstance(self.reconciled_at, Unset):
            reconciled_at = UNSET
        elif isinstance(self.reconciled_at, datetime.datetime):
            reconciled_at = self.reconciled_at.isoformat()
        else:
            reconciled_at = self.reconciled_at

        reconciled_amount_cents = self.reconciled_amount_cents

        remaining_amount_cents = self.remaining_amount_cents

        reconciliations: list[dict[str, Any]] | None | Unset
        if isinstance(self.reconciliations, Unset):
            reconciliations = UNSET
        elif isinstance(self.reconciliations, list):
            reconciliations = []
            for reconciliations_type_0_item_data in self.reconciliations:
                reconciliations_type_0_item = reconciliations_type_0_item_data.to_dict()
                reconciliations.append(reconciliations_type_0_item)

        else:
            reconciliations = self.reconciliations

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "date": date,
                "amount": amount,
                "direction": direction,
                "currency": currency,
            }
        )
        if display_amount is not UNSET:
            field_dict["display_amount"] = display_amount
        if signed_amount is not UNSET:
            field_dict["signed_amount"] = signed_amount
        if counterparty_name is not UNSET:
            field_dict["counterparty_name"] = counterparty_name
        if merchant_name is not UNSET:
            field_dict["merchant_name"] = merchant_name
        if description is not UNSET:
            field_dict["description"] = description
        if categorization_status is not UNSET:
            field_dict["categorization_status"] = categorization_status
        if transaction_type is not UNSET:
            field_dict["transaction_type"] = transaction_type
        if subcategory is not UNSET:
            field_dict["subcategory"] = subcategory
        if business_id is not UNSET:
            field_dict["business_id"] = business_id
        if business_name is not UNSET:
            field_dict["business_name"] = business_name
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if account_code is not UNSET:
            field_dict["account_code"] = account_code
        if account_name is not UNSET:
            field_dict["account_name"] = account_name
        if bank_account_connection_id is not UNSET:
            field_dict["bank_account_connection_id"] = bank_account_connection_id
        if bank_account_name is not UNSET:
            field_dict["bank_account_name"] = bank_account_name
        if bank_account_mask is not UNSET:
            field_dict["bank_account_mask"] = bank_account_mask
        if bank_account_currency is not UNSET:
            field_dict["bank_account_currency"] = bank_account_currency
        if is_reconciled is not UNSET:
            field_dict["is_reconciled"] = is_reconciled
        if reconciled_at is not UNSET:
            field_dict["reconciled_at"] = reconciled_at
        if reconciled_amount_cents is not UNSET:
            field_dict["reconciled_amount_cents"] = reconciled_amount_cents
        if remaining_amount_cents is not UNSET:
            field_dict["remaining_amount_cents"] = remaining_amount_cents
        if reconciliations is not UNSET:
            field_dict["reconciliations"] = reconciliations
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bank_transaction = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _date = src_dict["date"]
            bank_transaction.amount = src_dict["amount"]
            _direction = src_dict["direction"]
            bank_transaction.currency = src_dict["currency"]
            bank_transaction.display_amount = src_dict["display_amount"]
            bank_transaction.signed_amount = src_dict["signed_amount"]
            bank_transaction.counterparty_name = src_dict["counterparty_name"]
            bank_transaction.merchant_name = src_dict["merchant_name"]
            bank_transaction.description = src_dict["description"]
            bank_transaction.categorization_status = src_dict["categorization_status"]
            bank_transaction.transaction_type = src_dict["transaction_type"]
            _subcategory = src_dict["subcategory"]
            bank_transaction.business_id = src_dict["business_id"]
            bank_transaction.business_name = src_dict["business_name"]
            bank_transaction.account_id = src_dict["account_id"]
            bank_transaction.account_code = src_dict["account_code"]
            bank_transaction.account_name = src_dict["account_name"]
            bank_transaction.bank_account_connection_id = src_dict["bank_account_connection_id"]
            bank_transaction.bank_account_name = src_dict["bank_account_name"]
            bank_transaction.bank_account_mask = src_dict["bank_account_mask"]
            bank_transaction.bank_account_currency = src_dict["bank_account_currency"]
            bank_transaction.is_reconciled = src_dict["is_reconciled"]
            _reconciled_at = src_dict["reconciled_at"]
            bank_transaction.reconciled_amount_cents = src_dict["reconciled_amount_cents"]
            bank_transaction.remaining_amount_cents = src_dict["remaining_amount_cents"]
            _reconciliations = src_dict["reconciliations"]
            _created_at = src_dict["created_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _date = src_dict["date"]
            bank_transaction.amount = src_dict["amount"]
            _direction = src_dict["direction"]
            bank_transaction.currency = src_dict["currency"]
            bank_transaction.display_amount = src_dict.get("display_amount", UNSET)
            bank_transaction.signed_amount = src_dict.get("signed_amount", UNSET)
            bank_transaction.counterparty_name = src_dict.get("counterparty_name", UNSET)
            bank_transaction.merchant_name = src_dict.get("merchant_name", UNSET)
            bank_transaction.description = src_dict.get("description", UNSET)
            bank_transaction.categorization_status = src_dict.get("categorization_status", UNSET)
            bank_transaction.transaction_type = src_dict.get("transaction_type", UNSET)
            _subcategory = src_dict.get("subcategory", UNSET)
            bank_transaction.business_id = src_dict.get("business_id", UNSET)
            bank_transaction.business_name = src_dict.get("business_name", UNSET)
            bank_transaction.account_id = src_dict.get("account_id", UNSET)
            bank_transaction.account_code = src_dict.get("account_code", UNSET)
            bank_transaction.account_name = src_dict.get("account_name", UNSET)
            bank_transaction.bank_account_connection_id = src_dict.get(
                "bank_account_connection_id", UNSET
            )
            bank_transaction.bank_account_name = src_dict.get("bank_account_name", UNSET)
            bank_transaction.bank_account_mask = src_dict.get("bank_account_mask", UNSET)
            bank_transaction.bank_account_currency = src_dict.get("bank_account_currency", UNSET)
            bank_transaction.is_reconciled = src_dict.get("is_reconciled", UNSET)
            _reconciled_at = src_dict.get("reconciled_at", UNSET)
            bank_transaction.reconciled_amount_cents = src_dict.get(
                "reconciled_amount_cents", UNSET
            )
            bank_transaction.remaining_amount_cents = src_dict.get("remaining_amount_cents", UNSET)
            _reconciliations = src_dict.get("reconciliations", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 28
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bank_transaction.id = parse_uuid(_id)

        bank_transaction.date = datetime.date.fromisoformat(_date)

        bank_transaction.direction = BankTransactionDirection(_direction)

        subcategory: None | TransactionCategory | Unset = _subcategory
        if isinstance(_subcategory, dict):
            try:
                subcategory_type_1 = TransactionCategory.from_dict(_subcategory)

                subcategory = subcategory_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bank_transaction.subcategory = subcategory

        reconciled_at: datetime.datetime | None | Unset = _reconciled_at
        if isinstance(_reconciled_at, str):
            try:
                reconciled_at_type_0 = datetime.datetime.fromisoformat(_reconciled_at)

                reconciled_at = reconciled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bank_transaction.reconciled_at = reconciled_at

        reconciliations: list[BankTransactionReconciliationsType0Item] | None | Unset = (
            _reconciliations
        )
        if isinstance(_reconciliations, list):
            try:
                reconciliations_type_0 = list(
                    map(BankTransactionReconciliationsType0Item.from_dict, _reconciliations)
                )

                reconciliations = reconciliations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bank_transaction.reconciliations = reconciliations

        bank_transaction.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        bank_transaction.additional_properties = additional_properties
        return bank_transaction

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


from ..models.bank_transaction_reconciliations_type_0_item import (
    BankTransactionReconciliationsType0Item,  # noqa: E402 -- after the class, so import cycles work
)
from ..models.transaction_category import TransactionCategory  # noqa: E402 -- after the class, so import cycles work
