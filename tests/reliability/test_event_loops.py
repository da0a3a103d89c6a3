"""A client belongs to one event loop (issue 13, defect 8), and a closed client says so.

A client's connections are bound to the event loop that opened them. Using the client from a
second loop (a second ``asyncio.run``, another thread) is refused at once with an error that says
what to do, the same on both transports, every time; a closed client raises an SDK error too.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from thredfi_client import ThredfiClient, ThredfiError
from thredfi_client.testing import SandboxServer

from ..support import API_KEY, BUSINESS_ID, PARTNER_ID, TRANSPORTS, record_for_leak_scan


def _client(server: SandboxServer, transport: Any) -> ThredfiClient:
    client = ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=server.base_url, transport=transport
    )
    record_for_leak_scan("client repr", repr(client))
    return client


def _run_in_thread(coroutine: Callable[[], Awaitable[Any]]) -> BaseException | None:
    """Run ``coroutine()`` with ``asyncio.run`` in a new thread; what it raised, if anything."""
    outcome: list[BaseException | None] = [None]

    def target() -> None:
        try:
            asyncio.run(coroutine())  # type: ignore[arg-type]
        except BaseException as exc:
            outcome[0] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    return outcome[0]


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_client_used_in_a_second_asyncio_run_is_refused_at_once(
    sandbox_server: SandboxServer, transport: str
) -> None:
    client = _client(sandbox_server, transport)
    business_id = BUSINESS_ID

    async def create() -> str:
        created = await client.customers.create(business_id, company_name="Acme Ltd")
        return str(created.id)

    customer_id = asyncio.run(create())

    async def get() -> object:
        return await client.customers.get(business_id, customer_id)

    for _ in range(2):  # the same clear answer every time, not "Event loop is closed"
        started = time.monotonic()
        with pytest.raises(RuntimeError, match="event loop") as info:
            asyncio.run(get())
        assert isinstance(info.value, ThredfiError)
        assert "one client per event loop" in str(info.value)
        assert time.monotonic() - started < 1.0
    assert sandbox_server.sandbox.request_count(method="GET") == 0

    asyncio.run(client.aclose())  # closing from another loop, the first one gone, is allowed


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_client_shared_with_another_thread_is_refused_there(
    sandbox_server: SandboxServer, transport: str
) -> None:
    client = _client(sandbox_server, transport)
    business_id = BUSINESS_ID
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever)
    runner.start()
    try:

        async def create() -> object:
            return await client.customers.create(business_id, company_name="Acme Ltd")

        asyncio.run_coroutine_threadsafe(create(), loop).result(30)
        error = _run_in_thread(create)
        assert isinstance(error, ThredfiError)
        assert isinstance(error, RuntimeError)
        assert "one client per event loop" in str(error)
        # The owning loop still works.
        asyncio.run_coroutine_threadsafe(create(), loop).result(30)
        assert len(sandbox_server.sandbox.customers) == 2
        asyncio.run_coroutine_threadsafe(client.aclose(), loop).result(30)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        runner.join(30)
        loop.close()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_closed_client_raises_an_sdk_error(
    sandbox_server: SandboxServer, transport: str
) -> None:
    client = _client(sandbox_server, transport)
    business_id = BUSINESS_ID
    derived = client.with_options(max_retries=0)
    await client.customers.create(business_id, company_name="Acme Ltd")
    await client.aclose()

    for closed in (client, derived):
        with pytest.raises(ThredfiError, match="closed") as info:
            await closed.customers.create(business_id, company_name="Acme Ltd")
        assert isinstance(info.value, RuntimeError)
    assert len(sandbox_server.sandbox.customers) == 1
