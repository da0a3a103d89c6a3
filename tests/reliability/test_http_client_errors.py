"""``ThredfiClient.http_client`` (for requests the SDK has no operation for) fails as the
operations do: every exception a ``ThredfiError``, none carrying a credential.

It raised httpx's own exceptions (``httpx.RemoteProtocolError``, ``httpx.ReadTimeout``...),
whose ``request`` still held the ``Authorization: Bearer`` header it was sent with.
Over a socket, both transports, with the sandbox's fault controls.
"""

from __future__ import annotations

from typing import Any

import pytest

from thredfi_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    RetryPolicy,
    ThredfiError,
)
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TOKEN_PATH, TRANSPORTS, customer_path
from ..support.servers import ClientFactory
from .transport_support import chain_of, credentials, leaked

FAULTS: dict[str, tuple[str, dict[str, Any], type[ThredfiError]]] = {
    "reset": ("api", {"action": "reset"}, APIConnectionError),
    "drop": ("api", {"action": "drop"}, APIConnectionError),
    "bad-status-line": (
        "api",
        {"action": "raw", "raw": b"HTTP/1.1 2OO OK\r\n\r\n"},
        APIConnectionError,
    ),
    "stall": ("api", {"action": "stall", "delay": 2.0}, APITimeoutError),
    "token-401": ("token", {"action": "respond", "status": 401}, AuthenticationError),
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("fault", list(FAULTS))
async def test_http_client_failures_are_sdk_errors_without_credentials(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, fault: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    # http_client's requests follow the retry policy (no per-call max_retries): none here.
    client = make_client(transport=transport, timeout=0.5, retry_policy=RetryPolicy(max_retries=0))
    path = customer_path(customer_id)
    assert (await client.http_client.get(path)).status_code == 200  # a token, then a 200
    route, options, expected = FAULTS[fault]
    if route == "token":
        await client.auth.invalidate()
        sandbox.add_fault(TOKEN_PATH, **options)
    else:
        sandbox.add_fault(path, **options)

    with pytest.raises(ThredfiError) as info:
        await client.http_client.get(path)

    assert isinstance(info.value, expected)
    assert leaked(info.value, credentials(sandbox)) == []
    assert chain_of(info.value) == [info.value]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_http_client_of_a_closed_client_raises_an_sdk_error(
    make_client: ClientFactory, transport: str
) -> None:
    client = make_client(transport=transport)
    await client.aclose()

    with pytest.raises(ClientClosedError):
        await client.http_client.get(customer_path(BUSINESS_ID))
