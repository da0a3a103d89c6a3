"""The sandbox's books: each business's chart of accounts and journal, and what is read from them.

Nothing here knows HTTP or any resource: a resource's hook module (``_api/resources/``) says what
one of its records means in the books as a :class:`Document` (the net debits and credits it
should have put on each account, by the posting rules of ``docs/sandbox.md``), and :func:`sync`
posts journal entries until the journal says the same: the first posting of a document, then an
entry for each change (an update's difference, a void's or cancel's reversal), and a reversal of
everything a document posted once the document is gone (a deleted refund). Entries are never
changed or removed, so the journal is the history, and every figure (account balances, trial
balance, profit and loss, balance sheet, cash flow) is a sum over it. Aging is the one figure
not read from the journal: it buckets the open documents' balances by due date.

An entry after a document's first is dated today, or the first entry's date when that is
later (a scheduled payment cancelled before its date): a report at any date then shows both or
neither. A business's books open with :data:`STANDARD_CHART` the first time they are read.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from ._store import Store, Table

__all__ = [
    "AP",
    "AR",
    "CASH",
    "COGS",
    "CUSTOMER_CREDITS",
    "EQUITY",
    "EXPENSES",
    "FEES",
    "RETAINED_EARNINGS",
    "REVENUE",
    "STANDARD_CHART",
    "TAX",
    "VENDOR_CREDITS",
    "Account",
    "AgingItem",
    "Books",
    "Document",
    "EntryLine",
    "JournalEntry",
    "account_balances",
    "add_account",
    "aging",
    "balance_sheet",
    "books_of",
    "cash_flow",
    "profit_and_loss",
    "sync",
    "trial_balance",
]

AccountType = Literal["asset", "liability", "equity", "revenue", "expense"]

CASH = "1000"
AR = "1100"
VENDOR_CREDITS = "1300"
AP = "2000"
TAX = "2100"
CUSTOMER_CREDITS = "2200"
EQUITY = "3000"
RETAINED_EARNINGS = "3100"
REVENUE = "4000"
COGS = "5000"
EXPENSES = "6000"
FEES = "6100"

#: ``(code, name, type, subtype)`` of the accounts every business starts with; the subtypes are
#: the contract's (``CreateAccountRequest.account_subtype``), which the reports' sections follow.
STANDARD_CHART: tuple[tuple[str, str, AccountType, str], ...] = (
    (CASH, "Cash and bank", "asset", "current_assets"),
    (AR, "Accounts receivable", "asset", "current_assets"),
    (VENDOR_CREDITS, "Vendor credits and prepayments", "asset", "current_assets"),
    (AP, "Accounts payable", "liability", "current_liabilities"),
    (TAX, "Sales tax payable", "liability", "current_liabilities"),
    (
        CUSTOMER_CREDITS,
        "Customer credits and unapplied payments",
        "liability",
        "current_liabilities",
    ),
    (EQUITY, "Owner's equity", "equity", "share_capital"),
    (RETAINED_EARNINGS, "Retained earnings", "equity", "retained_earnings"),
    (REVENUE, "Sales revenue", "revenue", "revenue"),
    (COGS, "Cost of goods sold", "expense", "direct_costs"),
    (EXPENSES, "Operating expenses", "expense", "operating_expenses"),
    (FEES, "Payment processing fees", "expense", "operating_expenses"),
)

#: Accounts whose balance is normally a debit; the others' normally a credit.
DEBIT_NORMAL: frozenset[str] = frozenset({"asset", "expense"})


@dataclass(kw_only=True)
class Account:
    """An account of a business's chart."""

    id: str
    business_id: str
    external_id: str | None
    code: str
    name: str
    type: AccountType
    subtype: str
    created_at: datetime
    parent_id: str | None = None
    description: str | None = None
    is_active: bool = True
    #: One of :data:`STANDARD_CHART` (the posting rules' accounts), not one a caller made.
    system: bool = False
    #: Money in the bank or at hand: the cash flow report follows these accounts.
    cash: bool = False
    #: What a caller sent that only the account's answers show (iban, sort code...).
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def normal_balance(self) -> Literal["debit", "credit"]:
        return "debit" if self.type in DEBIT_NORMAL else "credit"


@dataclass(frozen=True)
class EntryLine:
    """One line of a journal entry: a debit or a credit (the other is 0) to an account."""

    account_id: str
    code: str
    debit: int
    credit: int


