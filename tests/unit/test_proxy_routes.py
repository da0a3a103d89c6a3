"""``ProxyRoutes`` picks the proxy httpx would pick: the same environment variables, the same
``NO_PROXY`` matching, ``proxy=`` overriding the environment. Checked against
``httpx.AsyncClient``'s own choice of transport on the installed httpx (whose private helpers,
``get_environment_proxies`` and ``URLPattern``, ``_proxy`` reuses)."""

from __future__ import annotations

import httpcore
import httpx
import pytest

from thredfi_client._transports._proxy import ProxyRoutes

VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
ENVIRONMENTS: list[dict[str, str]] = [
    {},
    {"HTTP_PROXY": "http://127.0.0.1:3001"},
    {"HTTPS_PROXY": "http://127.0.0.1:3002"},
    {"ALL_PROXY": "http://127.0.0.1:3003"},
    {"HTTPS_PROXY": "127.0.0.1:3004"},  # no scheme: http:// assumed
    {"ALL_PROXY": "http://127.0.0.1:3003", "NO_PROXY": "api.thredfi.test"},
    {"ALL_PROXY": "http://127.0.0.1:3003", "NO_PROXY": ".thredfi.test"},
    {"ALL_PROXY": "http://127.0.0.1:3003", "NO_PROXY": "*"},
    {"ALL_PROXY": "http://127.0.0.1:3003", "NO_PROXY": "localhost, 127.0.0.1 ,::1"},
    {"HTTP_PROXY": "http://127.0.0.1:3001", "HTTPS_PROXY": "http://127.0.0.1:3002"},
    {"HTTPS_PROXY": "http://u:p@127.0.0.1:3002", "NO_PROXY": "https://api.thredfi.test"},
]
URLS = [
    "https://api.thredfi.test/v1/x",
    "http://api.thredfi.test/v1/x",
    "https://eu.api.thredfi.test:8443/v1/x",
    "https://thredfi.test/v1/x",
    "https://notthredfi.test/v1/x",
    "http://localhost:8000/v1/x",
    "http://127.0.0.1:8000/v1/x",
    "http://[::1]:8000/v1/x",
]


def httpx_choice(client: httpx.AsyncClient, url: str) -> str | None:
    """The proxy ``client`` would send ``url`` through (host:port), or None."""
    transport = client._transport_for_url(httpx.URL(url))
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.AsyncHTTPProxy):
        proxy = pool._proxy_url
        return f"{proxy.host.decode()}:{proxy.port}"
    return None


def our_choice(routes: ProxyRoutes, url: str) -> str | None:
    route = routes.route(httpx.URL(url))
    return None if route is None else f"{route.host}:{route.port}"


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=lambda e: ",".join(e) or "none")
def test_the_environment_routes_as_in_httpx(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = httpx.AsyncClient(trust_env=True)
    routes = ProxyRoutes(trust_env=True)
    for url in URLS:
        assert our_choice(routes, url) == httpx_choice(client, url), url
        assert our_choice(routes, url) == httpx_choice(client, url), f"{url}, cached"
    assert our_choice(ProxyRoutes(trust_env=False), URLS[0]) is None


def test_the_proxy_argument_overrides_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:3003")
    monkeypatch.setenv("NO_PROXY", "api.thredfi.test")
    client = httpx.AsyncClient(proxy="http://127.0.0.1:3005")
    routes = ProxyRoutes("http://127.0.0.1:3005")
    for url in URLS:
        assert our_choice(routes, url) == httpx_choice(client, url) == "127.0.0.1:3005"


def test_credentials_are_kept_out_of_the_url_and_listed_as_secrets() -> None:
    routes = ProxyRoutes("http://egress:pass%20word@127.0.0.1:3128")
    (route,) = routes.proxies()
    assert route.url == "http://127.0.0.1:3128"
    assert "pass" not in repr(route)
    assert dict(route.headers)[b"Proxy-Authorization"] == b"Basic ZWdyZXNzOnBhc3Mgd29yZA=="
    assert set(routes.secrets()) == {
        "pass word",
        "ZWdyZXNzOnBhc3Mgd29yZA==",
        "Basic ZWdyZXNzOnBhc3Mgd29yZA==",
    }
