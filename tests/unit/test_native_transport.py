"""The native transport (``thredfi_client._transports._native``), against scripted servers.

Every test serves exact bytes from an ``asyncio.start_server`` on 127.0.0.1 (port 0) and checks
what the transport made of them: the response or the exact error, the bytes the server received,
and whether the connection was reused (the server counts the connections it accepted). Every
wait is bounded: each test runs inside ``asyncio.timeout(BUDGET)``, and the servers' reads too.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import functools
import gzip
import hashlib
import ipaddress
import random
import socket
import ssl
import struct
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import httptools
import httpx
import pytest

from thredfi_client import (
    APIConnectionError,
    ClientClosedError,
    EventLoopError,
    RetryPolicy,
    ThredfiClient,
)
from thredfi_client._extensions import TOTAL_TIMEOUT
from thredfi_client._retry import RetryTransport
from thredfi_client._transports import _native as native
from thredfi_client._transports._body import BodyTooLarge
from thredfi_client._transports._native import MAX_HEAD, MAX_HEADER_LINE, NativeTransport
from thredfi_client._transports._pool import StrayGuard

from ..support import API_KEY, PARTNER_ID

#: Seconds any one test may take, server included.
BUDGET = 5.0
#: A credential set on requests: it must appear in no error.
SECRET = "Bearer tok_secret_native_transport_0123456789"
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

F = TypeVar("F", bound=Callable[..., Coroutine[Any, Any, None]])


def bounded(test: F) -> F:
    """Run an async test inside ``asyncio.timeout(BUDGET)``."""

    @functools.wraps(test)
    async def wrapper(*args: Any, **kwargs: Any) -> None:
        async with asyncio.timeout(BUDGET):
            await test(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


# -- a scripted server ---------------------------------------------------------------------------


def response(
    status: int = 200,
    body: bytes = b"",
    *,
    reason: str = "OK",
    headers: tuple[str, ...] = (),
    length: int | None = None,
    version: str = "HTTP/1.1",
) -> bytes:
    """A response with ``Content-Length`` (``length=-1``: none)."""
    lines = [f"{version} {status} {reason}", *headers]
    length = len(body) if length is None else length
    if length >= 0:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


OK = response(200, b"hello")
CHUNKED_OK = b"2\r\nok\r\n0\r\n\r\n"


class Received:
    """One request as the server read it."""

    def __init__(self, head: bytes, body: bytes, raw: bytes) -> None:
        self.head = head
        self.body = body
        self.raw = raw
        lines = head.split(b"\r\n")
        self.line = lines[0]
        self.headers = [tuple(line.split(b": ", 1)) for line in lines[1:] if line]


class Peer:
    """The server's side of one accepted connection."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def read_request(self) -> Received | None:
        """The next request (None at the end of the connection)."""
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            return None
        length = 0
        chunked = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
        if not chunked:
            body = await self.reader.readexactly(length)
            return Received(head, body, head + body)
        raw, body = b"", b""
        while True:
            size_line = await self.reader.readuntil(b"\r\n")
            size = int(size_line.strip(), 16)
            data = await self.reader.readexactly(size + 2)
            raw += size_line + data
            body += data[:-2]
            if size == 0:
                return Received(head, body, head + raw)

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    def reset(self) -> None:
        """Abort with a TCP RST (SO_LINGER 0)."""
        sock = self.writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.writer.transport.abort()


Answer = bytes | Callable[[Peer, Received], Awaitable[None]]


class Server:
    """Answers the n-th request it reads (over all connections) with ``answers[n]``: bytes to
    write, or a coroutine function doing whatever the test needs. Connections stay open until
    the client ends them (or an answer does)."""

    def __init__(
        self,
        answers: list[Answer] | None = None,
        *,
        on_connect: Callable[[Peer], Awaitable[None]] | None = None,
    ) -> None:
        self.answers = answers or []
        self.on_connect = on_connect
        self.connections = 0
        self.open = 0
        self.most_open = 0
        self.requests: list[Received] = []
        self.ended = 0  # connections the client ended (EOF seen)
        self.ended_event = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self, ssl_context: ssl.SSLContext | None = None) -> Server:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=ssl_context)
        return self

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    def url(self, path: str = "/", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.connections += 1
        self.open += 1
        self.most_open = max(self.most_open, self.open)
        peer = Peer(reader, writer)
        try:
            if self.on_connect is not None:
                await self.on_connect(peer)
                return
            while True:
                received = await peer.read_request()
                if received is None:
                    self.ended += 1
                    self.ended_event.set()
                    return
                self.requests.append(received)
                answer = self.answers[len(self.requests) - 1]
                if callable(answer):
                    await answer(peer, received)
                else:
                    await peer.send(answer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client went away, or the test ended (stop() cancels what still runs)
        finally:
            self.open -= 1
            writer.close()
            self._tasks.discard(task)

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(1):
                await self._server.wait_closed()


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., Awaitable[Server]]]:
    servers: list[Server] = []

    async def start(answers: list[Answer] | None = None, **kwargs: Any) -> Server:
        server = await Server(answers, **kwargs).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()


@pytest.fixture
async def transport() -> AsyncIterator[NativeTransport]:
    t = NativeTransport()
    yield t
    with contextlib.suppress(Exception):
        await t.aclose()


def then_close(data: bytes) -> Answer:
    async def answer(peer: Peer, _: Received) -> None:
        await peer.send(data)
        peer.writer.close()

    return answer


def then_reset(data: bytes) -> Answer:
    async def answer(peer: Peer, _: Received) -> None:
        if data:
            await peer.send(data)
            await asyncio.sleep(0.05)
        peer.reset()

    return answer


def after(seconds: float, data: bytes) -> Answer:
    async def answer(peer: Peer, _: Received) -> None:
        await asyncio.sleep(seconds)
        await peer.send(data)

    return answer


def in_pieces(*pieces: bytes, pause: float = 0.02) -> Answer:
    async def answer(peer: Peer, _: Received) -> None:
        for piece in pieces:
            await peer.send(piece)
            await asyncio.sleep(pause)

    return answer


async def held(peer: Peer, _: Received) -> None:
    """Never answers (the test ends the connection)."""
    await asyncio.sleep(BUDGET * 2)


async def fetch(
    t: httpx.AsyncBaseTransport, request: httpx.Request
) -> tuple[httpx.Response, bytes]:
    """Send ``request``; the response and its whole body, the stream closed."""
    resp = await t.handle_async_request(request)
    try:
        body = await resp.aread()
    finally:
        await resp.aclose()
    return resp, body


def get(url: str, **kwargs: Any) -> httpx.Request:
    return httpx.Request("GET", url, **kwargs)


# -- requests on the wire, responses read whole ---------------------------------------------------


