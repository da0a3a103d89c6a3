"""Fixtures of the environment suite: a test CA (``trustme``), a name resolver that maps the
suite's host names to 127.0.0.1 (and refuses every other name), and a clean environment.

Nothing here reaches beyond loopback: the resolver answers only for the names a test gave it,
and every server a test starts listens on 127.0.0.1.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import trustme

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


class Resolver:
    """``socket.getaddrinfo`` for the suite: each name a test added resolves to 127.0.0.1;
    every other name (but loopback) fails at once.

    A ``str`` host is encoded as the ``socket`` module encodes it (IDNA 2003), so a look-alike
    is resolved as the real module would resolve it. ``asked`` lists the names looked up.
    """

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.asked: list[str] = []
        self._real = socket.getaddrinfo

    def add(self, *names: str) -> None:
        self.names.update(names)

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and not host.isascii():
            host = host.encode("idna")
        if isinstance(host, bytes):
            host = host.decode("ascii")
        self.asked.append(str(host))
        if host in self.names or host in ("127.0.0.1", "localhost"):
            return self._real("127.0.0.1", port, socket.AF_INET, *args[1:], **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"{host} is not a name of this test")


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
