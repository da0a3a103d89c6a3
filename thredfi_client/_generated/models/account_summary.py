from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.account_summary_account_type import AccountSummaryAccountType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="AccountSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "current_balance": {"int_format": "int64"},
    "debit_balance": {"int_format": "int64"},
    "credit_balance": {"int_format": "int64"},
    "period_balance": {"int_format": "int64"},
    "hierarchy_level": {"int_format": "int64"},
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
    )
)
_new = object.__new__


@_attrs_define
class AccountSummary:
    """An account of the chart of accounts, with its balances (in cents).

    Attributes:
        id (UUID): Unique account identifier
        code (str): Account code from chart of accounts (e.g., '1000', '4000')
        name (str): Account name from chart of accounts
        account_type (AccountSummaryAccountType):
        current_balance (int): Current balance in cents (from the ledger)
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
    """

    id: UUID
    code: str
    name: str
    account_type: AccountSummaryAccountType
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        account_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            account_summary.code = src_dict["code"]
            account_summary.name = src_dict["name"]
            _account_type = src_dict["account_type"]
            account_summary.current_balance = src_dict["current_balance"]
            account_summary.currency = src_dict["currency"]
            account_summary.account_type_display = src_dict["account_type_display"]
            account_summary.account_subtype = src_dict["account_subtype"]
            account_summary.account_subtype_display = src_dict["account_subtype_display"]
            account_summary.parent_account_code = src_dict["parent_account_code"]
            account_summary.current_balance_formatted = src_dict["current_balance_formatted"]
            account_summary.debit_balance = src_dict["debit_balance"]
            account_summary.credit_balance = src_dict["credit_balance"]
            account_summary.period_balance = src_dict["period_balance"]
            account_summary.period_balance_formatted = src_dict["period_balance_formatted"]
            account_summary.has_children = src_dict["has_children"]
            account_summary.hierarchy_level = src_dict["hierarchy_level"]
            account_summary.is_active = src_dict["is_active"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            account_summary.code = src_dict["code"]
            account_summary.name = src_dict["name"]
            _account_type = src_dict["account_type"]
            account_summary.current_balance = src_dict["current_balance"]
            account_summary.currency = src_dict.get("currency", UNSET)
            account_summary.account_type_display = src_dict.get("account_type_display", UNSET)
            account_summary.account_subtype = src_dict.get("account_subtype", UNSET)
            account_summary.account_subtype_display = src_dict.get("account_subtype_display", UNSET)
            account_summary.parent_account_code = src_dict.get("parent_account_code", UNSET)
            account_summary.current_balance_formatted = src_dict.get(
                "current_balance_formatted", UNSET
            )
            account_summary.debit_balance = src_dict.get("debit_balance", UNSET)
            account_summary.credit_balance = src_dict.get("credit_balance", UNSET)
            account_summary.period_balance = src_dict.get("period_balance", UNSET)
            account_summary.period_balance_formatted = src_dict.get(
                "period_balance_formatted", UNSET
            )
            account_summary.has_children = src_dict.get("has_children", UNSET)
            account_summary.hierarchy_level = src_dict.get("hierarchy_level", UNSET)
            account_summary.is_active = src_dict.get("is_active", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 18
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        account_summary.id = parse_uuid(_id)

        account_summary.account_type = AccountSummaryAccountType(_account_type)

        account_summary.additional_properties = additional_properties
        return account_summary

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
