"""A name resolver for the environment suite: the names a test gives resolve to 127.0.0.1,
every other name fails at once (nothing is looked up beyond this process)."""

from __future__ import annotations

import socket
from typing import Any

__all__ = ["Resolver"]


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
