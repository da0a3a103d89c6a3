from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="AccountNode")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "current_balance": {"int_format": "int64"},
    "hierarchy_level": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "code",
        "name",
        "children",
        "account_type",
        "account_subtype",
        "current_balance",
        "hierarchy_level",
    )
)
_new = object.__new__


@_attrs_define
class AccountNode:
    """An account in the hierarchy, with its children.

    Attributes:
        id (UUID):
        code (str):
        name (str):
        children (list[AccountNodeChildrenItem]): The account's children, each an account of this shape.
        account_type (str | Unset):
        account_subtype (None | str | Unset):
        current_balance (int | Unset):
        hierarchy_level (int | Unset):
    """

    id: UUID
    code: str
    name: str
    children: list[AccountNodeChildrenItem]
    account_type: str | Unset = UNSET
    account_subtype: None | str | Unset = UNSET
    current_balance: int | Unset = UNSET
    hierarchy_level: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)

        account_type = self.account_type

        account_subtype: None | str | Unset
        if isinstance(self.account_subtype, Unset):
            account_subtype = UNSET
        else:
            account_subtype = self.account_subtype

        current_balance = self.current_balance

        hierarchy_level = self.hierarchy_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "children": children,
            }
        )
        if account_type is not UNSET:
            field_dict["account_type"] = account_type
        if account_subtype is not UNSET:
            field_dict["account_subtype"] = account_subtype
        if current_balance is not UNSET:
            field_dict["current_balance"] = current_balance
        if hierarchy_level is not UNSET:
            field_dict["hierarchy_level"] = hierarchy_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        account_node = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            account_node.code = src_dict["code"]
            account_node.name = src_dict["name"]
            _children = src_dict["children"]
            account_node.account_type = src_dict["account_type"]
            account_node.account_subtype = src_dict["account_subtype"]
            account_node.current_balance = src_dict["current_balance"]
            account_node.hierarchy_level = src_dict["hierarchy_level"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            account_node.code = src_dict["code"]
            account_node.name = src_dict["name"]
            _children = src_dict["children"]
            account_node.account_type = src_dict.get("account_type", UNSET)
            account_node.account_subtype = src_dict.get("account_subtype", UNSET)
            account_node.current_balance = src_dict.get("current_balance", UNSET)
            account_node.hierarchy_level = src_dict.get("hierarchy_level", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 8
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        account_node.id = parse_uuid(_id)

        children = list(map(AccountNodeChildrenItem.from_dict, _children))

        account_node.children = children

        account_node.additional_properties = additional_properties
        return account_node

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


from ..models.account_node_children_item import AccountNodeChildrenItem  # noqa: E402 -- after the class, so import cycles work
