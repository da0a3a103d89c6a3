"""Payables, the general ledger, reports and banking (issue 22): each operation's request shape
(method, path, query, body) and typed answer, which token each is sent with, reports arriving
as one object or a one-element array around it, and bad input refused before sending; against
a scripted API (``httpx.MockTransport``) behind a real ``ThredfiClient``."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from thredfi_client import (
    APIResponseValidationError,
    ArgumentTypeError,
    ArgumentValueError,
    ThredfiClient,
)
from thredfi_client._generated import OPERATION_NAMES, OPERATIONS
from thredfi_client.models import (
    Account,
    AccountHierarchy,
    AccountSummary,
    ApAging,
    ArAging,
    BalanceSheet,
    BankAccount,
    BankAccountSummary,
    BankTransaction,
    Bill,
    BillPayment,
    BillPaymentCancellation,
    BillPaymentSummary,
    CashFlowStatement,
    FinancialSummary,
    JournalEntry,
    JournalEntrySummary,
    ProfitAndLoss,
    Vendor,
    VendorCredit,
    VendorRefund,
    VendorRefundPayment,
    VendorRefundPaymentCancellation,
    VendorRefundPaymentCreated,
)

from ..support import API_KEY, BASE_URL, BUSINESS_ID, OTHER_BUSINESS_ID, PARTNER_ID

B = f"/v1/platform/businesses/{BUSINESS_ID}"
VENDOR_ID = "0b7d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4"
BILL_ID = "1c8e4d2f-3a5b-4c6d-9e7f-8091a2b3c4d5"
PAYMENT_ID = "2d9f5e3a-4b6c-4d7e-8f9a-91a2b3c4d5e6"
REFUND_ID = "3e0a6f4b-5c7d-4e8f-9a0b-a2b3c4d5e6f7"
ENTRY_ID = "4f1b7a5c-6d8e-4f9a-8b1c-b3c4d5e6f7a8"
PAGE_QUERY = "page=1&page_size=100"
NOW = "2026-12-01T10:00:00Z"

Call = Callable[[ThredfiClient], Awaitable[Any]]


# -- answers the API documents ------------------------------------------------------------------


def vendor() -> dict[str, Any]:
    return {
        "type": "VendorData",
        "id": VENDOR_ID,
        "mobile_phone": None,
        "office_phone": None,
        "address_string": None,
        "memo": None,
        "status": "ACTIVE",
        "transaction_tags": [],
        "documents": [],
        "external_id": "v-1",
        "company_name": "Hops Ltd",
    }


def bill() -> dict[str, Any]:
    return {
        "id": BILL_ID,
        "business_id": BUSINESS_ID,
        "status": "RECEIVED",
        "currency": "GBP",
        "issue_date": "2026-12-01",
        "due_at": None,
        "vendor": vendor(),
        "line_items": [{"id": BILL_ID, "quantity": 2, "unit_price": 2500, "total_amount": 5000}],
        "bill_payment_allocations": [],
        "total_amount": 5000,
        "outstanding_balance": 5000,
    }


def bill_payment(status: str = "pending") -> dict[str, Any]:
    return {
        "id": PAYMENT_ID,
        "business_id": BUSINESS_ID,
        "vendor_id": VENDOR_ID,
        "amount_cents": 3000,
        "currency": "GBP",
        "processing_fee_cents": 0,
        "net_amount_cents": 3000,
        "allocated_amount_cents": 3000,
        "unallocated_amount_cents": 0,
        "is_fully_allocated": True,
        "payment_method": "bank_transfer",
        "status": status,
        "payment_date": "2026-12-02",
        "allocations": [{"id": PAYMENT_ID, "bill_id": BILL_ID, "amount_cents": 3000}],
        "created_at": NOW,
        "updated_at": NOW,
    }


def vendor_credit() -> dict[str, Any]:
    return {
        "id": PAYMENT_ID,
        "status": "open",
        "vendor": {"id": VENDOR_ID, "external_id": "v-1", "display_name": "Hops Ltd"},
        "line_items": [{"amount": 1000}],
        "allocations": [],
        "total_amount": 1000,
        "applied_amount": 0,
        "document": None,
        "created_at": NOW,
        "updated_at": NOW,
    }


def vendor_refund() -> dict[str, Any]:
    return {
        "id": REFUND_ID,
        "vendor_id": VENDOR_ID,
        "total_refunded_amount": 700,
        "allocated_amount": 700,
        "unallocated_amount": 0,
        "allocations": [{"id": REFUND_ID, "amount": 700, "bill_payment_id": PAYMENT_ID}],
        "vendor_refund_payments": [],
        "refund_date": "2026-12-03",
    }


def vendor_refund_payment() -> dict[str, Any]:
    return {
        "id": PAYMENT_ID,
        "refund_id": REFUND_ID,
        "vendor_id": VENDOR_ID,
        "refunded_amount_cents": 700,
        "status": "pending",
        "created_at": NOW,
        "updated_at": NOW,
    }


def account(code: str = "1000") -> dict[str, Any]:
    return {
        "id": VENDOR_ID,
        "code": code,
        "name": "Bank",
        "account_type": "asset",
        "account_subtype": "current_assets",
        "parent_account_code": None,
        "current_balance": 1250050,
        "period_balance": None,
    }


def journal_entry() -> dict[str, Any]:
    return {
        "id": ENTRY_ID,
        "entry_date": "2026-12-01",
        "total_debit": 5000,
        "total_credit": 5000,
        "is_balanced": True,
        "posted_at": None,
        "bank_transaction_id": None,
        "lines": [
            {"account_code": "5000", "debit_amount": 5000, "credit_amount": 0},
            {"account_code": "2000", "debit_amount": 0, "credit_amount": 5000},
        ],
    }


def section(total: int) -> dict[str, Any]:
    line = {"account_code": "4000", "account_name": "Sales", "value_cents": total}
    return {"display_name": "Revenue", "total_cents": total, "line_items": [line]}


def profit_and_loss() -> dict[str, Any]:
    names = (
        "net_revenue_cents",
        "total_operating_income_cents",
        "gross_profit_cents",
        "total_operating_expenses_cents",
        "operating_profit_cents",
        "profit_before_tax_cents",
        "net_profit_cents",
    )
    return {
        "business_id": BUSINESS_ID,
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "currency": "GBP",
        "detail_level": "detailed",
        "summary": dict.fromkeys(names, 4500),
        "revenue": section(4500),
    }


def balance_sheet() -> dict[str, Any]:
    names = (
        "total_assets_cents",
        "total_non_current_assets_cents",
        "total_current_assets_cents",
        "total_liabilities_cents",
        "total_current_liabilities_cents",
        "total_non_current_liabilities_cents",
        "total_equity_cents",
        "net_assets_cents",
    )
    summary = dict.fromkeys(names, 0) | {"total_assets_cents": 9000, "total_equity_cents": 9000}
    return {
        "business_id": BUSINESS_ID,
        "as_of_date": "2026-12-31",
        "currency": "GBP",
        "detail_level": "summary",
        "summary": summary,
    }


def cash_flow() -> dict[str, Any]:
    names = (
        "net_cash_from_operating_cents",
        "net_cash_from_investing_cents",
        "net_cash_from_financing_cents",
        "net_change_in_cash_cents",
        "opening_cash_cents",
        "closing_cash_cents",
    )
    reconciliation = {
        "opening_cash_cents": 0,
        "net_change_cents": 100,
        "calculated_closing_cents": 100,
        "actual_closing_cents": 100,
        "reconciles": True,
    }
    return {
        "business_id": BUSINESS_ID,
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "currency": "GBP",
        "detail_level": "summary",
        "summary": dict.fromkeys(names, 100),
        "cash_reconciliation": reconciliation,
        "operating_activities": {"net_profit_cents": 100},
    }


def financial_summary() -> dict[str, Any]:
    trend = {
        "period_start": "2026-12-01",
        "period_end": "2026-12-31",
        "revenue_cents": 4500,
        "expenses_cents": 3000,
        "net_profit_cents": 1500,
    }
    return {
        "business_id": BUSINESS_ID,
        "start_date": "2026-12-01",
        "end_date": "2026-12-31",
        "currency": "GBP",
        "granularity": "monthly",
        "summary": {
            "total_revenue_cents": 4500,
            "total_expenses_cents": 3000,
            "net_profit_cents": 1500,
        },
        "trends": [trend],
    }


BUCKETS = {"current": 2000, "days_1_30": 0, "days_31_60": 0, "days_61_90": 0, "over_90_days": 0}


def ar_aging() -> dict[str, Any]:
    row = {"customer_id": VENDOR_ID, "total_outstanding_cents": 2000, "aging_buckets": BUCKETS}
    return aging("customer", customers=[row])


def ap_aging() -> dict[str, Any]:
    row = {"vendor_id": VENDOR_ID, "total_outstanding_cents": 2000, "aging_buckets": BUCKETS}
    return aging("vendor", vendors=[row])


def aging(group_by: str, **rows: Any) -> dict[str, Any]:
    return {
        "business_id": BUSINESS_ID,
        "as_of_date": "2026-12-31",
        "group_by": group_by,
        "currency": "GBP",
        "total_outstanding_cents": 2000,
        "total_aging_buckets": BUCKETS,
        **rows,
    }


def bank_account() -> dict[str, Any]:
    return {
        "id": VENDOR_ID,
        "account_key": "acc_1234",
        "display_name": "Current Account",
        "balance": 125.5,
        "balance_cents": 12550,
        "currency": "GBP",
        "is_active": True,
        "mapped_account": None,
    }


def bank_transaction() -> dict[str, Any]:
    return {
        "id": ENTRY_ID,
        "date": "2026-12-02",
        "amount": 3000,
        "signed_amount": -3000,
        "direction": "debit",
        "currency": "GBP",
        "account_id": "acc-1000",
        "subcategory": None,
        "reconciliations": None,
    }


def page(item: dict[str, Any]) -> dict[str, Any]:
    info = {"total_count": 1, "current_page": 1, "total_pages": 1, "page_size": 100}
    return {"count": 1, "page_info": info, "results": [item]}


class ScriptedApi:
    """Token endpoints that count what they issue; every other request gets ``answer``."""

    def __init__(self, status: int, body: Any) -> None:
        self.status, self.body = status, body
        self.partner_tokens = 0
        self.exchanges: list[str] = []
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/platform/oauth2/token/":
            self.partner_tokens += 1
            token = f"tok_secret_partner_{self.partner_tokens}"
            return httpx.Response(200, json={"access_token": token, "expires_in": 3600})
        if request.url.path.endswith("/oauth2/token/"):
            business_id = request.url.path.split("/")[3]
            self.exchanges.append(business_id)
            token = f"tok_secret_business_{business_id[:4]}"
            return httpx.Response(200, json={"access_token": token, "expires_in": 3600})
        self.requests.append(request)
        body = self.body(request) if callable(self.body) else self.body
        if body is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=body)

    def bearers(self) -> list[str]:
        return [r.headers["authorization"].removeprefix("Bearer ") for r in self.requests]


def scripted(
    status: int = 200, body: Any = None, *, token_scope: Any = "partner"
) -> tuple[ThredfiClient, ScriptedApi]:
    api = ScriptedApi(status, body)
    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        token_scope=token_scope,
        transport=httpx.MockTransport(api),
    )
    client.http_client._transport._sleep = lambda _: asyncio.sleep(0)  # type: ignore[attr-defined]
    return client, api


# -- one row per operation: the call, the answer, the request it must send ---------------------


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    call: Call
    status: int
    answer: Any
    method: str
    path: str
    query: str = ""
    body: Any = None
    returns: type | None = None


CASES = [
    Case(
        "vendors.create",
        lambda c: c.vendors.create(business_id=BUSINESS_ID, external_id="v-1", company_name="Hops"),
        201,
        vendor(),
        "POST",
        f"{B}/vendors/",
        body={"external_id": "v-1", "company_name": "Hops"},
        returns=Vendor,
    ),
    Case(
        "vendors.list",
        lambda c: c.vendors.list(
            business_id=BUSINESS_ID, name_contains="ho", include_archived=True
        ),
        200,
        page(vendor()),
        "GET",
        f"{B}/vendors/",
        f"include_archived=true&name_contains=ho&{PAGE_QUERY}",
    ),
    Case(
        "vendors.get",
        lambda c: c.vendors.get(business_id=BUSINESS_ID, vendor_id=VENDOR_ID),
        200,
        vendor(),
        "GET",
        f"{B}/vendors/{VENDOR_ID}/",
        returns=Vendor,
    ),
    Case(
        "vendors.unarchive",
        lambda c: c.vendors.unarchive(business_id=BUSINESS_ID, vendor_id=VENDOR_ID),
        200,
        vendor(),
        "POST",
        f"{B}/vendors/{VENDOR_ID}/unarchive/",
        returns=Vendor,
    ),
    Case(
        "bills.create",
        lambda c: c.bills.create(
            business_id=BUSINESS_ID,
            external_id="b-1",
            vendor_id=VENDOR_ID,
            bill_date=datetime.date(2026, 12, 1),
            line_items=[{"quantity": 2, "unit_price": 2500, "description": "Hops"}],
        ),
        201,
        bill(),
        "POST",
        f"{B}/bills/",
        body={
            "external_id": "b-1",
            "vendor_id": VENDOR_ID,
            "bill_date": "2026-12-01",
            "line_items": [{"quantity": 2, "unit_price": 2500, "description": "Hops"}],
        },
        returns=Bill,
    ),
    Case(
        "bills.list",
        lambda c: c.bills.list(business_id=BUSINESS_ID, vendor_id=VENDOR_ID),
        200,
        page(bill()),
        "GET",
        f"{B}/bills/",
        f"{PAGE_QUERY}&vendor_id={VENDOR_ID}",
    ),
    Case(
        "bills.get",
        lambda c: c.bills.get(business_id=BUSINESS_ID, bill_id=BILL_ID),
        200,
        bill(),
        "GET",
        f"{B}/bills/{BILL_ID}/",
        returns=Bill,
    ),
    Case(
        "bills.update",
        lambda c: c.bills.update(business_id=BUSINESS_ID, bill_id=BILL_ID, memo="Checked"),
        200,
        bill(),
        "PUT",
        f"{B}/bills/{BILL_ID}/",
        body={"memo": "Checked"},
        returns=Bill,
    ),
    Case(
        "bill_payments.create",
        lambda c: c.bill_payments.create(
            business_id=BUSINESS_ID,
            vendor_id=VENDOR_ID,
            amount_cents=3000,
            payment_method="bank_transfer",
            payment_date=datetime.date(2026, 12, 2),
            allocations=[{"bill_id": BILL_ID, "amount_cents": 3000}],
            idempotency_key="pay-1",
        ),
        201,
        bill_payment(),
        "POST",
        f"{B}/bills/payments/",
        body={
            "vendor_id": VENDOR_ID,
            "amount_cents": 3000,
            "payment_method": "bank_transfer",
            "payment_date": "2026-12-02",
            "allocations": [{"bill_id": BILL_ID, "amount_cents": 3000}],
        },
        returns=BillPayment,
    ),
    Case(
        "bill_payments.list",
        lambda c: c.bill_payments.list(
            business_id=BUSINESS_ID,
            status="failed",
            payment_date_start=datetime.date(2026, 12, 1),
        ),
        200,
        page(bill_payment()),
        "GET",
        f"{B}/bills/payments/",
        f"{PAGE_QUERY}&payment_date_start=2026-12-01&status=failed",
    ),
    Case(
        "bill_payments.get",
        lambda c: c.bill_payments.get(business_id=BUSINESS_ID, bill_payment_id=PAYMENT_ID),
        200,
        bill_payment(),
        "GET",
        f"{B}/bills/payments/{PAYMENT_ID}/",
        returns=BillPayment,
    ),
    Case(
        "bill_payments.update",
        lambda c: c.bill_payments.update(
            business_id=BUSINESS_ID, bill_payment_id=PAYMENT_ID, status="completed"
        ),
        200,
        bill_payment("completed"),
        "PATCH",
        f"{B}/bills/payments/{PAYMENT_ID}/",
        body={"status": "completed"},
        returns=BillPayment,
    ),
    Case(
        "bill_payments.cancel",
        lambda c: c.bill_payments.cancel(business_id=BUSINESS_ID, bill_payment_id=PAYMENT_ID),
        200,
        {
            "message": "Payment cancelled",
            "bill_payment_id": PAYMENT_ID,
            "status": "cancelled",
            "updated_at": NOW,
        },
        "POST",
        f"{B}/bills/payments/{PAYMENT_ID}/delete/",
        returns=BillPaymentCancellation,
    ),
    Case(
        "vendor_credits.create",
        lambda c: c.vendor_credits.create(
            business_id=BUSINESS_ID,
            external_id="vc-1",
            vendor_external_id="v-1",
            line_items=[{"amount": 1000}],
        ),
        201,
        vendor_credit(),
        "POST",
        f"{B}/vendor-credits/",
        body={"external_id": "vc-1", "vendor_external_id": "v-1", "line_items": [{"amount": 1000}]},
        returns=VendorCredit,
    ),
    Case(
        "vendor_credits.list",
        lambda c: c.vendor_credits.list(business_id=BUSINESS_ID, vendor_id=VENDOR_ID),
        200,
        page(vendor_credit()),
        "GET",
        f"{B}/vendor-credits/",
        f"{PAGE_QUERY}&vendor_id={VENDOR_ID}",
    ),
    Case(
        "vendor_credits.get",
        lambda c: c.vendor_credits.get(business_id=BUSINESS_ID, credit_id=PAYMENT_ID),
        200,
        vendor_credit(),
        "GET",
        f"{B}/vendor-credits/{PAYMENT_ID}/",
        returns=VendorCredit,
    ),
    Case(
        "vendor_refunds.create",
        lambda c: c.vendor_refunds.create(
            business_id=BUSINESS_ID,
            vendor_id=VENDOR_ID,
            total_refunded_amount_cents=700,
            refund_type="overpayment",
        ),
        201,
        vendor_refund(),
        "POST",
        f"{B}/vendor-refunds/",
        body={
            "vendor_id": VENDOR_ID,
            "total_refunded_amount_cents": 700,
            "refund_type": "overpayment",
        },
        returns=VendorRefund,
    ),
    Case(
        "vendor_refunds.list",
        lambda c: c.vendor_refunds.list(business_id=BUSINESS_ID, ordering="-refund_date"),
        200,
        page(vendor_refund()),
        "GET",
        f"{B}/vendor-refunds/",
        f"ordering=-refund_date&{PAGE_QUERY}",
    ),
    Case(
        "vendor_refunds.update",
        lambda c: c.vendor_refunds.update(
            business_id=BUSINESS_ID, refund_id=REFUND_ID, memo="Returned crates"
        ),
        200,
        vendor_refund(),
        "PATCH",
        f"{B}/vendor-refunds/{REFUND_ID}/",
        body={"memo": "Returned crates"},
        returns=VendorRefund,
    ),
    Case(
        "vendor_refunds.delete",
        lambda c: c.vendor_refunds.delete(business_id=BUSINESS_ID, refund_id=REFUND_ID),
        204,
        None,
        "DELETE",
        f"{B}/vendor-refunds/{REFUND_ID}/",
    ),
    Case(
        "vendor_refund_payments.create",
        lambda c: c.vendor_refund_payments.create(
            business_id=BUSINESS_ID, vendor_id=VENDOR_ID, total_amount_cents=700
        ),
        201,
        {
            "refund": vendor_refund(),
            "payment": vendor_refund_payment(),
            "allocations": vendor_refund()["allocations"],
        },
        "POST",
        f"{B}/vendor-refunds/payments/",
        body={"vendor_id": VENDOR_ID, "total_amount_cents": 700},
        returns=VendorRefundPaymentCreated,
    ),
    Case(
        "vendor_refund_payments.list",
        lambda c: c.vendor_refund_payments.list(business_id=BUSINESS_ID),
        200,
        page(vendor_refund_payment()),
        "GET",
        f"{B}/vendor-refunds/payments/",
        PAGE_QUERY,
    ),
    Case(
        "vendor_refund_payments.cancel",
        lambda c: c.vendor_refund_payments.cancel(business_id=BUSINESS_ID, payment_id=PAYMENT_ID),
        200,
        {
            "message": "Cancelled",
            "payment_id": PAYMENT_ID,
            "status": "cancelled",
            "updated_at": NOW,
        },
        "POST",
        f"{B}/vendor-refunds/payments/{PAYMENT_ID}/delete/",
        returns=VendorRefundPaymentCancellation,
    ),
    Case(
        "accounts.list",
        lambda c: c.accounts.list(business_id=BUSINESS_ID, account_type="asset"),
        200,
        page(account()),
        "GET",
        f"{B}/general-ledger/chart-of-accounts/",
        f"account_type=asset&{PAGE_QUERY}",
    ),
    Case(
        "accounts.create",
        lambda c: c.accounts.create(
            business_id=BUSINESS_ID,
            code="1010",
            name="Savings",
            account_type="asset",
            account_subtype="current_assets",
            external_id="acc-1",
        ),
        201,
        account("1010"),
        "POST",
        f"{B}/general-ledger/chart-of-accounts/",
        body={
            "code": "1010",
            "name": "Savings",
            "account_type": "asset",
            "account_subtype": "current_assets",
            "external_id": "acc-1",
        },
        returns=Account,
    ),
    Case(
        "accounts.hierarchy",
        lambda c: c.accounts.hierarchy(business_id=BUSINESS_ID),
        200,
        {"hierarchy": [{**account(), "children": [account("1010")]}], "total_accounts": 2},
        "GET",
        f"{B}/general-ledger/chart-of-accounts/hierarchy/",
        returns=AccountHierarchy,
    ),
    Case(
        "accounts.get",
        lambda c: c.accounts.get(business_id=BUSINESS_ID, account_id="1000"),
        200,
        account(),
        "GET",
        f"{B}/general-ledger/chart-of-accounts/1000/",
        returns=Account,
    ),
    Case(
        "accounts.create_child",
        lambda c: c.accounts.create_child(
            business_id=BUSINESS_ID, account_id="1000", code="1001", name="Petty cash"
        ),
        201,
        account("1001"),
        "POST",
        f"{B}/general-ledger/chart-of-accounts/1000/children/",
        body={"code": "1001", "name": "Petty cash"},
        returns=Account,
    ),
    Case(
        "journal_entries.list",
        lambda c: c.journal_entries.list(
            business_id=BUSINESS_ID, date_from=datetime.date(2026, 12, 1), posted=True
        ),
        200,
        page(journal_entry()),
        "GET",
        f"{B}/general-ledger/journal-entries/",
        f"date_from=2026-12-01&{PAGE_QUERY}&posted=true",
    ),
    Case(
        "journal_entries.get",
        lambda c: c.journal_entries.get(business_id=BUSINESS_ID, entry_id=ENTRY_ID),
        200,
        journal_entry(),
        "GET",
        f"{B}/general-ledger/journal-entries/{ENTRY_ID}/",
        returns=JournalEntry,
    ),
    Case(
        "reports.profit_and_loss",
        lambda c: c.reports.profit_and_loss(
            business_id=BUSINESS_ID,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 12, 31),
            detail_level="detailed",
        ),
        200,
        [profit_and_loss()],
        "GET",
        f"{B}/reports/profit-and-loss/",
        "detail_level=detailed&end_date=2026-12-31&start_date=2026-01-01",
        returns=ProfitAndLoss,
    ),
    Case(
        "reports.balance_sheet",
        lambda c: c.reports.balance_sheet(
            business_id=BUSINESS_ID, as_of_date=datetime.date(2026, 12, 31)
        ),
        200,
        [balance_sheet()],
        "GET",
        f"{B}/reports/balance-sheet/",
        "as_of_date=2026-12-31",
        returns=BalanceSheet,
    ),
    Case(
        "reports.cash_flow",
        lambda c: c.reports.cash_flow(
            business_id=BUSINESS_ID,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 12, 31),
        ),
        200,
        [cash_flow()],
        "GET",
        f"{B}/reports/cash-flow/",
        "end_date=2026-12-31&start_date=2026-01-01",
        returns=CashFlowStatement,
    ),
    Case(
        "insights.financial_summary",
        lambda c: c.insights.financial_summary(
            business_id=BUSINESS_ID,
            start_date=datetime.date(2026, 12, 1),
            end_date=datetime.date(2026, 12, 31),
            granularity="monthly",
        ),
        200,
        [financial_summary()],
        "GET",
        f"{B}/insights/financial-summary/",
        "end_date=2026-12-31&granularity=monthly&start_date=2026-12-01",
        returns=FinancialSummary,
    ),
    Case(
        "insights.ar_aging",
        lambda c: c.insights.ar_aging(business_id=BUSINESS_ID),
        200,
        [ar_aging()],
        "GET",
        f"{B}/insights/ar-aging/",
        returns=ArAging,
    ),
    Case(
        "insights.ap_aging",
        lambda c: c.insights.ap_aging(business_id=BUSINESS_ID, group_by="total"),
        200,
        [ap_aging()],
        "GET",
        f"{B}/insights/ap-aging/",
        "group_by=total",
        returns=ApAging,
    ),
    Case(
        "bank_accounts.list",
        lambda c: c.bank_accounts.list(business_id=BUSINESS_ID, is_active=True),
        200,
        page(bank_account()),
        "GET",
        f"{B}/bank-accounts/",
        f"is_active=true&{PAGE_QUERY}",
    ),
    Case(
        "bank_accounts.get",
        lambda c: c.bank_accounts.get(business_id=BUSINESS_ID, bank_account_id=VENDOR_ID),
        200,
        bank_account(),
        "GET",
        f"{B}/bank-accounts/{VENDOR_ID}/",
        returns=BankAccount,
    ),
    Case(
        "bank_transactions.list",
        lambda c: c.bank_transactions.list(
            business_id=BUSINESS_ID,
            direction="debit",
            categorization_status=["pending", "manual_review"],
        ),
        200,
        page(bank_transaction()),
        "GET",
        f"{B}/bank-transactions/",
        "categorization_status=pending&categorization_status=manual_review"
        f"&direction=debit&{PAGE_QUERY}",
    ),
]


#: What each list's pager yields.
LIST_ITEMS: dict[str, type] = {
    "vendors.list": Vendor,
    "bills.list": Bill,
    "bill_payments.list": BillPaymentSummary,
    "vendor_credits.list": VendorCredit,
    "vendor_refunds.list": VendorRefund,
    "vendor_refund_payments.list": VendorRefundPayment,
    "accounts.list": AccountSummary,
    "journal_entries.list": JournalEntrySummary,
    "bank_accounts.list": BankAccountSummary,
    "bank_transactions.list": BankTransaction,
}


def test_every_new_operation_has_a_row() -> None:
    issue_22 = {
        ".".join(name)
        for name in OPERATION_NAMES.values()
        if name[0]
        in {
            "vendors",
            "bills",
            "bill_payments",
            "vendor_credits",
            "vendor_refunds",
            "vendor_refund_payments",
            "accounts",
            "journal_entries",
            "reports",
            "insights",
            "bank_accounts",
            "bank_transactions",
        }
    }
    assert {case.name for case in CASES} == issue_22
    assert len(issue_22) == 39


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_request_shape_and_typed_answer(case: Case) -> None:
    client, api = scripted(case.status, case.answer)
    async with client:
        result = await case.call(client)  # a list's pager, awaited: its first page
    if case.name in LIST_ITEMS:
        assert len(result.results) == 1
        result = result.results[0]

    [request] = api.requests
    assert (request.method, request.url.path) == (case.method, case.path)
    assert str(request.url.query, "ascii") == case.query
    if case.body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == case.body
    if case.status == 204:
        assert result is None
    else:
        assert isinstance(result, case.returns or LIST_ITEMS[case.name])


# -- which token each operation is sent with ----------------------------------------------------

BUSINESS_ONLY = {
    "bill_payments",
    "vendor_refunds",
    "vendor_refund_payments",
    "bank_accounts",
    "bank_transactions",
}


def test_the_contract_gives_the_business_only_operations_their_token() -> None:
    by_scope: dict[Any, set[str]] = {}
    for op in OPERATIONS:
        resource, method = OPERATION_NAMES[op.operation_id]
        by_scope.setdefault(op.token_scope, set()).add(f"{resource}.{method}")
    business = {name for name in by_scope["business"]}
    assert {name.split(".")[0] for name in business} == BUSINESS_ONLY
    assert len(business) == 15
    # Vendors, bills, vendor credits, the ledger and the reports take either token.
    either = by_scope[None]
    assert {"vendors.create", "bills.update", "accounts.get", "reports.cash_flow"} <= either


async def test_business_only_operations_get_a_business_token_on_a_partner_client() -> None:
    """token_scope="partner", yet bill payments and bank transactions go with a token of the
    business in their path: one exchange per business, however many calls, while an operation
    that takes either token keeps the partner token."""

    def answer(request: httpx.Request) -> Any:
        path = request.url.path
        if "/bills/payments/" in path:
            return page(bill_payment())
        return page(vendor() if "/vendors/" in path else bank_transaction())

    client, api = scripted(200, answer)
    async with client:
        for business_id in (BUSINESS_ID, OTHER_BUSINESS_ID, BUSINESS_ID):
            await client.bank_transactions.list(business_id=business_id)
            await client.bill_payments.list(business_id=business_id)
        await client.vendors.list(business_id=BUSINESS_ID)  # either token: the client's

    bearers = api.bearers()
    assert bearers[:6] == [
        f"tok_secret_business_{BUSINESS_ID[:4]}",
        f"tok_secret_business_{BUSINESS_ID[:4]}",
        f"tok_secret_business_{OTHER_BUSINESS_ID[:4]}",
        f"tok_secret_business_{OTHER_BUSINESS_ID[:4]}",
        f"tok_secret_business_{BUSINESS_ID[:4]}",
        f"tok_secret_business_{BUSINESS_ID[:4]}",
    ]
    assert bearers[6] == "tok_secret_partner_1"
    assert api.partner_tokens == 1
    assert api.exchanges == [BUSINESS_ID, OTHER_BUSINESS_ID]


async def test_partner_level_operations_get_the_partner_token_on_a_business_client() -> None:
    """token_scope="business": business management keeps the partner token, the new
    operations that take either token follow the client (a business token), and no exchange is
    made for the partner-level calls."""

    def answer(request: httpx.Request) -> Any:
        path = request.url.path
        if path == "/v1/platform/businesses/":
            return {"count": 0, "next": None, "previous": None, "results": []}
        return page(vendor() if "/vendors/" in path else account())

    client, api = scripted(200, answer, token_scope="business")
    async with client:
        await client.businesses.list()
        await client.accounts.list(business_id=BUSINESS_ID)
        await client.businesses.list()
        await client.vendors.list(business_id=BUSINESS_ID)

    assert api.bearers() == [
        "tok_secret_partner_1",
        f"tok_secret_business_{BUSINESS_ID[:4]}",
        "tok_secret_partner_1",
        f"tok_secret_business_{BUSINESS_ID[:4]}",
    ]
    assert (api.partner_tokens, api.exchanges) == (1, [BUSINESS_ID])


# -- reports: one object, or a one-element array around it -------------------------------------

REPORTS: list[tuple[str, Call, Callable[[], dict[str, Any]], type]] = [
    (
        "profit_and_loss",
        lambda c: c.reports.profit_and_loss(business_id=BUSINESS_ID),
        profit_and_loss,
        ProfitAndLoss,
    ),
    (
        "balance_sheet",
        lambda c: c.reports.balance_sheet(business_id=BUSINESS_ID),
        balance_sheet,
        BalanceSheet,
    ),
    (
        "cash_flow",
        lambda c: c.reports.cash_flow(business_id=BUSINESS_ID),
        cash_flow,
        CashFlowStatement,
    ),
    (
        "financial_summary",
        lambda c: c.insights.financial_summary(
            business_id=BUSINESS_ID,
            start_date=datetime.date(2026, 12, 1),
            end_date=datetime.date(2026, 12, 31),
        ),
        financial_summary,
        FinancialSummary,
    ),
    ("ar_aging", lambda c: c.insights.ar_aging(business_id=BUSINESS_ID), ar_aging, ArAging),
    ("ap_aging", lambda c: c.insights.ap_aging(business_id=BUSINESS_ID), ap_aging, ApAging),
]


@pytest.mark.parametrize("shape", ["object", "one-element array"])
@pytest.mark.parametrize(
    ("call", "report", "model"), [r[1:] for r in REPORTS], ids=[r[0] for r in REPORTS]
)
async def test_a_report_is_one_typed_report_whichever_shape_arrives(
    shape: str, call: Call, report: Callable[[], dict[str, Any]], model: type
) -> None:
    body = report() if shape == "object" else [report()]
    client, _ = scripted(200, body)
    async with client:
        parsed = await call(client)
    assert isinstance(parsed, model)
    assert parsed.to_dict() == report()  # type: ignore[attr-defined]
    assert uuid.UUID(BUSINESS_ID) == parsed.business_id  # type: ignore[attr-defined]


async def test_report_values_are_dates_and_integer_cents() -> None:
    client, _ = scripted(200, [profit_and_loss()])
    async with client:
        report = await client.reports.profit_and_loss(business_id=BUSINESS_ID)
    assert (report.start_date, report.end_date) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert type(report.summary.net_profit_cents) is int
    assert report.revenue.line_items[0].value_cents == 4500  # type: ignore[union-attr]

    client, _ = scripted(200, [financial_summary()])
    async with client:
        summary = await client.insights.financial_summary(
            business_id=BUSINESS_ID,
            start_date=datetime.date(2026, 12, 1),
            end_date=datetime.date(2026, 12, 31),
        )
    assert summary.trends[0].period_start == datetime.date(2026, 12, 1)
    assert type(summary.trends[0].revenue_cents) is int


@pytest.mark.parametrize("body", [[], [balance_sheet(), balance_sheet()]], ids=["empty", "two"])
async def test_an_array_of_any_other_length_is_refused_not_guessed(body: list[Any]) -> None:
    client, _ = scripted(200, body)
    async with client:
        with pytest.raises(APIResponseValidationError):
            await client.reports.balance_sheet(business_id=BUSINESS_ID)


# -- bad input is refused before anything is sent ------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field", "error"),
    [
        (
            lambda c: c.bill_payments.create(
                business_id=BUSINESS_ID,
                vendor_id=VENDOR_ID,
                amount_cents=0,
                payment_method="bank_transfer",
                payment_date=datetime.date(2026, 12, 2),
            ),
            "amount_cents",
            ArgumentValueError,
        ),
        (
            lambda c: c.bill_payments.create(
                business_id=BUSINESS_ID,
                vendor_id=VENDOR_ID,
                amount_cents=100,
                payment_method="paypal",
                payment_date=datetime.date(2026, 12, 2),
            ),
            "payment_method",
            ArgumentValueError,
        ),
        (
            lambda c: c.bill_payments.create(
                business_id=BUSINESS_ID,
                vendor_id=VENDOR_ID,
                amount_cents=100,
                payment_method="cash",
                payment_date=datetime.date(2026, 12, 2),
                idempotency_key="",
            ),
            "idempotency_key",
            ArgumentValueError,
        ),
        (
            lambda c: c.bills.create(business_id=BUSINESS_ID, external_id="b", line_items=[{}]),
            "line_items[0].quantity",
            ArgumentTypeError,
        ),
        (
            lambda c: c.vendors.get(business_id="---", vendor_id=VENDOR_ID),
            "business_id",
            ArgumentValueError,
        ),
        (
            lambda c: c.vendor_refunds.create(
                business_id=BUSINESS_ID, vendor_id=VENDOR_ID, total_refunded_amount_cents=-5
            ),
            "total_refunded_amount_cents",
            ArgumentValueError,
        ),
        (
            lambda c: c.accounts.create(
                business_id=BUSINESS_ID, code="1", name="A", account_type="assets"
            ),
            "account_type",
            ArgumentValueError,
        ),
        (
            lambda c: c.insights.financial_summary(
                business_id=BUSINESS_ID, start_date=None, end_date=datetime.date(2026, 12, 31)
            ),
            "start_date",
            ArgumentTypeError,
        ),
        (
            lambda c: c.reports.profit_and_loss(business_id=BUSINESS_ID, detail_level="full"),
            "detail_level",
            ArgumentValueError,
        ),
        (
            lambda c: c.bank_transactions.list(business_id=BUSINESS_ID, direction="out"),
            "direction",
            ArgumentValueError,
        ),
        (
            lambda c: c.journal_entries.list(business_id=BUSINESS_ID, page_size=0),
            "page_size",
            ArgumentValueError,
        ),
    ],
)
async def test_bad_input_is_refused_before_sending_naming_the_field(
    call: Call, field: str, error: type[Exception]
) -> None:
    client, api = scripted(500)
    async with client:
        with pytest.raises(error) as caught:
            await call(client)
    assert getattr(caught.value, "argument", None) == field
    assert api.requests == []
    assert api.partner_tokens == 0
