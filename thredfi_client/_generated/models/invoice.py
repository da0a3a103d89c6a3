from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.invoice_status import InvoiceStatus
from ..models.invoice_type import InvoiceType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Invoice")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "invoice_number": {"max_length": 100},
    "currency": {"max_length": 3},
    "subtotal": {"int_format": "int64"},
    "additional_discount": {"int_format": "int64"},
    "additional_sales_taxes_total": {"int_format": "int64"},
    "tips": {"int_format": "int64"},
    "total_amount": {"int_format": "int64"},
    "outstanding_balance": {"int_format": "int64"},
}


@_attrs_define
class Invoice:
    """A sales invoice. Money is in integer cents.

    Attributes:
        type_ (str): Resource type.
        id (UUID): The invoice's UUID.
        business_id (UUID): The business the invoice belongs to.
        sent_at (datetime.datetime): When the invoice was sent.
        due_at (datetime.datetime): When payment is due.
        paid_at (datetime.datetime | None): When the invoice was paid in full.
        voided_at (datetime.datetime | None): Always null (cancellation is a status).
        is_overdue (bool): Past due with a balance outstanding. Example: False.
        invoice_number (str): Display number.
        currency (str): ISO 4217 currency code.
        customer (Customer): A customer of a business.
        line_items (list[InvoiceLineItem]): The invoice's lines.
        subtotal (int): Sum of the lines before taxes, in cents.
        additional_discount (int): Invoice-level discount in cents.
        additional_sales_taxes (list[AdditionalSalesTax]): Invoice-level taxes.
        additional_sales_taxes_total (int): Total of the invoice-level taxes, in cents.
        tips (int): Tips in cents.
        tips_account (None | str): The account tips are booked to.
        total_amount (int): Invoice total in cents, taxes included.
        outstanding_balance (int): Amount still owed, in cents.
        payment_allocations (list[PaymentAllocation]): Payments applied.
        credit_allocations (list[CreditAllocation]): Credit notes applied.
        refund_allocations (list[RefundAllocation]): Refunds allocated.
        write_offs (list[WriteOff]): Amounts written off.
        document (DocumentFileUrl | None): Latest invoice document with a download URL; null when there is none.
        imported_at (datetime.datetime): When the invoice was created in Thredfi.
        updated_at (datetime.datetime): When the invoice was last changed.
        status (InvoiceStatus | str): Invoice status, upper case; unknown values are kept as strings. Example: SENT.
        invoice_type (InvoiceType | str): Invoice or receipt; unknown values are kept as strings.
        external_id (None | str | Unset): Your identifier for the invoice.
        memo (None | str | Unset): Description or memo.
    """

    type_: str
    id: UUID
    business_id: UUID
    sent_at: datetime.datetime
    due_at: datetime.datetime
    paid_at: datetime.datetime | None
    voided_at: datetime.datetime | None
    is_overdue: bool
    invoice_number: str
    currency: str
    customer: Customer
    line_items: list[InvoiceLineItem]
    subtotal: int
    additional_discount: int
    additional_sales_taxes: list[AdditionalSalesTax]
    additional_sales_taxes_total: int
    tips: int
    tips_account: None | str
    total_amount: int
    outstanding_balance: int
    payment_allocations: list[PaymentAllocation]
    credit_allocations: list[CreditAllocation]
    refund_allocations: list[RefundAllocation]
    write_offs: list[WriteOff]
    document: DocumentFileUrl | None
    imported_at: datetime.datetime
    updated_at: datetime.datetime
    status: InvoiceStatus | str
    invoice_type: InvoiceType | str
    external_id: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = str(self.id)

        business_id = str(self.business_id)

        sent_at = self.sent_at.isoformat()

        due_at = self.due_at.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        is_overdue = self.is_overdue

        invoice_number = self.invoice_number

        currency = self.currency

        customer = self.customer.to_dict()

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        subtotal = self.subtotal

        additional_discount = self.additional_discount

        additional_sales_taxes = []
        for additional_sales_taxes_item_data in self.additional_sales_taxes:
            additional_sales_taxes_item = additional_sales_taxes_item_data.to_dict()
            additional_sales_taxes.append(additional_sales_taxes_item)

        additional_sales_taxes_total = self.additional_sales_taxes_total

        tips = self.tips

        tips_account: None | str
        tips_account = self.tips_account

        total_amount = self.total_amount

        outstanding_balance = self.outstanding_balance

        payment_allocations = []
        for payment_allocations_item_data in self.payment_allocations:
            payment_allocations_item = payment_allocations_item_data.to_dict()
            payment_allocations.append(payment_allocations_item)

        credit_allocations = []
        for credit_allocations_item_data in self.credit_allocations:
            credit_allocations_item = credit_allocations_item_data.to_dict()
            credit_allocations.append(credit_allocations_item)

        refund_allocations = []
        for refund_allocations_item_data in self.refund_allocations:
            refund_allocations_item = refund_allocations_item_data.to_dict()
            refund_allocations.append(refund_allocations_item)

        write_offs = []
        for write_offs_item_data in self.write_offs:
            write_offs_item = write_offs_item_data.to_dict()
            write_offs.append(write_offs_item)

        document: dict[str, Any] | None
        if isinstance(self.document, DocumentFileUrl):
            document = self.document.to_dict()
        else:
            document = self.document

        imported_at = self.imported_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status: str
        if isinstance(self.status, InvoiceStatus):
            status = self.status.value
        else:
            status = self.status

        invoice_type: str
        if isinstance(self.invoice_type, InvoiceType):
            invoice_type = self.invoice_type.value
        else:
            invoice_type = self.invoice_type

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "business_id": business_id,
                "sent_at": sent_at,
                "due_at": due_at,
                "paid_at": paid_at,
                "voided_at": voided_at,
                "is_overdue": is_overdue,
                "invoice_number": invoice_number,
                "currency": currency,
                "customer": customer,
                "line_items": line_items,
                "subtotal": subtotal,
                "additional_discount": additional_discount,
                "additional_sales_taxes": additional_sales_taxes,
                "additional_sales_taxes_total": additional_sales_taxes_total,
                "tips": tips,
                "tips_account": tips_account,
                "total_amount": total_amount,
                "outstanding_balance": outstanding_balance,
                "payment_allocations": payment_allocations,
                "credit_allocations": credit_allocations,
                "refund_allocations": refund_allocations,
                "write_offs": write_offs,
                "document": document,
                "imported_at": imported_at,
                "updated_at": updated_at,
                "status": status,
                "invoice_type": invoice_type,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if memo is not UNSET:
            field_dict["memo"] = memo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = parse_uuid(d.pop("id"))

        business_id = parse_uuid(d.pop("business_id"))

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        paid_at = _parse_paid_at(d.pop("paid_at"))

        voided_at = _parse_voided_at(d.pop("voided_at"))

        is_overdue = d.pop("is_overdue")

        invoice_number = d.pop("invoice_number")

        currency = d.pop("currency")

        customer = Customer.from_dict(d.pop("customer"))

        line_items = []
        _line_items = d.pop("line_items")
        for line_items_item_data in _line_items:
            line_items_item = InvoiceLineItem.from_dict(line_items_item_data)

            line_items.append(line_items_item)

        subtotal = d.pop("subtotal")

        additional_discount = d.pop("additional_discount")

        additional_sales_taxes = []
        _additional_sales_taxes = d.pop("additional_sales_taxes")
        for additional_sales_taxes_item_data in _additional_sales_taxes:
            additional_sales_taxes_item = AdditionalSalesTax.from_dict(
                additional_sales_taxes_item_data
            )

            additional_sales_taxes.append(additional_sales_taxes_item)

        additional_sales_taxes_total = d.pop("additional_sales_taxes_total")

        tips = d.pop("tips")

        tips_account: None | str = d.pop("tips_account")

        total_amount = d.pop("total_amount")

        outstanding_balance = d.pop("outstanding_balance")

        payment_allocations = []
        _payment_allocations = d.pop("payment_allocations")
        for payment_allocations_item_data in _payment_allocations:
            payment_allocations_item = PaymentAllocation.from_dict(payment_allocations_item_data)

            payment_allocations.append(payment_allocations_item)

        credit_allocations = []
        _credit_allocations = d.pop("credit_allocations")
        for credit_allocations_item_data in _credit_allocations:
            credit_allocations_item = CreditAllocation.from_dict(credit_allocations_item_data)

            credit_allocations.append(credit_allocations_item)

        refund_allocations = []
        _refund_allocations = d.pop("refund_allocations")
        for refund_allocations_item_data in _refund_allocations:
            refund_allocations_item = RefundAllocation.from_dict(refund_allocations_item_data)

            refund_allocations.append(refund_allocations_item)

        write_offs = []
        _write_offs = d.pop("write_offs")
        for write_offs_item_data in _write_offs:
            write_offs_item = WriteOff.from_dict(write_offs_item_data)

            write_offs.append(write_offs_item)

        document = _parse_document(d.pop("document"))

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status = _parse_status(d.pop("status"))

        invoice_type = _parse_invoice_type(d.pop("invoice_type"))

        external_id: None | str | Unset = d.pop("external_id", UNSET)

        memo: None | str | Unset = d.pop("memo", UNSET)

        invoice = cls(
            type_=type_,
            id=id,
            business_id=business_id,
            sent_at=sent_at,
            due_at=due_at,
            paid_at=paid_at,
            voided_at=voided_at,
            is_overdue=is_overdue,
            invoice_number=invoice_number,
            currency=currency,
            customer=customer,
            line_items=line_items,
            subtotal=subtotal,
            additional_discount=additional_discount,
            additional_sales_taxes=additional_sales_taxes,
            additional_sales_taxes_total=additional_sales_taxes_total,
            tips=tips,
            tips_account=tips_account,
            total_amount=total_amount,
            outstanding_balance=outstanding_balance,
            payment_allocations=payment_allocations,
            credit_allocations=credit_allocations,
            refund_allocations=refund_allocations,
            write_offs=write_offs,
            document=document,
            imported_at=imported_at,
            updated_at=updated_at,
            status=status,
            invoice_type=invoice_type,
            external_id=external_id,
            memo=memo,
        )

        invoice.additional_properties = d
        return invoice

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


