from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.account_account_type import AccountAccountType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Account")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "current_balance": {"int_format": "int64"},
    "debit_balance": {"int_format": "int64"},
    "credit_balance": {"int_format": "int64"},
    "period_balance": {"int_format": "int64"},
    "hierarchy_level": {"int_format": "int64"},
    "total_debits": {"int_format": "int64"},
    "total_credits": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "code",
        "name",
        "account_type",
        "current_balance",
        "currency",
        "account_type_display",
        "account_subtype",
        "account_subtype_display",
        "parent_account_code",
        "current_balance_formatted",
        "debit_balance",
        "credit_balance",
        "period_balance",
        "period_balance_formatted",
        "has_children",
        "hierarchy_level",
        "is_active",
        "description",
        "institution_name",
        "iban",
        "sort_code",
        "account_number_mask",
        "total_debits",
        "total_credits",
        "last_entry_date",
        "last_entry_reference",
        "sub_accounts",
    )
)
_new = object.__new__


@_attrs_define
class Account:
    """Detailed serializer for account with additional information.

    Attributes:
        id (UUID): Unique account identifier
        code (str):
        name (str):
        account_type (AccountAccountType):
        current_balance (int):
        currency (str | Unset):
        account_type_display (str | Unset):
        account_subtype (None | str | Unset):
        account_subtype_display (None | str | Unset):
        parent_account_code (None | str | Unset):
        current_balance_formatted (str | Unset):
        debit_balance (int | Unset):
        credit_balance (int | Unset):
        period_balance (int | None | Unset):
        period_balance_formatted (None | str | Unset):
        has_children (bool | Unset):
        hierarchy_level (int | Unset):
        is_active (bool | Unset):
        description (None | str | Unset):
        institution_name (None | str | Unset):
        iban (None | str | Unset):
        sort_code (None | str | Unset):
        account_number_mask (None | str | Unset):
        total_debits (int | Unset): Number of debit lines posted to the account
        total_credits (int | Unset): Number of credit lines posted to the account
        last_entry_date (datetime.datetime | None | Unset):
        last_entry_reference (None | str | Unset):
        sub_accounts (list[AccountSubAccountsItem] | Unset):
    """

    id: UUID
    code: str
    name: str
    account_type: AccountAccountType
    current_balance: int
    currency: str | Unset = UNSET
    account_type_display: str | Unset = UNSET
    account_subtype: None | str | Unset = UNSET
    account_subtype_display: None | str | Unset = UNSET
    parent_account_code: None | str | Unset = UNSET
    current_balance_formatted: str | Unset = UNSET
    debit_balance: int | Unset = UNSET
    credit_balance: int | Unset = UNSET
    period_balance: int | None | Unset = UNSET
    period_balance_formatted: None | str | Unset = UNSET
    has_children: bool | Unset = UNSET
    hierarchy_level: int | Unset = UNSET
    is_active: bool | Unset = UNSET
    description: None | str | Unset = UNSET
    institution_name: None | str | Unset = UNSET
    iban: None | str | Unset = UNSET
    sort_code: None | str | Unset = UNSET
    account_number_mask: None | str | Unset = UNSET
    total_debits: int | Unset = UNSET
    total_credits: int | Unset = UNSET
    last_entry_date: datetime.datetime | None | Unset = UNSET
    last_entry_reference: None | str | Unset = UNSET
    sub_accounts: list[AccountSubAccountsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        account_type = self.account_type.value

        current_balance = self.current_balance

        currency = self.currency

        account_type_display = self.account_type_display

        account_subtype: None | str | Unset
        if isinstance(self.account_subtype, Unset):
            account_subtype = UNSET
        else:
            account_subtype = self.account_subtype

        account_subtype_display: None | str | Unset
        if isinstance(self.account_subtype_display, Unset):
            account_subtype_display = UNSET
        else:
            account_subtype_display = self.account_subtype_display

        parent_account_code: None | str | Unset
        if isinstance(self.parent_account_code, Unset):
            parent_account_code = UNSET
        else:
            parent_account_code = self.parent_account_code

        current_balance_formatted = self.current_balance_formatted

        debit_balance = self.debit_balance

        credit_balance = self.credit_balance

        period_balance: int | None | Unset
        if isinstance(self.period_balance, Unset):
            period_balance = UNSET
        else:
            period_balance = self.period_balance

        period_balance_formatted: None | str | Unset
        if isinstance(self.period_balance_formatted, Unset):
            period_balance_formatted = UNSET
        else:
            period_balance_formatted = self.period_balance_formatted

        has_children = self.has_children

        hierarchy_level = self.hierarchy_level

        is_active = self.is_active

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        institution_name: None | str | Unset
        if isinstance(self.institution_name, Unset):
            institution_name = UNSET
        else:
            institution_name = self.institution_name

        iban: None | str | Unset
        if isinstance(self.iban, Unset):
            iban = UNSET
        else:
            iban = self.iban

        sort_code: None | str | Unset
        if isinstance(self.sort_code, Unset):
            sort_code = UNSET
        else:
            sort_code = self.sort_code

        account_number_mask: None | str | Unset
        if isinstance(self.account_number_mask, Unset):
            account_number_mask = UNSET
        else:
            account_number_mask = self.account_number_mask

        total_debits = self.total_debits

        total_credits = self.total_credits

        last_entry_date: None | str | Unset
        if isinstance(self.last_entry_date, Unset):
            last_entry_date = UNSET
        elif isinstance(self.last_entry_date, datetime.datetime):
            last_entry_date = self.last_entry_date.isoformat()
        else:
            last_entry_date = self.last_entry_date

        last_entry_reference: None | str | Unset
        if isinstance(self.last_entry_reference, Unset):
            last_entry_reference = UNSET
        else:
            last_entry_reference = self.last_entry_reference

        sub_accounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_accounts, Unset):
            sub_accounts = []
            for sub_accounts_item_data in self.sub_accounts:
                sub_accounts_item = sub_accounts_item_data.to_dict()
                sub_accounts.append(sub_accounts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "account_type": account_type,
                "current_balance": current_balance,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if account_type_display is not UNSET:
            field_dict["account_type_display"] = account_type_display
        if account_subtype is not UNSET:
            field_dict["account_subtype"] = account_subtype
        if account_subtype_display is not UNSET:
            field_dict["account_subtype_display"] = account_subtype_display
        if parent_account_code is not UNSET:
            field_dict["parent_account_code"] = parent_account_code
        if current_balance_formatted is not UNSET:
            field_dict["current_balance_formatted"] = current_balance_formatted
        if debit_balance is not UNSET:
            field_dict["debit_balance"] = debit_balance
        if credit_balance is not UNSET:
            field_dict["credit_balance"] = credit_balance
        if period_balance is not UNSET:
            field_dict["period_balance"] = period_balance
        if period_balance_formatted is not UNSET:
            field_dict["period_balance_formatted"] = period_balance_formatted
        if has_children is not UNSET:
            field_dict["has_children"] = has_children
        if hierarchy_level is not UNSET:
            field_dict["hierarchy_level"] = hierarchy_level
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if description is not UNSET:
            field_dict["description"] = description
        if institution_name is not UNSET:
            field_dict["institution_name"] = institution_name
        if iban is not UNSET:
            field_dict["iban"] = iban
        if sort_code is not UNSET:
            field_dict["sort_code"] = sort_code
        if account_number_mask is not UNSET:
            field_dict["account_number_mask"] = account_number_mask
        if total_debits is not UNSET:
            field_dict["total_debits"] = total_debits
        if total_credits is not UNSET:
            field_dict["total_credits"] = total_credits
        if last_entry_date is not UNSET:
            field_dict["last_entry_date"] = last_entry_date
        if last_entry_reference is not UNSET:
            field_dict["last_entry_reference"] = last_entry_reference
        if sub_accounts is not UNSET:
            field_dict["sub_accounts"] = sub_accounts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        account = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            account.code = src_dict["code"]
            account.name = src_dict["name"]
            _account_type = src_dict["account_type"]
            account.current_balance = src_dict["current_balance"]
            account.currency = src_dict["currency"]
            account.account_type_display = src_dict["account_type_display"]
            account.account_subtype = src_dict["account_subtype"]
            account.account_subtype_display = src_dict["account_subtype_display"]
            account.parent_account_code = src_dict["parent_account_code"]
            account.current_balance_formatted = src_dict["current_balance_formatted"]
            account.debit_balance = src_dict["debit_balance"]
            account.credit_balance = src_dict["credit_balance"]
            account.period_balance = src_dict["period_balance"]
            account.period_balance_formatted = src_dict["period_balance_formatted"]
            account.has_children = src_dict["has_children"]
            account.hierarchy_level = src_dict["hierarchy_level"]
            account.is_active = src_dict["is_active"]
            account.description = src_dict["description"]
            account.institution_name = src_dict["institution_name"]
            account.iban = src_dict["iban"]
            account.sort_code = src_dict["sort_code"]
            account.account_number_mask = src_dict["account_number_mask"]
            account.total_debits = src_dict["total_debits"]
            account.total_credits = src_dict["total_credits"]
            _last_entry_date = src_dict["last_entry_date"]
            account.last_entry_reference = src_dict["last_entry_reference"]
            _sub_accounts = src_dict["sub_accounts"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            account.code = src_dict["code"]
            account.name = src_dict["name"]
            _account_type = src_dict["account_type"]
            account.current_balance = src_dict["current_balance"]
            account.currency = src_dict.get("currency", UNSET)
            account.account_type_display = src_dict.get("account_type_display", UNSET)
            account.account_subtype = src_dict.get("account_subtype", UNSET)
            account.account_subtype_display = src_dict.get("account_subtype_display", UNSET)
            account.parent_account_code = src_dict.get("parent_account_code", UNSET)
            account.current_balance_formatted = src_dict.get("current_balance_formatted", UNSET)
            account.debit_balance = src_dict.get("debit_balance", UNSET)
            account.credit_balance = src_dict.get("credit_balance", UNSET)
            account.period_balance = src_dict.get("period_balance", UNSET)
            account.period_balance_formatted = src_dict.get("period_balance_formatted", UNSET)
            account.has_children = src_dict.get("has_children", UNSET)
            account.hierarchy_level = src_dict.get("hierarchy_level", UNSET)
            account.is_active = src_dict.get("is_active", UNSET)
            account.description = src_dict.get("description", UNSET)
            account.institution_name = src_dict.get("institution_name", UNSET)
            account.iban = src_dict.get("iban", UNSET)
            account.sort_code = src_dict.get("sort_code", UNSET)
            account.account_number_mask = src_dict.get("account_number_mask", UNSET)
            account.total_debits = src_dict.get("total_debits", UNSET)
            account.total_credits = src_dict.get("total_credits", UNSET)
            _last_entry_date = src_dict.get("last_entry_date", UNSET)
            account.last_entry_reference = src_dict.get("last_entry_reference", UNSET)
            _sub_accounts = src_dict.get("sub_accounts", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 28
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        account.id = parse_uuid(_id)

        account.account_type = AccountAccountType(_account_type)

        last_entry_date: datetime.datetime | None | Unset = _last_entry_date
        if isinstance(_last_entry_date, str):
            try:
                last_entry_date_type_0 = datetime.datetime.fromisoformat(_last_entry_date)

                last_entry_date = last_entry_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        account.last_entry_date = last_entry_date

        sub_accounts: list[AccountSubAccountsItem] | Unset = (
            UNSET
            if _sub_accounts is UNSET
            else list(map(AccountSubAccountsItem.from_dict, _sub_accounts))
        )

        account.sub_accounts = sub_accounts

        account.additional_properties = additional_properties
        return account

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


from ..models.account_sub_accounts_item import AccountSubAccountsItem  # noqa: E402 -- after the class, so import cycles work
