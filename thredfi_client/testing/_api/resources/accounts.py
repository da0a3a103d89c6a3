"""The chart of accounts (list_chart_of_accounts, create_account, get_account_detail,
get_chart_of_accounts_hierarchy, create_child_account; API-NOTES "General ledger"), served
from the business's books (``_books``): the standard chart every business opens with
(docs/sandbox.md), and the accounts callers add.

* ``current_balance`` is the account's balance over the whole journal, on its normal side
  (positive when normal); ``debit_balance``/``credit_balance`` put it on its side (the trial
  balance), ``total_debits``/``total_credits`` sum its lines. ``period_balance`` is over the
  period a list names (``fiscal_year``: a calendar year; ``period_year`` and
  ``period_month``: a month), else null.
* An account is found by its UUID, its code or its ``external_id`` (the get page); so is the
  parent a create names (``parent_id``) and the one a child is created under.
* A create replays by ``external_id`` (the engine: 200 with the account); a code already in
  the chart is a 400. A child takes its parent's type and subtype.
* The list filters by ``account_type``, ``parent_id``, ``search`` (code or name) and, with
  ``include_zero_balance`` false, hides accounts with a zero balance; ``group_by=type`` orders
  it by type, else by code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..._books import (
    Account,
    Books,
    account_balances,
    accounts,
    add_account,
    books_of,
    normal,
)
from ..._store import Store, Table, canonical_uuid, iso
from ..._validation import FieldErrors
from ..resource import Call, Resource, fill

__all__ = ["AccountChildren", "AccountHierarchy", "Accounts", "find_account"]

_TYPE_ORDER = ("asset", "liability", "equity", "revenue", "expense")
_EXTRA = ("institution_name", "iban", "sort_code", "account_number_mask")


def find_account(store: Store, business_id: str, raw: str) -> Account | None:
    """The business's account with this UUID, code or external id."""
    books_of(store, business_id)
    table = accounts(store)
    if canonical_uuid(raw) and (found := table.get(raw, business_id)) is not None:
        return found
    mine = table.of(business_id)
    return next((a for a in mine if a.code == raw), None) or next(
        (a for a in mine if a.external_id == raw), None
    )


def _level(store: Store, account: Account) -> int:
    level, parent_id = 0, account.parent_id
    while parent_id is not None and (parent := accounts(store).get(parent_id)) is not None:
        level, parent_id = level + 1, parent.parent_id
    return level


def render_account(
    store: Store, account: Account, books: Books, period: tuple[date, date] | None = None
) -> dict[str, Any]:
    """An account as the API answers it (every field of AccountDetail)."""
    balance = account_balances(store, books).get(account.id, 0)
    shown = normal(account, balance)
    lines = [
        (entry, line)
        for entry in books.entries
        for line in entry.lines
        if line.account_id == account.id
    ]
    parent = accounts(store).get(account.parent_id) if account.parent_id else None
    children = [a for a in accounts(store).of(account.business_id) if a.parent_id == account.id]
    in_period = None
    if period is not None:
        signed = account_balances(store, books, since=period[0], until=period[1])
        in_period = normal(account, signed.get(account.id, 0))
    money = f"{store.settings.currency} {shown / 100:,.2f}"
    last = lines[-1][0] if lines else None
    return {
        "id": account.id,
        "code": account.code,
        "name": account.name,
        "currency": store.settings.currency,
        "account_type": account.type,
        "account_type_display": account.type.capitalize(),
        "account_subtype": account.subtype or None,
        "account_subtype_display": account.subtype.replace("_", " ").capitalize() or None,
        "parent_account_code": parent.code if parent else None,
        "current_balance": shown,
        "current_balance_formatted": money,
        "debit_balance": max(balance, 0),
        "credit_balance": max(-balance, 0),
        "period_balance": in_period,
        "period_balance_formatted": None
        if in_period is None
        else f"{store.settings.currency} {in_period / 100:,.2f}",
        "has_children": bool(children),
        "hierarchy_level": _level(store, account),
        "is_active": account.is_active,
        "description": account.description,
        **{name: account.extra.get(name) for name in _EXTRA},
        "total_debits": sum(line.debit for _, line in lines),
        "total_credits": sum(line.credit for _, line in lines),
        "last_entry_date": iso(last.created_at) if last else None,
        "last_entry_reference": last.number if last else None,
        "sub_accounts": [{"id": a.id, "code": a.code, "name": a.name} for a in children],
    }


