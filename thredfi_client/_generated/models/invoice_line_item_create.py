from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceLineItemCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "quantity": {"int_format": "int64"},
    "unit_price": {"int_format": "int64"},
    "discount_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "quantity",
        "unit_price",
        "external_id",
        "description",
        "account_identifier",
        "product",
        "discount_amount",
        "sales_taxes",
    )
)
_new = object.__new__


@_attrs_define
class InvoiceLineItemCreate:
    """A line of a new invoice.

    Attributes:
        quantity (int): Number of units.
        unit_price (int): Price of one unit, in cents.
        external_id (str | Unset): Your identifier for the line.
        description (str | Unset): What was sold.
        account_identifier (Any | Unset): The revenue account for the line.
        product (str | Unset): Product name or code.
        discount_amount (int | Unset): Discount on the line, in cents. Default: 0.
        sales_taxes (list[SalesTaxCreate] | Unset): Taxes on the line.
    """

    quantity: int
    unit_price: int
    external_id: str | Unset = UNSET
    description: str | Unset = UNSET
    account_identifier: Any | Unset = UNSET
    product: str | Unset = UNSET
    discount_amount: int | Unset = 0
    sales_taxes: list[SalesTaxCreate] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        unit_price = self.unit_price

        external_id = self.external_id

        description = self.description

        account_identifier = self.account_identifier

        product = self.product

        discount_amount = self.discount_amount

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
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if description is not UNSET:
            field_dict["description"] = description
        if account_identifier is not UNSET:
            field_dict["account_identifier"] = account_identifier
        if product is not UNSET:
            field_dict["product"] = product
        if discount_amount is not UNSET:
            field_dict["discount_amount"] = discount_amount
        if sales_taxes is not UNSET:
            field_dict["sales_taxes"] = sales_taxes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_line_item_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            invoice_line_item_create.quantity = src_dict["quantity"]
            invoice_line_item_create.unit_price = src_dict["unit_price"]
            invoice_line_item_create.external_id = src_dict["external_id"]
            invoice_line_item_create.description = src_dict["description"]
            invoice_line_item_create.account_identifier = src_dict["account_identifier"]
            invoice_line_item_create.product = src_dict["product"]
            invoice_line_item_create.discount_amount = src_dict["discount_amount"]
            _sales_taxes = src_dict["sales_taxes"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            invoice_line_item_create.quantity = src_dict["quantity"]
            invoice_line_item_create.unit_price = src_dict["unit_price"]
            invoice_line_item_create.external_id = src_dict.get("external_id", UNSET)
            invoice_line_item_create.description = src_dict.get("description", UNSET)
            invoice_line_item_create.account_identifier = src_dict.get("account_identifier", UNSET)
            invoice_line_item_create.product = src_dict.get("product", UNSET)
            invoice_line_item_create.discount_amount = src_dict.get("discount_amount", UNSET)
            _sales_taxes = src_dict.get("sales_taxes", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 8
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        sales_taxes: list[SalesTaxCreate] | Unset = (
            UNSET if _sales_taxes is UNSET else SalesTaxCreate.from_dicts(_sales_taxes)
        )

        invoice_line_item_create.sales_taxes = sales_taxes

        invoice_line_item_create.additional_properties = additional_properties

        return invoice_line_item_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_line_item_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                invoice_line_item_create.quantity = src_dict["quantity"]
                invoice_line_item_create.unit_price = src_dict["unit_price"]
                invoice_line_item_create.external_id = src_dict["external_id"]
                invoice_line_item_create.description = src_dict["description"]
                invoice_line_item_create.account_identifier = src_dict["account_identifier"]
                invoice_line_item_create.product = src_dict["product"]
                invoice_line_item_create.discount_amount = src_dict["discount_amount"]
                _sales_taxes = src_dict["sales_taxes"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                invoice_line_item_create.quantity = src_dict["quantity"]
                invoice_line_item_create.unit_price = src_dict["unit_price"]
                invoice_line_item_create.external_id = src_dict.get("external_id", UNSET)
                invoice_line_item_create.description = src_dict.get("description", UNSET)
                invoice_line_item_create.account_identifier = src_dict.get(
                    "account_identifier", UNSET
                )
                invoice_line_item_create.product = src_dict.get("product", UNSET)
                invoice_line_item_create.discount_amount = src_dict.get("discount_amount", UNSET)
                _sales_taxes = src_dict.get("sales_taxes", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 8
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            sales_taxes: list[SalesTaxCreate] | Unset = (
                UNSET if _sales_taxes is UNSET else SalesTaxCreate.from_dicts(_sales_taxes)
            )

            invoice_line_item_create.sales_taxes = sales_taxes

            invoice_line_item_create.additional_properties = additional_properties

            append_(invoice_line_item_create)
        return parsed_

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


from ..models.sales_tax_create import SalesTaxCreate  # noqa: E402 -- after the class, so import cycles work
