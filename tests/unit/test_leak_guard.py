"""The session-wide secret scanner in tests/conftest.py catches what it must (positive controls)."""

from __future__ import annotations

import base64
import logging

import pytest

from thredfi_client import AuthenticationError, ThredfiError

from ..conftest import API_KEY, PARTNER_ID, find_leaks


@pytest.mark.parametrize(
    "leaked",
    [
        f"api key {API_KEY}",
        "Authorization: Bearer tok_secret_abc",
        "Basic " + base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode(),
    ],
)
def test_scanner_flags_each_kind_of_secret(leaked: str) -> None:
    assert find_leaks([("log", leaked)]) == [("log", leaked[:200])]


def test_scanner_passes_clean_text() -> None:
    assert find_leaks([("log", f"partner {PARTNER_ID} obtained a token (expires_in=3600 s)")]) == []


def test_guard_sees_log_records_and_exceptions(caplog: pytest.LogCaptureFixture) -> None:
    # The guard's handler is attached to the "thredfi_client" logger for the whole session.
    handlers = logging.getLogger("thredfi_client").handlers
    assert any(type(h).__name__ == "_Recorder" for h in handlers)
    # ThredfiError.__init__ is wrapped so every instance is recorded, even inside pytest.raises.
    assert ThredfiError.__init__.__name__ == "recording_init"
    assert issubclass(AuthenticationError, ThredfiError)
