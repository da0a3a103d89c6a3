"""Reports and insights, computed from the business's books (``_books``; docs/sandbox.md):
profit and loss, balance sheet and cash flow from the journal; AR and AP aging from the open
invoices and bills; the financial summary from both. Each answers the report object the
contract describes (where the contract allows a one-element array around it, the object).

Periods: ``start_date``/``end_date`` (none: every entry), ``as_of_date`` (or ``date``) for the
balance sheet and aging (balance sheet: every entry; aging: today).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..._books import (
    AgingItem,
    Section,
    aging,
    balance_sheet,
    cash_flow,
    profit_and_loss,
)
from ..._store import Store
from ..resource import Call, Resource, fill
from .bills import Bill, bills, vendor_name
from .invoices import Invoice, invoices

__all__ = ["ApAging", "ArAging", "BalanceSheet", "CashFlow", "FinancialSummary", "ProfitAndLoss"]


def _day(value: Any) -> date | None:
    if value is None:
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value  # type: ignore[no-any-return]


def _section(section: Section) -> dict[str, Any]:
    rows = [
        {
            "account_id": a.id,
            "id": a.id,
            "account_code": a.code,
            "code": a.code,
            "account_name": a.name,
            "name": a.name,
            "account_type": a.type,
            "amount": cents,
            "balance": cents,
        }
        for a, cents in section.accounts
    ]
    return {"accounts": rows, "line_items": rows, "items": rows, "total": section.total}


class _Report(Resource):
    """A report: :meth:`figures` computed, then fitted to the contract's response schema."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def read(self, call: Call, params: dict[str, Any]) -> Any:
        schema = self.contract.item_schema(call.op) or {}
        given = self.figures(call, params)
        given.setdefault("currency", call.store.settings.currency)
        given.setdefault("generated_at", call.store.now().isoformat().replace("+00:00", "Z"))
        if schema.get("type") == "array":
            item = self.contract.resolve(schema.get("items", {}))
            return [fill(self.contract, item, given, {}, call.store.now())]
        return fill(self.contract, schema, given, {}, call.store.now())


def _period(params: dict[str, Any]) -> tuple[date | None, date | None]:
    return _day(params.get("start_date")), _day(params.get("end_date"))


class ProfitAndLoss(_Report):
    """Revenue less expenses over the period's entries."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        assert call.books is not None
        since, until = _period(params)
        pnl = profit_and_loss(call.store, call.books(), since, until)
        return {
            "start_date": since.isoformat() if since else None,
            "end_date": until.isoformat() if until else None,
            "revenue": _section(pnl.revenue),
            "income": _section(pnl.revenue),
            "total_revenue": pnl.revenue.total,
            "total_income": pnl.revenue.total,
            "cost_of_goods_sold": _section(pnl.cost_of_sales),
            "cost_of_sales": _section(pnl.cost_of_sales),
            "total_cost_of_goods_sold": pnl.cost_of_sales.total,
            "gross_profit": pnl.gross_profit,
            "expenses": _section(pnl.expenses),
            "operating_expenses": _section(pnl.operating_expenses),
            "total_operating_expenses": pnl.operating_expenses.total,
            "total_expenses": pnl.expenses.total,
            "net_income": pnl.net_income,
            "net_profit": pnl.net_income,
        }


class BalanceSheet(_Report):
    """Assets, liabilities and equity at a date."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        assert call.books is not None
        as_of = _day(params.get("as_of_date") or params.get("date") or params.get("end_date"))
        sheet = balance_sheet(call.store, call.books(), as_of)
        equity = _section(sheet.equity)
        equity["accounts"].append(
            {
                "account_name": "Current earnings",
                "name": "Current earnings",
                "amount": sheet.current_earnings,
                "balance": sheet.current_earnings,
            }
        )
        equity["total"] = sheet.total_equity
        return {
            "as_of_date": (as_of or call.store.now().date()).isoformat(),
            "date": (as_of or call.store.now().date()).isoformat(),
            "assets": _section(sheet.assets),
            "liabilities": _section(sheet.liabilities),
            "equity": equity,
            "total_assets": sheet.assets.total,
            "total_liabilities": sheet.liabilities.total,
            "total_equity": sheet.total_equity,
            "current_earnings": sheet.current_earnings,
            "net_income": sheet.current_earnings,
            "total_liabilities_and_equity": sheet.liabilities_and_equity,
            "is_balanced": sheet.assets.total == sheet.liabilities_and_equity,
        }


