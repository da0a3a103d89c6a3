from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.vendor_refund_payment_create_refund_type import VendorRefundPaymentCreateRefundType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundPaymentCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount_cents": {"int_format": "int64", "minimum": 1},
    "processing_fee_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "vendor_id",
        "total_amount_cents",
        "allocations",
        "external_id",
        "refund_type",
        "refund_date",
        "currency",
        "description",
        "memo",
        "reason",
        "metadata",
        "payment_method",
        "processor",
        "payment_reference",
        "processing_fee_cents",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundPaymentCreate:
    """Serializer for creating vendor refund payments with embedded allocations: the refund, its payment and its
    allocations in a single atomic operation.

        Attributes:
            vendor_id (UUID): UUID of the vendor issuing the refund
            total_amount_cents (int): Total refund amount in cents (e.g., 100000 for £1000.00)
            allocations (list[VendorRefundAllocationCreate] | Unset):
            external_id (str | Unset):
            refund_type (VendorRefundPaymentCreateRefundType | Unset):
            refund_date (datetime.date | Unset):
            currency (str | Unset):
            description (str | Unset):
            memo (str | Unset):
            reason (str | Unset):
            metadata (Any | Unset): Free-form metadata.
            payment_method (str | Unset):  Default: 'bank_transfer'.
            processor (str | Unset):  Default: 'bank_transfer'.
            payment_reference (str | Unset):
            processing_fee_cents (int | Unset):  Default: 0.
    """

    vendor_id: UUID
    total_amount_cents: int
    allocations: list[VendorRefundAllocationCreate] | Unset = UNSET
    external_id: str | Unset = UNSET
    refund_type: VendorRefundPaymentCreateRefundType | Unset = UNSET
    refund_date: datetime.date | Unset = UNSET
    currency: str | Unset = UNSET
    description: str | Unset = UNSET
    memo: str | Unset = UNSET
    reason: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    payment_method: str | Unset = "bank_transfer"
    processor: str | Unset = "bank_transfer"
    payment_reference: str | Unset = UNSET
    processing_fee_cents: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vendor_id = str(self.vendor_id)

        total_amount_cents = self.total_amount_cents

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        external_id = self.external_id

        refund_type: str | Unset = UNSET
        if not isinstance(self.refund_type, Unset):
            refund_type = self.refund_type.value

        refund_date: str | Unset = UNSET
        if not isinstance(self.refund_date, Unset):
            refund_date = self.refund_date.isoformat()

        currency = self.currency

        description = self.description

        memo = self.memo

        reason = self.reason

        metadata = self.metadata

        payment_method = self.payment_method

        processor = self.processor

        payment_reference = self.payment_reference

        processing_fee_cents = self.processing_fee_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vendor_id": vendor_id,
                "total_amount_cents": total_amount_cents,
            }
        )
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if refund_type is not UNSET:
            field_dict["refund_type"] = refund_type
        if refund_date is not UNSET:
            field_dict["refund_date"] = refund_date
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reason is not UNSET:
            field_dict["reason"] = reason
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if processor is not UNSET:
            field_dict["processor"] = processor
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if processing_fee_cents is not UNSET:
            field_dict["processing_fee_cents"] = processing_fee_cents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_payment_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _vendor_id = src_dict["vendor_id"]
            vendor_refund_payment_create.total_amount_cents = src_dict["total_amount_cents"]
            _allocations = src_dict["allocations"]
            vendor_refund_payment_create.external_id = src_dict["external_id"]
            _refund_type = src_dict["refund_type"]
            _refund_date = src_dict["refund_date"]
            vendor_refund_payment_create.currency = src_dict["currency"]
            vendor_refund_payment_create.description = src_dict["description"]
            vendor_refund_payment_create.memo = src_dict["memo"]
            vendor_refund_payment_create.reason = src_dict["reason"]
            vendor_refund_payment_create.metadata = src_dict["metadata"]
            vendor_refund_payment_create.payment_method = src_dict["payment_method"]
            vendor_refund_payment_create.processor = src_dict["processor"]
            vendor_refund_payment_create.payment_reference = src_dict["payment_reference"]
            vendor_refund_payment_create.processing_fee_cents = src_dict["processing_fee_cents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _vendor_id = src_dict["vendor_id"]
            vendor_refund_payment_create.total_amount_cents = src_dict["total_amount_cents"]
            _allocations = src_dict.get("allocations", UNSET)
            vendor_refund_payment_create.external_id = src_dict.get("external_id", UNSET)
            _refund_type = src_dict.get("refund_type", UNSET)
            _refund_date = src_dict.get("refund_date", UNSET)
            vendor_refund_payment_create.currency = src_dict.get("currency", UNSET)
            vendor_refund_payment_create.description = src_dict.get("description", UNSET)
            vendor_refund_payment_create.memo = src_dict.get("memo", UNSET)
            vendor_refund_payment_create.reason = src_dict.get("reason", UNSET)
            vendor_refund_payment_create.metadata = src_dict.get("metadata", UNSET)
            vendor_refund_payment_create.payment_method = src_dict.get("payment_method", UNSET)
            vendor_refund_payment_create.processor = src_dict.get("processor", UNSET)
            vendor_refund_payment_create.payment_reference = src_dict.get(
                "payment_reference", UNSET
            )
            vendor_refund_payment_create.processing_fee_cents = src_dict.get(
                "processing_fee_cents", UNSET
            )
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 15
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_payment_create.vendor_id = parse_uuid(_vendor_id)

        allocations: list[VendorRefundAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(VendorRefundAllocationCreate.from_dict, _allocations))
        )

        vendor_refund_payment_create.allocations = allocations

        vendor_refund_payment_create.refund_type = (
            UNSET if _refund_type is UNSET else VendorRefundPaymentCreateRefundType(_refund_type)
        )

        vendor_refund_payment_create.refund_date = (
            UNSET if _refund_date is UNSET else datetime.date.fromisoformat(_refund_date)
        )

        vendor_refund_payment_create.additional_properties = additional_properties
        return vendor_refund_payment_create

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


from ..models.vendor_refund_allocation_create import VendorRefundAllocationCreate  # noqa: E402 -- after the class, so import cycles work