@dataclass(kw_only=True)
class JournalEntry:
    """A posted journal entry; its lines' debits equal its credits."""

    id: str
    business_id: str
    number: str
    date: date
    #: What posted it: ``invoice.created``, ``invoice.voided``, ``refund.deleted``, ...
    event: str
    source_type: str
    source_id: str
    #: How a reader knows the document (``INV-000001``).
    reference: str
    description: str
    lines: list[EntryLine]
    created_at: datetime
    external_id: str | None = None


@dataclass(frozen=True)
class Document:
    """What a record means in the books now, as its hook module's posting rule says.

    Attributes:
        source_type: The kind of record (``invoice``, ``bill_payment``...), in entry events.
        source_id: The record's id.
        reference: How a reader knows it (``INV-000001``), in entry descriptions.
        on: The date of its first posting (the document's own date).
        lines: Net cents by account code, a debit positive and a credit negative; they sum to 0.
        state: ``open``, or the word for what ended it (``voided``, ``cancelled``): a change to
            it names the entry that follows (``invoice.voided``).
    """

    source_type: str
    source_id: str
    reference: str
    on: date
    lines: dict[str, int]
    state: str = "open"


@dataclass(kw_only=True)
class Books:
    """A business's journal, and what each document has posted so far."""

    id: str  # the business's id (one per business)
    business_id: str
    external_id: str | None = None
    entries: list[JournalEntry] = field(default_factory=list)
    #: (source type, source id) -> net cents posted by account code.
    posted: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    #: (source type, source id) -> the document's state when it last posted.
    states: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (source type, source id) -> the date of its first entry.
    opened: dict[tuple[str, str], date] = field(default_factory=dict)


def _books_table(store: Store) -> Table[Books]:
    return store.table("_books/journal")


def accounts(store: Store) -> Table[Account]:
    """The accounts of every business."""
    return store.table("_books/accounts")


def books_of(store: Store, business_id: str) -> Books:
    """A business's books; opened with the standard chart the first time."""
    table = _books_table(store)
    books = table.get(business_id)
    if books is None:
        books = table.add(Books(id=business_id, business_id=business_id))
        for code, name, kind, subtype in STANDARD_CHART:
            add_account(store, business_id, code=code, name=name, kind=kind, subtype=subtype)
        for account in accounts(store).of(business_id):
            account.system = True
            account.cash = account.code == CASH
    return books


def add_account(
    store: Store,
    business_id: str,
    *,
    code: str,
    name: str,
    kind: AccountType,
    subtype: str = "",
    external_id: str | None = None,
    parent_id: str | None = None,
    description: str | None = None,
) -> Account:
    """A new account of the business's chart."""
    return accounts(store).add(
        Account(
            id=str(uuid.uuid4()),
            business_id=business_id,
            external_id=external_id,
            code=code,
            name=name,
            type=kind,
            subtype=subtype,
            parent_id=parent_id,
            description=description,
            created_at=store.now(),
        )
    )


def account_by_code(store: Store, business_id: str, code: str) -> Account | None:
    """The business's account with this code."""
    return next((a for a in accounts(store).of(business_id) if a.code == code), None)


def sync(store: Store, business_id: str, documents: Iterable[Document]) -> Books:
    """Post what the documents say and the journal does not yet (see the module)."""
    books = books_of(store, business_id)
    today = store.now().date()
    seen: set[tuple[str, str]] = set()
    for doc in documents:
        if sum(doc.lines.values()) != 0:
            raise AssertionError(f"unbalanced posting rule for {doc.source_type}: {doc.lines}")
        key = (doc.source_type, doc.source_id)
        seen.add(key)
        before = books.posted.get(key)
        change = _difference(doc.lines, before or {})
        if change:
            if before is None:
                event, on = "created", doc.on
                books.opened[key] = on
            else:
                event = doc.state if doc.state != books.states.get(key) else "updated"
                on = max(today, books.opened[key])
            _post(store, books, key, doc.reference, f"{doc.source_type}.{event}", on, change)
        books.states[key] = doc.state
    for key in [k for k in books.posted if k not in seen]:
        change = _difference({}, books.posted[key])
        if change:
            on = max(today, books.opened[key])
            _post(store, books, key, key[1], f"{key[0]}.deleted", on, change)
        del books.posted[key]
        books.states.pop(key, None)
    return books


def _difference(wanted: dict[str, int], posted: dict[str, int]) -> dict[str, int]:
    codes = sorted(set(wanted) | set(posted))
    change = {code: wanted.get(code, 0) - posted.get(code, 0) for code in codes}
    return {code: cents for code, cents in change.items() if cents}


