"""A bill's flow and an invoice's flow show up in the reports as docs/sandbox.md's posting
rules say, to the cent: the SDK against the sandbox over a real socket, on every transport."""

from __future__ import annotations

import datetime

import pytest

from thredfi_client import ConflictError
from thredfi_client.models import BillPayment, CashReconciliation, ReportSection
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TRANSPORTS
from ..support.servers import ClientFactory

pytestmark = pytest.mark.integration

BID = BUSINESS_ID
RECEIVED = datetime.datetime(2025, 3, 3, 9, tzinfo=datetime.UTC)
PAID_ON = datetime.date(2025, 3, 20)
SCHEDULED_ON = datetime.date(2099, 1, 1)  # after the sandbox's today: the payment is pending


def _lines(section: object) -> dict[str, int]:
    """A detailed report section's amounts by account code."""
    assert isinstance(section, ReportSection)
    return {item.account_code: item.value_cents for item in section.line_items}


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_bill_and_an_invoice_post_to_the_reports_by_the_rules(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    async with make_client(transport=transport) as client:
        # The bill's flow: vendor, bill, partial payment, vendor credit, full payment.
        vendor = await client.vendors.create(BID, external_id="acme", company_name="Acme")
        bill = await client.bills.create(
            BID,
            external_id="bill-1",
            vendor_id=vendor.id,
            received_at=RECEIVED,
            line_items=[{"quantity": 4, "unit_price": 2500, "description": "Paper"}],
        )
        assert (bill.total_amount, bill.outstanding_balance) == (10000, 10000)

        async def pay(cents: int, day: datetime.date, *, to_bill: bool = True) -> BillPayment:
            return await client.bill_payments.create(
                BID,
                vendor_id=vendor.id,
                payment_method="bank_transfer",
                amount_cents=cents,
                payment_date=day,
                allocations=[{"bill_id": bill.id, "amount_cents": cents}] if to_bill else [],
            )

        await pay(4000, PAID_ON)
        await client.vendor_credits.create(
            BID,
            external_id="vc-1",
            vendor_id=vendor.id,
            received_at=RECEIVED,
            line_items=[{"amount": 2500}],
            allocations=[{"bill_id": bill.id, "amount": 2500}],
        )
        scheduled = await pay(3500, SCHEDULED_ON, to_bill=False)
        cancelled = await client.bill_payments.cancel(BID, scheduled.id)  # pending: cancelled
        assert cancelled.status == "cancelled"
        last = await pay(3500, PAID_ON)
        with pytest.raises(ConflictError):  # completed: only a refund can undo it
            await client.bill_payments.cancel(BID, last.id)
        paid = await client.bills.get(BID, bill.id)
        assert (paid.status, paid.outstanding_balance) == ("paid", 0)

        # The invoice's flow: invoice with tax, partial payment, customer credit.
        invoice = await client.invoices.create(
            BID,
            external_id="inv-1",
            customer_external_id="bob",
            sent_at=RECEIVED,
            line_items=[{"quantity": 2, "unit_price": 15000}],
            additional_sales_taxes_total=6000,
        )
        assert invoice.total_amount == 36000
        await client.invoice_payments.create(
            BID,
            customer_id=invoice.customer.id,
            total_amount_cents=20000,
            payment_date=PAID_ON,
            allocations=[{"invoice_id": invoice.id, "amount_cents": 20000}],
        )
        await client.customer_credits.create(
            BID,
            external_id="cc-1",
            customer_id=invoice.customer.id,
            line_items=[{"amount": 5000}],
            allocations=[{"invoice_id": invoice.id, "amount": 5000}],
        )

        # Revenue 30000 less the 5000 credit; expenses 10000 less the 2500 vendor credit.
        pnl = await client.reports.profit_and_loss(BID, detail_level="detailed")
        assert pnl.summary.net_revenue_cents == 25000
        assert pnl.summary.total_operating_expenses_cents == 7500
        assert pnl.summary.net_profit_cents == 17500
        assert _lines(pnl.revenue) == {"4000": 25000}
        assert _lines(pnl.operating_expenses) == {"6000": 7500, "6100": 0}
        # Cash 20000 in, 7500 out; 11000 still receivable; the invoice's tax owed; nothing
        # payable; equity is the current earnings.
        sheet = await client.reports.balance_sheet(BID, detail_level="detailed")
        assert _lines(sheet.current_assets) == {"1000": 12500, "1100": 11000, "1300": 0}
        assert _lines(sheet.current_liabilities) == {"2000": 0, "2100": 6000, "2200": 0}
        assert sheet.summary.total_assets_cents == 23500
        assert sheet.summary.total_liabilities_cents == 6000
        assert sheet.summary.total_equity_cents == 17500
        flow = await client.reports.cash_flow(BID)
        assert (flow.summary.opening_cash_cents, flow.summary.closing_cash_cents) == (0, 12500)
        assert isinstance(flow.cash_reconciliation, CashReconciliation)
        assert flow.cash_reconciliation.reconciles
        ar = await client.insights.ar_aging(BID)
        ap = await client.insights.ap_aging(BID)
        assert (ar.total_outstanding_cents, ap.total_outstanding_cents) == (11000, 0)
        # Seven documents posted; the cancelled payment's entry and its reversal make nine.
        entries = [e async for e in client.journal_entries.list(BID)]
        assert len(entries) == 9
        assert all(e.total_debit == e.total_credit for e in entries)
