"""Bank accounts and bank transactions (list_bank_accounts, retrieve_bank_account,
list_bank_transactions; API-NOTES "Banking"): read-only seeded data, the same for every
business (docs/sandbox.md, "Banking"). One bank account, linked to ledger account 1000, and
:data:`SEEDED_TRANSACTIONS` on it. They are statement lines, not documents: they post nothing.

The transactions list filters by its query parameters that name a field (the engine's default)
plus ``direction``, the date range and the amount range.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from ..._store import Record, Store
from ..resource import Call, Resource, fill

__all__ = ["SEEDED_TRANSACTIONS", "BankAccounts", "BankTransactions"]

#: ``(days before the business's first read, description, signed cents)``.
SEEDED_TRANSACTIONS: tuple[tuple[int, str, int], ...] = (
    (30, "Opening deposit", 500_000),
    (21, "Card payment: office supplies", -12_450),
    (14, "Customer transfer", 84_000),
    (7, "Direct debit: software subscription", -4_999),
    (2, "Bank fee", -1_500),
)


def _stable(business_id: str, name: str) -> str:
    """The same id for the same seeded record of a business, every time."""
    return str(uuid.uuid5(uuid.UUID(business_id), name))


def _seed(self: Resource, call: Call) -> None:
    store, owner = call.store, call.owner
    table = self.table(store)
    if table.of(owner):
        return
    account_id = _stable(owner, "bank-account")
    if isinstance(self, BankAccounts):
        given = {
            "id": account_id,
            "name": "Sandbox current account",
            "account_name": "Sandbox current account",
            "institution_name": "Sandbox Bank",
            "bank_name": "Sandbox Bank",
            "currency": store.settings.currency,
            "account_type": "checking",
            "mask": "0001",
            "last_four": "0001",
            "status": "active",
            "is_active": True,
            "ledger_account_code": "1000",
            "current_balance": sum(cents for _, _, cents in SEEDED_TRANSACTIONS),
            "balance": sum(cents for _, _, cents in SEEDED_TRANSACTIONS),
            "transaction_count": len(SEEDED_TRANSACTIONS),
            "total_transactions": len(SEEDED_TRANSACTIONS),
        }
        _add(self, store, owner, account_id, given)
        return
    today = store.now().date()
    for days, description, cents in SEEDED_TRANSACTIONS:
        day: date = today - timedelta(days=days)
        record_id = _stable(owner, f"bank-transaction-{days}")
        given = {
            "id": record_id,
            "bank_account_id": account_id,
            "bank_account": account_id,
            "date": day.isoformat(),
            "transaction_date": day.isoformat(),
            "posted_date": day.isoformat(),
            "description": description,
            "amount": abs(cents),
            "amount_cents": abs(cents),
            "direction": "inflow" if cents > 0 else "outflow",
            "currency": store.settings.currency,
            "status": "posted",
            "is_categorized": False,
            "is_reconciled": False,
        }
        _add(self, store, owner, record_id, given)


def _add(self: Resource, store: Store, owner: str, record_id: str, given: dict[str, Any]) -> None:
    data = fill(self.contract, self.schema or {}, given, {"id": record_id}, store.now())
    if "business_id" in data:
        data["business_id"] = owner
    self.table(store).add(
        Record(id=record_id, business_id=owner, external_id=None, data=data, created_at=store.now())
    )


class BankAccounts(Resource):
    """The seeded bank account (see the module)."""

    name = "bank_accounts"

    def records(self, call: Call) -> list[Any]:
        _seed(self, call)
        return super().records(call)

    def find(self, call: Call, raw_id: str) -> Any | None:
        _seed(self, call)
        return super().find(call, raw_id)


class BankTransactions(Resource):
    """The seeded bank transactions (see the module)."""

    name = "bank_transactions"

    def records(self, call: Call) -> list[Any]:
        _seed(self, call)
        return super().records(call)

    def find(self, call: Call, raw_id: str) -> Any | None:
        _seed(self, call)
        return super().find(call, raw_id)

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        known = {k: v for k, v in params.items() if k not in ("direction", "date_from", "date_to")}
        default = super().matches(call, known)
        direction = params.get("direction")

        def keep(record: Record) -> bool:
            d = record.data
            return default(record) and (
                direction is None
                or d.get("direction") in (direction if isinstance(direction, set) else {direction})
            )

        return keep
