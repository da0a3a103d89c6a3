"""The pieces under the retry layer, one at a time: body reader, connection gate, stray guard,
event-loop binding, the httpx transport's shield, the aiohttp body, and the client's request
building.

The end-to-end behaviour (over a socket, both transports) is in tests/reliability; these pin
the edge cases that are hard to provoke there.
"""

from __future__ import annotations

import asyncio
import random
import threading
import zlib
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
import pytest

from thredfi_client import (
    APIConnectionError,
    ClientClosedError,
    EventLoopError,
    NotFoundError,
    ResponseTooLargeError,
    ThredfiClient,
)
from thredfi_client._client import _PathJoiner, _without_credentials
from thredfi_client._transports._body import BodyTooLarge, read_body
from thredfi_client._transports._deadline import AttemptDeadline
from thredfi_client._transports._httpx import HttpxTransport, _Abandoned, _Attempt, _AttemptTrace
from thredfi_client._transports._pool import ConnectionSlots, LoopBinding, StrayGuard

from ..support import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID

REQUEST = httpx.Request("GET", "https://api.thredfi.test/v1/x/")
MiB = 1024 * 1024


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def gzip(data: bytes) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return squeeze.compress(data) + squeeze.flush()


def deflate(data: bytes, *, raw: bool) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    return squeeze.compress(data) + squeeze.flush()


# -- the body reader -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", [None, "", "identity", "IDENTITY, identity"])
async def test_a_plain_body_is_joined(encoding: str | None) -> None:
    assert await read_body(chunks(b"ab", b"", b"cd"), encoding, 4, REQUEST) == b"abcd"
    assert await read_body(chunks(b"abcd"), encoding, 4, REQUEST) == b"abcd"


async def test_a_plain_body_over_the_limit_stops_at_the_chunk_that_crosses_it() -> None:
    consumed: list[bytes] = []

    async def tracked() -> AsyncIterator[bytes]:
        for part in (b"abc", b"de", b"never read"):
            consumed.append(part)
            yield part

    with pytest.raises(BodyTooLarge) as info:
        await read_body(tracked(), None, 4, REQUEST)
    assert info.value.limit == 4
    assert consumed == [b"abc", b"de"]
    assert "4 bytes" in str(info.value)
    assert isinstance(info.value, httpx.DecodingError)  # not a transport error: not retried


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip),
        ("x-gzip", gzip),
        ("GZIP, identity", gzip),
        ("deflate", lambda d: deflate(d, raw=False)),
        ("deflate", lambda d: deflate(d, raw=True)),  # as many servers send it
    ],
)
async def test_compressed_bodies_are_decoded(encoding: str, encode: Any) -> None:
    data = b'{"id": "x"}' * 1000
    packed = encode(data)
    split = [packed[i : i + 100] for i in range(0, len(packed), 100)]
    assert await read_body(chunks(*split), encoding, len(data), REQUEST) == data


async def test_inflating_stops_at_the_limit() -> None:
    with pytest.raises(BodyTooLarge) as info:
        await read_body(chunks(gzip(bytes(8 * MiB))), "gzip", 1 * MiB, REQUEST)
    assert "1 MiB" in str(info.value)


async def test_a_compressed_body_is_capped_as_it_arrives_too() -> None:
    noise = random.Random(13).randbytes(4096)  # incompressible: gzip makes it a little longer
    packed = gzip(noise)
    assert len(packed) > len(noise) + 10
    with pytest.raises(BodyTooLarge):
        await read_body(chunks(packed), "gzip", len(noise) + 10, REQUEST)
    assert await read_body(chunks(packed), "gzip", len(packed), REQUEST) == noise


async def test_inflating_a_large_body_gives_the_event_loop_a_turn() -> None:
    turns = 0

    async def count() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    counter = asyncio.create_task(count())
    await asyncio.sleep(0)
    before = turns
    body = await read_body(chunks(gzip(bytes(20 * MiB))), "gzip", 32 * MiB, REQUEST)
    counter.cancel()
    assert len(body) == 20 * MiB
    assert turns - before >= 4  # one turn per 4 MiB inflated, at least


