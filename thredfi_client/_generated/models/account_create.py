from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.account_create_account_subtype import AccountCreateAccountSubtype
from ..models.account_create_account_type import AccountCreateAccountType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "code",
        "name",
        "account_type",
        "account_subtype",
        "parent_id",
        "description",
        "external_id",
        "institution_name",
        "iban",
        "sort_code",
        "account_number_mask",
        "balance_behavior",
        "is_cash_account",
        "is_non_cash_expense",
        "custom_fields",
    )
)
_new = object.__new__


@_attrs_define
class AccountCreate:
    """A new account of the chart of accounts.

    Attributes:
        code (str): Account code (unique in the business)
        name (str): Account name
        account_type (AccountCreateAccountType):
        account_subtype (AccountCreateAccountSubtype | Unset):
        parent_id (str | Unset): The parent account (UUID, code or external_id)
        description (str | Unset):
        external_id (str | Unset): Your identifier for the account (the idempotency key)
        institution_name (str | Unset):
        iban (str | Unset):
        sort_code (str | Unset):
        account_number_mask (str | Unset):
        balance_behavior (str | Unset):  Default: ''.
        is_cash_account (bool | Unset):  Default: False.
        is_non_cash_expense (bool | Unset):  Default: False.
        custom_fields (Any | Unset): Free-form fields
    """

    code: str
    name: str
    account_type: AccountCreateAccountType
    account_subtype: AccountCreateAccountSubtype | Unset = UNSET
    parent_id: str | Unset = UNSET
    description: str | Unset = UNSET
    external_id: str | Unset = UNSET
    institution_name: str | Unset = UNSET
    iban: str | Unset = UNSET
    sort_code: str | Unset = UNSET
    account_number_mask: str | Unset = UNSET
    balance_behavior: str | Unset = ""
    is_cash_account: bool | Unset = False
    is_non_cash_expense: bool | Unset = False
    custom_fields: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        account_type = self.account_type.value

        account_subtype: str | Unset = UNSET
        if not isinstance(self.account_subtype, Unset):
            account_subtype = self.account_subtype.value

        parent_id = self.parent_id

        description = self.description

        external_id = self.external_id

        institution_name = self.institution_name

        iban = self.iban

        sort_code = self.sort_code

        account_number_mask = self.account_number_mask

        balance_behavior = self.balance_behavior

        is_cash_account = self.is_cash_account

        is_non_cash_expense = self.is_non_cash_expense

        custom_fields = self.custom_fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "account_type": account_type,
            }
        )
        if account_subtype is not UNSET:
            field_dict["account_subtype"] = account_subtype
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if description is not UNSET:
            field_dict["description"] = description
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if institution_name is not UNSET:
            field_dict["institution_name"] = institution_name
        if iban is not UNSET:
            field_dict["iban"] = iban
        if sort_code is not UNSET:
            field_dict["sort_code"] = sort_code
        if account_number_mask is not UNSET:
            field_dict["account_number_mask"] = account_number_mask
        if balance_behavior is not UNSET:
            field_dict["balance_behavior"] = balance_behavior
        if is_cash_account is not UNSET:
            field_dict["is_cash_account"] = is_cash_account
        if is_non_cash_expense is not UNSET:
            field_dict["is_non_cash_expense"] = is_non_cash_expense
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        account_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            account_create.code = src_dict["code"]
            account_create.name = src_dict["name"]
            _account_type = src_dict["account_type"]
            _account_subtype = src_dict["account_subtype"]
            account_create.parent_id = src_dict["parent_id"]
            account_create.description = src_dict["description"]
            account_create.external_id = src_dict["external_id"]
            account_create.institution_name = src_dict["institution_name"]
            account_create.iban = src_dict["iban"]
            account_create.sort_code = src_dict["sort_code"]
            account_create.account_number_mask = src_dict["account_number_mask"]
            account_create.balance_behavior = src_dict["balance_behavior"]
            account_create.is_cash_account = src_dict["is_cash_account"]
            account_create.is_non_cash_expense = src_dict["is_non_cash_expense"]
            account_create.custom_fields = src_dict["custom_fields"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            account_create.code = src_dict["code"]
            account_create.name = src_dict["name"]
            _account_type = src_dict["account_type"]
            _account_subtype = src_dict.get("account_subtype", UNSET)
            account_create.parent_id = src_dict.get("parent_id", UNSET)
            account_create.description = src_dict.get("description", UNSET)
            account_create.external_id = src_dict.get("external_id", UNSET)
            account_create.institution_name = src_dict.get("institution_name", UNSET)
            account_create.iban = src_dict.get("iban", UNSET)
            account_create.sort_code = src_dict.get("sort_code", UNSET)
            account_create.account_number_mask = src_dict.get("account_number_mask", UNSET)
            account_create.balance_behavior = src_dict.get("balance_behavior", UNSET)
            account_create.is_cash_account = src_dict.get("is_cash_account", UNSET)
            account_create.is_non_cash_expense = src_dict.get("is_non_cash_expense", UNSET)
            account_create.custom_fields = src_dict.get("custom_fields", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 15
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        account_create.account_type = AccountCreateAccountType(_account_type)

        account_create.account_subtype = (
            UNSET if _account_subtype is UNSET else AccountCreateAccountSubtype(_account_subtype)
        )

        account_create.additional_properties = additional_properties
        return account_create

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
