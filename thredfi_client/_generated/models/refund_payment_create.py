from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="RefundPaymentCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64", "minimum": 1},
    "refund_processing_fee_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "amount_cents",
        "method",
        "external_id",
        "completed_at",
        "processor",
        "memo",
        "transaction_tags",
        "refund_processing_fee_cents",
    )
)
_new = object.__new__


@_attrs_define
class RefundPaymentCreate:
    """A payment paying out (part of) a refund.

    Attributes:
        amount_cents (int): Amount paid out, in cents; at most the refund's remaining amount.
        method (str): How the money was returned, e.g. CASH, ACH, BANK_TRANSFER.
        external_id (str | Unset): Your identifier for the payment (used for idempotency).
        completed_at (datetime.datetime | Unset): When the payment was made.
        processor (str | Unset): Who processed the payment.
        memo (str | Unset): A note on the payment.
        transaction_tags (list[str] | Unset): Tags for the payment.
        refund_processing_fee_cents (int | Unset): Fee charged for the payment, in cents. Default: 0.
    """

    amount_cents: int
    method: str
    external_id: str | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    processor: str | Unset = UNSET
    memo: str | Unset = UNSET
    transaction_tags: list[str] | Unset = UNSET
    refund_processing_fee_cents: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_cents = self.amount_cents

        method = self.method

        external_id = self.external_id

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        processor = self.processor

        memo = self.memo

        transaction_tags: list[str] | Unset = UNSET
        if not isinstance(self.transaction_tags, Unset):
            transaction_tags = self.transaction_tags

        refund_processing_fee_cents = self.refund_processing_fee_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_cents": amount_cents,
                "method": method,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if processor is not UNSET:
            field_dict["processor"] = processor
        if memo is not UNSET:
            field_dict["memo"] = memo
        if transaction_tags is not UNSET:
            field_dict["transaction_tags"] = transaction_tags
        if refund_processing_fee_cents is not UNSET:
            field_dict["refund_processing_fee_cents"] = refund_processing_fee_cents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        refund_payment_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            refund_payment_create.amount_cents = src_dict["amount_cents"]
            refund_payment_create.method = src_dict["method"]
            refund_payment_create.external_id = src_dict["external_id"]
            _completed_at = src_dict["completed_at"]
            refund_payment_create.processor = src_dict["processor"]
            refund_payment_create.memo = src_dict["memo"]
            _transaction_tags = src_dict["transaction_tags"]
            refund_payment_create.refund_processing_fee_cents = src_dict[
                "refund_processing_fee_cents"
            ]
        except KeyError:  # one is absent: a required one raises KeyError again here
            refund_payment_create.amount_cents = src_dict["amount_cents"]
            refund_payment_create.method = src_dict["method"]
            refund_payment_create.external_id = src_dict.get("external_id", UNSET)
            _completed_at = src_dict.get("completed_at", UNSET)
            refund_payment_create.processor = src_dict.get("processor", UNSET)
            refund_payment_create.memo = src_dict.get("memo", UNSET)
            _transaction_tags = src_dict.get("transaction_tags", UNSET)
            refund_payment_create.refund_processing_fee_cents = src_dict.get(
                "refund_processing_fee_cents", UNSET
            )
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 8
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        refund_payment_create.completed_at = (
            UNSET if _completed_at is UNSET else datetime.datetime.fromisoformat(_completed_at)
        )

        transaction_tags = cast(list[str], _transaction_tags)

        refund_payment_create.transaction_tags = transaction_tags

        refund_payment_create.additional_properties = additional_properties
        return refund_payment_create

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
