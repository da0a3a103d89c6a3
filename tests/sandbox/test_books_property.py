"""The sandbox's books balance whatever happens to a business (docs/sandbox.md).

Random sequences of creates, payments, cancellations, credits and refunds on both sides, driven
through the SDK against an in-process sandbox; after every step the trial balance sums to zero,
the balance sheet balances, and the receivable and payable accounts equal the open balances of
the invoices and bills.
"""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass, field
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thredfi_client import ConflictError, ThredfiClient
from thredfi_client.models import Invoice
from thredfi_client.testing import Sandbox
from thredfi_client.testing.pytest_plugin import IN_PROCESS_BASE_URL

CENTS = st.integers(min_value=1, max_value=50_000)
PICK = st.integers(min_value=0, max_value=50)
TAX = st.integers(min_value=0, max_value=5_000)

STEP = st.one_of(
    st.tuples(st.just("invoice"), CENTS, TAX, st.booleans()),
    st.tuples(st.just("pay_invoice"), PICK, CENTS, st.integers(0, 3_000), st.booleans()),
    st.tuples(st.just("cancel_invoice_payment"), PICK),
    st.tuples(st.just("customer_credit"), PICK, CENTS, st.integers(0, 3_000)),
    st.tuples(st.just("refund"), PICK, CENTS),
    st.tuples(st.just("delete_refund"), PICK),
    st.tuples(st.just("void"), PICK),
    st.tuples(st.just("bill"), CENTS, CENTS, st.booleans()),
    st.tuples(st.just("pay_bill"), PICK, CENTS, st.integers(0, 3_000), st.booleans()),
    st.tuples(st.just("cancel_bill_payment"), PICK),
    st.tuples(st.just("vendor_credit"), PICK, CENTS, st.integers(0, 3_000)),
    st.tuples(st.just("vendor_refund"), PICK, CENTS),
    st.tuples(st.just("delete_vendor_refund"), PICK),
)

SENT = datetime.datetime(2026, 11, 2, 9, tzinfo=datetime.UTC)
PAID_ON = datetime.date(2026, 11, 20)
#: A bill payment dated after the sandbox's today is pending (scheduled): it can be cancelled.
SCHEDULED_ON = datetime.date(2099, 1, 1)
#: A balance sheet at this date counts every entry (scheduled payments included).
EVERYTHING = datetime.date(2100, 1, 1)
AR, AP = "1100", "2000"  # the standard chart's receivable and payable accounts


@dataclass
class Run:
    """One example's business and what it made, by kind (ids in creation order)."""

    client: ThredfiClient
    sandbox: Sandbox
    business_id: str
    made: dict[str, list[str]] = field(default_factory=dict)
    steps: int = 0
    checks: int = 0

    def pick(self, kind: str, index: int) -> str | None:
        ids = self.made.get(kind, [])
        return ids[index % len(ids)] if ids else None

    def add(self, kind: str, record_id: object) -> None:
        self.made.setdefault(kind, []).append(str(record_id))


def _cents(value: object) -> int:
    return value if isinstance(value, int) else 0


def _received(invoice: Invoice) -> int:
    """What was paid on the invoice and not refunded."""
    paid = sum(_cents(a.amount_cents) for a in invoice.payment_allocations or [])
    return paid - sum(_cents(a.amount_cents) for a in invoice.refund_allocations or [])