def _post(
    store: Store,
    books: Books,
    key: tuple[str, str],
    reference: str,
    event: str,
    on: date,
    change: dict[str, int],
) -> None:
    lines = []
    for code, cents in change.items():
        account = account_by_code(store, books.business_id, code)
        assert account is not None, f"posting rule names no account of the chart: {code}"
        lines.append(EntryLine(account.id, code, max(cents, 0), max(-cents, 0)))
    books.entries.append(
        JournalEntry(
            id=str(uuid.uuid4()),
            business_id=books.business_id,
            number=f"JE-{len(books.entries) + 1:06d}",
            date=on,
            event=event,
            source_type=key[0],
            source_id=key[1],
            reference=reference,
            description=f"{event.replace('_', ' ').replace('.', ' ')}: {reference}",
            lines=lines,
            created_at=store.now(),
        )
    )
    posted = books.posted.setdefault(key, {})
    for code, cents in change.items():
        posted[code] = posted.get(code, 0) + cents


# -- what is read from the journal -------------------------------------------------------------


def _within(entry: JournalEntry, since: date | None, until: date | None) -> bool:
    return (since is None or entry.date >= since) and (until is None or entry.date <= until)


def account_balances(
    store: Store, books: Books, *, since: date | None = None, until: date | None = None
) -> dict[str, int]:
    """Net cents by account id (a debit positive), over the entries dated in the range."""
    out = {a.id: 0 for a in accounts(store).of(books.business_id)}
    for entry in books.entries:
        if _within(entry, since, until):
            for line in entry.lines:
                out[line.account_id] = out.get(line.account_id, 0) + line.debit - line.credit
    return out


def normal(account: Account, signed: int) -> int:
    """A signed balance (a debit positive) as the account shows it: positive when normal."""
    return signed if account.normal_balance == "debit" else -signed


def trial_balance(
    store: Store, books: Books, until: date | None = None
) -> list[tuple[Account, int, int]]:
    """``(account, debit, credit)`` for every account: its balance on its side."""
    balances = account_balances(store, books, until=until)
    out = []
    for account in accounts(store).of(books.business_id):
        signed = balances.get(account.id, 0)
        out.append((account, max(signed, 0), max(-signed, 0)))
    return out


#: The profit and loss report's sections, by account type (an account's subtype names its
#: section when it is one of its type's; else the first).
PNL_SECTIONS: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue", "other_operating_income", "finance_income"),
    "expense": ("operating_expenses", "direct_costs", "finance_costs", "income_tax"),
}
#: The balance sheet's sections, by account type (as :data:`PNL_SECTIONS`).
BS_SECTIONS: dict[str, tuple[str, ...]] = {
    "asset": ("current_assets", "non_current_assets"),
    "liability": ("current_liabilities", "non_current_liabilities"),
    "equity": ("equity",),
}


def section_of(account: Account) -> str:
    """The report section an account's balance shows in."""
    options = {**PNL_SECTIONS, **BS_SECTIONS}[account.type]
    return account.subtype if account.subtype in options else options[0]


@dataclass(frozen=True)
class Section:
    """A report section: its accounts' amounts (each shown on its normal side) and total."""

    accounts: list[tuple[Account, int]]
    total: int


def _sections(
    store: Store, books: Books, names: Iterable[str], balances: dict[str, int]
) -> dict[str, Section]:
    rows: dict[str, list[tuple[Account, int]]] = {name: [] for name in names}
    for account in sorted(accounts(store).of(books.business_id), key=lambda a: a.code):
        name = section_of(account)
        if name in rows:
            rows[name].append((account, normal(account, balances.get(account.id, 0))))
    return {name: Section(mine, sum(c for _, c in mine)) for name, mine in rows.items()}


@dataclass(frozen=True)
class ProfitAndLoss:
    """Revenue less expenses over a period, by section (see :data:`PNL_SECTIONS`)."""

    sections: dict[str, Section]

    def total(self, name: str) -> int:
        return self.sections[name].total

    @property
    def operating_income(self) -> int:
        return self.total("revenue") + self.total("other_operating_income")

    @property
    def gross_profit(self) -> int:
        return self.operating_income - self.total("direct_costs")

    @property
    def operating_profit(self) -> int:
        return self.gross_profit - self.total("operating_expenses")

    @property
    def profit_before_tax(self) -> int:
        return self.operating_profit + self.total("finance_income") - self.total("finance_costs")

    @property
    def net_profit(self) -> int:
        return self.profit_before_tax - self.total("income_tax")

    @property
    def revenue(self) -> int:
        """All revenue accounts."""
        return sum(self.total(n) for n in PNL_SECTIONS["revenue"])

    @property
    def expenses(self) -> int:
        """All expense accounts."""
        return sum(self.total(n) for n in PNL_SECTIONS["expense"])


