"""Proof by comparison: the native transport reads what httpx's own transport reads.

Generated responses -- valid and malformed: framing, chunking, heads, early closes, interim
(1xx) responses, stray bytes after the response, obs-folded lines, bare-LF line ends,
``Content-Length`` with ``Transfer-Encoding``, duplicate lengths, bad chunk sizes -- are served
as exact bytes by a raw-socket server on 127.0.0.1, once to the native transport and once to
``httpx.AsyncHTTPTransport`` (httpcore and h11). Both must give the same result (status,
headers, body) or both a typed error (an ``httpx.TransportError``). The cases where they differ
on purpose are in ``DIFFERENT_ON_PURPOSE``, each with its reason (and in docs/architecture.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thredfi_client._transports._native import NativeTransport

#: Seconds a transport waits for a byte: a response that never ends is a timeout on both.
PATIENCE = 0.5
#: One TLS context for every httpx transport made (loading the roots each time is slow).
TLS = httpx.create_ssl_context()


# -- the cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One response, as bytes, and what is in it (to name deliberate differences)."""

    data: bytes
    traits: frozenset[str]


HEADERS = [
    (b"Content-Type", b"application/json"),
    (b"X-Request-Id", b"req_123"),
    (b"Cache-Control", b"no-store, private"),
    (b"X-Empty", b""),
    (b"X-Spaces", b"a  b"),
    (b"Set-Cookie", b"a=1; Path=/"),
    (b"Set-Cookie", b"b=2"),
    (b"X-Latin", b"caf\xe9"),
]
BODIES = [b"", b"{}", b'{"id": "abc"}', b"x" * 300]
#: Each trait a case may have, as the generator names it.
FRAMINGS = (
    "length",  # Content-Length, exact
    "length-short",  # Content-Length smaller than what follows (stray bytes after)
    "length-long",  # Content-Length larger than what comes (the connection closes early)
    "chunked",
    "chunked-ext",  # a chunk extension
    "chunked-bad-size",
    "chunked-cut",  # the connection closes inside the chunks
    "chunked-no-crlf",  # chunk data not followed by CRLF
    "chunked-trailers",
    "close-delimited",  # neither: the body ends with the connection
    "length-and-chunked",  # Content-Length with Transfer-Encoding: chunked
    "duplicate-length-same",
    "duplicate-length-different",
    "length-list",  # Content-Length: 2, 2
    "length-garbage",  # Content-Length: 1x
    "te-gzip-chunked",  # Transfer-Encoding: gzip, chunked (no gzip)
    "te-identity",
)


def _chunks(body: bytes, *, ext: bool = False) -> bytes:
    pieces = [body[i : i + 100] for i in range(0, len(body), 100)]
    out = b"".join(b"%x%s\r\n%s\r\n" % (len(p), b";name=value" if ext else b"", p) for p in pieces)
    return out + b"0\r\n\r\n"


@st.composite
def cases(draw: st.DrawFn) -> Case:
    traits: set[str] = set()
    status = draw(st.sampled_from([200, 200, 201, 204, 304, 404, 500]))
    version = draw(st.sampled_from([b"HTTP/1.1", b"HTTP/1.1", b"HTTP/1.0"]))
    if version == b"HTTP/1.0":
        traits.add("http/1.0")
    reason = draw(st.sampled_from([b"OK", b"", b"Some Reason"]))
    headers = draw(st.lists(st.sampled_from(HEADERS), max_size=4))
    body = draw(st.sampled_from(BODIES))
    framing = draw(st.sampled_from(FRAMINGS))
    traits.add(framing)
    framing_headers: list[tuple[bytes, bytes]] = []
    payload = body
    if framing in ("length", "length-short", "length-long"):
        length = len(body) + {"length": 0, "length-short": -1, "length-long": 5}[framing]
        framing_headers = [(b"Content-Length", b"%d" % max(length, 0))]
    elif framing.startswith("chunked") or framing.startswith("te-"):
        value = {"te-gzip-chunked": b"gzip, chunked", "te-identity": b"identity"}.get(
            framing, b"chunked"
        )
        framing_headers = [(b"Transfer-Encoding", value)]
        payload = _chunks(body, ext=framing == "chunked-ext")
        if framing == "chunked-bad-size":
            payload = b"zz\r\n" + payload
        elif framing == "chunked-cut":
            payload = payload[: len(payload) // 2]
        elif framing == "chunked-no-crlf":
            payload = b"2\r\nabXX0\r\n\r\n"
        elif framing == "chunked-trailers":
            payload = payload[:-2] + b"X-Trailer: t\r\n\r\n"
        elif framing == "te-identity":
            payload = body
    elif framing == "length-and-chunked":
        framing_headers = [
            (b"Content-Length", b"%d" % len(body)),
            (b"Transfer-Encoding", b"chunked"),
        ]
        payload = _chunks(body)
    elif framing.startswith("duplicate-length"):
        other = len(body) if framing.endswith("same") else len(body) + 1
        framing_headers = [
            (b"Content-Length", b"%d" % len(body)),
            (b"Content-Length", b"%d" % other),
        ]
    elif framing == "length-list":
        framing_headers = [(b"Content-Length", b"%d, %d" % (len(body), len(body)))]
    elif framing == "length-garbage":
        framing_headers = [(b"Content-Length", b"%dx" % len(body))]
    all_headers = headers + framing_headers
    all_headers = draw(st.permutations(all_headers))
    newline = b"\r\n"
    if draw(st.booleans()) and draw(st.booleans()):
        newline = b"\n"
        traits.add("bare-lf")
    lines = [version + b" %d " % status + reason]
    fold_at = draw(st.integers(min_value=-1, max_value=len(all_headers) - 1)) if all_headers else -1
    for index, (name, value) in enumerate(all_headers):
        if index == fold_at and draw(st.booleans()):
            traits.add("obs-fold")
            if name.lower() in (b"content-length", b"transfer-encoding"):
                traits.add("folded-framing")
            lines.append(name + b":")
            lines.append(b" " + value)
        else:
            lines.append(name + b": " + value)
    head = newline.join(lines) + newline + newline
    if draw(st.integers(0, 5)) == 0:
        traits.add("interim")
        head = b"HTTP/1.1 100 Continue\r\n\r\n" + head
    data = head + payload
    extra = draw(st.sampled_from(["none", "none", "none", "stray", "cut"]))
    if extra == "stray":
        traits.add("stray")
        data += b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstray"
    elif extra == "cut":
        traits.add("cut")
        data = data[: draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))]
    return Case(data, frozenset(traits))


