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
  holding its pool slot for good (encode/httpcore#1093, open in 1.0.9);
* httpcore's anyio network backend with one change (``_Backend``): whether an idle connection's
  socket holds unread bytes is asked of the socket itself, found once per connection. httpcore
  asks it of every idle connection each time it hands out one, and anyio's way there built a
  dict of the stream's attributes per question: a fifth of the pool's time with 1000 calls in
  flight (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import httpcore
import httpx
from httpcore._backends.anyio import AnyIOStream
from httpcore._backends.auto import AutoBackend
from httpcore._utils import is_socket_readable

from .._errors import ClientClosedError
from ._deadline import DeadlineArmingTransport, arm_attempt_deadline
from ._pool import ConnectionSlots, LoopBinding
from ._proxy import ProxyRoute, ProxyRoutes, refused_by_proxy
from ._tls import TlsSettings

if TYPE_CHECKING:
    import asyncio

__all__ = ["HttpxTransport", "mocked"]

Trace = Callable[[str, Mapping[str, Any]], Awaitable[None]]

#: httpcore's trace event that precedes the first byte of a request on HTTP/1.1 and HTTP/2.
_SENDING = ".send_request_headers.started"
#: httpx's and httpcore's own request handlers, as imported: the trace events come from them.
_HTTPX_HANDLER = httpx.AsyncHTTPTransport.handle_async_request
_POOL_HANDLER = httpcore.AsyncConnectionPool.handle_async_request
_PROXY_HANDLER = httpcore.AsyncHTTPProxy.handle_async_request


def _traced() -> bool:
    """Whether requests reach httpcore's real pool, which reports the first byte going out.

    A mock patched over either handler (pytest-httpx patches httpx's, respx httpcore's) sends
    nothing and reports nothing: the attempt's deadline then covers the whole attempt, as over
    any other transport.
    """
    return (
        httpx.AsyncHTTPTransport.handle_async_request is _HTTPX_HANDLER
        and httpcore.AsyncConnectionPool.handle_async_request is _POOL_HANDLER
    )


def mocked() -> bool:
    """Whether a mock replaced httpx's or httpcore's request handler: pytest-httpx patches
    ``httpx.AsyncHTTPTransport``'s, respx (by default) httpcore's pool and proxy classes'.

    Three identity checks against the handlers captured at import: cheap enough to ask on
    every request (``transport="auto"`` does).
    """
    return (
        httpx.AsyncHTTPTransport.handle_async_request is not _HTTPX_HANDLER
        or httpcore.AsyncConnectionPool.handle_async_request is not _POOL_HANDLER
        or httpcore.AsyncHTTPProxy.handle_async_request is not _PROXY_HANDLER
    )


class _Abandoned(Exception):
    """Raised inside httpcore, at the first byte, for a request its caller gave up on."""


class _Attempt:
    """One request's way through httpcore: has it started sending, has its caller gone?

    Its :meth:`trace` is the request's httpcore ``trace`` extension (calling the caller's own
    trace, if any, too).
    """

    __slots__ = ("abandoned", "sending", "theirs")

    def __init__(self, theirs: Trace | None) -> None:
        self.sending = False
        self.abandoned = False
        self.theirs = theirs

    async def trace(self, event: str, info: Mapping[str, Any]) -> None:
        if event.endswith(_SENDING):
            if self.abandoned:
                # Nothing was written yet: httpcore closes the connection it was given.
                raise _Abandoned("the caller gave up before the request was sent")
            self.sending = True
            arm_attempt_deadline()
        if self.theirs is not None:
            await self.theirs(event, info)


class HttpxTransport(DeadlineArmingTransport):
    """``httpx.AsyncHTTPTransport`` behind a connection gate, safe to cancel at any point.

    httpcore leaves a pool slot stuck for good when a request is cancelled after the pool
    assigned it a connection but before the request started on it (waiting for the
    connection, opening it, or taking the connection's state lock: encode/httpcore#1093 and
    alike). So each request runs in a task of its own, shielded from its caller's cancellation
    until it starts sending: a caller cancelled before that returns at once, and the request,
    left to itself, stops at its first byte (or fails or times out on its own), which httpcore
    cleans up after. A caller cancelled once it is sending cancels the request, which httpcore
    handles. The attempt deadline is armed as it starts sending (``_deadline``).
    """

    def __init__(
        self,
        limits: httpx.Limits,
        *,
        tls: TlsSettings | None = None,
        proxies: ProxyRoutes | None = None,
    ) -> None:
        self._limits = limits
        self._tls = tls
        self._transport = self._pool_through(None)
        # One httpx transport per proxy (httpx mounts one per URL pattern alike).
        self._proxies = proxies if proxies is not None and proxies.active else None
        self._proxied: dict[str, httpx.AsyncHTTPTransport] = {}
        self._slots = ConnectionSlots(limits.max_connections)
        self._binding = LoopBinding()
        self._sending: set[asyncio.Task[httpx.Response]] = set()  # requests inside httpcore

    def _pool_through(self, route: ProxyRoute | None) -> httpx.AsyncHTTPTransport:
        verify = self._tls.context() if self._tls is not None else True
        transport = httpx.AsyncHTTPTransport(
            limits=self._limits, verify=verify, proxy=route.proxy if route is not None else None
        )
        pool = getattr(transport, "_pool", None)
        if isinstance(getattr(pool, "_network_backend", None), AutoBackend):
            pool._network_backend = _BACKEND  # type: ignore[union-attr]
        return transport

    def _pool_for(self, url: httpx.URL) -> tuple[httpx.AsyncHTTPTransport, ProxyRoute | None]:
        route = self._proxies.route(url) if self._proxies is not None else None
        if route is None:
            return self._transport, None
        pool = self._proxied.get(route.url)
        if pool is None:
            pool = self._proxied[route.url] = self._pool_through(route)
        return pool, route

    @property
    def pool(self) -> httpx.AsyncHTTPTransport:
        """The httpx transport doing the I/O (for requests that go through no proxy)."""
        return self._transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio

        self._binding.check()
        extensions = request.extensions
        timeouts = extensions.get("timeout")
        await self._slots.acquire(timeouts.get("pool") if timeouts else None)
        if not _traced():
            arm_attempt_deadline()
        theirs = extensions.get("trace")
        if isinstance(theirs, _AttemptTrace):  # a retry of the same request: not theirs
            theirs = theirs.theirs
        attempt = _Attempt(theirs)
        extensions["trace"] = _AttemptTrace(attempt)
        pool, route = self._pool_for(request.url)
        # The context (and so the attempt deadline) is copied into the task.
        sending = asyncio.get_running_loop().create_task(pool.handle_async_request(request))
        self._sending.add(sending)
        sending.add_done_callback(self._sending.discard)
        try:
            response = await asyncio.shield(sending)
        except httpx.ProxyError as exc:
            self._finished_alone(sending)
            if route is None:
                raise
            # httpcore says only the status of a refused CONNECT: name the proxy (no password).
            raise httpx.ProxyError(
                f"the proxy {route.url} refused a tunnel to {request.url.netloc.decode()}: {exc}",
                request=request,
            ) from None
        except BaseException:
            if sending.done():  # it failed by itself, or finished just as its caller left
                self._finished_alone(sending)
                if self._binding.closed and not _caller_cancelled():
                    raise ClientClosedError(_CLOSED_IN_FLIGHT) from None
                raise
            sending.add_done_callback(self._finished_alone)
            if not attempt.sending:
                attempt.abandoned = True  # it stops at its first byte, whenever it gets there
                raise
            sending.cancel()  # cancelling while it sends or receives is safe
            # Let httpcore close the connection before the caller moves on (a retry, say).
            await asyncio.wait([sending])
            raise
        response.stream = _SlotStream(response.stream, self._slots)
        if route is not None:
            refused = refused_by_proxy(
                route,
                response.status_code,
                response.extensions.get("reason_phrase", b"").decode("latin-1"),
                request,
            )
            if refused is not None:
                await response.aclose()
                raise refused
        return response

    def _finished_alone(self, sending: asyncio.Task[httpx.Response]) -> None:
        """A request whose caller is gone has finished: close its response, free its slot."""
        if sending.cancelled() or sending.exception() is not None:
            self._slots.release()
            return
        response = sending.result()
        stream = _SlotStream(response.stream, self._slots)
        import asyncio

        closing = asyncio.get_running_loop().create_task(stream.aclose())
        closing.add_done_callback(_retrieve)

    async def aclose(self) -> None:
        """Close the pool. Calls waiting for a connection fail with ``ClientClosedError`` before
        they are sent; calls inside httpcore are cancelled (and fail with it) before the pool
        closes, so none opens a connection once it is closed."""
        if self._binding.owner_gone():
            self._binding.closed = True  # its connections died with their event loop
            return
        self._binding.closed = True
        self._slots.close()
        sending = list(self._sending)
        for task in sending:
            task.cancel()
        if sending:
            import asyncio

            await asyncio.wait(sending)
        await self._transport.aclose()
        for pool in self._proxied.values():
            await pool.aclose()


class _AttemptTrace:
    """The ``trace`` extension of one attempt (a class, so a retry can tell it from theirs)."""

    __slots__ = ("_attempt",)

    def __init__(self, attempt: _Attempt) -> None:
        self._attempt = attempt

    @property
    def theirs(self) -> Trace | None:
        return self._attempt.theirs

    async def __call__(self, event: str, info: Mapping[str, Any]) -> None:
        await self._attempt.trace(event, info)


async def _close(stream: httpx.AsyncByteStream) -> None:
    """Close a response stream; a connection holding bytes beyond the response is closed too.

    httpcore puts a connection back in its pool once the response is complete, even when the
    server sent more than the response (a body on a 204 or 304, more than ``Content-Length``):
    h11 keeps those bytes, and the next request on the connection would read them as its
    answer -- a forged or another request's response. Such a connection is closed instead.
    Called while the connection slot is still held, so no request can take it in between.
    """
    connection = _h11_connection(stream)
    if connection is not None and not _holds_bytes_beyond_response(connection):
        connection = None
    await stream.aclose()
    if connection is not None:
        await connection.aclose()


def _h11_connection(stream: object) -> httpcore.AsyncHTTP11Connection | None:
    """The HTTP/1.1 connection a response stream of httpx's transport reads from.

    Reached through private attributes of httpx 0.28 and httpcore 1.0 (no public API exposes
    it); None when they differ, e.g. a mocked transport or HTTP/2. A unit test pins the path
    on the installed versions.
    """
    pool_stream = getattr(stream, "_httpcore_stream", None)
    connection = getattr(getattr(pool_stream, "_stream", None), "_connection", None)
    return connection if isinstance(connection, httpcore.AsyncHTTP11Connection) else None


def _holds_bytes_beyond_response(connection: httpcore.AsyncHTTP11Connection) -> bool:
    import h11

    state = getattr(connection, "_h11_state", None)
    if not isinstance(state, h11.Connection) or state.their_state is not h11.DONE:
        return False  # a response cut short: httpcore closes that connection itself
    unread, _ = state.trailing_data
    return bool(unread)


_CLOSED_IN_FLIGHT = "the Thredfi client was closed (aclose()) while this request was in flight"


def _caller_cancelled() -> bool:
    """Whether the running task itself is being cancelled (not only the request it awaited)."""
    import asyncio

    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _retrieve(task: asyncio.Future[Any]) -> None:
    if not task.cancelled():
        task.exception()


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

        closing = asyncio.ensure_future(_close(stream))
        closing.add_done_callback(self._closed)
        await asyncio.shield(closing)

    def _closed(self, closing: asyncio.Future[None]) -> None:
        self._slots.release()
        if not closing.cancelled():
            closing.exception()  # retrieved; the awaiting caller (if still there) sees it


class _Stream(AnyIOStream):
    """httpcore's anyio stream, answering ``is_readable`` from the socket it opened on."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._socket = super().get_extra_info("socket")

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return is_socket_readable(self._socket)
        return super().get_extra_info(info)

    async def start_tls(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        stream = await super().start_tls(*args, **kwargs)
        return _Stream(stream._stream) if isinstance(stream, AnyIOStream) else stream


class _Backend(httpcore.AnyIOBackend):
    """httpcore's anyio backend, whose streams are :class:`_Stream` (asyncio: the SDK's)."""

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        stream = await super().connect_tcp(*args, **kwargs)
        return _Stream(stream._stream) if isinstance(stream, AnyIOStream) else stream


_BACKEND: Final = _Backend()
