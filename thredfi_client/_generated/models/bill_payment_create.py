from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.bill_payment_create_payment_method import BillPaymentCreatePaymentMethod
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillPaymentCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64", "minimum": 1},
    "currency": {"min_length": 1, "max_length": 3},
    "payment_reference": {"max_length": 100},
    "check_number": {"max_length": 50},
    "processing_fee_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "vendor_id",
        "amount_cents",
        "payment_method",
        "payment_date",
        "currency",
        "payment_reference",
        "check_number",
        "description",
        "memo",
        "processing_fee_cents",
        "external_id",
        "metadata",
        "allocations",
    )
)
_new = object.__new__


@_attrs_define
class BillPaymentCreate:
    """Serializer for creating bill payments with allocations, embedded in the payment creation request.

    Attributes:
        vendor_id (UUID): UUID of the vendor receiving the payment (must exist in business)
        amount_cents (int): Total payment amount in cents (e.g., 450000 for £4,500.00)
        payment_method (BillPaymentCreatePaymentMethod): Payment method: bank_transfer, ach, wire, check, credit_card,
            cash, or other
        payment_date (datetime.date): Date when payment was made (ISO date format: YYYY-MM-DD)
        currency (str | Unset): Payment currency (must match business base currency, defaults to GBP) Default: 'GBP'.
        payment_reference (str | Unset): Your internal payment reference or transaction ID
        check_number (str | Unset): Check number (required if payment_method is check)
        description (str | Unset): Description of the payment
        memo (str | Unset): Additional notes or memo for the payment
        processing_fee_cents (int | Unset): Processing fee in cents (defaults to 0) Default: 0.
        external_id (str | Unset): Your unique identifier for this payment
        metadata (Any | Unset): Custom key-value pairs
        allocations (list[BillPaymentAllocationCreate] | Unset): The bills the payment pays
    """

    vendor_id: UUID
    amount_cents: int
    payment_method: BillPaymentCreatePaymentMethod
    payment_date: datetime.date
    currency: str | Unset = "GBP"
    payment_reference: str | Unset = UNSET
    check_number: str | Unset = UNSET
    description: str | Unset = UNSET
    memo: str | Unset = UNSET
    processing_fee_cents: int | Unset = 0
    external_id: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    allocations: list[BillPaymentAllocationCreate] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vendor_id = str(self.vendor_id)

        amount_cents = self.amount_cents

        payment_method = self.payment_method.value

        payment_date = self.payment_date.isoformat()

        currency = self.currency

        payment_reference = self.payment_reference

        check_number = self.check_number

        description = self.description

        memo = self.memo

        processing_fee_cents = self.processing_fee_cents

        external_id = self.external_id

        metadata = self.metadata

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vendor_id": vendor_id,
                "amount_cents": amount_cents,
                "payment_method": payment_method,
                "payment_date": payment_date,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if check_number is not UNSET:
            field_dict["check_number"] = check_number
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if processing_fee_cents is not UNSET:
            field_dict["processing_fee_cents"] = processing_fee_cents
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if allocations is not UNSET:
            field_dict["allocations"] = allocations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            _vendor_id = src_dict["vendor_id"]
            bill_payment_create.amount_cents = src_dict["amount_cents"]
            _payment_method = src_dict["payment_method"]
            _payment_date = src_dict["payment_date"]
            bill_payment_create.currency = src_dict["currency"]
            bill_payment_create.payment_reference = src_dict["payment_reference"]
            bill_payment_create.check_number = src_dict["check_number"]
            bill_payment_create.description = src_dict["description"]
            bill_payment_create.memo = src_dict["memo"]
            bill_payment_create.processing_fee_cents = src_dict["processing_fee_cents"]
            bill_payment_create.external_id = src_dict["external_id"]
            bill_payment_create.metadata = src_dict["metadata"]
            _allocations = src_dict["allocations"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _vendor_id = src_dict["vendor_id"]
            bill_payment_create.amount_cents = src_dict["amount_cents"]
            _payment_method = src_dict["payment_method"]
            _payment_date = src_dict["payment_date"]
            bill_payment_create.currency = src_dict.get("currency", UNSET)
            bill_payment_create.payment_reference = src_dict.get("payment_reference", UNSET)
            bill_payment_create.check_number = src_dict.get("check_number", UNSET)
            bill_payment_create.description = src_dict.get("description", UNSET)
            bill_payment_create.memo = src_dict.get("memo", UNSET)
            bill_payment_create.processing_fee_cents = src_dict.get("processing_fee_cents", UNSET)
            bill_payment_create.external_id = src_dict.get("external_id", UNSET)
            bill_payment_create.metadata = src_dict.get("metadata", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 13
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_payment_create.vendor_id = parse_uuid(_vendor_id)

        bill_payment_create.payment_method = BillPaymentCreatePaymentMethod(_payment_method)

        bill_payment_create.payment_date = datetime.date.fromisoformat(_payment_date)

        allocations: list[BillPaymentAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(BillPaymentAllocationCreate.from_dict, _allocations))
        )

        bill_payment_create.allocations = allocations

        bill_payment_create.additional_properties = additional_properties
        return bill_payment_create

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


from ..models.bill_payment_allocation_create import BillPaymentAllocationCreate  # noqa: E402 -- after the class, so import cycles work
