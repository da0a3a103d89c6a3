from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoiceVoid")


@_attrs_define
class InvoiceVoid:
    """Optional details sent with a void. A memo replaces the invoice's memo (e.g. the reason); invoice_number, external_id
    and customer_id, when given, must be the invoice's own.

        Attributes:
            invoice_number (str | Unset): The invoice's display number.
            external_id (str | Unset): Your identifier for the invoice.
            memo (str | Unset): Why the invoice is voided.
            customer_id (UUID | Unset): The invoice's customer.
    """

    invoice_number: str | Unset = UNSET
    external_id: str | Unset = UNSET
    memo: str | Unset = UNSET
    customer_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        invoice_number = self.invoice_number

        external_id = self.external_id

        memo = self.memo

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if invoice_number is not UNSET:
            field_dict["invoice_number"] = invoice_number
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if memo is not UNSET:
            field_dict["memo"] = memo
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invoice_number = d.pop("invoice_number", UNSET)

        external_id = d.pop("external_id", UNSET)

        memo = d.pop("memo", UNSET)

        _customer_id = d.pop("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = parse_uuid(_customer_id)

        invoice_void = cls(
            invoice_number=invoice_number,
            external_id=external_id,
            memo=memo,
            customer_id=customer_id,
        )

        invoice_void.additional_properties = d
        return invoice_void

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
