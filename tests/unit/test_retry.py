"""Unit tests for thredfi_client._retry: RetryPolicy and RetryTransport, with scripted I/O."""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import gzip
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from thredfi_client._extensions import IDEMPOTENT, MAX_RETRIES, TOTAL_TIMEOUT
from thredfi_client._retry import DEFAULT_RETRY_POLICY, RetryPolicy, RetryTransport

BASE = "https://sandbox.thredfi.com"
PATH = "/v1/platform/businesses/b1/customers/"
URL = BASE + PATH
SECRET = "secret-token-xyz"
NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]
Step = httpx.Response | Exception | Handler


# --- helpers -----------------------------------------------------------------------------------


class TrackedStream(httpx.AsyncByteStream):
    """A response body that records closing and may fail or stall part-way."""

    def __init__(
        self,
        chunks: Sequence[bytes] = (b"ok",),
        *,
        error: Exception | None = None,
        delay: float = 0,
    ) -> None:
        self.chunks = chunks
        self.error = error
        self.delay = delay
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            if self.delay:
                await asyncio.sleep(self.delay)
            yield chunk
        if self.error is not None:
            raise self.error

    async def aclose(self) -> None:
        self.closed = True


class ScriptedTransport(httpx.AsyncBaseTransport):
    """Returns or raises the scripted steps in order and records every request."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return step
        return await step(request)

    async def aclose(self) -> None:
        self.closed = True


class RecordingSleep:
    """A fake ``sleep`` recording the waits, with an optional hook run at each sleep."""

    def __init__(self, on_sleep: Callable[[], None] | None = None) -> None:
        self.waits: list[float] = []
        self.on_sleep = on_sleep

    async def __call__(self, seconds: float) -> None:
        if self.on_sleep is not None:
            self.on_sleep()
        self.waits.append(seconds)


def resp(
    status: int, *, headers: dict[str, str] | None = None, body: bytes = b""
) -> httpx.Response:
    return httpx.Response(status, headers=headers, content=body)


def make_transport(
    *steps: Step,
    policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    rand: float = 1.0,
) -> tuple[RetryTransport, ScriptedTransport, RecordingSleep]:
    inner = ScriptedTransport(*steps)
    sleep = RecordingSleep()
    transport = RetryTransport(inner, policy, sleep=sleep, random=lambda: rand, now=lambda: NOW)
    return transport, inner, sleep


def request(
    method: str = "GET",
    *,
    json_body: Any = None,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> httpx.Request:
    all_headers = {"Authorization": f"Bearer {SECRET}", **(headers or {})}
    return httpx.Request(
        method,
        URL,
        headers=all_headers,
        json=json_body,
        content=content,
        extensions=extensions or {},
    )


def never_sent_errors() -> list[Exception]:
    return [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("full")]


# --- RetryPolicy -------------------------------------------------------------------------------


def test_policy_defaults() -> None:
    policy = RetryPolicy()
    assert policy.max_retries == 2
    assert policy.backoff_base == 0.5
    assert policy.backoff_cap == 8.0
    assert policy.retry_after_cap == 60.0
    assert policy.retry_statuses == frozenset({429, 500, 502, 503, 504})
    assert policy == DEFAULT_RETRY_POLICY


def test_policy_is_frozen_and_keyword_only() -> None:
    policy = RetryPolicy()
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.max_retries = 5  # type: ignore[misc]  # proving immutability
    with pytest.raises(TypeError):
        RetryPolicy(3)  # type: ignore[call-arg]  # proving kw_only


def test_policy_converts_statuses_to_frozenset() -> None:
    assert RetryPolicy(retry_statuses={503}).retry_statuses == frozenset({503})
    listed = RetryPolicy(retry_statuses=[429, 503])  # type: ignore[arg-type]  # typed as a set
    assert listed.retry_statuses == frozenset({429, 503})
    assert isinstance(RetryPolicy(retry_statuses={503}).retry_statuses, frozenset)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_retries": -1}, ValueError),
        ({"max_retries": 1.5}, ValueError),
        ({"max_retries": True}, ValueError),
        ({"backoff_base": -0.1}, ValueError),
        ({"backoff_base": float("nan")}, ValueError),
        ({"backoff_cap": float("inf")}, ValueError),
        ({"backoff_cap": "1"}, TypeError),
        ({"retry_after_cap": -1}, ValueError),
        ({"retry_after_cap": False}, TypeError),
        ({"retry_statuses": {99}}, ValueError),
        ({"retry_statuses": {600}}, ValueError),
        ({"retry_statuses": {"503"}}, ValueError),
        ({"retry_statuses": {True}}, ValueError),
    ],
)
def test_policy_validation(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        RetryPolicy(**kwargs)


def test_policy_accepts_zeroes_and_ints() -> None:
    policy = RetryPolicy(max_retries=0, backoff_base=0, backoff_cap=1, retry_after_cap=0)
    assert policy.backoff(3, 1.0) == 0


def test_backoff_is_full_jitter_with_cap() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=3.0)
    assert [policy.backoff(n, 1.0) for n in range(5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert policy.backoff(2, 0.25) == 0.5
    assert policy.backoff(0, 0.0) == 0.0


def test_backoff_clamps_rand_and_survives_huge_attempts() -> None:
    policy = RetryPolicy()
    assert policy.backoff(0, 7.0) == 0.5
    assert policy.backoff(0, -1.0) == 0.0
    assert policy.backoff(10_000, 1.0) == 8.0
    with pytest.raises(ValueError, match="attempt"):
        policy.backoff(-1, 0.5)


# --- what is retried ---------------------------------------------------------------------------


async def test_503_503_200_succeeds_on_third_attempt_with_bounded_waits() -> None:
    inner = ScriptedTransport(resp(503), resp(503), resp(200, body=b"done"))
    sleep = RecordingSleep()
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=8.0)
    transport = RetryTransport(inner, policy, sleep=sleep)  # real random.random
    response = await transport.handle_async_request(request())
    assert response.status_code == 200
    assert await response.aread() == b"done"
    assert len(inner.requests) == 3
    assert len(sleep.waits) == 2
    for n, wait in enumerate(sleep.waits):
        assert 0 <= wait <= min(policy.backoff_cap, policy.backoff_base * 2**n)


async def test_waits_use_attempt_index_and_random() -> None:
    transport, _, sleep = make_transport(resp(500), resp(502), resp(504), resp(200), rand=0.5)
    response = await transport.handle_async_request(request(extensions={MAX_RETRIES: 3}))
    assert response.status_code == 200
    assert sleep.waits == [0.25, 0.5, 1.0]


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
async def test_retry_statuses_are_retried(status: int) -> None:
    transport, inner, _ = make_transport(resp(status), resp(200))
    assert (await transport.handle_async_request(request())).status_code == 200
    assert len(inner.requests) == 2


@pytest.mark.parametrize("status", [200, 201, 204, 400, 401, 403, 404, 409, 418, 422, 501])
async def test_other_statuses_are_never_retried(status: int) -> None:
    transport, inner, sleep = make_transport(resp(status), resp(200))
    assert (await transport.handle_async_request(request("PUT"))).status_code == status
    assert len(inner.requests) == 1
    assert sleep.waits == []


async def test_409_never_retried_even_when_idempotent() -> None:
    transport, inner, _ = make_transport(resp(409), resp(201))
    req = request(
        "POST",
        json_body={"external_id": "inv-1"},
        headers={"Idempotency-Key": "k1"},
        extensions={IDEMPOTENT: True},
    )
    assert (await transport.handle_async_request(req)).status_code == 409
    assert len(inner.requests) == 1


async def test_custom_retry_statuses() -> None:
    policy = RetryPolicy(retry_statuses={418})
    transport, inner, _ = make_transport(resp(418), resp(503), policy=policy)
    assert (await transport.handle_async_request(request())).status_code == 503
    assert len(inner.requests) == 2


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("slow"),
        httpx.PoolTimeout("full"),
        httpx.ReadTimeout("slow read"),
        httpx.WriteTimeout("slow write"),
        httpx.ReadError("reset"),
        httpx.WriteError("broken pipe"),
        httpx.RemoteProtocolError("peer closed"),
    ],
)
async def test_transport_errors_are_retried_for_get(error: Exception) -> None:
    transport, inner, sleep = make_transport(error, resp(200))
    assert (await transport.handle_async_request(request())).status_code == 200
    assert len(inner.requests) == 2
    assert sleep.waits == [0.5]


async def test_non_transport_errors_propagate_at_once() -> None:
    transport, inner, _ = make_transport(RuntimeError("bug"), resp(200))
    with pytest.raises(RuntimeError, match="bug"):
        await transport.handle_async_request(request())
    assert len(inner.requests) == 1


# --- which requests may be repeated ------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
async def test_idempotent_methods_are_repeatable(method: str) -> None:
    transport, inner, _ = make_transport(httpx.ReadTimeout("t"), resp(500), resp(200))
    assert (await transport.handle_async_request(request(method))).status_code == 200
    assert len(inner.requests) == 3


@pytest.mark.parametrize(
    "error", [httpx.ReadTimeout("t"), httpx.ReadError("reset"), httpx.RemoteProtocolError("x")]
)
async def test_post_without_external_id_not_replayed_after_send(error: Exception) -> None:
    transport, inner, sleep = make_transport(error, resp(201))
    with pytest.raises(type(error)) as caught:
        await transport.handle_async_request(request("POST", json_body={"name": "Ada"}))
    assert caught.value is error
    assert len(inner.requests) == 1
    assert sleep.waits == []


@pytest.mark.parametrize("error", never_sent_errors())
async def test_post_without_external_id_retried_when_never_sent(error: Exception) -> None:
    transport, inner, _ = make_transport(error, resp(201))
    response = await transport.handle_async_request(request("POST", json_body={"name": "Ada"}))
    assert response.status_code == 201
    assert len(inner.requests) == 2


async def test_post_without_external_id_returns_retryable_status_as_is() -> None:
    transport, inner, sleep = make_transport(resp(503, body=b"busy"), resp(201))
    response = await transport.handle_async_request(request("POST", json_body={"name": "Ada"}))
    assert response.status_code == 503
    assert await response.aread() == b"busy"
    assert len(inner.requests) == 1
    assert sleep.waits == []


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_external_id_makes_post_and_patch_repeatable(method: str) -> None:
    body = {"external_id": "inv-2024-001", "amount": "10.00"}
    transport, inner, _ = make_transport(resp(500), httpx.ReadTimeout("t"), resp(200))
    response = await transport.handle_async_request(request(method, json_body=body))
    assert response.status_code == 200
    assert len(inner.requests) == 3
    assert all(json.loads(r.content) == body for r in inner.requests)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"external_id": ""}', "application/json"),
        (b'{"external_id": 123}', "application/json"),
        (b'{"external_id": null}', "application/json"),
        (b'[{"external_id": "x"}]', "application/json"),
        (b'{"external_id": "x"', "application/json"),
        (b"[" * 100_000, "application/json"),
        (b'{"external_id": "x"}', "text/plain"),
        (b"external_id=x", "application/x-www-form-urlencoded"),
        (b'{"external_id": "x"}', ""),
    ],
)
async def test_post_not_repeatable_without_valid_external_id(
    content: bytes, content_type: str
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    transport, inner, _ = make_transport(resp(500), resp(201))
    req = request("POST", content=content, headers=headers)
    assert (await transport.handle_async_request(req)).status_code == 500
    assert len(inner.requests) == 1


async def test_external_id_with_vendor_json_content_type() -> None:
    transport, inner, _ = make_transport(resp(500), resp(201))
    req = request(
        "POST",
        content=b'{"external_id": "x"}',
        headers={"Content-Type": "application/vnd.thredfi+json; charset=utf-8"},
    )
    assert (await transport.handle_async_request(req)).status_code == 201
    assert len(inner.requests) == 2


async def test_external_id_does_not_make_other_methods_repeatable() -> None:
    transport, inner, _ = make_transport(resp(500), resp(200))
    req = request("TRACE", json_body={"external_id": "x"})
    assert (await transport.handle_async_request(req)).status_code == 500
    assert len(inner.requests) == 1


async def test_idempotency_key_header_makes_post_repeatable() -> None:
    transport, inner, _ = make_transport(httpx.ReadTimeout("t"), resp(503), resp(200))
    req = request("POST", json_body={"amount": 5}, headers={"Idempotency-Key": "pay-1"})
    assert (await transport.handle_async_request(req)).status_code == 200
    assert len(inner.requests) == 3


async def test_blank_idempotency_key_does_not_count() -> None:
    transport, inner, _ = make_transport(resp(503), resp(200))
    req = request("POST", json_body={"amount": 5}, headers={"Idempotency-Key": " "})
    assert (await transport.handle_async_request(req)).status_code == 503
    assert len(inner.requests) == 1


async def test_idempotent_extension_makes_post_repeatable() -> None:
    transport, inner, _ = make_transport(httpx.ReadError("reset"), resp(429), resp(200))
    req = request("POST", content=b"grant_type=client_credentials", extensions={IDEMPOTENT: True})
    assert (await transport.handle_async_request(req)).status_code == 200
    assert len(inner.requests) == 3


async def test_idempotent_extension_false_does_not_count() -> None:
    transport, inner, _ = make_transport(resp(503), resp(200))
    req = request("POST", content=b"x", extensions={IDEMPOTENT: False})
    assert (await transport.handle_async_request(req)).status_code == 503
    assert len(inner.requests) == 1


async def test_streamed_post_body_is_not_inspected_nor_replayed_after_send() -> None:
    async def body() -> AsyncIterator[bytes]:
        yield b'{"external_id": "x"}'  # pragma: no cover - the fake transport never reads it

    transport, inner, _ = make_transport(httpx.ReadError("reset"), resp(200))
    req = httpx.Request("POST", URL, content=body(), headers={"Content-Type": "application/json"})
    with pytest.raises(httpx.ReadError):
        await transport.handle_async_request(req)
    assert len(inner.requests) == 1


# --- how many attempts -------------------------------------------------------------------------


async def test_exhausted_statuses_return_last_response() -> None:
    transport, inner, sleep = make_transport(resp(503), resp(502), resp(500, body=b"last"))
    response = await transport.handle_async_request(request())
    assert response.status_code == 500
    assert await response.aread() == b"last"
    assert len(inner.requests) == 3
    assert len(sleep.waits) == 2


async def test_exhausted_errors_reraise_last_exception() -> None:
    last = httpx.ConnectError("third")
    transport, inner, _ = make_transport(httpx.ConnectError("1"), httpx.ReadError("2"), last)
    with pytest.raises(httpx.ConnectError) as caught:
        await transport.handle_async_request(request())
    assert caught.value is last
    assert len(inner.requests) == 3


async def test_policy_max_retries() -> None:
    policy = RetryPolicy(max_retries=4)
    transport, inner, _ = make_transport(*[resp(503)] * 5, resp(200), policy=policy)
    assert (await transport.handle_async_request(request())).status_code == 503
    assert len(inner.requests) == 5


@pytest.mark.parametrize(("override", "attempts"), [(0, 1), (1, 2), (5, 6)])
async def test_max_retries_extension_overrides_policy(override: int, attempts: int) -> None:
    transport, inner, sleep = make_transport(*[resp(503)] * 7)
    req = request(extensions={MAX_RETRIES: override})
    assert (await transport.handle_async_request(req)).status_code == 503
    assert len(inner.requests) == attempts
    assert len(sleep.waits) == attempts - 1


async def test_max_retries_zero_reraises_first_error() -> None:
    transport, inner, _ = make_transport(httpx.ConnectError("x"), resp(200))
    with pytest.raises(httpx.ConnectError):
        await transport.handle_async_request(request(extensions={MAX_RETRIES: 0}))
    assert len(inner.requests) == 1


@pytest.mark.parametrize("bad", [-1, "2", 1.0, True])
async def test_invalid_max_retries_extension(bad: object) -> None:
    transport, inner, _ = make_transport(resp(200))
    with pytest.raises(ValueError, match=MAX_RETRIES):
        await transport.handle_async_request(request(extensions={MAX_RETRIES: bad}))
    assert inner.requests == []


# --- Retry-After -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "wait"), [("3", 3.0), ("1.5", 1.5), (" 0 ", 0.0)])
async def test_retry_after_seconds(value: str, wait: float) -> None:
    transport, _, sleep = make_transport(resp(429, headers={"Retry-After": value}), resp(200))
    assert (await transport.handle_async_request(request())).status_code == 200
    assert sleep.waits == [wait]


async def test_retry_after_http_date() -> None:
    when = email.utils.format_datetime(NOW + timedelta(seconds=30), usegmt=True)
    transport, _, sleep = make_transport(resp(503, headers={"Retry-After": when}), resp(200))
    assert (await transport.handle_async_request(request())).status_code == 200
    assert sleep.waits == [30.0]


@pytest.mark.parametrize(
    "value",
    [
        email.utils.format_datetime(NOW - timedelta(minutes=5), usegmt=True),
        "Wed, 21 Oct 2015 07:28:00 -0000",  # naive date, taken as UTC, long past
    ],
)
async def test_retry_after_date_in_the_past_waits_zero(value: str) -> None:
    transport, _, sleep = make_transport(resp(503, headers={"Retry-After": value}), resp(200))
    assert (await transport.handle_async_request(request())).status_code == 200
    assert sleep.waits == [0.0]


@pytest.mark.parametrize("value", ["soon", "", "-5", "nan", "inf", "1e999", "Mon, 99 Foo 20"])
async def test_unparseable_retry_after_falls_back_to_backoff(value: str) -> None:
    transport, _, sleep = make_transport(
        resp(503, headers={"Retry-After": value}), resp(200), rand=0.5
    )
    assert (await transport.handle_async_request(request())).status_code == 200
    assert sleep.waits == [0.25]


async def test_retry_after_over_cap_is_not_retried() -> None:
    policy = RetryPolicy(retry_after_cap=60)
    transport, inner, sleep = make_transport(
        resp(429, headers={"Retry-After": "120"}, body=b"slow down"), resp(200), policy=policy
    )
    response = await transport.handle_async_request(request())
    assert response.status_code == 429
    assert await response.aread() == b"slow down"
    assert len(inner.requests) == 1
    assert sleep.waits == []


async def test_retry_after_date_over_cap_is_not_retried() -> None:
    when = email.utils.format_datetime(NOW + timedelta(hours=1), usegmt=True)
    transport, inner, sleep = make_transport(resp(503, headers={"Retry-After": when}), resp(200))
    assert (await transport.handle_async_request(request())).status_code == 503
    assert len(inner.requests) == 1
    assert sleep.waits == []


async def test_retry_after_at_cap_is_honoured() -> None:
    policy = RetryPolicy(retry_after_cap=10)
    transport, _, sleep = make_transport(
        resp(503, headers={"Retry-After": "10"}), resp(200), policy=policy
    )
    assert (await transport.handle_async_request(request())).status_code == 200
    assert sleep.waits == [10.0]


async def test_default_clock_is_used_for_http_dates() -> None:
    inner = ScriptedTransport(
        resp(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}), resp(200)
    )
    sleep = RecordingSleep()
    transport = RetryTransport(inner, sleep=sleep)
    assert (await transport.handle_async_request(request())).status_code == 200
    assert sleep.waits == [0.0]


# --- bodies, closing, deadlines ----------------------------------------------------------------


async def test_failed_response_closed_before_sleep() -> None:
    first = TrackedStream([b"busy"])
    inner = ScriptedTransport(httpx.Response(503, stream=first), resp(200))
    closed_at_sleep: list[bool] = []
    sleep = RecordingSleep(on_sleep=lambda: closed_at_sleep.append(first.closed))
    transport = RetryTransport(inner, sleep=sleep, random=lambda: 0.0)
    assert (await transport.handle_async_request(request())).status_code == 200
    assert closed_at_sleep == [True]


async def test_already_consumed_open_response_closed_before_sleep() -> None:
    # A transport may hand over a response it already buffered but left open.
    stream = TrackedStream([b"busy"])
    buffered = httpx.Response(503, stream=stream)
    buffered.is_stream_consumed = True
    inner = ScriptedTransport(buffered, resp(200))
    closed_at_sleep: list[bool] = []
    sleep = RecordingSleep(on_sleep=lambda: closed_at_sleep.append(stream.closed))
    transport = RetryTransport(inner, sleep=sleep, random=lambda: 0.0)
    assert (await transport.handle_async_request(request())).status_code == 200
    assert closed_at_sleep == [True]


async def test_reset_mid_body_on_get_is_retried() -> None:
    broken = TrackedStream([b'{"partial": '], error=httpx.ReadError("connection reset"))
    transport, inner, sleep = make_transport(
        httpx.Response(200, stream=broken), resp(200, body=b'{"ok": true}')
    )
    response = await transport.handle_async_request(request())
    assert await response.aread() == b'{"ok": true}'
    assert len(inner.requests) == 2
    assert broken.closed
    assert sleep.waits == [0.5]


async def test_reset_mid_body_on_plain_post_is_raised() -> None:
    broken = TrackedStream([b"{"], error=httpx.ReadError("connection reset"))
    transport, inner, _ = make_transport(httpx.Response(201, stream=broken), resp(201))
    with pytest.raises(httpx.ReadError):
        await transport.handle_async_request(request("POST", json_body={"name": "Ada"}))
    assert len(inner.requests) == 1
    assert broken.closed


async def test_returned_response_is_fully_received_and_closed_upstream() -> None:
    stream = TrackedStream([b"a", b"b", b"c"])
    transport, _, _ = make_transport(
        httpx.Response(200, stream=stream, headers={"X-Thing": "1"}, extensions={"k": "v"})
    )
    req = request()
    response = await transport.handle_async_request(req)
    assert stream.closed
    assert response.request is req
    assert response.headers["x-thing"] == "1"
    assert response.extensions["k"] == "v"
    assert await response.aread() == b"abc"


async def test_a_sync_stream_from_the_wrapped_transport_is_refused() -> None:
    response = httpx.Response(200, stream=iter([b"x"]))  # type: ignore[arg-type]
    transport, _, _ = make_transport(response)
    with pytest.raises(RuntimeError, match="sync stream"):
        await transport.handle_async_request(request())


async def test_total_timeout_turns_slow_body_into_read_timeout() -> None:
    slow = TrackedStream([b"a", b"b"], delay=1.0)
    transport, inner, _ = make_transport(httpx.Response(200, stream=slow))
    req = request(extensions={TOTAL_TIMEOUT: 0.05, MAX_RETRIES: 0})
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(httpx.ReadTimeout, match=r"total timeout of 0\.05s") as caught:
        await transport.handle_async_request(req)
    assert loop.time() - started < 0.9
    assert caught.value.request is req
    assert isinstance(caught.value.__cause__, TimeoutError)
    assert slow.closed
    assert len(inner.requests) == 1


async def test_total_timeout_covers_waiting_for_headers_and_is_retried() -> None:
    async def stall(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(1.0)
        return resp(200)  # pragma: no cover - cancelled first

    transport, inner, sleep = make_transport(stall, resp(200, body=b"fast"))
    req = request(extensions={TOTAL_TIMEOUT: 0.05})
    response = await transport.handle_async_request(req)
    assert await response.aread() == b"fast"
    assert len(inner.requests) == 2
    assert sleep.waits == [0.5]


async def test_total_timeout_on_plain_post_is_not_replayed() -> None:
    async def stall(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(1.0)
        return resp(201)  # pragma: no cover - cancelled first

    transport, inner, _ = make_transport(stall, resp(201))
    req = request("POST", json_body={"name": "Ada"}, extensions={TOTAL_TIMEOUT: 0.05})
    with pytest.raises(httpx.ReadTimeout):
        await transport.handle_async_request(req)
    assert len(inner.requests) == 1


async def test_total_timeout_not_reached() -> None:
    transport, _, _ = make_transport(httpx.Response(200, stream=TrackedStream([b"x"])))
    response = await transport.handle_async_request(request(extensions={TOTAL_TIMEOUT: 5}))
    assert await response.aread() == b"x"


async def test_inner_timeout_error_is_not_mistaken_for_the_deadline() -> None:
    transport, inner, _ = make_transport(TimeoutError("inner"), resp(200))
    with pytest.raises(TimeoutError, match="inner"):
        await transport.handle_async_request(request(extensions={TOTAL_TIMEOUT: 5}))
    assert len(inner.requests) == 1


# --- logging -----------------------------------------------------------------------------------


async def test_retries_are_logged_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="thredfi_client")
    transport, _, _ = make_transport(resp(503), httpx.ConnectError("refused"), resp(200), rand=0.82)
    url = f"{URL}?token={SECRET}"
    req = httpx.Request("POST", url, headers={"Authorization": f"Bearer {SECRET}"}, json={})
    req.extensions[IDEMPOTENT] = True
    assert (await transport.handle_async_request(req)).status_code == 200

    records = [r for r in caplog.records if r.name == "thredfi_client"]
    assert [r.getMessage() for r in records] == [
        f"retrying POST {PATH} (attempt 2 of 3) after status 503 in 0.41s",
        f"retrying POST {PATH} (attempt 3 of 3) after ConnectError in 0.82s",
    ]
    assert all(r.levelno == logging.INFO for r in records)
    first, second = (r.__dict__ for r in records)  # extra= fields land in the record's dict
    assert (first["attempt"], first["status_code"], first["wait"]) == (2, 503, 0.41)
    assert (first["max_attempts"], first["method"], first["path"]) == (3, "POST", PATH)
    assert (second["attempt"], second["status_code"], second["wait"]) == (3, None, 0.82)
    assert second["error_type"] == "ConnectError"
    for record in records:
        assert SECRET not in record.getMessage()
        assert SECRET not in repr(record.__dict__)


async def test_no_log_without_retry(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="thredfi_client")
    transport, _, _ = make_transport(resp(200))
    await transport.handle_async_request(request())
    assert [r for r in caplog.records if r.name == "thredfi_client"] == []


# --- lifecycle and end to end ------------------------------------------------------------------


async def test_aclose_closes_wrapped_and_properties() -> None:
    policy = RetryPolicy(max_retries=1)
    transport, inner, _ = make_transport(policy=policy)
    assert transport.policy is policy
    assert transport.wrapped is inner
    async with transport:
        pass
    assert inner.closed


async def test_end_to_end_with_async_client_and_mock_transport() -> None:
    calls: list[httpx.Request] = []
    payload = json.dumps({"id": "c1", "external_id": "ext-1"}).encode()

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(req)
        if len(calls) == 1:
            return httpx.Response(502, text="<html><title>502 Bad Gateway</title></html>")
        if len(calls) == 2:
            raise httpx.ReadError("connection reset by peer")
        return httpx.Response(
            201, content=gzip.compress(payload), headers={"Content-Encoding": "gzip"}
        )

    sleep = RecordingSleep()
    transport = RetryTransport(httpx.MockTransport(handler), sleep=sleep, random=lambda: 1.0)
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        response = await client.post(PATH, json={"external_id": "ext-1", "name": "Ada"})
        assert response.status_code == 201
        assert response.json() == {"id": "c1", "external_id": "ext-1"}
        assert len(calls) == 3
        assert sleep.waits == [0.5, 1.0]

        async with client.stream("GET", PATH) as streamed:
            assert [c async for c in streamed.aiter_bytes()] == [payload]


async def test_end_to_end_streamed_gzip_body_is_decoded_once_and_timed() -> None:
    payload = b'{"id": "c1"}'

    async def gzipped(request: httpx.Request) -> httpx.Response:
        stream = TrackedStream([gzip.compress(payload)])
        return httpx.Response(200, stream=stream, headers={"Content-Encoding": "gzip"})

    broken = TrackedStream([b"\x1f"], error=httpx.ReadError("reset"))
    inner = ScriptedTransport(httpx.Response(200, stream=broken), gzipped)
    transport = RetryTransport(inner, sleep=RecordingSleep())
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        response = await client.get(PATH)
    assert response.json() == {"id": "c1"}
    assert response.elapsed.total_seconds() >= 0
    assert len(inner.requests) == 2


async def test_end_to_end_plain_post_not_replayed() -> None:
    calls: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(req)
        raise httpx.ReadTimeout("read timed out", request=req)

    transport = RetryTransport(httpx.MockTransport(handler), sleep=RecordingSleep())
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post(PATH, json={"name": "Ada"})
    assert len(calls) == 1
