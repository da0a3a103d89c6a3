"""The receivables operations and auto-pagination: the SDK against the sandbox over a socket."""

from __future__ import annotations

import asyncio
import datetime

import pytest

from thredfi_client import (
    ArgumentValueError,
    AsyncPager,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
)
from thredfi_client.models import (
    Customer,
    Invoice,
    InvoicePayment,
    InvoiceStatus,
    PaginatedCustomerList,
    PaginatedInvoiceList,
    PaginatedInvoicePaymentList,
    Refund,
)
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TRANSPORTS, invoices_path
from ..support.servers import ClientFactory

pytestmark = pytest.mark.integration

BID = BUSINESS_ID
PAYMENTS = f"{invoices_path()}payments/"
DAY = datetime.date(2030, 1, 15)


async def test_the_invoice_lifecycle_through_every_new_operation(
    sandbox_server: SandboxServer, make_client: ClientFactory
) -> None:
    """Create, pay partly, pay the rest, refund, void -- and read it all back."""
    async with make_client() as client:
        invoice = await client.invoices.create(
            BID,
            external_id="inv-1",
            customer_external_id="acme",
            sent_at=datetime.datetime(2030, 1, 10, tzinfo=datetime.UTC),
            line_items=[{"description": "Consulting", "quantity": 2, "unit_price": 15000}],
        )
        customer_id = invoice.customer.id
        first = await client.invoice_payments.create(
            BID,
            customer_id=customer_id,
            total_amount_cents=10000,
            payment_date=DAY,
            payment_method="bank_transfer",
            allocations=[{"invoice_id": invoice.id, "amount_cents": 10000}],
        )
        assert isinstance(first, InvoicePayment)  # unwrapped from {"payment": ...}
        partly = await client.invoices.get(BID, invoice.id)
        assert (partly.status, partly.outstanding_balance) == (InvoiceStatus.PARTIALLY_PAID, 20000)
        rest = await client.invoice_payments.with_raw_response.create(
            BID,
            customer_id=customer_id,
            total_amount_cents=20000,
            payment_date=DAY,
            allocations=[{"invoice_id": invoice.id, "amount_cents": 20000}],
        )
        assert rest.status_code == 201
        assert rest.http_response.json()["payment"]["id"] == str(rest.parsed.id)
        paid = await client.invoices.get(BID, invoice.id)
        assert (paid.status, paid.outstanding_balance) == (InvoiceStatus.PAID, 0)
        assert paid.paid_at is not None
        assert [a.amount_cents for a in paid.payment_allocations] == [10000, 20000]
        got = await client.invoice_payments.get(BID, first.id)
        assert got.to_dict() == first.to_dict()
        with pytest.raises(ConflictError) as refused:
            await client.invoices.void(BID, invoice.id)
        assert refused.value.error_code == "invalid_state_transition"

        refund = await client.refunds.create(BID, invoice_id=invoice.id, method="CASH")
        assert isinstance(refund, Refund)
        assert refund.refunded_amount == 30000
        assert (await client.refunds.get(BID, refund.id)).to_dict() == refund.to_dict()
        refunded = await client.invoices.get(BID, invoice.id)
        assert refunded.status == InvoiceStatus.REFUNDED
        assert [r.refund_id for r in refunded.refund_allocations] == [refund.id]

        await client.refunds.delete(BID, refund.id)  # 204: typed None
        assert (await client.invoices.get(BID, invoice.id)).status == InvoiceStatus.PAID
        with pytest.raises(NotFoundError):
            await client.refunds.get(BID, refund.id)
        await client.refunds.create(BID, invoice_id=invoice.id, method="CASH")

        updated = await client.invoices.update(BID, invoice.id, memo="cancelled by the customer")
        assert updated.memo == "cancelled by the customer"
        voided = await client.invoices.void(BID, invoice.id, memo="duplicate")
        assert (voided.status, voided.outstanding_balance) == (InvoiceStatus.CANCELLED, 0)

        payments = await client.invoice_payments.list(BID, customer_id=[customer_id])
        assert isinstance(payments, PaginatedInvoicePaymentList)
        assert {p.id for p in payments.results} == {first.id, rest.parsed.id}
        customers = await client.customers.list(BID)
        assert isinstance(customers, PaginatedCustomerList)
        assert [c.id for c in customers.results] == [customer_id]
        assert all(isinstance(c, Customer) for c in customers.results)


