"""Bank accounts and bank transactions (list_bank_accounts, retrieve_bank_account,
list_bank_transactions; API-NOTES "Banking"): read-only seeded data, the same for every
business (docs/sandbox.md, "Banking"). One bank account, linked to ledger account 1000, and
:data:`SEEDED_TRANSACTIONS` on it. They are statement lines, not documents: they post nothing.

The transactions list filters by direction, currency, type and categorisation status, the
date and amount ranges, ``search`` (description) and ``is_reconciled``.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from ..._store import Record, Store, iso
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
    if self.table(store).of(owner):
        return
    account_id = _stable(owner, "bank-account")
    now = iso(store.now())
    balance = sum(cents for _, _, cents in SEEDED_TRANSACTIONS)
    business = f"Business {owner[:8]}"
    currency = store.settings.currency
    if isinstance(self, BankAccounts):
        given = {
            "id": account_id,
            "account_key": f"sandbox-{owner[:8]}-0001",
            "display_name": "Sandbox current account",
            "official_name": "Sandbox Bank current account",
            "mask": "0001",
            "balance": balance / 100,
            "balance_cents": balance,
            "currency": currency,
            "is_active": True,
            "bank_link_status": "active",
            "bank_link_id": _stable(owner, "bank-link"),
            "business_id": owner,
            "business_name": business,
            "provider": "sandbox",
            "mapped_account": "1000",
            "created_at": now,
            "updated_at": now,
        }
        _add(self, store, owner, account_id, given)
        return
    today = store.now().date()
    for days, description, cents in SEEDED_TRANSACTIONS:
        record_id = _stable(owner, f"bank-transaction-{days}")
        given = {
            "id": record_id,
            "date": (today - timedelta(days=days)).isoformat(),
            "amount": abs(cents),
            "display_amount": f"{currency} {abs(cents) / 100:,.2f}",
            "signed_amount": cents,
            "direction": "credit" if cents > 0 else "debit",
            "currency": currency,
            "counterparty_name": None,
            "merchant_name": None,
            "description": description,
            "categorization_status": "uncategorized",
            "transaction_type": "deposit" if cents > 0 else "payment",
            "subcategory": None,
            "business_id": owner,
            "business_name": business,
            "account_id": None,
            "account_code": None,
            "account_name": None,
            "bank_account_connection_id": account_id,
            "bank_account_name": "Sandbox current account",
            "bank_account_mask": "0001",
            "bank_account_currency": currency,
            "is_reconciled": False,
            "reconciled_at": None,
            "reconciled_amount_cents": 0,
            "remaining_amount_cents": abs(cents),
            "reconciliations": [],
            "created_at": now,
        }
        _add(self, store, owner, record_id, given)


def _add(self: Resource, store: Store, owner: str, record_id: str, given: dict[str, Any]) -> None:
    data = fill(self.contract, self.schema or {}, given, {"id": record_id}, store.now())
    if "business_id" in data:
        data["business_id"] = owner
    self.table(store).add(
        Record(id=record_id, business_id=owner, external_id=None, data=data, created_at=store.now())
    )


class _Seeded(Resource):
    """A read-only resource whose records are seeded for a business on its first read."""

    def records(self, call: Call) -> list[Any]:
        _seed(self, call)
        return super().records(call)

    def find(self, call: Call, raw_id: str) -> Any | None:
        _seed(self, call)
        return super().find(call, raw_id)


class BankAccounts(_Seeded):
    """The seeded bank account (see the module)."""

    name = "bank_accounts"


class BankTransactions(_Seeded):
    """The seeded bank transactions (see the module)."""

    name = "bank_transactions"

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        fields = ("direction", "currency", "transaction_type", "categorization_status")
        since, until = params.get("date_from"), params.get("date_to")
        least, most = params.get("amount_min"), params.get("amount_max")
        search, reconciled = params.get("search"), params.get("is_reconciled")

        def one_of(value: Any, wanted: Any) -> bool:
            return wanted is None or value in (wanted if isinstance(wanted, set) else {wanted})

        def keep(record: Record) -> bool:
            d = record.data
            return (
                all(one_of(d.get(name), params.get(name)) for name in fields)
                and (since is None or d["date"] >= str(since)[:10])
                and (until is None or d["date"] <= str(until)[:10])
                and (least is None or d["amount"] >= least)
                and (most is None or d["amount"] <= most)
                and (search is None or str(search).lower() in (d.get("description") or "").lower())
                and (reconciled is None or d["is_reconciled"] == reconciled)
            )

        return keep
