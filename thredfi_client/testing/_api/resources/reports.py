"""Reports and insights (get_profit_and_loss, get_balance_sheet, get_cash_flow_statement,
get_financial_summary, get_ar_aging, get_ap_aging; API-NOTES "Reports"), computed from the
business's books (``_books``; docs/sandbox.md): profit and loss, balance sheet and cash flow
from the journal; AR and AP aging from the open invoices' and bills' balances; the financial
summary from the journal, by period. Each answers the report object (the contract allows it
or a one-element array around it).

Periods: ``start_date``/``end_date`` (none: from the first entry to today), ``as_of_date``
(none: today). A detailed report lists its sections' accounts; a summary one only the totals.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..._books import (
    AgingItem,
    Books,
    Section,
    aging,
    balance_sheet,
    cash_flow,
    profit_and_loss,
)
from ..._store import Store
from ..resource import Call, Resource
from .bills import Bill, bills, vendor_name
from .customers import customers
from .invoices import Invoice, invoices

__all__ = ["ApAging", "ArAging", "BalanceSheet", "CashFlow", "FinancialSummary", "ProfitAndLoss"]

_TITLES = {
    "revenue": "Revenue",
    "other_operating_income": "Other operating income",
    "direct_costs": "Direct costs",
    "operating_expenses": "Operating expenses",
    "finance_income": "Finance income",
    "finance_costs": "Finance costs",
    "income_tax": "Income tax",
    "non_current_assets": "Non-current assets",
    "current_assets": "Current assets",
    "current_liabilities": "Current liabilities",
    "non_current_liabilities": "Non-current liabilities",
    "equity": "Equity",
    "working_capital_changes": "Working capital changes",
    "non_cash_adjustments": "Non-cash adjustments",
    "investing_activities": "Investing activities",
    "financing_activities": "Financing activities",
}


def _day(value: Any) -> date | None:
    if value is None:
        return None
    day: date = value.date() if hasattr(value, "date") and callable(value.date) else value
    return day


def _one(value: Any) -> Any:
    """A query parameter's single value (the engine gives an enum's as a set of one)."""
    return next(iter(value), None) if isinstance(value, set) else value


def _section(name: str, rows: list[tuple[Any, int]], total: int, detailed: bool) -> dict[str, Any]:
    items = [
        {
            "account_id": a.id,
            "account_code": a.code,
            "account_name": a.name,
            "value_cents": cents,
        }
        for a, cents in rows
    ]
    return {
        "display_name": _TITLES[name],
        "total_cents": total,
        "line_items": items if detailed else [],
    }


def _of(section: Section, name: str, detailed: bool) -> dict[str, Any]:
    return _section(name, section.accounts, section.total, detailed)


class _Report(Resource):
    """A report: its figures (:meth:`figures`) under the fields every report has."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def read(self, call: Call, params: dict[str, Any]) -> Any:
        assert call.books is not None
        books = call.books()
        detail = _one(params.get("detail_level"))
        return {
            "business_id": call.owner,
            "currency": call.store.settings.currency,
            **({"detail_level": detail or "summary"} if "detail_level" in call.op.query else {}),
            **self.figures(call, books, params),
        }


def _range(call: Call, books: Books, params: dict[str, Any]) -> tuple[date, date]:
    today = call.store.now().date()
    first = min((e.date for e in books.entries), default=today)
    since = _day(params.get("start_date")) or min(first, today)
    return since, _day(params.get("end_date")) or max(today, since)


def _detailed(params: dict[str, Any]) -> bool:
    return bool(_one(params.get("detail_level")) == "detailed")


class ProfitAndLoss(_Report):
    """Revenue less expenses over the period's entries."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        since, until = _range(call, books, params)
        pnl = profit_and_loss(call.store, books, since, until)
        detailed = _detailed(params)
        return {
            "start_date": since.isoformat(),
            "end_date": until.isoformat(),
            "summary": {
                "net_revenue_cents": pnl.total("revenue"),
                "total_operating_income_cents": pnl.operating_income,
                "gross_profit_cents": pnl.gross_profit,
                "total_operating_expenses_cents": pnl.total("operating_expenses"),
                "operating_profit_cents": pnl.operating_profit,
                "profit_before_tax_cents": pnl.profit_before_tax,
                "net_profit_cents": pnl.net_profit,
            },
            **{name: _of(s, name, detailed) for name, s in pnl.sections.items()},
        }


class BalanceSheet(_Report):
    """Assets, liabilities and equity (with the current earnings) at a date."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        as_of = _day(params.get("as_of_date")) or call.store.now().date()
        sheet = balance_sheet(call.store, books, as_of)
        detailed = _detailed(params)
        sections = {name: _of(s, name, detailed) for name, s in sheet.sections.items()}
        equity = sections["equity"]
        equity["total_cents"] = sheet.equity
        if detailed:
            equity["line_items"].append(
                {
                    "account_code": "",
                    "account_name": "Current earnings",
                    "value_cents": sheet.current_earnings,
                }
            )
        return {
            "as_of_date": as_of.isoformat(),
            "summary": {
                "total_assets_cents": sheet.assets,
                "total_non_current_assets_cents": sheet.total("non_current_assets"),
                "total_current_assets_cents": sheet.total("current_assets"),
                "total_liabilities_cents": sheet.liabilities,
                "total_current_liabilities_cents": sheet.total("current_liabilities"),
                "total_non_current_liabilities_cents": sheet.total("non_current_liabilities"),
                "total_equity_cents": sheet.equity,
                "net_assets_cents": sheet.assets - sheet.liabilities,
            },
            **sections,
        }


