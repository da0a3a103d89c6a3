from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="VendorRefundPaymentLineCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "refunded_amount_cents": {"int_format": "int64", "minimum": 1},
    "processing_fee_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "refunded_amount_cents",
        "payment_reference",
        "processing_fee_cents",
        "payment_method",
        "processor",
        "payment_date",
        "description",
        "memo",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundPaymentLineCreate:
    """A payment received with a vendor refund.

    Attributes:
        refunded_amount_cents (int):
        payment_reference (str | Unset):
        processing_fee_cents (int | Unset):  Default: 0.
        payment_method (str | Unset):  Default: 'bank_transfer'.
        processor (str | Unset):  Default: 'bank_transfer'.
        payment_date (datetime.date | Unset):
        description (str | Unset):
        memo (str | Unset):
        metadata (Any | Unset): Free-form metadata.
    """

    refunded_amount_cents: int
    payment_reference: str | Unset = UNSET
    processing_fee_cents: int | Unset = 0
    payment_method: str | Unset = "bank_transfer"
    processor: str | Unset = "bank_transfer"
    payment_date: datetime.date | Unset = UNSET
    description: str | Unset = UNSET
    memo: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refunded_amount_cents = self.refunded_amount_cents

        payment_reference = self.payment_reference

        processing_fee_cents = self.processing_fee_cents

        payment_method = self.payment_method

        processor = self.processor

        payment_date: str | Unset = UNSET
        if not isinstance(self.payment_date, Unset):
            payment_date = self.payment_date.isoformat()

        description = self.description

        memo = self.memo

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refunded_amount_cents": refunded_amount_cents,
            }
        )
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if processing_fee_cents is not UNSET:
            field_dict["processing_fee_cents"] = processing_fee_cents
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if processor is not UNSET:
            field_dict["processor"] = processor
        if payment_date is not UNSET:
            field_dict["payment_date"] = payment_date
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_payment_line_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor_refund_payment_line_create.refunded_amount_cents = src_dict[
                "refunded_amount_cents"
            ]
            vendor_refund_payment_line_create.payment_reference = src_dict["payment_reference"]
            vendor_refund_payment_line_create.processing_fee_cents = src_dict[
                "processing_fee_cents"
            ]
            vendor_refund_payment_line_create.payment_method = src_dict["payment_method"]
            vendor_refund_payment_line_create.processor = src_dict["processor"]
            _payment_date = src_dict["payment_date"]
            vendor_refund_payment_line_create.description = src_dict["description"]
            vendor_refund_payment_line_create.memo = src_dict["memo"]
            vendor_refund_payment_line_create.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor_refund_payment_line_create.refunded_amount_cents = src_dict[
                "refunded_amount_cents"
            ]
            vendor_refund_payment_line_create.payment_reference = src_dict.get(
                "payment_reference", UNSET
            )
            vendor_refund_payment_line_create.processing_fee_cents = src_dict.get(
                "processing_fee_cents", UNSET
            )
            vendor_refund_payment_line_create.payment_method = src_dict.get("payment_method", UNSET)
            vendor_refund_payment_line_create.processor = src_dict.get("processor", UNSET)
            _payment_date = src_dict.get("payment_date", UNSET)
            vendor_refund_payment_line_create.description = src_dict.get("description", UNSET)
            vendor_refund_payment_line_create.memo = src_dict.get("memo", UNSET)
            vendor_refund_payment_line_create.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        vendor_refund_payment_line_create.payment_date = (
            UNSET if _payment_date is UNSET else datetime.date.fromisoformat(_payment_date)
        )

        vendor_refund_payment_line_create.additional_properties = additional_properties
        return vendor_refund_payment_line_create

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
