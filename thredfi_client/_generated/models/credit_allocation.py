from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="CreditAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "amount_cents",
        "applied_at",
        "credit_note_id",
        "reference_number",
    )
)
_new = object.__new__


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
        credit_allocation = _new(cls)
        try:  # every documented field present, as in the API's responses
            credit_allocation.amount_cents = src_dict["amount_cents"]
            _applied_at = src_dict["applied_at"]
            _credit_note_id = src_dict["credit_note_id"]
            credit_allocation.reference_number = src_dict["reference_number"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            credit_allocation.amount_cents = src_dict.get("amount_cents", UNSET)
            _applied_at = src_dict.get("applied_at", UNSET)
            _credit_note_id = src_dict.get("credit_note_id", UNSET)
            credit_allocation.reference_number = src_dict.get("reference_number", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        credit_allocation.applied_at = (
            UNSET if _applied_at is UNSET else datetime.datetime.fromisoformat(_applied_at)
        )

        credit_allocation.credit_note_id = (
            UNSET
            if _credit_note_id is UNSET
            else (known_uuid(_credit_note_id) or parse_uuid(_credit_note_id))
        )

        credit_allocation.additional_properties = additional_properties

        return credit_allocation

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            credit_allocation = _new(cls)
            try:  # every documented field present, as in the API's responses
                credit_allocation.amount_cents = src_dict["amount_cents"]
                _applied_at = src_dict["applied_at"]
                _credit_note_id = src_dict["credit_note_id"]
                credit_allocation.reference_number = src_dict["reference_number"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                credit_allocation.amount_cents = src_dict.get("amount_cents", UNSET)
                _applied_at = src_dict.get("applied_at", UNSET)
                _credit_note_id = src_dict.get("credit_note_id", UNSET)
                credit_allocation.reference_number = src_dict.get("reference_number", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 4
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            credit_allocation.applied_at = (
                UNSET if _applied_at is UNSET else datetime.datetime.fromisoformat(_applied_at)
            )

            credit_allocation.credit_note_id = (
                UNSET
                if _credit_note_id is UNSET
                else (known_uuid(_credit_note_id) or parse_uuid(_credit_note_id))
            )

            credit_allocation.additional_properties = additional_properties

            append_(credit_allocation)
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
