from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoicePaymentCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount_cents": {"int_format": "int64"},
    "processing_fee_cents": {"int_format": "int64"},
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
        "processing_fee_cents",
        "payment_processor",
    )
)
_new = object.__new__


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
        invoice_payment_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _customer_id = src_dict["customer_id"]
            invoice_payment_create.total_amount_cents = src_dict["total_amount_cents"]
            _allocations = src_dict["allocations"]
            _payment_date = src_dict["payment_date"]
            invoice_payment_create.currency = src_dict["currency"]
            invoice_payment_create.payment_method = src_dict["payment_method"]
            invoice_payment_create.payment_reference = src_dict["payment_reference"]
            invoice_payment_create.external_id = src_dict["external_id"]
            invoice_payment_create.note = src_dict["note"]
            invoice_payment_create.notes = src_dict["notes"]
            _metadata = src_dict["metadata"]
            _references = src_dict["references"]
            invoice_payment_create.processing_fee_cents = src_dict["processing_fee_cents"]
            invoice_payment_create.payment_processor = src_dict["payment_processor"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _customer_id = src_dict["customer_id"]
            invoice_payment_create.total_amount_cents = src_dict["total_amount_cents"]
            _allocations = src_dict["allocations"]
            _payment_date = src_dict["payment_date"]
            invoice_payment_create.currency = src_dict.get("currency", UNSET)
            invoice_payment_create.payment_method = src_dict.get("payment_method", UNSET)
            invoice_payment_create.payment_reference = src_dict.get("payment_reference", UNSET)
            invoice_payment_create.external_id = src_dict.get("external_id", UNSET)
            invoice_payment_create.note = src_dict.get("note", UNSET)
            invoice_payment_create.notes = src_dict.get("notes", UNSET)
            _metadata = src_dict.get("metadata", UNSET)
            _references = src_dict.get("references", UNSET)
            invoice_payment_create.processing_fee_cents = src_dict.get(
                "processing_fee_cents", UNSET
            )
            invoice_payment_create.payment_processor = src_dict.get("payment_processor", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 14
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        invoice_payment_create.customer_id = known_uuid(_customer_id) or parse_uuid(_customer_id)

        allocations = PaymentAllocationCreate.from_dicts(_allocations)

        invoice_payment_create.allocations = allocations

        invoice_payment_create.payment_date = datetime.date.fromisoformat(_payment_date)

        invoice_payment_create.metadata = (
            UNSET if _metadata is UNSET else InvoicePaymentCreateMetadata.from_dict(_metadata)
        )

        invoice_payment_create.references = (
            UNSET if _references is UNSET else InvoicePaymentCreateReferences.from_dict(_references)
        )

        invoice_payment_create.additional_properties = additional_properties

        return invoice_payment_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_payment_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                _customer_id = src_dict["customer_id"]
                invoice_payment_create.total_amount_cents = src_dict["total_amount_cents"]
                _allocations = src_dict["allocations"]
                _payment_date = src_dict["payment_date"]
                invoice_payment_create.currency = src_dict["currency"]
                invoice_payment_create.payment_method = src_dict["payment_method"]
                invoice_payment_create.payment_reference = src_dict["payment_reference"]
                invoice_payment_create.external_id = src_dict["external_id"]
                invoice_payment_create.note = src_dict["note"]
                invoice_payment_create.notes = src_dict["notes"]
                _metadata = src_dict["metadata"]
                _references = src_dict["references"]
                invoice_payment_create.processing_fee_cents = src_dict["processing_fee_cents"]
                invoice_payment_create.payment_processor = src_dict["payment_processor"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _customer_id = src_dict["customer_id"]
                invoice_payment_create.total_amount_cents = src_dict["total_amount_cents"]
                _allocations = src_dict["allocations"]
                _payment_date = src_dict["payment_date"]
                invoice_payment_create.currency = src_dict.get("currency", UNSET)
                invoice_payment_create.payment_method = src_dict.get("payment_method", UNSET)
                invoice_payment_create.payment_reference = src_dict.get("payment_reference", UNSET)
                invoice_payment_create.external_id = src_dict.get("external_id", UNSET)
                invoice_payment_create.note = src_dict.get("note", UNSET)
                invoice_payment_create.notes = src_dict.get("notes", UNSET)
                _metadata = src_dict.get("metadata", UNSET)
                _references = src_dict.get("references", UNSET)
                invoice_payment_create.processing_fee_cents = src_dict.get(
                    "processing_fee_cents", UNSET
                )
                invoice_payment_create.payment_processor = src_dict.get("payment_processor", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 14
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            invoice_payment_create.customer_id = known_uuid(_customer_id) or parse_uuid(
                _customer_id
            )

            allocations = PaymentAllocationCreate.from_dicts(_allocations)

            invoice_payment_create.allocations = allocations

            invoice_payment_create.payment_date = datetime.date.fromisoformat(_payment_date)

            invoice_payment_create.metadata = (
                UNSET if _metadata is UNSET else InvoicePaymentCreateMetadata.from_dict(_metadata)
            )

            invoice_payment_create.references = (
                UNSET
                if _references is UNSET
                else InvoicePaymentCreateReferences.from_dict(_references)
            )

            invoice_payment_create.additional_properties = additional_properties

            append_(invoice_payment_create)
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


from ..models.invoice_payment_create_metadata import InvoicePaymentCreateMetadata  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_payment_create_references import InvoicePaymentCreateReferences  # noqa: E402 -- after the class, so import cycles work
from ..models.payment_allocation_create import PaymentAllocationCreate  # noqa: E402 -- after the class, so import cycles work
