from collections.abc import Iterator

import pytest

from ..reliability.fault_server import FaultServer
from ..reliability.fixtures import _running_server, fault_server, make_client

__all__ = ["_running_server", "fault_server", "make_client", "other_origin"]


@pytest.fixture(scope="module")
def _other_running_server() -> Iterator[FaultServer]:
    server = FaultServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def other_origin(_other_running_server: FaultServer) -> Iterator[FaultServer]:
    """A second fault server: same host, another port, so another origin."""
    _other_running_server.reset()
    yield _other_running_server
    _other_running_server.reset()
