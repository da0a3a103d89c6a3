"""Every error path, provoked with secrets echoed all around, shows no secret.

The session-wide guard in ``tests/conftest.py`` scans every ``ThredfiError`` and log record at
the end of the session; these tests provoke the error paths on purpose and also assert directly,
so a leak fails the test that caused it.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

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

from ..conftest import API_KEY, BUSINESS_ID, PARTNER_ID, SECRET_MARKERS, record_for_leak_scan
from ..reliability import fault_server as faults
from ..reliability.fault_server import FaultServer, Route
from ..reliability.fixtures import ClientFactory

BASIC = "Basic " + base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()
#: What a debugging proxy or a careless server echoes back: the request's own credentials
#: (the server substitutes them), as a header line the SDK can recognise and redact...
ECHO_REDACTABLE = f"Authorization: {faults.ECHO_AUTHORIZATION}"
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
<body><h1>Denied</h1><pre>{ECHO}</pre><script>var h = "{faults.ECHO_AUTHORIZATION}";</script>
</body></html>
""".encode()

# (route, faults, exception raised by customers.get)
SCENARIOS: dict[str, tuple[Route, list[faults.Fault], type[ThredfiError]]] = {
    "token-401-json-echo": ("token", [faults.status(401, _echo_json())], AuthenticationError),
    "token-400-guide-shape-echo": (
        "token",
        [faults.status(400, {"error": f"bad {ECHO_REDACTABLE}", "details": {"auth": [ECHO]}})],
        AuthenticationError,
    ),
    "token-403-html-echo": (
        "token",
        [faults.status(403, ECHO_HTML, content_type="text/html")],
        AuthenticationError,
    ),
    "token-500-text-echo": (
        "token",
        [faults.status(500, f"upstream: {ECHO_REDACTABLE}".encode(), content_type="text/plain")]
        * 3,
        InternalServerError,
    ),
    "token-200-no-token": (
        "token",
        [faults.status(200, {"token": ECHO, "expires_in": 3600})],
        APIResponseValidationError,
    ),
    "token-200-malformed": (
        "token",
        [faults.status(200, ECHO.encode())],
        APIResponseValidationError,
    ),
    "token-connection-closed": ("token", [faults.close()] * 3, APIConnectionError),
    "api-401-twice-json-echo": (
        "get_customer",
        [faults.status(401, _echo_json())] * 2,
        AuthenticationError,
    ),
    "api-400-field-errors-echo": (
        "get_customer",
        [faults.status(400, _echo_json(detail={"field_errors": {"authorization": [ECHO]}}))],
        BadRequestError,
    ),
    "api-502-html-echo": (
        "get_customer",
        [faults.status(502, ECHO_HTML, content_type="text/html")] * 3,
        InternalServerError,
    ),
    "api-200-malformed-echo": (
        "get_customer",
        [faults.status(200, b'{"id": "' + ECHO.encode())],
        APIResponseValidationError,
    ),
    "api-200-wrong-shape-echo": (
        "get_customer",
        [faults.status(200, json.dumps([ECHO]).encode())],
        APIResponseValidationError,
    ),
    "api-stall": ("get_customer", [faults.stall(2.0)] * 3, APITimeoutError),
    "api-reset": ("get_customer", [faults.reset_mid_response()] * 3, APIConnectionError),
}


def _secrets(server: FaultServer) -> list[str]:
    return [*SECRET_MARKERS, API_KEY, BASIC.split()[1], *server.tokens]


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
    fault_server: FaultServer,
    make_client: ClientFactory,
    caplog: pytest.LogCaptureFixture,
    scenario: str,
) -> None:
    route, scripted, expected = SCENARIOS[scenario]
    customer_id = fault_server.add_customer()
    fault_server.script(route, *scripted)
    client = make_client(timeout=0.3)

    with (
        caplog.at_level(logging.DEBUG, logger="thredfi_client"),
        pytest.raises(expected) as info,
    ):
        await client.customers.get(BUSINESS_ID, customer_id)

    texts = _texts(info.value, caplog)
    texts += [repr(client), repr(client._auth), repr(client.with_options(max_retries=0))]
    leaks = [
        (secret, text) for text in texts for secret in _secrets(fault_server) if secret in text
    ]
    assert leaks == []
    assert caplog.records, "the error path should have logged something to scan"


async def test_echoed_credentials_are_redacted_but_the_message_stays_useful(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.script("token", faults.status(401, _echo_json()))
    client = make_client()

    with pytest.raises(AuthenticationError) as info:
        await client.customers.get(BUSINESS_ID, fault_server.add_customer())

    assert str(info.value) == (
        "401 echo: rejected Authorization: Basic [redacted] (request_id=req_echo)"
    )


ECHO_KEY = "sk_test_echoed_key_7f3a9c"  # not a SECRET_MARKERS key: this test checks by itself


async def test_raw_api_key_echoed_by_the_token_endpoint_is_not_shown(
    fault_server: FaultServer,
) -> None:
    fault_server.script(
        "token",
        faults.status(401, {"error_code": "invalid_client", "message": f"unknown key {ECHO_KEY}"}),
    )
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key=ECHO_KEY, base_url=fault_server.url
    ) as client:
        record_for_leak_scan("client repr", repr(client))
        with pytest.raises(AuthenticationError) as info:
            await client.customers.get(BUSINESS_ID, fault_server.add_customer())

    assert ECHO_KEY not in str(info.value)
    assert ECHO_KEY not in repr(info.value)
