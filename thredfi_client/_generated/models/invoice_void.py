from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="InvoiceVoid")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "invoice_number",
        "external_id",
        "memo",
        "customer_id",
    )
)
_new = object.__new__


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
        invoice_void = _new(cls)
        try:  # every documented field present, as in the API's responses
            invoice_void.invoice_number = src_dict["invoice_number"]
            invoice_void.external_id = src_dict["external_id"]
            invoice_void.memo = src_dict["memo"]
            _customer_id = src_dict["customer_id"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            invoice_void.invoice_number = src_dict.get("invoice_number", UNSET)
            invoice_void.external_id = src_dict.get("external_id", UNSET)
            invoice_void.memo = src_dict.get("memo", UNSET)
            _customer_id = src_dict.get("customer_id", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        invoice_void.customer_id = (
            UNSET
            if _customer_id is UNSET
            else (known_uuid(_customer_id) or parse_uuid(_customer_id))
        )

        invoice_void.additional_properties = additional_properties

        return invoice_void

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_void = _new(cls)
            try:  # every documented field present, as in the API's responses
                invoice_void.invoice_number = src_dict["invoice_number"]
                invoice_void.external_id = src_dict["external_id"]
                invoice_void.memo = src_dict["memo"]
                _customer_id = src_dict["customer_id"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                invoice_void.invoice_number = src_dict.get("invoice_number", UNSET)
                invoice_void.external_id = src_dict.get("external_id", UNSET)
                invoice_void.memo = src_dict.get("memo", UNSET)
                _customer_id = src_dict.get("customer_id", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 4
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            invoice_void.customer_id = (
                UNSET
                if _customer_id is UNSET
                else (known_uuid(_customer_id) or parse_uuid(_customer_id))
            )

            invoice_void.additional_properties = additional_properties

            append_(invoice_void)
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
