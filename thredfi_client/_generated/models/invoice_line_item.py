from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoiceLineItem")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "unit_price": {"int_format": "int64"},
    "quantity": {"int_format": "int64"},
    "subtotal": {"int_format": "int64"},
    "discount_amount": {"int_format": "int64"},
    "sales_taxes_total": {"int_format": "int64"},
    "total_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "invoice_id",
        "account_identifier",
        "description",
        "unit_price",
        "quantity",
        "subtotal",
        "discount_amount",
        "sales_taxes_total",
        "total_amount",
        "external_id",
        "product",
    )
)
_new = object.__new__


@_attrs_define
class InvoiceLineItem:
    """A line of an invoice.

    Attributes:
        id (UUID | Unset): The line's UUID.
        invoice_id (UUID | Unset): The invoice's UUID.
        account_identifier (AccountIdentifier | None | Unset): The revenue account of the line; null when none was
            given.
        description (None | str | Unset): What was sold.
        unit_price (int | Unset): Price of one unit, in cents.
        quantity (int | Unset): Number of units.
        subtotal (int | Unset): quantity x unit_price, in cents.
        discount_amount (int | Unset): Discount on the line, in cents.
        sales_taxes_total (int | Unset): Taxes on the line, in cents.
        total_amount (int | Unset): Line total in cents.
        external_id (None | str | Unset): Your identifier for the line.
        product (None | str | Unset): Product name or code.
    """

    id: UUID | Unset = UNSET
    invoice_id: UUID | Unset = UNSET
    account_identifier: AccountIdentifier | None | Unset = UNSET
    description: None | str | Unset = UNSET
    unit_price: int | Unset = UNSET
    quantity: int | Unset = UNSET
    subtotal: int | Unset = UNSET
    discount_amount: int | Unset = UNSET
    sales_taxes_total: int | Unset = UNSET
    total_amount: int | Unset = UNSET
    external_id: None | str | Unset = UNSET
    product: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        invoice_id: str | Unset = UNSET
        if not isinstance(self.invoice_id, Unset):
            invoice_id = str(self.invoice_id)

        account_identifier: dict[str, Any] | None | Unset
        if isinstance(self.account_identifier, Unset):
            account_identifier = UNSET
        elif isinstance(self.account_identifier, AccountIdentifier):
            account_identifier = self.account_identifier.to_dict()
        else:
            account_identifier = self.account_identifier

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        unit_price = self.unit_price

        quantity = self.quantity

        subtotal = self.subtotal

        discount_amount = self.discount_amount

        sales_taxes_total = self.sales_taxes_total

        total_amount = self.total_amount

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        product: None | str | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        else:
            product = self.product

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if account_identifier is not UNSET:
            field_dict["account_identifier"] = account_identifier
        if description is not UNSET:
            field_dict["description"] = description
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if subtotal is not UNSET:
            field_dict["subtotal"] = subtotal
        if discount_amount is not UNSET:
            field_dict["discount_amount"] = discount_amount
        if sales_taxes_total is not UNSET:
            field_dict["sales_taxes_total"] = sales_taxes_total
        if total_amount is not UNSET:
            field_dict["total_amount"] = total_amount
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if product is not UNSET:
            field_dict["product"] = product

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_line_item = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _invoice_id = src_dict["invoice_id"]
            _account_identifier = src_dict["account_identifier"]
            invoice_line_item.description = src_dict["description"]
            invoice_line_item.unit_price = src_dict["unit_price"]
            invoice_line_item.quantity = src_dict["quantity"]
            invoice_line_item.subtotal = src_dict["subtotal"]
            invoice_line_item.discount_amount = src_dict["discount_amount"]
            invoice_line_item.sales_taxes_total = src_dict["sales_taxes_total"]
            invoice_line_item.total_amount = src_dict["total_amount"]
            invoice_line_item.external_id = src_dict["external_id"]
            invoice_line_item.product = src_dict["product"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict.get("id", UNSET)
            _invoice_id = src_dict.get("invoice_id", UNSET)
            _account_identifier = src_dict.get("account_identifier", UNSET)
            invoice_line_item.description = src_dict.get("description", UNSET)
            invoice_line_item.unit_price = src_dict.get("unit_price", UNSET)
            invoice_line_item.quantity = src_dict.get("quantity", UNSET)
            invoice_line_item.subtotal = src_dict.get("subtotal", UNSET)
            invoice_line_item.discount_amount = src_dict.get("discount_amount", UNSET)
            invoice_line_item.sales_taxes_total = src_dict.get("sales_taxes_total", UNSET)
            invoice_line_item.total_amount = src_dict.get("total_amount", UNSET)
            invoice_line_item.external_id = src_dict.get("external_id", UNSET)
            invoice_line_item.product = src_dict.get("product", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 12
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        invoice_line_item.id = UNSET if _id is UNSET else (known_uuid(_id) or parse_uuid(_id))

        invoice_line_item.invoice_id = (
            UNSET if _invoice_id is UNSET else (known_uuid(_invoice_id) or parse_uuid(_invoice_id))
        )

        account_identifier: AccountIdentifier | None | Unset = _account_identifier
        if isinstance(_account_identifier, dict):
            try:
                componentsschemas_account_identifier_type_0 = AccountIdentifier.from_dict(
                    _account_identifier
                )

                account_identifier = componentsschemas_account_identifier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        invoice_line_item.account_identifier = account_identifier

        invoice_line_item.additional_properties = additional_properties

        return invoice_line_item

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_line_item = _new(cls)
            try:  # every documented field present, as in the API's responses
                _id = src_dict["id"]
                _invoice_id = src_dict["invoice_id"]
                _account_identifier = src_dict["account_identifier"]
                invoice_line_item.description = src_dict["description"]
                invoice_line_item.unit_price = src_dict["unit_price"]
                invoice_line_item.quantity = src_dict["quantity"]
                invoice_line_item.subtotal = src_dict["subtotal"]
                invoice_line_item.discount_amount = src_dict["discount_amount"]
                invoice_line_item.sales_taxes_total = src_dict["sales_taxes_total"]
                invoice_line_item.total_amount = src_dict["total_amount"]
                invoice_line_item.external_id = src_dict["external_id"]
                invoice_line_item.product = src_dict["product"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _id = src_dict.get("id", UNSET)
                _invoice_id = src_dict.get("invoice_id", UNSET)
                _account_identifier = src_dict.get("account_identifier", UNSET)
                invoice_line_item.description = src_dict.get("description", UNSET)
                invoice_line_item.unit_price = src_dict.get("unit_price", UNSET)
                invoice_line_item.quantity = src_dict.get("quantity", UNSET)
                invoice_line_item.subtotal = src_dict.get("subtotal", UNSET)
                invoice_line_item.discount_amount = src_dict.get("discount_amount", UNSET)
                invoice_line_item.sales_taxes_total = src_dict.get("sales_taxes_total", UNSET)
                invoice_line_item.total_amount = src_dict.get("total_amount", UNSET)
                invoice_line_item.external_id = src_dict.get("external_id", UNSET)
                invoice_line_item.product = src_dict.get("product", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 12
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            invoice_line_item.id = UNSET if _id is UNSET else (known_uuid(_id) or parse_uuid(_id))

            invoice_line_item.invoice_id = (
                UNSET
                if _invoice_id is UNSET
                else (known_uuid(_invoice_id) or parse_uuid(_invoice_id))
            )

            account_identifier: AccountIdentifier | None | Unset = _account_identifier
            if isinstance(_account_identifier, dict):
                try:
                    componentsschemas_account_identifier_type_0 = AccountIdentifier.from_dict(
                        _account_identifier
                    )

                    account_identifier = componentsschemas_account_identifier_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            invoice_line_item.account_identifier = account_identifier

            invoice_line_item.additional_properties = additional_properties

            append_(invoice_line_item)
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


from ..models.account_identifier import AccountIdentifier  # noqa: E402 -- after the class, so import cycles work