@bounded
async def test_a_get_is_read_whole_and_its_connection_reused(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([OK, response(200, b"again", reason="Fine")])
    transport.preread_limit = 1024
    request = get(
        server.url("/v1/things/?q=a%20b&x=1"),
        headers=[("X-One", "1"), ("x-two", "two words"), ("Accept", "application/json")],
    )
    first = await transport.handle_async_request(request)
    assert first.is_stream_consumed
    assert first.is_closed
    assert first.status_code == 200
    assert first.content == b"hello"
    assert first.reason_phrase == "OK"
    assert first.extensions["http_version"] == b"HTTP/1.1"
    assert first.request is request
    assert first.headers["content-length"] == "5"
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 1

    second, body = await fetch(transport, get(server.url("/2")))
    assert (second.status_code, body, second.reason_phrase) == (200, b"again", "Fine")
    assert server.connections == 1  # reused
    host = f"127.0.0.1:{server.port}".encode()
    assert server.requests[0].raw == (
        b"GET /v1/things/?q=a%20b&x=1 HTTP/1.1\r\n"
        b"Host: " + host + b"\r\n"
        b"X-One: 1\r\n"
        b"x-two: two words\r\n"
        b"Accept: application/json\r\n"
        b"\r\n"
    )
    assert server.requests[1].line == b"GET /2 HTTP/1.1"
    assert transport.checked_out() == 0


@bounded
async def test_a_post_sends_its_body_with_content_length(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([OK, OK])
    body = b'{"name": "x"}'
    _, got = await fetch(transport, httpx.Request("POST", server.url("/p"), content=body))
    assert got == b"hello"
    received = server.requests[0]
    assert received.line == b"POST /p HTTP/1.1"
    assert (b"Content-Length", str(len(body)).encode()) in received.headers
    assert received.body == body
    assert received.raw.endswith(b"\r\n\r\n" + body)
    # A body over 64 KiB goes out in a second write: same bytes on the wire.
    large = bytes(random.randbytes(200_000))
    _, got = await fetch(transport, httpx.Request("PUT", server.url("/big"), content=large))
    assert got == b"hello"
    assert server.requests[1].body == large
    assert server.connections == 1


@bounded
async def test_a_streamed_request_body_is_sent_chunked(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([OK, OK])

    async def parts() -> AsyncIterator[bytes]:
        for part in (b"ab", b"", b"cdef"):
            yield part

    request = httpx.Request("POST", server.url("/s"), content=parts())
    assert request.headers["transfer-encoding"] == "chunked"
    _, got = await fetch(transport, request)
    assert got == b"hello"
    received = server.requests[0]
    assert (b"Transfer-Encoding", b"chunked") in received.headers
    assert received.raw.endswith(b"\r\n\r\n6\r\nabcdef\r\n0\r\n\r\n")
    assert received.body == b"abcdef"

    async def nothing() -> AsyncIterator[bytes]:
        return
        yield b""  # pragma: no cover - makes this an async generator

    _, got = await fetch(transport, httpx.Request("POST", server.url("/e"), content=nothing()))
    assert got == b"hello"
    assert server.requests[1].raw.endswith(b"\r\n\r\n0\r\n\r\n")
    assert server.connections == 1


@bounded
async def test_a_request_without_a_host_header_still_sends_host(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([OK])
    request = get(server.url("/h"), headers={"X-A": "b"})
    del request.headers["Host"]
    await fetch(transport, request)
    lines = server.requests[0].head.split(b"\r\n")
    assert lines[:3] == [b"GET /h HTTP/1.1", f"Host: 127.0.0.1:{server.port}".encode(), b"X-A: b"]


@bounded
async def test_a_chunked_response_streams_and_the_connection_is_reused(
    serve: Any, transport: NativeTransport
) -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    )
    server = await serve([in_pieces(chunked[:50], chunked[50:70], chunked[70:]), OK])
    transport.preread_limit = 1 << 20  # no length: streamed anyway
    resp = await transport.handle_async_request(get(server.url()))
    assert not resp.is_stream_consumed
    assert await resp.aread() == b"hello world"
    await resp.aclose()
    assert transport.idle_connections() == 1
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 1


@bounded
async def test_a_body_delimited_by_the_connections_end(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve(
        [then_close(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end"), OK]
    )
    resp, body = await fetch(transport, get(server.url()))
    assert (resp.status_code, body) == (200, b"until the end")
    assert transport.idle_connections() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_a_connection_close_response_is_not_reused(
    serve: Any, transport: NativeTransport
) -> None:
    # The server keeps the connection open: only the header says it ends.
    server = await serve([response(200, b"bye", headers=("Connection: close",)), OK])
    transport.preread_limit = 1024
    first = await transport.handle_async_request(get(server.url()))
    assert first.content == b"bye"
    assert transport.idle_connections() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_an_http_1_0_response_is_read_and_not_reused(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([response(200, b"old", version="HTTP/1.0"), OK])
    transport.preread_limit = 1024
    first = await transport.handle_async_request(get(server.url()))
    assert (first.status_code, first.content) == (200, b"old")
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_an_http_1_0_response_delimited_by_the_end(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([then_close(b"HTTP/1.0 200 OK\r\n\r\nold body")])
    _, body = await fetch(transport, get(server.url()))
    assert body == b"old body"
    assert transport.checked_out() == 0


@bounded
async def test_a_body_arriving_with_its_head_is_returned_read(
    serve: Any, transport: NativeTransport
) -> None:
    # Complete by the time the head is handled: returned read whatever preread_limit says
    # (the retry layer still checks its size against the cap).
    server = await serve([response(200, b"c" * 5000), OK])
    resp = await transport.handle_async_request(get(server.url()))
    assert resp.is_stream_consumed
    assert resp.content == b"c" * 5000
    await fetch(transport, get(server.url()))
    assert server.connections == 1


@bounded
async def test_a_non_chunked_transfer_coding_is_delimited_by_the_end(
    serve: Any, transport: NativeTransport
) -> None:
    # RFC 9112, 6.3: a response whose final transfer coding is not chunked ends with the
    # connection.
    server = await serve([then_close(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\nabc")])
    _, body = await fetch(transport, get(server.url()))
    assert body == b"abc"


@bounded
async def test_endless_trailer_fields_are_refused_at_the_head_bound(
    serve: Any, transport: NativeTransport
) -> None:
    # One trailer line that never ends: httptools would gather it in memory for ever.
    async def answer(peer: Peer, _: Received) -> None:
        await peer.send(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        await asyncio.sleep(0.05)
        await peer.send(b"0\r\nX-Trailer: ")
        for _piece in range(2 * MAX_HEAD // (32 * 1024)):  # twice the bound, in 32 KiB pieces
            await peer.send(b"a" * 32 * 1024)
            await asyncio.sleep(0.001)
        await asyncio.sleep(BUDGET * 2)

    server = await serve([answer])
    resp = await transport.handle_async_request(get(server.url()))
    with pytest.raises(httpx.RemoteProtocolError, match="trailer fields are larger than 256 KiB"):
        await resp.aread()
    await resp.aclose()
    assert transport.checked_out() == 0


@bounded
async def test_long_chunked_bodies_are_not_mistaken_for_trailers(
    serve: Any, transport: NativeTransport
) -> None:
    # 100 KiB in 1-byte chunks (500 KiB of chunk framing, more than the trailer bound), sent
    # in pieces: every piece holds chunk headers and data.
    body = random.Random(7).randbytes(100 * 1024)
    wire = b"".join(b"1\r\n" + body[i : i + 1] + b"\r\n" for i in range(len(body)))
    head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    pieces = [wire[i : i + 64 * 1024] for i in range(0, len(wire), 64 * 1024)]
    server = await serve([in_pieces(head, *pieces, b"0\r\nX-T: 1\r\n\r\n", pause=0.001)])
    resp = await transport.handle_async_request(get(server.url()))
    pieces_read = [chunk async for chunk in resp.aiter_raw()]
    await resp.aclose()
    assert b"".join(pieces_read) == body
    # Tiny chunks are handed over together, not one Python object per byte.
    assert len(pieces_read) < 1000


@bounded
async def test_the_http_version_of_the_response_is_reported(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([response(200, b"old", version="HTTP/1.0"), OK])
    transport.preread_limit = 1024
    first = await transport.handle_async_request(get(server.url()))
    assert first.extensions["http_version"] == b"HTTP/1.0"
    second = await transport.handle_async_request(get(server.url()))
    assert second.extensions["http_version"] == b"HTTP/1.1"


@pytest.mark.parametrize("preread", [True, False])
@bounded
async def test_trailer_fields_are_not_response_headers(
    serve: Any, transport: NativeTransport, preread: bool
) -> None:
    data = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
        b"0\r\nX-Trailer: 1\r\nContent-Encoding: gzip\r\n\r\n"
    )
    answer = data if preread else in_pieces(data[:45], data[45:], pause=0.1)
    server = await serve([answer, OK])
    resp, body = await fetch(transport, get(server.url()))
    assert body == b"abc"  # not "decoded" as gzip
    assert "x-trailer" not in resp.headers
    assert "content-encoding" not in resp.headers
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 1


@bounded
async def test_a_status_line_split_across_reads(serve: Any, transport: NativeTransport) -> None:
    server = await serve([in_pieces(b"HTTP/1.1 200 Quite", b" Fine\r\nX-A: ", b"1\r\n", OK[17:])])
    resp, body = await fetch(transport, get(server.url()))
    assert (resp.reason_phrase, resp.headers["x-a"], body) == ("Quite Fine", "1", b"hello")


# -- bodies: compressed, large, paused ----------------------------------------------------------


@bounded
async def test_a_gzip_body_is_streamed_for_the_retry_layer_to_decode(
    serve: Any, transport: NativeTransport
) -> None:
    payload = b'{"data": "' + b"x" * 5000 + b'"}'
    zipped = gzip.compress(payload)
    answer = response(200, zipped, headers=("Content-Encoding: gzip",))
    server = await serve([answer, answer, answer])
    transport.preread_limit = 1 << 20
    raw = await transport.handle_async_request(get(server.url()))
    assert not raw.is_stream_consumed  # not read whole: it has to be decoded
    assert await raw.aread() == payload  # httpx decodes it here
    await raw.aclose()

    retry = RetryTransport(transport, RetryPolicy(max_retries=0))
    resp = await retry.handle_async_request(get(server.url()))
    assert resp.is_stream_consumed
    assert resp.content == payload  # decoded by the retry layer, once
    # Read to the end and closed: the connection went back to the pool.
    resp = await retry.handle_async_request(get(server.url()))
    assert resp.content == payload
    assert server.connections == 1
    assert transport.checked_out() == 0


@bounded
async def test_the_client_decodes_a_gzip_response(serve: Any) -> None:
    token = b'{"access_token": "tok_secret_native_token", "expires_in": 3600}'
    body = b'{"ok": true, "pad": "' + b"y" * 3000 + b'"}'
    server = await serve(
        [
            response(200, token, headers=("Content-Type: application/json",)),
            response(
                200,
                gzip.compress(body),
                headers=("Content-Type: application/json", "Content-Encoding: gzip"),
            ),
        ]
    )
    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=server.url("").rstrip("/"),
        transport="native",
        timeout=2.0,
        max_retries=0,
    ) as client:
        assert client.transport_name == "native"
        resp = await client.http_client.get("/v1/ping/")
        assert resp.json() == {"ok": True, "pad": "y" * 3000}
    api = server.requests[1]
    assert api.line == b"GET /v1/ping/ HTTP/1.1"
    assert (b"Accept-Encoding", b"gzip, deflate") in api.headers
    assert len(server.requests) == 2  # the token and the call (each lane has its own pool)


@bounded
async def test_a_body_over_the_preread_limit_streams(
    serve: Any, transport: NativeTransport
) -> None:
    # The head first, its body a moment later: whether the transport waits for the body (to
    # return it read) or returns at the head (a stream) is then visible.
    server = await serve(
        [
            in_pieces(response(200, b"a" * 100)[:-100], b"a" * 100, pause=0.1),
            in_pieces(response(200, b"b" * 100)[:-100], b"b" * 100, pause=0.1),
            OK,
        ]
    )
    transport.preread_limit = 100
    exact = await transport.handle_async_request(get(server.url()))
    assert exact.is_stream_consumed  # exactly the limit: read whole
    assert exact.content == b"a" * 100
    transport.preread_limit = 99
    over = await transport.handle_async_request(get(server.url()))
    assert not over.is_stream_consumed
    assert transport.checked_out() > 0  # the stream holds the connection
    assert await over.aread() == b"b" * 100
    await over.aclose()
    assert transport.checked_out() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 1


@bounded
async def test_a_large_body_streams_with_reading_paused_and_arrives_intact(
    serve: Any, transport: NativeTransport
) -> None:
    payload = random.randbytes(8 * 1024 * 1024)
    server = await serve([response(200, payload), OK])
    resp = await transport.handle_async_request(get(server.url()))
    stream = resp.stream
    assert isinstance(stream, native._Body)
    connection = stream._connection
    await asyncio.sleep(0.3)  # the server writes; nobody reads
    assert connection._reading_paused
    # Bounded: at most the high-water mark and one socket read beyond it are buffered.
    assert native._HIGH_WATER < connection.buffered <= native._HIGH_WATER + 256 * 1024
    digest = hashlib.sha256()
    size = 0
    async for chunk in stream:
        digest.update(chunk)
        size += len(chunk)
    await stream.aclose()
    assert size == len(payload)
    assert digest.digest() == hashlib.sha256(payload).digest()
    assert not connection._reading_paused
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 1


@bounded
async def test_a_body_over_the_retry_layers_cap_is_refused_and_not_kept(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([response(200, random.randbytes(5 * 1024 * 1024)), OK])
    retry = RetryTransport(transport, RetryPolicy(max_retries=0), max_response_bytes=1 << 20)
    assert transport.preread_limit == 1 << 20
    with pytest.raises(BodyTooLarge):
        await retry.handle_async_request(get(server.url(), extensions={TOTAL_TIMEOUT: 3.0}))
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0
    resp = await retry.handle_async_request(get(server.url()))
    assert resp.content == b"hello"
    assert server.connections == 2


@bounded
async def test_a_large_body_through_the_retry_layer(serve: Any, transport: NativeTransport) -> None:
    payload = random.randbytes(6 * 1024 * 1024)
    server = await serve([response(200, payload), OK])
    retry = RetryTransport(transport, RetryPolicy(max_retries=0))
    resp = await retry.handle_async_request(get(server.url(), extensions={TOTAL_TIMEOUT: 3.0}))
    assert hashlib.sha256(resp.content).digest() == hashlib.sha256(payload).digest()
    resp = await retry.handle_async_request(get(server.url()))
    assert resp.content == b"hello"
    assert server.connections == 1
    assert transport.checked_out() == 0


# -- responses without a body, interim responses -----------------------------------------------


@bounded
async def test_a_head_response_completes_at_once_and_is_not_reused(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([response(200, b"", length=12345), OK])
    resp = await transport.handle_async_request(httpx.Request("HEAD", server.url()))
    assert resp.is_stream_consumed
    assert resp.content == b""
    assert resp.headers["content-length"] == "12345"
    assert transport.idle_connections() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2
    assert server.requests[0].line == b"HEAD / HTTP/1.1"


@bounded
async def test_a_head_response_with_a_content_encoding(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([response(200, b"", length=20, headers=("Content-Encoding: gzip",))])
    resp = await transport.handle_async_request(httpx.Request("HEAD", server.url()))
    assert not resp.is_stream_consumed
    assert [chunk async for chunk in resp.aiter_raw()] == []
    await resp.aclose()
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0


@pytest.mark.parametrize("status", [204, 304])
@bounded
async def test_no_body_statuses_complete_at_once_and_are_reused(
    serve: Any, transport: NativeTransport, status: int
) -> None:
    server = await serve([response(status, length=-1), response(status, length=-1), OK])
    for _ in range(2):
        resp, body = await fetch(transport, get(server.url()))
        assert (resp.status_code, body) == (status, b"")
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 1


@bounded
async def test_interim_responses_are_skipped(serve: Any, transport: NativeTransport) -> None:
    server = await serve(
        [
            b"HTTP/1.1 100 Continue\r\n\r\n"
            b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
            + response(201, b"made", reason="Created", headers=("X-Final: 1",)),
            in_pieces(b"HTTP/1.1 100 Continue\r\n\r\n", response(200, b"next")),
        ]
    )
    transport.preread_limit = 1024
    resp = await transport.handle_async_request(httpx.Request("POST", server.url(), content=b"x"))
    assert (resp.status_code, resp.reason_phrase, resp.content) == (201, "Created", b"made")
    assert "link" not in resp.headers
    assert resp.headers["x-final"] == "1"
    resp = await transport.handle_async_request(get(server.url()))
    assert (resp.status_code, resp.content) == (200, b"next")
    assert server.connections == 1


@bounded
async def test_an_interim_responses_headers_do_not_frame_the_final_one(
    serve: Any, transport: NativeTransport
) -> None:
    # A (non-conforming) Content-Length on a 100 must not delimit the body that follows.
    server = await serve(
        [
            then_close(
                b"HTTP/1.1 100 Continue\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\n\r\nall"
            )
        ]
    )
    transport.preread_limit = 1024
    _, body = await fetch(transport, get(server.url()))
    assert body == b"all"


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        b"HTTP/1.1 101 Switching Protocols\r\n\r\n",
    ],
)
@bounded
async def test_switching_protocols_is_a_protocol_error(
    serve: Any, transport: NativeTransport, head: bytes
) -> None:
    server = await serve([head + b"\x81\x05hello"])
    with pytest.raises(httpx.RemoteProtocolError, match="switched protocols"):
        await transport.handle_async_request(get(server.url()))
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0


# -- malformed and oversized heads ----------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"HTTP/1.1 2x0 OK\r\n\r\n",
        b"NOT HTTP AT ALL\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nBad Header\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\nhello",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ],
)
@bounded
async def test_a_malformed_response_is_a_protocol_error(
    serve: Any, transport: NativeTransport, data: bytes
) -> None:
    server = await serve([data, OK])
    with pytest.raises(httpx.RemoteProtocolError, match="malformed response") as info:
        await fetch(transport, get(server.url()))
    assert info.value.request.url == server.url()
    assert transport.checked_out() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@pytest.mark.parametrize(
    ("data", "header", "body"),
    [
        # obs-fold (RFC 9112 5.2): the continuation joins the value with a space
        (b"HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 2\r\n\r\nok", "one two", b"ok"),
        (b"HTTP/1.1 200 OK\r\nX-A: one\r\n\ttwo\r\nContent-Length: 2\r\n\r\nok", "one\ttwo", b"ok"),
        # bare LF line ends in the head (RFC 9112 2.2: a recipient MAY accept them)
        (b"HTTP/1.1 200 OK\nX-A: one\nContent-Length: 2\n\nok", "one", b"ok"),
        (b"HTTP/1.1 200 OK\r\nX-A: one\nContent-Length: 2\r\n\r\nok", "one", b"ok"),
        (b"HTTP/1.1 200 OK\nX-A: one\n two\nContent-Length: 2\n\nok", "one two", b"ok"),
        (
            b"HTTP/1.1 200 OK\nX-A: one\nTransfer-Encoding: chunked\n\n2\r\nok\r\n0\r\n\r\n",
            "one",
            b"ok",
        ),
        (b"HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nX-A: a\nContent-Length: 2\n\nok", "a", b"ok"),
    ],
    ids=[
        "obs-fold",
        "obs-fold-tab",
        "bare-lf",
        "mixed-lf",
        "bare-lf-fold",
        "bare-lf-chunked",
        "1xx",
    ],
)
@bounded
async def test_obs_folded_and_bare_lf_heads_are_accepted_as_httpx_does(
    serve: Any, transport: NativeTransport, data: bytes, header: str, body: bytes
) -> None:
    server = await serve([data, OK])
    resp, got = await fetch(transport, get(server.url()))
    assert (resp.status_code, resp.headers["x-a"], got) == (200, header, body)
    _, again = await fetch(transport, get(server.url()))
    assert again == b"hello"
    assert server.connections == 2  # a server needing leniency gets no second request
    assert transport.checked_out() == 0


@pytest.mark.parametrize(
    "data",
    [
        # the smuggling defences hold, in a head that needs leniency as in a strict one
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n" + CHUNKED_OK,
        b"HTTP/1.1 200 OK\nX-A: 1\nContent-Length: 2\nTransfer-Encoding: chunked\n\n" + CHUNKED_OK,
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok!",
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\nContent-Length: 2\nContent-Length: 3\n\nok!",
        b"HTTP/1.1 200 OK\r\nX-A: b\r\n c\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n",
        b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\n\n",  # bare LF in chunks
        b"HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2 \r\nok\r\n0\r\n\r\n",
        # what llhttp's lenient mode would let through, refused by the transport itself
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n 3\r\n\r\nok!",
        b"HTTP/1.1 200 OK\r\nContent-Length:\r\n 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length:\r\n 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\nContent-Length : 2\n\nok",
        b"HTTP/1.1 200 OK\nX-A: a\x00b\nContent-Length: 2\n\nok",
        b"HTTP/1.1 200 OK\nX-A: a\x7fb\nContent-Length: 2\n\nok",
        b"HTTP/1.1 200 O\x01K\nContent-Length: 2\n\nok",
        b"HTTP/1.1 200 OK\r\n folded-first\r\nContent-Length: 2\r\n\r\nok",
        b"HTTP/1.1 200 OK\r\nX-A: a\rb\r\nContent-Length: 2\r\n\r\nok",
    ],
    ids=[
        "cl-and-te",
        "cl-and-te-bare-lf",
        "duplicate-cl",
        "duplicate-cl-equal",
        "duplicate-cl-bare-lf",
        "bad-chunk-size-after-fold",
        "bare-lf-chunk-lines",
        "space-after-chunk-size",
        "folded-cl-second-value",
        "folded-cl",
        "folded-te",
        "folded-cl-after-1xx",
        "space-before-colon",
        "nul-in-value",
        "del-in-value",
        "control-in-reason",
        "fold-as-first-line",
        "bare-cr",
    ],
)
@bounded
async def test_leniency_weakens_no_smuggling_defence(
    serve: Any, transport: NativeTransport, data: bytes
) -> None:
    server = await serve([data, OK])
    with pytest.raises(httpx.RemoteProtocolError, match="malformed response"):
        await fetch(transport, get(server.url()))
    assert transport.checked_out() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_a_header_line_over_64_kib_is_refused(serve: Any, transport: NativeTransport) -> None:
    long = b"X-Big: " + b"a" * (MAX_HEADER_LINE - 2) + b"\r\n"
    server = await serve([b"HTTP/1.1 200 OK\r\n" + long + b"Content-Length: 0\r\n\r\n"])
    with pytest.raises(httpx.RemoteProtocolError, match="longer than 64 KiB"):
        await transport.handle_async_request(get(server.url()))
    assert transport.checked_out() == 0


@bounded
async def test_a_header_line_of_60_kib_is_accepted(serve: Any, transport: NativeTransport) -> None:
    value = "v" * (60 * 1024)
    server = await serve([response(200, b"ok", headers=(f"X-Big: {value}",))])
    resp, body = await fetch(transport, get(server.url()))
    assert resp.headers["x-big"] == value
    assert body == b"ok"


@pytest.mark.parametrize("one_line", [True, False])
@bounded
async def test_a_head_without_end_is_refused_past_256_kib(
    serve: Any, transport: NativeTransport, one_line: bool
) -> None:
    sent = [0]

    async def endless(peer: Peer, _: Received) -> None:
        await peer.send(b"HTTP/1.1 200 OK\r\n" + (b"X-A: " if one_line else b""))
        line = b"a" * 1024 if one_line else b"X-Header: " + b"h" * 1000 + b"\r\n"
        for _round in range(4096):  # up to 64 MiB, if nothing stops it
            await peer.send(line * 16)
            sent[0] += len(line) * 16

    server = await serve([endless])
    with pytest.raises(httpx.RemoteProtocolError, match="larger than 256 KiB"):
        await transport.handle_async_request(get(server.url()))
    assert transport.checked_out() == 0
    await asyncio.sleep(0.1)
    assert sent[0] < 4096 * 16 * 1024  # the client closed: the server's writes failed
    assert server.open == 0


@bounded
async def test_a_complete_head_over_256_kib_is_refused(
    serve: Any, transport: NativeTransport
) -> None:
    lines = tuple(f"X-H{i}: {'h' * 1000}" for i in range(300))  # ~300 KiB, each line short
    data = response(200, b"ok", headers=lines)
    server = await serve([data])
    with pytest.raises(httpx.RemoteProtocolError, match="larger than 256 KiB"):
        await transport.handle_async_request(get(server.url()))


@bounded
async def test_a_head_ending_in_a_read_across_the_bound_is_accepted(
    serve: Any, transport: NativeTransport
) -> None:
    lines = tuple(f"X-H{i:03}: {'h' * 1000}" for i in range(259))
    data = response(200, b"b" * 100_000, headers=lines) + b"junk"
    head_size = data.index(b"\r\n\r\n") + 4
    assert MAX_HEAD - 1024 < head_size <= MAX_HEAD
    server = await serve([in_pieces(data[:200_000], data[200_000:], pause=0.1), OK])
    resp, body = await fetch(transport, get(server.url()))
    assert len(resp.headers) == 260
    assert body == b"b" * 100_000
    _, body = await fetch(transport, get(server.url()))  # the junk was dropped
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_a_head_of_almost_256_kib_is_accepted(serve: Any, transport: NativeTransport) -> None:
    lines = tuple(f"X-H{i:03}: {'h' * 1000}" for i in range(250))
    server = await serve([response(200, b"ok", headers=lines)])
    resp, body = await fetch(transport, get(server.url()))
    assert len(resp.headers) == 251
    assert body == b"ok"


# -- the server ends or breaks the exchange -------------------------------------------------------


@bounded
async def test_no_response_before_the_close_is_a_protocol_error(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([then_close(b"")])
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response") as info:
        await transport.handle_async_request(httpx.Request("POST", server.url(), content=b"x"))
    assert not isinstance(info.value, NEVER_SENT)
    assert server.requests[0].body == b"x"  # it was sent
    assert transport.checked_out() == 0


@bounded
async def test_a_close_mid_head_is_a_protocol_error(serve: Any, transport: NativeTransport) -> None:
    server = await serve([then_close(b"HTTP/1.1 200 OK\r\nContent-Le")])
    with pytest.raises(httpx.RemoteProtocolError, match="mid-response"):
        await transport.handle_async_request(get(server.url()))
    assert transport.checked_out() == 0


@pytest.mark.parametrize("preread", [True, False])
@bounded
async def test_a_close_mid_body_is_a_read_error(
    serve: Any, transport: NativeTransport, preread: bool
) -> None:
    server = await serve([then_close(response(200, b"0123456789", length=100))])
    transport.preread_limit = 1000 if preread else 0
    with pytest.raises(httpx.ReadError, match="broke off") as info:
        await fetch(transport, get(server.url()))
    assert info.value.request.url == server.url()
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0


@bounded
async def test_a_chunked_body_cut_short_is_a_read_error(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve(
        [then_close(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")]
    )
    resp = await transport.handle_async_request(get(server.url()))
    with pytest.raises(httpx.ReadError):
        await resp.aread()
    await resp.aclose()
    assert transport.checked_out() == 0


@pytest.mark.parametrize("sent", [b"", b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"])
@bounded
async def test_a_connection_reset_is_a_read_error(
    serve: Any, transport: NativeTransport, sent: bytes
) -> None:
    server = await serve([then_reset(sent)])
    with pytest.raises(httpx.ReadError, match="ConnectionResetError"):
        await fetch(transport, get(server.url()))
    assert transport.checked_out() == 0


@bounded
async def test_a_reset_mid_streamed_body_is_a_read_error(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([then_reset(response(200, b"abc", length=100))])
    resp = await transport.handle_async_request(get(server.url()))
    assert not resp.is_stream_consumed
    with pytest.raises(httpx.ReadError) as info:
        await resp.aread()
    assert info.value.request.url == server.url()
    await resp.aclose()
    assert transport.checked_out() == 0


# -- bytes beyond a response, idle connections -----------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "second_response"),
    [
        (b"garbage", False),
        (b"\r\n\r\n0\r\n\r\n", False),
        (response(200, b"forged"), True),  # a whole second response
        (b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforg", True),
        (b"\r\nHTTP/1.1 200 OK\r\n", True),
    ],
)
@bounded
async def test_bytes_beyond_a_response_end_its_connection(
    serve: Any, transport: NativeTransport, extra: bytes, second_response: bool
) -> None:
    server = await serve([response(200, b"real") + extra, response(200, b"second")])
    transport.preread_limit = 1024
    if second_response:
        # Which of the two answers the request cannot be told (a stray may come before or
        # after the answer): neither is handed over.
        with pytest.raises(httpx.RemoteProtocolError, match="second response to this request"):
            await transport.handle_async_request(get(server.url()))
    else:
        first = await transport.handle_async_request(get(server.url()))
        assert first.content == b"real"
    _, body = await fetch(transport, get(server.url()))
    assert body == b"second"
    assert server.connections == 2
    assert transport.checked_out() == 0


@pytest.mark.parametrize(
    ("later", "doubled"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged", True),
        (b"\r\nHT", True),  # the start of one
        (b"garbage", False),  # no response: the first is still the answer
        (b"\r\n", False),
    ],
)
def test_a_second_response_in_a_later_read_is_seen(later: bytes, doubled: bool) -> None:
    # The answer, then more in a read of its own before the caller's task runs again.
    strays: list[object] = []
    connection = native._Connection(("http", "127.0.0.1", 80))
    connection.on_stray = strays.append
    connection.active = True
    connection.data_received(response(200, b"real"))
    assert connection.complete
    connection.data_received(later)
    assert connection.doubled is doubled
    assert connection.closed
    assert strays == [connection]


@bounded
async def test_bytes_after_a_connection_close_response_are_dropped(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve(
        [response(200, b"real", headers=("Connection: close",)) + b"junk", response(200, b"2nd")]
    )
    transport.preread_limit = 1024
    assert (await transport.handle_async_request(get(server.url()))).content == b"real"
    _, body = await fetch(transport, get(server.url()))
    assert body == b"2nd"
    assert server.connections == 2


@bounded
async def test_bytes_beyond_a_streamed_response_end_its_connection(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([response(200, b"real") + b"HTTP/1.1 200 OK\r\n", OK])
    with pytest.raises(httpx.RemoteProtocolError, match="second response to this request"):
        await fetch(transport, get(server.url()))  # streamed: preread_limit is 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_data_on_an_idle_connection_discards_it(
    serve: Any, transport: NativeTransport
) -> None:
    async def answer_then_more(peer: Peer, _: Received) -> None:
        await peer.send(response(200, b"real"))
        await asyncio.sleep(0.1)
        await peer.send(response(408, b"timeout"))

    server = await serve([answer_then_more, response(200, b"second")])
    transport.preread_limit = 1024
    assert (await transport.handle_async_request(get(server.url()))).content == b"real"
    assert transport.idle_connections() == 1
    await asyncio.sleep(0.3)
    _, body = await fetch(transport, get(server.url()))
    assert body == b"second"
    assert server.connections == 2
    assert transport.checked_out() == 0


@bounded
async def test_after_a_stray_an_origins_connections_rest_before_reuse(
    serve: Any, transport: NativeTransport, caplog: pytest.LogCaptureFixture
) -> None:
    async def answer_then_stray(peer: Peer, _: Received) -> None:
        await peer.send(response(200, b"real"))
        await asyncio.sleep(0.002)
        await peer.send(response(200, b"stray"))

    server = await serve([answer_then_stray, OK, OK, OK])
    transport.preread_limit = 1024
    assert (await transport.handle_async_request(get(server.url()))).content == b"real"
    await asyncio.sleep(0.05)  # the stray came: the connection closed, the origin is suspect
    assert "sent a response no request asked for" in caplog.text
    assert f"http://127.0.0.1:{server.port}" in caplog.text
    await fetch(transport, get(server.url()))  # a new connection
    await fetch(transport, get(server.url()))  # that one has not rested: another new one
    assert server.connections == 3
    await asyncio.sleep(StrayGuard.MIN_SETTLE * 3)
    await fetch(transport, get(server.url()))  # rested now: reused
    assert server.connections == 3
    assert transport.checked_out() == 0


async def _one_connection_to_a_suspect_origin(serve: Any) -> tuple[NativeTransport, Any]:
    """A transport of one connection whose origin just sent a stray (a second response: that
    call failed), and whose one connection was just used again (so it has not rested)."""
    transport = NativeTransport(limits=httpx.Limits(max_connections=1))
    server = await serve([response(200, b"real") + response(200, b"stray"), OK, OK])
    transport.preread_limit = 1024
    with pytest.raises(httpx.RemoteProtocolError):
        await transport.handle_async_request(get(server.url()))
    await fetch(transport, get(server.url()))
    return transport, server


@bounded
async def test_at_the_connection_bound_a_request_waits_for_a_rested_connection(
    serve: Any,
) -> None:
    transport, server = await _one_connection_to_a_suspect_origin(serve)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await fetch(transport, get(server.url()))  # no room for another: it waits, then reuses
    assert loop.time() - started >= StrayGuard.MIN_SETTLE * 0.9
    assert server.connections == 2
    await transport.aclose()


@bounded
async def test_the_wait_for_a_rested_connection_is_bounded_by_the_pool_timeout(
    serve: Any,
) -> None:
    transport, server = await _one_connection_to_a_suspect_origin(serve)
    hurried = get(server.url(), extensions={"timeout": {"pool": StrayGuard.MIN_SETTLE / 10}})
    await fetch(transport, hurried)  # no time to wait for the rest: one connection over
    assert server.connections == 3
    await transport.aclose()


@pytest.mark.parametrize("stray", [response(200, b"forged"), b"H"])
@bounded
async def test_bytes_waiting_unread_in_an_idle_connections_socket_discard_it(
    serve: Any, transport: NativeTransport, stray: bytes
) -> None:
    # The stray is in the socket but not yet read by the event loop when the connection is
    # taken again: only a look at the socket itself shows it.
    peers: list[Peer] = []

    async def answer(peer: Peer, _: Received) -> None:
        peers.append(peer)
        await peer.send(response(200, b"real"))

    server = await serve([answer, response(200, b"second")])
    transport.preread_limit = 1024
    assert (await transport.handle_async_request(get(server.url()))).content == b"real"
    assert transport.idle_connections() == 1
    peers[0].writer.write(stray)  # sent at once (nothing buffered): no await before the next
    _, body = await fetch(transport, get(server.url()))
    assert body == b"second"
    assert server.connections == 2
    assert transport.checked_out() == 0


@bounded
async def test_an_idle_connection_the_server_closed_is_not_reused(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([then_close(response(200, b"one")), response(200, b"two")])
    transport.preread_limit = 1024
    assert (await transport.handle_async_request(get(server.url()))).content == b"one"
    await asyncio.sleep(0.2)  # the server's FIN arrives while the connection is idle
    _, body = await fetch(transport, get(server.url()))
    assert body == b"two"
    assert server.connections == 2
    assert transport.idle_connections() == 1


@bounded
async def test_an_expired_idle_connection_is_not_reused(serve: Any) -> None:
    server = await serve([OK, OK, OK])
    transport = NativeTransport(httpx.Limits(keepalive_expiry=1.0))
    await fetch(transport, get(server.url()))
    await fetch(transport, get(server.url()))  # at once: reused
    assert server.connections == 1
    await asyncio.sleep(1.2)
    await fetch(transport, get(server.url()))  # expired: a new one
    assert server.connections == 2
    async with asyncio.timeout(1):
        await server.ended_event.wait()  # the expired one was closed
    await transport.aclose()


@bounded
async def test_connections_idle_too_long_are_closed_as_others_come_back(serve: Any) -> None:
    server = await serve([after(0.1, OK), after(0.1, OK), OK, OK])
    transport = NativeTransport(httpx.Limits(keepalive_expiry=2.0))
    # Two at once: two connections, both idle from about t=0.
    await asyncio.gather(*(fetch(transport, get(server.url())) for _ in range(2)))
    assert (server.connections, transport.idle_connections()) == (2, 2)
    await asyncio.sleep(1.0)
    await fetch(transport, get(server.url()))  # the newest, idle for 1 s: reused
    await asyncio.sleep(1.2)
    # Reused again (idle 1.2 s); on its return the other one, idle 2.2 s, is closed.
    await fetch(transport, get(server.url()))
    assert server.connections == 2
    assert transport.idle_connections() == 1
    async with asyncio.timeout(1):
        await server.ended_event.wait()
    assert server.ended == 1
    await transport.aclose()


@bounded
async def test_without_an_expiry_idle_connections_are_kept(serve: Any) -> None:
    server = await serve([OK, OK])
    transport = NativeTransport(httpx.Limits(keepalive_expiry=None))
    await fetch(transport, get(server.url()))
    await asyncio.sleep(0.1)
    await fetch(transport, get(server.url()))
    assert server.connections == 1
    await transport.aclose()


@bounded
async def test_each_origin_has_its_own_connections(serve: Any, transport: NativeTransport) -> None:
    one = await serve([response(200, b"1")] * 3)
    two = await serve([response(200, b"2")] * 3)
    for _ in range(3):
        assert (await fetch(transport, get(one.url())))[1] == b"1"
        assert (await fetch(transport, get(two.url())))[1] == b"2"
    assert (one.connections, two.connections) == (1, 1)
    assert transport.idle_connections() == 2


# -- connecting -----------------------------------------------------------------------------------


@bounded
async def test_a_refused_connection_is_a_connect_error(transport: NativeTransport) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    request = get(f"http://127.0.0.1:{port}/", headers={"Authorization": SECRET})
    with pytest.raises(httpx.ConnectError, match=f"127.0.0.1:{port}") as info:
        await transport.handle_async_request(request)
    assert info.value.request is request
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
    assert transport.checked_out() == 0


@bounded
async def test_a_slow_connect_is_a_connect_timeout(
    serve: Any, transport: NativeTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = await serve([OK])
    loop = asyncio.get_running_loop()

    async def hang(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(BUDGET)

    monkeypatch.setattr(loop, "create_connection", hang)
    request = get(server.url(), extensions={"timeout": {"connect": 0.1, "read": 1, "pool": 1}})
    with pytest.raises(httpx.ConnectTimeout, match=r"after 0\.1s") as info:
        await transport.handle_async_request(request)
    assert info.value.__context__ is None
    assert transport.checked_out() == 0
    assert server.connections == 0


@bounded
async def test_a_connection_closed_as_it_opened_was_never_sent(
    serve: Any, transport: NativeTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def hang_up(peer: Peer) -> None:
        peer.writer.close()

    server = await serve(on_connect=hang_up)
    loop = asyncio.get_running_loop()
    real = loop.create_connection

    async def slow(*args: Any, **kwargs: Any) -> Any:
        made = await real(*args, **kwargs)
        await asyncio.sleep(0.2)  # the server's FIN arrives before the request is written
        return made

    monkeypatch.setattr(loop, "create_connection", slow)
    with pytest.raises(httpx.ConnectError, match="before the request was sent"):
        await transport.handle_async_request(httpx.Request("POST", server.url(), content=b"x"))
    assert transport.checked_out() == 0


@bounded
async def test_an_unsupported_scheme(transport: NativeTransport) -> None:
    request = httpx.Request("GET", "ftp://127.0.0.1/x")
    with pytest.raises(httpx.UnsupportedProtocol, match="ftp://") as info:
        await transport.handle_async_request(request)
    assert info.value.request is request
    assert transport.checked_out() == 0


# -- timeouts -------------------------------------------------------------------------------------


@bounded
async def test_a_read_timeout_for_the_head(serve: Any, transport: NativeTransport) -> None:
    server = await serve([held, OK])
    request = get(server.url(), extensions={"timeout": {"read": 0.2, "connect": 1, "pool": 1}})
    started = asyncio.get_running_loop().time()
    with pytest.raises(httpx.ReadTimeout, match=r"nothing for 0\.2s") as info:
        await transport.handle_async_request(request)
    assert 0.15 < asyncio.get_running_loop().time() - started < 3.0  # timed out, not hung
    assert info.value.request is request
    assert transport.checked_out() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_a_read_timeout_between_body_chunks(serve: Any, transport: NativeTransport) -> None:
    async def stall(peer: Peer, _: Received) -> None:
        await peer.send(response(200, b"part", length=100))
        await asyncio.sleep(BUDGET * 2)

    server = await serve([stall])
    request = get(server.url(), extensions={"timeout": {"read": 0.2}})
    resp = await transport.handle_async_request(request)
    assert resp.status_code == 200
    with pytest.raises(httpx.ReadTimeout) as info:
        await resp.aread()
    assert info.value.request is request
    await resp.aclose()
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0


@bounded
async def test_under_a_total_timeout_there_is_no_read_timer(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([after(0.4, OK)])
    # The retry layer's attempt deadline bounds the attempt; the transport adds no read timer.
    request = get(server.url(), extensions={"timeout": {"read": 0.1}, TOTAL_TIMEOUT: 2.0})
    _, body = await fetch(transport, request)
    assert body == b"hello"


@bounded
async def test_the_total_timeout_of_the_retry_layer_bounds_the_attempt(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([held])
    retry = RetryTransport(transport, RetryPolicy(max_retries=0))
    request = get(server.url(), extensions={TOTAL_TIMEOUT: 0.2})
    with pytest.raises(httpx.ReadTimeout, match="total timeout"):
        await retry.handle_async_request(request)
    assert transport.checked_out() == 0
    assert server.connections == 1


async def _slow_reader(peer: Peer, received: Received) -> None:
    pass  # the request was read whole by the server loop


@bounded
async def test_a_large_request_body_waits_for_the_socket(
    serve: Any, transport: NativeTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses = [0]
    original = native._Connection.pause_writing

    def counting(self: native._Connection) -> None:
        pauses[0] += 1
        original(self)

    monkeypatch.setattr(native._Connection, "pause_writing", counting)

    async def slow_start(peer: Peer) -> None:
        await asyncio.sleep(0.3)  # the client's buffers fill meanwhile
        received = await peer.read_request()
        assert received is not None
        digest = hashlib.sha256(received.body).hexdigest().encode()
        await peer.send(response(200, digest))

    server = await serve(on_connect=slow_start)
    body = random.randbytes(32 * 1024 * 1024)
    request = httpx.Request(
        "POST", server.url(), content=body, extensions={"timeout": {"write": 3, "read": 3}}
    )
    _, got = await fetch(transport, request)
    assert got == hashlib.sha256(body).hexdigest().encode()
    assert pauses[0] >= 1


@bounded
async def test_a_request_body_the_server_does_not_read_is_a_write_timeout(
    serve: Any, transport: NativeTransport
) -> None:
    got = [0]
    ended = asyncio.Event()

    async def late_reader(peer: Peer) -> None:
        await asyncio.sleep(0.6)  # after the client's write timeout
        with contextlib.suppress(ConnectionError):
            while data := await peer.reader.read(1 << 20):
                got[0] += len(data)
        ended.set()

    server = await serve(on_connect=late_reader)
    request = httpx.Request(
        "POST",
        server.url(),
        content=b"x" * (32 * 1024 * 1024),
        extensions={"timeout": {"write": 0.2, "read": 1}},
    )
    with pytest.raises(httpx.WriteTimeout, match=r"within 0\.2s"):
        await transport.handle_async_request(request)
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0
    await ended.wait()
    # The connection was dropped with the error: the rest of the body was not sent after it.
    assert got[0] < 32 * 1024 * 1024


@bounded
async def test_a_reset_while_the_request_body_waits_is_a_read_error(
    serve: Any, transport: NativeTransport
) -> None:
    async def read_head_then_reset(peer: Peer) -> None:
        await peer.reader.readuntil(b"\r\n\r\n")
        await asyncio.sleep(0.2)
        peer.reset()

    server = await serve(on_connect=read_head_then_reset)
    request = httpx.Request(
        "POST",
        server.url(),
        content=b"x" * (32 * 1024 * 1024),
        extensions={"timeout": {"write": 3, "read": 3}},
    )
    with pytest.raises(httpx.ReadError) as info:
        await transport.handle_async_request(request)
    assert not isinstance(info.value, NEVER_SENT)
    assert transport.checked_out() == 0


# -- the pool -------------------------------------------------------------------------------------


@bounded
async def test_max_connections_bounds_connections_and_requests_in_flight(serve: Any) -> None:
    in_flight = [0, 0]  # now, most

    async def slow(peer: Peer, _: Received) -> None:
        in_flight[0] += 1
        in_flight[1] = max(in_flight[1], in_flight[0])
        await asyncio.sleep(0.05)
        in_flight[0] -= 1
        await peer.send(OK)

    server = await serve([slow] * 10)
    transport = NativeTransport(httpx.Limits(max_connections=2, max_keepalive_connections=2))
    results = await asyncio.gather(*(fetch(transport, get(server.url())) for _ in range(10)))
    assert [body for _, body in results] == [b"hello"] * 10
    assert in_flight[1] == 2
    assert server.connections == 2
    assert server.most_open == 2
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 2
    await transport.aclose()


@bounded
async def test_a_request_waiting_too_long_for_a_slot_is_a_pool_timeout(serve: Any) -> None:
    server = await serve([after(0.5, OK)])
    transport = NativeTransport(httpx.Limits(max_connections=1))
    first = asyncio.create_task(fetch(transport, get(server.url())))
    await asyncio.sleep(0.1)
    request = get(server.url(), extensions={"timeout": {"pool": 0.1}})
    with pytest.raises(httpx.PoolTimeout):
        await transport.handle_async_request(request)
    _, body = await first
    assert body == b"hello"
    assert server.connections == 1
    assert len(server.requests) == 1  # the second request was never sent
    assert transport.checked_out() == 0
    await transport.aclose()


@bounded
async def test_cancellations_at_random_moments_leave_nothing_checked_out(serve: Any) -> None:
    rng = random.Random(1234)

    async def varied(peer: Peer, _: Received) -> None:
        await asyncio.sleep(rng.uniform(0, 0.03))
        body = b"z" * rng.choice([0, 10, 70_000])
        await peer.send(response(200, body)[:-10] if body else response(200, body))
        await asyncio.sleep(rng.uniform(0, 0.02))
        if body:
            await peer.send(response(200, body)[-10:])

    server = await serve([varied] * 400)
    transport = NativeTransport(httpx.Limits(max_connections=5, max_keepalive_connections=3))
    transport.preread_limit = rng.choice([0, 100_000])
    tasks = [asyncio.create_task(fetch(transport, get(server.url()))) for _ in range(120)]
    # Two in three are cancelled at a random moment (the 120 take about a second over five
    # connections, so most of those are still waiting or reading then); every third is left
    # to finish among them, however slow the machine.
    for index, task in enumerate(tasks):
        if index % 3:
            asyncio.get_running_loop().call_later(rng.uniform(0, 0.2), task.cancel)
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(isinstance(o, asyncio.CancelledError) for o in outcomes)
    done = [o for o in outcomes if isinstance(o, tuple)]
    assert cancelled + len(done) == len(tasks)  # nothing else went wrong
    assert all(isinstance(outcomes[index], tuple) for index in range(0, len(tasks), 3))
    assert cancelled > 0
    assert all(resp.status_code == 200 for resp, _ in done)
    assert transport.checked_out() == 0
    assert transport.idle_connections() <= 3
    # The pool is whole: 5 requests at once all get through.
    results = await asyncio.gather(*(fetch(transport, get(server.url())) for _ in range(5)))
    assert [r.status_code for r, _ in results] == [200] * 5
    assert transport.checked_out() == 0
    await transport.aclose()


@bounded
async def test_after_a_burst_at_most_the_keepalive_bound_stays_idle(serve: Any) -> None:
    server = await serve([after(0.05, OK)] * 30)
    transport = NativeTransport(httpx.Limits(max_connections=10, max_keepalive_connections=3))
    await asyncio.gather(*(fetch(transport, get(server.url())) for _ in range(30)))
    assert server.most_open <= 10
    assert transport.idle_connections() <= 3
    assert transport.checked_out() == 0
    await asyncio.sleep(0.1)
    assert server.open <= 3  # the others were closed
    await transport.aclose()


@bounded
async def test_no_keepalive_at_all(serve: Any) -> None:
    server = await serve([OK, OK])
    transport = NativeTransport(httpx.Limits(max_keepalive_connections=0))
    await fetch(transport, get(server.url()))
    await fetch(transport, get(server.url()))
    assert server.connections == 2
    assert transport.idle_connections() == 0
    await transport.aclose()


@bounded
async def test_without_limits(serve: Any) -> None:
    server = await serve([after(0.05, OK)] * 4)
    transport = NativeTransport(httpx.Limits(max_connections=None, max_keepalive_connections=None))
    await asyncio.gather(*(fetch(transport, get(server.url())) for _ in range(4)))
    assert server.connections == 4
    assert transport.idle_connections() == 4
    assert transport.checked_out() == 0
    await transport.aclose()


# -- headers the transport refuses to send ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Authorization", SECRET + "\r\nX-Injected: 1"),
        ("Authorization", SECRET + "\nX-Injected: 1"),
        ("Authorization", SECRET + "\rtail"),
        ("Authorization", SECRET + "\x00"),
        ("Bad Name", SECRET),
        ("Bad:Name", SECRET),
        ("Bäd", SECRET),
    ],
)
@bounded
async def test_an_unsendable_header_is_refused_before_anything_is_sent(
    serve: Any, transport: NativeTransport, name: str, value: str
) -> None:
    server = await serve([OK])
    request = get(server.url(), headers=[(name.encode("latin-1"), value.encode())])
    with pytest.raises(APIConnectionError, match="cannot be sent") as info:
        await transport.handle_async_request(request)
    # The error carries the request (the client scrubs it); its message never the value.
    assert info.value.request is request
    for text in (str(info.value), repr(info.value), *map(str, info.value.args)):
        assert "tok_secret_native" not in text
        assert "Injected" not in text
    await asyncio.sleep(0.05)
    assert server.connections == 0
    assert transport.checked_out() == 0


@pytest.mark.parametrize("method", ["GE T", "GET / HTTP/1.1\r\nX-Injected: 1\r\n\r\nGET", "GÉT"])
@bounded
async def test_an_unsendable_method_is_refused_before_anything_is_sent(
    serve: Any, transport: NativeTransport, method: str
) -> None:
    server = await serve([OK])
    with pytest.raises(APIConnectionError, match="method"):
        await transport.handle_async_request(httpx.Request(method, server.url()))
    await asyncio.sleep(0.05)
    assert server.connections == 0
    assert transport.checked_out() == 0


@pytest.mark.parametrize("path", ["/a\r\nX-Injected: 1", "/a b", "/\x00", "a"])
@bounded
async def test_a_crafted_request_target_is_refused_before_anything_is_sent(
    serve: Any, transport: NativeTransport, path: str
) -> None:
    # httpx refuses such URLs when it parses them; one built around its parser (as the client's
    # path joiner does for plain paths) is refused by the transport too.
    server = await serve([OK])
    request = get(server.url())
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = request.url._uri_reference._replace(path=path)
    request.url = url
    with pytest.raises(APIConnectionError, match="request target"):
        await transport.handle_async_request(request)
    await asyncio.sleep(0.05)
    assert server.connections == 0
    assert transport.checked_out() == 0


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (then_close(b""), httpx.RemoteProtocolError),
        (then_close(b"HTTP/1.1 200 OK\r\nX"), httpx.RemoteProtocolError),
        (then_close(response(200, b"a", length=9)), httpx.ReadError),
        (then_reset(b""), httpx.ReadError),
        (b"HTTP/1.1 xx\r\n\r\n", httpx.RemoteProtocolError),
        (held, httpx.ReadTimeout),
    ],
)
@bounded
async def test_errors_carry_no_request_header_values(
    serve: Any, transport: NativeTransport, answer: Answer, error: type[Exception]
) -> None:
    server = await serve([answer])
    request = httpx.Request(
        "POST",
        server.url("/v1/pay/"),
        headers={"Authorization": SECRET, "X-Api-Key": "sk_test_SECRET_native"},
        content=b'{"card": "4242"}',
        extensions={"timeout": {"read": 0.2}},
    )
    transport.preread_limit = 1024
    with pytest.raises(error) as info:
        await fetch(transport, request)
    assert type(info.value) is error
    for text in (str(info.value), repr(info.value)):
        assert SECRET not in text
        assert "sk_test_SECRET_native" not in text
        assert "4242" not in text
    assert info.value.__cause__ is None


# -- closing, event loops -------------------------------------------------------------------------


@bounded
async def test_closing_a_response_before_its_body_was_read_discards_the_connection(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([in_pieces(response(200, b"b" * 1000)[:-900], b"b" * 900), OK])
    resp = await transport.handle_async_request(get(server.url()))
    assert not resp.is_stream_consumed
    await resp.aclose()
    await resp.stream.aclose()  # type: ignore[union-attr]  # a second close does nothing
    assert transport.checked_out() == 0
    assert transport.idle_connections() == 0
    with pytest.raises(httpx.StreamClosed):
        await resp.stream.__aiter__().__anext__()  # type: ignore[union-attr]
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_closing_a_complete_but_unread_response_discards_the_connection(
    serve: Any, transport: NativeTransport
) -> None:
    server = await serve([in_pieces(response(200, b"b" * 10)[:-10], b"b" * 10, pause=0.1), OK])
    resp = await transport.handle_async_request(get(server.url()))
    assert not resp.is_stream_consumed
    await asyncio.sleep(0.2)  # all of it arrived, none was read
    stream = resp.stream
    assert isinstance(stream, native._Body)
    assert stream._connection.complete
    await resp.aclose()
    assert transport.idle_connections() == 0
    _, body = await fetch(transport, get(server.url()))
    assert body == b"hello"
    assert server.connections == 2


@bounded
async def test_aclose_closes_idle_connections_and_refuses_new_requests(serve: Any) -> None:
    server = await serve([OK, OK])
    transport = NativeTransport()
    await fetch(transport, get(server.url()))
    await fetch(transport, get(server.url()))
    assert transport.idle_connections() == 1
    await transport.aclose()
    assert transport.idle_connections() == 0
    assert transport.checked_out() == 0
    async with asyncio.timeout(1):
        await server.ended_event.wait()  # the server saw the connection end
    assert server.ended == 1
    with pytest.raises(ClientClosedError):
        await transport.handle_async_request(get(server.url()))
    await transport.aclose()  # twice is fine


@bounded
async def test_aclose_during_a_body_ends_it_with_an_error(serve: Any) -> None:
    async def part(peer: Peer, _: Received) -> None:
        await peer.send(b"HTTP/1.1 200 OK\r\n\r\npart of it")  # delimited by the end
        await asyncio.sleep(BUDGET * 2)

    server = await serve([part])
    transport = NativeTransport()
    resp = await transport.handle_async_request(get(server.url()))
    await transport.aclose()
    # Not a complete body "part of it": the call fails as every call in flight at aclose().
    with pytest.raises(ClientClosedError):
        await resp.aread()
    await resp.aclose()
    assert transport.checked_out() == 0
    assert server.connections == 1


def test_use_from_a_second_event_loop_is_refused() -> None:
    state: dict[str, Any] = {}

    async def first() -> None:
        async with asyncio.timeout(BUDGET):
            server = await Server([OK]).start()
            transport = NativeTransport()
            await fetch(transport, get(server.url()))
            state.update(server=server, transport=transport, url=server.url())
            assert transport.idle_connections() == 1

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(first())
        transport: NativeTransport = state["transport"]

        async def second() -> None:
            with pytest.raises(EventLoopError):
                await transport.handle_async_request(get(state["url"]))
            with pytest.raises(EventLoopError):  # the first loop is alive: not from here
                await transport.aclose()

        asyncio.run(second())
        assert transport.idle_connections() == 1
    finally:
        loop.run_until_complete(state["server"].stop())
        loop.close()

    async def after_close() -> None:
        with pytest.raises(EventLoopError):
            await transport.handle_async_request(get(state["url"]))
        await transport.aclose()  # the first loop is gone: closing is allowed

    asyncio.run(after_close())
    assert transport.idle_connections() == 0
    assert transport.checked_out() == 0


def test_a_response_stream_closed_after_its_loop_closed() -> None:
    # A thread serves it, so that nothing in the closed loop ends the connection first.
    listener = socket.create_server(("127.0.0.1", 0))
    release = threading.Event()

    def serve_one() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(response(200, b"x" * 10)[:-5])
            release.wait(BUDGET)

    thread = threading.Thread(target=serve_one)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    transport = NativeTransport()
    try:

        async def first() -> httpx.Response:
            async with asyncio.timeout(BUDGET):
                return await transport.handle_async_request(get(url))

        resp = asyncio.run(first())
        assert not resp.is_stream_consumed
        assert transport.checked_out() > 0
        asyncio.run(resp.aclose())  # its socket went with its loop: closing it raises nothing
        assert transport.checked_out() == 0
        asyncio.run(transport.aclose())
    finally:
        release.set()
        thread.join(BUDGET)
        listener.close()


class _StubParser:
    """Raises what a parser might raise from ``feed_data``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def feed_data(self, data: bytes) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httptools.HttpParserUpgrade(0), httpx.RemoteProtocolError),
        (native._Failure(), None),  # a callback's stop, should a parser let it through
    ],
)
def test_what_a_parser_raises_is_mapped(
    error: BaseException, expected: type[Exception] | None
) -> None:
    connection = native._Connection(("http", "127.0.0.1", 80))
    connection.parser = _StubParser(error)  # type: ignore[assignment]
    connection.active = True
    connection.data_received(b"HTTP/1.1 101 Switching Protocols\r\n\r\n")
    if expected is None:
        assert connection.error is None
        assert not connection.closed
    else:
        assert connection.error is not None
        assert connection.error[0] is expected
        assert connection.closed


# -- https ---------------------------------------------------------------------------------------


def _certificates(directory: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context with a certificate for 127.0.0.1 signed by a new CA, and a client
    context trusting that CA."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "native test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    cert_file, key_file = directory / "leaf.pem", directory / "leaf.key"
    cert_file.write_bytes(leaf.public_bytes(pem))
    key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert_file, key_file)
    client_context = ssl.create_default_context(cadata=ca.public_bytes(pem).decode())
    return server_context, client_context


@bounded
async def test_https_with_a_ca_of_its_own(tmp_path: Path) -> None:
    server_context, client_context = _certificates(tmp_path)
    server = await Server([OK, response(200, b"again")]).start(server_context)
    transport = NativeTransport(ssl_context=client_context)
    try:
        _, body = await fetch(transport, get(server.url(scheme="https")))
        assert body == b"hello"
        _, body = await fetch(transport, get(server.url(scheme="https")))
        assert body == b"again"
        assert server.connections == 1
        assert server.requests[0].line == b"GET / HTTP/1.1"
        # The default context (certifi's roots) does not trust that CA: never sent.
        other = NativeTransport()
        with pytest.raises(httpx.ConnectError, match="SSLCertVerificationError"):
            await other.handle_async_request(get(server.url("/x", scheme="https")))
        assert other.checked_out() == 0
        await other.aclose()
        assert len(server.requests) == 2
    finally:
        await transport.aclose()
        await server.stop()
