"""The aiohttp-backed inner transport: ``ThredfiClient(transport="aiohttp")``, extra ``[aiohttp]``.

An ``httpx.AsyncBaseTransport`` of our own over one ``aiohttp.ClientSession`` (it replaces the
httpx-aiohttp adapter). Why our own:

* **Every failure is mapped, and truthfully.** Each ``aiohttp.ClientError`` (and anything else
  aiohttp raises) becomes the httpx error that says whether the request may have reached the
  server: only a failure to connect is "never sent". Nothing raised keeps aiohttp's exception
  or its ``request_info``, whose headers hold the request's ``Authorization`` (on a token
  request, the API key): the mapped error is raised with no cause and no context.
* **No retry behind the SDK's back.** aiohttp re-sends an idempotent request once when a kept-
  alive connection drops; here that is off, so ``max_retries`` is the exact bound.
* **Bounded heads and bodies.** Response header lines up to 64 KiB are accepted (httpx's h11
  takes 100 KiB in all), larger ones are a typed error; bodies arrive raw (not decompressed by
  aiohttp) and are decoded, capped and timed by the retry layer (``_body``).
* **Less work per call.** No cookie jar, no redirects, no proxy or netrc lookup, headers passed
  through as they are: about a third less CPU per call than a default ``ClientSession``.
* **The deadline starts when the request goes out** (``_deadline``): the request class arms it
  as it starts writing, after the connection was obtained; waiting for a connection is bounded
  by the pool timeout (``_pool``), opening one by the connect timeout.
"""

from __future__ import annotations

import asyncio
import select
from collections.abc import AsyncIterator
from typing import Any, Final

import aiohttp
import httpx
from yarl import URL

from .._errors import APIConnectionError, ClientClosedError
from .._extensions import TOTAL_TIMEOUT
from ._body import PrereadingTransport, mark_read
from ._deadline import DeadlineArmingTransport, arm_attempt_deadline
from ._pool import ConnectionSlots, LoopBinding, StrayGuard
from ._proxy import ProxyRoute, ProxyRoutes, refused_by_proxy
from ._tls import TlsSettings

__all__ = ["AiohttpTransport", "mapped_error"]

#: Longest response header line accepted (aiohttp's default is 8190; a firewall's cookie can be
#: longer, and httpx accepts up to 100 KiB of headers in all).
MAX_HEADER_LINE: Final = 64 * 1024
_DEFAULT_LIMITS: Final = httpx.Limits(max_connections=100, max_keepalive_connections=20)
_HTTP11: Final = b"HTTP/1.1"
_CONTENT_ENCODING: Final = "Content-Encoding"
_PORTS: Final = {"http": 80, "https": 443}
_CLOSED_IN_FLIGHT: Final = (
    "the Thredfi client was closed (aclose()) while this request was in flight"
)


class _ArmingRequest(aiohttp.ClientRequest):
    """aiohttp's request, arming the attempt's deadline as it starts writing to the connection."""

    async def send(self, conn: Any) -> aiohttp.ClientResponse:
        arm_attempt_deadline()
        return await super().send(conn)


class _CheckingConnector(aiohttp.TCPConnector):
    """aiohttp's connector, reusing a kept-alive connection only when nothing arrived on it.

    aiohttp checks at checkout only that the socket is open. Bytes that arrived while the
    connection sat idle -- a stray extra response from a server or proxy -- are parsed by the
    previous response's parser and queued, and the next request on that connection reads them
    as its answer; every later answer on it is then one request late (another call's data).
    Here a connection is reused only if its protocol holds nothing (``should_close`` covers a
    queued message, unparsed bytes, an unfinished body, an error, a close announced) and its
    socket has nothing waiting to be read; otherwise it is closed. Bytes its protocol holds are
    a stray response: its origin is then suspect (``strays``, a ``StrayGuard``), and the
    transport closes each connection to it after one request for a while.
    """

    strays: StrayGuard | None = None

    async def _get(self, key: Any, traces: list[Any]) -> Any:
        idle = getattr(self, "_conns", {}).get(key)
        # aiohttp takes the oldest idle connection first (popleft): drop those not provably clean.
        while idle and not _holds_nothing_unread(idle[0][0]):
            protocol, released = idle.popleft()
            self._saw_stray(key, protocol, asyncio.get_running_loop().time() - released)
            protocol.close()
        return await super()._get(key, traces)

    def _release(self, key: Any, protocol: Any, *, should_close: bool = False) -> None:
        # Bytes beyond the response that came with it (aiohttp closes the connection for them).
        self._saw_stray(key, protocol, 0.0)
        strays = self.strays
        if strays and strays.settle(_origin(key), asyncio.get_running_loop().time()):
            should_close = True  # a suspect origin: one request per connection, closed here
        super()._release(key, protocol, should_close=should_close)

    def _saw_stray(self, key: Any, protocol: Any, lateness: float) -> None:
        """Tell ``strays`` if ``protocol`` holds bytes no request asked for."""
        if self.strays is not None and (
            getattr(protocol, "_buffer", None) or getattr(protocol, "_tail", None)
        ):
            self.strays.saw(_origin(key), lateness, asyncio.get_running_loop().time())


