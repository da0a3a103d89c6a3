from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillLineItemCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "quantity": {"int_format": "int64"},
    "unit_price": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "quantity",
        "unit_price",
        "description",
        "account_identifier",
        "product",
        "sales_taxes",
    )
)
_new = object.__new__


@_attrs_define
class BillLineItemCreate:
    """A line of a bill.

    Attributes:
        quantity (int): Quantity.
        unit_price (int): Unit price in cents.
        description (str | Unset): What the line is for.
        account_identifier (Any | Unset): The expense account of the line.
        product (str | Unset): Product name.
        sales_taxes (list[BillLineItemCreateSalesTaxesItem] | Unset): Sales taxes on the line.
    """

    quantity: int
    unit_price: int
    description: str | Unset = UNSET
    account_identifier: Any | Unset = UNSET
    product: str | Unset = UNSET
    sales_taxes: list[BillLineItemCreateSalesTaxesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        unit_price = self.unit_price

        description = self.description

        account_identifier = self.account_identifier

        product = self.product

        sales_taxes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sales_taxes, Unset):
            sales_taxes = []
            for sales_taxes_item_data in self.sales_taxes:
                sales_taxes_item = sales_taxes_item_data.to_dict()
                sales_taxes.append(sales_taxes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quantity": quantity,
                "unit_price": unit_price,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if account_identifier is not UNSET:
            field_dict["account_identifier"] = account_identifier
        if product is not UNSET:
            field_dict["product"] = product
        if sales_taxes is not UNSET:
            field_dict["sales_taxes"] = sales_taxes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_line_item_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            bill_line_item_create.quantity = src_dict["quantity"]
            bill_line_item_create.unit_price = src_dict["unit_price"]
            bill_line_item_create.description = src_dict["description"]
            bill_line_item_create.account_identifier = src_dict["account_identifier"]
            bill_line_item_create.product = src_dict["product"]
            _sales_taxes = src_dict["sales_taxes"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            bill_line_item_create.quantity = src_dict["quantity"]
            bill_line_item_create.unit_price = src_dict["unit_price"]
            bill_line_item_create.description = src_dict.get("description", UNSET)
            bill_line_item_create.account_identifier = src_dict.get("account_identifier", UNSET)
            bill_line_item_create.product = src_dict.get("product", UNSET)
            _sales_taxes = src_dict.get("sales_taxes", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        sales_taxes: list[BillLineItemCreateSalesTaxesItem] | Unset = (
            UNSET
            if _sales_taxes is UNSET
            else list(map(BillLineItemCreateSalesTaxesItem.from_dict, _sales_taxes))
        )

        bill_line_item_create.sales_taxes = sales_taxes

        bill_line_item_create.additional_properties = additional_properties
        return bill_line_item_create

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


from ..models.bill_line_item_create_sales_taxes_item import BillLineItemCreateSalesTaxesItem  # noqa: E402 -- after the class, so import cycles work
