from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="JournalEntrySummary")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_debit": {"int_format": "int64"},
    "total_credit": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "entry_date",
        "total_debit",
        "total_credit",
        "is_balanced",
        "sequence_number",
        "reference",
        "description",
        "currency",
        "created_by",
        "status",
        "is_posted",
        "posted_at",
        "source_type",
        "source_reference",
        "created_at",
    )
)
_new = object.__new__


@_attrs_define
class JournalEntrySummary:
    """A journal entry as the list shows it (amounts in cents).

    Attributes:
        id (UUID):
        entry_date (datetime.date):
        total_debit (int):
        total_credit (int):
        is_balanced (bool):
        sequence_number (str | Unset): Sequential journal entry number (e.g., 'JE-2024-0042')
        reference (None | str | Unset):
        description (None | str | Unset):
        currency (str | Unset):
        created_by (str | Unset):
        status (str | Unset):
        is_posted (bool | Unset):
        posted_at (datetime.datetime | None | Unset):
        source_type (None | str | Unset):
        source_reference (None | str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: UUID
    entry_date: datetime.date
    total_debit: int
    total_credit: int
    is_balanced: bool
    sequence_number: str | Unset = UNSET
    reference: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    created_by: str | Unset = UNSET
    status: str | Unset = UNSET
    is_posted: bool | Unset = UNSET
    posted_at: datetime.datetime | None | Unset = UNSET
    source_type: None | str | Unset = UNSET
    source_reference: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        entry_date = self.entry_date.isoformat()

        total_debit = self.total_debit

        total_credit = self.total_credit

        is_balanced = self.is_balanced

        sequence_number = self.sequence_number

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        currency = self.currency

        created_by = self.created_by

        status = self.status

        is_posted = self.is_posted

        posted_at: None | str | Unset
        if isinstance(self.posted_at, Unset):
            posted_at = UNSET
        elif isinstance(self.posted_at, datetime.datetime):
            posted_at = self.posted_at.isoformat()
        else:
            posted_at = self.posted_at

        source_type: None | str | Unset
        if isinstance(self.source_type, Unset):
            source_type = UNSET
        else:
            source_type = self.source_type

        source_reference: None | str | Unset
        if isinstance(self.source_reference, Unset):
            source_reference = UNSET
        else:
            source_reference = self.source_reference

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entry_date": entry_date,
                "total_debit": total_debit,
                "total_credit": total_credit,
                "is_balanced": is_balanced,
            }
        )
        if sequence_number is not UNSET:
            field_dict["sequence_number"] = sequence_number
        if reference is not UNSET:
            field_dict["reference"] = reference
        if description is not UNSET:
            field_dict["description"] = description
        if currency is not UNSET:
            field_dict["currency"] = currency
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if status is not UNSET:
            field_dict["status"] = status
        if is_posted is not UNSET:
            field_dict["is_posted"] = is_posted
        if posted_at is not UNSET:
            field_dict["posted_at"] = posted_at
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if source_reference is not UNSET:
            field_dict["source_reference"] = source_reference
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        journal_entry_summary = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _entry_date = src_dict["entry_date"]
            journal_entry_summary.total_debit = src_dict["total_debit"]
            journal_entry_summary.total_credit = src_dict["total_credit"]
            journal_entry_summary.is_balanced = src_dict["is_balanced"]
            journal_entry_summary.sequence_number = src_dict["sequence_number"]
            journal_entry_summary.reference = src_dict["reference"]
            journal_entry_summary.description = src_dict["description"]
            journal_entry_summary.currency = src_dict["currency"]
            journal_entry_summary.created_by = src_dict["created_by"]
            journal_entry_summary.status = src_dict["status"]
            journal_entry_summary.is_posted = src_dict["is_posted"]
            _posted_at = src_dict["posted_at"]
            journal_entry_summary.source_type = src_dict["source_type"]
            journal_entry_summary.source_reference = src_dict["source_reference"]
            _created_at = src_dict["created_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _entry_date = src_dict["entry_date"]
            journal_entry_summary.total_debit = src_dict["total_debit"]
            journal_entry_summary.total_credit = src_dict["total_credit"]
            journal_entry_summary.is_balanced = src_dict["is_balanced"]
            journal_entry_summary.sequence_number = src_dict.get("sequence_number", UNSET)
            journal_entry_summary.reference = src_dict.get("reference", UNSET)
            journal_entry_summary.description = src_dict.get("description", UNSET)
            journal_entry_summary.currency = src_dict.get("currency", UNSET)
            journal_entry_summary.created_by = src_dict.get("created_by", UNSET)
            journal_entry_summary.status = src_dict.get("status", UNSET)
            journal_entry_summary.is_posted = src_dict.get("is_posted", UNSET)
            _posted_at = src_dict.get("posted_at", UNSET)
            journal_entry_summary.source_type = src_dict.get("source_type", UNSET)
            journal_entry_summary.source_reference = src_dict.get("source_reference", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 16
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        journal_entry_summary.id = parse_uuid(_id)

        journal_entry_summary.entry_date = datetime.date.fromisoformat(_entry_date)

        posted_at: datetime.datetime | None | Unset = _posted_at
        if isinstance(_posted_at, str):
            try:
                posted_at_type_0 = datetime.datetime.fromisoformat(_posted_at)

                posted_at = posted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        journal_entry_summary.posted_at = posted_at

        journal_entry_summary.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        journal_entry_summary.additional_properties = additional_properties
        return journal_entry_summary

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
