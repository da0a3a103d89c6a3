"""Proxies and TLS as httpx spells them, on every built-in transport, for API calls and token
requests alike: ``proxy=``, the environment's proxies and ``NO_PROXY``, ``trust_env=False``,
``verify=`` (a CA path, an ``ssl.SSLContext``, ``False``), ``cert=`` (mutual TLS), and a
proxy's refusals as typed errors that name the proxy and never its password.

Every server is on 127.0.0.1: a forward proxy (``tests/support/forward_proxy.py``) and the
API origin (``tests/support/api_origin.py``) with a ``trustme`` CA's certificate. The API's
host name is resolved by nobody but the suite's resolver, which knows it only where a test says
so: a request that went around the proxy fails to resolve it.
"""

from __future__ import annotations

import asyncio
import base64
import ssl
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme

from thredfi_client import APIConnectionError, APIStatusError, ThredfiClient
from thredfi_client._client import TransportChoice

from ..support import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID, TRANSPORTS
from ..support.api_origin import ApiOrigin
from ..support.exception_scan import carried_texts, leaked
from ..support.forward_proxy import ForwardProxy
from ..support.resolver import Resolver

API_HOST = "api.thredfi.test"
PROXY_USER = "egress"
#: "SECRET" marks it for the session's leak guard (tests/conftest.py) as well.
PROXY_PASSWORD = "SECRET-proxy-pass-71"


def server_context(ca: trustme.CA, *, client_certificates: bool = False) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(API_HOST, "localhost", "127.0.0.1").configure_cert(context)
    if client_certificates:
        context.verify_mode = ssl.CERT_REQUIRED
        ca.configure_trust(context)
    return context


def make(transport: TransportChoice, base_url: str, **kwargs: Any) -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        transport=transport,
        max_retries=0,
        **kwargs,
    )


async def call(client: ThredfiClient) -> None:
    async with client:
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)


def assert_served(origin: ApiOrigin) -> None:
    """The origin got the token request and the API call."""
    assert [r.method for r in origin.requests] == ["POST", "GET"]
    assert origin.requests[0].headers["authorization"].startswith("Basic ")
    assert origin.requests[1].headers["authorization"].startswith("Bearer ")


