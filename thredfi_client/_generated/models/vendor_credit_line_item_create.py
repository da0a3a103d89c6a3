from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="VendorCreditLineItemCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount": {"int_format": "int64", "minimum": 1}}
_KNOWN = frozenset(
    (
        "amount",
        "expense_account_identifier",
        "tags",
        "memo",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class VendorCreditLineItemCreate:
    """A line of a vendor credit.

    Attributes:
        amount (int): Amount credited, in cents.
        expense_account_identifier (Any | Unset): The expense account of the line.
        tags (list[str] | Unset):
        memo (str | Unset):
        metadata (Any | Unset): Free-form metadata.
    """

    amount: int
    expense_account_identifier: Any | Unset = UNSET
    tags: list[str] | Unset = UNSET
    memo: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        expense_account_identifier = self.expense_account_identifier

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        memo = self.memo

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if expense_account_identifier is not UNSET:
            field_dict["expense_account_identifier"] = expense_account_identifier
        if tags is not UNSET:
            field_dict["tags"] = tags
        if memo is not UNSET:
            field_dict["memo"] = memo
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_credit_line_item_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor_credit_line_item_create.amount = src_dict["amount"]
            vendor_credit_line_item_create.expense_account_identifier = src_dict[
                "expense_account_identifier"
            ]
            _tags = src_dict["tags"]
            vendor_credit_line_item_create.memo = src_dict["memo"]
            vendor_credit_line_item_create.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor_credit_line_item_create.amount = src_dict["amount"]
            vendor_credit_line_item_create.expense_account_identifier = src_dict.get(
                "expense_account_identifier", UNSET
            )
            _tags = src_dict.get("tags", UNSET)
            vendor_credit_line_item_create.memo = src_dict.get("memo", UNSET)
            vendor_credit_line_item_create.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        tags = cast(list[str], _tags)

        vendor_credit_line_item_create.tags = tags

        vendor_credit_line_item_create.additional_properties = additional_properties
        return vendor_credit_line_item_create

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
