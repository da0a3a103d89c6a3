from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoicePaymentCreate")


@_attrs_define
class InvoicePaymentCreate:
    """A payment received from a customer.

    Attributes:
        customer_id (UUID): The customer who paid.
        total_amount_cents (int): Amount received, in cents.
        allocations (list[PaymentAllocationCreate]): How the payment is applied to the customer's invoices.
        payment_date (datetime.date): When the payment was made.
        currency (str | Unset): ISO 4217 currency code.
        payment_method (str | Unset): How it was paid, e.g. bank_transfer.
        payment_reference (str | Unset): The payer's reference.
        external_id (str | Unset): Your identifier for the payment.
        note (str | Unset): A note on the payment.
        notes (str | Unset): Internal notes.
        metadata (InvoicePaymentCreateMetadata | Unset): Free-form JSON metadata.
        references (InvoicePaymentCreateReferences | Unset): References in other systems.
        processing_fee_cents (int | Unset): Fee charged by the processor, in cents. Default: 0.
        payment_processor (str | Unset): Who processed the payment.
    """

    customer_id: UUID
    total_amount_cents: int
    allocations: list[PaymentAllocationCreate]
    payment_date: datetime.date
    currency: str | Unset = UNSET
    payment_method: str | Unset = UNSET
    payment_reference: str | Unset = UNSET
    external_id: str | Unset = UNSET
    note: str | Unset = UNSET
    notes: str | Unset = UNSET
    metadata: InvoicePaymentCreateMetadata | Unset = UNSET
    references: InvoicePaymentCreateReferences | Unset = UNSET
    processing_fee_cents: int | Unset = 0
    payment_processor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        total_amount_cents = self.total_amount_cents

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

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

        processing_fee_cents = self.processing_fee_cents

        payment_processor = self.payment_processor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "total_amount_cents": total_amount_cents,
                "allocations": allocations,
                "payment_date": payment_date,
            }
        )
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
        if processing_fee_cents is not UNSET:
            field_dict["processing_fee_cents"] = processing_fee_cents
        if payment_processor is not UNSET:
            field_dict["payment_processor"] = payment_processor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = parse_uuid(d.pop("customer_id"))

        total_amount_cents = d.pop("total_amount_cents")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = PaymentAllocationCreate.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        payment_date = datetime.date.fromisoformat(d.pop("payment_date"))

        currency = d.pop("currency", UNSET)

        payment_method = d.pop("payment_method", UNSET)

        payment_reference = d.pop("payment_reference", UNSET)

        external_id = d.pop("external_id", UNSET)

        note = d.pop("note", UNSET)

        notes = d.pop("notes", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: InvoicePaymentCreateMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = InvoicePaymentCreateMetadata.from_dict(_metadata)

        _references = d.pop("references", UNSET)
        references: InvoicePaymentCreateReferences | Unset
        if isinstance(_references, Unset):
            references = UNSET
        else:
            references = InvoicePaymentCreateReferences.from_dict(_references)

        processing_fee_cents = d.pop("processing_fee_cents", UNSET)

        payment_processor = d.pop("payment_processor", UNSET)

        invoice_payment_create = cls(
            customer_id=customer_id,
            total_amount_cents=total_amount_cents,
            allocations=allocations,
            payment_date=payment_date,
            currency=currency,
            payment_method=payment_method,
            payment_reference=payment_reference,
            external_id=external_id,
            note=note,
            notes=notes,
            metadata=metadata,
            references=references,
            processing_fee_cents=processing_fee_cents,
            payment_processor=payment_processor,
        )

        invoice_payment_create.additional_properties = d
        return invoice_payment_create

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


from ..models.invoice_payment_create_metadata import InvoicePaymentCreateMetadata  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_payment_create_references import InvoicePaymentCreateReferences  # noqa: E402 -- after the class, so import cycles work
from ..models.payment_allocation_create import PaymentAllocationCreate  # noqa: E402 -- after the class, so import cycles work
