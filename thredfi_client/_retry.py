"""Retries as an httpx transport wrapper: jittered backoff, ``Retry-After``, idempotency-aware.

:class:`RetryTransport` sits below authentication and error mapping: it sees raw attempts, reads
each response body completely inside the attempt -- decompressed, capped and within the
attempt's deadline (so a reset mid-body is retried too, and a gzip bomb is stopped) -- and hands
the caller the final response or re-raises the final transport error.
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import random as _random
import time
from collections.abc import Awaitable, Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

import httpx

from thredfi_client._extensions import IDEMPOTENT, MAX_RETRIES, TOTAL_TIMEOUT
from thredfi_client._transports._body import (
    DEFAULT_MAX_RESPONSE_BYTES,
    PrereadingTransport,
    mark_read,
    read_body,
    too_large,
)
from thredfi_client._transports._deadline import AttemptDeadline, DeadlineArmingTransport

__all__ = ["DEFAULT_RETRY_POLICY", "RetryPolicy", "RetryTransport"]

logger = logging.getLogger("thredfi_client")

#: Methods whose repetition has no additional side effect (RFC 9110, section 9.2.2).
_IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Methods made repeatable by an ``external_id`` in their JSON body.
_EXTERNAL_ID_METHODS: Final = frozenset({"POST", "PATCH"})
#: Errors proving the request never reached the server, so even a POST may be sent again.
_NEVER_SENT_ERRORS: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: Largest exponent used by the backoff; beyond it the cap always wins and floats would overflow.
_MAX_EXPONENT: Final = 60


def _check_non_negative_int(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative int, got {value!r}")


def _check_non_negative_finite(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, got {value!r}")
    # The negated comparison also rejects NaN.
    if not (value >= 0 and math.isfinite(value)):
        raise ValueError(f"{name} must be finite and >= 0, got {value!r}")


def _check_statuses(name: str, value: frozenset[object]) -> None:
    for status in value:
        if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
            raise ValueError(f"{name} must hold HTTP status codes, got {status!r}")


# A frozen dataclass rather than attrs: the classes built at `import thredfi_client` do not
# import attrs, which the generated models load on first use (docs/performance.md, (d)).
@dataclass(frozen=True, kw_only=True, slots=True)
class RetryPolicy:
    """How often and how patiently failed attempts are repeated.

    Attributes:
        max_retries: retries after the first attempt (so ``1 + max_retries`` attempts at most).
        backoff_base: seconds; the n-th retry waits up to ``backoff_base * 2**n``.
        backoff_cap: seconds; no jittered backoff is longer than this.
        retry_after_cap: seconds; a ``Retry-After`` longer than this is not waited for: the
            response is returned to the caller instead.
        retry_statuses: response statuses worth another attempt.
    """

    max_retries: int = 2
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    retry_after_cap: float = 60.0
    #: A set or frozenset; stored as a frozenset.
    retry_statuses: AbstractSet[int] = frozenset({429, 500, 502, 503, 504})

    def __post_init__(self) -> None:
        _check_non_negative_int("max_retries", self.max_retries)
        for name in ("backoff_base", "backoff_cap", "retry_after_cap"):
            _check_non_negative_finite(name, getattr(self, name))
        statuses = frozenset(self.retry_statuses)
        _check_statuses("retry_statuses", statuses)
        object.__setattr__(self, "retry_statuses", statuses)  # frozen: the one conversion

    def backoff(self, attempt: int, rand: float) -> float:
        """Full-jitter backoff: ``rand * min(backoff_cap, backoff_base * 2**attempt)``.

        ``attempt`` is 0 for the first retry; ``rand`` is clamped to ``[0, 1]``.
        """
        if attempt < 0:
            raise ValueError(f"attempt must be >= 0, got {attempt}")
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0 ** min(attempt, _MAX_EXPONENT))
        return min(max(rand, 0.0), 1.0) * ceiling


#: The policy used when none is given.
DEFAULT_RETRY_POLICY: Final = RetryPolicy()


async def _sleep(seconds: float) -> None:
    # asyncio is imported when first needed, not by `import thredfi_client`: httpx does not
    # import it either, and it is a third of the package's import time (docs/performance.md).
    import asyncio

    await asyncio.sleep(seconds)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class RetryTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` that repeats failed attempts on the wrapped transport.

    Retried: transport errors and responses whose status is in ``policy.retry_statuses``,
    but only for requests that may be repeated -- idempotent methods, the
    :data:`~thredfi_client._extensions.IDEMPOTENT` extension, an ``Idempotency-Key`` header, or a
    POST/PATCH JSON body with a non-empty ``external_id``. Other requests are retried only on
    errors that prove they never reached the server (connect errors and pool timeouts).

    Per request, the :data:`~thredfi_client._extensions.MAX_RETRIES` extension overrides
    ``policy.max_retries`` and :data:`~thredfi_client._extensions.TOTAL_TIMEOUT` bounds each
    attempt and turns expiry into ``httpx.ReadTimeout``. Over the SDK's own inner transports the
    deadline starts when the request goes out (waiting for and opening a connection have their
    own timeouts, see ``_deadline``); over any other transport it covers the whole attempt.

    Each response body is read whole inside the attempt, decoded (``gzip``, ``deflate``) and
    capped at ``max_response_bytes``; beyond it :class:`~thredfi_client.ResponseTooLargeError`
    is raised and not retried.

    Args:
        wrapped: the transport doing the I/O; closed by :meth:`aclose`.
        policy: limits and backoff.
        sleep: awaited with the wait in seconds between attempts (default ``asyncio.sleep``;
            injectable for tests).
        random: returns a float in ``[0, 1)`` for the jitter (injectable for tests).
        now: returns the current aware datetime, for ``Retry-After`` HTTP-dates.
        max_response_bytes: the cap on each response body, after decompression (32 MiB).
    """

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        *,
        sleep: Callable[[float], Awaitable[object]] | None = None,
        random: Callable[[], float] = _random.random,
        now: Callable[[], datetime] = _utcnow,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        _check_non_negative_int("max_response_bytes", max_response_bytes)
        self._wrapped = wrapped
        self._policy = policy
        self._sleep = sleep or _sleep
        self._random = random
        self._now = now
        self._max_response_bytes = max_response_bytes
        # The SDK's own transports start the deadline when the request goes out.
        self._wrapped_arms_deadline = isinstance(wrapped, DeadlineArmingTransport)
        if isinstance(wrapped, PrereadingTransport):
            # It may read a body whole when it is known to be within the cap (the smallest
            # cap, should it serve more than one retry layer).
            limit = wrapped.preread_limit
            wrapped.preread_limit = min(limit, max_response_bytes) if limit else max_response_bytes

    @property
    def policy(self) -> RetryPolicy:
        """The retry policy in force."""
        return self._policy

    @property
    def wrapped(self) -> httpx.AsyncBaseTransport:
        """The transport doing the I/O."""
        return self._wrapped

    @property
    def max_response_bytes(self) -> int:
        """The cap on each response body, in bytes, after decompression."""
        return self._max_response_bytes

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._wrapped.aclose()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying as the policy allows; return the last response.

        The returned response's body has already been received in full. When attempts run out
        the last response is returned, or the last transport error re-raised.
        """
        max_attempts = 1 + self._max_retries(request)
        for attempt in range(1, max_attempts):
            try:
                response = await self._attempt(request)
            except httpx.TransportError as exc:
                if not (isinstance(exc, _NEVER_SENT_ERRORS) or _is_repeatable(request)):
                    raise
                wait = self._policy.backoff(attempt - 1, self._random())
                self._log_retry(request, attempt, max_attempts, None, type(exc).__name__, wait)
                await self._sleep(wait)
                continue
            maybe_wait = self._wait_before_retry(request, response, attempt)
            if maybe_wait is None:
                return response
            await response.aclose()
            self._log_retry(
                request,
                attempt,
                max_attempts,
                response.status_code,
                f"status {response.status_code}",
                maybe_wait,
            )
            await self._sleep(maybe_wait)
        return await self._attempt(request)

    def _max_retries(self, request: httpx.Request) -> int:
        value = request.extensions.get(MAX_RETRIES)
        if value is None:
            return self._policy.max_retries
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"the {MAX_RETRIES} extension must be an int >= 0, got {value!r}")
        return value

    def _wait_before_retry(
        self, request: httpx.Request, response: httpx.Response, attempt: int
    ) -> float | None:
        """Seconds to wait before retrying ``response``, or None to return it as it is."""
        if response.status_code not in self._policy.retry_statuses:
            return None
        if not _is_repeatable(request):
            return None
        retry_after = _parse_retry_after(response.headers.get("retry-after"), self._now())
        if retry_after is None:
            return self._policy.backoff(attempt - 1, self._random())
        if retry_after > self._policy.retry_after_cap:
            # Waiting that long would stall the caller; let them see the 429/503 instead.
            return None
        return retry_after

    async def _attempt(self, request: httpx.Request) -> httpx.Response:
        total = request.extensions.get(TOTAL_TIMEOUT)
        if total is None:
            return await self._send_and_read(request, None)
        deadline = AttemptDeadline(float(total))
        try:
            with deadline:
                if not self._wrapped_arms_deadline:
                    deadline.arm()
                return await self._send_and_read(request, deadline)
        except TimeoutError as exc:
            if not deadline.expired():
                raise
            raise httpx.ReadTimeout(
                f"attempt exceeded the total timeout of {deadline.seconds:g}s", request=request
            ) from exc

    async def _send_and_read(
        self, request: httpx.Request, deadline: AttemptDeadline | None
    ) -> httpx.Response:
        started = time.perf_counter()
        response = await self._wrapped.handle_async_request(request)
        if deadline is not None:
            deadline.arm()  # the answer is arriving, whether or not the transport armed it
        if response.is_stream_consumed:
            # Already read by the transport (a small plain body over aiohttp, or e.g.
            # httpx.MockTransport): nothing left to receive, decode or time; the cap still holds.
            try:
                size = len(response.content)
            except httpx.ResponseNotRead:
                size = 0
            if size > self._max_response_bytes:
                await response.aclose()
                raise too_large(request, self._max_response_bytes)
            response.request = request
            response.elapsed = timedelta(seconds=time.perf_counter() - started)
            return response
        stream = response.stream
        if not isinstance(stream, httpx.AsyncByteStream):
            raise RuntimeError("the wrapped transport returned a sync stream to an async client")
        try:
            # Read from the transport's stream itself: httpx's per-chunk bookkeeping in
            # Response.aiter_raw() would be wasted work, and its decoders have no bound.
            content = await read_body(
                stream,
                response.headers.get("content-encoding"),
                self._max_response_bytes,
                request,
            )
            if deadline is not None:
                deadline.disarm()  # the body is in: closing the stream is not the server's time
        finally:
            await stream.aclose()
        return _received(response, request, content, time.perf_counter() - started)

    @staticmethod
    def _log_retry(
        request: httpx.Request,
        attempt: int,
        max_attempts: int,
        status_code: int | None,
        cause: str,
        wait: float,
    ) -> None:
        # Only method and path: headers and query strings stay out of logs.
        logger.info(
            "retrying %s %s (attempt %d of %d) after %s in %.2fs",
            request.method,
            request.url.path,
            attempt + 1,
            max_attempts,
            cause,
            wait,
            extra={
                "attempt": attempt + 1,
                "max_attempts": max_attempts,
                "method": request.method,
                "path": request.url.path,
                "status_code": status_code,
                "error_type": None if status_code is not None else cause,
                "wait": wait,
            },
        )


def _received(
    response: httpx.Response, request: httpx.Request, content: bytes, elapsed: float
) -> httpx.Response:
    """``response``, now holding its whole body ``content`` (already decoded), read and closed."""
    response.stream = httpx.ByteStream(content)
    mark_read(response, content)
    response.request = request
    response.elapsed = timedelta(seconds=elapsed)
    return response


def _is_repeatable(request: httpx.Request) -> bool:
    """Whether sending ``request`` twice cannot cause a duplicate side effect."""
    if request.method in _IDEMPOTENT_METHODS:
        return True
    if request.extensions.get(IDEMPOTENT):
        return True
    if request.headers.get("idempotency-key", "").strip():
        return True
    return request.method in _EXTERNAL_ID_METHODS and _has_external_id(request)


def _has_external_id(request: httpx.Request) -> bool:
    """Whether the JSON body is an object with a non-blank string ``external_id``.

    Blank means absent, as the API has it: ``"   "`` is no idempotency key, and a replay would
    create a second resource.
    """
    if "json" not in request.headers.get("content-type", "").lower():
        return False
    try:
        content = request.content
    except httpx.RequestNotRead:  # a streamed body cannot be inspected, nor safely replayed
        return False
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return False
    if not isinstance(body, dict):
        return False
    external_id = body.get("external_id")
    return isinstance(external_id, str) and bool(external_id.strip())


def _parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait per a ``Retry-After`` value (delta-seconds or HTTP-date), or None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
