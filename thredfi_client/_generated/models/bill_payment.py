from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillPayment")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64"},
    "processing_fee_cents": {"int_format": "int64"},
    "net_amount_cents": {"int_format": "int64"},
    "allocated_amount_cents": {"int_format": "int64"},
    "unallocated_amount_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "business_id",
        "vendor_id",
        "amount_cents",
        "currency",
        "processing_fee_cents",
        "net_amount_cents",
        "allocated_amount_cents",
        "unallocated_amount_cents",
        "is_fully_allocated",
        "payment_method",
        "status",
        "payment_date",
        "allocations",
        "created_at",
        "updated_at",
        "vendor_name",
        "payment_reference",
        "external_id",
        "processor_payment_id",
        "check_number",
        "value_date",
        "submitted_at",
        "completed_at",
        "failed_at",
        "description",
        "memo",
        "failure_reason",
        "metadata",
        "vendor_refund_allocations",
        "reconciled_bank_transactions",
    )
)
_new = object.__new__


@_attrs_define
class BillPayment:
    """Detailed response serializer for bill payment with all related data. All amounts in cents.

    Attributes:
        id (UUID): Unique bill payment identifier
        business_id (UUID): Business this payment belongs to
        vendor_id (UUID): Vendor receiving the payment
        amount_cents (int): Payment amount in cents
        currency (str): Payment currency (e.g., GBP, EUR, USD)
        processing_fee_cents (int): Processing fee in cents
        net_amount_cents (int): Net amount after fees in cents
        allocated_amount_cents (int): Allocated amount in cents
        unallocated_amount_cents (int): Unallocated amount in cents
        is_fully_allocated (bool): Whether payment is fully allocated to bills
        payment_method (str): Payment method used (bank_transfer, check, wire, etc.)
        status (str): Payment status (pending, processing, completed, failed, cancelled)
        payment_date (datetime.date): Date payment was made
        allocations (list[BillPaymentAllocation]): Bill allocations for this payment
        created_at (datetime.datetime): Payment creation timestamp
        updated_at (datetime.datetime): Last update timestamp
        vendor_name (None | str | Unset): Vendor display name
        payment_reference (None | str | Unset): Payment reference or transaction ID
        external_id (None | str | Unset): Your external identifier for this payment
        processor_payment_id (None | str | Unset): Payment processor transaction ID (e.g., Stripe ID)
        check_number (None | str | Unset): Check number if payment method is check
        value_date (datetime.date | None | Unset): Value date for accounting purposes
        submitted_at (datetime.datetime | None | Unset): When payment was submitted for processing
        completed_at (datetime.datetime | None | Unset): When payment processing completed
        failed_at (datetime.datetime | None | Unset): When payment failed (if applicable)
        description (None | str | Unset): Payment description
        memo (None | str | Unset): Additional notes or memo
        failure_reason (None | str | Unset): Reason for failure (if status=failed)
        metadata (Any | Unset): Custom key-value pairs
        vendor_refund_allocations (list[VendorRefundAllocationLink] | None | Unset): Vendor refund allocations linked to
            this payment
        reconciled_bank_transactions (list[ReconciledBankTransaction] | None | Unset): Bank transactions this payment is
            reconciled to
    """

    id: UUID
    business_id: UUID
    vendor_id: UUID
    amount_cents: int
    currency: str
    processing_fee_cents: int
    net_amount_cents: int
    allocated_amount_cents: int
    unallocated_amount_cents: int
    is_fully_allocated: bool
    payment_method: str
    status: str
    payment_date: datetime.date
    allocations: list[BillPaymentAllocation]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    vendor_name: None | str | Unset = UNSET
    payment_reference: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    processor_payment_id: None | str | Unset = UNSET
    check_number: None | str | Unset = UNSET
    value_date: datetime.date | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    failed_at: datetime.datetime | None | Unset = UNSET
    description: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    metadata: Any | Unset = UNSET
    vendor_refund_allocations: list[VendorRefundAllocationLink] | None | Unset = UNSET
    reconciled_bank_transactions: list[ReconciledBankTransaction] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        business_id = str(self.business_id)

        vendor_id = str(self.vendor_id)

        amount_cents = self.amount_cents

        currency = self.currency

        processing_fee_cents = self.processing_fee_cents

        net_amount_cents = self.net_amount_cents

        allocated_amount_cents = self.allocated_amount_cents

        unallocated_amount_cents = self.unallocated_amount_cents

        is_fully_allocated = self.is_fully_allocated

        payment_method = self.payment_method

        status = self.status

        payment_date = self.payment_date.isoformat()

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        vendor_name: None | str | Unset
        if isinstance(self.vendor_name, Unset):
            vendor_name = UNSET
        else:
            vendor_name = self.vendor_name

        payment_reference: None | str | Unset
        if isinstance(self.payment_reference, Unset):
            payment_reference = UNSET
        else:
            payment_reference = self.payment_reference

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        processor_payment_id: None | str | Unset
        if isinstance(self.processor_payment_id, Unset):
            processor_payment_id = UNSET
        else:
            processor_payment_id = self.processor_payment_id

        check_number: None | str | Unset
        if isinstance(self.check_number, Unset):
            check_number = UNSET
        else:
            check_number = self.check_number

        value_date: None | str | Unset
        if isinstance(self.value_date, Unset):
            value_date = UNSET
        elif isinstance(self.value_date, datetime.date):
            value_date = self.value_date.isoformat()
        else:
            value_date = self.value_date

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        elif isinstance(self.failed_at, datetime.datetime):
            failed_at = self.failed_at.isoformat()
        else:
            failed_at = self.failed_at

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        metadata = self.metadata

        vendor_refund_allocations: list[dict[str, Any]] | None | Unset
        if isinstance(self.vendor_refund_allocations, Unset):
            vendor_refund_allocations = UNSET
        elif isinstance(self.vendor_refund_allocations, list):
            vendor_refund_allocations = []
            for vendor_refund_allocations_type_0_item_data in self.vendor_refund_allocations:
                vendor_refund_allocations_type_0_item = (
                    vendor_refund_allocations_type_0_item_data.to_dict()
                )
                vendor_refund_allocations.append(vendor_refund_allocations_type_0_item)

        else:
            vendor_refund_allocations = self.vendor_refund_allocations

        reconciled_bank_transactions: list[dict[str, Any]] | None | Unset
        if isinstance(self.reconciled_bank_transactions, Unset):
            reconciled_bank_transactions = UNSET
        elif isinstance(self.reconciled_bank_transactions, list):
            reconciled_bank_transactions = []
            for reconciled_bank_transactions_type_0_item_data in self.reconciled_bank_transactions:
                reconciled_bank_transactions_type_0_item = (
                    reconciled_bank_transactions_type_0_item_data.to_dict()
                )
                reconciled_bank_transactions.append(reconciled_bank_transactions_type_0_item)

        else:
            reconciled_bank_transactions = self.reconciled_bank_transactions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "business_id": business_id,
                "vendor_id": vendor_id,
                "amount_cents": amount_cents,
                "currency": currency,
                "processing_fee_cents": processing_fee_cents,
                "net_amount_cents": net_amount_cents,
                "allocated_amount_cents": allocated_amount_cents,
                "unallocated_amount_cents": unallocated_amount_cents,
                "is_fully_allocated": is_fully_allocated,
                "payment_method": payment_method,
                "status": status,
                "payment_date": payment_date,
                "allocations": allocations,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if vendor_name is not UNSET:
            field_dict["vendor_name"] = vendor_name
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if processor_payment_id is not UNSET:
            field_dict["processor_payment_id"] = processor_payment_id
        if check_number is not UNSET:
            field_dict["check_number"] = check_number
        if value_date is not UNSET:
            field_dict["value_date"] = value_date
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if vendor_refund_allocations is not UNSET:
            field_dict["vendor_refund_allocations"] = vendor_refund_allocations
        if reconciled_bank_transactions is not UNSET:
            field_dict["reconciled_bank_transactions"] = reconciled_bank_transactions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            _vendor_id = src_dict["vendor_id"]
            bill_payment.amount_cents = src_dict["amount_cents"]
            bill_payment.currency = src_dict["currency"]
            bill_payment.processing_fee_cents = src_dict["processing_fee_cents"]
            bill_payment.net_amount_cents = src_dict["net_amount_cents"]
            bill_payment.allocated_amount_cents = src_dict["allocated_amount_cents"]
            bill_payment.unallocated_amount_cents = src_dict["unallocated_amount_cents"]
            bill_payment.is_fully_allocated = src_dict["is_fully_allocated"]
            bill_payment.payment_method = src_dict["payment_method"]
            bill_payment.status = src_dict["status"]
            _payment_date = src_dict["payment_date"]
            _allocations = src_dict["allocations"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            bill_payment.vendor_name = src_dict["vendor_name"]
            bill_payment.payment_reference = src_dict["payment_reference"]
            bill_payment.external_id = src_dict["external_id"]
            bill_payment.processor_payment_id = src_dict["processor_payment_id"]
            bill_payment.check_number = src_dict["check_number"]
            _value_date = src_dict["value_date"]
            _submitted_at = src_dict["submitted_at"]
            _completed_at = src_dict["completed_at"]
            _failed_at = src_dict["failed_at"]
            bill_payment.description = src_dict["description"]
            bill_payment.memo = src_dict["memo"]
            bill_payment.failure_reason = src_dict["failure_reason"]
            bill_payment.metadata = src_dict["metadata"]
            _vendor_refund_allocations = src_dict["vendor_refund_allocations"]
            _reconciled_bank_transactions = src_dict["reconciled_bank_transactions"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _business_id = src_dict["business_id"]
            _vendor_id = src_dict["vendor_id"]
            bill_payment.amount_cents = src_dict["amount_cents"]
            bill_payment.currency = src_dict["currency"]
            bill_payment.processing_fee_cents = src_dict["processing_fee_cents"]
            bill_payment.net_amount_cents = src_dict["net_amount_cents"]
            bill_payment.allocated_amount_cents = src_dict["allocated_amount_cents"]
            bill_payment.unallocated_amount_cents = src_dict["unallocated_amount_cents"]
            bill_payment.is_fully_allocated = src_dict["is_fully_allocated"]
            bill_payment.payment_method = src_dict["payment_method"]
            bill_payment.status = src_dict["status"]
            _payment_date = src_dict["payment_date"]
            _allocations = src_dict["allocations"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            bill_payment.vendor_name = src_dict.get("vendor_name", UNSET)
            bill_payment.payment_reference = src_dict.get("payment_reference", UNSET)
            bill_payment.external_id = src_dict.get("external_id", UNSET)
            bill_payment.processor_payment_id = src_dict.get("processor_payment_id", UNSET)
            bill_payment.check_number = src_dict.get("check_number", UNSET)
            _value_date = src_dict.get("value_date", UNSET)
            _submitted_at = src_dict.get("submitted_at", UNSET)
            _completed_at = src_dict.get("completed_at", UNSET)
            _failed_at = src_dict.get("failed_at", UNSET)
            bill_payment.description = src_dict.get("description", UNSET)
            bill_payment.memo = src_dict.get("memo", UNSET)
            bill_payment.failure_reason = src_dict.get("failure_reason", UNSET)
            bill_payment.metadata = src_dict.get("metadata", UNSET)
            _vendor_refund_allocations = src_dict.get("vendor_refund_allocations", UNSET)
            _reconciled_bank_transactions = src_dict.get("reconciled_bank_transactions", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 31
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_payment.id = parse_uuid(_id)

        bill_payment.business_id = parse_uuid(_business_id)

        bill_payment.vendor_id = parse_uuid(_vendor_id)

        bill_payment.payment_date = datetime.date.fromisoformat(_payment_date)

        allocations = list(map(BillPaymentAllocation.from_dict, _allocations))

        bill_payment.allocations = allocations

        bill_payment.created_at = datetime.datetime.fromisoformat(_created_at)

        bill_payment.updated_at = datetime.datetime.fromisoformat(_updated_at)

        value_date: datetime.date | None | Unset = _value_date
        if isinstance(_value_date, str):
            try:
                value_date_type_0 = datetime.date.fromisoformat(_value_date)

                value_date = value_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_payment.value_date = value_date

        submitted_at: datetime.datetime | None | Unset = _submitted_at
        if isinstance(_submitted_at, str):
            try:
                submitted_at_type_0 = datetime.datetime.fromisoformat(_submitted_at)

                submitted_at = submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_payment.submitted_at = submitted_at

        completed_at: datetime.datetime | None | Unset = _completed_at
        if isinstance(_completed_at, str):
            try:
                completed_at_type_0 = datetime.datetime.fromisoformat(_completed_at)

                completed_at = completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_payment.completed_at = completed_at

        failed_at: datetime.datetime | None | Unset = _failed_at
        if isinstance(_failed_at, str):
            try:
                failed_at_type_0 = datetime.datetime.fromisoformat(_failed_at)

                failed_at = failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_payment.failed_at = failed_at

        vendor_refund_allocations: list[VendorRefundAllocationLink] | None | Unset = (
            _vendor_refund_allocations
        )
        if isinstance(_vendor_refund_allocations, list):
            try:
                vendor_refund_allocations_type_0 = list(
                    map(VendorRefundAllocationLink.from_dict, _vendor_refund_allocations)
                )

                vendor_refund_allocations = vendor_refund_allocations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_payment.vendor_refund_allocations = vendor_refund_allocations

        reconciled_bank_transactions: list[ReconciledBankTransaction] | None | Unset = (
            _reconciled_bank_transactions
        )
        if isinstance(_reconciled_bank_transactions, list):
            try:
                reconciled_bank_transactions_type_0 = list(
                    map(ReconciledBankTransaction.from_dict, _reconciled_bank_transactions)
                )

                reconciled_bank_transactions = reconciled_bank_transactions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_payment.reconciled_bank_transactions = reconciled_bank_transactions

        bill_payment.additional_properties = additional_properties
        return bill_payment

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


from ..models.bill_payment_allocation import BillPaymentAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.reconciled_bank_transaction import ReconciledBankTransaction  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_refund_allocation_link import VendorRefundAllocationLink  # noqa: E402 -- after the class, so import cycles work