async def _step(run: Run, step: tuple[Any, ...]) -> None:
    client, bid, kind = run.client, run.business_id, step[0]
    if kind == "invoice":
        _, cents, tax, second_customer = step
        invoice = await client.invoices.create(
            bid,
            body={
                "external_id": f"inv-{len(run.made.get('invoice', []))}",
                "customer_external_id": "cust-b" if second_customer else "cust-a",
                "sent_at": SENT,
                "line_items": [{"quantity": 1, "unit_price": cents}],
                "additional_sales_taxes_total": tax,
            },
        )
        run.add("invoice", invoice.id)
    elif kind == "pay_invoice":
        _, index, cents, unapplied, pending = step
        invoice_id = run.pick("invoice", index)
        if invoice_id is None:
            return
        invoice = await client.invoices.get(bid, invoice_id)
        applied = min(cents, invoice.outstanding_balance or 0)
        if str(invoice.status) == "CANCELLED" or applied + unapplied <= 0:
            return
        allocations = [{"invoice_id": invoice_id, "amount_cents": applied}] if applied else []
        payment = await client.invoice_payments.create(
            bid,
            body={
                "customer_id": str(invoice.customer.id),
                "total_amount_cents": applied + unapplied,
                "payment_date": PAID_ON,
                "allocations": allocations,
            },
        )
        if pending:
            await client.invoice_payments.update(bid, payment.id, body={"status": "pending"})
        run.add("invoice_payment", payment.id)
    elif kind == "cancel_invoice_payment":
        payment_id = run.pick("invoice_payment", step[1])
        if payment_id is None:
            return
        payment = await client.invoice_payments.get(bid, payment_id)
        if str(payment.status) in ("pending", "failed"):
            await client.invoice_payments.cancel(bid, payment_id)
        else:
            try:
                await client.invoice_payments.cancel(bid, payment_id)
            except ConflictError:
                pass
            else:
                raise AssertionError(f"a {payment.status} payment was cancelled")
    elif kind == "customer_credit":
        _, index, cents, unapplied = step
        invoice_id = run.pick("invoice", index)
        if invoice_id is None:
            return
        invoice = await client.invoices.get(bid, invoice_id)
        if str(invoice.status) == "CANCELLED":
            return
        applied = min(cents, invoice.outstanding_balance or 0)
        if applied + unapplied <= 0:
            return
        credit = await client.customer_credits.create(
            bid,
            body={
                "external_id": f"cc-{len(run.made.get('customer_credit', []))}",
                "customer_id": str(invoice.customer.id),
                "line_items": [{"amount": applied + unapplied}],
                "allocations": ([{"invoice_id": invoice_id, "amount": applied}] if applied else []),
            },
        )
        run.add("customer_credit", credit.id)
    elif kind == "refund":
        _, index, cents = step
        invoice_id = run.pick("invoice", index)
        if invoice_id is None:
            return
        invoice = await client.invoices.get(bid, invoice_id)
        received = _received(invoice)
        if str(invoice.status) == "CANCELLED" or received <= 0:
            return
        refund = await client.refunds.create(
            bid,
            body={
                "invoice_id": invoice_id,
                "amount_cents": min(cents, received),
                "method": "CASH",
            },
        )
        run.add("refund", refund.id)
    elif kind == "delete_refund":
        refund_id = run.pick("refund", step[1])
        if refund_id is None:
            return
        run.made["refund"].remove(refund_id)
        try:
            await client.refunds.delete(bid, refund_id)
        except ConflictError:  # the refund of a voided invoice stays (refunds.py)
            run.add("refund", refund_id)
    elif kind.endswith(("bill", "bill_payment", "vendor_credit", "vendor_refund")):
        await _payables_step(run, step)
    elif kind == "void":
        invoice_id = run.pick("invoice", step[1])
        if invoice_id is None:
            return
        invoice = await client.invoices.get(bid, invoice_id)
        received = _received(invoice)
        try:
            await client.invoices.void(bid, invoice_id)
        except ConflictError:
            assert received > 0, "void refused with nothing received"
    run.steps += 1