@pytest.mark.parametrize(
    ("encoding", "body", "why"),
    [
        ("br", b"...", "unsupported content-encoding 'br'"),
        ("gzip, gzip", b"...", "unsupported content-encoding"),
        ("gzip", b"this is not gzip", "incorrect header check"),
        ("deflate", b"\xff\xfe not deflate at all", "invalid"),
    ],
)
async def test_an_undecodable_body_is_a_decoding_error(
    encoding: str, body: bytes, why: str
) -> None:
    with pytest.raises(httpx.DecodingError, match=why):
        await read_body(chunks(body), encoding, MiB, REQUEST)


async def test_trailing_bytes_after_the_gzip_stream_are_ignored_and_truncation_is_lenient() -> None:
    data = b"hello" * 100
    assert await read_body(chunks(gzip(data) + b"junk"), "gzip", MiB, REQUEST) == data
    assert await read_body(chunks(gzip(data)[:-8]), "gzip", MiB, REQUEST) == data


# -- the connection gate ---------------------------------------------------------------------------


async def test_without_a_limit_the_gate_lets_everyone_through() -> None:
    slots = ConnectionSlots(None)
    for _ in range(3):
        await slots.acquire(0.0)
    slots.release()


async def test_slots_are_handed_out_first_come_first_served() -> None:
    slots = ConnectionSlots(1)
    await slots.acquire(None)
    order: list[int] = []

    async def wait(n: int) -> None:
        await slots.acquire(None)
        order.append(n)

    waiters = [asyncio.create_task(wait(n)) for n in range(3)]
    await asyncio.sleep(0)
    for _ in range(3):
        slots.release()
        await asyncio.sleep(0)
    await asyncio.gather(*waiters)
    assert order == [0, 1, 2]


async def test_a_wait_longer_than_the_pool_timeout_is_a_pool_timeout() -> None:
    slots = ConnectionSlots(1)
    await slots.acquire(None)
    with pytest.raises(httpx.PoolTimeout, match=r"pool timeout of 0\.01s"):
        await slots.acquire(0.01)
    slots.release()
    await slots.acquire(0.01)  # the slot was not lost to the waiter that gave up


async def test_a_cancelled_waiter_takes_no_slot() -> None:
    slots = ConnectionSlots(1)
    await slots.acquire(None)
    waiter = asyncio.create_task(slots.acquire(None))
    await asyncio.sleep(0)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    slots.release()
    await asyncio.wait_for(slots.acquire(None), 1)


async def test_a_slot_handed_to_a_waiter_cancelled_at_that_moment_goes_to_the_next() -> None:
    slots = ConnectionSlots(1)
    await slots.acquire(None)
    first = asyncio.create_task(slots.acquire(None))
    second = asyncio.create_task(slots.acquire(None))
    await asyncio.sleep(0)
    slots.release()  # handed to `first`...
    first.cancel()  # ... which is cancelled before it runs again
    with pytest.raises(asyncio.CancelledError):
        await first
    await asyncio.wait_for(second, 1)


# -- the stray guard ------------------------------------------------------------------------------

ORIGIN = ("https", "api.thredfi.test", 443)


def test_an_origin_is_trusted_until_it_sends_a_stray() -> None:
    guard = StrayGuard()
    assert not guard
    assert guard.settle(ORIGIN, 0.0) == 0.0


@pytest.mark.parametrize(
    ("lateness", "settle"),
    [(0.0, StrayGuard.MIN_SETTLE), (0.03, 0.06), (5.0, StrayGuard.MAX_SETTLE)],
)
def test_the_rest_is_twice_the_strays_lateness_within_bounds(
    lateness: float, settle: float
) -> None:
    guard = StrayGuard()
    guard.saw(ORIGIN, lateness, now=100.0)
    assert guard
    assert guard.settle(ORIGIN, 100.0) == pytest.approx(settle)
    assert guard.settle(("https", "other.test", 443), 100.0) == 0.0


