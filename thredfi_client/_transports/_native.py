"""The SDK's own HTTP/1.1 transport: ``ThredfiClient(transport="native")``, the default.

An ``httpx.AsyncBaseTransport`` over asyncio connections, with responses parsed by llhttp (the
parser of Node.js) through ``httptools`` (the binding uvicorn uses). Why a transport of our
own rather than only aiohttp's or httpcore's: they are general-purpose clients, and their
machinery per request (cookie jars, redirects, proxies, traces, header multidicts, per-read
timers) cost this SDK most of its time per call. Measured on the benchmark server
(docs/performance.md), raw aiohttp spends about 130 us of CPU per call; this transport about
50. What it needs of HTTP/1.1 is small -- one origin, requests whose bodies are known, no
redirects, no proxies, no cookies -- and the hard part, parsing what a server sends, is llhttp's.

What it guarantees, as the SDK's other inner transports do (``tests/reliability`` and
``tests/security`` run every transport test over each of them):

* **Every failure is mapped, and truthfully**: only a failure to connect (``ConnectError``,
  ``ConnectTimeout``) or to get a slot (``PoolTimeout``) says "never sent"; anything after
  the first byte went out is a ``ReadError``/``RemoteProtocolError``/``ReadTimeout``. No
  message carries a request header.
* **No retry behind the SDK's back**: a request goes out once; ``max_retries`` is exact.
* **Bounded heads and bodies**: a response head over 256 KiB (or a header line over 64 KiB)
  is a ``RemoteProtocolError``; bodies are streamed to the retry layer, which decodes, caps
  and times them (``_body``), with reading paused while 1 MiB is buffered.
* **A connection is reused only when its response was read completely and exactly**: never
  after an error, a cancellation, a ``Connection: close``, a body delimited by the connection's
  end, a ``HEAD``, or bytes beyond the response; and only when nothing arrived since, in the
  protocol or waiting in the socket (a stray response would answer the next request). Idle
  connections are taken least recently used first. Once an origin sent a stray, its
  connections rest before reuse for a while (``StrayGuard``; docs/architecture.md).
* **The deadline starts when the request goes out** (``_deadline``): waiting for a connection
  is bounded by the pool timeout (``_pool``), opening one by the connect timeout; nothing
  cancels the pool's bookkeeping half-way (it is all synchronous).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import re
import select
import ssl
from collections.abc import Callable
from typing import Final

import httptools
import httpx

from .._errors import APIConnectionError, ClientClosedError
from .._extensions import TOTAL_TIMEOUT
from ._body import PrereadingTransport, mark_read
from ._deadline import DeadlineArmingTransport, arm_attempt_deadline
from ._pool import ConnectionSlots, LoopBinding, StrayGuard
from ._proxy import ProxyRoute, ProxyRoutes, refused_by_proxy, tunnel_refused
from ._tls import TlsSettings

__all__ = ["NativeTransport"]

_DEFAULT_LIMITS: Final = httpx.Limits(
    max_connections=100, max_keepalive_connections=100, keepalive_expiry=5.0
)
#: Longest response header line accepted (as the aiohttp transport), and the whole head.
MAX_HEADER_LINE: Final = 64 * 1024
MAX_HEAD: Final = 256 * 1024
#: Body bytes buffered before reading from the socket pauses (and resumes below the low mark).
_HIGH_WATER: Final = 1024 * 1024
_LOW_WATER: Final = 256 * 1024
_HTTP11: Final = b"HTTP/1.1"
_PORTS: Final = {"http": 80, "https": 443}
#: A header name (an HTTP token) and a value with nothing that could end it early.
_TOKEN: Final = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_UNSENDABLE_VALUE: Final = re.compile(rb"[\x00\r\n]")
#: What a lenient parse must still refuse (llhttp's lenient_headers lets these through): a
#: control character in a header value or reason phrase, and a framing header continued on
#: an obs-folded line (how long the body is must never hang on a continuation line).
_CONTROL: Final = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
_FOLDED_FRAMING: Final = re.compile(
    rb"(?im)^(?:content-length|transfer-encoding)[ \t]*:[^\n]*\n[ \t]"
)
#: A request target (path and query, percent-encoded): visible ASCII, nothing that ends it.
_TARGET: Final = re.compile(rb"/[\x21-\x7e]*")


_CLOSED: Final = "the Thredfi client was closed (aclose()) before this request was sent"
_CLOSED_IN_FLIGHT: Final = (
    "the Thredfi client was closed (aclose()) while this request was in flight"
)
_DOUBLED: Final = (
    "the server sent a second response to this request before it was handed over: which of "
    "them answers it cannot be told (a stray response from the server or a proxy), so neither "
    "is used"
)


class _Failure(Exception):
    """Raised inside a parser callback to stop parsing; the exchange keeps the real error."""


class _Connection(asyncio.Protocol):
    """One HTTP/1.1 connection, carrying one exchange (request and response) at a time.

    The protocol callbacks (asyncio's and llhttp's) only record what arrived and wake the
    task waiting for it; that task does everything else.
    """

    def __init__(self, key: tuple[str, str, int]) -> None:
        self.key = key
        self.transport: asyncio.Transport | None = None
        self._readable: select.poll | None = None  # polls the socket for bytes not yet read
        self.parser = httptools.HttpResponseParser(self)
        # What came before the response head ended: parsed again, leniently, if llhttp's strict
        # mode refuses the head (obs-folded lines, bare LF line ends: httpx and aiohttp take them).
        self._head_data: list[bytes] | None = []
        self.lenient = False
        self.reusable = False  # true between a completely read response and the next request
        self.closed = False
        self.idle_since = 0.0  # when its last response ended (0.0: none yet)
        #: Called with this connection when bytes arrive that no request asked for.
        self.on_stray: Callable[[_Connection], None] | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._drain: asyncio.Future[None] | None = None
        self._writing_paused = False
        self._reading_paused = False
        self._reset(active=False)

    def _reset(self, *, active: bool) -> None:
        self.active = active  # a request was written and its response is awaited
        self.status = 0
        self.reason = b""
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: collections.deque[bytes] = collections.deque()
        self.buffered = 0
        self.head_done = False
        self.complete = False
        self.error: tuple[type[httpx.TransportError], str] | None = None
        #: A second response came for this request (``_DOUBLED``).
        self.doubled = False
        self._beyond = False  # bytes came beyond the response, in the read that completed it
        self.received = 0  # bytes of this response so far
        self.head_only = False  # HEAD: the head is the whole response
        self.wake_at_head = True  # else only once the whole body is in
        self.preread_limit = 0
        self._interim = False
        self._delimited = False  # by Content-Length or chunked (else by the connection's end)
        self.encoded = False
        self._length: int | None = None
        self.version = _HTTP11
        # Chunked bodies: whether the last chunk header seen has had no data yet (it may be the
        # last chunk, whose trailer fields follow), and the bytes fed since in that state.
        self._chunk_fresh = False
        self._trailer_bytes = 0
        self._head_data = []

    # -- the exchange, driven by the transport's task ----------------------------------------

    def start(self, head: bytes, body: bytes, *, head_only: bool, preread_limit: int) -> None:
        """Write a request (the previous exchange, if any, was complete)."""
        self._reset(active=True)
        self.reusable = False
        self.head_only = head_only
        self.preread_limit = preread_limit
        transport = self.transport
        if transport is None or self.closed:  # it closed as it opened: nothing was sent
            self._fail(httpx.ConnectError, "the connection closed before the request was sent")
            return
        if body and len(body) <= 64 * 1024:
            transport.write(head + body)
        else:
            transport.write(head)
            if body:
                transport.write(body)

    async def drained(self, seconds: float | None) -> None:
        """Wait until the request was handed to the socket (only a large body makes one wait)."""
        if not self._writing_paused or self.closed:
            return
        self._drain = asyncio.get_running_loop().create_future()
        try:
            async with asyncio.timeout(seconds):
                await self._drain
        except TimeoutError:
            raise httpx.WriteTimeout(
                f"the request could not be written within {seconds}s"
            ) from None
        finally:
            self._drain = None

    async def wait(self, seconds: float | None) -> None:
        """Wait for the next thing this exchange needs: its head, its body, a chunk, or the end."""
        self._waiter = asyncio.get_running_loop().create_future()
        try:
            if seconds is None:
                await self._waiter
            else:
                try:
                    async with asyncio.timeout(seconds):
                        await self._waiter
                except TimeoutError:
                    raise httpx.ReadTimeout(f"the server sent nothing for {seconds}s") from None
        finally:
            self._waiter = None

    def next_chunk(self) -> bytes | None:
        """A body chunk received, ``b""`` at the end, None when the next one has not come yet."""
        chunks = self.chunks
        if chunks:
            # Everything buffered at once: a server sending tiny chunks makes few pieces.
            chunk = chunks.popleft() if len(chunks) == 1 else b"".join(chunks)
            chunks.clear()
            self.buffered = 0
            if self._reading_paused and self.buffered <= _LOW_WATER and self.transport:
                self._reading_paused = False
                self.transport.resume_reading()
            return chunk
        if self.complete:
            return b""
        return None

    def close(self) -> None:
        self.reusable = False
        if self.active and not self.complete and self.error is None:
            # Closed from this side mid-response (the transport's aclose()): what came so far
            # is not the whole response, even if the connection's end delimits its body.
            self.error = (httpx.ReadError, "the connection was closed mid-response")
            self._wake()
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                # abort(), not close(): close() would first send what is still buffered
                # (e.g. the rest of a request body after a WriteTimeout), however long. A
                # RuntimeError: its event loop is closed, and the socket went with it.
                with contextlib.suppress(RuntimeError):
                    self.transport.abort()

    # -- asyncio's callbacks -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            self._readable = select.poll()
            self._readable.register(sock.fileno(), select.POLLIN | select.POLLPRI)

    def holds_nothing_unread(self) -> bool:
        """Whether this idle connection can carry a request: nothing arrived since its last
        response, none of it waits in the socket (not yet handed to :meth:`data_received`,
        which runs a loop iteration later), and it is not closing.

        Anything there now is no answer to a request not yet sent: a stray response, the
        server's close, or a TLS record. The connection is then closed, never reused.
        """
        transport = self.transport
        readable = self._readable
        return (
            self.reusable
            and not self.closed
            and transport is not None
            and not transport.is_closing()
            and readable is not None
            and not readable.poll(0)
        )

    def data_received(self, data: bytes) -> None:
        if not self.active or self.complete:
            # Bytes no request asked for (beyond a response, or while idle): the connection
            # can no longer be trusted to frame the next response.
            if self.active and _starts_a_response(data):
                self.doubled = True
            self.close()
            if self.on_stray is not None:
                self.on_stray(self)
            return
        if not self.head_done and self.received + len(data) > MAX_HEAD:
            # The head must end within its first MAX_HEAD bytes: parse up to there, then see.
            room = MAX_HEAD - self.received
            self._feed(data[:room])
            if not self.head_done and self.error is None:
                self._fail(
                    httpx.RemoteProtocolError,
                    f"the response head is larger than {MAX_HEAD // 1024} KiB",
                )
            if self.closed:
                return
            data = data[room:]
        fresh = self._chunk_fresh
        self._feed(data)
        if fresh and self._chunk_fresh and not self.complete and self.error is None:
            # All of it went to trailer fields, which httptools gathers in memory until each
            # is complete: bounded like the head.
            self._trailer_bytes += len(data)
            if self._trailer_bytes > MAX_HEAD:
                self._fail(
                    httpx.RemoteProtocolError,
                    f"the response's trailer fields are larger than {MAX_HEAD // 1024} KiB",
                )

    def _feed(self, data: bytes) -> None:
        self.received += len(data)
        head_data = self._head_data
        if head_data is not None:
            head_data.append(data)
        self._parse(data, head_data)

    def _parse(self, data: bytes, head_data: list[bytes] | None) -> None:
        """Feed the parser; a head it refuses is parsed again leniently, once (``head_data``:
        the response so far, while its head may still be read again)."""
        try:
            self.parser.feed_data(data)
        except _Failure:
            pass
        except httptools.HttpParserUpgrade:
            self._fail(httpx.RemoteProtocolError, "the server switched protocols (upgrade)")
        except httptools.HttpParserError as exc:
            if self.complete:  # whatever came after a complete response
                self.close()
            elif head_data is not None and not self.lenient and self.error is None:
                self._parse_leniently(b"".join(head_data))
            else:
                self._fail(
                    httpx.RemoteProtocolError,
                    f"malformed response from the server ({type(exc).__name__}: {exc})",
                )

    def _parse_leniently(self, data: bytes) -> None:
        """Parse the response so far again, accepting obs-folded header lines and bare-LF line
        ends in its head, as httpx and aiohttp do; nothing else is relaxed.

        llhttp's ``lenient_headers`` also lets through header names that are no tokens and
        control characters in values, and would read a folded ``Content-Length`` or
        ``Transfer-Encoding``: those stay refused here (``on_header``, ``_FOLDED_FRAMING``).
        The body (chunk sizes, their line ends) and trailers are parsed strictly again, as
        ``on_headers_complete`` turns the leniencies off; the connection is not reused.
        """
        self.lenient = True
        # All of it: the final head may follow interim (1xx) ones. A body line can only make
        # this refuse a response that already needed leniency.
        if _FOLDED_FRAMING.search(data):
            self._fail(
                httpx.RemoteProtocolError,
                "malformed response from the server (a Content-Length or Transfer-Encoding "
                "header continued on a folded line)",
            )
            return
        self.reason = b""
        self.headers = []
        self._interim = False
        self._delimited = False
        self.encoded = False
        self._length = None
        self.version = _HTTP11
        self.parser = httptools.HttpResponseParser(self)
        self.parser.set_dangerous_leniencies(
            lenient_headers=True, lenient_optional_cr_before_lf=True
        )
        self._parse(data, None)

    def eof_received(self) -> bool:
        self.reusable = False
        self.closed = True  # returning False closes the transport
        self._ended(None)
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.reusable = False
        self._ended(exc)
        drain = self._drain
        if drain is not None and not drain.done():
            drain.set_result(None)  # the wait ends; the read that follows reports the failure

    def pause_writing(self) -> None:
        self._writing_paused = True

    def resume_writing(self) -> None:
        self._writing_paused = False
        drain = self._drain
        if drain is not None and not drain.done():
            drain.set_result(None)

    def _ended(self, exc: Exception | None) -> None:
        """The connection ended (EOF, reset, closed): the end of a body, or a failure."""
        if not self.active or self.complete or self.error is not None:
            return
        if self.head_done and not self._delimited and exc is None:
            self._finish()  # a body delimited by the end of the connection
            return
        if exc is not None:
            self._fail(httpx.ReadError, f"the connection failed ({type(exc).__name__}: {exc})")
        elif self.received == 0:
            self._fail(
                httpx.RemoteProtocolError,
                "the server closed the connection without sending a response",
            )
        elif not self.head_done:
            self._fail(httpx.RemoteProtocolError, "the server closed the connection mid-response")
        else:
            self._fail(httpx.ReadError, "the response body broke off (the connection closed)")

    # -- llhttp's callbacks --------------------------------------------------------------------

    def on_message_begin(self) -> None:
        if self.complete:  # more after the response asked for, in the same read
            self.close()
            self._beyond = True  # a second response, if its status line follows (on_status)
            if self.on_stray is not None:
                self.on_stray(self)
            return
        self.headers = []

    def on_status(self, reason: bytes) -> None:
        if self._beyond:  # a second response: the connection is closed already
            self.doubled = True
            raise _Failure
        if self.lenient and _CONTROL.search(reason):
            self._fail(
                httpx.RemoteProtocolError,
                "malformed response from the server (a control character in the reason phrase)",
            )
            raise _Failure
        self.reason += reason

    def on_header(self, name: bytes, value: bytes) -> None:
        if len(name) + len(value) > MAX_HEADER_LINE:
            self._fail(
                httpx.RemoteProtocolError,
                f"a response header line is longer than {MAX_HEADER_LINE // 1024} KiB",
            )
            raise _Failure
        if self.head_done:  # a trailer field: not a header of the response (as in h11)
            return
        if self.lenient and (_TOKEN.fullmatch(name) is None or _CONTROL.search(value)):
            self._fail(
                httpx.RemoteProtocolError,
                f"malformed response from the server (the header {name[:60]!r} is not a "
                "token, or its value holds a control character)",
            )
            raise _Failure
        self.headers.append((name, value))
        lowered = name.lower()
        if lowered == b"content-length":
            self._delimited = True
            try:
                self._length = int(value)
            except ValueError:
                self._length = None
        elif lowered == b"transfer-encoding":
            # Delimited only when its final coding is chunked; else by the connection's end
            # (RFC 9112, 6.3), as llhttp reads it.
            self._delimited = value.rsplit(b",", 1)[-1].strip().lower() == b"chunked"
        elif lowered == b"content-encoding":
            self.encoded = True

    def on_headers_complete(self) -> None:
        status = self.parser.get_status_code()
        if 100 <= status < 200:
            if status == 101:
                self._fail(httpx.RemoteProtocolError, "the server switched protocols (101)")
                raise _Failure
            self._interim = True  # 100 Continue, 103 Early Hints: the real response follows
            return
        self.status = status
        self.head_done = True
        self._head_data = None
        if self.lenient:  # the body and trailers are framed strictly
            self.parser.set_dangerous_leniencies(
                lenient_headers=False, lenient_optional_cr_before_lf=False
            )
        if self.parser.get_http_version() != "1.1":
            self.version = b"HTTP/" + self.parser.get_http_version().encode("ascii")
        if status in (204, 304):
            self._delimited = True  # no body, whatever the headers say
        if self.head_only:
            # llhttp cannot be told that a HEAD response has no body: the exchange ends here,
            # and so does the connection (its parser would wait for the announced body).
            self._finish(reusable=False)
            raise _Failure
        length = self._length
        self.wake_at_head = not (
            length is not None and length <= self.preread_limit and not self.encoded
        )
        if self.wake_at_head:
            self._wake()

    def on_chunk_header(self) -> None:
        self._chunk_fresh = True
        self._trailer_bytes = 0

    def on_chunk_complete(self) -> None:
        self._chunk_fresh = False

    def on_body(self, body: bytes) -> None:
        self._chunk_fresh = False
        self.chunks.append(body)
        self.buffered += len(body)
        if self.wake_at_head:
            if self.buffered > _HIGH_WATER and not self._reading_paused and self.transport:
                self._reading_paused = True
                self.transport.pause_reading()
            self._wake()

    def on_message_complete(self) -> None:
        if self._interim:
            self._interim = False
            self.headers = []
            self.reason = b""
            # Its headers say nothing about the final response's body.
            self._delimited = False
            self.encoded = False
            self._length = None
            return
        if self.complete:
            return
        # A response that needed leniency comes from a server not to be trusted with another.
        self._finish(
            reusable=self._delimited and not self.lenient and self.parser.should_keep_alive()
        )

    def _finish(self, *, reusable: bool = False) -> None:
        self.complete = True
        self.reusable = reusable and not self.closed
        self._wake()

    def _fail(self, kind: type[httpx.TransportError], message: str) -> None:
        if self.error is None:
            self.error = (kind, message)
        self.close()
        self._wake()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)


class NativeTransport(DeadlineArmingTransport, PrereadingTransport):
    """Sends httpx requests over the SDK's own HTTP/1.1 connections (module docstring).

    Args:
        limits: ``max_connections`` bounds the requests in flight and so the connections;
            ``max_keepalive_connections`` the idle ones kept once no request waits;
            ``keepalive_expiry`` how long an idle connection is kept.
        ssl_context: for ``https``; default: ``tls``'s (``_tls``), else
            ``httpx.create_ssl_context()`` (certifi's roots, as ``transport="httpx"``).
        tls: ``verify=``, ``cert=`` and ``trust_env`` of the client (``_tls``).
        proxies: where requests go through a proxy (``_proxy``): ``http://`` ones in absolute
            form, ``https://`` ones through a ``CONNECT`` tunnel with TLS to the origin inside.

    Every connection is opened to, named in SNI for, and checked against the URL's ASCII host
    (``raw_host``: IDNA 2008 / UTS 46, as httpx encodes it), never a name Python's ``socket``
    and ``ssl`` modules would derive from a Unicode one (their IDNA 2003 maps ``straße`` to
    ``strasse``, another domain).
    """

    def __init__(
        self,
        limits: httpx.Limits = _DEFAULT_LIMITS,
        ssl_context: ssl.SSLContext | None = None,
        *,
        tls: TlsSettings | None = None,
        proxies: ProxyRoutes | None = None,
    ) -> None:
        self._slots = ConnectionSlots(limits.max_connections)
        self._keepalive = limits.max_keepalive_connections
        self._expiry = limits.keepalive_expiry
        self._binding = LoopBinding()
        self._ssl = ssl_context
        self._tls = tls
        # None when no request can go through a proxy: one test per request, no lookup.
        self._proxies = proxies if proxies is not None and proxies.active else None
        self._idle: dict[tuple[str, str, int], list[_Connection]] = {}
        self._connections: set[_Connection] = set()
        self._limit = limits.max_connections
        self._strays = StrayGuard()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._binding.check()
        url = request.url
        scheme = url.scheme
        if scheme not in _PORTS:
            raise httpx.UnsupportedProtocol(
                f"the native transport sends http:// and https:// only, not {scheme}://",
                request=request,
            )
        try:
            content = request.content
        except httpx.RequestNotRead:  # a streamed body: sent whole
            content = await request.aread()
        route = self._proxies.route(url) if self._proxies is not None else None
        if route is not None and scheme == "http":  # to the proxy, in absolute form
            head, chunked = _head(request, route)
        else:
            head, chunked = _head(request)
        if chunked:
            content = (
                b"%x\r\n%s\r\n0\r\n\r\n" % (len(content), content) if content else b"0\r\n\r\n"
            )
        extensions = request.extensions
        timeouts = extensions.get("timeout") or {}
        # Under the attempt's deadline, a timer per read or write would be redundant.
        bounded = TOTAL_TIMEOUT in extensions
        read_timeout = None if bounded else _seconds(timeouts.get("read"))
        # The ASCII host (IDNA 2008), never url.host: see the class docstring.
        key = (scheme, url.raw_host.decode("ascii"), url.port or _PORTS[scheme])
        await self._slots.acquire(timeouts.get("pool"))
        connection: _Connection | None = None
        try:
            connection = (
                self._idle_connection(key)
                if not self._strays
                else await self._rested_connection(key, _seconds(timeouts.get("pool")))
            ) or await self._connect(key, _seconds(timeouts.get("connect")), request, route)
            if self._binding.closed:  # closed while this one connected: it is not sent
                raise ClientClosedError(_CLOSED)
            arm_attempt_deadline()
            connection.start(
                head,
                content,
                head_only=request.method == "HEAD",
                preread_limit=self.preread_limit,
            )
            await connection.drained(None if bounded else _seconds(timeouts.get("write")))
            while not connection.complete and (
                connection.error is None
                and (not connection.head_done or not connection.wake_at_head)
            ):
                await connection.wait(read_timeout)
        except BaseException as exc:
            if connection is not None:
                self._discard(connection)
            self._slots.release()
            if isinstance(exc, httpx.TransportError):
                if self._binding.closed:
                    raise ClientClosedError(_CLOSED_IN_FLIGHT) from None
                if exc._request is None:
                    exc.request = request
            raise
        if connection.error is not None:
            self._abandon(connection)
            if self._binding.closed:
                raise ClientClosedError(_CLOSED_IN_FLIGHT)
            kind, message = connection.error
            raise kind(message, request=request)
        if connection.doubled:
            self._abandon(connection)
            raise httpx.RemoteProtocolError(_DOUBLED, request=request)
        if route is not None:
            refused = refused_by_proxy(
                route, connection.status, connection.reason.decode("latin-1"), request
            )
            if refused is not None:
                self._abandon(connection)
                raise refused
        extensions = {"http_version": connection.version, "reason_phrase": connection.reason}
        if connection.complete and not connection.encoded:
            # All of it is in (a small body, read whole, or a head only): nothing left to
            # decode, and its size within the cap is checked by the retry layer.
            body = b"".join(connection.chunks) if connection.chunks else b""
            self._release(connection)
            response = httpx.Response(
                status_code=connection.status,
                headers=connection.headers,
                stream=httpx.ByteStream(body),
                extensions=extensions,
            )
            response.request = request
            mark_read(response, body)
            return response
        return httpx.Response(
            status_code=connection.status,
            headers=connection.headers,
            stream=_Body(self, connection, request, read_timeout),
            extensions=extensions,
        )

    def _idle_connection(self, key: tuple[str, str, int]) -> _Connection | None:
        idle = self._idle.get(key)
        if not idle:
            return None
        now = asyncio.get_running_loop().time()
        while idle:
            # The least recently used first: the longer a connection was quiet, the likelier
            # a stray response behind its last one has shown itself (and closed it).
            connection = idle.pop(0)
            if self._usable(connection, now):
                return connection
        return None

    def _usable(self, connection: _Connection, now: float) -> bool:
        """Whether an idle connection, just taken from the idle list, can carry a request;
        if not, it is closed."""
        expiry = self._expiry
        if connection.holds_nothing_unread() and (
            expiry is None or now - connection.idle_since < expiry
        ):
            return True
        self._discard(connection)
        return False

    async def _rested_connection(
        self, key: tuple[str, str, int], pool_timeout: float | None
    ) -> _Connection | None:
        """An idle connection to an origin that sent a stray lately (``StrayGuard``): only one
        quiet for the origin's settle time since its last response. ``None`` when none is, and
        another may be opened within ``max_connections``; else this waits for the oldest to
        have rested. The wait is bounded (a few rests, and the pool timeout): then ``None``,
        one connection over the bound rather than a request kept waiting on and on."""
        loop = asyncio.get_running_loop()
        give_up = loop.time() + pool_timeout if pool_timeout is not None else None
        for _ in range(8):
            idle = self._idle.get(key)
            if not idle:
                return None
            now = loop.time()
            wait = idle[0].idle_since + self._strays.settle(key, now) - now
            if wait <= 0:
                connection = idle.pop(0)
                if self._usable(connection, now):
                    return connection
                continue  # it was not: closed; the next oldest
            if self._limit is None or len(self._connections) < self._limit:
                return None
            if give_up is not None and now + wait > give_up:
                return None
            await asyncio.sleep(wait)
        return None

    def _stray(self, connection: _Connection) -> None:
        """``connection`` received bytes no request asked for (it closed itself)."""
        now = asyncio.get_running_loop().time()
        rested = connection.idle_since
        lateness = now - rested if not connection.active and rested else 0.0
        self._strays.saw(connection.key, lateness, now)

    async def _connect(
        self,
        key: tuple[str, str, int],
        seconds: float | None,
        request: httpx.Request,
        route: ProxyRoute | None,
    ) -> _Connection:
        scheme, host, port = key
        tls: ssl.SSLContext | None = None
        if scheme == "https":
            if self._ssl is None:
                self._ssl = (
                    self._tls.context() if self._tls is not None else httpx.create_ssl_context()
                )
            tls = self._ssl
        where = (
            f"{host}:{port}" if route is None else f"{host}:{port} through the proxy {route.url}"
        )
        loop = asyncio.get_running_loop()
        failure: httpx.TransportError | None = None
        try:
            async with asyncio.timeout(seconds):
                if route is None:
                    _, connection = await loop.create_connection(
                        lambda: _Connection(key),
                        host,
                        port,
                        ssl=tls,
                        server_hostname=host if tls is not None else None,
                    )
                elif tls is None:  # http:// through a forward proxy
                    _, connection = await loop.create_connection(
                        lambda: _Connection(key), route.host, route.port
                    )
                else:
                    connection = await _tunnelled(key, route, tls, request)
        except TimeoutError:
            failure = httpx.ConnectTimeout(
                f"timed out opening a connection to {where} after {seconds}s",
                request=request,
            )
        except httpx.ProxyError as exc:
            failure = exc
        except OSError as exc:  # refused, unreachable, DNS, TLS (ssl.SSLError is an OSError)
            failure = httpx.ConnectError(
                f"cannot connect to {where} ({type(exc).__name__}: {exc})", request=request
            )
        if failure is not None:
            raise failure  # outside the handler: no __context__
        connection.on_stray = self._stray
        self._connections.add(connection)
        return connection

    def _release(self, connection: _Connection) -> None:
        """The exchange on ``connection`` is over: keep the connection idle, or close it."""
        if connection.reusable and not self._binding.closed:
            idle = self._idle.setdefault(connection.key, [])
            connection.active = False
            connection.idle_since = asyncio.get_running_loop().time()
            idle.append(connection)
            # Beyond the keep-alive bound only while requests wait for a slot (they take them).
            if self._keepalive is not None and not self._slots.waiting:
                while len(idle) > self._keepalive:
                    self._discard(idle.pop(0))
            # The least recently used are at the bottom: those idle too long go (the others
            # are checked as they are taken).
            expiry = self._expiry
            if expiry is not None:
                while idle and connection.idle_since - idle[0].idle_since >= expiry:
                    self._discard(idle.pop(0))
        else:
            self._discard(connection)
        self._slots.release()

    def _abandon(self, connection: _Connection) -> None:
        """The exchange on ``connection`` failed or was broken off: close it, free its slot."""
        self._discard(connection)
        self._slots.release()

    def _discard(self, connection: _Connection) -> None:
        connection.close()
        self._connections.discard(connection)

    def checked_out(self) -> int:
        """Connections carrying an exchange, plus slots held: 0 once every call has ended."""
        return len(self._connections) - self.idle_connections() + self._slots.held

    def idle_connections(self) -> int:
        """Connections kept open for the next requests."""
        return sum(len(connections) for connections in self._idle.values())

    async def aclose(self) -> None:
        """Close every connection. Calls waiting for one fail with ``ClientClosedError`` before
        they are sent; calls in flight fail with it as their connection closes."""
        gone = self._binding.owner_gone()  # EventLoopError from another loop still running
        self._binding.closed = True
        self._slots.close()
        if gone:  # its connections died with their event loop
            self._connections.clear()
            self._idle.clear()
            return
        connections, self._connections = self._connections, set()
        self._idle.clear()
        for connection in connections:
            connection.close()


class _TunnelOpener(asyncio.Protocol):
    """Reads a proxy's answer to ``CONNECT``: its head, and nothing after it."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.head = bytearray()
        self.answered: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        if len(self.head) <= MAX_HEADER_LINE:  # beyond it, the answer is refused anyway
            self.head += data
        if (b"\r\n\r\n" in self.head or len(self.head) > MAX_HEADER_LINE) and (
            not self.answered.done()
        ):
            self.answered.set_result(None)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.answered.done():
            self.answered.set_result(None)


async def _tunnelled(
    key: tuple[str, str, int], route: ProxyRoute, tls: ssl.SSLContext, request: httpx.Request
) -> _Connection:
    """A connection to the origin of ``key`` through a ``CONNECT`` tunnel of ``route``'s proxy,
    with TLS to the origin (its name in SNI, its certificate checked) inside the tunnel."""
    _, host, port = key
    loop = asyncio.get_running_loop()
    transport, opener = await loop.create_connection(_TunnelOpener, route.host, route.port)
    target = f"{host}:{port}" if ":" not in host else f"[{host}]:{port}"
    try:
        head = b"CONNECT %s HTTP/1.1\r\nHost: %s\r\n" % (target.encode(), target.encode())
        for name, value in route.headers:
            head += b"%s: %s\r\n" % (name, value)
        transport.write(head + b"\r\n")
        await opener.answered
        answer, complete, rest = bytes(opener.head).partition(b"\r\n\r\n")
        if not complete:
            raise tunnel_refused(route, target, 0, "no complete answer to CONNECT", request)
        status_line = answer.split(b"\r\n", 1)[0]
        parts = status_line.split(b" ", 2)
        status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
        reason = parts[2].decode("latin-1") if len(parts) > 2 else ""
        if not parts[0].startswith(b"HTTP/1.") or status == 0:
            raise tunnel_refused(route, target, 0, "no valid answer to CONNECT", request)
        if not 200 <= status < 300:
            raise tunnel_refused(route, target, status, reason, request)
        if rest:  # the origin speaks only after the TLS handshake this side starts
            raise tunnel_refused(route, target, status, "bytes after its answer", request)
        connection = _Connection(key)
        secured = await loop.start_tls(transport, connection, tls, server_hostname=host)
    except BaseException:
        transport.abort()
        raise
    if secured is None:  # pragma: no cover - only for a transport closed during the handshake
        transport.abort()
        raise httpx.ConnectError(f"the tunnel to {target} closed during the TLS handshake")
    connection.connection_made(secured)
    return connection


class _Body(httpx.AsyncByteStream):
    """A response body as it arrives; closing it ends the exchange (and frees the slot)."""

    __slots__ = ("_connection", "_request", "_timeout", "_transport")

    def __init__(
        self,
        transport: NativeTransport,
        connection: _Connection,
        request: httpx.Request,
        timeout: float | None,
    ) -> None:
        self._transport: NativeTransport | None = transport
        self._connection = connection
        self._request = request
        self._timeout = timeout

    def __aiter__(self) -> _Body:
        return self

    async def __anext__(self) -> bytes:
        transport = self._transport
        if transport is None:
            raise httpx.StreamClosed()
        connection = self._connection
        while True:
            chunk = connection.next_chunk()
            if chunk is not None:
                if not chunk:
                    if connection.doubled:
                        raise httpx.RemoteProtocolError(_DOUBLED, request=self._request)
                    raise StopAsyncIteration
                return chunk
            if connection.error is not None:
                if transport._binding.closed:
                    raise ClientClosedError(_CLOSED_IN_FLIGHT)
                kind, message = connection.error
                raise kind(message, request=self._request)
            try:
                await connection.wait(self._timeout)
            except httpx.TransportError as exc:
                exc.request = self._request
                raise

    async def aclose(self) -> None:
        transport, self._transport = self._transport, None
        if transport is None:
            return
        connection = self._connection
        if connection.complete and not connection.chunks and connection.error is None:
            transport._release(connection)
        else:  # unread data on it: it cannot carry another exchange
            transport._abandon(connection)


def _head(request: httpx.Request, proxy: ProxyRoute | None = None) -> tuple[bytes, bool]:
    """The request line and headers, checked; and whether the body is sent chunked.

    For a forward ``proxy`` the request target is the absolute URL, and the proxy's headers
    (``Proxy-Authorization`` for its credentials) are added.
    """
    url = request.url
    method = request.method.encode("ascii", "replace")
    if _TOKEN.fullmatch(method) is None:
        raise APIConnectionError(
            f"the method {method[:20]!r} cannot be sent (a method must be an HTTP token)",
            request=request,
        )
    target = url.raw_path
    if _TARGET.fullmatch(target) is None:  # httpx refuses such URLs; a crafted one is refused too
        raise APIConnectionError(
            f"the request target {target[:60]!r} cannot be sent (visible ASCII only)",
            request=request,
        )
    if proxy is not None:
        target = b"%s://%s%s" % (url.raw_scheme, url.netloc, target)
    parts = [method, b" ", target, b" HTTP/1.1\r\n"]
    host = False
    chunked = False
    for name, value in request.headers.raw:
        if _TOKEN.fullmatch(name) is None or _UNSENDABLE_VALUE.search(value) is not None:
            # Said without the value: it may be a credential.
            raise APIConnectionError(
                f"the header {name[:60]!r} cannot be sent as it is (a header name must be an "
                "HTTP token, and a value cannot hold CR, LF or NUL)",
                request=request,
            )
        lowered = name.lower()
        if lowered == b"host":
            host = True
        elif lowered == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        parts += (name, b": ", value, b"\r\n")
    if not host:
        parts[4:4] = (b"Host: ", url.netloc, b"\r\n")
    if proxy is not None:
        for name, value in proxy.headers:
            parts += (name, b": ", value, b"\r\n")
    parts.append(b"\r\n")
    return b"".join(parts), chunked


def _starts_a_response(data: bytes) -> bool:
    """Whether bytes beyond a complete response begin another (after any blank lines)."""
    start = data.lstrip(b"\r\n")[:5]
    return bool(start) and b"HTTP/".startswith(start)


def _seconds(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None
