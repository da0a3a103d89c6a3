from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
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
_KNOWN = frozenset(
    (
        "type",
        "id",
        "business_id",
        "sent_at",
        "due_at",
        "paid_at",
        "voided_at",
        "is_overdue",
        "invoice_number",
        "currency",
        "customer",
        "line_items",
        "subtotal",
        "additional_discount",
        "additional_sales_taxes",
        "additional_sales_taxes_total",
        "tips",
        "tips_account",
        "total_amount",
        "outstanding_balance",
        "payment_allocations",
        "credit_allocations",
        "refund_allocations",
        "write_offs",
        "document",
        "imported_at",
        "updated_at",
        "status",
        "invoice_type",
        "external_id",
        "memo",
    )
)
_new = object.__new__


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
        invoice = _new(cls)
        try:  # every documented field present, as in the API's responses
            invoice.type_ = src_dict["type"]
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            _sent_at = src_dict["sent_at"]
            _due_at = src_dict["due_at"]
            _paid_at = src_dict["paid_at"]
            _voided_at = src_dict["voided_at"]
            invoice.is_overdue = src_dict["is_overdue"]
            invoice.invoice_number = src_dict["invoice_number"]
            invoice.currency = src_dict["currency"]
            _customer = src_dict["customer"]
            _line_items = src_dict["line_items"]
            invoice.subtotal = src_dict["subtotal"]
            invoice.additional_discount = src_dict["additional_discount"]
            _additional_sales_taxes = src_dict["additional_sales_taxes"]
            invoice.additional_sales_taxes_total = src_dict["additional_sales_taxes_total"]
            invoice.tips = src_dict["tips"]
            invoice.tips_account = src_dict["tips_account"]
            invoice.total_amount = src_dict["total_amount"]
            invoice.outstanding_balance = src_dict["outstanding_balance"]
            _payment_allocations = src_dict["payment_allocations"]
            _credit_allocations = src_dict["credit_allocations"]
            _refund_allocations = src_dict["refund_allocations"]
            _write_offs = src_dict["write_offs"]
            _document = src_dict["document"]
            _imported_at = src_dict["imported_at"]
            _updated_at = src_dict["updated_at"]
            _status = src_dict["status"]
            _invoice_type = src_dict["invoice_type"]
            invoice.external_id = src_dict["external_id"]
            invoice.memo = src_dict["memo"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            invoice.type_ = src_dict["type"]
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            _sent_at = src_dict["sent_at"]
            _due_at = src_dict["due_at"]
            _paid_at = src_dict["paid_at"]
            _voided_at = src_dict["voided_at"]
            invoice.is_overdue = src_dict["is_overdue"]
            invoice.invoice_number = src_dict["invoice_number"]
            invoice.currency = src_dict["currency"]
            _customer = src_dict["customer"]
            _line_items = src_dict["line_items"]
            invoice.subtotal = src_dict["subtotal"]
            invoice.additional_discount = src_dict["additional_discount"]
            _additional_sales_taxes = src_dict["additional_sales_taxes"]
            invoice.additional_sales_taxes_total = src_dict["additional_sales_taxes_total"]
            invoice.tips = src_dict["tips"]
            invoice.tips_account = src_dict["tips_account"]
            invoice.total_amount = src_dict["total_amount"]
            invoice.outstanding_balance = src_dict["outstanding_balance"]
            _payment_allocations = src_dict["payment_allocations"]
            _credit_allocations = src_dict["credit_allocations"]
            _refund_allocations = src_dict["refund_allocations"]
            _write_offs = src_dict["write_offs"]
            _document = src_dict["document"]
            _imported_at = src_dict["imported_at"]
            _updated_at = src_dict["updated_at"]
            _status = src_dict["status"]
            _invoice_type = src_dict["invoice_type"]
            invoice.external_id = src_dict.get("external_id", UNSET)
            invoice.memo = src_dict.get("memo", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 31
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        invoice.id = known_uuid(_id) or parse_uuid(_id)

        invoice.business_id = known_uuid(_business_id) or parse_uuid(_business_id)

        invoice.sent_at = datetime.datetime.fromisoformat(_sent_at)

        invoice.due_at = datetime.datetime.fromisoformat(_due_at)

        paid_at: datetime.datetime | None = _paid_at
        if isinstance(_paid_at, str):
            try:
                paid_at_type_0 = datetime.datetime.fromisoformat(_paid_at)

                paid_at = paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice.paid_at = paid_at

        voided_at: datetime.datetime | None = _voided_at
        if isinstance(_voided_at, str):
            try:
                voided_at_type_0 = datetime.datetime.fromisoformat(_voided_at)

                voided_at = voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice.voided_at = voided_at

        invoice.customer = Customer.from_dict(_customer)

        line_items = InvoiceLineItem.from_dicts(_line_items)

        invoice.line_items = line_items

        additional_sales_taxes = AdditionalSalesTax.from_dicts(_additional_sales_taxes)

        invoice.additional_sales_taxes = additional_sales_taxes

        payment_allocations = PaymentAllocation.from_dicts(_payment_allocations)

        invoice.payment_allocations = payment_allocations

        credit_allocations = CreditAllocation.from_dicts(_credit_allocations)

        invoice.credit_allocations = credit_allocations

        refund_allocations = RefundAllocation.from_dicts(_refund_allocations)

        invoice.refund_allocations = refund_allocations

        write_offs = WriteOff.from_dicts(_write_offs)

        invoice.write_offs = write_offs

        document: DocumentFileUrl | None = _document
        if isinstance(_document, dict):
            try:
                componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(_document)

                document = componentsschemas_document_file_url_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice.document = document

        invoice.imported_at = datetime.datetime.fromisoformat(_imported_at)

        invoice.updated_at = datetime.datetime.fromisoformat(_updated_at)

        status: InvoiceStatus | str = _status
        if isinstance(_status, str):
            try:
                status_type_0 = InvoiceStatus(_status)

                status = status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice.status = status

        invoice_type: InvoiceType | str = _invoice_type
        if isinstance(_invoice_type, str):
            try:
                invoice_type_type_0 = InvoiceType(_invoice_type)

                invoice_type = invoice_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice.invoice_type = invoice_type

        invoice.additional_properties = additional_properties

        return invoice

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice = _new(cls)
            try:  # every documented field present, as in the API's responses
                invoice.type_ = src_dict["type"]
                _id = src_dict["id"]
                _business_id = src_dict["business_id"]
                _sent_at = src_dict["sent_at"]
                _due_at = src_dict["due_at"]
                _paid_at = src_dict["paid_at"]
                _voided_at = src_dict["voided_at"]
                invoice.is_overdue = src_dict["is_overdue"]
                invoice.invoice_number = src_dict["invoice_number"]
                invoice.currency = src_dict["currency"]
                _customer = src_dict["customer"]
                _line_items = src_dict["line_items"]
                invoice.subtotal = src_dict["subtotal"]
                invoice.additional_discount = src_dict["additional_discount"]
                _additional_sales_taxes = src_dict["additional_sales_taxes"]
                invoice.additional_sales_taxes_total = src_dict["additional_sales_taxes_total"]
                invoice.tips = src_dict["tips"]
                invoice.tips_account = src_dict["tips_account"]
                invoice.total_amount = src_dict["total_amount"]
                invoice.outstanding_balance = src_dict["outstanding_balance"]
                _payment_allocations = src_dict["payment_allocations"]
                _credit_allocations = src_dict["credit_allocations"]
                _refund_allocations = src_dict["refund_allocations"]
                _write_offs = src_dict["write_offs"]
                _document = src_dict["document"]
                _imported_at = src_dict["imported_at"]
                _updated_at = src_dict["updated_at"]
                _status = src_dict["status"]
                _invoice_type = src_dict["invoice_type"]
                invoice.external_id = src_dict["external_id"]
                invoice.memo = src_dict["memo"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                invoice.type_ = src_dict["type"]
                _id = src_dict["id"]
                _business_id = src_dict["business_id"]
                _sent_at = src_dict["sent_at"]
                _due_at = src_dict["due_at"]
                _paid_at = src_dict["paid_at"]
                _voided_at = src_dict["voided_at"]
                invoice.is_overdue = src_dict["is_overdue"]
                invoice.invoice_number = src_dict["invoice_number"]
                invoice.currency = src_dict["currency"]
                _customer = src_dict["customer"]
                _line_items = src_dict["line_items"]
                invoice.subtotal = src_dict["subtotal"]
                invoice.additional_discount = src_dict["additional_discount"]
                _additional_sales_taxes = src_dict["additional_sales_taxes"]
                invoice.additional_sales_taxes_total = src_dict["additional_sales_taxes_total"]
                invoice.tips = src_dict["tips"]
                invoice.tips_account = src_dict["tips_account"]
                invoice.total_amount = src_dict["total_amount"]
                invoice.outstanding_balance = src_dict["outstanding_balance"]
                _payment_allocations = src_dict["payment_allocations"]
                _credit_allocations = src_dict["credit_allocations"]
                _refund_allocations = src_dict["refund_allocations"]
                _write_offs = src_dict["write_offs"]
                _document = src_dict["document"]
                _imported_at = src_dict["imported_at"]
                _updated_at = src_dict["updated_at"]
                _status = src_dict["status"]
                _invoice_type = src_dict["invoice_type"]
                invoice.external_id = src_dict.get("external_id", UNSET)
                invoice.memo = src_dict.get("memo", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 31
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            invoice.id = known_uuid(_id) or parse_uuid(_id)

            invoice.business_id = known_uuid(_business_id) or parse_uuid(_business_id)

            invoice.sent_at = datetime.datetime.fromisoformat(_sent_at)

            invoice.due_at = datetime.datetime.fromisoformat(_due_at)

            paid_at: datetime.datetime | None = _paid_at
            if isinstance(_paid_at, str):
                try:
                    paid_at_type_0 = datetime.datetime.fromisoformat(_paid_at)

                    paid_at = paid_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice.paid_at = paid_at

            voided_at: datetime.datetime | None = _voided_at
            if isinstance(_voided_at, str):
                try:
                    voided_at_type_0 = datetime.datetime.fromisoformat(_voided_at)

                    voided_at = voided_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice.voided_at = voided_at

            invoice.customer = Customer.from_dict(_customer)

            line_items = InvoiceLineItem.from_dicts(_line_items)

            invoice.line_items = line_items

            additional_sales_taxes = AdditionalSalesTax.from_dicts(_additional_sales_taxes)

            invoice.additional_sales_taxes = additional_sales_taxes

            payment_allocations = PaymentAllocation.from_dicts(_payment_allocations)

            invoice.payment_allocations = payment_allocations

            credit_allocations = CreditAllocation.from_dicts(_credit_allocations)

            invoice.credit_allocations = credit_allocations

            refund_allocations = RefundAllocation.from_dicts(_refund_allocations)

            invoice.refund_allocations = refund_allocations

            write_offs = WriteOff.from_dicts(_write_offs)

            invoice.write_offs = write_offs

            document: DocumentFileUrl | None = _document
            if isinstance(_document, dict):
                try:
                    componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(
                        _document
                    )

                    document = componentsschemas_document_file_url_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice.document = document

            invoice.imported_at = datetime.datetime.fromisoformat(_imported_at)

            invoice.updated_at = datetime.datetime.fromisoformat(_updated_at)

            status: InvoiceStatus | str = _status
            if isinstance(_status, str):
                try:
                    status_type_0 = InvoiceStatus(_status)

                    status = status_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice.status = status

            invoice_type: InvoiceType | str = _invoice_type
            if isinstance(_invoice_type, str):
                try:
                    invoice_type_type_0 = InvoiceType(_invoice_type)

                    invoice_type = invoice_type_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice.invoice_type = invoice_type

            invoice.additional_properties = additional_properties

            append_(invoice)
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


from ..models.additional_sales_tax import AdditionalSalesTax  # noqa: E402 -- after the class, so import cycles work
from ..models.credit_allocation import CreditAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.customer import Customer  # noqa: E402 -- after the class, so import cycles work
from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
from ..models.invoice_line_item import InvoiceLineItem  # noqa: E402 -- after the class, so import cycles work
from ..models.payment_allocation import PaymentAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.refund_allocation import RefundAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.write_off import WriteOff  # noqa: E402 -- after the class, so import cycles work