def profit_and_loss(
    store: Store, books: Books, since: date | None, until: date | None
) -> ProfitAndLoss:
    """Revenue less expenses over the entries dated in the range."""
    balances = account_balances(store, books, since=since, until=until)
    names = [*PNL_SECTIONS["revenue"], *PNL_SECTIONS["expense"]]
    return ProfitAndLoss(_sections(store, books, names, balances))


@dataclass(frozen=True)
class BalanceSheet:
    """Assets, liabilities and equity at a date, by section (see :data:`BS_SECTIONS`)."""

    sections: dict[str, Section]
    #: Revenue less expenses of every entry up to the date (no year is closed in the sandbox).
    current_earnings: int

    def total(self, name: str) -> int:
        return self.sections[name].total

    @property
    def assets(self) -> int:
        return sum(self.total(n) for n in BS_SECTIONS["asset"])

    @property
    def liabilities(self) -> int:
        return sum(self.total(n) for n in BS_SECTIONS["liability"])

    @property
    def equity(self) -> int:
        """The equity accounts plus the current earnings."""
        return self.total("equity") + self.current_earnings


def balance_sheet(store: Store, books: Books, as_of: date | None) -> BalanceSheet:
    """Assets, liabilities and equity at the end of ``as_of`` (None: everything posted)."""
    balances = account_balances(store, books, until=as_of)
    names = [n for kind in BS_SECTIONS.values() for n in kind]
    earnings = profit_and_loss(store, books, None, as_of).net_profit
    return BalanceSheet(_sections(store, books, names, balances), earnings)


@dataclass(frozen=True)
class CashFlow:
    """The change of the cash accounts over a period, by the indirect method: the period's net
    profit, plus what every other balance sheet account's change freed or took up."""

    opening: int
    closing: int
    net_profit: int
    #: Current assets and liabilities other than cash (receivables, payables, tax, credits).
    working_capital: list[tuple[Account, int]]
    investing: list[tuple[Account, int]]
    financing: list[tuple[Account, int]]

    @property
    def operating(self) -> int:
        return self.net_profit + sum(c for _, c in self.working_capital)

    @property
    def net_change(self) -> int:
        return self.operating + sum(c for _, c in self.investing + self.financing)


def cash_flow(store: Store, books: Books, since: date | None, until: date | None) -> CashFlow:
    """The cash flow over the entries dated in the range (see :class:`CashFlow`)."""
    mine = sorted(accounts(store).of(books.business_id), key=lambda a: a.code)
    before: dict[str, int] = {}
    if since is not None and since > date.min:
        before = account_balances(store, books, until=since - timedelta(days=1))
    change = account_balances(store, books, since=since, until=until)
    cash = [a for a in mine if a.cash]
    opening = sum(before.get(a.id, 0) for a in cash)
    closing = opening + sum(change.get(a.id, 0) for a in cash)
    moved: dict[str, list[tuple[Account, int]]] = {"working": [], "investing": [], "financing": []}
    for account in mine:
        if account.cash or account.type in PNL_SECTIONS:
            continue
        freed = -change.get(account.id, 0)  # an asset that grew took cash; a liability gave it
        if account.type == "equity" or section_of(account) == "non_current_liabilities":
            moved["financing"].append((account, freed))
        elif section_of(account) == "non_current_assets":
            moved["investing"].append((account, freed))
        else:
            moved["working"].append((account, freed))
    net = profit_and_loss(store, books, since, until).net_profit
    return CashFlow(opening, closing, net, moved["working"], moved["investing"], moved["financing"])


@dataclass(frozen=True)
class AgingItem:
    """An open document: who owes (or is owed), what, and since when."""

    party_id: str
    party_name: str
    reference: str
    due: date
    open_cents: int


#: Aging buckets: (name, first day past due, last day past due or None).
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("current", -(10**6), 0),
    ("days_1_30", 1, 30),
    ("days_31_60", 31, 60),
    ("days_61_90", 61, 90),
    ("over_90_days", 91, None),
)


def aging(items: Iterable[AgingItem], as_of: date) -> list[tuple[str, list[AgingItem], int]]:
    """``(bucket, items, total)`` for every bucket of :data:`BUCKETS`, by days past due."""
    out = []
    listed = [i for i in items if i.open_cents]
    for name, first, last in BUCKETS:
        mine = [
            i
            for i in listed
            if (as_of - i.due).days >= first and (last is None or (as_of - i.due).days <= last)
        ]
        out.append((name, mine, sum(i.open_cents for i in mine)))
    return out
