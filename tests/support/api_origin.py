"""A tiny Thredfi API origin on 127.0.0.1 for the environment suite, plain or TLS (a ``trustme``
CA's certificate, optionally requiring a client certificate): it issues partner tokens and
answers ``GET`` of a customer, keeps connections alive, and records every request's head and
the server name (SNI) of every TLS handshake.

Bounded: a connection carries at most ``MAX_REQUESTS`` requests and lives ``LIFETIME`` seconds
at most; :meth:`ApiOrigin.stop` closes everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from .constants import TOKEN_PREFIX

__all__ = ["ApiOrigin", "OriginRequest"]

LIFETIME = 15.0
MAX_REQUESTS = 50
_CUSTOMER = (
    Path(__file__).parents[1] / "fixtures" / "seed_examples" / "create_customer_201.json"
).read_bytes()
_TOKEN = json.dumps(
    {"access_token": f"{TOKEN_PREFIX}origin", "token_type": "Bearer", "expires_in": 3600}
).encode()


@dataclass
class OriginRequest:
    """The head of one request the origin received."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    server_name: str | None = None  # the SNI of its connection


class ApiOrigin:
    """``async with ApiOrigin(ssl_context) as origin``: ``origin.port``, ``origin.requests``,
    ``origin.server_names`` (SNI of each handshake; None when the client sent none).

    ``by_name`` maps a server name to the context (certificate) served to a client naming it
    in SNI: one server on 127.0.0.1 plays several hosts.
    """

    def __init__(
        self,
        ssl_context: ssl.SSLContext | None = None,
        by_name: dict[str, ssl.SSLContext] | None = None,
    ) -> None:
        self.requests: list[OriginRequest] = []
        self.server_names: list[str | None] = []
        self._ssl = ssl_context
        self._by_name = by_name or {}
        self._names: dict[int, str | None] = {}  # id of an SSLObject -> its SNI
        if ssl_context is not None:
            ssl_context.sni_callback = self._sni
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    def _sni(self, connection: ssl.SSLObject, name: str | None, _: ssl.SSLContext) -> None:
        self.server_names.append(name)
        self._names[id(connection)] = name
        if name in self._by_name:
            connection.context = self._by_name[name]

    async def __aenter__(self) -> ApiOrigin:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self._ssl)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=5)
        if self._server is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), 5)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            async with asyncio.timeout(LIFETIME):
                for _ in range(MAX_REQUESTS):
                    if not await self._one(reader, writer):
                        break
        except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:  # stopped: asyncio's stream callback must not see it
            pass
        finally:
            writer.close()
            self._tasks.discard(task)

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        tls = writer.get_extra_info("ssl_object")
        server_name = self._names.get(id(tls)) if tls is not None else None
        self.requests.append(OriginRequest(method, target, headers, server_name))
        length = int(headers.get("content-length", "0"))
        if length:
            await reader.readexactly(length)
        body = _TOKEN if target.endswith("/oauth2/token/") else _CUSTOMER
        close = headers.get("connection", "").lower() == "close"
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n%s"
            % (len(body), b"Connection: close\r\n" if close else b"", body)
        )
        await writer.drain()
        return not close
