from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefund")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_refunded_amount": {"int_format": "int64"},
    "allocated_amount": {"int_format": "int64"},
    "unallocated_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "vendor_id",
        "total_refunded_amount",
        "allocated_amount",
        "unallocated_amount",
        "allocations",
        "vendor_name",
        "vendor_refund_payments",
        "status",
        "refund_type",
        "refund_date",
        "reference_number",
        "external_id",
        "currency",
        "description",
        "memo",
        "reason",
        "created_at",
        "updated_at",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefund:
    """Money a vendor refunded. Fields after vendor_refund_payments are past the stored text and restored from the create
    body.

        Attributes:
            id (UUID):
            vendor_id (UUID):
            total_refunded_amount (int): In cents.
            allocated_amount (int): In cents.
            unallocated_amount (int): In cents.
            allocations (list[VendorRefundAllocation]):
            vendor_name (None | str | Unset):
            vendor_refund_payments (list[VendorRefundPaymentLine] | Unset):
            status (None | str | Unset):
            refund_type (None | str | Unset):
            refund_date (datetime.date | None | Unset):
            reference_number (None | str | Unset):
            external_id (None | str | Unset):
            currency (None | str | Unset):
            description (None | str | Unset):
            memo (None | str | Unset):
            reason (None | str | Unset):
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
    """

    id: UUID
    vendor_id: UUID
    total_refunded_amount: int
    allocated_amount: int
    unallocated_amount: int
    allocations: list[VendorRefundAllocation]
    vendor_name: None | str | Unset = UNSET
    vendor_refund_payments: list[VendorRefundPaymentLine] | Unset = UNSET
    status: None | str | Unset = UNSET
    refund_type: None | str | Unset = UNSET
    refund_date: datetime.date | None | Unset = UNSET
    reference_number: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    memo: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        vendor_id = str(self.vendor_id)

        total_refunded_amount = self.total_refunded_amount

        allocated_amount = self.allocated_amount

        unallocated_amount = self.unallocated_amount

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        vendor_name: None | str | Unset
        if isinstance(self.vendor_name, Unset):
            vendor_name = UNSET
        else:
            vendor_name = self.vendor_name

        vendor_refund_payments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vendor_refund_payments, Unset):
            vendor_refund_payments = []
            for vendor_refund_payments_item_data in self.vendor_refund_payments:
                vendor_refund_payments_item = vendor_refund_payments_item_data.to_dict()
                vendor_refund_payments.append(vendor_refund_payments_item)

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        refund_type: None | str | Unset
        if isinstance(self.refund_type, Unset):
            refund_type = UNSET
        else:
            refund_type = self.refund_type

        refund_date: None | str | Unset
        if isinstance(self.refund_date, Unset):
            refund_date = UNSET
        elif isinstance(self.refund_date, datetime.date):
            refund_date = self.refund_date.isoformat()
        else:
            refund_date = self.refund_date

        reference_number: None | str | Unset
        if isinstance(self.reference_number, Unset):
            reference_number = UNSET
        else:
            reference_number = self.reference_number

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

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

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "vendor_id": vendor_id,
                "total_refunded_amount": total_refunded_amount,
                "allocated_amount": allocated_amount,
                "unallocated_amount": unallocated_amount,
                "allocations": allocations,
            }
        )
        if vendor_name is not UNSET:
            field_dict["vendor_name"] = vendor_name
        if vendor_refund_payments is not UNSET:
            field_dict["vendor_refund_payments"] = vendor_refund_payments
        if status is not UNSET:
            field_dict["status"] = status
        if refund_type is not UNSET:
            field_dict["refund_type"] = refund_type
        if refund_date is not UNSET:
            field_dict["refund_date"] = refund_date
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reason is not UNSET:
            field_dict["reason"] = reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _vendor_id = src_dict["vendor_id"]
            vendor_refund.total_refunded_amount = src_dict["total_refunded_amount"]
            vendor_refund.allocated_amount = src_dict["allocated_amount"]
            vendor_refund.unallocated_amount = src_dict["unallocated_amount"]
            _allocations = src_dict["allocations"]
            vendor_refund.vendor_name = src_dict["vendor_name"]
            _vendor_refund_payments = src_dict["vendor_refund_payments"]
            vendor_refund.status = src_dict["status"]
            vendor_refund.refund_type = src_dict["refund_type"]
            _refund_date = src_dict["refund_date"]
            vendor_refund.reference_number = src_dict["reference_number"]
            vendor_refund.external_id = src_dict["external_id"]
            vendor_refund.currency = src_dict["currency"]
            vendor_refund.description = src_dict["description"]
            vendor_refund.memo = src_dict["memo"]
            vendor_refund.reason = src_dict["reason"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _vendor_id = src_dict["vendor_id"]
            vendor_refund.total_refunded_amount = src_dict["total_refunded_amount"]
            vendor_refund.allocated_amount = src_dict["allocated_amount"]
            vendor_refund.unallocated_amount = src_dict["unallocated_amount"]
            _allocations = src_dict["allocations"]
            vendor_refund.vendor_name = src_dict.get("vendor_name", UNSET)
            _vendor_refund_payments = src_dict.get("vendor_refund_payments", UNSET)
            vendor_refund.status = src_dict.get("status", UNSET)
            vendor_refund.refund_type = src_dict.get("refund_type", UNSET)
            _refund_date = src_dict.get("refund_date", UNSET)
            vendor_refund.reference_number = src_dict.get("reference_number", UNSET)
            vendor_refund.external_id = src_dict.get("external_id", UNSET)
            vendor_refund.currency = src_dict.get("currency", UNSET)
            vendor_refund.description = src_dict.get("description", UNSET)
            vendor_refund.memo = src_dict.get("memo", UNSET)
            vendor_refund.reason = src_dict.get("reason", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            _updated_at = src_dict.get("updated_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 19
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund.id = parse_uuid(_id)

        vendor_refund.vendor_id = parse_uuid(_vendor_id)

        allocations = list(map(VendorRefundAllocation.from_dict, _allocations))

        vendor_refund.allocations = allocations

        vendor_refund_payments: list[VendorRefundPaymentLine] | Unset = (
            UNSET
            if _vendor_refund_payments is UNSET
            else list(map(VendorRefundPaymentLine.from_dict, _vendor_refund_payments))
        )

        vendor_refund.vendor_refund_payments = vendor_refund_payments

        refund_date: datetime.date | None | Unset = _refund_date
        if isinstance(_refund_date, str):
            try:
                refund_date_type_0 = datetime.date.fromisoformat(_refund_date)

                refund_date = refund_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        vendor_refund.refund_date = refund_date

        vendor_refund.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        vendor_refund.updated_at = (
            UNSET if _updated_at is UNSET else datetime.datetime.fromisoformat(_updated_at)
        )

        vendor_refund.additional_properties = additional_properties
        return vendor_refund

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


from ..models.vendor_refund_allocation import VendorRefundAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_refund_payment_line import VendorRefundPaymentLine  # noqa: E402 -- after the class, so import cycles work