class CashFlow(_Report):
    """Money in and out of cash and bank over the period."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        assert call.books is not None
        since, until = _period(params)
        flow = cash_flow(call.store, call.books(), since, until)
        operating = {
            "inflows": flow.receipts,
            "outflows": flow.payments,
            "total": flow.net_change,
            "net_cash": flow.net_change,
        }
        nothing = {"inflows": 0, "outflows": 0, "total": 0, "net_cash": 0}
        return {
            "start_date": since.isoformat() if since else None,
            "end_date": until.isoformat() if until else None,
            "opening_balance": flow.opening,
            "beginning_cash": flow.opening,
            "operating_activities": operating,
            "investing_activities": nothing,
            "financing_activities": nothing,
            "net_cash_from_operating_activities": flow.net_change,
            "net_change_in_cash": flow.net_change,
            "net_change": flow.net_change,
            "closing_balance": flow.closing,
            "ending_cash": flow.closing,
        }


def _invoice_items(store: Store, business_id: str) -> list[AgingItem]:
    out = []
    for invoice in invoices(store).of(business_id):
        inv: Invoice = invoice
        if inv.cancelled:
            continue
        customer = store.table("customers").get(inv.customer_id)
        name = (
            customer.fields["company_name"] or customer.fields["individual_name"]
            if customer
            else ""
        )
        out.append(
            AgingItem(
                inv.customer_id,
                name or "",
                inv.data["invoice_number"],
                inv.data["due_at"].date(),
                inv.data["outstanding_balance"],
            )
        )
    return out


def _bill_items(store: Store, business_id: str) -> list[AgingItem]:
    out = []
    for record in bills(store).of(business_id):
        bill: Bill = record
        out.append(
            AgingItem(
                bill.vendor_id,
                vendor_name(store, bill.vendor_id),
                bill.data["bill_number"] or "",
                bill.due_at.date(),
                bill.data["outstanding_balance"],
            )
        )
    return out


def _aging(
    call: Call, params: dict[str, Any], items: list[AgingItem], party: str
) -> dict[str, Any]:
    as_of = _day(params.get("as_of_date")) or call.store.now().date()
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
                    "id": item.party_id,
                    "name": item.party_name,
                    **{n: 0 for n, _, _ in buckets},
                    "total": 0,
                },
            )
            row[name] += item.open_cents
            row["total"] += item.open_cents
    total = sum(totals.values())
    summary = {**totals, "total": total}
    return {
        "as_of_date": as_of.isoformat(),
        "buckets": [
            {"bucket": n, "label": n, "amount": t, "total": t, "count": len(m)}
            for n, m, t in buckets
        ],
        "summary": summary,
        "totals": summary,
        "total": total,
        "total_outstanding": total,
        f"{party}s": list(parties.values()),
        "details": list(parties.values()),
    }


class ArAging(_Report):
    """Open invoices' balances by days past due."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        assert call.books is not None
        call.books()
        return _aging(call, params, _invoice_items(call.store, call.owner), "customer")


class ApAging(_Report):
    """Open bills' balances by days past due."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        assert call.books is not None
        call.books()
        return _aging(call, params, _bill_items(call.store, call.owner), "vendor")


class FinancialSummary(_Report):
    """The period's revenue, expenses and net income, and cash, receivables and payables at
    its end."""

    def figures(self, call: Call, params: dict[str, Any]) -> dict[str, Any]:
        assert call.books is not None
        books = call.books()
        since, until = _period(params)
        pnl = profit_and_loss(call.store, books, since, until)
        sheet = balance_sheet(call.store, books, until)
        by_code = {a.code: cents for a, cents in sheet.assets.accounts + sheet.liabilities.accounts}
        return {
            "start_date": since.isoformat() if since else None,
            "end_date": until.isoformat() if until else None,
            "revenue": pnl.revenue.total,
            "total_revenue": pnl.revenue.total,
            "expenses": pnl.expenses.total,
            "total_expenses": pnl.expenses.total,
            "net_income": pnl.net_income,
            "gross_profit": pnl.gross_profit,
            "cash_balance": by_code.get("1000", 0),
            "accounts_receivable": by_code.get("1100", 0),
            "accounts_payable": by_code.get("2000", 0),
        }
