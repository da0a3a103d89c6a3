"""Fixtures of the environment suite: a test CA (``trustme``), a name resolver that maps the
suite's host names to 127.0.0.1 (and refuses every other name), and a clean environment.

Nothing here reaches beyond loopback: the resolver answers only for the names a test gave it,
and every server a test starts listens on 127.0.0.1.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import trustme

from ..support.resolver import Resolver

#: Variables that would route or verify differently: cleared for every test of the suite.
ENVIRONMENT = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "THREDFI_TRANSPORT",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def resolver(monkeypatch: pytest.MonkeyPatch) -> Resolver:
    fake = Resolver()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path
