"""Issue 13, defect 9, over a real loopback socket on both transports: input the contract forbids
raises a typed error naming the field and value, and the server receives nothing.

The sandbox records every request it receives (``Sandbox.requests``). Each bad call is made after
a good one, so a token is cached and a connection is open: had the SDK sent anything, the
sandbox would have seen it.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Literal

import pytest
import pytest_asyncio

from thredfi_client import ThredfiClient, ThredfiError
from thredfi_client.testing import Sandbox, SandboxServer

from ..support.constants import API_KEY, PARTNER_ID

pytestmark = pytest.mark.integration

Transport = Literal["native", "httpx", "aiohttp"]
TRANSPORTS: tuple[Transport, ...] = ("native", "httpx", "aiohttp")
NOW = datetime.datetime.now(datetime.UTC)
#: The contract wants at least one line on an invoice.
A_LINE: list[dict[str, Any]] = [{"quantity": 1, "unit_price": 100}]


@pytest_asyncio.fixture
async def served() -> AsyncIterator[tuple[Sandbox, SandboxServer]]:
    sandbox = Sandbox(partner_id=PARTNER_ID, api_key=API_KEY)
    async with SandboxServer(sandbox) as server:
        yield sandbox, server


BadCall = Callable[[ThredfiClient, str, str], Awaitable[Any]]


def bad_calls() -> dict[str, tuple[BadCall, str, str]]:
    """name -> (the call, given a client, business id and customer id; the argument it names;
    text the message shows)."""
    return {
        "negative credit limit": (
            lambda c, b, _: c.customers.create(
                business_id=b, company_name="Acme", credit_limit_cents=-5
            ),
            "credit_limit_cents",
            "-5 is less than the minimum, 0",
        ),
        "beyond int64": (
            lambda c, b, _: c.customers.create(
                business_id=b, company_name="Acme", payment_terms_days=10**30
            ),
            "payment_terms_days",
            "does not fit the contract's int64 integers",
        ),
        "empty invoice external_id": (
            lambda c, b, _: c.invoices.create(
                business_id=b, external_id="", sent_at=NOW, line_items=A_LINE
            ),
            "external_id",
            "'' is shorter than 1 character",
        ),
        "naive sent_at": (
            lambda c, b, _: c.invoices.create(
                business_id=b,
                external_id="inv-naive",
                sent_at=datetime.datetime(2026, 1, 2, 3, 4, 5),
                line_items=A_LINE,
            ),
            "sent_at",
            "is a naive datetime",
        ),
        "path UUID with CRLF": (
            lambda c, b, cid: c.customers.get(business_id=b[:-2] + "\r\n", customer_id=cid),
            "business_id",
            "\\r\\n",
        ),
        "body UUID with a leading space": (
            lambda c, b, cid: c.invoices.create(
                business_id=b,
                external_id="inv-space",
                sent_at=NOW,
                line_items=A_LINE,
                customer_id=" " + cid[1:],
            ),
            "customer_id",
            "is not a UUID in canonical form",
        ),
        "three-letter business country": (
            lambda c, _b, _c: c.businesses.create(
                external_id="user-1",
                legal_name="Acme",
                entity_type="bv",
                email="a@acme.test",
                country="NLD",
            ),
            "country",
            "'NLD' is longer than 2 character(s)",
        ),
        "partial update with a too long VAT number": (
            lambda c, b, _: c.businesses.update(business_id=b, vat_number="NL" + "1" * 19),
            "vat_number",
            "is longer than 20 character(s)",
        ),
        "refund payment of nothing": (
            lambda c, b, _: c.refund_payments.create(
                business_id=b, refund_id=uuid.uuid4(), amount_cents=0, method="CASH"
            ),
            "amount_cents",
            "0 is less than the minimum, 1",
        ),
        # Issue 22: a business-only operation exchanges no token for a call it refuses.
        "bill payment of nothing": (
            lambda c, b, _: c.bill_payments.create(
                business_id=b,
                vendor_id=uuid.uuid4(),
                amount_cents=0,
                payment_method="bank_transfer",
                payment_date=datetime.date(2026, 12, 1),
            ),
            "amount_cents",
            "0 is less than the minimum, 1",
        ),
        "vendor refund payment with an empty Idempotency-Key": (
            lambda c, b, _: c.vendor_refund_payments.create(
                business_id=b, vendor_id=uuid.uuid4(), total_amount_cents=100, idempotency_key=""
            ),
            "idempotency_key",
            "'' is shorter than 1 character",
        ),
        "report at an unknown level of detail": (
            lambda c, b, _: c.reports.profit_and_loss(business_id=b, detail_level="full"),
            "detail_level",
            "'full'",
        ),
    }


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("name", list(bad_calls()))
async def test_forbidden_input_is_refused_and_never_sent(
    served: tuple[Sandbox, SandboxServer], transport: Transport, name: str
) -> None:
    sandbox, server = served
    call, argument, shown = bad_calls()[name]
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=server.base_url, transport=transport
    ) as client:
        customer = await client.customers.create(
            business_id=sandbox.business_id, company_name="Good Ltd"
        )
        received = len(sandbox.requests)
        with pytest.raises((ValueError, TypeError)) as caught:
            await call(client, sandbox.business_id, str(customer.id))
        assert len(sandbox.requests) == received, "the server received the bad call"
        # The client still works, and only the good call after it reaches the server.
        await client.customers.get(business_id=sandbox.business_id, customer_id=customer.id)
    error = caught.value
    assert isinstance(error, ThredfiError)
    assert getattr(error, "argument", None) == argument
    assert argument in str(error)
    assert shown in str(error)
    assert len(sandbox.requests) == received + 1
    assert len(sandbox.customers) == 1
    assert sandbox.invoices == {}


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_rewritten_business_id_no_longer_reaches_another_business(
    served: tuple[Sandbox, SandboxServer], transport: Transport
) -> None:
    """``uuid.UUID(BIZ[:-2] + "\\r\\n")`` is another id; when the partner owns that business too,
    the call used to create the customer there."""
    sandbox, server = served
    bid = sandbox.business_id
    rewritten = str(uuid.UUID(bid[:-2] + "\r\n"))
    assert rewritten != bid
    sandbox.add_business(business_id=rewritten)
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=server.base_url, transport=transport
    ) as client:
        with pytest.raises(ValueError, match="business_id must be a UUID") as caught:
            await client.customers.create(business_id=bid[:-2] + "\r\n", company_name="Acme")
    assert isinstance(caught.value, ThredfiError)
    assert sandbox.requests == []
    assert sandbox.customers == {}
