from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invoice_payment_status import InvoicePaymentStatus
from ..types import parse_uuid

T = TypeVar("T", bound="InvoicePayment")


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
        d = dict(src_dict)
        id = parse_uuid(d.pop("id"))

        business_id = parse_uuid(d.pop("business_id"))

        customer_id = parse_uuid(d.pop("customer_id"))

        total_amount_cents = d.pop("total_amount_cents")

        applied_amount_cents = d.pop("applied_amount_cents")

        allocated_amount_cents = d.pop("allocated_amount_cents")

        unapplied_amount_cents = d.pop("unapplied_amount_cents")

        remaining_amount_cents = d.pop("remaining_amount_cents")

        currency = d.pop("currency")

        payment_method: None | str = d.pop("payment_method")

        payment_reference: None | str = d.pop("payment_reference")

        external_id: None | str = d.pop("external_id")

        note: None | str = d.pop("note")

        bank_reference: None | str = d.pop("bank_reference")

        metadata = InvoicePaymentMetadata.from_dict(d.pop("metadata"))

        payment_date = datetime.date.fromisoformat(d.pop("payment_date"))

        payment_processor: None | str = d.pop("payment_processor")

        processing_fee_cents = d.pop("processing_fee_cents")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = InvoicePaymentAllocation.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        status = _parse_status(d.pop("status"))

        invoice_payment = cls(
            id=id,
            business_id=business_id,
            customer_id=customer_id,
            total_amount_cents=total_amount_cents,
            applied_amount_cents=applied_amount_cents,
            allocated_amount_cents=allocated_amount_cents,
            unapplied_amount_cents=unapplied_amount_cents,
            remaining_amount_cents=remaining_amount_cents,
            currency=currency,
            payment_method=payment_method,
            payment_reference=payment_reference,
            external_id=external_id,
            note=note,
            bank_reference=bank_reference,
            metadata=metadata,
            payment_date=payment_date,
            payment_processor=payment_processor,
            processing_fee_cents=processing_fee_cents,
            allocations=allocations,
            created_at=created_at,
            status=status,
        )

        invoice_payment.additional_properties = d
        return invoice_payment

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


def _parse_status(data: object) -> InvoicePaymentStatus | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        status_type_0 = InvoicePaymentStatus(data)

        return status_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(InvoicePaymentStatus | str, data)


from ..models.invoice_payment_allocation import InvoicePaymentAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_payment_metadata import InvoicePaymentMetadata  # noqa: E402 -- after the class, so import cycles work
