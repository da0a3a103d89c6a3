from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="BillLineItem")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "unit_price": {"int_format": "int64"},
    "quantity": {"int_format": "int64"},
    "total_amount": {"int_format": "int64"},
    "subtotal": {"int_format": "int64"},
    "sales_taxes_total": {"int_format": "int64"},
    "tax_rate": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "unit_price",
        "quantity",
        "total_amount",
        "bill_id",
        "account_identifier",
        "currency",
        "subtotal",
        "sales_taxes_total",
        "tax_rate",
        "description",
        "product",
    )
)
_new = object.__new__


@_attrs_define
class BillLineItem:
    """A line of a bill.

    Attributes:
        id (UUID):
        unit_price (int): Unit price in cents.
        quantity (int):
        total_amount (int): In cents.
        bill_id (None | Unset | UUID):
        account_identifier (AccountIdentifier | None | Unset): The line's ledger account; null when none was given.
        currency (None | str | Unset):
        subtotal (int | None | Unset): In cents.
        sales_taxes_total (int | None | Unset): In cents.
        tax_rate (int | None | Unset):
        description (None | str | Unset):
        product (None | str | Unset):
    """

    id: UUID
    unit_price: int
    quantity: int
    total_amount: int
    bill_id: None | Unset | UUID = UNSET
    account_identifier: AccountIdentifier | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    subtotal: int | None | Unset = UNSET
    sales_taxes_total: int | None | Unset = UNSET
    tax_rate: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    product: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        unit_price = self.unit_price

        quantity = self.quantity

        total_amount = self.total_amount

        bill_id: None | str | Unset
        if isinstance(self.bill_id, Unset):
            bill_id = UNSET
        elif isinstance(self.bill_id, UUID):
            bill_id = str(self.bill_id)
        else:
            bill_id = self.bill_id

        account_identifier: dict[str, Any] | None | Unset
        if isinstance(self.account_identifier, Unset):
            account_identifier = UNSET
        elif isinstance(self.account_identifier, AccountIdentifier):
            account_identifier = self.account_identifier.to_dict()
        else:
            account_identifier = self.account_identifier

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        subtotal: int | None | Unset
        if isinstance(self.subtotal, Unset):
            subtotal = UNSET
        else:
            subtotal = self.subtotal

        sales_taxes_total: int | None | Unset
        if isinstance(self.sales_taxes_total, Unset):
            sales_taxes_total = UNSET
        else:
            sales_taxes_total = self.sales_taxes_total

        tax_rate: int | None | Unset
        if isinstance(self.tax_rate, Unset):
            tax_rate = UNSET
        else:
            tax_rate = self.tax_rate

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        product: None | str | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        else:
            product = self.product

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "unit_price": unit_price,
                "quantity": quantity,
                "total_amount": total_amount,
            }
        )
        if bill_id is not UNSET:
            field_dict["bill_id"] = bill_id
        if account_identifier is not UNSET:
            field_dict["account_identifier"] = account_identifier
        if currency is not UNSET:
            field_dict["currency"] = currency
        if subtotal is not UNSET:
            field_dict["subtotal"] = subtotal
        if sales_taxes_total is not UNSET:
            field_dict["sales_taxes_total"] = sales_taxes_total
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate
        if description is not UNSET:
            field_dict["description"] = description
        if product is not UNSET:
            field_dict["product"] = product

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_line_item = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            bill_line_item.unit_price = src_dict["unit_price"]
            bill_line_item.quantity = src_dict["quantity"]
            bill_line_item.total_amount = src_dict["total_amount"]
            _bill_id = src_dict["bill_id"]
            _account_identifier = src_dict["account_identifier"]
            bill_line_item.currency = src_dict["currency"]
            bill_line_item.subtotal = src_dict["subtotal"]
            bill_line_item.sales_taxes_total = src_dict["sales_taxes_total"]
            bill_line_item.tax_rate = src_dict["tax_rate"]
            bill_line_item.description = src_dict["description"]
            bill_line_item.product = src_dict["product"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            bill_line_item.unit_price = src_dict["unit_price"]
            bill_line_item.quantity = src_dict["quantity"]
            bill_line_item.total_amount = src_dict["total_amount"]
            _bill_id = src_dict.get("bill_id", UNSET)
            _account_identifier = src_dict.get("account_identifier", UNSET)
            bill_line_item.currency = src_dict.get("currency", UNSET)
            bill_line_item.subtotal = src_dict.get("subtotal", UNSET)
            bill_line_item.sales_taxes_total = src_dict.get("sales_taxes_total", UNSET)
            bill_line_item.tax_rate = src_dict.get("tax_rate", UNSET)
            bill_line_item.description = src_dict.get("description", UNSET)
            bill_line_item.product = src_dict.get("product", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 12
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        bill_line_item.id = parse_uuid(_id)

        bill_id: None | Unset | UUID = _bill_id
        if isinstance(_bill_id, str):
            try:
                bill_id_type_0 = parse_uuid(_bill_id)

                bill_id = bill_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_line_item.bill_id = bill_id

        account_identifier: AccountIdentifier | None | Unset = _account_identifier
        if isinstance(_account_identifier, dict):
            try:
                componentsschemas_account_identifier_type_0 = AccountIdentifier.from_dict(
                    _account_identifier
                )

                account_identifier = componentsschemas_account_identifier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        bill_line_item.account_identifier = account_identifier

        bill_line_item.additional_properties = additional_properties
        return bill_line_item

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


from ..models.account_identifier import AccountIdentifier  # noqa: E402 -- after the class, so import cycles work
