"""Journal entries (list_journal_entries, get_journal_entry_detail; API-NOTES "General
ledger"): the business's journal (``_books``), oldest first, read-only. Each entry says the
event that posted it in its description (``invoice voided: INV-000001``), the document in
``source_type`` (``invoice``, ``bill_payment``...) and ``source_reference`` (its id) and
``reference`` (its number); its lines are debits or credits to accounts. Every entry is made by
the system, approved and posted. An entry is found by its UUID or its sequence number.

The list filters by ``account`` (UUID, code or external id of an account one of its lines
touches), ``date_from``/``date_to``, ``status``, ``posted``, ``created_by`` and ``search``
(sequence number, reference or description).
"""

from __future__ import annotations

from typing import Any

from ..._books import JournalEntry, accounts, books_of
from ..._store import Store, Table, iso
from ..resource import Call, Resource, fill
from .accounts import find_account

__all__ = ["JournalEntries"]


class _Entries(Table[JournalEntry]):
    """A business's journal, read through the table interface."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    def get(self, raw_id: str, business_id: str | None = None) -> JournalEntry | None:
        if business_id is None:
            return None
        wanted = raw_id.lower()
        return next(
            (
                e
                for e in books_of(self._store, business_id).entries
                if wanted in (e.id, e.number.lower())
            ),
            None,
        )

    def of(self, business_id: str) -> list[JournalEntry]:
        return list(books_of(self._store, business_id).entries)


def render_entry(store: Store, entry: JournalEntry) -> dict[str, Any]:
    """An entry as the API answers it (every field of JournalEntryDetail)."""
    names = {a.id: a for a in accounts(store).of(entry.business_id)}
    debit = sum(line.debit for line in entry.lines)
    credit = sum(line.credit for line in entry.lines)
    period = f"{entry.date.year}-{entry.date.month:02d}"
    return {
        "id": entry.id,
        "sequence_number": entry.number,
        "entry_date": entry.date.isoformat(),
        "reference": entry.reference,
        "description": entry.description,
        "currency": store.settings.currency,
        "total_debit": debit,
        "total_credit": credit,
        "is_balanced": debit == credit,
        "created_by": "system",
        "created_by_display": "System",
        "status": "approved",
        "status_display": "Approved",
        "is_posted": True,
        "posted_at": iso(entry.created_at),
        "bank_transaction_id": None,
        "source_type": entry.source_type,
        "source_reference": entry.source_id,
        "created_at": iso(entry.created_at),
        "accounting_period": {
            "id": period,
            "year": entry.date.year,
            "month": entry.date.month,
            "period_name": entry.date.strftime("%B %Y"),
            "status": "open",
        },
        "lines": [
            {
                "id": f"{entry.id}-{i}",
                "line_number": i,
                "account_code": line.code,
                "account_name": names[line.account_id].name,
                "account_type": names[line.account_id].type,
                "debit_amount": line.debit,
                "credit_amount": line.credit,
                "description": entry.description,
                "external_reference": entry.reference,
            }
            for i, line in enumerate(entry.lines, start=1)
        ],
    }


class JournalEntries(Resource):
    """The journal (see the module)."""

    name = "journal_entries"

    def table(self, store: Store) -> Table[Any]:
        return _Entries(store)

    def find(self, call: Call, raw_id: str) -> Any | None:
        assert call.books is not None
        call.books()
        return self.table(call.store).get(raw_id, call.owner)

    def records(self, call: Call) -> list[Any]:
        assert call.books is not None
        return list(call.books().entries)

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        shown = render_entry(store, record)
        return fill(self.contract, self.schema or {}, shown, {"id": record.id}, store.now())

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        account = params.get("account")
        since, until = params.get("date_from"), params.get("date_to")
        search, status = params.get("search"), params.get("status")
        posted, created_by = params.get("posted"), params.get("created_by")
        wanted = find_account(call.store, call.owner, str(account)) if account else None

        def keep(entry: JournalEntry) -> bool:
            text = f"{entry.number} {entry.reference} {entry.description}".lower()
            return (
                (
                    account is None
                    or (
                        wanted is not None
                        and any(line.account_id == wanted.id for line in entry.lines)
                    )
                )
                and (since is None or entry.date >= _day(since))
                and (until is None or entry.date <= _day(until))
                and (search is None or str(search).lower() in text)
                and (status is None or "approved" in _texts(status))
                and (created_by is None or "system" in _texts(created_by))
                and posted is not False
            )

        return keep


def _day(value: Any) -> Any:
    """A date from a date or date-time query value."""
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _texts(value: Any) -> set[str]:
    return {str(v).lower() for v in (value if isinstance(value, set) else {value})}
