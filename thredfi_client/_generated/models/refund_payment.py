from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="RefundPayment")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "refunded_amount": {"int_format": "int64"},
    "refund_processing_fee": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "refund_id",
        "refunded_amount",
        "refund_processing_fee",
        "reconciled_bank_transactions",
        "created_at",
        "updated_at",
        "external_id",
        "completed_at",
        "method",
        "processor",
        "transaction_tags",
        "memo",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class RefundPayment:
    """A payment paying out (part of) a refund.

    Attributes:
        id (UUID): The payment's UUID.
        refund_id (UUID): The refund it pays.
        refunded_amount (int): Amount paid out, in cents.
        refund_processing_fee (int): Fee charged, in cents.
        reconciled_bank_transactions (list[ReconciledBankTransaction]): Bank transactions it is reconciled with.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        external_id (None | str | Unset): Your identifier for the payment.
        completed_at (datetime.datetime | None | Unset): When the payment was made.
        method (None | str | Unset): How the money was returned.
        processor (None | str | Unset): Who processed the payment.
        transaction_tags (Any | Unset): Tags for the payment.
        memo (None | str | Unset): A note on the payment.
        metadata (Any | Unset): Free-form metadata.
    """

    id: UUID
    refund_id: UUID
    refunded_amount: int
    refund_processing_fee: int
    reconciled_bank_transactions: list[ReconciledBankTransaction]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    external_id: None | str | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    method: None | str | Unset = UNSET
    processor: None | str | Unset = UNSET
    transaction_tags: Any | Unset = UNSET
    memo: None | str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        refund_id = str(self.refund_id)

        refunded_amount = self.refunded_amount

        refund_processing_fee = self.refund_processing_fee

        reconciled_bank_transactions = []
        for reconciled_bank_transactions_item_data in self.reconciled_bank_transactions:
            reconciled_bank_transactions_item = reconciled_bank_transactions_item_data.to_dict()
            reconciled_bank_transactions.append(reconciled_bank_transactions_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        else:
            method = self.method

        processor: None | str | Unset
        if isinstance(self.processor, Unset):
            processor = UNSET
        else:
            processor = self.processor

        transaction_tags = self.transaction_tags

        memo: None | str | Unset
        if isinstance(self.memo, Unset):
            memo = UNSET
        else:
            memo = self.memo

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "refund_id": refund_id,
                "refunded_amount": refunded_amount,
                "refund_processing_fee": refund_processing_fee,
                "reconciled_bank_transactions": reconciled_bank_transactions,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if method is not UNSET:
            field_dict["method"] = method
        if processor is not UNSET:
            field_dict["processor"] = processor
        if transaction_tags is not UNSET:
            field_dict["transaction_tags"] = transaction_tags
        if memo is not UNSET:
            field_dict["memo"] = memo
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        refund_payment = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _refund_id = src_dict["refund_id"]
            refund_payment.refunded_amount = src_dict["refunded_amount"]
            refund_payment.refund_processing_fee = src_dict["refund_processing_fee"]
            _reconciled_bank_transactions = src_dict["reconciled_bank_transactions"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            refund_payment.external_id = src_dict["external_id"]
            _completed_at = src_dict["completed_at"]
            refund_payment.method = src_dict["method"]
            refund_payment.processor = src_dict["processor"]
            refund_payment.transaction_tags = src_dict["transaction_tags"]
            refund_payment.memo = src_dict["memo"]
            refund_payment.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _refund_id = src_dict["refund_id"]
            refund_payment.refunded_amount = src_dict["refunded_amount"]
            refund_payment.refund_processing_fee = src_dict["refund_processing_fee"]
            _reconciled_bank_transactions = src_dict["reconciled_bank_transactions"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            refund_payment.external_id = src_dict.get("external_id", UNSET)
            _completed_at = src_dict.get("completed_at", UNSET)
            refund_payment.method = src_dict.get("method", UNSET)
            refund_payment.processor = src_dict.get("processor", UNSET)
            refund_payment.transaction_tags = src_dict.get("transaction_tags", UNSET)
            refund_payment.memo = src_dict.get("memo", UNSET)
            refund_payment.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 14
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        refund_payment.id = parse_uuid(_id)

        refund_payment.refund_id = parse_uuid(_refund_id)

        reconciled_bank_transactions = list(
            map(ReconciledBankTransaction.from_dict, _reconciled_bank_transactions)
        )

        refund_payment.reconciled_bank_transactions = reconciled_bank_transactions

        refund_payment.created_at = datetime.datetime.fromisoformat(_created_at)

        refund_payment.updated_at = datetime.datetime.fromisoformat(_updated_at)

        completed_at: datetime.datetime | None | Unset = _completed_at
        if isinstance(_completed_at, str):
            try:
                completed_at_type_0 = datetime.datetime.fromisoformat(_completed_at)

                completed_at = completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        refund_payment.completed_at = completed_at

        refund_payment.additional_properties = additional_properties
        return refund_payment

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
