from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCreditLineItemCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount": {"int_format": "int64", "minimum": 1},
    "tax_amount_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "amount",
        "tax_amount_cents",
        "revenue_account_identifier",
        "memo",
        "metadata",
        "reference_number",
        "tags",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCreditLineItemCreate:
    """A line of a new customer credit.

    Attributes:
        amount (int): Amount credited, in cents.
        tax_amount_cents (int | Unset): Tax on the line, in cents.
        revenue_account_identifier (Any | Unset): The revenue account the credit is booked against.
        memo (str | Unset): A note on the line.
        metadata (CustomerCreditLineItemCreateMetadata | Unset): Free-form JSON metadata.
        reference_number (str | Unset): The line's reference.
        tags (list[CustomerCreditLineItemCreateTagsItem] | Unset): Tags for the line.
    """

    amount: int
    tax_amount_cents: int | Unset = UNSET
    revenue_account_identifier: Any | Unset = UNSET
    memo: str | Unset = UNSET
    metadata: CustomerCreditLineItemCreateMetadata | Unset = UNSET
    reference_number: str | Unset = UNSET
    tags: list[CustomerCreditLineItemCreateTagsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        tax_amount_cents = self.tax_amount_cents

        revenue_account_identifier = self.revenue_account_identifier

        memo = self.memo

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        reference_number = self.reference_number

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if tax_amount_cents is not UNSET:
            field_dict["tax_amount_cents"] = tax_amount_cents
        if revenue_account_identifier is not UNSET:
            field_dict["revenue_account_identifier"] = revenue_account_identifier
        if memo is not UNSET:
            field_dict["memo"] = memo
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_credit_line_item_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            customer_credit_line_item_create.amount = src_dict["amount"]
            customer_credit_line_item_create.tax_amount_cents = src_dict["tax_amount_cents"]
            customer_credit_line_item_create.revenue_account_identifier = src_dict[
                "revenue_account_identifier"
            ]
            customer_credit_line_item_create.memo = src_dict["memo"]
            _metadata = src_dict["metadata"]
            customer_credit_line_item_create.reference_number = src_dict["reference_number"]
            _tags = src_dict["tags"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            customer_credit_line_item_create.amount = src_dict["amount"]
            customer_credit_line_item_create.tax_amount_cents = src_dict.get(
                "tax_amount_cents", UNSET
            )
            customer_credit_line_item_create.revenue_account_identifier = src_dict.get(
                "revenue_account_identifier", UNSET
            )
            customer_credit_line_item_create.memo = src_dict.get("memo", UNSET)
            _metadata = src_dict.get("metadata", UNSET)
            customer_credit_line_item_create.reference_number = src_dict.get(
                "reference_number", UNSET
            )
            _tags = src_dict.get("tags", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 7
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        customer_credit_line_item_create.metadata = (
            UNSET
            if _metadata is UNSET
            else CustomerCreditLineItemCreateMetadata.from_dict(_metadata)
        )

        tags: list[CustomerCreditLineItemCreateTagsItem] | Unset = (
            UNSET
            if _tags is UNSET
            else list(map(CustomerCreditLineItemCreateTagsItem.from_dict, _tags))
        )

        customer_credit_line_item_create.tags = tags

        customer_credit_line_item_create.additional_properties = additional_properties
        return customer_credit_line_item_create

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


from ..models.customer_credit_line_item_create_metadata import CustomerCreditLineItemCreateMetadata  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_line_item_create_tags_item import CustomerCreditLineItemCreateTagsItem  # noqa: E402 -- after the class, so import cycles work
