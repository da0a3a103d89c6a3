from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.journal_entry_created_by import JournalEntryCreatedBy
from ..models.journal_entry_status import JournalEntryStatus
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="JournalEntry")

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
        "lines",
        "sequence_number",
        "reference",
        "description",
        "currency",
        "created_by",
        "created_by_display",
        "status",
        "status_display",
        "is_posted",
        "posted_at",
        "bank_transaction_id",
        "source_type",
        "source_reference",
        "created_at",
        "accounting_period",
    )
)
_new = object.__new__


@_attrs_define
class JournalEntry:
    """Detailed serializer for journal entry with all lines.

    Attributes:
        id (UUID): Unique journal entry identifier
        entry_date (datetime.date):
        total_debit (int): Total debit amount in cents (sum of all debit lines)
        total_credit (int): Total credit amount in cents (sum of all credit lines)
        is_balanced (bool):
        lines (list[JournalEntryLine]):
        sequence_number (None | str | Unset):
        reference (None | str | Unset):
        description (None | str | Unset):
        currency (str | Unset):
        created_by (JournalEntryCreatedBy | Unset):
        created_by_display (None | str | Unset):
        status (JournalEntryStatus | Unset):
        status_display (None | str | Unset):
        is_posted (bool | Unset):
        posted_at (datetime.datetime | None | Unset): Timestamp when entry was posted to ledger (null if not posted)
        bank_transaction_id (None | Unset | UUID): Linked bank transaction UUID (null if not from bank feed)
        source_type (None | str | Unset):
        source_reference (None | str | Unset):
        created_at (datetime.datetime | Unset):
        accounting_period (AccountingPeriod | None | Unset):
    """

    id: UUID
    entry_date: datetime.date
    total_debit: int
    total_credit: int
    is_balanced: bool
    lines: list[JournalEntryLine]
    sequence_number: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    created_by: JournalEntryCreatedBy | Unset = UNSET
    created_by_display: None | str | Unset = UNSET
    status: JournalEntryStatus | Unset = UNSET
    status_display: None | str | Unset = UNSET
    is_posted: bool | Unset = UNSET
    posted_at: datetime.datetime | None | Unset = UNSET
    bank_transaction_id: None | Unset | UUID = UNSET
    source_type: None | str | Unset = UNSET
    source_reference: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    accounting_period: AccountingPeriod | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        entry_date = self.entry_date.isoformat()

        total_debit = self.total_debit

        total_credit = self.total_credit

        is_balanced = self.is_balanced

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        sequence_number: None | str | Unset
        if isinstance(self.sequence_number, Unset):
            sequence_number = UNSET
        else:
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

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = self.created_by.value

        created_by_display: None | str | Unset
        if isinstance(self.created_by_display, Unset):
            created_by_display = UNSET
        else:
            created_by_display = self.created_by_display

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        status_display: None | str | Unset
        if isinstance(self.status_display, Unset):
            status_display = UNSET
        else:
            status_display = self.status_display

        is_posted = self.is_posted

        posted_at: None | str | Unset
        if isinstance(self.posted_at, Unset):
            posted_at = UNSET
        elif isinstance(self.posted_at, datetime.datetime):
            posted_at = self.posted_at.isoformat()
        else:
            posted_at = self.posted_at

        bank_transaction_id: None | str | Unset
        if isinstance(self.bank_transaction_id, Unset):
            bank_transaction_id = UNSET
        elif isinstance(self.bank_transaction_id, UUID):
            bank_transaction_id = str(self.bank_transaction_id)
        else:
            bank_transaction_id = self.bank_transaction_id

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

        accounting_period: dict[str, Any] | None | Unset
        if isinstance(self.accounting_period, Unset):
            accounting_period = UNSET
        elif isinstance(self.accounting_period, AccountingPeriod):
            accounting_period = self.accounting_period.to_dict()
        else:
            accounting_period = self.accounting_period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entry_date": entry_date,
                "total_debit": total_debit,
                "total_credit": total_credit,
                "is_balanced": is_balanced,
                "lines": lines,
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
        if created_by_display is not UNSET:
            field_dict["created_by_display"] = created_by_display
        if status is not UNSET:
            field_dict["status"] = status
        if status_display is not UNSET:
            field_dict["status_display"] = status_display
        if is_posted is not UNSET:
            field_dict["is_posted"] = is_posted
        if posted_at is not UNSET:
            field_dict["posted_at"] = posted_at
        if bank_transaction_id is not UNSET:
            field_dict["bank_transaction_id"] = bank_transaction_id
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if source_reference is not UNSET:
            field_dict["source_reference"] = source_reference
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if accounting_period is not UNSET:
            field_dict["accounting_period"] = accounting_period

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        journal_entry = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            _entry_date = src_dict["entry_date"]
            journal_entry.total_debit = src_dict["total_debit"]
            journal_entry.total_credit = src_dict["total_credit"]
            journal_entry.is_balanced = src_dict["is_balanced"]
            _lines = src_dict["lines"]
            journal_entry.sequence_number = src_dict["sequence_number"]
            journal_entry.reference = src_dict["reference"]
            journal_entry.description = src_dict["description"]
            journal_entry.currency = src_dict["currency"]
            _created_by = src_dict["created_by"]
            journal_entry.created_by_display = src_dict["created_by_display"]
            _status = src_dict["status"]
            journal_entry.status_display = src_dict["status_display"]
            journal_entry.is_posted = src_dict["is_posted"]
            _posted_at = src_dict["posted_at"]
            _bank_transaction_id = src_dict["bank_transaction_id"]
            journal_entry.source_type = src_dict["source_type"]
            journal_entry.source_reference = src_dict["source_reference"]
            _created_at = src_dict["created_at"]
            _accounting_period = src_dict["accounting_period"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            _entry_date = src_dict["entry_date"]
            journal_entry.total_debit = src_dict["total_debit"]
            journal_entry.total_credit = src_dict["total_credit"]
            journal_entry.is_balanced = src_dict["is_balanced"]
            _lines = src_dict["lines"]
            journal_entry.sequence_number = src_dict.get("sequence_number", UNSET)
            journal_entry.reference = src_dict.get("reference", UNSET)
            journal_entry.description = src_dict.get("description", UNSET)
            journal_entry.currency = src_dict.get("currency", UNSET)
            _created_by = src_dict.get("created_by", UNSET)
            journal_entry.created_by_display = src_dict.get("created_by_display", UNSET)
            _status = src_dict.get("status", UNSET)
            journal_entry.status_display = src_dict.get("status_display", UNSET)
            journal_entry.is_posted = src_dict.get("is_posted", UNSET)
            _posted_at = src_dict.get("posted_at", UNSET)
            _bank_transaction_id = src_dict.get("bank_transaction_id", UNSET)
            journal_entry.source_type = src_dict.get("source_type", UNSET)
            journal_entry.source_reference = src_dict.get("source_reference", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            _accounting_period = src_dict.get("accounting_period", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 21
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        journal_entry.id = parse_uuid(_id)

        journal_entry.entry_date = datetime.date.fromisoformat(_entry_date)

        lines = list(map(JournalEntryLine.from_dict, _lines))

        journal_entry.lines = lines

        journal_entry.created_by = (
            UNSET if _created_by is UNSET else JournalEntryCreatedBy(_created_by)
        )

        journal_entry.status = UNSET if _status is UNSET else JournalEntryStatus(_status)

        posted_at: datetime.datetime | None | Unset = _posted_at
        if isinstance(_posted_at, str):
            try:
                posted_at_type_0 = datetime.datetime.fromisoformat(_posted_at)

                posted_at = posted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        journal_entry.posted_at = posted_at

        bank_transaction_id: None | Unset | UUID = _bank_transaction_id
        if isinstance(_bank_transaction_id, str):
            try:
                bank_transaction_id_type_0 = parse_uuid(_bank_transaction_id)

                bank_transaction_id = bank_transaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        journal_entry.bank_transaction_id = bank_transaction_id

        journal_entry.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        accounting_period: AccountingPeriod | None | Unset = _accounting_period
        if isinstance(_accounting_period, dict):
            try:
                accounting_period_type_1 = AccountingPeriod.from_dict(_accounting_period)

                accounting_period = accounting_period_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        journal_entry.accounting_period = accounting_period

        journal_entry.additional_properties = additional_properties
        return journal_entry

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


from ..models.accounting_period import AccountingPeriod  # noqa: E402 -- after the class, so import cycles work
from ..models.journal_entry_line import JournalEntryLine  # noqa: E402 -- after the class, so import cycles work
