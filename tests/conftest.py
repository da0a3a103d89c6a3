"""Suite-wide fixtures, and the secret-leak guard that watches every test.

The guard records every log record of the ``thredfi_client`` loggers, and every ``ThredfiError``
created anywhere in the session (including inside ``pytest.raises``), plus the ``repr`` of every
client built. At the end of the session none of them may contain a known secret: the test API
keys, their HTTP Basic header values, or any token value issued by the suite's mocks and
sandboxes (all of which carry the ``SECRET_MARKERS`` prefixes).
"""

from __future__ import annotations

import base64
import logging
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import thredfi_client
from thredfi_client import _errors

PARTNER_ID = "6f1c2f0e-3c57-4a7e-9d7e-2b8f4e0c1a11"
API_KEY = "sk_test_SECRET_api_key_4c1d"
BUSINESS_ID = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
OTHER_BUSINESS_ID = "1c7a7b5f-9f3d-4e6a-8a4f-7a2b3c4d5e6f"
CUSTOMER_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
BASE_URL = "https://api.thredfi.test"

#: Substrings that only ever occur inside secrets in this suite.
SECRET_MARKERS = (
    "SECRET",
    "tok_secret_",
    base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode(),
)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())
        self.texts.append(repr(record.__dict__))


_seen_texts: list[tuple[str, str]] = []


@pytest.fixture(scope="session", autouse=True)
def _secret_leak_guard() -> Iterator[None]:
    recorder = _Recorder()
    logger = logging.getLogger("thredfi_client")
    previous_level = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.DEBUG)
    original_init = _errors.ThredfiError.__init__
    created: list[BaseException] = []

    def recording_init(self: _errors.ThredfiError, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        created.append(self)

    _errors.ThredfiError.__init__ = recording_init  # type: ignore[method-assign]
    try:
        yield
    finally:
        _errors.ThredfiError.__init__ = original_init  # type: ignore[method-assign]
        logger.removeHandler(recorder)
        logger.setLevel(previous_level)
    texts = [("log", text) for text in recorder.texts]
    texts += [("exception str", str(exc)) for exc in created]
    texts += [("exception repr", repr(exc)) for exc in created]
    texts += _seen_texts
    leaks = find_leaks(texts)
    assert not leaks, f"secrets leaked into {len(leaks)} places: {leaks[:5]}"


def find_leaks(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (kind, text) pairs that contain a secret marker (tests/unit/test_leak_guard.py)."""
    return [(kind, text[:200]) for kind, text in texts for m in SECRET_MARKERS if m in text]


def record_for_leak_scan(kind: str, text: str) -> None:
    """Add a text (e.g. a client repr) to the end-of-session secret scan."""
    _seen_texts.append((kind, text))


@pytest.fixture
def client() -> thredfi_client.ThredfiClient:
    # transport="httpx": the tests using this fixture mock HTTP with pytest-httpx, which
    # replaces httpx's own transport only (the default, "auto", picks aiohttp when installed).
    c = thredfi_client.ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, transport="httpx"
    )
    record_for_leak_scan("client repr", repr(c))
    return c


# -- a real Redis, for the token store tests (tests/store, tests/fleet) ---------------------------


class RedisServer:
    """A ``redis-server`` on 127.0.0.1, no persistence, that a test may stop and start again."""

    def __init__(self, tmp: Path) -> None:
        self.port = _free_port()
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


def _free_port() -> int:
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


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One Redis for the session (tests flush it with ``redis_url``)."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session Redis, emptied first (FLUSHALL)."""
    if not redis_server.ping():
        redis_server.start()  # a test stopped it
    with socket.create_connection(("127.0.0.1", redis_server.port), timeout=2) as sock:
        sock.sendall(b"FLUSHALL\r\n")
        assert sock.recv(16).startswith(b"+OK")
    return redis_server.url


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of this test's own, to stop and restart at will."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
