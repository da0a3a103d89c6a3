"""The connection pool under per-attempt deadlines (issue 13, defects 2 and 3), both transports.

* A deadline that expires while a request waits for, or opens, a connection must not leak the
  pool slot (httpcore #1093: a cancelled request can leave a connection stuck in CONNECTING).
* Waiting for a free connection is bounded by the pool timeout, not by the attempt's deadline,
  and a request that never got a connection is reported as never sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time

import httpx
import pytest

from thredfi_client import APITimeoutError, NotFoundError, ThredfiClient
from thredfi_client._transports._aiohttp import AiohttpTransport
from thredfi_client._transports._httpx import HttpxTransport
from thredfi_client._transports._native import NativeTransport
from thredfi_client.models import Customer
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TRANSPORTS, customer_path, customers_path
from ..support.servers import ClientFactory

#: The issue's reproduction: six bursts of 300 calls, timeout=1, a server taking 0.2-1.2 s.
BURSTS, BURST_CALLS, SLOW = 6, 300, (0.2, 1.2)


def _customer(server: SandboxServer) -> str:
    """One customer, made outside what a test measures."""
    return str(server.sandbox.add_customer()["id"])


def _checked_out(client: ThredfiClient) -> int:
    """Requests or connections the API lane's pool still counts as in use."""
    inner = client.http_client._transport.wrapped  # type: ignore[attr-defined]
    if isinstance(inner, NativeTransport):
        return inner.checked_out()
    if isinstance(inner, HttpxTransport):
        pool = inner.pool._pool
        busy = [c for c in pool.connections if not (c.is_idle() or c.is_closed())]
        return len(pool._requests) + len(busy)
    assert isinstance(inner, AiohttpTransport)
    connector = inner._session.connector  # type: ignore[union-attr]
    return len(connector._acquired)  # type: ignore[union-attr]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_pool_recovers_at_full_capacity_after_bursts_of_expiring_deadlines(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = _customer(sandbox_server)
    path = customer_path(customer_id)
    client = make_client(transport=transport, timeout=1.0)
    await client.customers.get(BUSINESS_ID, customer_id)  # its token, outside the bursts
    for _ in range(BURSTS):
        # Each call's first attempt waits 0.2-1.2 s (drawn per request); its retries do not.
        sandbox.add_fault(path, method="GET", action="delay", delay=SLOW, times=BURST_CALLS)
        outcomes = await asyncio.gather(
            *(client.customers.get(BUSINESS_ID, customer_id) for _ in range(BURST_CALLS)),
            return_exceptions=True,
        )
        # Calls may time out (their attempts are slow); none may fail in any other way.
        assert [o for o in outcomes if not isinstance(o, Customer | APITimeoutError)] == []
        sandbox.clear_faults()

    # Nothing is left checked out of the pool (on httpx, httpcore#1093 left slots CONNECTING).
    assert _checked_out(client) == 0
    # The server is fast again: five calls succeed...
    for _ in range(5):
        await client.customers.get(BUSINESS_ID, customer_id, timeout=2.0)
    # ... and the pool is at full capacity: 100 calls that each hold a connection for 1 s all
    # get one at once (a request waiting 0.5 s for a free connection would fail, no retry).
    sandbox.add_fault(path, method="GET", action="delay", delay=1.0, times=100)
    started = time.monotonic()
    outcomes = await asyncio.gather(
        *(
            client.customers.get(
                BUSINESS_ID,
                customer_id,
                timeout=httpx.Timeout(10.0, pool=0.5),
                max_retries=0,
            )
            for _ in range(100)
        ),
        return_exceptions=True,
    )
    assert [o for o in outcomes if not isinstance(o, Customer)] == []
    assert time.monotonic() - started < 5.0


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_pool_survives_callers_that_give_up_at_any_moment(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    # Callers cancel their calls (asyncio.wait_for, a task group...) while they wait for a
    # connection, open one, send or read. On httpx, a cancel between "the pool gave me a
    # connection" and "the request started on it" left the connection stuck for good.
    sandbox = sandbox_server.sandbox
    customer_id = _customer(sandbox_server)
    path = customer_path(customer_id)
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=5)
    client = make_client(transport=transport, limits=limits)
    await client.customers.get(BUSINESS_ID, customer_id)  # its token, outside the bursts
    patience = random.Random(13)

    async def impatient() -> None:
        with contextlib.suppress(TimeoutError):
            call = client.customers.get(BUSINESS_ID, customer_id)
            await asyncio.wait_for(call, patience.uniform(0.0, 0.4))

    for _ in range(4):
        sandbox.add_fault(path, method="GET", action="delay", delay=(0.0, 0.05), times=400)
        await asyncio.gather(*(impatient() for _ in range(400)))
        sandbox.clear_faults()

    # Requests whose callers left finish (or stop before sending) on their own, within a second.
    for _ in range(40):
        if _checked_out(client) == 0:
            break
        await asyncio.sleep(0.05)
    assert _checked_out(client) == 0
    sandbox.add_fault(path, method="GET", action="delay", delay=0.5, times=20)
    outcomes = await asyncio.gather(
        *(
            client.customers.get(
                BUSINESS_ID, customer_id, timeout=httpx.Timeout(10.0, pool=0.3), max_retries=0
            )
            for _ in range(20)
        ),
        return_exceptions=True,
    )
    assert [o for o in outcomes if not isinstance(o, Customer)] == []


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_creates_queued_for_a_small_pool_all_succeed_and_each_is_sent_once(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    # 6 creates without external_id over 2 connections, the server taking 1.5 s each and
    # timeout=2: the server has 2 s to answer each, however long the queue for a connection.
    _customer(sandbox_server)
    path = customers_path()
    client = make_client(
        transport=transport,
        timeout=2.0,
        limits=httpx.Limits(max_connections=2, max_keepalive_connections=2),
    )
    with pytest.raises(NotFoundError):  # the token, outside the measure
        await client.customers.get(BUSINESS_ID, BUSINESS_ID)
    sandbox.add_fault(path, method="POST", action="delay", delay=1.5, times=None)

    outcomes = await asyncio.gather(
        *(client.customers.create(BUSINESS_ID, company_name=f"C{n}") for n in range(6)),
        return_exceptions=True,
    )

    assert [o for o in outcomes if not isinstance(o, Customer)] == []
    assert sandbox.request_count(path, method="POST") == 6
    assert len(sandbox.customers) == 1 + 6


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_request_that_never_got_a_connection_is_reported_as_never_sent(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = _customer(sandbox_server)
    get_path = customer_path(customer_id)
    create_path = customers_path()
    client = make_client(transport=transport, limits=httpx.Limits(max_connections=1))
    await client.customers.get(BUSINESS_ID, customer_id)  # token
    sandbox.add_fault(get_path, method="GET", action="delay", delay=1.5)
    holder = asyncio.create_task(client.customers.get(BUSINESS_ID, customer_id))
    await asyncio.sleep(0.3)  # the GET holds the only connection

    with pytest.raises(APITimeoutError) as info:
        await client.customers.create(
            BUSINESS_ID,
            company_name="Acme Ltd",
            timeout=httpx.Timeout(5.0, pool=0.3),
            max_retries=0,
        )

    assert str(info.value).startswith("pool timed out after 0.3s"), str(info.value)
    assert sandbox.request_count(create_path, method="POST") == 0
    await holder


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_never_sent_create_is_retried_once_a_connection_is_free(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = _customer(sandbox_server)
    get_path = customer_path(customer_id)
    create_path = customers_path()
    client = make_client(transport=transport, limits=httpx.Limits(max_connections=1))
    await client.customers.get(BUSINESS_ID, customer_id)  # token
    sandbox.add_fault(get_path, method="GET", action="delay", delay=0.6)
    holder = asyncio.create_task(client.customers.get(BUSINESS_ID, customer_id))
    await asyncio.sleep(0.2)

    created = await client.customers.create(
        BUSINESS_ID, company_name="Acme Ltd", timeout=httpx.Timeout(5.0, pool=0.3)
    )

    assert isinstance(created, Customer)
    assert sandbox.request_count(create_path, method="POST") == 1
    assert len(sandbox.customers) == 1 + 1
    await holder
