"""SafeAiohttpTransport says truthfully whether a failed request may have reached the server."""

from __future__ import annotations

import aiohttp
import httpx
import pytest
from aiohttp.client_reqrep import ConnectionKey

from thredfi_client._aiohttp import SafeAiohttpTransport, _remapped

REQUEST = httpx.Request("POST", "https://api.thredfi.test/v1/x/")
KEY = ConnectionKey("api.thredfi.test", 443, True, True, None, None, None)


def wrapped(cause: BaseException) -> httpx.TransportError:
    # httpx-aiohttp maps every aiohttp.ClientConnectionError to ConnectTimeout.
    exc = httpx.ConnectTimeout(str(cause))
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        (aiohttp.ClientConnectorError(KEY, ConnectionRefusedError("refused")), httpx.ConnectError),
        (aiohttp.ConnectionTimeoutError("connect timeout"), httpx.ConnectTimeout),
        (aiohttp.SocketTimeoutError("read timeout"), httpx.ReadTimeout),
        (aiohttp.ServerTimeoutError("read timeout"), httpx.ReadTimeout),
        (aiohttp.ClientPayloadError("cut short"), httpx.ReadError),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
    ],
)
def test_errors_are_remapped_by_their_aiohttp_cause(
    cause: BaseException, expected: type[httpx.TransportError]
) -> None:
    remapped = _remapped(wrapped(cause), REQUEST)
    assert type(remapped) is expected
    assert remapped.request is REQUEST


def test_a_disconnect_after_sending_is_not_a_connect_error() -> None:
    # The retry layer replays a POST on ConnectError/ConnectTimeout ("never sent"): a server that
    # hung up after receiving it must not look like that.
    remapped = _remapped(wrapped(aiohttp.ServerDisconnectedError()), REQUEST)
    assert not isinstance(remapped, httpx.ConnectError | httpx.ConnectTimeout)


def test_other_errors_pass_through() -> None:
    original = httpx.UnsupportedProtocol("ftp")
    assert _remapped(original, REQUEST) is original


async def test_the_transport_raises_the_remapped_error() -> None:
    transport = SafeAiohttpTransport()
    request = httpx.Request("GET", "http://127.0.0.1:9/")  # port 9: nothing listens
    with pytest.raises(httpx.ConnectError):
        await transport.handle_async_request(request)
    await transport.aclose()
