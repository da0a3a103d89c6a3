"""``transport=``: "auto" (the default) picks aiohttp when the extra imports, else httpx.

These tests construct clients but send nothing, so no HTTP mock is needed; the transport in use
is checked on the client's actual lanes, not only on ``transport_name``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from thredfi_client import ThredfiClient, _client
from thredfi_client._aiohttp import SafeAiohttpTransport

from ..support import API_KEY, BASE_URL, PARTNER_ID

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No $THREDFI_TRANSPORT, and the extra's import check is redone (and forgotten after)."""
    monkeypatch.delenv("THREDFI_TRANSPORT", raising=False)
    _client._aiohttp_extra_installed.cache_clear()
    yield
    _client._aiohttp_extra_installed.cache_clear()


@pytest.fixture(params=["httpx_aiohttp", "aiohttp"])
def extra_missing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make one module of the ``[aiohttp]`` extra unimportable, as if it were not installed."""
    monkeypatch.setitem(sys.modules, request.param, None)  # None: "import x" raises ImportError
    # The SDK's adapter module may already be imported by another test; import it afresh.
    monkeypatch.delitem(sys.modules, "thredfi_client._aiohttp", raising=False)


def make(**kwargs: Any) -> ThredfiClient:
    return ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, **kwargs)


def lanes(client: ThredfiClient) -> tuple[httpx.AsyncBaseTransport, httpx.AsyncBaseTransport]:
    """The (API, token) transports under their retry layers."""
    api = client.http_client._transport.wrapped  # type: ignore[attr-defined]
    return api, client.auth._tokens._http._transport.wrapped  # type: ignore[attr-defined]


# -- auto -----------------------------------------------------------------------------------------


def test_default_is_aiohttp_when_the_extra_is_installed() -> None:
    client = make()
    assert client.transport_name == "aiohttp"
    assert all(type(t) is SafeAiohttpTransport for t in lanes(client))


def test_auto_given_explicitly_is_the_default() -> None:
    assert make(transport="auto").transport_name == "aiohttp"


@pytest.mark.usefixtures("extra_missing")
def test_default_is_httpx_when_the_extra_is_not_installed() -> None:
    client = make()
    assert client.transport_name == "httpx"
    assert all(type(t) is httpx.AsyncHTTPTransport for t in lanes(client))


@pytest.mark.usefixtures("extra_missing")
def test_explicit_aiohttp_without_the_extra_says_how_to_install_it() -> None:
    with pytest.raises(ImportError, match=r"thredfi-client\[aiohttp\]"):
        make(transport="aiohttp")


def test_a_missing_extra_is_looked_for_once() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "httpx_aiohttp", None)
        patch.delitem(sys.modules, "thredfi_client._aiohttp")
        assert make().transport_name == "httpx"
    # The extra is importable again, but the first answer is kept until the cache is cleared.
    assert make().transport_name == "httpx"
    _client._aiohttp_extra_installed.cache_clear()
    assert make().transport_name == "aiohttp"


# -- explicit choices and what the client reports -------------------------------------------------


def test_explicit_httpx_is_kept_although_the_extra_is_installed() -> None:
    client = make(transport="httpx")
    assert client.transport_name == "httpx"
    assert all(type(t) is httpx.AsyncHTTPTransport for t in lanes(client))


def test_explicit_aiohttp() -> None:
    client = make(transport="aiohttp")
    assert client.transport_name == "aiohttp"
    assert all(type(t) is SafeAiohttpTransport for t in lanes(client))


def test_a_transport_instance_is_custom_and_carries_everything() -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(204))
    client = make(transport=mock)
    assert client.transport_name == "custom"
    assert client.http_client._transport.wrapped is mock  # type: ignore[attr-defined]


@pytest.mark.parametrize("choice", ["httpx", "aiohttp"])
def test_with_options_keeps_the_transport(choice: str) -> None:
    client = make(transport=choice)
    derived = client.with_options(timeout=5.0, max_retries=0)
    assert derived.transport_name == choice
    assert derived.http_client is client.http_client


@pytest.mark.parametrize("bad", ["curl", "AIOHTTP", "", 42])
def test_an_unknown_transport_is_refused_by_name(bad: object) -> None:
    with pytest.raises(ValueError, match=r"transport must be 'auto', 'httpx', 'aiohttp'") as info:
        make(transport=bad)
    assert repr(bad) in str(info.value)


# -- $THREDFI_TRANSPORT ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("httpx", "httpx"), ("aiohttp", "aiohttp"), ("auto", "aiohttp"), ("", "aiohttp")],
)
def test_environment_sets_the_default(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    monkeypatch.setenv("THREDFI_TRANSPORT", value)
    client = make()
    assert client.transport_name == expected
    assert all(
        type(t) is {"httpx": httpx.AsyncHTTPTransport, "aiohttp": SafeAiohttpTransport}[expected]
        for t in lanes(client)
    )


@pytest.mark.usefixtures("extra_missing")
def test_environment_auto_without_the_extra_is_httpx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREDFI_TRANSPORT", "auto")
    assert make().transport_name == "httpx"


def test_the_argument_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREDFI_TRANSPORT", "httpx")
    assert make(transport="aiohttp").transport_name == "aiohttp"
    assert make(transport="auto").transport_name == "aiohttp"
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
thredfi_client.ThredfiClient(partner_id="p", api_key="k", transport="httpx")
assert "aiohttp" not in sys.modules, "transport='httpx' loaded aiohttp"
client = thredfi_client.ThredfiClient(partner_id="p", api_key="k")
assert "aiohttp" in sys.modules and client.transport_name == "aiohttp", client.transport_name
"""


def test_aiohttp_is_imported_only_when_a_client_resolves_auto() -> None:
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