def _parse_paid_at(data: object) -> datetime.datetime | None:
    if data is None:
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        paid_at_type_0 = datetime.datetime.fromisoformat(data)

        return paid_at_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(datetime.datetime | None, data)


def _parse_voided_at(data: object) -> datetime.datetime | None:
    if data is None:
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        voided_at_type_0 = datetime.datetime.fromisoformat(data)

        return voided_at_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(datetime.datetime | None, data)


def _parse_document(data: object) -> DocumentFileUrl | None:
    if data is None:
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(data)

        return componentsschemas_document_file_url_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(DocumentFileUrl | None, data)


def _parse_status(data: object) -> InvoiceStatus | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        status_type_0 = InvoiceStatus(data)

        return status_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(InvoiceStatus | str, data)


def _parse_invoice_type(data: object) -> InvoiceType | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        invoice_type_type_0 = InvoiceType(data)

        return invoice_type_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(InvoiceType | str, data)


from ..models.additional_sales_tax import AdditionalSalesTax  # noqa: E402 -- after the class, so import cycles work
from ..models.credit_allocation import CreditAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.customer import Customer  # noqa: E402 -- after the class, so import cycles work
from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_line_item import InvoiceLineItem  # noqa: E402 -- after the class, so import cycles work
from ..models.payment_allocation import PaymentAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.refund_allocation import RefundAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.write_off import WriteOff  # noqa: E402 -- after the class, so import cycles work
