from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCreditLineItem")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "amount",
        "revenue_account_identifier",
        "tags",
        "memo",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCreditLineItem:
    """A line of a customer credit.

    Attributes:
        amount (int): Amount credited, in cents.
        revenue_account_identifier (AccountIdentifier | None | Unset): The revenue account of the line; null when none
            was given.
        tags (list[str] | Unset): Tags for the line.
        memo (None | str | Unset): A note on the line.
        metadata (Any | Unset): Free-form metadata.
    """

    amount: int
    revenue_account_identifier: AccountIdentifier | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    memo: None | str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        revenue_account_identifier: dict[str, Any] | None | Unset
        if isinstance(self.revenue_account_identifier, Unset):
            revenue_account_identifier = UNSET
        elif isinstance(self.revenue_account_identifier, AccountIdentifier):
            revenue_account_identifier = self.revenue_account_identifier.to_dict()
        else:
            revenue_account_identifier = self.revenue_account_identifier

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if revenue_account_identifier is not UNSET:
            field_dict["revenue_account_identifier"] = revenue_account_identifier
        if tags is not UNSET:
            field_dict["tags"] = tags
        if memo is not UNSET:
            field_dict["memo"] = memo
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_credit_line_item = _new(cls)
        try:  # every documented field present, as in the API's responses
            customer_credit_line_item.amount = src_dict["amount"]
            _revenue_account_identifier = src_dict["revenue_account_identifier"]
            _tags = src_dict["tags"]
            customer_credit_line_item.memo = src_dict["memo"]
            customer_credit_line_item.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            customer_credit_line_item.amount = src_dict["amount"]
            _revenue_account_identifier = src_dict.get("revenue_account_identifier", UNSET)
            _tags = src_dict.get("tags", UNSET)
            customer_credit_line_item.memo = src_dict.get("memo", UNSET)
            customer_credit_line_item.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        revenue_account_identifier: AccountIdentifier | None | Unset = _revenue_account_identifier
        if isinstance(_revenue_account_identifier, dict):
            try:
                componentsschemas_account_identifier_type_0 = AccountIdentifier.from_dict(
                    _revenue_account_identifier
                )

                revenue_account_identifier = componentsschemas_account_identifier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        customer_credit_line_item.revenue_account_identifier = revenue_account_identifier

        tags = cast(list[str], _tags)

        customer_credit_line_item.tags = tags

        customer_credit_line_item.additional_properties = additional_properties
        return customer_credit_line_item

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


from ..models.account_identifier import AccountIdentifier  # noqa: E402 -- after the class, so import cycles work
