"""What a real network does to a connection, done to the one a request arrived on.

ASGI has no message for "close the socket without answering", "reset it" or "write these bytes
as they are": an app can only send a well-formed response. Under uvicorn the ``send`` callable an
app receives is a bound method of the connection's request cycle, whose ``transport`` attribute is
the connection's ``asyncio.Transport``; these functions act on that transport directly (FIN,
``SO_LINGER=0`` + ``abort()`` for an RST, ``write()`` of raw bytes), then mark the cycle
disconnected so uvicorn neither logs nor tries to send a 500 of its own. In process
(``httpx.ASGITransport``) there is no socket: they raise :class:`SandboxConnectionDropped`, a
subclass of the exception httpx raises over a socket in the same situation.

:func:`wait` is how faults take time: it ends early when the client disconnects (so a stall or
a long delay never outlives its client) or when the server shuts down (:class:`StopSignal`), so
stopping a server with delayed requests in flight is immediate and quiet.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Literal

import httpx

__all__ = [
    "SandboxConnectionDropped",
    "StopSignal",
    "WaitOutcome",
    "close",
    "has_socket",
    "require_socket",
    "reset",
    "wait",
    "write_raw",
]

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
WaitOutcome = Literal["elapsed", "disconnected", "stopping"]

# Time for the client to read what was sent before the RST discards its receive queue.
_RESET_PAUSE = 0.02


class SandboxConnectionDropped(httpx.RemoteProtocolError):
    """Raised in process (``httpx.ASGITransport``) where a real server would close the socket.

    It subclasses :class:`httpx.RemoteProtocolError`, which is what httpx raises over a real
    socket when the server disconnects without answering, so code under test sees the same
    exception family in both modes.
    """


def _cycle(send: Send) -> Any:
    return getattr(send, "__self__", None)


def _transport(send: Send) -> asyncio.Transport | None:
    transport = getattr(_cycle(send), "transport", None)
    return transport if isinstance(transport, asyncio.Transport) else None


def has_socket(send: Send) -> bool:
    """Whether the request came over a socket these functions can act on (uvicorn)."""
    return _transport(send) is not None


def require_socket(send: Send, what: str) -> asyncio.Transport:
    """The request's transport; in process, raise what a client would see for ``what``."""
    transport = _transport(send)
    if transport is None:
        raise SandboxConnectionDropped(f"Sandbox fault ({what}): {_IN_PROCESS[what]}")
    return transport


_IN_PROCESS = {
    "drop": "server disconnected without sending a response.",
    "truncate": "peer closed connection without sending complete message body.",
    "reset": "connection reset by peer while reading the response body.",
    "stall": "server held the connection without answering, then closed it.",
    "raw": "raw bytes need a socket; serve the sandbox with SandboxServer.",
}


def _mark_disconnected(send: Send) -> None:
    # uvicorn's connection_lost would set this a loop iteration (or a flush) later; until then it
    # would think the app "returned without starting a response" and answer 500 itself.
    cycle = _cycle(send)
    if cycle is not None and hasattr(cycle, "disconnected"):
        cycle.disconnected = True


async def close(send: Send, what: Literal["drop", "truncate", "stall"] = "drop") -> None:
    """Close the connection (FIN) after whatever was already sent."""
    transport = require_socket(send, what)
    transport.close()
    _mark_disconnected(send)
    await asyncio.sleep(0)


async def reset(send: Send) -> None:
    """Reset the connection (TCP RST) after a short pause for the client to read."""
    transport = require_socket(send, "reset")
    await asyncio.sleep(_RESET_PAUSE)
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    _mark_disconnected(send)
    await asyncio.sleep(0)


async def write_raw(send: Send, data: bytes) -> None:
    """Write ``data`` to the socket as it is (no HTTP framing), then close the connection."""
    transport = require_socket(send, "raw")
    transport.write(data)
    transport.close()  # flushes the write buffer first
    _mark_disconnected(send)
    await asyncio.sleep(0)


class StopSignal:
    """Ends every pending :func:`wait` at once when the server serving the sandbox stops.

    Futures may belong to another thread's loop than the caller of :meth:`stop` (thread-mode
    ``SandboxServer``), so they are resolved through ``call_soon_threadsafe``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[asyncio.Future[None]] = set()
        self._stopping = False

    @property
    def stopping(self) -> bool:
        """True from :meth:`stop` until :meth:`rearm`."""
        return self._stopping

    def stop(self) -> None:
        """End every pending wait, and the ones that start before :meth:`rearm`."""
        with self._lock:
            self._stopping = True
            waiters = list(self._waiters)
        for future in waiters:
            with contextlib.suppress(RuntimeError):  # that loop is already closed
                future.get_loop().call_soon_threadsafe(_resolve, future)

    def rearm(self) -> None:
        """Serve again: waits last their full time."""
        with self._lock:
            self._stopping = False

    def _register(self) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        with self._lock:
            self._waiters.add(future)
            if self._stopping:
                _resolve(future)
        return future

    def _unregister(self, future: asyncio.Future[None]) -> None:
        with self._lock:
            self._waiters.discard(future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


async def _until_disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def wait(seconds: float, receive: Receive, stop: StopSignal) -> WaitOutcome:
    """Wait ``seconds``, or less if the client disconnects or the server stops.

    ``receive`` must be the server's own: the request body has been read already, so its next
    message is ``http.disconnect``, sent when the client goes away (uvicorn, and in process once
    the response is complete).
    """
    if seconds <= 0:
        return "stopping" if stop.stopping else "elapsed"
    stopped = stop._register()
    gone = asyncio.ensure_future(_until_disconnected(receive))
    try:
        done, _ = await asyncio.wait(
            {stopped, gone}, timeout=seconds, return_when="FIRST_COMPLETED"
        )
    finally:
        stop._unregister(stopped)
        gone.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await gone
    if stopped in done:
        return "stopping"
    if gone in done:
        return "disconnected"
    return "elapsed"
