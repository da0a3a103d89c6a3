"""Prism, the third-party OpenAPI mock server, serving ``openapi/thredfi.yaml`` on loopback.

Two session-wide instances: a *validating* one answering with the spec's static examples, and a
*dynamic* one (``-d``) answering with random schema-valid bodies. Both validate every request
(security schemes included) and flag violations in an ``sl-violations`` header. A missing Prism
binary fails the run: CI must never skip the contract tests silently.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PRISM = ROOT / "tools" / "node" / "node_modules" / ".bin" / "prism"
SPEC = ROOT / "openapi" / "thredfi.yaml"
#: Bound on Prism's start-up (it resolves and compiles the spec first).
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrismServer:
    """One Prism process in its own process group, with its log in a temporary file."""

    def __init__(self, *, dynamic: bool) -> None:
        self.dynamic = dynamic
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._log = tempfile.NamedTemporaryFile(  # noqa: SIM115 -- closed in stop()
            prefix=f"prism-{'dynamic' if dynamic else 'static'}-", suffix=".log", delete=False
        )
        command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(self.port)]
        if dynamic:
            command.append("-d")
        # Violations are logged at warn/error; info would log every request at length.
        command += ["-v", "warn", str(SPEC)]
        self._process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group, so stop() also ends node's children
        )

    def log_tail(self, chars: int = 2000) -> str:
        self._log.flush()
        return Path(self._log.name).read_text(errors="replace")[-chars:]

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"Prism exited with {self._process.returncode} while starting:\n"
                    + self.log_tail()
                )
            try:
                # Any HTTP answer (Prism says 404 for "/") means the server is up.
                httpx.get(self.base_url + "/", timeout=1.0)
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            return
        raise RuntimeError(f"Prism did not answer within {START_TIMEOUT:g}s:\n" + self.log_tail())

    def stop(self) -> None:
        if self._process.poll() is None:
            try:
                os.killpg(self._process.pid, signal.SIGTERM)
                self._process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait(timeout=STOP_TIMEOUT)
            except ProcessLookupError:
                pass
        self._log.close()
        Path(self._log.name).unlink(missing_ok=True)


def _require_prism() -> None:
    if not os.access(PRISM, os.X_OK):
        pytest.fail(
            f"Prism is not installed at {PRISM.relative_to(ROOT)}: run ./scripts/bootstrap "
            "(it installs the pinned Node tools). The contract tests never skip.",
            pytrace=False,
        )


def _serve(*, dynamic: bool) -> Iterator[PrismServer]:
    _require_prism()
    # Another process may take the free port before Prism binds it: try a few ports.
    for attempt in range(3):
        server = PrismServer(dynamic=dynamic)
        try:
            server.wait_until_ready()
        except RuntimeError:
            server.stop()
            if attempt == 2:
                raise
            continue
        try:
            yield server
        finally:
            server.stop()
        return


@pytest.fixture(scope="session")
def prism_validating() -> Iterator[PrismServer]:
    """Prism answering with static examples, validating every request."""
    yield from _serve(dynamic=False)


@pytest.fixture(scope="session")
def prism_dynamic() -> Iterator[PrismServer]:
    """Prism answering with random, schema-valid bodies (``-d``)."""
    yield from _serve(dynamic=True)
