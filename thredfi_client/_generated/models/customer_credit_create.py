from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="CustomerCreditCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "external_id",
        "line_items",
        "customer_id",
        "customer_external_id",
        "source_invoice_id",
        "sent_at",
        "allocations",
        "tags",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCreditCreate:
    """A credit note for a customer.

    Attributes:
        external_id (str): Your identifier for the credit.
        line_items (list[CustomerCreditLineItemCreate]): The credit's lines.
        customer_id (UUID | Unset): The customer credited (or give customer_external_id).
        customer_external_id (str | Unset): Your identifier of the customer credited.
        source_invoice_id (UUID | Unset): The invoice the credit is raised against.
        sent_at (datetime.datetime | Unset): When the credit was sent.
        allocations (list[CustomerCreditAllocationCreate] | Unset): How the credit is applied to the customer's
            invoices.
        tags (list[CustomerCreditCreateTagsItem] | Unset): Tags for the credit.
        document (CustomerCreditDocumentUpload | Unset): A document to attach to a new customer credit.
    """

    external_id: str
    line_items: list[CustomerCreditLineItemCreate]
    customer_id: UUID | Unset = UNSET
    customer_external_id: str | Unset = UNSET
    source_invoice_id: UUID | Unset = UNSET
    sent_at: datetime.datetime | Unset = UNSET
    allocations: list[CustomerCreditAllocationCreate] | Unset = UNSET
    tags: list[CustomerCreditCreateTagsItem] | Unset = UNSET
    document: CustomerCreditDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        customer_external_id = self.customer_external_id

        source_invoice_id: str | Unset = UNSET
        if not isinstance(self.source_invoice_id, Unset):
            source_invoice_id = str(self.source_invoice_id)

        sent_at: str | Unset = UNSET
        if not isinstance(self.sent_at, Unset):
            sent_at = self.sent_at.isoformat()

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_id": external_id,
                "line_items": line_items,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if customer_external_id is not UNSET:
            field_dict["customer_external_id"] = customer_external_id
        if source_invoice_id is not UNSET:
            field_dict["source_invoice_id"] = source_invoice_id
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if tags is not UNSET:
            field_dict["tags"] = tags
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_credit_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            customer_credit_create.external_id = src_dict["external_id"]
            _line_items = src_dict["line_items"]
            _customer_id = src_dict["customer_id"]
            customer_credit_create.customer_external_id = src_dict["customer_external_id"]
            _source_invoice_id = src_dict["source_invoice_id"]
            _sent_at = src_dict["sent_at"]
            _allocations = src_dict["allocations"]
            _tags = src_dict["tags"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            customer_credit_create.external_id = src_dict["external_id"]
            _line_items = src_dict["line_items"]
            _customer_id = src_dict.get("customer_id", UNSET)
            customer_credit_create.customer_external_id = src_dict.get(
                "customer_external_id", UNSET
            )
            _source_invoice_id = src_dict.get("source_invoice_id", UNSET)
            _sent_at = src_dict.get("sent_at", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            _tags = src_dict.get("tags", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        line_items = list(map(CustomerCreditLineItemCreate.from_dict, _line_items))

        customer_credit_create.line_items = line_items

        customer_credit_create.customer_id = (
            UNSET if _customer_id is UNSET else parse_uuid(_customer_id)
        )

        customer_credit_create.source_invoice_id = (
            UNSET if _source_invoice_id is UNSET else parse_uuid(_source_invoice_id)
        )

        customer_credit_create.sent_at = (
            UNSET if _sent_at is UNSET else datetime.datetime.fromisoformat(_sent_at)
        )

        allocations: list[CustomerCreditAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(CustomerCreditAllocationCreate.from_dict, _allocations))
        )

        customer_credit_create.allocations = allocations

        tags: list[CustomerCreditCreateTagsItem] | Unset = (
            UNSET if _tags is UNSET else list(map(CustomerCreditCreateTagsItem.from_dict, _tags))
        )

        customer_credit_create.tags = tags

        customer_credit_create.document = (
            UNSET if _document is UNSET else CustomerCreditDocumentUpload.from_dict(_document)
        )

        customer_credit_create.additional_properties = additional_properties
        return customer_credit_create

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


from ..models.customer_credit_allocation_create import CustomerCreditAllocationCreate  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_create_tags_item import CustomerCreditCreateTagsItem  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_document_upload import CustomerCreditDocumentUpload  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_line_item_create import CustomerCreditLineItemCreate  # noqa: E402 -- after the class, so import cycles work
