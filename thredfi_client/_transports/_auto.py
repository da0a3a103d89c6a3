"""``transport="auto"``, the default: the native transport, unless a test mocks httpx.

pytest-httpx (``httpx_mock``) and respx (``respx.mock``, default settings) replace the request
handler of httpx's transport or of httpcore's pool; the native transport never calls either, so
a user's test mocking httpx would reach the network. While such a mock is in place, "auto" sends
through httpx's own transport (``HttpxTransport``, made on first need), which the mock then
intercepts: whether the client was made inside the test or before it (in a fixture), since the
check is made per request. Otherwise it is the native transport, at the cost of three identity
checks per request (``_httpx.mocked``).
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

import httpx

from ._httpx import HttpxTransport, mocked
from ._native import NativeTransport
from ._proxy import ProxyRoutes
from ._tls import TlsSettings

__all__ = ["AutoTransport"]


class AutoTransport(NativeTransport):
    """The native transport, handing requests to httpx's transport while a mock patches it."""

    def __init__(
        self,
        limits: httpx.Limits,
        *,
        mocked_limits: httpx.Limits,
        tls: TlsSettings | None = None,
        proxies: ProxyRoutes | None = None,
    ) -> None:
        super().__init__(limits, tls=tls, proxies=proxies)
        self._mocked_limits = mocked_limits
        self._tls_settings = tls
        self._routes = proxies
        self._through_httpx: HttpxTransport | None = None

    def handle_async_request(self, request: httpx.Request) -> Coroutine[Any, Any, httpx.Response]:
        # A plain function returning the chosen coroutine: no extra coroutine per request.
        if mocked():
            return self._httpx().handle_async_request(request)
        return NativeTransport.handle_async_request(self, request)

    def _httpx(self) -> HttpxTransport:
        if self._through_httpx is None:
            self._through_httpx = HttpxTransport(
                self._mocked_limits, tls=self._tls_settings, proxies=self._routes
            )
        return self._through_httpx

    async def aclose(self) -> None:
        await super().aclose()
        if self._through_httpx is not None:
            await self._through_httpx.aclose()
