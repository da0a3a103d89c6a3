"""Recovery over a real socket: 5xx, Retry-After, resets; nothing lost, nothing duplicated."""

from __future__ import annotations

import datetime
import itertools
import time

import pytest

from thredfi_client import RetryPolicy

from ..conftest import BUSINESS_ID
from . import fault_server as faults
from .fault_server import FaultServer
from .fixtures import TRANSPORTS, ClientFactory

#: Scheduling and request handling on top of a computed wait (2 cores, server in a thread).
SLACK = 0.15


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_503_503_200_succeeds_on_the_third_attempt_within_backoff_bounds(
    fault_server: FaultServer, make_client: ClientFactory, transport: str
) -> None:
    customer_id = fault_server.add_customer()
    fault_server.script("get_customer", faults.status(503), faults.status(503))
    # base 0.2, cap 0.3: the bounds are 0.2 s, then 0.3 s (the cap, not 0.4 s).
    client = make_client(
        transport=transport, retry_policy=RetryPolicy(backoff_base=0.2, backoff_cap=0.3)
    )

    customer = await client.customers.get(BUSINESS_ID, customer_id)

    assert str(customer.id) == customer_id
    arrivals = fault_server.arrivals("get_customer")
    assert len(arrivals) == 3
    waits = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    bounds = [min(0.3, 0.2 * 2**n) for n in range(2)]
    assert all(w <= b + SLACK for w, b in zip(waits, bounds, strict=True)), (waits, bounds)


async def test_retry_after_is_honoured(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    # The only 2-second test: Retry-After is read above the transport, so one transport (the
    # default) suffices.
    customer_id = fault_server.add_customer()
    fault_server.script("get_customer", faults.status(503, retry_after="2"))
    client = make_client()
    started = time.monotonic()

    await client.customers.get(BUSINESS_ID, customer_id)

    elapsed = time.monotonic() - started
    arrivals = fault_server.arrivals("get_customer")
    assert len(arrivals) == 2
    # Retry-After replaces the jittered backoff (which would be at most 0.05 s here).
    assert 2.0 <= arrivals[1] - arrivals[0] < 2.0 + 2 * SLACK
    assert elapsed < 2.0 + 1.0


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("after_processing", [False, True], ids=["before-commit", "after-commit"])
async def test_500_on_create_invoice_with_external_id_is_retried_into_one_invoice(
    fault_server: FaultServer, make_client: ClientFactory, transport: str, after_processing: bool
) -> None:
    fault_server.script("create_invoice", faults.status(500, after_processing=after_processing))
    client = make_client(transport=transport)

    raw = await client.invoices.with_raw_response.create(
        BUSINESS_ID,
        external_id="inv-retry-1",
        sent_at=datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC),
        line_items=[{"quantity": 1, "unit_price": 100}],
    )

    assert fault_server.count("create_invoice") == 2
    assert len(fault_server.invoices) == 1
    (stored,) = fault_server.invoices.values()
    assert str(raw.parsed.id) == stored["id"]
    # A commit before the 500 makes the retry a replay, which the API signals with 200.
    assert raw.status_code == (200 if after_processing else 201)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "fault",
    [faults.reset_mid_response(), faults.close()],
    ids=["reset-mid-response", "closed-without-answer"],
)
async def test_broken_connection_on_get_is_retried_and_succeeds(
    fault_server: FaultServer, make_client: ClientFactory, transport: str, fault: faults.Fault
) -> None:
    customer_id = fault_server.add_customer()
    fault_server.script("get_customer", fault)
    client = make_client(transport=transport)

    customer = await client.customers.get(BUSINESS_ID, customer_id)

    assert str(customer.id) == customer_id
    assert fault_server.count("get_customer") == 2
