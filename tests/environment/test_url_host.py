"""The host the URL names is the host the SDK connects to, names in SNI and checks the
certificate of: its ASCII form (IDNA 2008 / UTS 46, ``httpx.URL.raw_host``), on every transport.

Python's ``socket`` and ``ssl`` modules encode a Unicode host with IDNA 2003, which maps
``straße`` to ``strasse``: another domain, whose owner can hold a valid certificate for it. Here
both names resolve to 127.0.0.1, to one TLS server that shows each name the certificate of the
same CA for that name, and records which name each request came for: the credentials must be
sent only to the name the URL gives.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme

from thredfi_client import ThredfiClient
from thredfi_client._client import TransportChoice

from ..support import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID, TRANSPORTS
from ..support.api_origin import ApiOrigin
from ..support.resolver import Resolver

#: ``straße.example`` in IDNA 2008, and what IDNA 2003 makes of it.
ASCII_HOST = "xn--strae-oqa.example"
LOOKALIKE = "strasse.example"


def server_context(ca: trustme.CA, name: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(name).configure_cert(context)
    return context


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("host", [ASCII_HOST, "straße.example"])
async def test_credentials_reach_only_the_host_the_url_names(
    transport: TransportChoice,
    host: str,
    ca: trustme.CA,
    ca_file: Path,
    resolver: Resolver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    resolver.add(ASCII_HOST, LOOKALIKE)
    certificates = {name: server_context(ca, name) for name in (ASCII_HOST, LOOKALIKE)}
    async with ApiOrigin(server_context(ca, "default.example"), certificates) as origin:
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url=f"https://{host}:{origin.port}",
            transport=transport,
        )
        async with client:
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert [(r.method, r.server_name) for r in origin.requests] == [
        ("POST", ASCII_HOST),
        ("GET", ASCII_HOST),
    ]
    assert set(origin.server_names) == {ASCII_HOST}
    assert LOOKALIKE not in resolver.asked
    assert origin.requests[0].headers["authorization"].startswith("Basic ")