def _origin(key: Any) -> tuple[str, str, int]:
    """The origin of an aiohttp connection key, as ``StrayGuard`` names it."""
    return ("https" if key.is_ssl else "http", key.host, key.port)


def _holds_nothing_unread(protocol: Any) -> bool:
    """Whether an idle aiohttp protocol can carry a request (see :class:`_CheckingConnector`)."""
    transport = protocol.transport
    if transport is None or transport.is_closing() or protocol.should_close:
        return False
    sock = transport.get_extra_info("socket")
    if sock is None:
        return False
    readable = select.poll()  # not select.select(): it fails on descriptors above 1023
    readable.register(sock.fileno(), select.POLLIN | select.POLLPRI)
    return not readable.poll(0)


class AiohttpTransport(DeadlineArmingTransport, PrereadingTransport):
    """Sends httpx requests with aiohttp; see the module docstring for what it guarantees.

    Args:
        limits: ``max_connections`` bounds the connections (and the requests in flight);
            ``keepalive_expiry`` is how long an idle connection is kept (aiohttp has no
            equivalent of ``max_keepalive_connections``).
        tls: ``verify=``, ``cert=`` and ``trust_env`` of the client (``_tls``): the same SSL
            context as the other transports (so ``$SSL_CERT_FILE`` counts here too).
        proxies: where requests go through a proxy (``_proxy``), given to aiohttp per request
            (its own ``trust_env`` stays off: the environment was read once, by httpx's rules).
    """

    def __init__(
        self,
        limits: httpx.Limits = _DEFAULT_LIMITS,
        *,
        tls: TlsSettings | None = None,
        proxies: ProxyRoutes | None = None,
    ) -> None:
        self._limits = limits
        self._tls = tls
        self._proxies = proxies if proxies is not None and proxies.active else None
        self._slots = ConnectionSlots(limits.max_connections)
        self._binding = LoopBinding()
        self._strays = StrayGuard()
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[object, object], aiohttp.ClientTimeout] = {}

    def _open(self) -> aiohttp.ClientSession:
        limits = self._limits
        connector = _CheckingConnector(
            limit=limits.max_connections or 0,
            limit_per_host=0,
            keepalive_timeout=limits.keepalive_expiry or 0.0,
            ssl=self._tls.context() if self._tls is not None else True,
        )
        connector.strays = self._strays
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            request_class=_ArmingRequest,
            auto_decompress=False,
            timeout=aiohttp.ClientTimeout(total=None),
            max_line_size=MAX_HEADER_LINE,
            max_field_size=MAX_HEADER_LINE,
            trust_env=False,
        )
        # aiohttp re-sends an idempotent request once on its own when the connection drops
        # (RFC 9112 9.3.1.1); the retry layer decides about retries, and counts them. There is
        # no public switch: this is the attribute aiohttp's own test client turns off.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        self._session = session
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._binding.check()
        session = self._session or self._open()
        try:
            content = request.content
        except httpx.RequestNotRead:  # a streamed body: aiohttp is given it whole
            content = await request.aread()
        timeouts = request.extensions.get("timeout") or {}
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
        route = self._proxies.route(request.url) if self._proxies is not None else None
        proxy: dict[str, Any] = {}
        if route is not None:
            proxy["proxy"] = route.url
            if route.headers:
                theirs = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in route.headers]
                if request.url.scheme == "http":  # aiohttp sends proxy_headers on CONNECT only
                    headers += theirs
                else:  # never in the tunnelled request: the origin would see them
                    proxy["proxy_headers"] = dict(theirs)
        await self._slots.acquire(timeouts.get("pool"))
        # Once it has its turn: an origin may have become suspect while it waited.
        if self._strays and self._suspect(request.url):
            # The origin sent a stray lately: one request per connection (StrayGuard).
            headers = [(k, v) for k, v in headers if k.lower() != "connection"]
            headers.append(("Connection", "close"))
        error: Exception | None = None
        try:
            response = await session.request(
                request.method,
                _url(request.url),
                headers=headers,
                data=content or None,
                allow_redirects=False,
                timeout=self._timeout(
                    timeouts.get("connect"),
                    # Under the attempt deadline (which equals the read timeout) a timer per
                    # read is redundant: aiohttp would arm one for every chunk received.
                    None if TOTAL_TIMEOUT in request.extensions else timeouts.get("read"),
                ),
                **proxy,
            )
        except Exception as exc:
            error = mapped_error(exc, request, route)
        except BaseException:
            self._slots.release()
            raise
        if error is not None:
            # Raised here, outside the handler: no __context__ links it to aiohttp's exception.
            self._slots.release()
            if self._binding.closed:
                raise ClientClosedError(_CLOSED_IN_FLIGHT)
            raise error
        if route is not None:
            refused = refused_by_proxy(route, response.status, response.reason or "", request)
            if refused is not None:
                response.close()
                self._slots.release()
                raise refused
        length = response.content_length
        if (
            length is not None
            and length <= self.preread_limit
            and _CONTENT_ENCODING not in response.headers
        ):
            return await self._read_whole(request, response)
        return _httpx_response(response, _Body(response, self._slots, request))

    def _suspect(self, url: httpx.URL) -> bool:
        scheme = url.scheme
        origin = (scheme, url.raw_host.decode("ascii"), url.port or _PORTS.get(scheme, 0))
        return self._strays.settle(origin, asyncio.get_running_loop().time()) > 0

    async def _read_whole(
        self, request: httpx.Request, response: aiohttp.ClientResponse
    ) -> httpx.Response:
        """The response with its whole body read: one ``read()`` instead of a stream.

        Only for a body of known length within the cap and not encoded (what the retry layer
        would have done with it is then done): the attempt's deadline is armed, so it bounds
        this read too; a failure is mapped as the stream's would be; the slot is given back.
        """
        error: Exception | None = None
        read = False
        try:
            body = await response.read()
            read = True
        except Exception as exc:  # mapped, see mapped_error
            error = mapped_error(exc, request)
        finally:
            if read:
                response.release()  # the connection goes back to the pool
            else:
                response.close()  # broken off or cancelled: the connection cannot be reused
            self._slots.release()
        if error is not None:
            if self._binding.closed:
                raise ClientClosedError(_CLOSED_IN_FLIGHT)
            raise error  # outside the handler: no __context__ pointing at aiohttp's exception
        # A stream, not content=: httpx would "read" content through its decoders again.
        whole = _httpx_response(response, httpx.ByteStream(body))
        whole.request = request
        mark_read(whole, body)
        return whole

    def _timeout(self, connect: object, read: object) -> aiohttp.ClientTimeout:
        timeout = self._timeouts.get((connect, read))
        if timeout is None:
            if len(self._timeouts) > 64:  # per-call timeouts vary: keep the cache bounded
                self._timeouts.clear()
            timeout = self._timeouts[(connect, read)] = aiohttp.ClientTimeout(
                total=None,
                connect=_seconds(connect),  # opening a connection (no pool wait: see _pool)
                sock_connect=_seconds(connect),
                sock_read=_seconds(read),  # the longest silence while reading
            )
        return timeout

    async def aclose(self) -> None:
        """Close the session. Calls waiting for a connection fail with ``ClientClosedError``
        before they are sent; calls in flight fail with it as their connection closes."""
        session, self._session = self._session, None
        if self._binding.owner_gone():
            self._binding.closed = True  # its connections died with their event loop
            return
        self._binding.closed = True
        self._slots.close()
        if session is not None:
            await session.close()


