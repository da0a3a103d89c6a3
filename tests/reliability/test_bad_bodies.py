"""Garbage from the server or a proxy in front of it becomes a typed, readable error."""

from __future__ import annotations

import re
import time

import pytest

from thredfi_client import (
    APIResponseValidationError,
    APITimeoutError,
    InternalServerError,
    RetryPolicy,
)
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TRANSPORTS, customer_path
from ..support.servers import ClientFactory

NGINX_502 = b"""<html>
<head><title>502 Bad Gateway</title><style>body { color: red; }</style></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.25.3</center>
<script>window.location.reload()</script>
</body>
</html>
"""


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "body",
    [b'{"id": "3c90c3cc-0d44', b"<html>OK</html>", b"", b'["not", "an", "object"]'],
    ids=["truncated-json", "html", "empty", "json-list"],
)
async def test_unparseable_200_raises_validation_error_without_retrying(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, body: bytes
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    sandbox.add_fault(
        path,
        method="GET",
        action="respond",
        status=200,
        body=body,
        content_type="application/json",
    )
    client = make_client(transport=transport)

    with pytest.raises(APIResponseValidationError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert info.value.status_code == 200
    assert sandbox.request_count(path, method="GET") == 1


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_html_502_from_a_proxy_becomes_a_readable_internal_server_error(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    sandbox.add_fault(
        path,
        method="GET",
        action="respond",
        status=502,
        body=NGINX_502,
        content_type="text/html",
        times=3,
    )
    client = make_client(transport=transport, max_retries=2)

    with pytest.raises(InternalServerError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert sandbox.request_count(path, method="GET") == 1 + 2
    exc = info.value
    assert exc.status_code == 502
    assert "Bad Gateway" in str(exc)
    assert not re.search(r"[<>{}]|window\.|color:", str(exc)), str(exc)
    assert len(str(exc)) < 200


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_slow_server_times_out_within_timeout_times_attempts_plus_backoff(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    timeout, retries = 0.3, 2
    policy = RetryPolicy(backoff_base=0.05, backoff_cap=0.5)
    client = make_client(transport=transport, timeout=timeout, retry_policy=policy)
    await client.customers.get(BUSINESS_ID, customer_id)  # the token is fetched outside the timing
    sandbox.add_fault(path, method="GET", action="delay", delay=5.0, times=3)
    started = time.monotonic()

    with pytest.raises(APITimeoutError):
        await client.customers.get(BUSINESS_ID, customer_id, max_retries=retries)

    elapsed = time.monotonic() - started
    backoff_bound = sum(policy.backoff(n, 1.0) for n in range(retries))
    assert sandbox.request_count(path, method="GET") == 1 + 1 + retries
    assert timeout * (1 + retries) <= elapsed <= timeout * (1 + retries) + backoff_bound + 0.5
