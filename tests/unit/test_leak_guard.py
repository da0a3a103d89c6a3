"""The session-wide secret scanner in tests/conftest.py catches what it must (positive controls)."""

from __future__ import annotations

import base64
import contextlib
import logging

import httpx
import pytest

from thredfi_client import AuthenticationError, ThredfiError

from ..support import API_KEY, PARTNER_ID, find_leaks


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


def test_tokens_of_the_suites_served_sandbox_are_secrets_to_the_scanner() -> None:
    from ..support.servers import serve_sandbox

    with contextlib.contextmanager(serve_sandbox)() as server:
        response = httpx.post(
            f"{server.base_url}/v1/platform/oauth2/token/", auth=(PARTNER_ID, API_KEY), timeout=5
        )
        token = response.json()["access_token"]
        assert server.sandbox.tokens == [token]
    assert find_leaks([("exception str", f"rejected {token}")])
