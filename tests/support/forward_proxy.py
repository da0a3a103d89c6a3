"""A small HTTP forward proxy on 127.0.0.1 for the environment suite: absolute-form requests
(``GET http://host:port/path``) and ``CONNECT`` tunnels, recording the head of every request
that reached it.

Whatever host a request names, the proxy connects to 127.0.0.1 on that request's port: the
suite's origins listen there, and nothing ever leaves loopback. Every connection is bounded in
time (``LIFETIME`` seconds) and closed by :meth:`ForwardProxy.stop`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
from dataclasses import dataclass, field

__all__ = ["ForwardProxy", "ProxiedRequest"]

#: Seconds a client connection (and its tunnel) may last at most.
LIFETIME = 15.0


@dataclass
class ProxiedRequest:
    """The head of one request the proxy received."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case


class ForwardProxy:
    """``async with ForwardProxy() as proxy``: ``proxy.url``, ``proxy.requests``.

    Args:
        credentials: ``(user, password)`` the proxy demands in ``Proxy-Authorization``
            (answering ``407`` without them), or None for an open proxy.
        refuse_tunnels: answer every ``CONNECT`` with ``403 Forbidden``.
        echo: answer every request of these methods (``CONNECT`` too) with ``502 Bad Gateway`` whose
            body, a header and reason phrase echo the request's head (``Proxy-Authorization``
            included), as a careless proxy's error page might.
    """

    def __init__(
        self,
        *,
        credentials: tuple[str, str] | None = None,
        refuse_tunnels: bool = False,
        echo: tuple[str, ...] = (),
    ) -> None:
        self._echo = echo
        self.requests: list[ProxiedRequest] = []
        self._expected = (
            "Basic " + base64.b64encode(":".join(credentials).encode()).decode()
            if credentials is not None
            else None
        )
        self._refuse_tunnels = refuse_tunnels
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url_with(self, user: str, password: str) -> str:
        return f"http://{user}:{password}@127.0.0.1:{self.port}"

    async def __aenter__(self) -> ForwardProxy:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def stop(self) -> None:
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
                await self._one(reader, writer)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:  # stopped: asyncio's stream callback must not see it
            pass
        finally:
            writer.close()
            self._tasks.discard(task)

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        self.requests.append(ProxiedRequest(method, target, headers))
        if self._expected is not None and headers.get("proxy-authorization") != self._expected:
            writer.write(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n'
                b"Connection: close\r\n\r\n"
            )
            await writer.drain()
            return
        if method in self._echo:
            seen = head.decode("latin-1").replace("\r\n", " | ").encode("latin-1")
            writer.write(
                b"HTTP/1.1 502 %s\r\nX-Echo: %s\r\nContent-Type: text/plain\r\n"
                b"Content-Length: %d\r\nConnection: close\r\n\r\n%s"
                % (seen[-200:], seen, len(seen), seen)
            )
            await writer.drain()
            return
        if method == "CONNECT":
            if self._refuse_tunnels:
                writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
            port = int(target.rsplit(":", 1)[1])
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await _relay(reader, writer, up_reader, up_writer)
            return
        # Absolute form: to the origin in origin form, one request per connection.
        rest = target.split("://", 1)[1]
        authority, _, path = rest.partition("/")
        port = int(authority.rsplit(":", 1)[1]) if ":" in authority else 80
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        forwarded = [f"{method} /{path} HTTP/1.1"]
        forwarded += [
            line
            for line in lines[1:]
            if line
            and line.split(":", 1)[0].strip().lower() not in ("proxy-authorization", "connection")
        ]
        forwarded.append("Connection: close")
        up_writer.write(("\r\n".join(forwarded) + "\r\n\r\n").encode("latin-1"))
        length = int(headers.get("content-length", "0"))
        if length:
            up_writer.write(await reader.readexactly(length))
        await _relay(reader, writer, up_reader, up_writer)


async def _relay(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    up_reader: asyncio.StreamReader,
    up_writer: asyncio.StreamWriter,
) -> None:
    """Copy bytes both ways until either side closes."""

    async def copy(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()

    try:
        tasks = [
            asyncio.ensure_future(copy(reader, up_writer)),
            asyncio.ensure_future(copy(up_reader, writer)),
        ]
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
    finally:
        up_writer.close()
