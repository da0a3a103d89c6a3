from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillUpdate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "line_items",
        "vendor_id",
        "bill_number",
        "vendor_bill_number",
        "purchase_order_number",
        "memo",
        "bill_date",
        "received_at",
        "due_at",
        "currency",
        "external_id",
    )
)
_new = object.__new__


@_attrs_define
class BillUpdate:
    """Fields of a bill to change; line items sent replace all of them.

    Attributes:
        line_items (list[BillLineItemCreate] | Unset): The bill's lines (replacing all).
        vendor_id (UUID | Unset):
        bill_number (str | Unset):
        vendor_bill_number (str | Unset):
        purchase_order_number (str | Unset):
        memo (str | Unset):
        bill_date (datetime.date | Unset):
        received_at (datetime.datetime | Unset):
        due_at (datetime.datetime | Unset):
        currency (str | Unset):
        external_id (str | Unset):
    """

    line_items: list[BillLineItemCreate] | Unset = UNSET
    vendor_id: UUID | Unset = UNSET
    bill_number: str | Unset = UNSET
    vendor_bill_number: str | Unset = UNSET
    purchase_order_number: str | Unset = UNSET
    memo: str | Unset = UNSET
    bill_date: datetime.date | Unset = UNSET
    received_at: datetime.datetime | Unset = UNSET
    due_at: datetime.datetime | Unset = UNSET
    currency: str | Unset = UNSET
    external_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.line_items, Unset):
            line_items = []
            for line_items_item_data in self.line_items:
                line_items_item = line_items_item_data.to_dict()
                line_items.append(line_items_item)

        vendor_id: str | Unset = UNSET
        if not isinstance(self.vendor_id, Unset):
            vendor_id = str(self.vendor_id)

        bill_number = self.bill_number

        vendor_bill_number = self.vendor_bill_number

        purchase_order_number = self.purchase_order_number

        memo = self.memo

        bill_date: str | Unset = UNSET
        if not isinstance(self.bill_date, Unset):
            bill_date = self.bill_date.isoformat()

        received_at: str | Unset = UNSET
        if not isinstance(self.received_at, Unset):
            received_at = self.received_at.isoformat()

        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        currency = self.currency

        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if line_items is not UNSET:
            field_dict["line_items"] = line_items
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id
        if bill_number is not UNSET:
            field_dict["bill_number"] = bill_number
        if vendor_bill_number is not UNSET:
            field_dict["vendor_bill_number"] = vendor_bill_number
        if purchase_order_number is not UNSET:
            field_dict["purchase_order_number"] = purchase_order_number
        if memo is not UNSET:
            field_dict["memo"] = memo
        if bill_date is not UNSET:
            field_dict["bill_date"] = bill_date
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if currency is not UNSET:
            field_dict["currency"] = currency
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_update = _new(cls)
        try:  # every documented field present, as in the API's responses
            _line_items = src_dict["line_items"]
            _vendor_id = src_dict["vendor_id"]
            bill_update.bill_number = src_dict["bill_number"]
            bill_update.vendor_bill_number = src_dict["vendor_bill_number"]
            bill_update.purchase_order_number = src_dict["purchase_order_number"]
            bill_update.memo = src_dict["memo"]
            _bill_date = src_dict["bill_date"]
            _received_at = src_dict["received_at"]
            _due_at = src_dict["due_at"]
            bill_update.currency = src_dict["currency"]
            bill_update.external_id = src_dict["external_id"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _line_items = src_dict.get("line_items", UNSET)
            _vendor_id = src_dict.get("vendor_id", UNSET)
            bill_update.bill_number = src_dict.get("bill_number", UNSET)
            bill_update.vendor_bill_number = src_dict.get("vendor_bill_number", UNSET)
            bill_update.purchase_order_number = src_dict.get("purchase_order_number", UNSET)
            bill_update.memo = src_dict.get("memo", UNSET)
            _bill_date = src_dict.get("bill_date", UNSET)
            _received_at = src_dict.get("received_at", UNSET)
            _due_at = src_dict.get("due_at", UNSET)
            bill_update.currency = src_dict.get("currency", UNSET)
            bill_update.external_id = src_dict.get("external_id", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 11
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        line_items: list[BillLineItemCreate] | Unset = (
            UNSET if _line_items is UNSET else list(map(BillLineItemCreate.from_dict, _line_items))
        )

        bill_update.line_items = line_items

        bill_update.vendor_id = UNSET if _vendor_id is UNSET else parse_uuid(_vendor_id)

        bill_update.bill_date = (
            UNSET if _bill_date is UNSET else datetime.date.fromisoformat(_bill_date)
        )

        bill_update.received_at = (
            UNSET if _received_at is UNSET else datetime.datetime.fromisoformat(_received_at)
        )

        bill_update.due_at = UNSET if _due_at is UNSET else datetime.datetime.fromisoformat(_due_at)

        bill_update.additional_properties = additional_properties
        return bill_update

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


from ..models.bill_line_item_create import BillLineItemCreate  # noqa: E402 -- after the class, so import cycles work