async def test_filters_travel_as_the_contract_spells_them(
    sandbox_server: SandboxServer, make_client: ClientFactory
) -> None:
    sandbox = sandbox_server.sandbox
    early = sandbox.add_invoice(sent_at="2030-01-05T10:00:00Z", memo="january")
    later = sandbox.add_invoice(sent_at="2030-02-05T10:00:00Z", customer_external_id="bob")
    async with make_client() as client:
        paid_early = await client.invoice_payments.create(
            BID,
            customer_id=early["customer"]["id"],
            total_amount_cents=10000,
            payment_date=DAY,
            allocations=[{"invoice_id": early["id"], "amount_cents": 10000}],
        )
        assert paid_early.allocated_amount_cents == 10000

        async def listed(**filters: object) -> list[str]:
            return [str(i.id) async for i in client.invoices.list(BID, **filters)]  # type: ignore[arg-type]

        assert await listed(status=["sent", "overdue"]) == [later["id"]]
        assert await listed(status=["paid"]) == [early["id"]]
        both = [early["customer"]["id"], later["customer"]["id"]]
        assert await listed(customer_id=both) == [early["id"], later["id"]]
        assert await listed(sent_at_start=datetime.date(2030, 2, 1)) == [later["id"]]
        assert await listed(memo_contains="JAN") == [early["id"]]
        since = datetime.datetime(2030, 2, 1, tzinfo=datetime.UTC)
        assert await listed(due_at_start=since) == [early["id"], later["id"]]
        before = sandbox.request_count(invoices_path())
        with pytest.raises(ArgumentValueError, match=r"status\[0\]: 'late' is not one of"):
            await client.invoices.list(BID, status=["late"])  # type: ignore[list-item]
        assert sandbox.request_count(invoices_path()) == before  # refused before sending
        with pytest.raises(BadRequestError) as bad:  # the server's own check, past the SDK's
            await client.invoices.list(BID, extra_query={"status": "late"})
    assert list(bad.value.field_errors) == ["status"]


@pytest.mark.parametrize("envelope", ["page_info", "links"])
@pytest.mark.parametrize("prefetch", [False, True], ids=["", "prefetch"])
async def test_a_thousand_invoices_in_ten_page_requests(
    sandbox_server: SandboxServer, make_client: ClientFactory, envelope: str, prefetch: bool
) -> None:
    """Issue 11, done when: iterating 1,000 invoices through `async for` makes exactly 10
    page requests (the sandbox's request log), in either documented envelope."""
    sandbox = sandbox_server.sandbox
    sandbox.page_envelope = envelope  # type: ignore[assignment]
    created = [sandbox.add_invoice(external_id=f"inv-{n:04d}")["id"] for n in range(1000)]
    async with make_client() as client:
        pager = client.invoices.list(BID, prefetch=prefetch)
        assert isinstance(pager, AsyncPager)
        seen = [str(invoice.id) async for invoice in pager]
        assert all(isinstance(i, Invoice) for i in (await pager).results)
    assert seen == created
    pages = [r for r in sandbox.requests if r.path == invoices_path() and r.method == "GET"]
    assert len(pages) == 11  # 10 for the walk, 1 for the `await` after it
    assert [r.query_string for r in pages[:10]] == [f"page={p}&page_size=100" for p in range(1, 11)]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_page_request_is_retried_and_a_failing_one_is_typed(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    for n in range(250):
        sandbox.add_invoice(external_id=f"inv-{n}")
    path = invoices_path()
    async with make_client(transport=transport) as client:
        sandbox.add_fault(path, method="GET", action="respond", status=503)  # page 1, once
        count = sum([1 async for _ in client.invoices.list(BID)])
        assert count == 250
        sandbox.add_fault(path, method="GET", action="respond", status=500, times=None)
        pages = client.invoices.list(BID, page=2).iter_pages()
        with pytest.raises(InternalServerError):
            await anext(pages)
        sandbox.clear_faults()
    assert sandbox.request_count(path, method="GET") == 4 + 3  # 1 retried + 3 pages; 3 tries


async def test_a_payment_whose_answer_is_lost_is_recorded_once(
    sandbox_server: SandboxServer, make_client: ClientFactory
) -> None:
    """The Idempotency-Key made for the call is sent again by the retry: the sandbox replays
    the first answer (200) instead of recording the payment twice."""
    sandbox = sandbox_server.sandbox
    invoice = sandbox.add_invoice()
    sandbox.add_fault(PAYMENTS, method="POST", action="respond", status=503, after_processing=True)
    async with make_client() as client:
        raw = await client.invoice_payments.with_raw_response.create(
            BID,
            customer_id=invoice["customer"]["id"],
            total_amount_cents=2500,
            payment_date=DAY,
            allocations=[{"invoice_id": invoice["id"], "amount_cents": 2500}],
        )
    for _ in range(200):  # the server thread logs the status just after sending the answer
        if sandbox.requests_in_flight == 0:
            break
        await asyncio.sleep(0.01)
    attempts = [r for r in sandbox.requests if r.path == PAYMENTS]
    assert [r.status for r in attempts] == [503, 200]
    keys = {r.headers["idempotency-key"] for r in attempts}
    assert len(keys) == 1
    assert raw.status_code == 200
    assert len(sandbox.payments) == 1
    assert sandbox.invoices[invoice["id"]]["outstanding_balance"] == 7500


async def test_the_list_page_types_and_the_raw_first_page(
    sandbox_server: SandboxServer, make_client: ClientFactory
) -> None:
    for n in range(3):
        sandbox_server.sandbox.add_invoice(external_id=f"inv-{n}")
    async with make_client() as client:
        page = await client.invoices.list(BID, page_size=2)
        raw = await client.invoices.with_raw_response.list(BID, page_size=2, page=2)
    assert isinstance(page, PaginatedInvoiceList)
    assert page.page_info.total_pages == 2  # type: ignore[union-attr]
    assert raw.status_code == 200
    assert raw.request_id
    assert len(raw.parsed.results) == 1
