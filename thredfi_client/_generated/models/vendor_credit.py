from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorCredit")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount": {"int_format": "int64"},
    "applied_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "status",
        "vendor",
        "line_items",
        "allocations",
        "total_amount",
        "applied_amount",
        "created_at",
        "updated_at",
        "received_at",
        "source_bill_id",
        "tags",
        "document",
        "external_id",
        "currency",
    )
)
_new = object.__new__


@_attrs_define
class VendorCredit:
    """A credit note from a vendor.

    Attributes:
        id (UUID):
        status (str):
        vendor (VendorSummary): The vendor of a credit.
        line_items (list[VendorCreditLineItem]):
        allocations (list[VendorCreditAllocation]):
        total_amount (int): In cents.
        applied_amount (int): In cents.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        received_at (datetime.datetime | None | Unset):
        source_bill_id (None | Unset | UUID):
        tags (list[VendorCreditTagsItem] | Unset):
        document (DocumentFileUrl | None | Unset):
        external_id (None | str | Unset):
        currency (None | str | Unset):
    """

    id: UUID
    status: str
    vendor: VendorSummary
    line_items: list[VendorCreditLineItem]
    allocations: list[VendorCreditAllocation]
    total_amount: int
    applied_amount: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    received_at: datetime.datetime | None | Unset = UNSET
    source_bill_id: None | Unset | UUID = UNSET
    tags: list[VendorCreditTagsItem] | Unset = UNSET
    document: DocumentFileUrl | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status

        vendor = self.vendor.to_dict()

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        total_amount = self.total_amount

        applied_amount = self.applied_amount

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        source_bill_id: None | str | Unset
        if isinstance(self.source_bill_id, Unset):
            source_bill_id = UNSET
        elif isinstance(self.source_bill_id, UUID):
            source_bill_id = str(self.source_bill_id)
        else:
            source_bill_id = self.source_bill_id

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        document: dict[str, Any] | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        elif isinstance(self.document, DocumentFileUrl):
            document = self.document.to_dict()
        else:
            document = self.document

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "vendor": vendor,
                "line_items": line_items,
                "allocations": allocations,
                "total_amount": total_amount,
                "applied_amount": applied_amount,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if source_bill_id is not UNSET:
            field_dict["source_bill_id"] = source_bill_id
        if tags is not UNSET:
            field_dict["tags"] = tags
        if document is not UNSET:
            field_dict["document"] = document
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_credit = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            vendor_credit.status = src_dict["status"]
            _vendor = src_dict["vendor"]
            _line_items = src_dict["line_items"]
            _allocations = src_dict["allocations"]
            vendor_credit.total_amount = src_dict["total_amount"]
            vendor_credit.applied_amount = src_dict["applied_amount"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            _received_at = src_dict["received_at"]
            _source_bill_id = src_dict["source_bill_id"]
            _tags = src_dict["tags"]
            _document = src_dict["document"]
            vendor_credit.external_id = src_dict["external_id"]
            vendor_credit.currency = src_dict["currency"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            vendor_credit.status = src_dict["status"]
            _vendor = src_dict["vendor"]
            _line_items = src_dict["line_items"]
            _allocations = src_dict["allocations"]
            vendor_credit.total_amount = src_dict["total_amount"]
            vendor_credit.applied_amount = src_dict["applied_amount"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            _received_at = src_dict.get("received_at", UNSET)
            _source_bill_id = src_dict.get("source_bill_id", UNSET)
            _tags = src_dict.get("tags", UNSET)
            _document = src_dict.get("document", UNSET)
            vendor_credit.external_id = src_dict.get("external_id", UNSET)
            vendor_credit.currency = src_dict.get("currency", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 15
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_credit.id = parse_uuid(_id)

        vendor_credit.vendor = VendorSummary.from_dict(_vendor)

        line_items = list(map(VendorCreditLineItem.from_dict, _line_items))

        vendor_credit.line_items = line_items

        allocations = list(map(VendorCreditAllocation.from_dict, _allocations))

        vendor_credit.allocations = allocations

        vendor_credit.created_at = datetime.datetime.fromisoformat(_created_at)

        vendor_credit.updated_at = datetime.datetime.fromisoformat(_updated_at)

        received_at: datetime.datetime | None | Unset = _received_at
        if isinstance(_received_at, str):
            try:
                received_at_type_0 = datetime.datetime.fromisoformat(_received_at)

                received_at = received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_credit.received_at = received_at

        source_bill_id: None | Unset | UUID = _source_bill_id
        if isinstance(_source_bill_id, str):
            try:
                source_bill_id_type_0 = parse_uuid(_source_bill_id)

                source_bill_id = source_bill_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_credit.source_bill_id = source_bill_id

        tags: list[VendorCreditTagsItem] | Unset = (
            UNSET if _tags is UNSET else list(map(VendorCreditTagsItem.from_dict, _tags))
        )

        vendor_credit.tags = tags

        document: DocumentFileUrl | None | Unset = _document
        if isinstance(_document, dict):
            try:
                componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(_document)

                document = componentsschemas_document_file_url_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_credit.document = document

        vendor_credit.additional_properties = additional_properties
        return vendor_credit

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


from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_credit_allocation import VendorCreditAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_credit_line_item import VendorCreditLineItem  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_credit_tags_item import VendorCreditTagsItem  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_summary import VendorSummary  # noqa: E402 -- after the class, so import cycles work