# -- through a proxy -------------------------------------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_https_goes_through_a_connect_tunnel_of_the_proxy_argument(
    transport: TransportChoice, ca: trustme.CA, ca_file: Path, resolver: Resolver
) -> None:
    async with (
        ApiOrigin(server_context(ca)) as origin,
        ForwardProxy(credentials=(PROXY_USER, PROXY_PASSWORD)) as proxy,
    ):
        client = make(
            transport,
            f"https://{API_HOST}:{origin.port}",
            proxy=proxy.url_with(PROXY_USER, PROXY_PASSWORD),
            verify=str(ca_file),
        )
        async with client:
            for _ in range(3):
                await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert [r.method for r in origin.requests] == ["POST", "GET", "GET", "GET"]
    assert origin.requests[0].headers["authorization"].startswith("Basic ")
    # Token requests and API calls each opened one tunnel (each lane has its own pool), and
    # the API calls' tunnel carried all three, kept alive.
    assert len(proxy.requests) == 2
    for request in proxy.requests:
        assert (request.method, request.target) == ("CONNECT", f"{API_HOST}:{origin.port}")
        assert request.headers["proxy-authorization"].startswith("Basic ")
        assert "authorization" not in request.headers  # the API's credentials stay in TLS
    assert not any("proxy-authorization" in r.headers for r in origin.requests)
    assert set(origin.server_names) == {API_HOST}
    assert API_HOST not in resolver.asked  # the proxy, not the client, reached the API


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_http_goes_to_the_environments_proxy_in_absolute_form(
    transport: TransportChoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with (
        ApiOrigin() as origin,
        ForwardProxy(credentials=(PROXY_USER, PROXY_PASSWORD)) as proxy,
    ):
        monkeypatch.setenv("HTTP_PROXY", proxy.url_with(PROXY_USER, PROXY_PASSWORD))
        await call(make(transport, f"http://localhost:{origin.port}"))
    assert_served(origin)
    assert all(r.headers["proxy-authorization"].startswith("Basic ") for r in proxy.requests)
    assert not any("proxy-authorization" in r.headers for r in origin.requests)
    assert [(r.method, r.target.split("?")[0]) for r in proxy.requests] == [
        ("POST", f"http://localhost:{origin.port}/v1/platform/oauth2/token/"),
        ("GET", f"http://localhost:{origin.port}/v1/platform/businesses/{BUSINESS_ID}/customers/"
         f"{CUSTOMER_ID}/"),
    ]  # fmt: skip


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("scheme", ["http", "https"])
async def test_an_httpx_proxy_object_with_its_headers_and_auth(
    transport: TransportChoice, scheme: str, ca: trustme.CA, ca_file: Path
) -> None:
    """``httpx.Proxy(url, auth=..., headers=...)``: its headers go to the proxy, and never
    inside a tunnel."""
    async with (
        ApiOrigin(server_context(ca) if scheme == "https" else None) as origin,
        ForwardProxy(credentials=(PROXY_USER, PROXY_PASSWORD)) as proxy,
    ):
        host = API_HOST if scheme == "https" else "127.0.0.1"
        given = httpx.Proxy(
            proxy.url, auth=(PROXY_USER, PROXY_PASSWORD), headers={"X-Egress-Tenant": "acme"}
        )
        await call(
            make(transport, f"{scheme}://{host}:{origin.port}", proxy=given, verify=str(ca_file))
        )
    assert_served(origin)
    assert proxy.requests
    for request in proxy.requests:
        assert request.headers["x-egress-tenant"] == "acme"
        assert request.headers["proxy-authorization"].startswith("Basic ")
    for served in origin.requests:
        assert "proxy-authorization" not in served.headers  # the test proxy drops it
        if scheme == "https":  # (over http, what the proxy forwards is the proxy's business)
            assert "x-egress-tenant" not in served.headers


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "all_proxy"])
async def test_the_environments_proxy_carries_https_and_no_proxy_bypasses_it(
    transport: TransportChoice,
    variable: str,
    ca: trustme.CA,
    ca_file: Path,
    resolver: Resolver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with ApiOrigin(server_context(ca)) as origin, ForwardProxy() as proxy:
        monkeypatch.setenv(variable, proxy.url)
        base_url = f"https://{API_HOST}:{origin.port}"
        await call(make(transport, base_url, verify=str(ca_file)))
        assert [r.method for r in proxy.requests] == ["CONNECT", "CONNECT"]
        monkeypatch.setenv("NO_PROXY", f"localhost,{API_HOST}")
        resolver.add(API_HOST)
        await call(make(transport, base_url, verify=str(ca_file)))
    assert len(proxy.requests) == 2  # the second client went around it
    assert [r.method for r in origin.requests] == ["POST", "GET", "POST", "GET"]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_trust_env_false_ignores_the_environment(
    transport: TransportChoice,
    ca: trustme.CA,
    ca_file: Path,
    resolver: Resolver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    resolver.add(API_HOST)
    async with ApiOrigin(server_context(ca)) as origin, ForwardProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
        base_url = f"https://{API_HOST}:{origin.port}"
        # $SSL_CERT_FILE ignored: the test CA is unknown to certifi's bundle.
        with pytest.raises(APIConnectionError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
            await call(make(transport, base_url, trust_env=False))
        await call(make(transport, base_url, trust_env=False, verify=str(ca_file)))
    assert proxy.requests == []
    assert_served(origin)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("variable", ["SSL_CERT_FILE", "SSL_CERT_DIR"])
async def test_ssl_cert_file_and_dir_are_honoured(
    transport: TransportChoice,
    variable: str,
    ca: trustme.CA,
    ca_file: Path,
    ca_directory: Path,
    resolver: Resolver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    resolver.add(API_HOST)
    monkeypatch.setenv(variable, str(ca_file if variable == "SSL_CERT_FILE" else ca_directory))
    async with ApiOrigin(server_context(ca)) as origin:
        await call(make(transport, f"https://{API_HOST}:{origin.port}"))
    assert_served(origin)


# -- verify= and cert= -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def ca_directory(ca_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of CA certificates named by their hash, as OpenSSL's c_rehash makes it."""
    import subprocess

    directory = tmp_path_factory.mktemp("ca-directory")
    out = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(ca_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    (directory / f"{out.stdout.strip()}.0").write_bytes(ca_file.read_bytes())
    return directory


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("kind", ["path", "directory", "context", "off"])
async def test_verify(
    transport: TransportChoice,
    kind: str,
    ca: trustme.CA,
    ca_file: Path,
    ca_directory: Path,
    resolver: Resolver,
) -> None:
    resolver.add(API_HOST)
    verify = {
        "path": str(ca_file),
        "directory": ca_directory,
        "context": ssl.create_default_context(cafile=str(ca_file)),
        "off": False,
    }[kind]
    # verify=False: a certificate of a CA nobody trusts is accepted too.
    certificate_ca = trustme.CA() if kind == "off" else ca
    async with ApiOrigin(server_context(certificate_ca)) as origin:
        base_url = f"https://{API_HOST}:{origin.port}"
        await call(make(transport, base_url, verify=verify))
        with pytest.raises(APIConnectionError):  # and the default does not trust the test CA
            await call(make(transport, base_url))
    assert [r.method for r in origin.requests] == ["POST", "GET"]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_cert_gives_the_client_certificate_a_server_requires(
    transport: TransportChoice,
    ca: trustme.CA,
    ca_file: Path,
    resolver: Resolver,
    tmp_path: Path,
) -> None:
    resolver.add(API_HOST)
    client_certificate = ca.issue_cert("partner@thredfi.test")
    both = tmp_path / "client.pem"
    client_certificate.private_key_and_cert_chain_pem.write_to_path(str(both))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    client_certificate.cert_chain_pems[0].write_to_path(str(cert_file))
    client_certificate.private_key_pem.write_to_path(str(key_file))
    async with ApiOrigin(server_context(ca, client_certificates=True)) as origin:
        base_url = f"https://{API_HOST}:{origin.port}"
        with pytest.raises(APIConnectionError):
            await call(make(transport, base_url, verify=str(ca_file)))
        assert origin.requests == []
        await call(make(transport, base_url, verify=str(ca_file), cert=str(both)))
        await call(make(transport, base_url, verify=str(ca_file), cert=(cert_file, key_file)))
    assert [r.method for r in origin.requests] == ["POST", "GET", "POST", "GET"]


# -- a proxy's refusals ----------------------------------------------------------------------------


def assert_names_the_proxy_only(error: APIConnectionError, proxy: ForwardProxy) -> None:
    texts = carried_texts(error)
    assert proxy.url in str(error)
    assert not [text for text in texts if PROXY_PASSWORD in text or "egress:" in text]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_tunnel_refused_for_credentials_is_a_typed_error_naming_the_proxy(
    transport: TransportChoice, ca: trustme.CA, ca_file: Path
) -> None:
    async with (
        ApiOrigin(server_context(ca)) as origin,
        ForwardProxy(credentials=(PROXY_USER, "another")) as proxy,
    ):
        client = make(
            transport,
            f"https://{API_HOST}:{origin.port}",
            proxy=proxy.url_with(PROXY_USER, PROXY_PASSWORD),
            verify=str(ca_file),
        )
        with pytest.raises(APIConnectionError, match="407") as info:
            await call(client)
    assert_names_the_proxy_only(info.value, proxy)
    assert origin.requests == []


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_forward_proxys_407_is_a_typed_error_naming_the_proxy(
    transport: TransportChoice,
) -> None:
    async with ApiOrigin() as origin, ForwardProxy(credentials=(PROXY_USER, "another")) as proxy:
        client = make(
            transport,
            f"http://127.0.0.1:{origin.port}",
            proxy=proxy.url_with(PROXY_USER, PROXY_PASSWORD),
        )
        with pytest.raises(APIConnectionError, match="407") as info:
            await call(client)
    assert_names_the_proxy_only(info.value, proxy)
    assert origin.requests == []


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_refused_tunnel_is_a_typed_error(
    transport: TransportChoice, ca: trustme.CA, ca_file: Path
) -> None:
    async with ApiOrigin(server_context(ca)) as origin, ForwardProxy(refuse_tunnels=True) as proxy:
        client = make(
            transport, f"https://{API_HOST}:{origin.port}", proxy=proxy.url, verify=str(ca_file)
        )
        with pytest.raises(APIConnectionError, match="403") as info:
            await call(client)
    assert proxy.url in str(info.value)
    assert origin.requests == []


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("echoed", ["GET", "POST", "CONNECT"])  # API call, token, tunnel
async def test_a_proxy_echoing_its_credentials_into_an_error_leaks_nothing(
    transport: TransportChoice, echoed: str, ca: trustme.CA, ca_file: Path
) -> None:
    """The proxy's password is one of the client's secrets: redacted from what an error keeps
    (message, body, headers, reason phrase, response) like the API key."""
    tunnel = echoed == "CONNECT"
    async with (
        ApiOrigin(server_context(ca) if tunnel else None) as origin,
        ForwardProxy(echo=(echoed,)) as proxy,
    ):
        client = make(
            transport,
            f"https://{API_HOST}:{origin.port}" if tunnel else f"http://127.0.0.1:{origin.port}",
            proxy=proxy.url_with(PROXY_USER, PROXY_PASSWORD),
            verify=str(ca_file),
        )
        with pytest.raises(APIConnectionError if tunnel else APIStatusError) as info:
            await call(client)
    basic = base64.b64encode(f"{PROXY_USER}:{PROXY_PASSWORD}".encode()).decode()
    assert leaked(info.value, [PROXY_PASSWORD, basic]) == []
    if tunnel:
        assert "502" in str(info.value)
        return
    assert isinstance(info.value, APIStatusError)
    assert info.value.status_code == 502
    if echoed == "GET":  # (a token endpoint's body that is not JSON is withheld whole)
        assert "[redacted]" in str(info.value.body)
    assert leaked(info.value, [PROXY_PASSWORD, basic]) == []
    assert proxy.requests[-1].headers["proxy-authorization"] == f"Basic {basic}"


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "answer",
    [
        b"HTTP/1.1 200 Connection established\r\n\r\nnot TLS",  # bytes before the handshake
        b"SSH-2.0-OpenSSH_9.6\r\n\r\n",  # no HTTP answer
        b"HTTP/1.1 200 OK\r\nX-Filler: " + b"a" * 70_000,  # a head that never ends
        b"HTTP/1.1 200 OK\r\n",  # cut short
    ],
    ids=["bytes-after", "not-http", "endless-head", "cut-short"],
)
async def test_a_broken_answer_to_connect_is_a_typed_error(
    transport: TransportChoice, answer: bytes
) -> None:
    """Whatever a proxy answers to CONNECT, the call fails with a typed error, and nothing of
    the request (its credentials) is sent into a tunnel that was not granted."""
    received: list[bytes] = []

    async def answer_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            received.append(await reader.readuntil(b"\r\n\r\n"))
            writer.write(answer)
            await writer.drain()
            received.append(await asyncio.wait_for(reader.read(65536), 0.5))
        except (OSError, TimeoutError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer_connect, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        client = make(
            transport, f"https://{API_HOST}:443", proxy=f"http://127.0.0.1:{port}", timeout=3.0
        )
        with pytest.raises(APIConnectionError):
            await call(client)
    assert received[0].startswith(b"CONNECT api.thredfi.test:443 HTTP/1.1\r\n")
    assert not any(b"Authorization: Basic" in chunk for chunk in received)
