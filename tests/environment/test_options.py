"""Bad ``proxy=``, ``verify=``, ``cert=`` and ``trust_env=`` values are refused when the client is
made, with a typed error naming the argument (and never a proxy's password); so is an
environment proxy no transport can use."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest

from thredfi_client import InvalidArgumentError, ThredfiClient
from thredfi_client._transports._tls import TlsSettings

from ..support import API_KEY, PARTNER_ID, TRANSPORTS


def make(**kwargs: object) -> ThredfiClient:
    return ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "argument", "words"),
    [
        ({"proxy": "ftp://127.0.0.1:21"}, "proxy", "ftp://"),
        ({"proxy": "socks5://127.0.0.1:1080"}, "proxy", "socks5://"),
        ({"proxy": "https://127.0.0.1:3128"}, "proxy", "https://"),
        ({"proxy": "127.0.0.1:3128"}, "proxy", "scheme"),
        ({"proxy": "http://u:SECRET-pw@[::1"}, "proxy", "valid proxy URL"),
        ({"proxy": 3128}, "proxy", "int"),
        ({"verify": "/no/such/ca.pem"}, "verify", "/no/such/ca.pem"),
        ({"verify": 1.0}, "verify", "float"),
        ({"verify": None}, "verify", "NoneType"),
        ({"verify": b"/etc/ssl/certs"}, "verify", "bytes"),
        ({"cert": "/no/such/client.pem"}, "cert", "/no/such/client.pem"),
        ({"cert": ("/no/such/cert.pem", "/no/such/key.pem")}, "cert", "/no/such/cert.pem"),
        ({"cert": 42}, "cert", "int"),
        ({"cert": ("/no/such/cert.pem", "/no/such/key.pem", 42)}, "cert", "password"),
        ({"cert": (b"/etc/cert.pem", b"/etc/key.pem")}, "cert", "bytes"),
        ({"proxy": httpx.Proxy("http://127.0.0.1:3128", headers={"X-T": "a\nb"})}, "proxy", "X-T"),
        ({"trust_env": "yes"}, "trust_env", "True or False"),
    ],
)
def test_a_bad_value_is_refused_naming_the_argument(
    kwargs: dict[str, object], argument: str, words: str
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        make(**kwargs)
    assert info.value.argument == argument
    assert words in str(info.value)
    assert "SECRET" not in str(info.value)


@pytest.mark.parametrize("argument", ["cert", "verify"])
def test_a_file_that_holds_no_certificate_is_refused(argument: str, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate\n")
    with pytest.raises(InvalidArgumentError, match=f"{argument}: cannot load") as info:
        make(**{argument: str(bogus)})
    assert info.value.argument == argument


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_an_environment_proxy_no_transport_speaks_is_refused(
    transport: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(InvalidArgumentError, match=r"environment.*socks5://") as info:
        make(transport=transport)
    assert info.value.argument == "proxy"
    make(transport=transport, trust_env=False)  # ignored when the environment is not trusted


@pytest.mark.parametrize("verify", [True, False])
def test_options_given_beside_a_transport_instance_are_refused(verify: bool) -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(204))
    kwargs: dict[str, object] = (
        {"proxy": "http://127.0.0.1:3128"} if verify else {"verify": ssl.create_default_context()}
    )
    with pytest.raises(InvalidArgumentError, match="transport instance"):
        make(transport=mock, **kwargs)


def test_the_proxy_password_is_redacted_from_what_the_client_reports() -> None:
    client = make(proxy="http://egress:SECRET-redact-me@127.0.0.1:3128")
    assert client.auth.redact("said SECRET-redact-me") == "said [redacted]"
    assert "SECRET" not in repr(client)


def test_a_ca_bundle_from_the_environment_that_is_missing_or_unreadable_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    with pytest.raises(InvalidArgumentError, match=r"\$SSL_CERT_FILE\): no CA bundle") as info:
        make()
    assert info.value.argument == "verify"
    make(trust_env=False)  # not read then
    # A file that holds no certificate is found when the context is made: on the first
    # https:// connection of a default client (at once when verify= or cert= is given).
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(bogus))
    settings = TlsSettings()
    with pytest.raises(InvalidArgumentError, match=r"\$SSL_CERT_FILE\): cannot load"):
        settings.context()