def test_the_rest_only_grows_while_the_origin_stays_suspect_and_ends_after_a_quiet_minute() -> None:
    guard = StrayGuard()
    guard.saw(ORIGIN, 0.05, now=0.0)
    guard.saw(ORIGIN, 0.0, now=30.0)  # a prompter stray does not shorten the rest
    assert guard.settle(ORIGIN, 30.0) == pytest.approx(0.1)
    assert guard.settle(ORIGIN, 30.0 + StrayGuard.WARY_FOR - 1) == pytest.approx(0.1)
    assert guard.settle(ORIGIN, 30.0 + StrayGuard.WARY_FOR) == 0.0
    assert not guard  # forgotten
    guard.saw(ORIGIN, 0.0, now=200.0)  # starts afresh
    assert guard.settle(ORIGIN, 200.0) == StrayGuard.MIN_SETTLE


def test_a_stray_is_logged_once_per_suspect_spell(caplog: pytest.LogCaptureFixture) -> None:
    guard = StrayGuard()
    with caplog.at_level("WARNING", logger="thredfi_client"):
        guard.saw(ORIGIN, 0.0, now=0.0)
        guard.saw(ORIGIN, 0.0, now=1.0)
        guard.saw(ORIGIN, 0.0, now=1.0 + StrayGuard.WARY_FOR + 1)
    assert [r.getMessage().split(" sent ")[0] for r in caplog.records] == [
        "https://api.thredfi.test:443"
    ] * 2


# -- the event-loop binding ------------------------------------------------------------------------


def test_a_binding_refuses_a_second_loop_and_a_closed_pool() -> None:
    binding = LoopBinding()
    asyncio.run(_check(binding))
    with pytest.raises(EventLoopError, match="one client per event loop"):
        asyncio.run(_check(binding))
    assert asyncio.run(_owner_gone(binding)) is True  # its loop has finished
    binding.closed = True
    other = LoopBinding()
    asyncio.run(_closed_check(other))


async def _check(binding: LoopBinding) -> None:
    binding.check()


async def _owner_gone(binding: LoopBinding) -> bool:
    return binding.owner_gone()


async def _closed_check(binding: LoopBinding) -> None:
    binding.check()
    assert binding.owner_gone() is False
    binding.closed = True
    with pytest.raises(ClientClosedError):
        binding.check()


def test_closing_from_another_running_loop_is_refused() -> None:
    binding = LoopBinding()
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever)
    runner.start()
    try:
        asyncio.run_coroutine_threadsafe(_check(binding), loop).result(5)
        with pytest.raises(EventLoopError):
            asyncio.run(_owner_gone(binding))
    finally:
        loop.call_soon_threadsafe(loop.stop)
        runner.join(5)
        loop.close()


# -- the httpx transport's shield ------------------------------------------------------------------


def test_the_httpx_pools_ask_the_socket_itself_whether_it_is_readable() -> None:
    # httpcore's own way through anyio was a fifth of its pool's time under load; a change in
    # httpx or httpcore that drops our backend would only be slower, so it is pinned here.
    from thredfi_client._transports import _httpx

    transport = HttpxTransport(httpx.Limits(max_connections=10))
    assert transport.pool._pool._network_backend is _httpx._BACKEND


