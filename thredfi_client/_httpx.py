"""The httpx-backed inner transport: ``ThredfiClient(transport="httpx")``.

httpx's own ``AsyncHTTPTransport`` (httpcore's pool) does the I/O, so pytest-httpx and respx,
which patch it, keep working. Around it:

* a gate of ``max_connections`` slots (``_pool.ConnectionSlots``) in front of the pool: waiting
  for a connection is bounded by the pool timeout and reported as ``httpx.PoolTimeout`` (never
  sent), and httpcore never queues more requests than it has connections (its queue costs
  O(queued x connections) per change; docs/performance.md);
* the attempt's deadline is armed only when the request headers start going out, seen through
  httpcore's ``trace`` extension. A deadline never cancels httpcore while it hands out or opens
  a connection: a request cancelled there can leave a connection stuck in ``CONNECTING``,
  holding its pool slot for good (encode/httpcore#1093, open in 1.0.9).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ._deadline import DeadlineArmingTransport, arm_attempt_deadline
from ._pool import ConnectionSlots, LoopBinding

if TYPE_CHECKING:
    import asyncio

__all__ = ["HttpxTransport"]

Trace = Callable[[str, Mapping[str, Any]], Awaitable[None]]

#: httpcore's trace event that precedes the first byte of a request on HTTP/1.1 and HTTP/2.
_SENDING = ".send_request_headers.started"


async def _arm_on_send(event: str, info: Mapping[str, Any]) -> None:
    if event.endswith(_SENDING):
        arm_attempt_deadline()


class _Chained:
    """A caller's own ``trace`` extension, called after arming the deadline."""

    __slots__ = ("_theirs",)

    def __init__(self, theirs: Trace) -> None:
        self._theirs = theirs

    async def __call__(self, event: str, info: Mapping[str, Any]) -> None:
        await _arm_on_send(event, info)
        await self._theirs(event, info)


class HttpxTransport(DeadlineArmingTransport):
    """``httpx.AsyncHTTPTransport`` behind a connection gate, arming the deadline on send."""

    def __init__(self, limits: httpx.Limits) -> None:
        self._transport = httpx.AsyncHTTPTransport(limits=limits)
        self._slots = ConnectionSlots(limits.max_connections)
        self._binding = LoopBinding()

    @property
    def pool(self) -> httpx.AsyncHTTPTransport:
        """The httpx transport doing the I/O."""
        return self._transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._binding.check()
        extensions = request.extensions
        timeouts = extensions.get("timeout")
        await self._slots.acquire(timeouts.get("pool") if timeouts else None)
        try:
            trace = extensions.get("trace")
            if trace is None:
                extensions["trace"] = _arm_on_send
            elif trace is not _arm_on_send and not isinstance(trace, _Chained):
                extensions["trace"] = _Chained(trace)
            response = await self._transport.handle_async_request(request)
        except BaseException:
            self._slots.release()
            raise
        response.stream = _SlotStream(response.stream, self._slots)
        return response

    async def aclose(self) -> None:
        if self._binding.owner_gone():
            self._binding.closed = True  # its connections died with their event loop
            return
        self._binding.closed = True
        await self._transport.aclose()


class _SlotStream(httpx.AsyncByteStream):
    """The response stream, giving its connection slot back when closed.

    Closing runs to its end even if the caller is cancelled meanwhile (a deadline expiring just
    as the body was read): httpcore's pool forgets a request only at the end of its close, and
    its own shields do not hold off asyncio's cancellation, so a close cut short would keep the
    connection checked out for good.
    """

    __slots__ = ("_slots", "_stream")

    def __init__(
        self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, slots: ConnectionSlots
    ):
        assert isinstance(stream, httpx.AsyncByteStream)
        self._stream: httpx.AsyncByteStream | None = stream
        self._slots = slots

    def __aiter__(self) -> AsyncIterator[bytes]:
        assert self._stream is not None, "the response stream was closed"
        return self._stream.__aiter__()

    async def aclose(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        import asyncio

        closing = asyncio.ensure_future(stream.aclose())
        closing.add_done_callback(self._closed)
        await asyncio.shield(closing)

    def _closed(self, closing: asyncio.Future[None]) -> None:
        self._slots.release()
        if not closing.cancelled():
            closing.exception()  # retrieved; the awaiting caller (if still there) sees it
