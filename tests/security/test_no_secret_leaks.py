"""Every error path, provoked with secrets echoed all around, shows no secret.

The session-wide guard in ``tests/conftest.py`` scans every ``ThredfiError`` and log record at
the end of the session; these tests provoke the error paths on purpose and also assert directly,
so a leak fails the test that caused it.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from typing import Any, Literal

import pytest

from thredfi_client import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    ThredfiClient,
    ThredfiError,
)
from thredfi_client.testing import RequestRecord, Sandbox, SandboxServer

from ..support import (
    API_KEY,
    BUSINESS_ID,
    PARTNER_ID,
    SECRET_MARKERS,
    TOKEN_PATH,
    customer_path,
    record_for_leak_scan,
)
from ..support.servers import ClientFactory

BASIC = "Basic " + base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()
#: Where a fault body echoes the request's own ``Authorization`` header, as a debugging proxy or
#: a careless server would.
ECHO_AUTHORIZATION = "{AUTHORIZATION}"
#: ... as a header line the SDK can recognise and redact...
ECHO_REDACTABLE = f"Authorization: {ECHO_AUTHORIZATION}"
#: ... and raw values, which may appear in bodies but must stay out of messages.
ECHO = f"{ECHO_REDACTABLE} / api_key={API_KEY} / basic={BASIC}"


def _echo_json(**extra: Any) -> dict[str, Any]:
    return {
        "error_code": "echo",
        "message": f"rejected {ECHO_REDACTABLE}",
        "request_id": "req_echo",
        **extra,
    }


ECHO_HTML = f"""<html><head><title>Denied {ECHO_REDACTABLE}</title></head>
<body><h1>Denied</h1><pre>{ECHO}</pre><script>var h = "{ECHO_AUTHORIZATION}";</script>
</body></html>
""".encode()


def echoing(template: bytes | dict[str, Any]) -> Callable[[RequestRecord], bytes]:
    """A fault body: ``template`` with the request's Authorization header in place of
    ``ECHO_AUTHORIZATION``."""
    raw = json.dumps(template).encode() if isinstance(template, dict) else template

    def body(request: RequestRecord) -> bytes:
        echoed = request.headers.get("authorization", "").encode()
        return raw.replace(ECHO_AUTHORIZATION.encode(), echoed)

    return body


def _respond(
    status: int, body: bytes | dict[str, Any], content_type: str = "application/json"
) -> dict[str, Any]:
    """``add_fault`` arguments answering ``status`` with ``body``, the request's credentials
    echoed into it."""
    return {
        "action": "respond",
        "status": status,
        "body": echoing(body),
        "content_type": content_type,
    }


Route = Literal["token", "get_customer"]

# (route, add_fault arguments, exception raised by customers.get)
SCENARIOS: dict[str, tuple[Route, dict[str, Any], type[ThredfiError]]] = {
    "token-401-json-echo": ("token", _respond(401, _echo_json()), AuthenticationError),
    "token-400-guide-shape-echo": (
        "token",
        _respond(400, {"error": f"bad {ECHO_REDACTABLE}", "details": {"auth": [ECHO]}}),
        AuthenticationError,
    ),
    "token-403-html-echo": (
        "token",
        _respond(403, ECHO_HTML, content_type="text/html"),
        AuthenticationError,
    ),
    "token-500-text-echo": (
        "token",
        {
            **_respond(500, f"upstream: {ECHO_REDACTABLE}".encode(), content_type="text/plain"),
            "times": 3,
        },
        InternalServerError,
    ),
    "token-200-no-token": (
        "token",
        _respond(200, {"token": ECHO, "expires_in": 3600}),
        APIResponseValidationError,
    ),
    "token-200-malformed": ("token", _respond(200, ECHO.encode()), APIResponseValidationError),
    "token-connection-closed": ("token", {"action": "drop", "times": 3}, APIConnectionError),
    "api-401-twice-json-echo": (
        "get_customer",
        {**_respond(401, _echo_json()), "times": 2},
        AuthenticationError,
    ),
    "api-400-field-errors-echo": (
        "get_customer",
        _respond(400, _echo_json(detail={"field_errors": {"authorization": [ECHO]}})),
        BadRequestError,
    ),
    "api-502-html-echo": (
        "get_customer",
        {**_respond(502, ECHO_HTML, content_type="text/html"), "times": 3},
        InternalServerError,
    ),
    "api-200-malformed-echo": (
        "get_customer",
        _respond(200, b'{"id": "' + ECHO.encode()),
        APIResponseValidationError,
    ),
    "api-200-wrong-shape-echo": (
        "get_customer",
        _respond(200, json.dumps([ECHO]).encode()),
        APIResponseValidationError,
    ),
    "api-stall": ("get_customer", {"action": "stall", "delay": 2.0, "times": 3}, APITimeoutError),
    "api-reset": ("get_customer", {"action": "reset", "times": 3}, APIConnectionError),
}


def _secrets(sandbox: Sandbox) -> list[str]:
    return [*SECRET_MARKERS, API_KEY, BASIC.split()[1], *sandbox.tokens]


def _texts(exc: BaseException, caplog: pytest.LogCaptureFixture) -> list[str]:
    texts = [str(exc), repr(exc)]
    chained: BaseException | None = exc.__cause__
    while chained is not None:
        texts += [str(chained), repr(chained)]
        chained = chained.__cause__
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.__dict__)]
    return texts


@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_error_paths_with_echoed_secrets_show_none_of_them(
    sandbox_server: SandboxServer,
    make_client: ClientFactory,
    caplog: pytest.LogCaptureFixture,
    scenario: str,
) -> None:
    sandbox = sandbox_server.sandbox
    route, fault, expected = SCENARIOS[scenario]
    customer_id = sandbox.add_customer()["id"]
    if route == "token":
        sandbox.add_fault(TOKEN_PATH, method="POST", **fault)
    else:
        sandbox.add_fault(customer_path(customer_id), method="GET", **fault)
    client = make_client(timeout=0.3)

    with (
        caplog.at_level(logging.DEBUG, logger="thredfi_client"),
        pytest.raises(expected) as info,
    ):
        await client.customers.get(BUSINESS_ID, customer_id)

    texts = _texts(info.value, caplog)
    texts += [repr(client), repr(client._auth), repr(client.with_options(max_retries=0))]
    leaks = [(secret, text) for text in texts for secret in _secrets(sandbox) if secret in text]
    assert leaks == []
    assert caplog.records, "the error path should have logged something to scan"


async def test_echoed_credentials_are_redacted_but_the_message_stays_useful(
    sandbox_server: SandboxServer, make_client: ClientFactory
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(TOKEN_PATH, method="POST", **_respond(401, _echo_json()))
    client = make_client()

    with pytest.raises(AuthenticationError) as info:
        await client.customers.get(BUSINESS_ID, sandbox.add_customer()["id"])

    assert str(info.value) == (
        "401 echo: rejected Authorization: Basic [redacted] (request_id=req_echo)"
    )


ECHO_KEY = "sk_test_echoed_key_7f3a9c"  # not a SECRET_MARKERS key: this test checks by itself


async def test_raw_api_key_echoed_by_the_token_endpoint_is_not_shown(
    sandbox_server: SandboxServer,
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(
        TOKEN_PATH,
        method="POST",
        **_respond(401, {"error_code": "invalid_client", "message": f"unknown key {ECHO_KEY}"}),
    )
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key=ECHO_KEY, base_url=sandbox_server.base_url
    ) as client:
        record_for_leak_scan("client repr", repr(client))
        with pytest.raises(AuthenticationError) as info:
            await client.customers.get(BUSINESS_ID, sandbox.add_customer()["id"])

    assert ECHO_KEY not in str(info.value)
    assert ECHO_KEY not in repr(info.value)
