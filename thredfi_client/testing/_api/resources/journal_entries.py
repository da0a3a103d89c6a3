"""Journal entries (list_journal_entries, get_journal_entry; API-NOTES "General ledger"): the
business's journal (``_books``), oldest first, read-only. Each entry names the event that posted
it (``invoice.created``...) and the document; its lines are debits or credits to accounts.

The list filters by ``account`` (UUID, code or external id of an account one of its lines
touches), ``date_from``/``date_to``, ``status``/``posted`` (every entry is posted) and ``search``
(number, description or event).
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
    """An entry as the API answers it, before it is fitted to the contract's schema."""
    names = {a.id: a for a in accounts(store).of(entry.business_id)}
    debit = sum(line.debit for line in entry.lines)
    lines = [
        {
            "id": f"{entry.id[:-4]}{i:04d}",
            "account_id": line.account_id,
            "account": line.account_id,
            "account_code": line.code,
            "account_name": names[line.account_id].name,
            "debit": line.debit,
            "credit": line.credit,
            "debit_amount": line.debit,
            "credit_amount": line.credit,
            "description": entry.description,
        }
        for i, line in enumerate(entry.lines)
    ]
    day = entry.date.isoformat()
    return {
        "id": entry.id,
        "entry_number": entry.number,
        "number": entry.number,
        "reference": entry.number,
        "date": day,
        "entry_date": day,
        "transaction_date": day,
        "description": entry.description,
        "memo": entry.description,
        "status": "posted",
        "posted": True,
        "is_posted": True,
        "source_type": entry.source_type,
        "source_id": entry.source_id,
        "event": entry.event,
        "created_by": "sandbox",
        "lines": lines,
        "line_items": lines,
        "total_debit": debit,
        "total_credit": sum(line.credit for line in entry.lines),
        "total_amount": debit,
        "currency": store.settings.currency,
        "accounting_period": {"year": entry.date.year, "month": entry.date.month},
        "created_at": iso(entry.created_at),
        "updated_at": iso(entry.created_at),
        "posted_at": iso(entry.created_at),
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
        posted = params.get("posted")
        wanted = find_account(call.store, call.owner, str(account)) if account else None

        def keep(entry: JournalEntry) -> bool:
            text = f"{entry.number} {entry.description} {entry.event}".lower()
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
                and (status is None or "posted" in _texts(status))
                and posted is not False
            )

        return keep


def _day(value: Any) -> Any:
    """A date from a date or date-time query value."""
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _texts(value: Any) -> set[str]:
    return {str(v).lower() for v in (value if isinstance(value, set) else {value})}
