from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundPayment")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "refunded_amount_cents": {"int_format": "int64"},
    "processing_fee_cents": {"int_format": "int64"},
    "net_amount_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "refund_id",
        "vendor_id",
        "refunded_amount_cents",
        "status",
        "created_at",
        "updated_at",
        "vendor_name",
        "payment_reference",
        "payment_method",
        "processor",
        "processing_fee_cents",
        "net_amount_cents",
        "currency",
        "payment_date",
        "submitted_at",
        "completed_at",
        "failed_at",
        "failure_reason",
        "reconciled_bank_transactions",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundPayment:
    """A payment of a vendor refund.

    Attributes:
        id (UUID):
        refund_id (UUID):
        vendor_id (UUID):
        refunded_amount_cents (int):
        status (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        vendor_name (None | str | Unset):
        payment_reference (None | str | Unset):
        payment_method (str | Unset):
        processor (None | str | Unset):
        processing_fee_cents (int | Unset):
        net_amount_cents (int | Unset):
        currency (None | str | Unset):
        payment_date (datetime.date | None | Unset):
        submitted_at (datetime.datetime | None | Unset):
        completed_at (datetime.datetime | None | Unset):
        failed_at (datetime.datetime | None | Unset):
        failure_reason (None | str | Unset):
        reconciled_bank_transactions (list[ReconciledBankTransaction] | Unset):
    """

    id: UUID
    refund_id: UUID
    vendor_id: UUID
    refunded_amount_cents: int
    status: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    vendor_name: None | str | Unset = UNSET
    payment_reference: None | str | Unset = UNSET
    payment_method: str | Unset = UNSET
    processor: None | str | Unset = UNSET
    processing_fee_cents: int | Unset = UNSET
    net_amount_cents: int | Unset = UNSET
    currency: None | str | Unset = UNSET
    payment_date: datetime.date | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    failed_at: datetime.datetime | None | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    reconciled_bank_transactions: list[ReconciledBankTransaction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        refund_id = str(self.refund_id)

        vendor_id = str(self.vendor_id)

        refunded_amount_cents = self.refunded_amount_cents

        status = self.status

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

        payment_method = self.payment_method

        processor: None | str | Unset
        if isinstance(self.processor, Unset):
            processor = UNSET
        else:
            processor = self.processor

        processing_fee_cents = self.processing_fee_cents

        net_amount_cents = self.net_amount_cents

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        payment_date: None | str | Unset
        if isinstance(self.payment_date, Unset):
            payment_date = UNSET
        elif isinstance(self.payment_date, datetime.date):
            payment_date = self.payment_date.isoformat()
        else:
            payment_date = self.payment_date

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

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        reconciled_bank_transactions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reconciled_bank_transactions, Unset):
            reconciled_bank_transactions = []
            for reconciled_bank_transactions_item_data in self.reconciled_bank_transactions:
                reconciled_bank_transactions_item = reconciled_bank_transactions_item_data.to_dict()
                reconciled_bank_transactions.append(reconciled_bank_transactions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "refund_id": refund_id,
                "vendor_id": vendor_id,
                "refunded_amount_cents": refunded_amount_cents,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if vendor_name is not UNSET:
            field_dict["vendor_name"] = vendor_name
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if processor is not UNSET:
            field_dict["processor"] = processor
        if processing_fee_cents is not UNSET:
            field_dict["processing_fee_cents"] = processing_fee_cents
        if net_amount_cents is not UNSET:
            field_dict["net_amount_cents"] = net_amount_cents
        if currency is not UNSET:
            field_dict["currency"] = currency
        if payment_date is not UNSET:
            field_dict["payment_date"] = payment_date
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if reconciled_bank_transactions is not UNSET:
            field_dict["reconciled_bank_transactions"] = reconciled_bank_transactions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_payment = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _refund_id = src_dict["refund_id"]
            _vendor_id = src_dict["vendor_id"]
            vendor_refund_payment.refunded_amount_cents = src_dict["refunded_amount_cents"]
            vendor_refund_payment.status = src_dict["status"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            vendor_refund_payment.vendor_name = src_dict["vendor_name"]
            vendor_refund_payment.payment_reference = src_dict["payment_reference"]
            vendor_refund_payment.payment_method = src_dict["payment_method"]
            vendor_refund_payment.processor = src_dict["processor"]
            vendor_refund_payment.processing_fee_cents = src_dict["processing_fee_cents"]
            vendor_refund_payment.net_amount_cents = src_dict["net_amount_cents"]
            vendor_refund_payment.currency = src_dict["currency"]
            _payment_date = src_dict["payment_date"]
            _submitted_at = src_dict["submitted_at"]
            _completed_at = src_dict["completed_at"]
            _failed_at = src_dict["failed_at"]
            vendor_refund_payment.failure_reason = src_dict["failure_reason"]
            _reconciled_bank_transactions = src_dict["reconciled_bank_transactions"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _refund_id = src_dict["refund_id"]
            _vendor_id = src_dict["vendor_id"]
            vendor_refund_payment.refunded_amount_cents = src_dict["refunded_amount_cents"]
            vendor_refund_payment.status = src_dict["status"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            vendor_refund_payment.vendor_name = src_dict.get("vendor_name", UNSET)
            vendor_refund_payment.payment_reference = src_dict.get("payment_reference", UNSET)
            vendor_refund_payment.payment_method = src_dict.get("payment_method", UNSET)
            vendor_refund_payment.processor = src_dict.get("processor", UNSET)
            vendor_refund_payment.processing_fee_cents = src_dict.get("processing_fee_cents", UNSET)
            vendor_refund_payment.net_amount_cents = src_dict.get("net_amount_cents", UNSET)
            vendor_refund_payment.currency = src_dict.get("currency", UNSET)
            _payment_date = src_dict.get("payment_date", UNSET)
            _submitted_at = src_dict.get("submitted_at", UNSET)
            _completed_at = src_dict.get("completed_at", UNSET)
            _failed_at = src_dict.get("failed_at", UNSET)
            vendor_refund_payment.failure_reason = src_dict.get("failure_reason", UNSET)
            _reconciled_bank_transactions = src_dict.get("reconciled_bank_transactions", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 20
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_payment.id = parse_uuid(_id)

        vendor_refund_payment.refund_id = parse_uuid(_refund_id)

        vendor_refund_payment.vendor_id = parse_uuid(_vendor_id)

        vendor_refund_payment.created_at = datetime.datetime.fromisoformat(_created_at)

        vendor_refund_payment.updated_at = datetime.datetime.fromisoformat(_updated_at)

        payment_date: datetime.date | None | Unset = _payment_date
        if isinstance(_payment_date, str):
            try:
                payment_date_type_0 = datetime.date.fromisoformat(_payment_date)

                payment_date = payment_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund_payment.payment_date = payment_date

        submitted_at: datetime.datetime | None | Unset = _submitted_at
        if isinstance(_submitted_at, str):
            try:
                submitted_at_type_0 = datetime.datetime.fromisoformat(_submitted_at)

                submitted_at = submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund_payment.submitted_at = submitted_at

        completed_at: datetime.datetime | None | Unset = _completed_at
        if isinstance(_completed_at, str):
            try:
                completed_at_type_0 = datetime.datetime.fromisoformat(_completed_at)

                completed_at = completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund_payment.completed_at = completed_at

        failed_at: datetime.datetime | None | Unset = _failed_at
        if isinstance(_failed_at, str):
            try:
                failed_at_type_0 = datetime.datetime.fromisoformat(_failed_at)

                failed_at = failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund_payment.failed_at = failed_at

        reconciled_bank_transactions: list[ReconciledBankTransaction] | Unset = (
            UNSET
            if _reconciled_bank_transactions is UNSET
            else list(map(ReconciledBankTransaction.from_dict, _reconciled_bank_transactions))
        )

        vendor_refund_payment.reconciled_bank_transactions = reconciled_bank_transactions

        vendor_refund_payment.additional_properties = additional_properties
        return vendor_refund_payment

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


from ..models.reconciled_bank_transaction import ReconciledBankTransaction  # noqa: E402 -- after the class, so import cycles work