def _httpx_response(
    response: aiohttp.ClientResponse, stream: httpx.AsyncByteStream
) -> httpx.Response:
    """aiohttp's response head as an httpx response with ``stream`` as its body."""
    return httpx.Response(
        status_code=response.status,
        headers=response.raw_headers,
        stream=stream,
        extensions={
            "http_version": _HTTP11,
            "reason_phrase": (response.reason or "").encode("ascii", "replace"),
        },
    )


def _url(url: httpx.URL) -> URL:
    """The yarl URL of an httpx one, already encoded: not parsed and quoted a second time."""
    path, _, query = url.raw_path.decode("ascii").partition("?")
    return URL.build(
        scheme=url.scheme,
        host=url.raw_host.decode("ascii"),
        port=url.port,
        path=path,
        query_string=query,
        encoded=True,
    )


def _seconds(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


class _Body(httpx.AsyncByteStream):
    """An aiohttp response body as an httpx stream; closing it frees the connection slot."""

    __slots__ = ("_complete", "_request", "_response", "_slots")

    def __init__(
        self, response: aiohttp.ClientResponse, slots: ConnectionSlots, request: httpx.Request
    ) -> None:
        self._response: aiohttp.ClientResponse | None = response
        self._slots = slots
        self._request = request
        self._complete = False

    def __aiter__(self) -> AsyncIterator[bytes]:
        # An iterator object rather than an async generator: no generator to create, register
        # with the event loop and finalize per response.
        assert self._response is not None, "the response body was closed"
        return self

    async def __anext__(self) -> bytes:
        assert self._response is not None, "the response body was closed"
        error: Exception | None = None
        try:
            chunk = await self._response.content.readany()
        except Exception as exc:  # mapped, see mapped_error
            error = mapped_error(exc, self._request)
        if error is not None:
            raise error  # outside the handler: no __context__ pointing at aiohttp's exception
        if not chunk:
            self._complete = True
            raise StopAsyncIteration
        return chunk

    async def aclose(self) -> None:
        response, self._response = self._response, None
        if response is None:
            return
        try:
            if self._complete:
                response.release()  # the connection goes back to the pool
            else:
                response.close()  # unread data on it: the connection cannot be reused
        finally:
            self._slots.release()


def mapped_error(
    exc: BaseException, request: httpx.Request, route: ProxyRoute | None = None
) -> Exception:
    """The error to raise for what aiohttp raised: an httpx transport error, or an SDK error.

    The message is built afresh from what failed; nothing of ``exc`` (whose ``request_info``
    holds the request headers, ``Proxy-Authorization`` included) is kept.
    """
    kind = type(exc).__name__
    if route is not None and isinstance(exc, aiohttp.ClientHttpProxyError):  # CONNECT refused
        return httpx.ProxyError(
            f"the proxy {route.url} refused a tunnel to {request.url.netloc.decode()}: "
            f"{exc.status} {exc.message}",
            request=request,
        )
    if route is not None and isinstance(exc, aiohttp.ClientProxyConnectionError):
        return httpx.ConnectError(
            f"cannot connect to the proxy {route.url} ({kind}: {exc.os_error})", request=request
        )
    if isinstance(exc, aiohttp.ConnectionTimeoutError):  # opening the connection: never sent
        return httpx.ConnectTimeout(f"timed out opening a connection ({kind})", request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):  # could not connect: never sent
        return httpx.ConnectError(
            f"cannot connect to {exc.host}:{exc.port} ({kind}: {exc.os_error})", request=request
        )
    if isinstance(exc, aiohttp.ServerTimeoutError):  # sent, then the answer stalled
        return httpx.ReadTimeout(f"the server stopped sending ({kind})", request=request)
    if isinstance(exc, aiohttp.ClientPayloadError):  # the body broke off
        return httpx.ReadError(f"the response body broke off ({kind}: {exc})", request=request)
    if isinstance(exc, aiohttp.ClientResponseError):  # a status line or header aiohttp refused
        return httpx.RemoteProtocolError(
            f"malformed response from the server ({kind}: {exc.message})", request=request
        )
    if isinstance(exc, aiohttp.ServerDisconnectedError):  # may have been processed
        return httpx.RemoteProtocolError(
            f"the server closed the connection without a complete response ({kind})",
            request=request,
        )
    if isinstance(exc, aiohttp.ClientConnectionError | OSError):  # reset, broken pipe, ...
        return httpx.ReadError(f"the connection failed ({kind}: {exc})", request=request)
    # Anything else (an aiohttp bug, a value it refused) is no network failure worth retrying.
    return APIConnectionError(
        f"the aiohttp transport failed on {request.method} {request.url.path} ({kind}: {exc})",
        request=request,
    )
