from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="RefundCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64"},
    "refund_processing_fee_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "invoice_id",
        "method",
        "completed_at",
        "external_id",
        "amount_cents",
        "memo",
        "reference_number",
        "processor",
        "refund_processing_fee_cents",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class RefundCreate:
    """A refund of an invoice, in full or in part.

    Attributes:
        invoice_id (UUID): The invoice refunded.
        method (str): How the money was returned, e.g. CASH.
        completed_at (datetime.datetime | Unset): When the refund was made.
        external_id (str | Unset): Your identifier for the refund.
        amount_cents (int | Unset): Amount refunded, in cents; the whole refundable amount when absent.
        memo (str | Unset): A note on the refund.
        reference_number (str | Unset): The refund's reference.
        processor (str | Unset): Who processed the refund.
        refund_processing_fee_cents (int | Unset): Fee charged for the refund, in cents.
        document (RefundDocumentUpload | Unset): A document to attach to a refund.
    """

    invoice_id: UUID
    method: str
    completed_at: datetime.datetime | Unset = UNSET
    external_id: str | Unset = UNSET
    amount_cents: int | Unset = UNSET
    memo: str | Unset = UNSET
    reference_number: str | Unset = UNSET
    processor: str | Unset = UNSET
    refund_processing_fee_cents: int | Unset = UNSET
    document: RefundDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_id = str(self.invoice_id)

        method = self.method

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        external_id = self.external_id

        amount_cents = self.amount_cents

        memo = self.memo

        reference_number = self.reference_number

        processor = self.processor

        refund_processing_fee_cents = self.refund_processing_fee_cents

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "invoice_id": invoice_id,
                "method": method,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number
        if processor is not UNSET:
            field_dict["processor"] = processor
        if refund_processing_fee_cents is not UNSET:
            field_dict["refund_processing_fee_cents"] = refund_processing_fee_cents
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        refund_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _invoice_id = src_dict["invoice_id"]
            refund_create.method = src_dict["method"]
            _completed_at = src_dict["completed_at"]
            refund_create.external_id = src_dict["external_id"]
            refund_create.amount_cents = src_dict["amount_cents"]
            refund_create.memo = src_dict["memo"]
            refund_create.reference_number = src_dict["reference_number"]
            refund_create.processor = src_dict["processor"]
            refund_create.refund_processing_fee_cents = src_dict["refund_processing_fee_cents"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _invoice_id = src_dict["invoice_id"]
            refund_create.method = src_dict["method"]
            _completed_at = src_dict.get("completed_at", UNSET)
            refund_create.external_id = src_dict.get("external_id", UNSET)
            refund_create.amount_cents = src_dict.get("amount_cents", UNSET)
            refund_create.memo = src_dict.get("memo", UNSET)
            refund_create.reference_number = src_dict.get("reference_number", UNSET)
            refund_create.processor = src_dict.get("processor", UNSET)
            refund_create.refund_processing_fee_cents = src_dict.get(
                "refund_processing_fee_cents", UNSET
            )
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 10
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        refund_create.invoice_id = known_uuid(_invoice_id) or parse_uuid(_invoice_id)

        refund_create.completed_at = (
            UNSET if _completed_at is UNSET else datetime.datetime.fromisoformat(_completed_at)
        )

        refund_create.document = (
            UNSET if _document is UNSET else RefundDocumentUpload.from_dict(_document)
        )

        refund_create.additional_properties = additional_properties

        return refund_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            refund_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                _invoice_id = src_dict["invoice_id"]
                refund_create.method = src_dict["method"]
                _completed_at = src_dict["completed_at"]
                refund_create.external_id = src_dict["external_id"]
                refund_create.amount_cents = src_dict["amount_cents"]
                refund_create.memo = src_dict["memo"]
                refund_create.reference_number = src_dict["reference_number"]
                refund_create.processor = src_dict["processor"]
                refund_create.refund_processing_fee_cents = src_dict["refund_processing_fee_cents"]
                _document = src_dict["document"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _invoice_id = src_dict["invoice_id"]
                refund_create.method = src_dict["method"]
                _completed_at = src_dict.get("completed_at", UNSET)
                refund_create.external_id = src_dict.get("external_id", UNSET)
                refund_create.amount_cents = src_dict.get("amount_cents", UNSET)
                refund_create.memo = src_dict.get("memo", UNSET)
                refund_create.reference_number = src_dict.get("reference_number", UNSET)
                refund_create.processor = src_dict.get("processor", UNSET)
                refund_create.refund_processing_fee_cents = src_dict.get(
                    "refund_processing_fee_cents", UNSET
                )
                _document = src_dict.get("document", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 10
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            refund_create.invoice_id = known_uuid(_invoice_id) or parse_uuid(_invoice_id)

            refund_create.completed_at = (
                UNSET if _completed_at is UNSET else datetime.datetime.fromisoformat(_completed_at)
            )

            refund_create.document = (
                UNSET if _document is UNSET else RefundDocumentUpload.from_dict(_document)
            )

            refund_create.additional_properties = additional_properties

            append_(refund_create)
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


from ..models.refund_document_upload import RefundDocumentUpload  # noqa: E402 -- after the class, so import cycles work
