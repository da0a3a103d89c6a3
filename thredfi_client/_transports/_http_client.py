"""The transport over a caller's own ``httpx.AsyncClient``: ``ThredfiClient(http_client=...)``.

The escape hatch the Stainless SDKs offer: whatever the caller set up on their client -- its
proxies and mounts, its TLS settings, its transport, its event hooks -- carries every request
of the SDK (API calls and token requests), while the SDK's auth, retries, deadlines and typed
errors still apply around it. The SDK never closes the caller's client: its owner does.
"""

from __future__ import annotations

import httpx

__all__ = ["HttpClientTransport"]


class HttpClientTransport(httpx.AsyncBaseTransport):
    """Sends each request with ``client.send``: no auth of the client's own (the SDK's auth
    sets ``Authorization``), no redirects followed (credentials never follow a ``Location``),
    the body streamed to the retry layer, which reads it within its cap and deadline."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    @property
    def client(self) -> httpx.AsyncClient:
        """The caller's client."""
        return self._client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._client.send(request, stream=True, auth=None, follow_redirects=False)

    async def aclose(self) -> None:
        """Nothing: the caller's client is closed by the caller."""
