from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillPaymentSummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "amount_cents": {"int_format": "int64"},
    "allocated_amount_cents": {"int_format": "int64"},
    "unallocated_amount_cents": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "vendor_id",
        "payment_date",
        "amount_cents",
        "status",
        "vendor_name",
        "payment_reference",
        "currency",
        "payment_method",
        "allocated_amount_cents",
        "unallocated_amount_cents",
        "is_fully_allocated",
        "allocations",
        "reconciled_bank_transactions",
        "created_at",
        "updated_at",
    )
)
_new = object.__new__


@_attrs_define
class BillPaymentSummary:
    """A bill payment as the list shows it.

    Attributes:
        id (UUID):
        vendor_id (UUID):
        payment_date (datetime.date):
        amount_cents (int):
        status (str):
        vendor_name (None | str | Unset):
        payment_reference (None | str | Unset):
        currency (str | Unset):
        payment_method (str | Unset):
        allocated_amount_cents (int | Unset):
        unallocated_amount_cents (int | Unset):
        is_fully_allocated (bool | Unset):
        allocations (list[BillPaymentAllocation] | Unset):
        reconciled_bank_transactions (list[ReconciledBankTransaction] | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: UUID
    vendor_id: UUID
    payment_date: datetime.date
    amount_cents: int
    status: str
    vendor_name: None | str | Unset = UNSET
    payment_reference: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    payment_method: str | Unset = UNSET
    allocated_amount_cents: int | Unset = UNSET
    unallocated_amount_cents: int | Unset = UNSET
    is_fully_allocated: bool | Unset = UNSET
    allocations: list[BillPaymentAllocation] | Unset = UNSET
    reconciled_bank_transactions: list[ReconciledBankTransaction] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        vendor_id = str(self.vendor_id)

        payment_date = self.payment_date.isoformat()

        amount_cents = self.amount_cents

        status = self.status

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

        currency = self.currency

        payment_method = self.payment_method

        allocated_amount_cents = self.allocated_amount_cents

        unallocated_amount_cents = self.unallocated_amount_cents

        is_fully_allocated = self.is_fully_allocated

        allocations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = []
            for allocations_item_data in self.allocations:
                allocations_item = allocations_item_data.to_dict()
                allocations.append(allocations_item)

        reconciled_bank_transactions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reconciled_bank_transactions, Unset):
            reconciled_bank_transactions = []
            for reconciled_bank_transactions_item_data in self.reconciled_bank_transactions:
                reconciled_bank_transactions_item = reconciled_bank_transactions_item_data.to_dict()
                reconciled_bank_transactions.append(reconciled_bank_transactions_item)

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
                "payment_date": payment_date,
                "amount_cents": amount_cents,
                "status": status,
            }
        )
        if vendor_name is not UNSET:
            field_dict["vendor_name"] = vendor_name
        if payment_reference is not UNSET:
            field_dict["payment_reference"] = payment_reference
        if currency is not UNSET:
            field_dict["currency"] = currency
        if payment_method is not UNSET:
            field_dict["payment_method"] = payment_method
        if allocated_amount_cents is not UNSET:
            field_dict["allocated_amount_cents"] = allocated_amount_cents
        if unallocated_amount_cents is not UNSET:
            field_dict["unallocated_amount_cents"] = unallocated_amount_cents
        if is_fully_allocated is not UNSET:
            field_dict["is_fully_allocated"] = is_fully_allocated
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if reconciled_bank_transactions is not UNSET:
            field_dict["reconciled_bank_transactions"] = reconciled_bank_transactions
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_payment_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _vendor_id = src_dict["vendor_id"]
            _payment_date = src_dict["payment_date"]
            bill_payment_summary.amount_cents = src_dict["amount_cents"]
            bill_payment_summary.status = src_dict["status"]
            bill_payment_summary.vendor_name = src_dict["vendor_name"]
            bill_payment_summary.payment_reference = src_dict["payment_reference"]
            bill_payment_summary.currency = src_dict["currency"]
            bill_payment_summary.payment_method = src_dict["payment_method"]
            bill_payment_summary.allocated_amount_cents = src_dict["allocated_amount_cents"]
            bill_payment_summary.unallocated_amount_cents = src_dict["unallocated_amount_cents"]
            bill_payment_summary.is_fully_allocated = src_dict["is_fully_allocated"]
            _allocations = src_dict["allocations"]
            _reconciled_bank_transactions = src_dict["reconciled_bank_transactions"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _vendor_id = src_dict["vendor_id"]
            _payment_date = src_dict["payment_date"]
            bill_payment_summary.amount_cents = src_dict["amount_cents"]
            bill_payment_summary.status = src_dict["status"]
            bill_payment_summary.vendor_name = src_dict.get("vendor_name", UNSET)
            bill_payment_summary.payment_reference = src_dict.get("payment_reference", UNSET)
            bill_payment_summary.currency = src_dict.get("currency", UNSET)
            bill_payment_summary.payment_method = src_dict.get("payment_method", UNSET)
            bill_payment_summary.allocated_amount_cents = src_dict.get(
                "allocated_amount_cents", UNSET
            )
            bill_payment_summary.unallocated_amount_cents = src_dict.get(
                "unallocated_amount_cents", UNSET
            )
            bill_payment_summary.is_fully_allocated = src_dict.get("is_fully_allocated", UNSET)
            _allocations = src_dict.get("allocations", UNSET)
            _reconciled_bank_transactions = src_dict.get("reconciled_bank_transactions", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            _updated_at = src_dict.get("updated_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 16
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_payment_summary.id = parse_uuid(_id)

        bill_payment_summary.vendor_id = parse_uuid(_vendor_id)

        bill_payment_summary.payment_date = datetime.date.fromisoformat(_payment_date)

        allocations: list[BillPaymentAllocation] | Unset = (
            UNSET
            if _allocations is UNSET
            else list(map(BillPaymentAllocation.from_dict, _allocations))
        )

        bill_payment_summary.allocations = allocations

        reconciled_bank_transactions: list[ReconciledBankTransaction] | Unset = (
            UNSET
            if _reconciled_bank_transactions is UNSET
            else list(map(ReconciledBankTransaction.from_dict, _reconciled_bank_transactions))
        )

        bill_payment_summary.reconciled_bank_transactions = reconciled_bank_transactions

        bill_payment_summary.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        bill_payment_summary.updated_at = (
            UNSET if _updated_at is UNSET else datetime.datetime.fromisoformat(_updated_at)
        )

        bill_payment_summary.additional_properties = additional_properties
        return bill_payment_summary

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


from ..models.bill_payment_allocation import BillPaymentAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.reconciled_bank_transaction import ReconciledBankTransaction  # noqa: E402 -- after the class, so import cycles work
