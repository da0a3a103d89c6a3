from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorCreditCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "external_id",
        "line_items",
        "vendor_id",
        "vendor_external_id",
        "source_bill_id",
        "received_at",
        "allocations",
        "tags",
        "currency",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class VendorCreditCreate:
    """A credit note from a vendor.

    Attributes:
        external_id (str): Your identifier for the credit (the idempotency key).
        line_items (list[VendorCreditLineItemCreate]):
        vendor_id (UUID | Unset): The vendor (or give vendor_external_id).
        vendor_external_id (str | Unset): Your identifier of the vendor; an unknown one creates the vendor.
        source_bill_id (UUID | Unset): The bill the credit is raised against.
        received_at (datetime.datetime | Unset):
        allocations (list[VendorCreditAllocationCreate] | Unset):
        tags (list[VendorCreditCreateTagsItem] | Unset):
        currency (str | Unset):
        document (VendorCreditDocumentUpload | Unset): A document to attach to a vendor credit.
    """

    external_id: str
    line_items: list[VendorCreditLineItemCreate]
    vendor_id: UUID | Unset = UNSET
    vendor_external_id: str | Unset = UNSET
    source_bill_id: UUID | Unset = UNSET
    received_at: datetime.datetime | Unset = UNSET
    allocations: list[VendorCreditAllocationCreate] | Unset = UNSET
    tags: list[VendorCreditCreateTagsItem] | Unset = UNSET
    currency: str | Unset = UNSET
    document: VendorCreditDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        vendor_id: str | Unset = UNSET
        if not isinstance(self.vendor_id, Unset):
            vendor_id = str(self.vendor_id)

        vendor_external_id = self.vendor_external_id

        source_bill_id: str | Unset = UNSET
        if not isinstance(self.source_bill_id, Unset):
            source_bill_id = str(self.source_bill_id)

        received_at: str | Unset = UNSET
        if not isinstance(self.received_at, Unset):
            received_at = self.received_at.isoformat()

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

        currency = self.currency

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
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id
        if vendor_external_id is not UNSET:
            field_dict["vendor_external_id"] = vendor_external_id
        if source_bill_id is not UNSET:
            field_dict["source_bill_id"] = source_bill_id
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if tags is not UNSET:
            field_dict["tags"] = tags
        if currency is not UNSET:
            field_dict["currency"] = currency
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_credit_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor_credit_create.external_id = src_dict["external_id"]
            _line_items = src_dict["line_items"]
            _vendor_id = src_dict["vendor_id"]
            vendor_credit_create.vendor_external_id = src_dict["vendor_external_id"]
            _source_bill_id = src_dict["source_bill_id"]
            _received_at = src_dict["received_at"]
            _allocations = src_dict["allocations"]
            _tags = src_dict["tags"]
            vendor_credit_create.currency = src_dict["currency"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor_credit_create.external_id = src_dict["external_id"]
            _line_items = src_dict["line_items"]
            _vendor_id = src_dict.get("vendor_id", UNSET)
            vendor_credit_create.vendor_external_id = src_dict.get("vendor_external_id", UNSET)
            _source_bill_id = src_dict.get("source_bill_id", UNSET)
            _received_at = src_dict.get("received_at", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            _tags = src_dict.get("tags", UNSET)
            vendor_credit_create.currency = src_dict.get("currency", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 10
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        line_items = list(map(VendorCreditLineItemCreate.from_dict, _line_items))

        vendor_credit_create.line_items = line_items

        vendor_credit_create.vendor_id = UNSET if _vendor_id is UNSET else parse_uuid(_vendor_id)

        vendor_credit_create.source_bill_id = (
            UNSET if _source_bill_id is UNSET else parse_uuid(_source_bill_id)
        )

        vendor_credit_create.received_at = (
            UNSET if _received_at is UNSET else datetime.datetime.fromisoformat(_received_at)
        )

        allocations: list[VendorCreditAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(VendorCreditAllocationCreate.from_dict, _allocations))
        )

        vendor_credit_create.allocations = allocations

        tags: list[VendorCreditCreateTagsItem] | Unset = (
            UNSET if _tags is UNSET else list(map(VendorCreditCreateTagsItem.from_dict, _tags))
        )

        vendor_credit_create.tags = tags

        vendor_credit_create.document = (
            UNSET if _document is UNSET else VendorCreditDocumentUpload.from_dict(_document)
        )

        vendor_credit_create.additional_properties = additional_properties
        return vendor_credit_create

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


from ..models.vendor_credit_allocation_create import VendorCreditAllocationCreate  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_credit_create_tags_item import VendorCreditCreateTagsItem  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_credit_document_upload import VendorCreditDocumentUpload  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_credit_line_item_create import VendorCreditLineItemCreate  # noqa: E402 -- after the class, so import cycles work
