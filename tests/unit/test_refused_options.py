"""Call options and settings that would hang a call, break its framing or misroute its
credentials are refused before anything is sent, with a typed error naming them.

Found under attack (before the fix, over loopback):

* ``timeout=math.inf`` (or an ``httpx.Timeout`` with an infinite, NaN, zero or negative phase)
  was taken: no deadline at all, or on aiohttp a NaN phase that hung the call; ``10**400``
  raised a raw ``OverflowError``.
* ``limits=httpx.Limits(max_connections=0)`` made every call wait out the pool timeout.
* Header values with NUL, DEL, non-ASCII or edge whitespace: h11 refused some with a
  ``LocalProtocolError`` after the token was fetched, aiohttp sent others as they were; a
  non-ASCII value raised a bare ``UnicodeEncodeError`` naming no header.
* ``Content-Length``, ``Transfer-Encoding``, ``Host``, ``Expect``... in ``extra_headers``:
  aiohttp sent ``Content-Length: 5`` with no body and the call hung on the server's wait;
  ``Host`` sent the credentials to whatever virtual host it named behind the same address.
* Bad per-call options raised plain ``ValueError``/``TypeError``, not ``ThredfiError``s.
"""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from thredfi_client import ArgumentTypeError, ArgumentValueError, ThredfiClient

from ..support import API_KEY, BASE_URL, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID

pytestmark = pytest.mark.httpx_mock(assert_all_responses_were_requested=False)

BAD_TIMEOUTS: dict[str, Any] = {
    "inf": math.inf,
    "nan": math.nan,
    "minus-inf": -math.inf,
    "huge-int": 10**400,
    "Timeout(inf)": httpx.Timeout(math.inf),
    "Timeout(nan)": httpx.Timeout(math.nan),
    "Timeout(-1)": httpx.Timeout(-1.0),
    "Timeout(0)": httpx.Timeout(0.0),
    "Timeout(pool=inf)": httpx.Timeout(1.0, pool=math.inf),
    "Timeout(connect=-1)": httpx.Timeout(1.0, connect=-1.0),
}


def _client(**options: Any) -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, transport="httpx", **options
    )


@pytest.mark.parametrize("bad", list(BAD_TIMEOUTS))
async def test_a_timeout_that_is_no_bound_is_refused_everywhere(
    httpx_mock: HTTPXMock, bad: str
) -> None:
    value = BAD_TIMEOUTS[bad]
    with pytest.raises(ArgumentValueError, match="timeout"):
        _client(timeout=value)
    async with _client() as client:
        with pytest.raises(ArgumentValueError, match="timeout"):
            client.with_options(timeout=value)
        with pytest.raises(ArgumentValueError, match="timeout"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, timeout=value)
    assert httpx_mock.get_requests() == []


@pytest.mark.parametrize("connections", [0, -1])
def test_a_pool_without_connections_is_refused(connections: int) -> None:
    with pytest.raises(ArgumentValueError, match="max_connections"):
        _client(limits=httpx.Limits(max_connections=connections))


BAD_VALUES = {
    "nul": "a\x00b",
    "del": "a\x7fb",
    "non-ascii": "caf\u00e9",
    "non-latin-1": "\u20ac",
    "trailing-space": "a ",
    "leading-tab": "\ta",
}


@pytest.mark.parametrize("value", list(BAD_VALUES))
async def test_a_header_value_no_transport_sends_as_given_is_refused(
    httpx_mock: HTTPXMock, value: str
) -> None:
    bad = {"X-Tenant": BAD_VALUES[value]}
    with pytest.raises(ArgumentValueError, match="'X-Tenant'") as caught:
        _client(default_headers=bad)
    assert BAD_VALUES[value] not in str(caught.value)
    async with _client() as client:
        with pytest.raises(ArgumentValueError, match="'X-Tenant'"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers=bad)
    assert httpx_mock.get_requests() == []


@pytest.mark.parametrize("name", ["X Tenant", "X-T\u00e9nant", "X:Tenant", "X(Tenant)"])
async def test_a_header_name_that_is_no_http_token_is_refused(
    httpx_mock: HTTPXMock, name: str
) -> None:
    async with _client() as client:
        with pytest.raises(ArgumentValueError, match="not a valid header name"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers={name: "a"})
    assert httpx_mock.get_requests() == []


@pytest.mark.parametrize(
    "name",
    [
        "Host",
        "Content-Length",
        "transfer-encoding",
        "Connection",
        "Upgrade",
        "TE",
        "Trailer",
        "Keep-Alive",
        "Expect",
    ],
)
async def test_framing_and_routing_headers_are_refused(httpx_mock: HTTPXMock, name: str) -> None:
    with pytest.raises(ArgumentValueError, match=f"the '{name}' header cannot be set"):
        _client(default_headers={name: "5"})
    async with _client() as client:
        with pytest.raises(ArgumentValueError, match=f"the '{name}' header cannot be set"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers={name: "5"})
    assert httpx_mock.get_requests() == []


async def test_bad_call_options_are_sdk_errors(httpx_mock: HTTPXMock) -> None:
    async with _client() as client:
        with pytest.raises(ArgumentValueError, match="max_retries"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, max_retries=11)
        with pytest.raises(ArgumentTypeError, match="extra_headers"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers=[("X", "a")])  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match="X-A"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers={"X-A": 1})  # type: ignore[dict-item]
        with pytest.raises(ArgumentTypeError, match="extra_body"):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_body={1: "a"})  # type: ignore[dict-item]
    assert httpx_mock.get_requests() == []
