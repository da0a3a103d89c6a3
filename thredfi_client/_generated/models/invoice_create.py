from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..models.invoice_create_invoice_type import InvoiceCreateInvoiceType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoiceCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "external_id": {"min_length": 1},
    "line_items": {"min_items": 1},
    "additional_discount": {"int_format": "int64"},
    "additional_sales_taxes_total": {"int_format": "int64"},
    "tips": {"int_format": "int64"},
    "transaction_tags": {"items": {"min_length": 1}},
}
_KNOWN = frozenset(
    (
        "external_id",
        "sent_at",
        "line_items",
        "due_at",
        "voided_at",
        "invoice_number",
        "invoice_type",
        "customer_id",
        "customer_external_id",
        "memo",
        "additional_discount",
        "additional_sales_taxes",
        "additional_sales_taxes_total",
        "tips",
        "tips_account",
        "transaction_tags",
        "metadata",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class InvoiceCreate:
    """Fields of a new invoice.

    Attributes:
        external_id (str): Your identifier for the invoice; repeats are idempotent.
        sent_at (datetime.datetime): When the invoice was sent.
        line_items (list[InvoiceLineItemCreate]): The invoice's lines.
        due_at (datetime.datetime | Unset): When payment is due; 30 days after sent_at when absent.
        voided_at (datetime.datetime | Unset): Not used (cancellation is a status).
        invoice_number (str | Unset): Display number; generated when absent.
        invoice_type (InvoiceCreateInvoiceType | Unset): Invoice or receipt. Default: InvoiceCreateInvoiceType.INVOICE.
        customer_id (None | Unset | UUID): An existing customer to bill.
        customer_external_id (str | Unset): Your identifier of the customer; a customer is created when unknown.
        memo (str | Unset): Description or memo.
        additional_discount (int | Unset): Invoice-level discount in cents. Default: 0.
        additional_sales_taxes (list[AdditionalSalesTaxCreate] | Unset): Invoice-level taxes.
        additional_sales_taxes_total (int | Unset): Total of the invoice-level taxes, in cents. Default: 0.
        tips (int | Unset): Tips in cents. Default: 0.
        tips_account (Any | Unset): The account tips are booked to.
        transaction_tags (list[str] | Unset): Tags for categorising.
        metadata (Any | Unset): Free-form JSON metadata.
        document (InvoiceDocumentUpload | Unset): A document to attach to a new invoice.
    """

    external_id: str
    sent_at: datetime.datetime
    line_items: list[InvoiceLineItemCreate]
    due_at: datetime.datetime | Unset = UNSET
    voided_at: datetime.datetime | Unset = UNSET
    invoice_number: str | Unset = UNSET
    invoice_type: InvoiceCreateInvoiceType | Unset = InvoiceCreateInvoiceType.INVOICE
    customer_id: None | Unset | UUID = UNSET
    customer_external_id: str | Unset = UNSET
    memo: str | Unset = UNSET
    additional_discount: int | Unset = 0
    additional_sales_taxes: list[AdditionalSalesTaxCreate] | Unset = UNSET
    additional_sales_taxes_total: int | Unset = 0
    tips: int | Unset = 0
    tips_account: Any | Unset = UNSET
    transaction_tags: list[str] | Unset = UNSET
    metadata: Any | Unset = UNSET
    document: InvoiceDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        sent_at = self.sent_at.isoformat()

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        voided_at: str | Unset = UNSET
        if not isinstance(self.voided_at, Unset):
            voided_at = self.voided_at.isoformat()

        invoice_number = self.invoice_number

        invoice_type: str | Unset = UNSET
        if not isinstance(self.invoice_type, Unset):
            invoice_type = self.invoice_type.value

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        elif isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        customer_external_id = self.customer_external_id

        memo = self.memo

        additional_discount = self.additional_discount

        additional_sales_taxes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.additional_sales_taxes, Unset):
            additional_sales_taxes = []
            for additional_sales_taxes_item_data in self.additional_sales_taxes:
                additional_sales_taxes_item = additional_sales_taxes_item_data.to_dict()
                additional_sales_taxes.append(additional_sales_taxes_item)

        additional_sales_taxes_total = self.additional_sales_taxes_total

        tips = self.tips

        tips_account = self.tips_account

        transaction_tags: list[str] | Unset = UNSET
        if not isinstance(self.transaction_tags, Unset):
            transaction_tags = self.transaction_tags

        metadata = self.metadata

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_id": external_id,
                "sent_at": sent_at,
                "line_items": line_items,
            }
        )
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if voided_at is not UNSET:
            field_dict["voided_at"] = voided_at
        if invoice_number is not UNSET:
            field_dict["invoice_number"] = invoice_number
        if invoice_type is not UNSET:
            field_dict["invoice_type"] = invoice_type
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if customer_external_id is not UNSET:
            field_dict["customer_external_id"] = customer_external_id
        if memo is not UNSET:
            field_dict["memo"] = memo
        if additional_discount is not UNSET:
            field_dict["additional_discount"] = additional_discount
        if additional_sales_taxes is not UNSET:
            field_dict["additional_sales_taxes"] = additional_sales_taxes
        if additional_sales_taxes_total is not UNSET:
            field_dict["additional_sales_taxes_total"] = additional_sales_taxes_total
        if tips is not UNSET:
            field_dict["tips"] = tips
        if tips_account is not UNSET:
            field_dict["tips_account"] = tips_account
        if transaction_tags is not UNSET:
            field_dict["transaction_tags"] = transaction_tags
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            invoice_create.external_id = src_dict["external_id"]
            _sent_at = src_dict["sent_at"]
            _line_items = src_dict["line_items"]
            _due_at = src_dict["due_at"]
            _voided_at = src_dict["voided_at"]
            invoice_create.invoice_number = src_dict["invoice_number"]
            _invoice_type = src_dict["invoice_type"]
            _customer_id = src_dict["customer_id"]
            invoice_create.customer_external_id = src_dict["customer_external_id"]
            invoice_create.memo = src_dict["memo"]
            invoice_create.additional_discount = src_dict["additional_discount"]
            _additional_sales_taxes = src_dict["additional_sales_taxes"]
            invoice_create.additional_sales_taxes_total = src_dict["additional_sales_taxes_total"]
            invoice_create.tips = src_dict["tips"]
            invoice_create.tips_account = src_dict["tips_account"]
            _transaction_tags = src_dict["transaction_tags"]
            invoice_create.metadata = src_dict["metadata"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            invoice_create.external_id = src_dict["external_id"]
            _sent_at = src_dict["sent_at"]
            _line_items = src_dict["line_items"]
            _due_at = src_dict.get("due_at", UNSET)
            _voided_at = src_dict.get("voided_at", UNSET)
            invoice_create.invoice_number = src_dict.get("invoice_number", UNSET)
            _invoice_type = src_dict.get("invoice_type", UNSET)
            _customer_id = src_dict.get("customer_id", UNSET)
            invoice_create.customer_external_id = src_dict.get("customer_external_id", UNSET)
            invoice_create.memo = src_dict.get("memo", UNSET)
            invoice_create.additional_discount = src_dict.get("additional_discount", UNSET)
            _additional_sales_taxes = src_dict.get("additional_sales_taxes", UNSET)
            invoice_create.additional_sales_taxes_total = src_dict.get(
                "additional_sales_taxes_total", UNSET
            )
            invoice_create.tips = src_dict.get("tips", UNSET)
            invoice_create.tips_account = src_dict.get("tips_account", UNSET)
            _transaction_tags = src_dict.get("transaction_tags", UNSET)
            invoice_create.metadata = src_dict.get("metadata", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 18
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        invoice_create.sent_at = datetime.datetime.fromisoformat(_sent_at)

        line_items = InvoiceLineItemCreate.from_dicts(_line_items)

        invoice_create.line_items = line_items

        invoice_create.due_at = (
            UNSET if _due_at is UNSET else datetime.datetime.fromisoformat(_due_at)
        )

        invoice_create.voided_at = (
            UNSET if _voided_at is UNSET else datetime.datetime.fromisoformat(_voided_at)
        )

        invoice_create.invoice_type = (
            UNSET if _invoice_type is UNSET else InvoiceCreateInvoiceType(_invoice_type)
        )

        customer_id: None | Unset | UUID = _customer_id
        if isinstance(_customer_id, str):
            try:
                customer_id_type_0 = known_uuid(_customer_id) or parse_uuid(_customer_id)

                customer_id = customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice_create.customer_id = customer_id

        additional_sales_taxes: list[AdditionalSalesTaxCreate] | Unset = (
            UNSET
            if _additional_sales_taxes is UNSET
            else AdditionalSalesTaxCreate.from_dicts(_additional_sales_taxes)
        )

        invoice_create.additional_sales_taxes = additional_sales_taxes

        transaction_tags = cast(list[str], _transaction_tags)

        invoice_create.transaction_tags = transaction_tags

        invoice_create.document = (
            UNSET if _document is UNSET else InvoiceDocumentUpload.from_dict(_document)
        )

        invoice_create.additional_properties = additional_properties

        return invoice_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                invoice_create.external_id = src_dict["external_id"]
                _sent_at = src_dict["sent_at"]
                _line_items = src_dict["line_items"]
                _due_at = src_dict["due_at"]
                _voided_at = src_dict["voided_at"]
                invoice_create.invoice_number = src_dict["invoice_number"]
                _invoice_type = src_dict["invoice_type"]
                _customer_id = src_dict["customer_id"]
                invoice_create.customer_external_id = src_dict["customer_external_id"]
                invoice_create.memo = src_dict["memo"]
                invoice_create.additional_discount = src_dict["additional_discount"]
                _additional_sales_taxes = src_dict["additional_sales_taxes"]
                invoice_create.additional_sales_taxes_total = src_dict[
                    "additional_sales_taxes_total"
                ]
                invoice_create.tips = src_dict["tips"]
                invoice_create.tips_account = src_dict["tips_account"]
                _transaction_tags = src_dict["transaction_tags"]
                invoice_create.metadata = src_dict["metadata"]
                _document = src_dict["document"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                invoice_create.external_id = src_dict["external_id"]
                _sent_at = src_dict["sent_at"]
                _line_items = src_dict["line_items"]
                _due_at = src_dict.get("due_at", UNSET)
                _voided_at = src_dict.get("voided_at", UNSET)
                invoice_create.invoice_number = src_dict.get("invoice_number", UNSET)
                _invoice_type = src_dict.get("invoice_type", UNSET)
                _customer_id = src_dict.get("customer_id", UNSET)
                invoice_create.customer_external_id = src_dict.get("customer_external_id", UNSET)
                invoice_create.memo = src_dict.get("memo", UNSET)
                invoice_create.additional_discount = src_dict.get("additional_discount", UNSET)
                _additional_sales_taxes = src_dict.get("additional_sales_taxes", UNSET)
                invoice_create.additional_sales_taxes_total = src_dict.get(
                    "additional_sales_taxes_total", UNSET
                )
                invoice_create.tips = src_dict.get("tips", UNSET)
                invoice_create.tips_account = src_dict.get("tips_account", UNSET)
                _transaction_tags = src_dict.get("transaction_tags", UNSET)
                invoice_create.metadata = src_dict.get("metadata", UNSET)
                _document = src_dict.get("document", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 18
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            invoice_create.sent_at = datetime.datetime.fromisoformat(_sent_at)

            line_items = InvoiceLineItemCreate.from_dicts(_line_items)

            invoice_create.line_items = line_items

            invoice_create.due_at = (
                UNSET if _due_at is UNSET else datetime.datetime.fromisoformat(_due_at)
            )

            invoice_create.voided_at = (
                UNSET if _voided_at is UNSET else datetime.datetime.fromisoformat(_voided_at)
            )

            invoice_create.invoice_type = (
                UNSET if _invoice_type is UNSET else InvoiceCreateInvoiceType(_invoice_type)
            )

            customer_id: None | Unset | UUID = _customer_id
            if isinstance(_customer_id, str):
                try:
                    customer_id_type_0 = known_uuid(_customer_id) or parse_uuid(_customer_id)

                    customer_id = customer_id_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice_create.customer_id = customer_id

            additional_sales_taxes: list[AdditionalSalesTaxCreate] | Unset = (
                UNSET
                if _additional_sales_taxes is UNSET
                else AdditionalSalesTaxCreate.from_dicts(_additional_sales_taxes)
            )

            invoice_create.additional_sales_taxes = additional_sales_taxes

            transaction_tags = cast(list[str], _transaction_tags)

            invoice_create.transaction_tags = transaction_tags

            invoice_create.document = (
                UNSET if _document is UNSET else InvoiceDocumentUpload.from_dict(_document)
            )

            invoice_create.additional_properties = additional_properties

            append_(invoice_create)
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


from ..models.additional_sales_tax_create import AdditionalSalesTaxCreate  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_document_upload import InvoiceDocumentUpload  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_line_item_create import InvoiceLineItemCreate  # noqa: E402 -- after the class, so import cycles work
