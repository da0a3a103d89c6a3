"""The aiohttp transport maps every failure truthfully, keeping nothing of aiohttp's exception."""

from __future__ import annotations

import asyncio

import aiohttp
import httpx
import pytest
from aiohttp.client_reqrep import ConnectionKey, RequestInfo
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from thredfi_client import APIConnectionError
from thredfi_client._transports._aiohttp import AiohttpTransport, mapped_error

REQUEST = httpx.Request("POST", "https://api.thredfi.test/v1/x/")
KEY = ConnectionKey("api.thredfi.test", 443, True, True, None, None, None)
SECRET = "Bearer tok_secret_do_not_show_0123456789"
INFO = RequestInfo(
    URL("https://api.thredfi.test/v1/x/"),
    "POST",
    CIMultiDictProxy(CIMultiDict({"Authorization": SECRET})),
    URL("https://api.thredfi.test/v1/x/"),
)

NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        (aiohttp.ClientConnectorError(KEY, ConnectionRefusedError("refused")), httpx.ConnectError),
        (aiohttp.ConnectionTimeoutError("connect timeout"), httpx.ConnectTimeout),
        (aiohttp.SocketTimeoutError("read timeout"), httpx.ReadTimeout),
        (aiohttp.ServerTimeoutError("read timeout"), httpx.ReadTimeout),
        (aiohttp.ClientPayloadError("cut short"), httpx.ReadError),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (aiohttp.ClientOSError(104, "Connection reset by peer"), httpx.ReadError),
        (ConnectionResetError(104, "reset"), httpx.ReadError),
        (aiohttp.ClientResponseError(INFO, (), status=400, message="Bad status line"), None),
        (aiohttp.ClientResponseError(INFO, (), message="Got more than 65536 bytes"), None),
        (aiohttp.ContentTypeError(INFO, ()), None),
        (aiohttp.TooManyRedirects(INFO, ()), None),
        (RuntimeError("Session is closed"), APIConnectionError),
        (ValueError("odd header"), APIConnectionError),
    ],
)
def test_every_failure_maps_to_an_httpx_or_sdk_error(
    cause: BaseException, expected: type[Exception] | None
) -> None:
    mapped = mapped_error(cause, REQUEST)
    assert type(mapped) is (expected or httpx.RemoteProtocolError)
    # Nothing of aiohttp's exception is kept: no cause, no context, no request_info.
    assert mapped.__cause__ is None
    assert mapped.__context__ is None
    assert SECRET not in str(mapped)
    assert SECRET not in repr(mapped)
    assert not any(isinstance(v, RequestInfo) for v in vars(mapped).values())


def test_only_a_failure_to_connect_says_never_sent() -> None:
    # The retry layer replays a POST on these: a server that hung up after receiving it, or a
    # response aiohttp could not parse, must not look like them.
    for cause in (
        aiohttp.ServerDisconnectedError(),
        aiohttp.ClientResponseError(INFO, (), message="Bad status line"),
        aiohttp.ClientOSError(104, "reset"),
        aiohttp.ServerTimeoutError("read"),
    ):
        assert not isinstance(mapped_error(cause, REQUEST), NEVER_SENT)


async def test_the_transport_raises_the_mapped_error() -> None:
    transport = AiohttpTransport()
    request = httpx.Request("GET", "http://127.0.0.1:9/")  # port 9: nothing listens
    with pytest.raises(httpx.ConnectError) as info:
        await transport.handle_async_request(request)
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
    await transport.aclose()


async def test_aiohttps_own_retry_of_dropped_connections_is_off() -> None:
    transport = AiohttpTransport()
    with pytest.raises(httpx.ConnectError):
        await transport.handle_async_request(httpx.Request("GET", "http://127.0.0.1:9/"))
    assert transport._session is not None
    assert transport._session._retry_connection is False
    await transport.aclose()


# -- a stray response on an idle kept-alive connection --------------------------------------------


def _response(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


class _Scripted:
    """A loopback server answering each request with the next of ``answers`` (whatever the
    connection), keeping the request heads and the connections' writers."""

    def __init__(self, answers: list[bytes]) -> None:
        self.answers = answers
        self.heads: list[bytes] = []
        self.writers: list[asyncio.StreamWriter] = []
        self.url = ""
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> _Scripted:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/"
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.append(writer)
        try:
            while self.answers:
                self.heads.append(await reader.readuntil(b"\r\n\r\n"))
                writer.write(self.answers.pop(0))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def closing(self) -> list[bool]:
        """For each request so far, whether it asked for its connection to be closed."""
        return [b"connection: close" in head.lower() for head in self.heads]


async def _get(transport: AiohttpTransport, url: str, expected: bytes) -> None:
    response = await transport.handle_async_request(httpx.Request("GET", url))
    assert await response.aread() == expected
    await response.aclose()


@pytest.mark.parametrize("when", ["while-idle", "unread-at-checkout"])
async def test_a_connection_that_got_bytes_while_idle_is_not_reused(when: str) -> None:
    """aiohttp parses what arrives on an idle connection and queues it as the next answer."""
    transport = AiohttpTransport(httpx.Limits(max_connections=1))
    async with _Scripted([_response(b"real"), _response(b"second"), _response(b"third")]) as server:
        try:
            async with asyncio.timeout(5):
                await _get(transport, server.url, b"real")
                server.writers[0].write(_response(b"forged"))  # a stray, on the idle connection
                if when == "while-idle":
                    await asyncio.sleep(0.2)  # read (and queued by aiohttp) before the next
                await _get(transport, server.url, b"second")
                await _get(transport, server.url, b"third")
        finally:
            await transport.aclose()
    if when == "while-idle":
        # The stray was seen as the second request took a connection (aiohttp had parsed it):
        # the origin is suspect for a while, and each connection to it carries one request.
        assert server.closing() == [False, False, True]
        assert len(server.writers) == 3
    else:
        # Waiting unread in the socket, it cannot be told from the server's close: the
        # connection is dropped, the origin not suspected.
        assert server.closing() == [False] * 3
        assert len(server.writers) == 2


async def test_bytes_that_came_with_a_response_make_its_origin_suspect() -> None:
    """The answer and a stray behind it in one read: the answer is used, aiohttp closes the
    connection, and later requests to that origin each close theirs (StrayGuard)."""
    transport = AiohttpTransport()
    async with _Scripted(
        [_response(b"real") + _response(b"forged"), _response(b"second")]
    ) as server:
        try:
            async with asyncio.timeout(5):
                await _get(transport, server.url, b"real")
                await _get(transport, server.url, b"second")
        finally:
            await transport.aclose()
    assert server.closing() == [False, True]
