from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..models.invoice_update_invoice_type import InvoiceUpdateInvoiceType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoiceUpdate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "external_id": {"min_length": 1},
    "line_items": {"min_items": 1},
    "additional_discount": {"int_format": "int64"},
    "additional_sales_taxes_total": {"int_format": "int64"},
    "tips": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "invoice_number",
        "invoice_type",
        "memo",
        "external_id",
        "due_at",
        "document",
        "customer_id",
        "line_items",
        "additional_discount",
        "additional_sales_taxes_total",
        "tips",
    )
)
_new = object.__new__


@_attrs_define
class InvoiceUpdate:
    """Fields of an invoice to change.

    Attributes:
        invoice_number (str | Unset): Display number.
        invoice_type (InvoiceUpdateInvoiceType | Unset): Invoice or receipt.
        memo (str | Unset): Description or memo.
        external_id (str | Unset): Your identifier for the invoice.
        due_at (datetime.datetime | Unset): When payment is due.
        document (InvoiceDocumentUpload | Unset): A document to attach to a new invoice.
        customer_id (UUID | Unset): The customer to bill.
        line_items (list[InvoiceLineItemCreate] | Unset): The invoice's lines, replacing the current ones.
        additional_discount (int | Unset): Invoice-level discount in cents.
        additional_sales_taxes_total (int | Unset): Total of the invoice-level taxes, in cents.
        tips (int | Unset): Tips in cents.
    """

    invoice_number: str | Unset = UNSET
    invoice_type: InvoiceUpdateInvoiceType | Unset = UNSET
    memo: str | Unset = UNSET
    external_id: str | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    document: InvoiceDocumentUpload | Unset = UNSET
    customer_id: UUID | Unset = UNSET
    line_items: list[InvoiceLineItemCreate] | Unset = UNSET
    additional_discount: int | Unset = UNSET
    additional_sales_taxes_total: int | Unset = UNSET
    tips: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_number = self.invoice_number

        invoice_type: str | Unset = UNSET
        if not isinstance(self.invoice_type, Unset):
            invoice_type = self.invoice_type.value

        memo = self.memo

        external_id = self.external_id

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        line_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.line_items, Unset):
            line_items = []
            for line_items_item_data in self.line_items:
                line_items_item = line_items_item_data.to_dict()
                line_items.append(line_items_item)

        additional_discount = self.additional_discount

        additional_sales_taxes_total = self.additional_sales_taxes_total

        tips = self.tips

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if invoice_number is not UNSET:
            field_dict["invoice_number"] = invoice_number
        if invoice_type is not UNSET:
            field_dict["invoice_type"] = invoice_type
        if memo is not UNSET:
            field_dict["memo"] = memo
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if document is not UNSET:
            field_dict["document"] = document
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if line_items is not UNSET:
            field_dict["line_items"] = line_items
        if additional_discount is not UNSET:
            field_dict["additional_discount"] = additional_discount
        if additional_sales_taxes_total is not UNSET:
            field_dict["additional_sales_taxes_total"] = additional_sales_taxes_total
        if tips is not UNSET:
            field_dict["tips"] = tips

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_update = _new(cls)
        try:  # every documented field present, as in the API's responses
            invoice_update.invoice_number = src_dict["invoice_number"]
            _invoice_type = src_dict["invoice_type"]
            invoice_update.memo = src_dict["memo"]
            invoice_update.external_id = src_dict["external_id"]
            _due_at = src_dict["due_at"]
            _document = src_dict["document"]
            _customer_id = src_dict["customer_id"]
            _line_items = src_dict["line_items"]
            invoice_update.additional_discount = src_dict["additional_discount"]
            invoice_update.additional_sales_taxes_total = src_dict["additional_sales_taxes_total"]
            invoice_update.tips = src_dict["tips"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            invoice_update.invoice_number = src_dict.get("invoice_number", UNSET)
            _invoice_type = src_dict.get("invoice_type", UNSET)
            invoice_update.memo = src_dict.get("memo", UNSET)
            invoice_update.external_id = src_dict.get("external_id", UNSET)
            _due_at = src_dict.get("due_at", UNSET)
            _document = src_dict.get("document", UNSET)
            _customer_id = src_dict.get("customer_id", UNSET)
            _line_items = src_dict.get("line_items", UNSET)
            invoice_update.additional_discount = src_dict.get("additional_discount", UNSET)
            invoice_update.additional_sales_taxes_total = src_dict.get(
                "additional_sales_taxes_total", UNSET
            )
            invoice_update.tips = src_dict.get("tips", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 11
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        invoice_update.invoice_type = (
            UNSET if _invoice_type is UNSET else InvoiceUpdateInvoiceType(_invoice_type)
        )

        invoice_update.due_at = (
            UNSET if _due_at is UNSET else datetime.datetime.fromisoformat(_due_at)
        )

        invoice_update.document = (
            UNSET if _document is UNSET else InvoiceDocumentUpload.from_dict(_document)
        )

        invoice_update.customer_id = (
            UNSET
            if _customer_id is UNSET
            else (known_uuid(_customer_id) or parse_uuid(_customer_id))
        )

        line_items: list[InvoiceLineItemCreate] | Unset = (
            UNSET if _line_items is UNSET else InvoiceLineItemCreate.from_dicts(_line_items)
        )

        invoice_update.line_items = line_items

        invoice_update.additional_properties = additional_properties

        return invoice_update

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_update = _new(cls)
            try:  # every documented field present, as in the API's responses
                invoice_update.invoice_number = src_dict["invoice_number"]
                _invoice_type = src_dict["invoice_type"]
                invoice_update.memo = src_dict["memo"]
                invoice_update.external_id = src_dict["external_id"]
                _due_at = src_dict["due_at"]
                _document = src_dict["document"]
                _customer_id = src_dict["customer_id"]
                _line_items = src_dict["line_items"]
                invoice_update.additional_discount = src_dict["additional_discount"]
                invoice_update.additional_sales_taxes_total = src_dict[
                    "additional_sales_taxes_total"
                ]
                invoice_update.tips = src_dict["tips"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                invoice_update.invoice_number = src_dict.get("invoice_number", UNSET)
                _invoice_type = src_dict.get("invoice_type", UNSET)
                invoice_update.memo = src_dict.get("memo", UNSET)
                invoice_update.external_id = src_dict.get("external_id", UNSET)
                _due_at = src_dict.get("due_at", UNSET)
                _document = src_dict.get("document", UNSET)
                _customer_id = src_dict.get("customer_id", UNSET)
                _line_items = src_dict.get("line_items", UNSET)
                invoice_update.additional_discount = src_dict.get("additional_discount", UNSET)
                invoice_update.additional_sales_taxes_total = src_dict.get(
                    "additional_sales_taxes_total", UNSET
                )
                invoice_update.tips = src_dict.get("tips", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 11
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            invoice_update.invoice_type = (
                UNSET if _invoice_type is UNSET else InvoiceUpdateInvoiceType(_invoice_type)
            )

            invoice_update.due_at = (
                UNSET if _due_at is UNSET else datetime.datetime.fromisoformat(_due_at)
            )

            invoice_update.document = (
                UNSET if _document is UNSET else InvoiceDocumentUpload.from_dict(_document)
            )

            invoice_update.customer_id = (
                UNSET
                if _customer_id is UNSET
                else (known_uuid(_customer_id) or parse_uuid(_customer_id))
            )

            line_items: list[InvoiceLineItemCreate] | Unset = (
                UNSET if _line_items is UNSET else InvoiceLineItemCreate.from_dicts(_line_items)
            )

            invoice_update.line_items = line_items

            invoice_update.additional_properties = additional_properties

            append_(invoice_update)
        return parsed_

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


from ..models.invoice_document_upload import InvoiceDocumentUpload  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_line_item_create import InvoiceLineItemCreate  # noqa: E402 -- after the class, so import cycles work
