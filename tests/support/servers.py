"""A loopback sandbox server for the suites' fixtures (``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from thredfi_client import ThredfiClient
from thredfi_client.testing import Sandbox, SandboxServer

from .constants import API_KEY, BUSINESS_ID, PARTNER_ID, TOKEN_PREFIX

# The settings a test may change, and what fresh_sandbox() puts back.
_SETTINGS: dict[str, Any] = {
    "token_ttl": 3600,
    "token_leeway": 0.0,
    "token_prefix": TOKEN_PREFIX,
    "require_business_token": False,
    "error_style": "spec",
    "currency": "GBP",
    "page_envelope": "page_info",
}


class ClientFactory(Protocol):
    """``make_client(server=None, **ThredfiClient kwargs)`` (the fixture of that name)."""

    def __call__(self, server: SandboxServer | None = None, **kwargs: Any) -> ThredfiClient: ...


def serve_sandbox() -> Iterator[SandboxServer]:
    """A sandbox for the suite's identities, served on 127.0.0.1 (thread mode); always stopped.

    Its tokens start with ``TOKEN_PREFIX``, a secret marker of the session's leak guard.
    """
    sandbox = Sandbox(
        partner_id=PARTNER_ID, api_key=API_KEY, business_id=BUSINESS_ID, token_prefix=TOKEN_PREFIX
    )
    with SandboxServer(sandbox) as server:
        yield server


def fresh_sandbox(server: SandboxServer) -> Iterator[SandboxServer]:
    """The server with no data, tokens, faults or request log, and default settings, before
    and after the test."""

    def clean() -> None:
        server.sandbox.reset()
        for name, value in _SETTINGS.items():
            setattr(server.sandbox, name, value)

    clean()
    yield server
    clean()
