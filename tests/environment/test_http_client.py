"""``http_client=httpx.AsyncClient(...)``: the escape hatch of the Stainless SDKs. Every request
(token requests too) goes through the caller's client -- its proxy, its TLS settings, its event
hooks, its mounts -- with the SDK's auth, retries and typed errors around it."""

from __future__ import annotations

import base64
import ssl
from pathlib import Path

import httpx
import pytest
import trustme

from thredfi_client import (
    APIConnectionError,
    ArgumentTypeError,
    ArgumentValueError,
    NotFoundError,
    ThredfiClient,
)

from ..support import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID
from ..support.api_origin import ApiOrigin
from ..support.forward_proxy import ForwardProxy

API_HOST = "api.thredfi.test"


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(API_HOST).configure_cert(context)
    return context


async def test_requests_go_through_the_callers_client_its_proxy_tls_and_hooks(
    ca: trustme.CA, ca_file: Path
) -> None:
    seen: list[str] = []

    async def on_request(request: httpx.Request) -> None:
        seen.append(f"{request.method} {request.url.path}")

    async with ApiOrigin(server_context(ca)) as origin, ForwardProxy() as proxy:
        theirs = httpx.AsyncClient(
            proxy=proxy.url,
            verify=ssl.create_default_context(cafile=str(ca_file)),
            event_hooks={"request": [on_request]},
            auth=("their-user", "their-password"),  # never instead of the SDK's credentials
            follow_redirects=True,  # never followed with the SDK's credentials
        )
        async with theirs:
            client = ThredfiClient(
                partner_id=PARTNER_ID,
                api_key=API_KEY,
                base_url=f"https://{API_HOST}:{origin.port}",
                http_client=theirs,
            )
            assert client.transport_name == "http_client"
            async with client:
                await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
            assert not theirs.is_closed  # theirs to close
    assert [r.method for r in proxy.requests] == ["CONNECT"]  # one pool: one tunnel
    assert [r.method for r in origin.requests] == ["POST", "GET"]
    ours = base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()
    assert origin.requests[0].headers["authorization"] == f"Basic {ours}"
    assert origin.requests[1].headers["authorization"].startswith("Bearer ")
    assert seen == [
        "POST /v1/platform/oauth2/token/",
        f"GET /v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/",
    ]


async def test_the_sdks_retries_and_typed_errors_apply() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path.endswith("/oauth2/token/"):
            return httpx.Response(
                200, json={"access_token": "t0ken-xyz", "token_type": "Bearer", "expires_in": 60}
            )
        if len(calls) == 2:
            return httpx.Response(503)
        return httpx.Response(404, json={"detail": "no such customer"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as theirs:
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url="https://api.thredfi.test",
            http_client=theirs,
        )
        async with client:
            with pytest.raises(NotFoundError):
                await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert len(calls) == 3  # the token, a 503 retried, the 404


async def test_a_failure_of_the_callers_client_is_a_typed_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as theirs:
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url="https://api.thredfi.test",
            http_client=theirs,
            max_retries=0,
        )
        async with client:
            with pytest.raises(APIConnectionError):
                await client.customers.get(BUSINESS_ID, CUSTOMER_ID)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"transport": "httpx"}, "http_client"),
        ({"transport": httpx.MockTransport(lambda r: httpx.Response(200))}, "http_client"),
        ({"proxy": "http://127.0.0.1:3128"}, "proxy"),
        ({"verify": False}, "verify"),
        ({"limits": httpx.Limits(max_connections=5)}, "limits"),
    ],
)
async def test_options_the_callers_client_owns_are_refused_beside_it(
    kwargs: dict[str, object], argument: str
) -> None:
    async with httpx.AsyncClient() as theirs:
        with pytest.raises(ArgumentValueError) as info:
            ThredfiClient(
                partner_id=PARTNER_ID,
                api_key=API_KEY,
                http_client=theirs,
                **kwargs,  # type: ignore[arg-type]
            )
    assert info.value.argument == argument
    assert argument in str(info.value)


def test_http_client_must_be_an_async_httpx_client() -> None:
    with httpx.Client() as sync_client, pytest.raises(ArgumentTypeError) as info:
        ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            http_client=sync_client,  # type: ignore[arg-type]
        )
    assert info.value.argument == "http_client"
