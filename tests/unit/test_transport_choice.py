"""``transport=``: "auto" (the default) is the SDK's own transport, "native"; "httpx" and
"aiohttp" (its extra) are chosen by name.

These tests construct clients but send nothing, so no HTTP mock is needed; the transport in use
is checked on the client's actual lanes, not only on ``transport_name``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from thredfi_client import NotFoundError, ThredfiClient
from thredfi_client._transports._aiohttp import AiohttpTransport
from thredfi_client._transports._auto import AutoTransport
from thredfi_client._transports._httpx import HttpxTransport
from thredfi_client._transports._native import NativeTransport

from ..support import API_KEY, BASE_URL, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No $THREDFI_TRANSPORT."""
    monkeypatch.delenv("THREDFI_TRANSPORT", raising=False)


@pytest.fixture(params=["aiohttp", "yarl"])
def extra_missing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make one module of the ``[aiohttp]`` extra unimportable, as if it were not installed."""
    monkeypatch.setitem(sys.modules, request.param, None)  # None: "import x" raises ImportError
    # The SDK's adapter module may already be imported by another test; import it afresh.
    monkeypatch.delitem(sys.modules, "thredfi_client._transports._aiohttp", raising=False)


def make(**kwargs: Any) -> ThredfiClient:
    return ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, **kwargs)


def lanes(client: ThredfiClient) -> tuple[httpx.AsyncBaseTransport, httpx.AsyncBaseTransport]:
    """The (API, token) transports under their retry layers."""
    api = client.http_client._transport.wrapped  # type: ignore[attr-defined]
    return api, client.auth._tokens._http._transport.wrapped  # type: ignore[attr-defined]


# -- auto -----------------------------------------------------------------------------------------

KINDS: dict[str, type[httpx.AsyncBaseTransport]] = {
    "native": NativeTransport,
    "httpx": HttpxTransport,
    "aiohttp": AiohttpTransport,
}


def test_default_is_the_native_transport() -> None:
    """ "auto": the native transport, but through httpx's own while a test mocks httpx
    (tests/environment/test_ecosystem_mocks.py)."""
    client = make()
    assert client.transport_name == "native"
    assert all(type(t) is AutoTransport for t in lanes(client))
    assert all(isinstance(t, NativeTransport) for t in lanes(client))


def test_auto_given_explicitly_is_the_default() -> None:
    client = make(transport="auto")
    assert client.transport_name == "native"
    assert all(type(t) is AutoTransport for t in lanes(client))


@pytest.mark.usefixtures("extra_missing")
def test_the_default_needs_no_extra() -> None:
    assert make().transport_name == "native"


@pytest.mark.usefixtures("extra_missing")
def test_explicit_aiohttp_without_the_extra_says_how_to_install_it() -> None:
    with pytest.raises(ImportError, match=r"thredfi-client\[aiohttp\]"):
        make(transport="aiohttp")


# -- explicit choices and what the client reports -------------------------------------------------


def test_explicit_httpx_is_kept_although_the_extra_is_installed() -> None:
    client = make(transport="httpx")
    assert client.transport_name == "httpx"
    assert all(type(t) is HttpxTransport for t in lanes(client))


def test_explicit_native() -> None:
    client = make(transport="native")
    assert client.transport_name == "native"
    assert all(type(t) is NativeTransport for t in lanes(client))


def test_explicit_aiohttp() -> None:
    client = make(transport="aiohttp")
    assert client.transport_name == "aiohttp"
    assert all(type(t) is AiohttpTransport for t in lanes(client))


def test_a_transport_instance_is_custom_and_carries_everything() -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(204))
    client = make(transport=mock)
    assert client.transport_name == "custom"
    assert client.http_client._transport.wrapped is mock  # type: ignore[attr-defined]


@pytest.mark.parametrize("choice", ["native", "httpx", "aiohttp"])
def test_with_options_keeps_the_transport(choice: str) -> None:
    client = make(transport=choice)
    derived = client.with_options(timeout=5.0, max_retries=0)
    assert derived.transport_name == choice
    assert derived.http_client is client.http_client


@pytest.mark.parametrize("bad", ["curl", "AIOHTTP", "", 42])
def test_an_unknown_transport_is_refused_by_name(bad: object) -> None:
    expected = r"transport must be 'auto', 'native', 'httpx', 'aiohttp'"
    with pytest.raises(ValueError, match=expected) as info:
        make(transport=bad)
    assert repr(bad) in str(info.value)


# -- $THREDFI_TRANSPORT ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("native", "native"),
        ("httpx", "httpx"),
        ("aiohttp", "aiohttp"),
        ("auto", "native"),
        ("", "native"),
    ],
)
def test_environment_sets_the_default(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    monkeypatch.setenv("THREDFI_TRANSPORT", value)
    client = make()
    assert client.transport_name == expected
    kind = AutoTransport if value in ("auto", "") else KINDS[expected]
    assert all(type(t) is kind for t in lanes(client))


def test_the_argument_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREDFI_TRANSPORT", "httpx")
    assert make(transport="aiohttp").transport_name == "aiohttp"
    assert make(transport="auto").transport_name == "native"
    monkeypatch.setenv("THREDFI_TRANSPORT", "bogus")  # not even read when the argument is given
    assert make(transport="httpx").transport_name == "httpx"


@pytest.mark.parametrize("bad", ["curl", "HTTPX", " httpx", "custom"])
def test_a_bad_environment_value_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    monkeypatch.setenv("THREDFI_TRANSPORT", bad)
    with pytest.raises(ValueError, match=r"\$THREDFI_TRANSPORT") as info:
        make()
    assert repr(bad) in str(info.value)


# -- laziness -------------------------------------------------------------------------------------

LAZY_CHECK = """
import sys
import thredfi_client
assert "aiohttp" not in sys.modules, "import thredfi_client loaded aiohttp"
client = thredfi_client.ThredfiClient(partner_id="p", api_key="k")
assert client.transport_name == "native", client.transport_name
thredfi_client.ThredfiClient(partner_id="p", api_key="k", transport="httpx")
assert "aiohttp" not in sys.modules, "the default and transport='httpx' loaded aiohttp"
thredfi_client.ThredfiClient(partner_id="p", api_key="k", transport="aiohttp")
assert "aiohttp" in sys.modules
"""


def test_aiohttp_is_imported_only_for_transport_aiohttp() -> None:
    env = {k: v for k, v in os.environ.items() if k != "THREDFI_TRANSPORT"}
    result = subprocess.run(
        [sys.executable, "-c", LAZY_CHECK],
        cwd=ROOT,  # this checkout's thredfi_client
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# -- default limits -------------------------------------------------------------------------------


def test_by_default_the_native_pool_keeps_every_connection_for_five_seconds() -> None:
    api = lanes(make())[0]
    assert isinstance(api, NativeTransport)
    assert (api._slots._limit, api._keepalive, api._expiry) == (100, 100, 5.0)


def test_by_default_httpx_keeps_twenty_connections() -> None:
    api = lanes(make(transport="httpx"))[0]
    assert isinstance(api, HttpxTransport)
    pool = api.pool._pool
    assert (pool._max_connections, pool._max_keepalive_connections) == (100, 20)


def test_limits_given_are_used_as_they_are() -> None:
    limits = httpx.Limits(max_connections=7, max_keepalive_connections=3, keepalive_expiry=1.0)
    api = lanes(make(limits=limits))[0]
    assert isinstance(api, NativeTransport)
    assert (api._slots._limit, api._keepalive, api._expiry) == (7, 3, 1.0)


# -- "auto" under the ecosystem's mocks (a user's project: tests/environment) ------------------


def auto_lane(client: ThredfiClient) -> AutoTransport:
    api, _ = lanes(client)
    assert isinstance(api, AutoTransport)
    return api


async def test_auto_sends_through_httpx_while_pytest_httpx_patches_it(httpx_mock: Any) -> None:
    from pytest_httpx import HTTPXMock

    assert isinstance(httpx_mock, HTTPXMock)
    httpx_mock.add_response(method="POST", json={"access_token": "t0ken-1", "expires_in": 60})
    httpx_mock.add_response(method="GET", status_code=404, json={"detail": "no"})
    async with make() as client:
        with pytest.raises(NotFoundError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        lane = auto_lane(client)
        assert lane._through_httpx is not None  # made on first need
        assert lane.checked_out() == 0  # the native pool was never used
    assert len(httpx_mock.get_requests()) == 2


async def test_auto_sends_through_httpx_while_respx_patches_httpcore() -> None:
    import respx

    async with respx.mock(base_url=BASE_URL) as router, make() as client:
        token = router.post("/v1/platform/oauth2/token/").respond(
            json={"access_token": "t0ken-2", "expires_in": 60}
        )
        customer = router.get(f"/v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/")
        customer.respond(404, json={"detail": "no"})
        with pytest.raises(NotFoundError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert token.call_count == customer.call_count == 1


def test_without_a_mock_auto_is_native() -> None:
    from thredfi_client._transports._httpx import mocked

    assert not mocked()
    assert auto_lane(make())._through_httpx is None
