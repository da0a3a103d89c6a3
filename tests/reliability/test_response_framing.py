"""Bytes a server sends beyond a complete response never become the answer to another request.

A response is complete at its ``Content-Length`` (or at once for a 204/304). A server or proxy
that sends more -- a body on a 204, a body longer than announced, a whole second response --
leaves bytes on the connection. httpcore kept such a connection in its pool and read those bytes
as the answer to the next request sent on it: the next ``customers.get`` returned a customer the
server never sent for it, and every later answer on that connection was one request late.

The sandbox's ``raw`` fault closes the connection after writing, and a closed connection is
never reused, so these tests serve the hostile answers from a small asyncio server of their
own (127.0.0.1, bounded: at most a few requests per test), which keeps the connection open.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from thredfi_client import RetryPolicy, ThredfiClient, ThredfiError

from ..support import API_KEY, BUSINESS_ID, PARTNER_ID, TRANSPORTS

SEED = Path(__file__).parents[1] / "fixtures" / "seed_examples" / "create_customer_201.json"
REAL_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
FORGED_ID = "ffffffff-ffff-4fff-8fff-ffffffffffff"
TOKEN = json.dumps({"access_token": "tok_secret_framing", "expires_in": 3600}).encode()


def _customer(customer_id: str) -> bytes:
    return json.dumps({**json.loads(SEED.read_bytes()), "id": customer_id}).encode()


def _response(status: int, body: bytes, *, length: int | None = None) -> bytes:
    length = len(body) if length is None else length
    head = f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {length}"
    return head.encode() + b"\r\n\r\n" + body


FORGED = _response(200, _customer(FORGED_ID))
#: What the first API request on a connection gets: a response, then bytes beyond its end.
FIRST_ANSWERS = {
    "second-response-after-content-length": _response(200, _customer(REAL_ID)) + FORGED,
    "body-on-a-204": _response(204, FORGED),
    "body-on-a-304": _response(304, FORGED),
    "body-longer-than-announced": _response(200, b"{}" + FORGED, length=2),
}


class _Server:
    """Answers token requests normally, the first API request with ``first``, every later one
    (after a short pause) with the real customer; connections stay open."""

    def __init__(self, first: bytes) -> None:
        self.first = first
        self.api_requests = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            for _ in range(10):  # bounded: a test sends a handful of requests
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                if b"/oauth2/token/" in head.split(b"\r\n")[0]:
                    writer.write(_response(200, TOKEN))
                else:
                    self.api_requests += 1
                    if self.api_requests == 1:
                        writer.write(self.first)
                    else:
                        await asyncio.sleep(0.05)  # the forged bytes, if kept, are read first
                        writer.write(_response(200, _customer(REAL_ID)))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def serve() -> AsyncIterator[Any]:
    servers: list[asyncio.Server] = []

    async def start(first: bytes) -> tuple[_Server, str]:
        handler = _Server(first)
        server = await asyncio.start_server(handler.serve, "127.0.0.1", 0)
        servers.append(server)
        port = server.sockets[0].getsockname()[1]
        return handler, f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("first", list(FIRST_ANSWERS))
async def test_bytes_beyond_a_response_never_answer_the_next_request(
    serve: Any, transport: str, first: str
) -> None:
    handler, base_url = await serve(FIRST_ANSWERS[first])
    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        transport=transport,  # type: ignore[arg-type]
        timeout=2.0,
        max_retries=0,
        retry_policy=RetryPolicy(backoff_base=0.0),
    ) as client:
        with contextlib.suppress(ThredfiError):  # a 204/304 or "{}" is no customer
            await client.customers.get(BUSINESS_ID, REAL_ID)

        answers = [await client.customers.get(BUSINESS_ID, REAL_ID) for _ in range(2)]

    assert [str(a.id) for a in answers] == [REAL_ID, REAL_ID]
    assert handler.api_requests == 3