class Accounts(Resource):
    """The chart of accounts (see the module)."""

    name = "accounts"
    #: The period the list being answered names (set by :meth:`matches`, read by
    #: :meth:`render` in the same request: the engine does not await between them).
    _period: tuple[date, date] | None = None

    def table(self, store: Store) -> Table[Any]:
        return accounts(store)

    @staticmethod
    def _books(call: Call) -> Books:
        assert call.books is not None
        return call.books()

    def find(self, call: Call, raw_id: str) -> Any | None:
        self._books(call)
        self._period = None
        return find_account(call.store, call.owner, raw_id)

    def records(self, call: Call) -> list[Any]:
        self._books(call)
        return accounts(call.store).of(call.owner)

    def by_external_id(self, call: Call, external_id: str) -> Any | None:
        return accounts(call.store).by_external_id(call.owner, external_id)

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        shown = render_account(
            store, record, books_of(store, record.business_id), self._period if listing else None
        )
        return fill(self.contract, self.schema or {}, shown, {"id": record.id}, store.now())

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        cleaned, errors = super().clean(call, body)
        if errors or call.op.kind != "create":
            return cleaned, errors
        code = str(cleaned["code"])
        if not code.strip():
            errors["code"] = ["This field may not be blank."]
        elif find_account(call.store, call.owner, code) is not None:
            external_id = cleaned.get("external_id")
            replay = isinstance(external_id, str) and accounts(call.store).by_external_id(
                call.owner, external_id
            )
            if not replay:  # a replay by external_id is answered by the engine
                errors["code"] = ["An account with this code is already in the chart."]
        parent_ref = cleaned.get("parent_id")
        if isinstance(parent_ref, str) and find_account(call.store, call.owner, parent_ref) is None:
            errors["parent_id"] = ["No account with this id, code or external id."]
        return cleaned, errors

    def create(self, call: Call, cleaned: dict[str, Any]) -> Account:
        parent_ref = cleaned.get("parent_id")
        parent = find_account(call.store, call.owner, parent_ref) if parent_ref else None
        return self._add(call, cleaned, parent)

    @staticmethod
    def _add(call: Call, cleaned: dict[str, Any], parent: Account | None) -> Account:
        kind = parent.type if parent else cleaned["account_type"]
        subtype = parent.subtype if parent else cleaned.get("account_subtype") or ""
        external_id = cleaned.get("external_id")
        account = add_account(
            call.store,
            call.owner,
            code=str(cleaned["code"]),
            name=str(cleaned["name"]),
            kind=kind,
            subtype=subtype,
            external_id=external_id if isinstance(external_id, str) else None,
            parent_id=parent.id if parent else None,
            description=cleaned.get("description"),
        )
        account.cash = bool(cleaned.get("is_cash_account")) or bool(parent and parent.cash)
        account.extra = {name: cleaned[name] for name in _EXTRA if name in cleaned}
        return account

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        self._period = _period(params)
        kinds, parent_ref = params.get("account_type"), params.get("parent_id")
        search, zero = params.get("search"), params.get("include_zero_balance")
        balances = account_balances(call.store, self._books(call))
        parent = find_account(call.store, call.owner, str(parent_ref)) if parent_ref else None

        def keep(account: Account) -> bool:
            wanted = kinds if isinstance(kinds, set) else {kinds}
            text = f"{account.code} {account.name}".lower()
            return (
                (kinds is None or account.type in {str(k).lower() for k in wanted})
                and (parent_ref is None or (parent is not None and account.parent_id == parent.id))
                and (search is None or str(search).lower() in text)
                and (zero is not False or balances.get(account.id, 0) != 0)
            )

        return keep

    def order(self, call: Call, params: dict[str, Any], records: list[Any]) -> list[Any]:
        if params.get("group_by") in ("type", {"type"}):  # an enum's value comes as a set
            return sorted(records, key=lambda a: (_TYPE_ORDER.index(a.type), a.code))
        return sorted(records, key=lambda a: a.code)


def _period(params: dict[str, Any]) -> tuple[date, date] | None:
    year, month = params.get("period_year"), params.get("period_month")
    if isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12 and year >= 1:
        end = date(year + month // 12, month % 12 + 1, 1) if year < 9999 or month < 12 else None
        last = date.fromordinal(end.toordinal() - 1) if end else date(9999, 12, 31)
        return date(year, month, 1), last
    fiscal = params.get("fiscal_year")
    if isinstance(fiscal, int) and 1 <= fiscal <= 9999:
        return date(fiscal, 1, 1), date(fiscal, 12, 31)
    return None


class AccountChildren(Accounts):
    """``POST .../chart-of-accounts/{account_id}/children/``: an account under another."""

    def create(self, call: Call, cleaned: dict[str, Any]) -> Account:
        parent = find_account(call.store, call.owner, call.parents["account_id"])
        return self._add(call, cleaned, parent)


class AccountHierarchy(Resource):
    """``GET .../chart-of-accounts/hierarchy/``: the chart as a tree, children under parents."""

    def read(self, call: Call, params: dict[str, Any]) -> Any:
        assert call.books is not None
        books, store = call.books(), call.store
        balances = account_balances(store, books)
        mine = sorted(accounts(store).of(call.owner), key=lambda a: a.code)

        def node(account: Account, level: int) -> dict[str, Any]:
            return {
                "id": account.id,
                "code": account.code,
                "name": account.name,
                "account_type": account.type,
                "account_subtype": account.subtype or None,
                "current_balance": normal(account, balances.get(account.id, 0)),
                "hierarchy_level": level,
                "children": [node(a, level + 1) for a in mine if a.parent_id == account.id],
            }

        roots = [node(a, 0) for a in mine if a.parent_id is None]
        return {"hierarchy": roots, "total_accounts": len(mine)}
