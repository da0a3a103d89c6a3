from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="AccountHierarchy")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"total_accounts": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "hierarchy",
        "total_accounts",
    )
)
_new = object.__new__


@_attrs_define
class AccountHierarchy:
    """
    Attributes:
        hierarchy (list[AccountNode]): Root accounts with nested children
        total_accounts (int): Total count of all accounts
    """

    hierarchy: list[AccountNode]
    total_accounts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hierarchy = []
        for hierarchy_item_data in self.hierarchy:
            hierarchy_item = hierarchy_item_data.to_dict()
            hierarchy.append(hierarchy_item)

        total_accounts = self.total_accounts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hierarchy": hierarchy,
                "total_accounts": total_accounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        account_hierarchy = _new(cls)
        try:  # every documented field present, as in the API's responses
            _hierarchy = src_dict["hierarchy"]
            account_hierarchy.total_accounts = src_dict["total_accounts"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _hierarchy = src_dict["hierarchy"]
            account_hierarchy.total_accounts = src_dict["total_accounts"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 2
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        hierarchy = list(map(AccountNode.from_dict, _hierarchy))

        account_hierarchy.hierarchy = hierarchy

        account_hierarchy.additional_properties = additional_properties
        return account_hierarchy

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


from ..models.account_node import AccountNode  # noqa: E402 -- after the class, so import cycles work