class CashFlow(_Report):
    """The change of cash over the period, from the net profit (the indirect method)."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        since, until = _range(call, books, params)
        flow = cash_flow(call.store, books, since, until)
        detailed = _detailed(params)
        investing = sum(c for _, c in flow.investing)
        financing = sum(c for _, c in flow.financing)
        working = sum(c for _, c in flow.working_capital)
        calculated = flow.opening + flow.net_change
        return {
            "start_date": since.isoformat(),
            "end_date": until.isoformat(),
            "summary": {
                "net_cash_from_operating_cents": flow.operating,
                "net_cash_from_investing_cents": investing,
                "net_cash_from_financing_cents": financing,
                "net_change_in_cash_cents": flow.net_change,
                "opening_cash_cents": flow.opening,
                "closing_cash_cents": flow.closing,
            },
            "cash_reconciliation": {
                "opening_cash_cents": flow.opening,
                "net_change_cents": flow.net_change,
                "calculated_closing_cents": calculated,
                "actual_closing_cents": flow.closing,
                "reconciles": calculated == flow.closing,
            },
            "operating_activities": {
                "net_profit_cents": flow.net_profit,
                "non_cash_adjustments": _section("non_cash_adjustments", [], 0, detailed),
                "working_capital_changes": _section(
                    "working_capital_changes", flow.working_capital, working, detailed
                ),
            },
            "investing_activities": _section(
                "investing_activities", flow.investing, investing, detailed
            ),
            "financing_activities": _section(
                "financing_activities", flow.financing, financing, detailed
            ),
        }


def _periods(since: date, until: date, granularity: str) -> list[tuple[date, date]]:
    """The calendar months, quarters or years from ``since`` to ``until`` (cut to them)."""
    step = {"monthly": 1, "quarterly": 3, "yearly": 12}.get(granularity, 1)
    out: list[tuple[date, date]] = []
    month = (since.month - 1) // step * step + 1
    start = date(since.year, month, 1)
    while start <= until and len(out) < 240:
        index = start.year * 12 + start.month - 1 + step
        following = date(index // 12, index % 12 + 1, 1) if index // 12 <= 9999 else None
        end = following - timedelta(days=1) if following else date(9999, 12, 31)
        out.append((max(start, since), min(end, until)))
        if following is None:
            break
        start = following
    return out


class FinancialSummary(_Report):
    """The period's revenue, expenses and net profit, in all and by month, quarter or year."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        since, until = _range(call, books, params)
        granularity = _one(params.get("granularity")) or "monthly"
        pnl = profit_and_loss(call.store, books, since, until)
        trends = []
        for start, end in _periods(since, until, granularity):
            part = profit_and_loss(call.store, books, start, end)
            trends.append(
                {
                    "period_start": start.isoformat(),
                    "period_end": end.isoformat(),
                    "revenue_cents": part.revenue,
                    "expenses_cents": part.expenses,
                    "net_profit_cents": part.net_profit,
                }
            )
        return {
            "start_date": since.isoformat(),
            "end_date": until.isoformat(),
            "granularity": granularity,
            "summary": {
                "total_revenue_cents": pnl.revenue,
                "total_expenses_cents": pnl.expenses,
                "net_profit_cents": pnl.net_profit,
            },
            "trends": trends,
        }


def _invoice_items(store: Store, business_id: str) -> list[AgingItem]:
    out = []
    for record in invoices(store).of(business_id):
        invoice: Invoice = record
        if invoice.cancelled:
            continue
        customer = customers(store).get(invoice.customer_id)
        name = ""
        if customer is not None:
            name = customer.fields["company_name"] or customer.fields["individual_name"] or ""
        d = invoice.data
        item = AgingItem(
            invoice.customer_id,
            name,
            d["invoice_number"],
            d["due_at"].date(),
            d["outstanding_balance"],
        )
        out.append(item)
    return out


def _bill_items(store: Store, business_id: str) -> list[AgingItem]:
    out = []
    for record in bills(store).of(business_id):
        bill: Bill = record
        name = vendor_name(store, bill.vendor_id)
        reference = bill.data["bill_number"] or bill.id
        out.append(
            AgingItem(
                bill.vendor_id,
                name,
                reference,
                bill.due_at.date(),
                bill.data["outstanding_balance"],
            )
        )
    return out


def _aging(
    call: Call, params: dict[str, Any], items: list[AgingItem], party: str
) -> dict[str, Any]:
    as_of = _day(params.get("as_of_date")) or call.store.now().date()
    group_by = _one(params.get("group_by")) or party
    buckets = aging(items, as_of)
    totals = {name: total for name, _, total in buckets}
    parties: dict[str, dict[str, Any]] = {}
    for name, mine, _ in buckets:
        for item in mine:
            row = parties.setdefault(
                item.party_id,
                {
                    f"{party}_id": item.party_id,
                    f"{party}_name": item.party_name,
                    "total_outstanding_cents": 0,
                    "aging_buckets": dict.fromkeys(totals, 0),
                },
            )
            row["aging_buckets"][name] += item.open_cents
            row["total_outstanding_cents"] += item.open_cents
    shown: dict[str, Any] = {
        "as_of_date": as_of.isoformat(),
        "group_by": group_by,
        "total_outstanding_cents": sum(totals.values()),
        "total_aging_buckets": totals,
    }
    if group_by == party:
        shown[f"{party}s"] = list(parties.values())
    return shown


class ArAging(_Report):
    """Open invoices' balances by days past due (docs/sandbox.md)."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        return _aging(call, params, _invoice_items(call.store, call.owner), "customer")


class ApAging(_Report):
    """Open bills' balances by days past due (docs/sandbox.md)."""

    def figures(self, call: Call, books: Books, params: dict[str, Any]) -> dict[str, Any]:
        return _aging(call, params, _bill_items(call.store, call.owner), "vendor")
