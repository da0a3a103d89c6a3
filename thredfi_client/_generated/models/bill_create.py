from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "external_id",
        "line_items",
        "vendor_id",
        "vendor_external_id",
        "bill_number",
        "vendor_bill_number",
        "purchase_order_number",
        "memo",
        "reference_numbers",
        "attachment_urls",
        "bill_date",
        "received_at",
        "due_at",
        "approved_at",
        "currency",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class BillCreate:
    """A bill (purchase invoice) from a vendor.

    Attributes:
        external_id (str): Your identifier for the bill.
        line_items (list[BillLineItemCreate]): The bill's lines.
        vendor_id (UUID | Unset): The vendor (or give vendor_external_id).
        vendor_external_id (str | Unset): Your identifier of the vendor.
        bill_number (str | Unset): The bill's number.
        vendor_bill_number (str | Unset): The vendor's own number for the bill.
        purchase_order_number (str | Unset): The purchase order the bill answers.
        memo (str | Unset): A note on the bill.
        reference_numbers (list[str] | Unset): Other references.
        attachment_urls (list[str] | Unset): URLs of attachments.
        bill_date (datetime.date | Unset): The bill's date.
        received_at (datetime.datetime | Unset): When the bill was received.
        due_at (datetime.datetime | Unset): When the bill is due.
        approved_at (datetime.datetime | Unset): When the bill was approved.
        currency (str | Unset): ISO 4217 currency code.
        document (BillDocumentUpload | Unset): A purchase invoice document to attach to a bill.
    """

    external_id: str
    line_items: list[BillLineItemCreate]
    vendor_id: UUID | Unset = UNSET
    vendor_external_id: str | Unset = UNSET
    bill_number: str | Unset = UNSET
    vendor_bill_number: str | Unset = UNSET
    purchase_order_number: str | Unset = UNSET
    memo: str | Unset = UNSET
    reference_numbers: list[str] | Unset = UNSET
    attachment_urls: list[str] | Unset = UNSET
    bill_date: datetime.date | Unset = UNSET
    received_at: datetime.datetime | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    approved_at: datetime.datetime | Unset = UNSET
    currency: str | Unset = UNSET
    document: BillDocumentUpload | Unset = UNSET
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

        bill_number = self.bill_number

        vendor_bill_number = self.vendor_bill_number

        purchase_order_number = self.purchase_order_number

        memo = self.memo

        reference_numbers: list[str] | Unset = UNSET
        if not isinstance(self.reference_numbers, Unset):
            reference_numbers = self.reference_numbers

        attachment_urls: list[str] | Unset = UNSET
        if not isinstance(self.attachment_urls, Unset):
            attachment_urls = self.attachment_urls

        bill_date: str | Unset = UNSET
        if not isinstance(self.bill_date, Unset):
            bill_date = self.bill_date.isoformat()

        received_at: str | Unset = UNSET
        if not isinstance(self.received_at, Unset):
            received_at = self.received_at.isoformat()

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        approved_at: str | Unset = UNSET
        if not isinstance(self.approved_at, Unset):
            approved_at = self.approved_at.isoformat()

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
        if bill_number is not UNSET:
            field_dict["bill_number"] = bill_number
        if vendor_bill_number is not UNSET:
            field_dict["vendor_bill_number"] = vendor_bill_number
        if purchase_order_number is not UNSET:
            field_dict["purchase_order_number"] = purchase_order_number
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reference_numbers is not UNSET:
            field_dict["reference_numbers"] = reference_numbers
        if attachment_urls is not UNSET:
            field_dict["attachment_urls"] = attachment_urls
        if bill_date is not UNSET:
            field_dict["bill_date"] = bill_date
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if approved_at is not UNSET:
            field_dict["approved_at"] = approved_at
        if currency is not UNSET:
            field_dict["currency"] = currency
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            bill_create.external_id = src_dict["external_id"]
            _line_items = src_dict["line_items"]
            _vendor_id = src_dict["vendor_id"]
            bill_create.vendor_external_id = src_dict["vendor_external_id"]
            bill_create.bill_number = src_dict["bill_number"]
            bill_create.vendor_bill_number = src_dict["vendor_bill_number"]
            bill_create.purchase_order_number = src_dict["purchase_order_number"]
            bill_create.memo = src_dict["memo"]
            _reference_numbers = src_dict["reference_numbers"]
            _attachment_urls = src_dict["attachment_urls"]
            _bill_date = src_dict["bill_date"]
            _received_at = src_dict["received_at"]
            _due_at = src_dict["due_at"]
            _approved_at = src_dict["approved_at"]
            bill_create.currency = src_dict["currency"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            bill_create.external_id = src_dict["external_id"]
            _line_items = src_dict["line_items"]
            _vendor_id = src_dict.get("vendor_id", UNSET)
            bill_create.vendor_external_id = src_dict.get("vendor_external_id", UNSET)
            bill_create.bill_number = src_dict.get("bill_number", UNSET)
            bill_create.vendor_bill_number = src_dict.get("vendor_bill_number", UNSET)
            bill_create.purchase_order_number = src_dict.get("purchase_order_number", UNSET)
            bill_create.memo = src_dict.get("memo", UNSET)
            _reference_numbers = src_dict.get("reference_numbers", UNSET)
            _attachment_urls = src_dict.get("attachment_urls", UNSET)
            _bill_date = src_dict.get("bill_date", UNSET)
            _received_at = src_dict.get("received_at", UNSET)
            _due_at = src_dict.get("due_at", UNSET)
            _approved_at = src_dict.get("approved_at", UNSET)
            bill_create.currency = src_dict.get("currency", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 16
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        line_items = list(map(BillLineItemCreate.from_dict, _line_items))

        bill_create.line_items = line_items

        bill_create.vendor_id = UNSET if _vendor_id is UNSET else parse_uuid(_vendor_id)

        reference_numbers = cast(list[str], _reference_numbers)

        bill_create.reference_numbers = reference_numbers

        attachment_urls = cast(list[str], _attachment_urls)

        bill_create.attachment_urls = attachment_urls

        bill_create.bill_date = (
            UNSET if _bill_date is UNSET else datetime.date.fromisoformat(_bill_date)
        )

        bill_create.received_at = (
            UNSET if _received_at is UNSET else datetime.datetime.fromisoformat(_received_at)
        )

        bill_create.due_at = UNSET if _due_at is UNSET else datetime.datetime.fromisoformat(_due_at)

        bill_create.approved_at = (
            UNSET if _approved_at is UNSET else datetime.datetime.fromisoformat(_approved_at)
        )

        bill_create.document = (
            UNSET if _document is UNSET else BillDocumentUpload.from_dict(_document)
        )

        bill_create.additional_properties = additional_properties
        return bill_create

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


from ..models.bill_document_upload import BillDocumentUpload  # noqa: E402 -- after the class, so import cycles work
from ..models.bill_line_item_create import BillLineItemCreate  # noqa: E402 -- after the class, so import cycles work
