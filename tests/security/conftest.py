from collections.abc import Iterator

import pytest

from ..reliability.fault_server import FaultServer
from ..reliability.fixtures import (
    _running_server,
    fault_server,
    make_client,
    reset_around,
    serving,
)

__all__ = ["_running_server", "fault_server", "make_client", "other_origin"]


@pytest.fixture(scope="module")
def _other_running_server() -> Iterator[FaultServer]:
    yield from serving()


@pytest.fixture
def other_origin(_other_running_server: FaultServer) -> Iterator[FaultServer]:
    """A second fault server: same host, another port, so another origin."""
    yield from reset_around(_other_running_server)
