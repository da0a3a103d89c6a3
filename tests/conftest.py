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
from collections.abc import Iterator
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
