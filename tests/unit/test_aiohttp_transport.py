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


@pytest.mark.parametrize("when", ["while-idle", "unread-at-checkout"])
async def test_a_connection_that_got_bytes_while_idle_is_not_reused(when: str) -> None:
    """aiohttp parses what arrives on an idle connection and queues it as the next answer."""
    answers = [_response(b"real"), _response(b"second"), _response(b"third")]
    writers: list[asyncio.StreamWriter] = []
    heads: list[bytes] = []
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        writers.append(writer)
        try:
            while answers:
                heads.append(await reader.readuntil(b"\r\n\r\n"))
                writer.write(answers.pop(0))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
    transport = AiohttpTransport(httpx.Limits(max_connections=1))
    try:
        async with asyncio.timeout(5):
            first = await transport.handle_async_request(httpx.Request("GET", url))
            assert await first.aread() == b"real"
            await first.aclose()
            writers[0].write(_response(b"forged"))  # a stray, on the idle connection
            if when == "while-idle":
                await asyncio.sleep(0.2)  # read (and queued by aiohttp) before the next request
            second = await transport.handle_async_request(httpx.Request("GET", url))
            assert await second.aread() == b"second"
            await second.aclose()
            third = await transport.handle_async_request(httpx.Request("GET", url))
            assert await third.aread() == b"third"
            await third.aclose()
    finally:
        await transport.aclose()
        server.close()
        await server.wait_closed()
    if when == "while-idle":
        # The stray was seen as the second request took a connection (aiohttp had parsed it):
        # the origin is suspect for a while, and each connection to it carries one request.
        assert [b"connection: close" in head.lower() for head in heads] == [False, False, True]
        assert connections == 3
    else:
        # Waiting unread in the socket, it cannot be told from the server's close: the
        # connection is dropped, the origin not suspected.
        assert [b"connection: close" in head.lower() for head in heads] == [False] * 3
        assert connections == 2


async def test_bytes_that_came_with_a_response_make_its_origin_suspect() -> None:
    """The answer and a stray behind it in one read: the answer is used, aiohttp closes the
    connection, and later requests to that origin each close theirs (StrayGuard)."""
    answers = [_response(b"real") + _response(b"forged"), _response(b"second")]
    heads: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while answers:
                heads.append(await reader.readuntil(b"\r\n\r\n"))
                writer.write(answers.pop(0))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
    transport = AiohttpTransport()
    try:
        async with asyncio.timeout(5):
            for expected in (b"real", b"second"):
                response = await transport.handle_async_request(httpx.Request("GET", url))
                assert await response.aread() == expected
                await response.aclose()
    finally:
        await transport.aclose()
        server.close()
        await server.wait_closed()
    assert [b"connection: close" in head.lower() for head in heads] == [False, True]
