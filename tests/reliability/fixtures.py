"""Fixtures shared by the reliability and security suites (imported by their conftests)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol

import pytest

from thredfi_client import RetryPolicy, ThredfiClient

from ..conftest import API_KEY, PARTNER_ID, record_for_leak_scan
from .fault_server import FaultServer

#: Both transports the SDK offers; the recovery tests run over each.
TRANSPORTS = ("httpx", "aiohttp")
#: A short backoff so retries are real waits, but cheap ones.
FAST_POLICY = RetryPolicy(backoff_base=0.05, backoff_cap=0.5)


class ClientFactory(Protocol):
    def __call__(self, server: FaultServer | None = None, **kwargs: Any) -> ThredfiClient: ...


def serving() -> Iterator[FaultServer]:
    """A FaultServer on 127.0.0.1 for the life of a fixture; always stopped."""
    server = FaultServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def reset_around(server: FaultServer) -> Iterator[FaultServer]:
    """The server with a fresh store, no tokens, no records and no faults, before and after."""
    server.reset()
    yield server
    server.reset()


@pytest.fixture(scope="module")
def _running_server() -> Iterator[FaultServer]:
    yield from serving()


@pytest.fixture
def fault_server(_running_server: FaultServer) -> Iterator[FaultServer]:
    """The fault server, with a fresh store, no tokens, no records and no faults."""
    yield from reset_around(_running_server)


@pytest.fixture
async def make_client(fault_server: FaultServer) -> AsyncIterator[ClientFactory]:
    """Build clients for a fault server (default: ``fault_server``); all closed at teardown.

    Without ``transport=`` a client gets the SDK's default ("auto": aiohttp when installed).
    """
    made: list[ThredfiClient] = []

    def make(server: FaultServer | None = None, **kwargs: Any) -> ThredfiClient:
        kwargs.setdefault("retry_policy", FAST_POLICY)
        kwargs.setdefault("timeout", 5.0)
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url=(server or fault_server).url,
            **kwargs,
        )
        record_for_leak_scan("client repr", repr(client))
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()