# -- the server ----------------------------------------------------------------------------------


class _Handler(socketserver.BaseRequestHandler):
    """Reads one request head, writes the case's bytes, closes."""

    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(5)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                return
            head += chunk
        case_id = head.split(b" ", 2)[1].rsplit(b"/", 1)[-1].decode()
        sock.sendall(self.server.cases[case_id])
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(1)
        with contextlib.suppress(OSError):
            while sock.recv(4096):  # until the client closes: no RST under unread bytes
                pass


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.cases: dict[str, bytes] = {}
        self.count = 0

    def url_for(self, data: bytes) -> str:
        self.count += 1
        case_id = str(self.count)
        self.cases[case_id] = data
        return f"http://127.0.0.1:{self.server_address[1]}/case/{case_id}"


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


# -- the comparison ------------------------------------------------------------------------------

Outcome = tuple[int, list[tuple[str, str]], bytes] | str


async def _outcome(transport: httpx.AsyncBaseTransport, url: str) -> Outcome:
    """(status, headers, body), or "error" for a typed error; anything else propagates."""
    timeout = {"connect": PATIENCE, "read": PATIENCE, "write": PATIENCE, "pool": PATIENCE}
    try:
        async with transport:
            response = await transport.handle_async_request(
                httpx.Request("GET", url, extensions={"timeout": timeout})
            )
            try:
                body = await response.aread()
            finally:
                await response.aclose()
    except httpx.TransportError:
        return "error"
    headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in response.headers.raw]
    return response.status_code, headers, body


async def _both(server: _Server, case: Case) -> tuple[Outcome, Outcome]:
    native = await _outcome(NativeTransport(), server.url_for(case.data))
    reference = httpx.AsyncHTTPTransport(verify=TLS, retries=0)
    return native, await _outcome(reference, server.url_for(case.data))


#: Where the two differ on purpose: a trait of the case, the side that fails, and why.
DIFFERENT_ON_PURPOSE: dict[str, tuple[str, str]] = {
    # Smuggling defences (RFC 9112 6.3 lets a client treat these as errors): two parsers that
    # disagree on where a response ends are how responses get smuggled; native refuses them.
    "length-and-chunked": (
        "native",
        "Content-Length with Transfer-Encoding: h11 lets Transfer-Encoding win; native refuses",
    ),
    "duplicate-length-same": (
        "native",
        "two Content-Length headers, equal: h11 takes one; native refuses every duplicate",
    ),
    "length-list": (
        "native",
        "Content-Length '2, 2' (RFC 9110 8.6: take one value or refuse): h11 takes one; "
        "native refuses, as for duplicate headers",
    ),
    "folded-framing": (
        "native",
        "Content-Length or Transfer-Encoding continued on an obs-folded line: h11 unfolds it; "
        "native accepts obs-fold everywhere else but never lets framing hang on a fold",
    ),
    # Two responses to one request: which one answers it cannot be told.
    "stray": (
        "native",
        "a second response right behind the one asked for (a stray, from the server or a "
        "proxy): h11 hands over the first; native fails the request rather than guess "
        "(retried when it may be repeated)",
    ),
    # Transfer codings: h11 knows only chunked and refuses any other.
    "te-gzip-chunked": (
        "httpx",
        "Transfer-Encoding 'gzip, chunked': native frames by the final chunked (RFC 9112 6.1) "
        "and passes the coded bytes on, which the SDK then fails to parse; h11 refuses",
    ),
    "te-identity": (
        "httpx",
        "Transfer-Encoding 'identity' (not chunked): native reads the body to the connection's "
        "end (RFC 9112 6.3, item 4); h11 refuses",
    ),
}


def _explained(case: Case, native: Outcome, reference: Outcome) -> bool:
    failing = "native" if native == "error" else "httpx" if reference == "error" else None
    return any(
        trait in case.traits and side == failing
        for trait, (side, _) in DIFFERENT_ON_PURPOSE.items()
    )


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=cases())
def test_native_reads_what_httpx_reads(server: _Server, case: Case) -> None:
    native, reference = asyncio.run(_both(server, case))
    if native != reference and not _explained(case, native, reference):
        pytest.fail(
            f"native and httpx differ on {case.data!r} ({sorted(case.traits)}):\n"
            f"  native: {native!r}\n  httpx:  {reference!r}"
        )
