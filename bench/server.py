"""A minimal HTTP/1.1 keep-alive server on 127.0.0.1 answering the benchmarks with canned JSON.

Raw asyncio protocol, no framework: it parses only the request line, ``Content-Length`` and
``Connection``, so it stays far cheaper per request than any client under test. Run it in its own
process (``python -m bench.server``); it prints its port on the first line of stdout and serves
until stdin closes or it receives SIGTERM.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from urllib.parse import parse_qs, urlsplit

from bench.payloads import customer_json, invoice_page_json, token_json


def _response(status: bytes, body: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


_TOKEN = _response(b"200 OK", token_json())
_CUSTOMER = _response(b"200 OK", customer_json())
_NOT_FOUND = _response(b"404 Not Found", json.dumps({"error_code": "not_found"}).encode())
#: Invoice list pages by (page, page_size), rendered on first use.
_PAGES: dict[tuple[int, int], bytes] = {}


def _invoice_page(path: bytes) -> tuple[bytes, float]:
    """The answer to a list-invoices request, and how long to wait before sending it
    (``delay_ms`` in the query: a server's time to produce a page)."""
    query = parse_qs(urlsplit(path.decode()).query)
    page = int(query.get("page", ["1"])[0])
    size = int(query.get("page_size", ["20"])[0])
    if (page, size) not in _PAGES:
        _PAGES[(page, size)] = _response(b"200 OK", invoice_page_json(page, size))
    return _PAGES[(page, size)], float(query.get("delay_ms", ["0"])[0]) / 1000


class _Http(asyncio.Protocol):
    def __init__(self) -> None:
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        # Bounded by the buffer: each pass consumes one complete request or stops.
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self._buffer[:end])
            length = 0
            close = False
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                lowered = name.strip().lower()
                if lowered == b"content-length":
                    length = int(value.strip())
                elif lowered == b"connection" and value.strip().lower() == b"close":
                    close = True
            if len(self._buffer) < end + 4 + length:
                return
            del self._buffer[: end + 4 + length]
            method, path = head.split(b" ", 2)[:2]
            assert self._transport is not None
            if method == b"POST" and path.endswith(b"/oauth2/token/"):
                self._transport.write(_TOKEN)
            elif method == b"GET" and b"/invoices/?" in path:
                answer, delay = _invoice_page(path)
                if delay:
                    # Requests on one connection are answered in order: one at a time here.
                    asyncio.get_running_loop().call_later(delay, self._transport.write, answer)
                else:
                    self._transport.write(answer)
            elif method == b"GET" and b"/customers/" in path:
                self._transport.write(_CUSTOMER)
            else:
                self._transport.write(_NOT_FOUND)
            if close:
                self._transport.close()
                return


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Http, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    # The parent holds our stdin open; EOF means it is gone, so we never outlive it.
    stdin = sys.stdin.fileno()
    loop.add_reader(stdin, lambda: None if os.read(stdin, 1) else stop.set())
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(_serve())
