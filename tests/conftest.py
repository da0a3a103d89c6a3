"""Suite-wide fixtures, and the secret-leak guard that watches every test.

The guard records every log record of the ``thredfi_client`` loggers, and every ``ThredfiError``
created anywhere in the session (including inside ``pytest.raises``), plus the ``repr`` of every
client built. At the end of the session none of them may contain a known secret: the test API
keys, their HTTP Basic header values, or any token value issued by the suite's mocks and
sandboxes (all of which carry the ``SECRET_MARKERS`` prefixes; the sandboxes served below issue
tokens starting with ``TOKEN_PREFIX``).

Shared constants and helpers live in ``tests/support`` (test packages import from there, never
from each other or from a conftest); shared fixtures live here, where pytest finds them.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

import thredfi_client
from thredfi_client import _errors
from thredfi_client.testing import SandboxServer

from .support import (
    API_KEY,
    BASE_URL,
    FAST_POLICY,
    PARTNER_ID,
    find_leaks,
    record_for_leak_scan,
    recorded_texts,
)
from .support.redis_server import RedisServer
from .support.servers import ClientFactory, fresh_sandbox, serve_sandbox


def pytest_configure(config: pytest.Config) -> None:
    # scripts/test measures the pytest-xdist workers with coverage's `patch = subprocess`, which
    # passes COVERAGE_PROCESS_CONFIG down to every Python subprocess. The tools the tests start
    # (mkdocs, codegen, pip, mypy) need no measuring and run twice as slow traced, so only an
    # xdist controller, which starts the workers, keeps the variable.
    controller = bool(getattr(config.option, "numprocesses", None))
    if not controller or hasattr(config, "workerinput"):
        os.environ.pop("COVERAGE_PROCESS_CONFIG", None)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())
        self.texts.append(repr(record.__dict__))


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
    texts += recorded_texts()
    leaks = find_leaks(texts)
    assert not leaks, f"secrets leaked into {len(leaks)} places: {leaks[:5]}"


@pytest.fixture
def client() -> thredfi_client.ThredfiClient:
    # transport="httpx": the tests using this fixture mock HTTP with pytest-httpx, which
    # replaces httpx's own transport only (the default, "auto", picks aiohttp when installed).
    c = thredfi_client.ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, transport="httpx"
    )
    record_for_leak_scan("client repr", repr(c))
    return c


# -- a sandbox served on 127.0.0.1, with its fault controls (reliability and security suites) ---


@pytest.fixture(scope="module")
def _running_sandbox_server() -> Iterator[SandboxServer]:
    yield from serve_sandbox()


@pytest.fixture
def sandbox_server(_running_sandbox_server: SandboxServer) -> Iterator[SandboxServer]:
    """A sandbox for the suite's identities (``PARTNER_ID``, ``API_KEY``, ``BUSINESS_ID``) served
    on loopback, with no data, tokens, faults or request log, and default settings."""
    yield from fresh_sandbox(_running_sandbox_server)


@pytest.fixture(scope="module")
def _other_running_sandbox_server() -> Iterator[SandboxServer]:
    yield from serve_sandbox()


@pytest.fixture
def other_sandbox_server(
    _other_running_sandbox_server: SandboxServer,
) -> Iterator[SandboxServer]:
    """A second served sandbox: same host, another port, so another origin."""
    yield from fresh_sandbox(_other_running_sandbox_server)


@pytest.fixture
async def make_client(sandbox_server: SandboxServer) -> AsyncIterator[ClientFactory]:
    """Build clients for a served sandbox (default: ``sandbox_server``); all closed at teardown.

    Without ``transport=`` a client gets the SDK's default ("auto": aiohttp when installed).
    """
    made: list[thredfi_client.ThredfiClient] = []

    def make(server: SandboxServer | None = None, **kwargs: Any) -> thredfi_client.ThredfiClient:
        kwargs.setdefault("retry_policy", FAST_POLICY)
        kwargs.setdefault("timeout", 5.0)
        client = thredfi_client.ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url=(server or sandbox_server).base_url,
            **kwargs,
        )
        record_for_leak_scan("client repr", repr(client))
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


# -- a real Redis, for the token store tests (tests/store, tests/fleet) ---------------------------


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
