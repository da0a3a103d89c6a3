from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorRefundPaymentLine")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "refunded_amount": {"int_format": "int64"},
    "processing_fee": {"int_format": "int64"},
    "net_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "refunded_amount",
        "vendor_refund_id",
        "processing_fee",
        "net_amount",
        "reconciled_bank_transactions",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundPaymentLine:
    """A payment of a vendor refund, as the refund shows it.

    Attributes:
        id (UUID):
        refunded_amount (int): In cents.
        vendor_refund_id (UUID | Unset):
        processing_fee (int | Unset): In cents.
        net_amount (int | Unset): In cents.
        reconciled_bank_transactions (list[ReconciledBankTransaction] | Unset):
    """

    id: UUID
    refunded_amount: int
    vendor_refund_id: UUID | Unset = UNSET
    processing_fee: int | Unset = UNSET
    net_amount: int | Unset = UNSET
    reconciled_bank_transactions: list[ReconciledBankTransaction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        refunded_amount = self.refunded_amount

        vendor_refund_id: str | Unset = UNSET
        if not isinstance(self.vendor_refund_id, Unset):
            vendor_refund_id = str(self.vendor_refund_id)

        processing_fee = self.processing_fee

        net_amount = self.net_amount

        reconciled_bank_transactions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reconciled_bank_transactions, Unset):
            reconciled_bank_transactions = []
            for reconciled_bank_transactions_item_data in self.reconciled_bank_transactions:
                reconciled_bank_transactions_item = reconciled_bank_transactions_item_data.to_dict()
                reconciled_bank_transactions.append(reconciled_bank_transactions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "refunded_amount": refunded_amount,
            }
        )
        if vendor_refund_id is not UNSET:
            field_dict["vendor_refund_id"] = vendor_refund_id
        if processing_fee is not UNSET:
            field_dict["processing_fee"] = processing_fee
        if net_amount is not UNSET:
            field_dict["net_amount"] = net_amount
        if reconciled_bank_transactions is not UNSET:
            field_dict["reconciled_bank_transactions"] = reconciled_bank_transactions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_payment_line = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            vendor_refund_payment_line.refunded_amount = src_dict["refunded_amount"]
            _vendor_refund_id = src_dict["vendor_refund_id"]
            vendor_refund_payment_line.processing_fee = src_dict["processing_fee"]
            vendor_refund_payment_line.net_amount = src_dict["net_amount"]
            _reconciled_bank_transactions = src_dict["reconciled_bank_transactions"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            vendor_refund_payment_line.refunded_amount = src_dict["refunded_amount"]
            _vendor_refund_id = src_dict.get("vendor_refund_id", UNSET)
            vendor_refund_payment_line.processing_fee = src_dict.get("processing_fee", UNSET)
            vendor_refund_payment_line.net_amount = src_dict.get("net_amount", UNSET)
            _reconciled_bank_transactions = src_dict.get("reconciled_bank_transactions", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_payment_line.id = parse_uuid(_id)

        vendor_refund_payment_line.vendor_refund_id = (
            UNSET if _vendor_refund_id is UNSET else parse_uuid(_vendor_refund_id)
        )

        reconciled_bank_transactions: list[ReconciledBankTransaction] | Unset = (
            UNSET
            if _reconciled_bank_transactions is UNSET
            else list(map(ReconciledBankTransaction.from_dict, _reconciled_bank_transactions))
        )

        vendor_refund_payment_line.reconciled_bank_transactions = reconciled_bank_transactions

        vendor_refund_payment_line.additional_properties = additional_properties
        return vendor_refund_payment_line

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