async def _payables_step(run: Run, step: tuple[Any, ...]) -> None:
    client, bid, kind = run.client, run.business_id, step[0]
    if kind == "bill":
        _, cents, second_line, second_vendor = step
        bill = await client.bills.create(
            bid,
            body={
                "external_id": f"bill-{len(run.made.get('bill', []))}",
                "vendor_external_id": "vend-b" if second_vendor else "vend-a",
                "received_at": SENT,
                # The contract declares no field of a bill line's sales tax: the SDK can send none.
                "line_items": [
                    {"quantity": 1, "unit_price": cents},
                    {"quantity": 2, "unit_price": second_line},
                ],
            },
        )
        run.add("bill", bill.id)
    elif kind == "pay_bill":
        _, index, cents, unallocated, scheduled = step
        bill_id = run.pick("bill", index)
        if bill_id is None:
            return
        bill = await client.bills.get(bid, bill_id)
        applied = min(cents, _cents(bill.outstanding_balance))
        if applied + unallocated <= 0:
            return
        payment = await client.bill_payments.create(
            bid,
            body={
                "vendor_id": bill.vendor.id,
                "amount_cents": applied + unallocated,
                "payment_method": "bank_transfer",
                "payment_date": SCHEDULED_ON if scheduled else PAID_ON,
                "allocations": [{"bill_id": bill_id, "amount_cents": applied}] if applied else [],
            },
        )
        assert str(payment.status) == ("pending" if scheduled else "completed")
        run.add("bill_payment", payment.id)
    elif kind == "cancel_bill_payment":
        payment_id = run.pick("bill_payment", step[1])
        if payment_id is None:
            return
        payment = await client.bill_payments.get(bid, payment_id)
        if str(payment.status) in ("pending", "failed"):
            await client.bill_payments.cancel(bid, payment_id)
        else:
            try:
                await client.bill_payments.cancel(bid, payment_id)
            except ConflictError:
                pass
            else:
                raise AssertionError(f"a {payment.status} bill payment was cancelled")
    elif kind == "vendor_credit":
        _, index, cents, unapplied = step
        bill_id = run.pick("bill", index)
        if bill_id is None:
            return
        bill = await client.bills.get(bid, bill_id)
        applied = min(cents, _cents(bill.outstanding_balance))
        if applied + unapplied <= 0:
            return
        credit = await client.vendor_credits.create(
            bid,
            body={
                "external_id": f"vc-{len(run.made.get('vendor_credit', []))}",
                "vendor_id": bill.vendor.id,
                "line_items": [{"amount": applied + unapplied}],
                "allocations": [{"bill_id": bill_id, "amount": applied}] if applied else [],
            },
        )
        run.add("vendor_credit", credit.id)
    elif kind == "vendor_refund":
        _, index, cents = step
        bill_id = run.pick("bill", index)
        if bill_id is None:
            return
        bill = await client.bills.get(bid, bill_id)
        refunds = 0
        async for refund in client.vendor_refunds.list(bid):
            refunds += sum(
                _cents(a.amount) for a in refund.allocations if str(a.bill_id) == bill_id
            )
        paid = sum(_cents(a.amount_cents) for a in bill.bill_payment_allocations or [])
        if paid - refunds <= 0:
            return
        amount = min(cents, paid - refunds)
        refund = await client.vendor_refunds.create(
            bid,
            body={
                "vendor_id": bill.vendor.id,
                "total_refunded_amount_cents": amount,
                "allocations": [
                    {"allocation_type": "bill", "bill_id": bill_id, "amount_cents": amount}
                ],
            },
        )
        run.add("vendor_refund", refund.id)
    elif kind == "delete_vendor_refund":
        refund_id = run.pick("vendor_refund", step[1])
        if refund_id is None:
            return
        run.made["vendor_refund"].remove(refund_id)
        await client.vendor_refunds.delete(bid, refund_id)


async def _check(run: Run) -> None:
    """The three rules of docs/sandbox.md, read back through the SDK after a step."""
    client, bid = run.client, run.business_id
    chart = {a.code: a async for a in client.accounts.list(bid)}
    # The trial balance: every account's balance on its side; debits equal credits.
    assert sum(_cents(a.debit_balance) for a in chart.values()) == sum(
        _cents(a.credit_balance) for a in chart.values()
    )
    # The balance sheet (at a date after every entry) balances, and sums the asset accounts.
    sheet = (await client.reports.balance_sheet(bid, as_of_date=EVERYTHING)).summary
    assert sheet.total_assets_cents == sheet.total_liabilities_cents + sheet.total_equity_cents
    assets = [a for a in chart.values() if str(a.account_type) == "asset"]
    assert sheet.total_assets_cents == sum(a.current_balance for a in assets)
    # Receivables: the aging, the open invoices and the receivable account agree.
    ar = await client.insights.ar_aging(bid)
    invoices = [i async for i in client.invoices.list(bid)]
    open_ar = sum(_cents(i.outstanding_balance) for i in invoices if str(i.status) != "CANCELLED")
    assert ar.total_outstanding_cents == open_ar == chart[AR].current_balance
    assert sum(ar.total_aging_buckets.to_dict().values()) == open_ar
    # Payables: the same for the open bills and the payable account.
    ap = await client.insights.ap_aging(bid)
    open_ap = sum([_cents(b.outstanding_balance) async for b in client.bills.list(bid)])
    assert ap.total_outstanding_cents == open_ap == chart[AP].current_balance
    assert sum(ap.total_aging_buckets.to_dict().values()) == open_ap
    run.checks += 1


async def _run(steps: list[tuple[Any, ...]]) -> int:
    sandbox = Sandbox()
    transport = httpx.ASGITransport(app=sandbox.app)
    async with ThredfiClient(
        partner_id=sandbox.partner_id,
        api_key=sandbox.api_key,
        base_url=IN_PROCESS_BASE_URL,
        transport=transport,
    ) as client:
        run = Run(client, sandbox, sandbox.business_id)
        for step in steps:
            await _step(run, step)
            await _check(run)
        return run.steps


STEPS_RUN: list[int] = []


@settings(
    max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(steps=st.lists(STEP, min_size=10, max_size=20))
def test_the_books_balance_after_every_step(steps: list[tuple[Any, ...]]) -> None:
    STEPS_RUN.append(asyncio.run(_run(steps)))
