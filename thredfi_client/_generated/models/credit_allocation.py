from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="CreditAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}


@_attrs_define
class CreditAllocation:
    """Part of a credit note applied to the invoice.

    Attributes:
        amount_cents (int | Unset): Amount in cents.
        applied_at (datetime.datetime | Unset): When it was applied.
        credit_note_id (UUID | Unset): The credit note's UUID.
        reference_number (str | Unset): Credit note reference.
    """

    amount_cents: int | Unset = UNSET
    applied_at: datetime.datetime | Unset = UNSET
    credit_note_id: UUID | Unset = UNSET
    reference_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_cents = self.amount_cents

        applied_at: str | Unset = UNSET
        if not isinstance(self.applied_at, Unset):
            applied_at = self.applied_at.isoformat()

        credit_note_id: str | Unset = UNSET
        if not isinstance(self.credit_note_id, Unset):
            credit_note_id = str(self.credit_note_id)

        reference_number = self.reference_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if applied_at is not UNSET:
            field_dict["applied_at"] = applied_at
        if credit_note_id is not UNSET:
            field_dict["credit_note_id"] = credit_note_id
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_cents = d.pop("amount_cents", UNSET)

        _applied_at = d.pop("applied_at", UNSET)
        applied_at: datetime.datetime | Unset
        if isinstance(_applied_at, Unset):
            applied_at = UNSET
        else:
            applied_at = datetime.datetime.fromisoformat(_applied_at)

        _credit_note_id = d.pop("credit_note_id", UNSET)
        credit_note_id: UUID | Unset
        if isinstance(_credit_note_id, Unset):
            credit_note_id = UNSET
        else:
            credit_note_id = parse_uuid(_credit_note_id)

        reference_number = d.pop("reference_number", UNSET)

        credit_allocation = cls(
            amount_cents=amount_cents,
            applied_at=applied_at,
            credit_note_id=credit_note_id,
            reference_number=reference_number,
        )

        credit_allocation.additional_properties = d
        return credit_allocation

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
