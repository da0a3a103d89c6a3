"""A small plain body is read whole by the aiohttp transport; every guarantee still holds there.

Over aiohttp (the default), a body announced by ``Content-Length``, within ``max_response_bytes``
and not encoded is read in one ``read()`` inside the transport instead of streamed to the retry
layer (docs/performance.md). On that path too: the attempt's deadline bounds the body, a body
cut short is a typed error and a GET is retried, the connection slot is given back whatever
happens (a pool of one keeps working), and nothing raised carries a credential. Both transports
run each test: the httpx one streams, so the two paths are held to the same outcomes.

The hostile answers come from a small asyncio server of its own (127.0.0.1, bounded: a few
requests per test), which can announce a length and then stall with the connection open.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from thredfi_client import (
    APIConnectionError,
    APITimeoutError,
    RetryPolicy,
    ThredfiClient,
    ThredfiError,
)
from thredfi_client._retry import RetryTransport
from thredfi_client._transports._aiohttp import AiohttpTransport

from ..support import API_KEY, BUSINESS_ID, PARTNER_ID, TRANSPORTS
from .transport_support import BASIC, chain_of, leaked

SEED = Path(__file__).parents[1] / "fixtures" / "seed_examples" / "create_customer_201.json"
CUSTOMER_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
CUSTOMER = json.dumps({**json.loads(SEED.read_bytes()), "id": CUSTOMER_ID}).encode()
TOKEN_VALUE = "tok_secret_whole_body"
TOKEN = json.dumps({"access_token": TOKEN_VALUE, "expires_in": 3600}).encode()

#: What the server does with an API request: answer it, or misbehave.
Answer = Callable[[asyncio.StreamWriter], Awaitable[None]]


def _head(length: int, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + extra
        + f"Content-Length: {length}\r\n\r\n".encode()
    )


async def _answer(writer: asyncio.StreamWriter) -> None:
    writer.write(_head(len(CUSTOMER)) + CUSTOMER)


async def _stall_mid_body(writer: asyncio.StreamWriter) -> None:
    writer.write(_head(len(CUSTOMER)) + CUSTOMER[:20])
    await writer.drain()
    await asyncio.sleep(3.0)  # bounded: longer than the client's deadline, then the end


async def _cut_mid_body(writer: asyncio.StreamWriter) -> None:
    writer.write(_head(len(CUSTOMER)) + CUSTOMER[:20])
    await writer.drain()
    raise ConnectionResetError("the server hangs up mid-body")


class _Server:
    """Tokens normally; the n-th API request gets ``answers[n]`` (past the end: the customer)."""

    def __init__(self, answers: list[Answer]) -> None:
        self.answers = answers
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
                    writer.write(_head(len(TOKEN)) + TOKEN)
                else:
                    n = self.api_requests
                    self.api_requests += 1
                    await (self.answers[n] if n < len(self.answers) else _answer)(writer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[list[Answer]], Awaitable[tuple[_Server, str]]]]:
    servers: list[asyncio.Server] = []

    async def start(answers: list[Answer]) -> tuple[_Server, str]:
        handler = _Server(answers)
        server = await asyncio.start_server(handler.serve, "127.0.0.1", 0)
        servers.append(server)
        return handler, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


def _client(base_url: str, transport: str, **options: object) -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        transport=transport,  # type: ignore[arg-type]
        limits=httpx.Limits(max_connections=1),  # a slot not given back wedges the next call
        retry_policy=RetryPolicy(backoff_base=0.0),
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_body_stalling_after_its_length_was_announced_times_out_and_frees_the_slot(
    serve: Callable[[list[Answer]], Awaitable[tuple[_Server, str]]], transport: str
) -> None:
    handler, base_url = await serve([_stall_mid_body])
    async with _client(base_url, transport, timeout=0.3, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        assert time.monotonic() - started < 1.5  # the deadline, not the server's 3 s
        assert leaked(info.value, [TOKEN_VALUE, API_KEY, BASIC]) == []
        assert chain_of(info.value) == [info.value]

        # The pool has one connection: it came back (a fresh one: the stalled one is closed).
        customer = await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert str(customer.id) == CUSTOMER_ID
    assert handler.api_requests == 2


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_body_cut_short_is_retried_for_a_get_and_typed_when_attempts_run_out(
    serve: Callable[[list[Answer]], Awaitable[tuple[_Server, str]]], transport: str
) -> None:
    handler, base_url = await serve([_cut_mid_body, _cut_mid_body, _cut_mid_body])
    async with _client(base_url, transport, timeout=2.0, max_retries=1) as client:
        with pytest.raises(APIConnectionError) as info:
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        assert type(info.value) is APIConnectionError  # a broken read, not a timeout
        assert leaked(info.value, [TOKEN_VALUE, API_KEY, BASIC]) == []
        assert chain_of(info.value) == [info.value]
        assert handler.api_requests == 2  # max_retries=1: exactly one retry

        customer = await client.customers.get(BUSINESS_ID, CUSTOMER_ID)  # 3rd cut, 4th served
    assert str(customer.id) == CUSTOMER_ID
    assert handler.api_requests == 4


async def _gzip_answer(writer: asyncio.StreamWriter) -> None:
    import gzip

    body = gzip.compress(CUSTOMER)
    writer.write(_head(len(body), b"Content-Encoding: gzip\r\n") + body)


async def _chunked_answer(writer: asyncio.StreamWriter) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
    writer.write(head + b"\r\n" + f"{len(CUSTOMER):x}\r\n".encode() + CUSTOMER + b"\r\n0\r\n\r\n")


@pytest.mark.parametrize(
    ("answer", "limit", "whole"),
    [
        (_answer, 1024 * 1024, True),
        (_answer, len(CUSTOMER), True),  # exactly at the cap
        (_answer, len(CUSTOMER) - 1, False),  # over the cap: streamed, and refused there
        (_gzip_answer, 1024 * 1024, False),  # encoded: streamed, inflated under the cap
        (_chunked_answer, 1024 * 1024, False),  # no length announced: streamed
    ],
    ids=["plain", "at-the-cap", "over-the-cap", "gzip", "chunked"],
)
async def test_the_aiohttp_transport_reads_whole_only_plain_bodies_of_known_length_within_the_cap(
    serve: Callable[[list[Answer]], Awaitable[tuple[_Server, str]]],
    answer: Answer,
    limit: int,
    whole: bool,
) -> None:
    _, base_url = await serve([answer])
    inner = AiohttpTransport()
    assert inner.preread_limit == 0  # alone, it never reads whole: nobody told it the cap
    retry = RetryTransport(inner, max_response_bytes=limit)
    assert inner.preread_limit == limit
    request = httpx.Request("GET", f"{base_url}/v1/platform/businesses/x/customers/y/")
    try:
        response = await inner.handle_async_request(request)
        assert response.is_stream_consumed is whole
        if whole:
            assert response.content == CUSTOMER
        await response.aclose()
    finally:
        await retry.aclose()


async def test_the_smallest_cap_wins_when_one_transport_serves_two_retry_layers() -> None:
    inner = AiohttpTransport()
    RetryTransport(inner, max_response_bytes=5000)
    RetryTransport(inner, max_response_bytes=9000)
    RetryTransport(inner, max_response_bytes=2000)
    assert inner.preread_limit == 2000
    await inner.aclose()


async def test_a_response_read_by_any_transport_is_still_held_to_the_cap() -> None:
    # A transport handing back a response already read (e.g. httpx.MockTransport) bypasses the
    # streaming reader; the retry layer checks its size itself.
    body = b"x" * 101
    retry = RetryTransport(
        httpx.MockTransport(lambda request: httpx.Response(200, content=body)),
        max_response_bytes=100,
    )
    with pytest.raises(httpx.DecodingError) as info:
        await retry.handle_async_request(httpx.Request("GET", "https://api.thredfi.test/v1/"))
    assert "max_response_bytes" in str(info.value)
    retry_ok = RetryTransport(
        httpx.MockTransport(lambda request: httpx.Response(200, content=body)),
        max_response_bytes=101,
    )
    response = await retry_ok.handle_async_request(
        httpx.Request("GET", "https://api.thredfi.test/")
    )
    assert response.content == body
    assert response.elapsed.total_seconds() >= 0


async def test_errors_on_the_whole_body_path_are_sdk_errors(
    serve: Callable[[list[Answer]], Awaitable[tuple[_Server, str]]],
) -> None:
    _, base_url = await serve([_cut_mid_body])
    async with _client(base_url, "aiohttp", timeout=2.0, max_retries=0) as client:
        with pytest.raises(ThredfiError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
