"""The aiohttp-backed inner transport: ``ThredfiClient(transport="aiohttp")``, extra ``[aiohttp]``.

Why a subclass of httpx-aiohttp's transport: it maps aiohttp's errors by dict order, so a
refused connection and a server that hung up *after* receiving the request both surface as
``httpx.ConnectTimeout`` -- which tells the retry layer "never sent" and would let it replay a
POST the server may already have processed. Here the original aiohttp error decides.
"""

from __future__ import annotations

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

__all__ = ["SafeAiohttpTransport"]


class SafeAiohttpTransport(AiohttpTransport):
    """``AiohttpTransport`` whose errors say truthfully whether the request may have been sent."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await super().handle_async_request(request)
        except httpx.TransportError as exc:
            raise _remapped(exc, request) from exc.__cause__ or exc


def _remapped(exc: httpx.TransportError, request: httpx.Request) -> httpx.TransportError:
    cause = exc.__cause__
    message = str(exc) or type(cause).__name__
    if isinstance(cause, aiohttp.ClientConnectorError):  # could not connect: nothing was sent
        return httpx.ConnectError(message, request=request)
    if isinstance(cause, aiohttp.ConnectionTimeoutError):  # timed out while connecting
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(cause, aiohttp.ServerTimeoutError):  # sent, then the answer was too slow
        return httpx.ReadTimeout(message, request=request)
    if isinstance(cause, aiohttp.ClientPayloadError):  # the body broke off mid-way
        return httpx.ReadError(message, request=request)
    if isinstance(cause, aiohttp.ClientConnectionError):  # disconnected: it may have been sent
        return httpx.RemoteProtocolError(message, request=request)
    return exc
