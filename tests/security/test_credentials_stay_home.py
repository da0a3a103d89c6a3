"""Credentials go to the configured origin only, in clear text only on loopback, and path
parameters cannot steer a call to another endpoint."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from thredfi_client import APIStatusError, ThredfiClient
from thredfi_client.testing import SandboxServer

from ..support import (
    API_KEY,
    BUSINESS_ID,
    CUSTOMER_ID,
    PARTNER_ID,
    TRANSPORTS,
    customer_path,
    record_for_leak_scan,
)
from ..support.servers import ClientFactory

FOREIGN_PATH = f"/v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/"


# -- another origin --------------------------------------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", FOREIGN_PATH), ("POST", "/v1/platform/oauth2/token/")],
    ids=["api-path", "token-path"],
)
async def test_absolute_url_to_another_origin_carries_no_credentials(
    sandbox_server: SandboxServer,
    other_sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    method: str,
    path: str,
) -> None:
    home, other = sandbox_server.sandbox, other_sandbox_server.sandbox
    client = make_client(transport=transport)
    customer_id = home.add_customer()["id"]
    await client.customers.get(BUSINESS_ID, customer_id)  # a token is cached and in use

    await client.http_client.request(method, f"{other_sandbox_server.base_url}{path}")

    assert [r.headers.get("authorization") for r in other.requests] == [None]
    assert home.request_count("/v1/platform/oauth2/token/") == 1
    assert home.requests[-1].headers["authorization"] == f"Bearer {home.tokens[0]}"  # home does


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
async def test_redirect_to_another_origin_is_not_followed(
    sandbox_server: SandboxServer,
    other_sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    code: int,
) -> None:
    home = sandbox_server.sandbox
    customer_id = home.add_customer()["id"]
    location = f"{other_sandbox_server.base_url}{FOREIGN_PATH}"
    home.add_fault(
        customer_path(customer_id),
        method="GET",
        action="respond",
        status=code,
        body=b"",
        headers={"Location": location},
    )
    client = make_client(transport=transport)

    with pytest.raises(APIStatusError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert info.value.status_code == code
    assert other_sandbox_server.sandbox.requests == []
    assert home.request_count(customer_path(customer_id), method="GET") == 1


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_redirect_followed_on_request_drops_credentials_at_the_origin_boundary(
    sandbox_server: SandboxServer,
    other_sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
) -> None:
    # Someone using the escape hatch with follow_redirects=True still leaks nothing.
    home, other = sandbox_server.sandbox, other_sandbox_server.sandbox
    customer_id = home.add_customer()["id"]
    location = f"{other_sandbox_server.base_url}{FOREIGN_PATH}"
    home.add_fault(
        customer_path(customer_id),
        method="GET",
        action="respond",
        status=307,
        body=b"",
        headers={"Location": location},
    )
    client = make_client(transport=transport)
    url = f"/v1/platform/businesses/{BUSINESS_ID}/customers/{customer_id}/"

    await client.http_client.get(url, follow_redirects=True)

    # httpx strips Authorization when a redirect crosses origins. (The other origin's 401 then
    # makes the auth flow refresh and replay at home: wasteful, but nothing leaves home.)
    assert home.requests[1].headers["authorization"] == f"Bearer {home.tokens[0]}"
    assert [r.headers.get("authorization") for r in other.requests] == [None]


# -- clear text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://api.thredfi.com",
        "http://sandbox.thredfi.com/",
        "http://10.0.0.5:8000",
        "http://192.168.1.20",
        "http://0.0.0.0:8000",
        "http://[::ffff:10.0.0.1]:8000",
        "http://127.0.0.1.nip.io",
        "http://localhost.evil.test",
        "http://127.0.0.1@evil.test",
        "HTTP://API.THREDFI.COM",
    ],
)
def test_plain_http_to_a_non_loopback_host_is_refused_at_construction(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError, match="base_url"):
        ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=url)
    monkeypatch.setenv("THREDFI_BASE_URL", url)
    with pytest.raises(ValueError, match="base_url"):
        ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", "http://127.5.6.7:9", "http://[::1]:9"])
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    client = ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=url)
    record_for_leak_scan("client repr", repr(client))


# -- path parameters ------------------------------------------------------------------------------

INJECTIONS = [
    "../",
    "..",
    ".",
    "%2F",
    "..%2F..",
    "%2e%2e%2f",
    f"..%2F{CUSTOMER_ID}",
    "",
    " ",
    "\t",
    "\n",
    f"{CUSTOMER_ID}/",
    f"{CUSTOMER_ID}/archive",
    f"{CUSTOMER_ID}/../../invoices",
    f" {CUSTOMER_ID}",
    f"{CUSTOMER_ID}\r\nX-Injected: 1",
    f"{CUSTOMER_ID}?x=1",
    f"{CUSTOMER_ID}#x",
    "not-a-uuid",
]

Call = Callable[[ThredfiClient, str], Awaitable[Any]]

CALLS: dict[str, Call] = {
    "customers.get(customer_id)": lambda c, v: c.customers.get(BUSINESS_ID, v),
    "customers.get(business_id)": lambda c, v: c.customers.get(v, CUSTOMER_ID),
    "customers.archive(customer_id)": lambda c, v: c.customers.archive(BUSINESS_ID, v),
    "customers.create(business_id)": lambda c, v: c.customers.create(v, company_name="Acme"),
    "invoices.create(business_id)": lambda c, v: c.invoices.create(
        v,
        external_id="inv-1",
        sent_at=datetime.datetime(2026, 11, 21, tzinfo=datetime.UTC),
        line_items=[{"quantity": 1, "unit_price": 1}],  # the contract wants one line
    ),
    "tokens.get_business_token(business_id)": lambda c, v: c.tokens.get_business_token(v),
}


@pytest.mark.parametrize("call", list(CALLS.values()), ids=list(CALLS))
async def test_path_parameter_injection_is_refused_before_anything_is_sent(
    sandbox_server: SandboxServer, make_client: ClientFactory, call: Call
) -> None:
    client = make_client()
    for value in INJECTIONS:
        with pytest.raises(ValueError, match="must be a UUID"):
            await call(client, value)
    not_strings: list[Any] = [None, 42, CUSTOMER_ID.encode(), uuid.UUID(CUSTOMER_ID).bytes]
    for value in not_strings:
        with pytest.raises(ValueError, match="must be a UUID"):
            await call(client, value)
    assert sandbox_server.sandbox.requests == []
