"""``aclose()`` while calls wait for a connection: nothing is sent after it returns.

One call holds the only connection on a slow server; five more wait for it. ``aclose()`` must
fail the five with ``ClientClosedError`` before they are sent, and the call in flight too (its
connection is closed); no request reaches the server after ``aclose()`` returned, and no
connection is left open (httpx's pool left one). On every transport.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from thredfi_client import ClientClosedError, RetryPolicy, ThredfiClient

from ..support import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID, TRANSPORTS

TOKEN = json.dumps({"access_token": "tok_secret_close", "expires_in": 3600}).encode()


class _SlowServer:
    """Answers token requests at once and holds every API request (bounded: 10 s)."""

    def __init__(self) -> None:
        self.api_requests = 0
        self.open = 0
        self.first_request = asyncio.Event()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.open += 1
        try:
            for _ in range(20):
                head = await reader.readuntil(b"\r\n\r\n")
                if b"/oauth2/token/" in head.split(b"\r\n", 1)[0]:
                    length = next(
                        int(line.split(b":", 1)[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    )
                    await reader.readexactly(length)
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(TOKEN), TOKEN)
                    )
                    continue
                self.api_requests += 1
                self.first_request.set()
                await asyncio.wait_for(reader.read(1), 10)  # until the client hangs up
                return
        except (asyncio.IncompleteReadError, ConnectionError, TimeoutError):
            pass
        finally:
            self.open -= 1
            writer.close()


@pytest.fixture
async def slow_server() -> AsyncIterator[tuple[_SlowServer, str]]:
    handler = _SlowServer()
    server = await asyncio.start_server(handler.serve, "127.0.0.1", 0)
    yield handler, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    server.close()
    await server.wait_closed()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_aclose_fails_waiting_calls_before_they_are_sent(
    slow_server: tuple[_SlowServer, str], transport: str
) -> None:
    handler, base_url = slow_server
    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        transport=transport,  # type: ignore[arg-type]
        limits=httpx.Limits(max_connections=1),
        timeout=10.0,
        max_retries=2,
        retry_policy=RetryPolicy(backoff_base=0.0),
    )
    calls = [asyncio.create_task(client.customers.get(BUSINESS_ID, CUSTOMER_ID)) for _ in range(6)]
    async with asyncio.timeout(5):
        await handler.first_request.wait()  # one in flight, five waiting for its connection
    await asyncio.sleep(0.1)

    await client.aclose()
    sent_when_closed = handler.api_requests
    outcomes: list[Any] = await asyncio.gather(*calls, return_exceptions=True)
    await asyncio.sleep(0.3)  # anything still on its way would arrive now

    assert sent_when_closed == 1
    assert handler.api_requests == 1
    assert [type(o) for o in outcomes] == [ClientClosedError] * 6
    assert handler.open == 0  # every connection closed
