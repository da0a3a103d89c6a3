"""Serve a Sandbox over a real loopback socket with uvicorn."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import uvicorn

from ._connection import StopSignal
from ._sandbox import Sandbox

__all__ = ["SandboxServer"]

#: The only interface the sandbox ever listens on.
LOOPBACK = "127.0.0.1"
_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0


class _QuietServer(uvicorn.Server):
    """A uvicorn server that leaves process signal handlers alone and stops promptly.

    uvicorn installs SIGINT/SIGTERM handlers while serving in the main thread and re-raises the
    signal afterwards; a test's server must not take over Ctrl-C, and the CLI handles signals
    itself so that it can exit 0. On shutdown it first ends the sandbox's pending fault waits
    (delays, stalls), so requests in flight finish at once instead of being cancelled (with
    tracebacks) when uvicorn's graceful-shutdown timeout runs out.
    """

    def __init__(self, config: uvicorn.Config, stop: StopSignal) -> None:
        super().__init__(config)
        self._stop = stop

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        self._stop.rearm()
        await super().startup(sockets)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._stop.stop()
        await super().shutdown(sockets)


def bind_loopback(port: int = 0) -> socket.socket:
    """A listening-ready TCP socket bound to 127.0.0.1:``port`` (0 picks a free port)."""
    # proto=IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on connections whose proto says
    # TCP, and without it a kept-alive client waits ~40 ms (a delayed ACK) for every response.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def make_server(sandbox: Sandbox, **config: Any) -> _QuietServer:
    """A uvicorn server for ``sandbox.app`` (no lifespan, quiet logs, bounded shutdown)."""
    options: dict[str, Any] = {
        "log_level": "warning",
        "lifespan": "off",
        "timeout_graceful_shutdown": 2,
        "access_log": False,
        # h11 (uvicorn's own dependency), not httptools when installed: the socket-level
        # faults reach its request cycle's transport, and behaviour must not depend on extras.
        "http": "h11",
    }
    options.update(config)
    return _QuietServer(uvicorn.Config(sandbox.app, **options), sandbox.app.stop_signal)


class SandboxServer:
    """Run a :class:`Sandbox` on ``127.0.0.1`` on a free port, as a context manager.

    Two ways to use it:

    * ``with SandboxServer(sandbox) as server:`` runs uvicorn in a background thread with its
      own event loop, so synchronous code and any async test loop can talk to it;
    * ``async with SandboxServer(sandbox) as server:`` runs uvicorn as a task on the current
      event loop.

    Either way ``server.base_url`` is ``http://127.0.0.1:<port>`` and the server is stopped on
    exit: requests held by a fault (``delay``, ``stall``...) end at once, their connections
    closed; a request still being handled gets up to 2 seconds.

    Args:
        sandbox: The sandbox to serve; a fresh ``Sandbox()`` when omitted.
        port: The port to listen on; 0 (default) picks a free one.
    """

    def __init__(self, sandbox: Sandbox | None = None, *, port: int = 0) -> None:
        self.sandbox = sandbox if sandbox is not None else Sandbox()
        self._port = port
        self._sock: socket.socket | None = None
        self._server: _QuietServer | None = None
        self._thread: threading.Thread | None = None
        self._task: asyncio.Task[None] | None = None
        self._thread_error: BaseException | None = None

    @property
    def port(self) -> int:
        """The port the server listens on (after start)."""
        if self._sock is None:
            raise RuntimeError("the server is not running")
        port: int = self._sock.getsockname()[1]
        return port

    @property
    def open_connections(self) -> int:
        """Client connections the server holds open now (idle keep-alive ones included)."""
        if self._server is None:
            raise RuntimeError("the server is not running")
        return len(self._server.server_state.connections)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``: the base URL to give a client."""
        return f"http://{LOOPBACK}:{self.port}"

    def _prepare(self) -> _QuietServer:
        if self._server is not None:
            raise RuntimeError("SandboxServer is already running")
        self._sock = bind_loopback(self._port)
        self._server = make_server(self.sandbox)
        return self._server

    # -- thread mode

    def start(self) -> SandboxServer:
        """Start serving in a background thread; returns once the socket accepts requests."""
        server = self._prepare()
        assert self._sock is not None
        sock = self._sock

        def run() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            except BaseException as exc:  # reported by start() / stop()
                self._thread_error = exc

        self._thread = threading.Thread(target=run, name="thredfi-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"sandbox server did not start: {self._thread_error!r}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Stop the background-thread server and wait (bounded) for it to finish."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(_STOP_TIMEOUT)
            if self._thread.is_alive():
                assert self._server is not None
                self._server.force_exit = True
                self._thread.join(_STOP_TIMEOUT)
        self._close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- asyncio mode

    async def astart(self) -> SandboxServer:
        """Start serving as a task on the running loop; returns once it accepts requests."""
        server = self._prepare()
        assert self._sock is not None
        self._task = asyncio.create_task(server.serve(sockets=[self._sock]))
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if self._task.done() or time.monotonic() > deadline:
                await self.astop()
                raise RuntimeError("sandbox server did not start")
            await asyncio.sleep(0.005)
        return self

    async def astop(self) -> None:
        """Stop the in-loop server and wait (bounded) for its task."""
        if self._server is not None:
            self._server.should_exit = True
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), _STOP_TIMEOUT)
            except TimeoutError:
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task
        self._close()

    async def __aenter__(self) -> SandboxServer:
        return await self.astart()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.astop()

    def _close(self) -> None:
        if self._sock is not None:
            self._sock.close()
        self._sock = None
        self._server = None
        self._thread = None
        self._task = None
