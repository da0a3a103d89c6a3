from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Bill")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount": {"int_format": "int64"},
    "outstanding_balance": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "business_id",
        "status",
        "currency",
        "vendor",
        "line_items",
        "type",
        "terms",
        "issue_date",
        "received_at",
        "due_at",
        "paid_at",
        "voided_at",
        "is_overdue",
        "bill_payment_allocations",
        "external_id",
        "bill_number",
        "vendor_bill_number",
        "memo",
        "total_amount",
        "outstanding_balance",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class Bill:
    """A bill. Fields after bill_payment_allocations are past the stored text of the page and restored from the create body
    and API-NOTES.md ("Bills").

        Attributes:
            id (UUID):
            business_id (UUID):
            status (str): The bill's status.
            currency (str):
            vendor (Vendor): Serializer for vendor objects returned by the vendors list endpoint
            line_items (list[BillLineItem]):
            type_ (None | str | Unset):
            terms (None | str | Unset):
            issue_date (datetime.date | None | Unset):
            received_at (datetime.datetime | None | Unset):
            due_at (datetime.datetime | None | Unset):
            paid_at (datetime.datetime | None | Unset):
            voided_at (datetime.datetime | None | Unset):
            is_overdue (bool | Unset):  Default: False.
            bill_payment_allocations (list[BillPaymentAllocationSummary] | Unset):
            external_id (None | str | Unset):
            bill_number (None | str | Unset):
            vendor_bill_number (None | str | Unset):
            memo (None | str | Unset):
            total_amount (int | None | Unset): The bill's total, in cents.
            outstanding_balance (int | None | Unset): What is still owed on the bill, in cents.
            document (DocumentFileUrl | None | Unset):
    """

    id: UUID
    business_id: UUID
    status: str
    currency: str
    vendor: Vendor
    line_items: list[BillLineItem]
    type_: None | str | Unset = UNSET
    terms: None | str | Unset = UNSET
    issue_date: datetime.date | None | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    voided_at: datetime.datetime | None | Unset = UNSET
    is_overdue: bool | Unset = False
    bill_payment_allocations: list[BillPaymentAllocationSummary] | Unset = UNSET
    external_id: None | str | Unset = UNSET
    bill_number: None | str | Unset = UNSET
    vendor_bill_number: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    total_amount: int | None | Unset = UNSET
    outstanding_balance: int | None | Unset = UNSET
    document: DocumentFileUrl | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        business_id = str(self.business_id)

        status = self.status

        currency = self.currency

        vendor = self.vendor.to_dict()

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        terms: None | str | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        else:
            terms = self.terms

        issue_date: None | str | Unset
        if isinstance(self.issue_date, Unset):
            issue_date = UNSET
        elif isinstance(self.issue_date, datetime.date):
            issue_date = self.issue_date.isoformat()
        else:
            issue_date = self.issue_date

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        voided_at: None | str | Unset
        if isinstance(self.voided_at, Unset):
            voided_at = UNSET
        elif isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        is_overdue = self.is_overdue

        bill_payment_allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.bill_payment_allocations, Unset):
            bill_payment_allocations = []
            for bill_payment_allocations_item_data in self.bill_payment_allocations:
                bill_payment_allocations_item = bill_payment_allocations_item_data.to_dict()
                bill_payment_allocations.append(bill_payment_allocations_item)

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        bill_number: None | str | Unset
        if isinstance(self.bill_number, Unset):
            bill_number = UNSET
        else:
            bill_number = self.bill_number

        vendor_bill_number: None | str | Unset
        if isinstance(self.vendor_bill_number, Unset):
            vendor_bill_number = UNSET
        else:
            vendor_bill_number = self.vendor_bill_number

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        total_amount: int | None | Unset
        if isinstance(self.total_amount, Unset):
            total_amount = UNSET
        else:
            total_amount = self.total_amount

        outstanding_balance: int | None | Unset
        if isinstance(self.outstanding_balance, Unset):
            outstanding_balance = UNSET
        else:
            outstanding_balance = self.outstanding_balance

        document: dict[str, Any] | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        elif isinstance(self.document, DocumentFileUrl):
            document = self.document.to_dict()
        else:
            document = self.document

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "business_id": business_id,
                "status": status,
                "currency": currency,
                "vendor": vendor,
                "line_items": line_items,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if terms is not UNSET:
            field_dict["terms"] = terms
        if issue_date is not UNSET:
            field_dict["issue_date"] = issue_date
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if voided_at is not UNSET:
            field_dict["voided_at"] = voided_at
        if is_overdue is not UNSET:
            field_dict["is_overdue"] = is_overdue
        if bill_payment_allocations is not UNSET:
            field_dict["bill_payment_allocations"] = bill_payment_allocations
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if bill_number is not UNSET:
            field_dict["bill_number"] = bill_number
        if vendor_bill_number is not UNSET:
            field_dict["vendor_bill_number"] = vendor_bill_number
        if memo is not UNSET:
            field_dict["memo"] = memo
        if total_amount is not UNSET:
            field_dict["total_amount"] = total_amount
        if outstanding_balance is not UNSET:
            field_dict["outstanding_balance"] = outstanding_balance
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            bill.status = src_dict["status"]
            bill.currency = src_dict["currency"]
            _vendor = src_dict["vendor"]
            _line_items = src_dict["line_items"]
            bill.type_ = src_dict["type"]
            bill.terms = src_dict["terms"]
            _issue_date = src_dict["issue_date"]
            _received_at = src_dict["received_at"]
            _due_at = src_dict["due_at"]
            _paid_at = src_dict["paid_at"]
            _voided_at = src_dict["voided_at"]
            bill.is_overdue = src_dict["is_overdue"]
            _bill_payment_allocations = src_dict["bill_payment_allocations"]
            bill.external_id = src_dict["external_id"]
            bill.bill_number = src_dict["bill_number"]
            bill.vendor_bill_number = src_dict["vendor_bill_number"]
            bill.memo = src_dict["memo"]
            bill.total_amount = src_dict["total_amount"]
            bill.outstanding_balance = src_dict["outstanding_balance"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            bill.status = src_dict["status"]
            bill.currency = src_dict["currency"]
            _vendor = src_dict["vendor"]
            _line_items = src_dict["line_items"]
            bill.type_ = src_dict.get("type", UNSET)
            bill.terms = src_dict.get("terms", UNSET)
            _issue_date = src_dict.get("issue_date", UNSET)
            _received_at = src_dict.get("received_at", UNSET)
            _due_at = src_dict.get("due_at", UNSET)
            _paid_at = src_dict.get("paid_at", UNSET)
            _voided_at = src_dict.get("voided_at", UNSET)
            bill.is_overdue = src_dict.get("is_overdue", UNSET)
            _bill_payment_allocations = src_dict.get("bill_payment_allocations", UNSET)
            bill.external_id = src_dict.get("external_id", UNSET)
            bill.bill_number = src_dict.get("bill_number", UNSET)
            bill.vendor_bill_number = src_dict.get("vendor_bill_number", UNSET)
            bill.memo = src_dict.get("memo", UNSET)
            bill.total_amount = src_dict.get("total_amount", UNSET)
            bill.outstanding_balance = src_dict.get("outstanding_balance", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 22
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill.id = parse_uuid(_id)

        bill.business_id = parse_uuid(_business_id)

        bill.vendor = Vendor.from_dict(_vendor)

        line_items = list(map(BillLineItem.from_dict, _line_items))

        bill.line_items = line_items

        issue_date: datetime.date | None | Unset = _issue_date
        if isinstance(_issue_date, str):
            try:
                issue_date_type_0 = datetime.date.fromisoformat(_issue_date)

                issue_date = issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill.issue_date = issue_date

        received_at: datetime.datetime | None | Unset = _received_at
        if isinstance(_received_at, str):
            try:
                received_at_type_0 = datetime.datetime.fromisoformat(_received_at)

                received_at = received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill.received_at = received_at

        due_at: datetime.datetime | None | Unset = _due_at
        if isinstance(_due_at, str):
            try:
                due_at_type_0 = datetime.datetime.fromisoformat(_due_at)

                due_at = due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill.due_at = due_at

        paid_at: datetime.datetime | None | Unset = _paid_at
        if isinstance(_paid_at, str):
            try:
                paid_at_type_0 = datetime.datetime.fromisoformat(_paid_at)

                paid_at = paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill.paid_at = paid_at

        voided_at: datetime.datetime | None | Unset = _voided_at
        if isinstance(_voided_at, str):
            try:
                voided_at_type_0 = datetime.datetime.fromisoformat(_voided_at)

                voided_at = voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill.voided_at = voided_at

        bill_payment_allocations: list[BillPaymentAllocationSummary] | Unset = (
            UNSET
            if _bill_payment_allocations is UNSET
            else list(map(BillPaymentAllocationSummary.from_dict, _bill_payment_allocations))
        )

        bill.bill_payment_allocations = bill_payment_allocations

        document: DocumentFileUrl | None | Unset = _document
        if isinstance(_document, dict):
            try:
                componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(_document)

                document = componentsschemas_document_file_url_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill.document = document

        bill.additional_properties = additional_properties
        return bill

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


from ..models.bill_line_item import BillLineItem  # noqa: E402 -- after the class, so import cycles work
from ..models.bill_payment_allocation_summary import BillPaymentAllocationSummary  # noqa: E402 -- after the class, so import cycles work
from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor import Vendor  # noqa: E402 -- after the class, so import cycles work
