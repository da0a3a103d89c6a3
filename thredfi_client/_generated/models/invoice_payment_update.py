from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.invoice_payment_update_status import InvoicePaymentUpdateStatus
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoicePaymentUpdate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount_cents": {"int_format": "int64", "minimum": 1},
    "processing_fee_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "customer_id",
        "total_amount_cents",
        "allocations",
        "payment_date",
        "currency",
        "payment_method",
        "payment_reference",
        "external_id",
        "note",
        "notes",
        "metadata",
        "references",
        "processor_reference",
        "bank_reference",
        "status",
        "transaction_tags",
        "payment_processor",
        "processing_fee_cents",
    )
)
_new = object.__new__


@_attrs_define
class InvoicePaymentUpdate:
    """Fields of a payment to change.

    Attributes:
        customer_id (UUID | Unset): The customer who paid.
        total_amount_cents (int | Unset): Amount received, in cents.
        allocations (list[PaymentAllocationCreate] | Unset): How the payment is applied to the customer's invoices.
        payment_date (datetime.date | Unset): When the payment was made.
        currency (str | Unset): ISO 4217 currency code.
        payment_method (str | Unset): How it was paid, e.g. bank_transfer.
        payment_reference (str | Unset): The payer's reference.
        external_id (str | Unset): Your identifier for the payment.
        note (str | Unset): A note on the payment.
        notes (str | Unset): Internal notes.
        metadata (InvoicePaymentUpdateMetadata | Unset): Free-form JSON metadata.
        references (InvoicePaymentUpdateReferences | Unset): References in other systems.
        processor_reference (str | Unset): The processor's reference for the payment.
        bank_reference (str | Unset): The bank's reference, once reconciled.
        status (InvoicePaymentUpdateStatus | Unset): Processing state of the payment.
        transaction_tags (list[str] | Unset): Tags for the payment.
        payment_processor (str | Unset): Who processed the payment.
        processing_fee_cents (int | Unset): Fee charged by the processor, in cents.
    """

    customer_id: UUID | Unset = UNSET
    total_amount_cents: int | Unset = UNSET
    allocations: list[PaymentAllocationCreate] | Unset = UNSET
    payment_date: datetime.date | Unset = UNSET
    currency: str | Unset = UNSET
    payment_method: str | Unset = UNSET
    payment_reference: str | Unset = UNSET
    external_id: str | Unset = UNSET
    note: str | Unset = UNSET
    notes: str | Unset = UNSET
    metadata: InvoicePaymentUpdateMetadata | Unset = UNSET
    references: InvoicePaymentUpdateReferences | Unset = UNSET
    processor_reference: str | Unset = UNSET
    bank_reference: str | Unset = UNSET
    status: InvoicePaymentUpdateStatus | Unset = UNSET
    transaction_tags: list[str] | Unset = UNSET
    payment_processor: str | Unset = UNSET
    processing_fee_cents: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        total_amount_cents = self.total_amount_cents

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        payment_date: str | Unset = UNSET
        if not isinstance(self.payment_date, Unset):
            payment_date = self.payment_date.isoformat()

        currency = self.currency

        payment_method = self.payment_method

        payment_reference = self.payment_reference

        external_id = self.external_id

        note = self.note

        notes = self.notes

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        references: dict[str, Any] | Unset = UNSET
        if not isinstance(self.references, Unset):
            references = self.references.to_dict()

        processor_reference = self.processor_reference

        bank_reference = self.bank_reference

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        transaction_tags: list[str] | Unset = UNSET
        if not isinstance(self.transaction_tags, Unset):
            transaction_tags = self.transaction_tags

        payment_processor = self.payment_processor

        processing_fee_cents = self.processing_fee_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if total_amount_cents is not UNSET:
            field_dict["total_amount_cents"] = total_amount_cents
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if payment_date is not UNSET:
            field_dict["payment_date"] = payment_date
        if currency is not UNSET:
            field_dict["currency"] = currency
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if note is not UNSET:
            field_dict["note"] = note
        if notes is not UNSET:
            field_dict["notes"] = notes
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if references is not UNSET:
            field_dict["references"] = references
        if processor_reference is not UNSET:
            field_dict["processor_reference"] = processor_reference
        if bank_reference is not UNSET:
            field_dict["bank_reference"] = bank_reference
        if status is not UNSET:
            field_dict["status"] = status
        if transaction_tags is not UNSET:
            field_dict["transaction_tags"] = transaction_tags
        if payment_processor is not UNSET:
            field_dict["payment_processor"] = payment_processor
        if processing_fee_cents is not UNSET:
            field_dict["processing_fee_cents"] = processing_fee_cents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_payment_update = _new(cls)
        try:  # every documented field present, as in the API's responses
            _customer_id = src_dict["customer_id"]
            invoice_payment_update.total_amount_cents = src_dict["total_amount_cents"]
            _allocations = src_dict["allocations"]
            _payment_date = src_dict["payment_date"]
            invoice_payment_update.currency = src_dict["currency"]
            invoice_payment_update.payment_method = src_dict["payment_method"]
            invoice_payment_update.payment_reference = src_dict["payment_reference"]
            invoice_payment_update.external_id = src_dict["external_id"]
            invoice_payment_update.note = src_dict["note"]
            invoice_payment_update.notes = src_dict["notes"]
            _metadata = src_dict["metadata"]
            _references = src_dict["references"]
            invoice_payment_update.processor_reference = src_dict["processor_reference"]
            invoice_payment_update.bank_reference = src_dict["bank_reference"]
            _status = src_dict["status"]
            _transaction_tags = src_dict["transaction_tags"]
            invoice_payment_update.payment_processor = src_dict["payment_processor"]
            invoice_payment_update.processing_fee_cents = src_dict["processing_fee_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _customer_id = src_dict.get("customer_id", UNSET)
            invoice_payment_update.total_amount_cents = src_dict.get("total_amount_cents", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            _payment_date = src_dict.get("payment_date", UNSET)
            invoice_payment_update.currency = src_dict.get("currency", UNSET)
            invoice_payment_update.payment_method = src_dict.get("payment_method", UNSET)
            invoice_payment_update.payment_reference = src_dict.get("payment_reference", UNSET)
            invoice_payment_update.external_id = src_dict.get("external_id", UNSET)
            invoice_payment_update.note = src_dict.get("note", UNSET)
            invoice_payment_update.notes = src_dict.get("notes", UNSET)
            _metadata = src_dict.get("metadata", UNSET)
            _references = src_dict.get("references", UNSET)
            invoice_payment_update.processor_reference = src_dict.get("processor_reference", UNSET)
            invoice_payment_update.bank_reference = src_dict.get("bank_reference", UNSET)
            _status = src_dict.get("status", UNSET)
            _transaction_tags = src_dict.get("transaction_tags", UNSET)
            invoice_payment_update.payment_processor = src_dict.get("payment_processor", UNSET)
            invoice_payment_update.processing_fee_cents = src_dict.get(
                "processing_fee_cents", UNSET
            )
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 18
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        invoice_payment_update.customer_id = (
            UNSET if _customer_id is UNSET else parse_uuid(_customer_id)
        )

        allocations: list[PaymentAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(PaymentAllocationCreate.from_dict, _allocations))
        )

        invoice_payment_update.allocations = allocations

        invoice_payment_update.payment_date = (
            UNSET if _payment_date is UNSET else datetime.date.fromisoformat(_payment_date)
        )

        invoice_payment_update.metadata = (
            UNSET if _metadata is UNSET else InvoicePaymentUpdateMetadata.from_dict(_metadata)
        )

        invoice_payment_update.references = (
            UNSET if _references is UNSET else InvoicePaymentUpdateReferences.from_dict(_references)
        )

        invoice_payment_update.status = (
            UNSET if _status is UNSET else InvoicePaymentUpdateStatus(_status)
        )

        transaction_tags = cast(list[str], _transaction_tags)

        invoice_payment_update.transaction_tags = transaction_tags

        invoice_payment_update.additional_properties = additional_properties
        return invoice_payment_update

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


from ..models.invoice_payment_update_metadata import InvoicePaymentUpdateMetadata  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_payment_update_references import InvoicePaymentUpdateReferences  # noqa: E402 -- after the class, so import cycles work
from ..models.payment_allocation_create import PaymentAllocationCreate  # noqa: E402 -- after the class, so import cycles work
