"""A real ``redis-server`` on 127.0.0.1 for the token-store and fleet suites.

Installed by ``scripts/install-redis`` (run by ``scripts/bootstrap``); in CI a missing server
fails the run instead of skipping the Redis tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

__all__ = ["RedisServer", "free_port"]


class RedisServer:
    """A ``redis-server`` on 127.0.0.1, no persistence, that a test may stop and start again."""

    def __init__(self, tmp: Path) -> None:
        self.port = free_port()
        self._tmp = tmp
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [
            _redis_server(),
            *("--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self._tmp)),
            *("--save", "", "--appendonly", "no", "--protected-mode", "yes"),
            *("--loglevel", "warning", "--logfile", ""),
        ]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self._process.returncode}")
            if self.ping():
                return
            time.sleep(0.02)
        self.stop()
        raise RuntimeError("redis-server did not answer PING within 10 s")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
            self._process = None

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _redis_server() -> str:
    path = shutil.which("redis-server")
    if path is None:
        message = (
            "redis-server is not installed: run ./scripts/install-redis (scripts/bootstrap does)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run the Redis tests, not skip them")
        pytest.skip(message)
    return path
