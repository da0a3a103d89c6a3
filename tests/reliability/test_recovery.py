"""Recovery over a real socket: 5xx, Retry-After, resets; nothing lost, nothing duplicated."""

from __future__ import annotations

import datetime
import itertools
import time

import pytest

from thredfi_client import RetryPolicy
from thredfi_client.testing import Sandbox, SandboxServer

from ..support import BUSINESS_ID, TRANSPORTS, customer_path, invoices_path
from ..support.servers import ClientFactory

#: Scheduling and request handling on top of a computed wait (2 cores, server in a thread).
SLACK = 0.15


def _arrivals(sandbox: Sandbox, path: str, method: str) -> list[float]:
    return [r.at for r in sandbox.requests if r.path == path and r.method == method]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_503_503_200_succeeds_on_the_third_attempt_within_backoff_bounds(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    sandbox.add_fault(path, method="GET", action="respond", status=503, times=2)
    # base 0.2, cap 0.3: the bounds are 0.2 s, then 0.3 s (the cap, not 0.4 s).
    client = make_client(
        transport=transport, retry_policy=RetryPolicy(backoff_base=0.2, backoff_cap=0.3)
    )

    customer = await client.customers.get(BUSINESS_ID, customer_id)

    assert str(customer.id) == customer_id
    arrivals = _arrivals(sandbox, path, "GET")
    assert len(arrivals) == 3
    waits = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    bounds = [min(0.3, 0.2 * 2**n) for n in range(2)]
    assert all(w <= b + SLACK for w, b in zip(waits, bounds, strict=True)), (waits, bounds)


async def test_retry_after_is_honoured(
    sandbox_server: SandboxServer, make_client: ClientFactory
) -> None:
    # The only 2-second test: Retry-After is read above the transport, so one transport (the
    # default) suffices.
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    sandbox.add_fault(path, method="GET", action="respond", status=503, retry_after="2")
    client = make_client()
    started = time.monotonic()

    await client.customers.get(BUSINESS_ID, customer_id)

    elapsed = time.monotonic() - started
    arrivals = _arrivals(sandbox, path, "GET")
    assert len(arrivals) == 2
    # Retry-After replaces the jittered backoff (which would be at most 0.05 s here).
    assert 2.0 <= arrivals[1] - arrivals[0] < 2.0 + 2 * SLACK
    assert elapsed < 2.0 + 1.0


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("after_processing", [False, True], ids=["before-commit", "after-commit"])
async def test_500_on_create_invoice_with_external_id_is_retried_into_one_invoice(
    sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    after_processing: bool,
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(
        invoices_path(),
        method="POST",
        action="respond",
        status=500,
        after_processing=after_processing,
    )
    client = make_client(transport=transport)

    raw = await client.invoices.with_raw_response.create(
        BUSINESS_ID,
        external_id="inv-retry-1",
        sent_at=datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC),
        line_items=[{"quantity": 1, "unit_price": 100}],
        customer_external_id="cust-retry-1",
    )

    assert sandbox.request_count(invoices_path(), method="POST") == 2
    assert len(sandbox.invoices) == 1
    (stored,) = sandbox.invoices.values()
    assert str(raw.parsed.id) == stored["id"]
    # A commit before the 500 makes the retry a replay, which the API signals with 200.
    assert raw.status_code == (200 if after_processing else 201)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "action", ["reset", "drop"], ids=["reset-mid-response", "closed-without-answer"]
)
async def test_broken_connection_on_get_is_retried_and_succeeds(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, action: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    sandbox.add_fault(path, method="GET", action=action)  # type: ignore[arg-type]
    client = make_client(transport=transport)

    customer = await client.customers.get(BUSINESS_ID, customer_id)

    assert str(customer.id) == customer_id
    assert sandbox.request_count(path, method="GET") == 2
