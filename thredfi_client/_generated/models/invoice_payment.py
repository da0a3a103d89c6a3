from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
from ..models.invoice_payment_status import InvoicePaymentStatus
from ..types import parse_uuid

T = TypeVar("T", bound="InvoicePayment")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount_cents": {"int_format": "int64"},
    "applied_amount_cents": {"int_format": "int64"},
    "allocated_amount_cents": {"int_format": "int64"},
    "unapplied_amount_cents": {"int_format": "int64"},
    "remaining_amount_cents": {"int_format": "int64"},
    "processing_fee_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "business_id",
        "customer_id",
        "total_amount_cents",
        "applied_amount_cents",
        "allocated_amount_cents",
        "unapplied_amount_cents",
        "remaining_amount_cents",
        "currency",
        "payment_method",
        "payment_reference",
        "external_id",
        "note",
        "bank_reference",
        "metadata",
        "payment_date",
        "payment_processor",
        "processing_fee_cents",
        "allocations",
        "created_at",
        "status",
    )
)
_new = object.__new__


@_attrs_define
class InvoicePayment:
    """A payment received from a customer and applied to invoices.

    Attributes:
        id (UUID): The payment's UUID.
        business_id (UUID): The business it belongs to.
        customer_id (UUID): The customer who paid.
        total_amount_cents (int): Amount received, in cents.
        applied_amount_cents (int): Amount applied to invoices, in cents.
        allocated_amount_cents (int): Amount allocated to invoices, in cents.
        unapplied_amount_cents (int): Amount not applied to any invoice, in cents.
        remaining_amount_cents (int): Amount still available to apply, in cents.
        currency (str): ISO 4217 currency code.
        payment_method (None | str): How it was paid.
        payment_reference (None | str): The payer's reference.
        external_id (None | str): Your identifier for the payment.
        note (None | str): A note on the payment.
        bank_reference (None | str): The bank's reference, once reconciled.
        metadata (InvoicePaymentMetadata): Free-form JSON metadata.
        payment_date (datetime.date): When the payment was made.
        payment_processor (None | str): Who processed the payment.
        processing_fee_cents (int): Fee charged by the processor, in cents.
        allocations (list[InvoicePaymentAllocation]): How the payment is applied to invoices.
        created_at (datetime.datetime): When the payment was recorded.
        status (InvoicePaymentStatus | str): Processing state of the payment; unknown values are kept as strings.
    """

    id: UUID
    business_id: UUID
    customer_id: UUID
    total_amount_cents: int
    applied_amount_cents: int
    allocated_amount_cents: int
    unapplied_amount_cents: int
    remaining_amount_cents: int
    currency: str
    payment_method: None | str
    payment_reference: None | str
    external_id: None | str
    note: None | str
    bank_reference: None | str
    metadata: InvoicePaymentMetadata
    payment_date: datetime.date
    payment_processor: None | str
    processing_fee_cents: int
    allocations: list[InvoicePaymentAllocation]
    created_at: datetime.datetime
    status: InvoicePaymentStatus | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        business_id = str(self.business_id)

        customer_id = str(self.customer_id)

        total_amount_cents = self.total_amount_cents

        applied_amount_cents = self.applied_amount_cents

        allocated_amount_cents = self.allocated_amount_cents

        unapplied_amount_cents = self.unapplied_amount_cents

        remaining_amount_cents = self.remaining_amount_cents

        currency = self.currency

        payment_method: None | str
        payment_method = self.payment_method

        payment_reference: None | str
        payment_reference = self.payment_reference

        external_id: None | str
        external_id = self.external_id

        note: None | str
        note = self.note

        bank_reference: None | str
        bank_reference = self.bank_reference

        metadata = self.metadata.to_dict()

        payment_date = self.payment_date.isoformat()

        payment_processor: None | str
        payment_processor = self.payment_processor

        processing_fee_cents = self.processing_fee_cents

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        created_at = self.created_at.isoformat()

        status: str
        if isinstance(self.status, InvoicePaymentStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "business_id": business_id,
                "customer_id": customer_id,
                "total_amount_cents": total_amount_cents,
                "applied_amount_cents": applied_amount_cents,
                "allocated_amount_cents": allocated_amount_cents,
                "unapplied_amount_cents": unapplied_amount_cents,
                "remaining_amount_cents": remaining_amount_cents,
                "currency": currency,
                "payment_method": payment_method,
                "payment_reference": payment_reference,
                "external_id": external_id,
                "note": note,
                "bank_reference": bank_reference,
                "metadata": metadata,
                "payment_date": payment_date,
                "payment_processor": payment_processor,
                "processing_fee_cents": processing_fee_cents,
                "allocations": allocations,
                "created_at": created_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_payment = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            _customer_id = src_dict["customer_id"]
            invoice_payment.total_amount_cents = src_dict["total_amount_cents"]
            invoice_payment.applied_amount_cents = src_dict["applied_amount_cents"]
            invoice_payment.allocated_amount_cents = src_dict["allocated_amount_cents"]
            invoice_payment.unapplied_amount_cents = src_dict["unapplied_amount_cents"]
            invoice_payment.remaining_amount_cents = src_dict["remaining_amount_cents"]
            invoice_payment.currency = src_dict["currency"]
            invoice_payment.payment_method = src_dict["payment_method"]
            invoice_payment.payment_reference = src_dict["payment_reference"]
            invoice_payment.external_id = src_dict["external_id"]
            invoice_payment.note = src_dict["note"]
            invoice_payment.bank_reference = src_dict["bank_reference"]
            _metadata = src_dict["metadata"]
            _payment_date = src_dict["payment_date"]
            invoice_payment.payment_processor = src_dict["payment_processor"]
            invoice_payment.processing_fee_cents = src_dict["processing_fee_cents"]
            _allocations = src_dict["allocations"]
            _created_at = src_dict["created_at"]
            _status = src_dict["status"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            _customer_id = src_dict["customer_id"]
            invoice_payment.total_amount_cents = src_dict["total_amount_cents"]
            invoice_payment.applied_amount_cents = src_dict["applied_amount_cents"]
            invoice_payment.allocated_amount_cents = src_dict["allocated_amount_cents"]
            invoice_payment.unapplied_amount_cents = src_dict["unapplied_amount_cents"]
            invoice_payment.remaining_amount_cents = src_dict["remaining_amount_cents"]
            invoice_payment.currency = src_dict["currency"]
            invoice_payment.payment_method = src_dict["payment_method"]
            invoice_payment.payment_reference = src_dict["payment_reference"]
            invoice_payment.external_id = src_dict["external_id"]
            invoice_payment.note = src_dict["note"]
            invoice_payment.bank_reference = src_dict["bank_reference"]
            _metadata = src_dict["metadata"]
            _payment_date = src_dict["payment_date"]
            invoice_payment.payment_processor = src_dict["payment_processor"]
            invoice_payment.processing_fee_cents = src_dict["processing_fee_cents"]
            _allocations = src_dict["allocations"]
            _created_at = src_dict["created_at"]
            _status = src_dict["status"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 21
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        invoice_payment.id = known_uuid(_id) or parse_uuid(_id)

        invoice_payment.business_id = known_uuid(_business_id) or parse_uuid(_business_id)

        invoice_payment.customer_id = known_uuid(_customer_id) or parse_uuid(_customer_id)

        invoice_payment.metadata = InvoicePaymentMetadata.from_dict(_metadata)

        invoice_payment.payment_date = datetime.date.fromisoformat(_payment_date)

        allocations = InvoicePaymentAllocation.from_dicts(_allocations)

        invoice_payment.allocations = allocations

        invoice_payment.created_at = datetime.datetime.fromisoformat(_created_at)

        status: InvoicePaymentStatus | str = _status
        if isinstance(_status, str):
            try:
                status_type_0 = InvoicePaymentStatus(_status)

                status = status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice_payment.status = status

        invoice_payment.additional_properties = additional_properties

        return invoice_payment

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_payment = _new(cls)
            try:  # every documented field present, as in the API's responses
                _id = src_dict["id"]
                _business_id = src_dict["business_id"]
                _customer_id = src_dict["customer_id"]
                invoice_payment.total_amount_cents = src_dict["total_amount_cents"]
                invoice_payment.applied_amount_cents = src_dict["applied_amount_cents"]
                invoice_payment.allocated_amount_cents = src_dict["allocated_amount_cents"]
                invoice_payment.unapplied_amount_cents = src_dict["unapplied_amount_cents"]
                invoice_payment.remaining_amount_cents = src_dict["remaining_amount_cents"]
                invoice_payment.currency = src_dict["currency"]
                invoice_payment.payment_method = src_dict["payment_method"]
                invoice_payment.payment_reference = src_dict["payment_reference"]
                invoice_payment.external_id = src_dict["external_id"]
                invoice_payment.note = src_dict["note"]
                invoice_payment.bank_reference = src_dict["bank_reference"]
                _metadata = src_dict["metadata"]
                _payment_date = src_dict["payment_date"]
                invoice_payment.payment_processor = src_dict["payment_processor"]
                invoice_payment.processing_fee_cents = src_dict["processing_fee_cents"]
                _allocations = src_dict["allocations"]
                _created_at = src_dict["created_at"]
                _status = src_dict["status"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _id = src_dict["id"]
                _business_id = src_dict["business_id"]
                _customer_id = src_dict["customer_id"]
                invoice_payment.total_amount_cents = src_dict["total_amount_cents"]
                invoice_payment.applied_amount_cents = src_dict["applied_amount_cents"]
                invoice_payment.allocated_amount_cents = src_dict["allocated_amount_cents"]
                invoice_payment.unapplied_amount_cents = src_dict["unapplied_amount_cents"]
                invoice_payment.remaining_amount_cents = src_dict["remaining_amount_cents"]
                invoice_payment.currency = src_dict["currency"]
                invoice_payment.payment_method = src_dict["payment_method"]
                invoice_payment.payment_reference = src_dict["payment_reference"]
                invoice_payment.external_id = src_dict["external_id"]
                invoice_payment.note = src_dict["note"]
                invoice_payment.bank_reference = src_dict["bank_reference"]
                _metadata = src_dict["metadata"]
                _payment_date = src_dict["payment_date"]
                invoice_payment.payment_processor = src_dict["payment_processor"]
                invoice_payment.processing_fee_cents = src_dict["processing_fee_cents"]
                _allocations = src_dict["allocations"]
                _created_at = src_dict["created_at"]
                _status = src_dict["status"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 21
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            invoice_payment.id = known_uuid(_id) or parse_uuid(_id)

            invoice_payment.business_id = known_uuid(_business_id) or parse_uuid(_business_id)

            invoice_payment.customer_id = known_uuid(_customer_id) or parse_uuid(_customer_id)

            invoice_payment.metadata = InvoicePaymentMetadata.from_dict(_metadata)

            invoice_payment.payment_date = datetime.date.fromisoformat(_payment_date)

            allocations = InvoicePaymentAllocation.from_dicts(_allocations)

            invoice_payment.allocations = allocations

            invoice_payment.created_at = datetime.datetime.fromisoformat(_created_at)

            status: InvoicePaymentStatus | str = _status
            if isinstance(_status, str):
                try:
                    status_type_0 = InvoicePaymentStatus(_status)

                    status = status_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice_payment.status = status

            invoice_payment.additional_properties = additional_properties

            append_(invoice_payment)
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


from ..models.invoice_payment_allocation import InvoicePaymentAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_payment_metadata import InvoicePaymentMetadata  # noqa: E402 -- after the class, so import cycles work
