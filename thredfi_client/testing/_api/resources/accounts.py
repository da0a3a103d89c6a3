"""The chart of accounts (list_accounts, create_account, get_account, account_hierarchy,
create_child_account; API-NOTES "General ledger"), served from the business's books
(``_books``): the standard chart every business opens with, and the accounts callers add.

* Each account carries its balance over the journal (``_books.account_balances``), shown on
  its normal side (positive when normal).
* An account is found by its UUID, its code, or its ``external_id`` (the get page).
* A create replays by ``external_id`` (200 with the account); a code already in the chart is a
  400; the parent is named by UUID, code or external id, and a child takes its parent's type.
* The list filters by ``account_type``, ``search`` (name or code) and hides accounts with no
  balance unless ``include_zero_balance`` is true or unset.
"""

from __future__ import annotations

from typing import Any

from ..._books import Account, Books, account_balances, accounts, add_account, books_of, normal
from ..._store import Store, Table, canonical_uuid, iso
from ..._validation import FieldErrors
from ..resource import Call, Resource, fill

__all__ = ["AccountChildren", "AccountHierarchy", "Accounts", "find_account"]

_TYPES = ("asset", "liability", "equity", "revenue", "expense")


def find_account(store: Store, business_id: str, raw: str) -> Account | None:
    """The business's account with this UUID, code or external id."""
    books_of(store, business_id)
    table = accounts(store)
    if canonical_uuid(raw):
        found = table.get(raw, business_id)
        if found is not None:
            return found
    mine = table.of(business_id)
    return next((a for a in mine if a.code == raw), None) or next(
        (a for a in mine if a.external_id == raw), None
    )


def render_account(store: Store, account: Account, balances: dict[str, int]) -> dict[str, Any]:
    """An account as the API answers it, before it is fitted to the contract's schema."""
    balance = normal(account, balances.get(account.id, 0))
    parent = accounts(store).get(account.parent_id) if account.parent_id else None
    return {
        "id": account.id,
        "code": account.code,
        "account_number": account.code,
        "name": account.name,
        "account_type": account.type,
        "type": account.type,
        "account_subtype": account.subtype,
        "subtype": account.subtype,
        "normal_balance": account.normal_balance,
        "balance": balance,
        "balance_cents": balance,
        "current_balance": balance,
        "parent_id": account.parent_id,
        "parent": account.parent_id,
        "parent_code": parent.code if parent else None,
        "external_id": account.external_id,
        "description": account.description,
        "is_active": account.is_active,
        "is_system": account.system,
        "currency": store.settings.currency,
        "created_at": iso(account.created_at),
        "updated_at": iso(account.created_at),
    }


class Accounts(Resource):
    """The chart of accounts (see the module)."""

    name = "accounts"

    def table(self, store: Store) -> Table[Any]:
        return accounts(store)

    def _books(self, call: Call) -> Books:
        assert call.books is not None
        return call.books()

    def find(self, call: Call, raw_id: str) -> Any | None:
        self._books(call)
        return find_account(call.store, call.owner, raw_id)

    def records(self, call: Call) -> list[Any]:
        self._books(call)
        return accounts(call.store).of(call.owner)

    def by_external_id(self, call: Call, external_id: str) -> Any | None:
        return accounts(call.store).by_external_id(call.owner, external_id)

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        balances = account_balances(store, books_of(store, record.business_id))
        shown = render_account(store, record, balances)
        return fill(self.contract, self.schema or {}, shown, {"id": record.id}, store.now())

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        cleaned, errors = super().clean(call, body)
        if errors or call.op.kind != "create":
            return cleaned, errors
        code = cleaned.get("code") or cleaned.get("account_number")
        if isinstance(code, str) and find_account(call.store, call.owner, code) is not None:
            errors["code"] = ["An account with this code is already in the chart."]
        return cleaned, errors

    def create(self, call: Call, cleaned: dict[str, Any]) -> Account:
        return self._add(call, cleaned, cleaned.get("parent") or cleaned.get("parent_id"))

    def _add(self, call: Call, cleaned: dict[str, Any], parent_ref: Any) -> Account:
        store, owner = call.store, call.owner
        parent = None
        if isinstance(parent_ref, str) and parent_ref:
            parent = find_account(store, owner, parent_ref)
            if parent is None:
                raise call.invalid({"parent": ["No account with this id, code or external id."]})
        kind = str(cleaned.get("account_type") or cleaned.get("type") or "").lower()
        if parent is not None:
            kind = parent.type
        if kind not in _TYPES:
            raise call.invalid({"account_type": [f"Must be one of {', '.join(_TYPES)}."]})
        code = cleaned.get("code") or cleaned.get("account_number")
        if not isinstance(code, str) or not code:
            taken = {a.code for a in accounts(store).of(owner)}
            base = int(parent.code) if parent and parent.code.isdigit() else 9000
            code = next(str(n) for n in range(base + 1, base + 10_000) if str(n) not in taken)
        external_id = cleaned.get("external_id")
        return add_account(
            store,
            owner,
            code=code,
            name=str(cleaned.get("name") or code),
            kind=kind,  # type: ignore[arg-type]
            subtype=str(cleaned.get("account_subtype") or cleaned.get("subtype") or ""),
            external_id=external_id if isinstance(external_id, str) else None,
            parent_id=parent.id if parent else None,
            description=cleaned.get("description"),
        )

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        for name in ("name", "description", "is_active"):
            if name in cleaned:
                setattr(record, name, cleaned[name])

    def delete(self, call: Call, record: Any) -> None:
        raise call.conflict("Accounts of the chart are not deleted; deactivate one instead.")

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        kinds = params.get("account_type")
        search = params.get("search")
        zero = params.get("include_zero_balance")
        balances = account_balances(call.store, self._books(call))

        def keep(account: Account) -> bool:
            wanted = kinds if isinstance(kinds, set) else {kinds}
            text = f"{account.code} {account.name}".lower()
            return (
                (kinds is None or account.type in {str(k).lower() for k in wanted})
                and (search is None or str(search).lower() in text)
                and (zero is not False or balances.get(account.id, 0) != 0)
            )

        return keep

    def order(self, call: Call, params: dict[str, Any], records: list[Any]) -> list[Any]:
        return sorted(records, key=lambda a: a.code)


class AccountChildren(Accounts):
    """``POST .../chart-of-accounts/{account_id}/children/``: an account under another."""

    def create(self, call: Call, cleaned: dict[str, Any]) -> Account:
        return self._add(call, cleaned, call.parents["account_id"])

    def find(self, call: Call, raw_id: str) -> Any | None:
        return find_account(call.store, call.owner, raw_id)


class AccountHierarchy(Resource):
    """``GET .../chart-of-accounts/hierarchy/``: the chart as a tree, children under parents."""

    def read(self, call: Call, params: dict[str, Any]) -> Any:
        assert call.books is not None
        books = call.books()
        store = call.store
        balances = account_balances(store, books)
        mine = sorted(accounts(store).of(call.owner), key=lambda a: a.code)

        def node(account: Account) -> dict[str, Any]:
            shown = render_account(store, account, balances)
            kids = [node(a) for a in mine if a.parent_id == account.id]
            shown.update(children=kids, level=0)
            return shown

        roots = [node(a) for a in mine if a.parent_id is None]
        given = {"hierarchy": roots, "total_accounts": len(mine)}
        return fill(self.contract, self.contract.item_schema(call.op) or {}, given, {}, store.now())