async def test_the_httpx_backends_streams_see_bytes_waiting_in_the_socket() -> None:
    from thredfi_client._transports import _httpx

    writers: list[asyncio.StreamWriter] = []
    accepted = asyncio.Event()

    async def serve(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        accepted.set()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    stream = await _httpx._BACKEND.connect_tcp("127.0.0.1", port, timeout=5)
    try:
        async with asyncio.timeout(5):
            await accepted.wait()
            assert stream.get_extra_info("is_readable") is False
            writers[0].write(b"HTTP/1.1 200 OK\r\n")  # a stray
            await writers[0].drain()
            await asyncio.sleep(0.05)  # loopback: there well within this
            assert stream.get_extra_info("is_readable") is True
    finally:
        await stream.aclose()
        for writer in writers:
            writer.close()
        server.close()
        await server.wait_closed()


class _Scripted(httpx.AsyncBaseTransport):
    """Stands in for httpx's transport: waits, then "sends" through the trace extension."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.sent = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self.release.wait()
        trace = request.extensions["trace"]
        await trace("http11.send_request_headers.started", {})
        self.sent += 1
        return httpx.Response(200, stream=httpx.ByteStream(b"{}"))


async def test_a_caller_gone_before_sending_leaves_a_request_that_stops_at_its_first_byte() -> None:
    transport = HttpxTransport(httpx.Limits(max_connections=1))
    scripted = _Scripted()
    transport._transport = scripted  # type: ignore[assignment]
    call = asyncio.create_task(transport.handle_async_request(httpx.Request("GET", "http://h/")))
    await asyncio.sleep(0.01)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    scripted.release.set()
    for _ in range(10):
        await asyncio.sleep(0)
    assert scripted.sent == 0
    # Its slot came back: the next request gets the only connection at once.
    response = await asyncio.wait_for(
        transport.handle_async_request(httpx.Request("GET", "http://h/")), 1
    )
    assert scripted.sent == 1
    await response.aclose()


async def test_a_caller_gone_while_sending_cancels_the_request_and_frees_its_slot() -> None:
    class Slow(_Scripted):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            await request.extensions["trace"]("http11.send_request_headers.started", {})
            await asyncio.sleep(10)
            raise AssertionError("not cancelled")

    transport = HttpxTransport(httpx.Limits(max_connections=1))
    transport._transport = Slow()  # type: ignore[assignment]
    call = asyncio.create_task(transport.handle_async_request(httpx.Request("GET", "http://h/")))
    await asyncio.sleep(0.01)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    await asyncio.sleep(0.01)
    await asyncio.wait_for(transport._slots.acquire(0.01), 1)


async def test_a_response_finished_as_its_caller_left_is_closed() -> None:
    closed: list[bool] = []

    class Stream(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            yield b"{}"

        async def aclose(self) -> None:
            closed.append(True)

    class Fast(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, stream=Stream())

    transport = HttpxTransport(httpx.Limits(max_connections=1))
    transport._transport = Fast()  # type: ignore[assignment]
    sending: asyncio.Task[httpx.Response] = asyncio.create_task(
        Fast().handle_async_request(REQUEST)
    )
    await sending
    await transport._slots.acquire(None)
    transport._finished_alone(sending)
    for _ in range(5):
        await asyncio.sleep(0)
    assert closed == [True]
    await asyncio.wait_for(transport._slots.acquire(0.01), 1)


async def test_the_callers_own_trace_extension_is_kept_across_retries() -> None:
    seen: list[str] = []

    async def theirs(event: str, info: Mapping[str, Any]) -> None:
        seen.append(event)

    attempt = _Attempt(theirs)
    trace = _AttemptTrace(attempt)
    assert trace.theirs is theirs
    async with AttemptDeadline(5.0) as deadline:
        await trace("connection.connect_tcp.started", {})
        assert not deadline._armed
        await trace("http11.send_request_headers.started", {})
        assert deadline._armed
    assert seen == ["connection.connect_tcp.started", "http11.send_request_headers.started"]
    attempt.abandoned = True
    with pytest.raises(_Abandoned):
        await _Attempt(None).trace("x", {}) or await trace("http2.send_request_headers.started", {})


async def test_the_httpx_transport_closes_its_pool() -> None:
    transport = HttpxTransport(httpx.Limits(max_connections=1))
    transport._binding.check()
    await transport.aclose()
    with pytest.raises(ClientClosedError):
        await transport.handle_async_request(httpx.Request("GET", "http://127.0.0.1:9/"))


# -- the aiohttp transport -------------------------------------------------------------------------


async def test_aiohttp_timeouts_are_cached_and_the_cache_stays_small() -> None:
    from thredfi_client._transports._aiohttp import AiohttpTransport

    transport = AiohttpTransport()
    first = transport._timeout(5.0, 30.0)
    assert transport._timeout(5.0, 30.0) is first
    assert first.sock_connect == 5.0
    assert first.sock_read == 30.0
    for n in range(100):
        transport._timeout(float(n), None)
    assert len(transport._timeouts) <= 65


async def test_aiohttp_sends_a_streamed_request_body_whole() -> None:
    from thredfi_client._transports._aiohttp import AiohttpTransport

    async def body() -> AsyncIterator[bytes]:
        yield b'{"a":'
        yield b"1}"

    transport = AiohttpTransport()
    request = httpx.Request("POST", "http://127.0.0.1:9/", content=body())
    with pytest.raises(httpx.ConnectError):
        await transport.handle_async_request(request)
    assert request.content == b'{"a":1}'
    await transport.aclose()


# -- the client's requests and errors --------------------------------------------------------------


@pytest.mark.parametrize(
    "base",
    ["https://api.thredfi.test", "https://api.thredfi.test/", "https://gw.test:8443/thredfi/"],
)
@pytest.mark.parametrize(
    "path",
    [
        f"/v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/",
        "/v1/platform/oauth2/token/",
        "v1/x/%2F%41",
        "/v1/x/%2f",  # lower-case escape: httpx's parser takes it
        "/v1/./x/../y/",  # dot segments: httpx's parser removes them
        "/v1/a b/ü/",  # not yet quoted: httpx's parser quotes it
        "/v1/.well-known/x/",  # a dot starting a segment that is no dot segment
        "/v1/x/..",  # dot segments at the end
        "/v1/x/.",
        "//v1//x/~a_b-c.d/",  # empty segments, unreserved characters
        "/v1/x/%41/./",  # an escape and a dot segment
        "/v1/x?y=1",  # a query sign inside a path parameter
    ],
)
def test_paths_join_the_base_url_as_httpx_would(base: str, path: str) -> None:
    joined = _PathJoiner(httpx.URL(base.rstrip("/"))).join(path)
    expected = httpx.URL(base.rstrip("/") + "/" + path.lstrip("/"))
    assert joined == expected
    assert str(joined) == str(expected)
    assert joined.raw_path == expected.raw_path
    assert (joined.host, joined.port, joined.path) == (expected.host, expected.port, expected.path)


def test_without_httpx_internals_the_join_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    base = httpx.URL("https://api.thredfi.test")
    joiner = _PathJoiner(base)
    joiner._reference = None
    assert joiner.join("/v1/x/") == httpx.URL("https://api.thredfi.test/v1/x/")


def _client() -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url="https://api.thredfi.test",
        transport="httpx",
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": "get", "url": f"/v1/platform/businesses/{BUSINESS_ID}/customers/"},
        {"method": "delete", "url": "/v1/x/"},
        {"method": "post", "url": "/v1/x/", "json": {"a": 1}, "headers": {"X-A": "1"}},
        {"method": "post", "url": "/v1/x/archive/"},
        {"method": "get", "url": "/v1/x/", "params": {"page": 2}},
        {"method": "get", "url": "/v1/x/", "headers": {"X-Trace": "t"}},
    ],
)
def test_requests_are_the_ones_httpx_builds(kwargs: dict[str, Any]) -> None:
    client = _client()
    extensions = {"timeout": client.timeout.as_dict()}
    ours = client._build_request(dict(kwargs), dict(extensions))
    theirs = client.http_client.build_request(
        kwargs["method"],
        kwargs["url"],
        json=kwargs.get("json"),
        params=kwargs.get("params"),
        headers=kwargs.get("headers"),
        extensions=extensions,
    )
    assert (ours.method, ours.url, ours.content) == (theirs.method, theirs.url, theirs.content)
    assert sorted(ours.headers.multi_items()) == sorted(theirs.headers.multi_items())
    assert ours.extensions == theirs.extensions


def test_max_response_bytes_is_checked() -> None:
    for bad in (0, -1, 1.5, "1", True):
        with pytest.raises(ValueError, match="max_response_bytes"):
            ThredfiClient(
                partner_id=PARTNER_ID,
                api_key=API_KEY,
                max_response_bytes=bad,  # type: ignore[arg-type]
            )
    assert _client().max_response_bytes == 32 * MiB


def test_an_error_keeps_a_request_copy_without_credentials() -> None:
    async def streamed() -> AsyncIterator[bytes]:
        yield b"x"

    request = httpx.Request(
        "POST",
        "https://api.thredfi.test/v1/x/",
        headers={"Authorization": "Bearer tok_secret_1", "Cookie": "a=b", "X-Ok": "1"},
        content=streamed(),
        extensions={"timeout": {"read": 1.0}, "trace": print},
    )
    copy = _without_credentials(request)
    assert copy.headers["authorization"] == "[redacted]"
    assert copy.headers["cookie"] == "[redacted]"
    assert copy.headers["x-ok"] == "1"
    assert copy.content == b""
    assert copy.extensions == {"timeout": {"read": 1.0}}


class _Raising(httpx.AsyncBaseTransport):
    def __init__(self, error: Exception) -> None:
        self.error = error

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token/"):
            return httpx.Response(
                200, json={"access_token": "tok_secret_2", "token_type": "Bearer", "expires_in": 60}
            )
        raise self.error


@pytest.mark.parametrize(
    ("error", "expected", "text"),
    [
        (BodyTooLarge("too big", request=REQUEST, limit=5), ResponseTooLargeError, "too big"),
        (httpx.DecodingError("bad gzip", request=REQUEST), APIConnectionError, "bad gzip"),
        (RuntimeError("surprise"), APIConnectionError, "RuntimeError while sending GET"),
        (RecursionError("deep"), APIConnectionError, "RecursionError"),
    ],
)
async def test_whatever_fails_below_leaves_as_a_thredfi_error(
    error: Exception, expected: type[Exception], text: str
) -> None:
    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url="https://api.thredfi.test",
        transport=_Raising(error),
    ) as client:
        with pytest.raises(expected, match=text) as info:
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert type(info.value) is expected
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
    assert info.value.request.headers["authorization"] == "[redacted]"  # type: ignore[attr-defined]


async def test_event_hooks_on_the_http_client_run_for_operations() -> None:
    seen: list[str] = []

    async def on_request(request: httpx.Request) -> None:
        seen.append(f"request {request.method} {request.url.path}")

    async def on_response(response: httpx.Response) -> None:
        seen.append(f"response {response.status_code} {len(response.content)}")

    customer = b'{"error_code": "customer_not_found"}'

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token/"):
            return httpx.Response(
                200, json={"access_token": "tok_secret_3", "token_type": "Bearer", "expires_in": 60}
            )
        return httpx.Response(404, content=customer)

    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url="https://api.thredfi.test",
        transport=httpx.MockTransport(answer),
    ) as client:
        client.http_client.event_hooks["request"].append(on_request)
        client.http_client.event_hooks["response"].append(on_response)
        with pytest.raises(NotFoundError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)

    path = f"/v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/"
    # The token requests travel on the token source's own client, not on http_client.
    assert seen == [f"request GET {path}", f"response 404 {len(customer)}"]


def test_the_deadline_waits_for_the_first_byte_only_over_httpcores_real_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from thredfi_client._transports._httpx import _traced

    assert _traced()

    async def mocked(self: object, request: object) -> object:
        raise AssertionError("not called")

    # pytest-httpx patches httpx's handler, respx httpcore's: neither reports a first byte.
    with monkeypatch.context() as patch:
        patch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", mocked)
        assert not _traced()
    import httpcore

    with monkeypatch.context() as patch:
        patch.setattr(httpcore.AsyncConnectionPool, "handle_async_request", mocked)
        assert not _traced()
    assert _traced()


@pytest.mark.parametrize("extra", [b"", b"HTTP/1.1 200 OK\r\n"])
async def test_an_httpx_connection_is_kept_unless_it_holds_bytes_beyond_the_response(
    extra: bytes,
) -> None:
    # _httpx finds the connection through private attributes of httpx and httpcore: an
    # upgrade that moves them fails here, by name, rather than only in the reliability suite.
    from thredfi_client._transports._httpx import _h11_connection

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}" + extra)
        await writer.drain()
        await reader.read()  # open until the client closes it
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport = HttpxTransport(httpx.Limits(max_connections=1))
    try:
        response = await transport.handle_async_request(
            httpx.Request("GET", f"http://127.0.0.1:{port}/")
        )
        connection = _h11_connection(getattr(response.stream, "_stream", None))
        assert connection is not None
        assert await response.aread() == b"{}"  # read whole, then closed
        assert connection.is_closed() == bool(extra)
    finally:
        await transport.aclose()
        server.close()
        await server.wait_closed()
