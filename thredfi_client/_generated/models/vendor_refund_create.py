from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.vendor_refund_create_refund_type import VendorRefundCreateRefundType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_refunded_amount_cents": {"int_format": "int64", "minimum": 1}
}
_KNOWN = frozenset(
    (
        "vendor_id",
        "total_refunded_amount_cents",
        "external_id",
        "refund_type",
        "reference_number",
        "currency",
        "refund_date",
        "description",
        "memo",
        "reason",
        "metadata",
        "allocations",
        "payments",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundCreate:
    """Money a vendor refunds to the business.

    Attributes:
        vendor_id (UUID):
        total_refunded_amount_cents (int):
        external_id (str | Unset):
        refund_type (VendorRefundCreateRefundType | Unset):
        reference_number (str | Unset):
        currency (str | Unset):
        refund_date (datetime.date | Unset):
        description (str | Unset):
        memo (str | Unset):
        reason (str | Unset):
        metadata (Any | Unset): Free-form metadata.
        allocations (list[VendorRefundAllocationCreate] | Unset):
        payments (list[VendorRefundPaymentLineCreate] | Unset):
        document (VendorRefundDocumentUpload | Unset):
    """

    vendor_id: UUID
    total_refunded_amount_cents: int
    external_id: str | Unset = UNSET
    refund_type: VendorRefundCreateRefundType | Unset = UNSET
    reference_number: str | Unset = UNSET
    currency: str | Unset = UNSET
    refund_date: datetime.date | Unset = UNSET
    description: str | Unset = UNSET
    memo: str | Unset = UNSET
    reason: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    allocations: list[VendorRefundAllocationCreate] | Unset = UNSET
    payments: list[VendorRefundPaymentLineCreate] | Unset = UNSET
    document: VendorRefundDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vendor_id = str(self.vendor_id)

        total_refunded_amount_cents = self.total_refunded_amount_cents

        external_id = self.external_id

        refund_type: str | Unset = UNSET
        if not isinstance(self.refund_type, Unset):
            refund_type = self.refund_type.value

        reference_number = self.reference_number

        currency = self.currency

        refund_date: str | Unset = UNSET
        if not isinstance(self.refund_date, Unset):
            refund_date = self.refund_date.isoformat()

        description = self.description

        memo = self.memo

        reason = self.reason

        metadata = self.metadata

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        payments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payments, Unset):
            payments = []
            for payments_item_data in self.payments:
                payments_item = payments_item_data.to_dict()
                payments.append(payments_item)

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vendor_id": vendor_id,
                "total_refunded_amount_cents": total_refunded_amount_cents,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if refund_type is not UNSET:
            field_dict["refund_type"] = refund_type
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number
        if currency is not UNSET:
            field_dict["currency"] = currency
        if refund_date is not UNSET:
            field_dict["refund_date"] = refund_date
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reason is not UNSET:
            field_dict["reason"] = reason
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if payments is not UNSET:
            field_dict["payments"] = payments
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _vendor_id = src_dict["vendor_id"]
            vendor_refund_create.total_refunded_amount_cents = src_dict[
                "total_refunded_amount_cents"
            ]
            vendor_refund_create.external_id = src_dict["external_id"]
            _refund_type = src_dict["refund_type"]
            vendor_refund_create.reference_number = src_dict["reference_number"]
            vendor_refund_create.currency = src_dict["currency"]
            _refund_date = src_dict["refund_date"]
            vendor_refund_create.description = src_dict["description"]
            vendor_refund_create.memo = src_dict["memo"]
            vendor_refund_create.reason = src_dict["reason"]
            vendor_refund_create.metadata = src_dict["metadata"]
            _allocations = src_dict["allocations"]
            _payments = src_dict["payments"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _vendor_id = src_dict["vendor_id"]
            vendor_refund_create.total_refunded_amount_cents = src_dict[
                "total_refunded_amount_cents"
            ]
            vendor_refund_create.external_id = src_dict.get("external_id", UNSET)
            _refund_type = src_dict.get("refund_type", UNSET)
            vendor_refund_create.reference_number = src_dict.get("reference_number", UNSET)
            vendor_refund_create.currency = src_dict.get("currency", UNSET)
            _refund_date = src_dict.get("refund_date", UNSET)
            vendor_refund_create.description = src_dict.get("description", UNSET)
            vendor_refund_create.memo = src_dict.get("memo", UNSET)
            vendor_refund_create.reason = src_dict.get("reason", UNSET)
            vendor_refund_create.metadata = src_dict.get("metadata", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            _payments = src_dict.get("payments", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 14
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_create.vendor_id = parse_uuid(_vendor_id)

        vendor_refund_create.refund_type = (
            UNSET if _refund_type is UNSET else VendorRefundCreateRefundType(_refund_type)
        )

        vendor_refund_create.refund_date = (
            UNSET if _refund_date is UNSET else datetime.date.fromisoformat(_refund_date)
        )

        allocations: list[VendorRefundAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(VendorRefundAllocationCreate.from_dict, _allocations))
        )

        vendor_refund_create.allocations = allocations

        payments: list[VendorRefundPaymentLineCreate] | Unset = (
            UNSET
            if _payments is UNSET
            else list(map(VendorRefundPaymentLineCreate.from_dict, _payments))
        )

        vendor_refund_create.payments = payments

        vendor_refund_create.document = (
            UNSET if _document is UNSET else VendorRefundDocumentUpload.from_dict(_document)
        )

        vendor_refund_create.additional_properties = additional_properties
        return vendor_refund_create

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
from ..models.vendor_refund_document_upload import VendorRefundDocumentUpload  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_refund_payment_line_create import VendorRefundPaymentLineCreate  # noqa: E402 -- after the class, so import cycles work
