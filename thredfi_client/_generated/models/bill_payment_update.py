from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.bill_payment_update_status import BillPaymentUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillPaymentUpdate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "payment_reference": {"max_length": 100},
    "check_number": {"max_length": 50},
    "processing_fee_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "status",
        "failure_reason",
        "payment_reference",
        "check_number",
        "description",
        "memo",
        "processing_fee_cents",
        "metadata",
        "allocations",
    )
)
_new = object.__new__


@_attrs_define
class BillPaymentUpdate:
    """Fields of a bill payment to change.

    Attributes:
        status (BillPaymentUpdateStatus | Unset): New status (documented transitions only)
        failure_reason (str | Unset): Reason for failure (with status failed)
        payment_reference (str | Unset):
        check_number (str | Unset):
        description (str | Unset):
        memo (str | Unset):
        processing_fee_cents (int | Unset):
        metadata (Any | Unset): Custom key-value pairs
        allocations (list[BillPaymentAllocationCreate] | Unset):
    """

    status: BillPaymentUpdateStatus | Unset = UNSET
    failure_reason: str | Unset = UNSET
    payment_reference: str | Unset = UNSET
    check_number: str | Unset = UNSET
    description: str | Unset = UNSET
    memo: str | Unset = UNSET
    processing_fee_cents: int | Unset = UNSET
    metadata: Any | Unset = UNSET
    allocations: list[BillPaymentAllocationCreate] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        failure_reason = self.failure_reason

        payment_reference = self.payment_reference

        check_number = self.check_number

        description = self.description

        memo = self.memo

        processing_fee_cents = self.processing_fee_cents

        metadata = self.metadata

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
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
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if allocations is not UNSET:
            field_dict["allocations"] = allocations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment_update = _new(cls)
        try:  # every documented field present, as in the API's responses
            _status = src_dict["status"]
            bill_payment_update.failure_reason = src_dict["failure_reason"]
            bill_payment_update.payment_reference = src_dict["payment_reference"]
            bill_payment_update.check_number = src_dict["check_number"]
            bill_payment_update.description = src_dict["description"]
            bill_payment_update.memo = src_dict["memo"]
            bill_payment_update.processing_fee_cents = src_dict["processing_fee_cents"]
            bill_payment_update.metadata = src_dict["metadata"]
            _allocations = src_dict["allocations"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _status = src_dict.get("status", UNSET)
            bill_payment_update.failure_reason = src_dict.get("failure_reason", UNSET)
            bill_payment_update.payment_reference = src_dict.get("payment_reference", UNSET)
            bill_payment_update.check_number = src_dict.get("check_number", UNSET)
            bill_payment_update.description = src_dict.get("description", UNSET)
            bill_payment_update.memo = src_dict.get("memo", UNSET)
            bill_payment_update.processing_fee_cents = src_dict.get("processing_fee_cents", UNSET)
            bill_payment_update.metadata = src_dict.get("metadata", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 9
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_payment_update.status = UNSET if _status is UNSET else BillPaymentUpdateStatus(_status)

        allocations: list[BillPaymentAllocationCreate] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(BillPaymentAllocationCreate.from_dict, _allocations))
        )

        bill_payment_update.allocations = allocations

        bill_payment_update.additional_properties = additional_properties
        return bill_payment_update

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
