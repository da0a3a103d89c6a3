"""A server that echoes the request's credentials back -- in an error body, a header, the reason
phrase -- must not have them kept anywhere on the exception the caller gets: not in its text, nor
on the ``response`` it keeps (body, headers, reason phrase, request), nor in a pickled copy.

Before the fix, the message and ``body`` were redacted but ``exc.response`` still held the raw
body, the echoing headers and the reason phrase: ``exc.response.text`` showed the bearer token.
Over a socket, on both transports; the token is read from the sandbox after a first call, so a
``raw`` fault can echo it in places the sandbox cannot template (the reason phrase).
"""

from __future__ import annotations

import base64
import json
import pickle
from typing import Any

import pytest

from thredfi_client import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    PermissionDeniedError,
    ThredfiError,
)
from thredfi_client.testing import RequestRecord, SandboxServer

from ..support import API_KEY, BUSINESS_ID, PARTNER_ID, TOKEN_PATH, TRANSPORTS, customer_path
from ..support.exception_scan import leaked
from ..support.servers import ClientFactory

BASIC = base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()


def _echo_body(request: RequestRecord) -> dict[str, Any]:
    echoed = request.headers.get("authorization", "")
    return {"error_code": "denied", "message": "see detail", "detail": {"got": echoed}}


def _raw(status: int, reason: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in headers.items())]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _scenario(name: str, token: str, basic: str) -> tuple[str, dict[str, Any]]:
    """(route, add_fault arguments) for one way of echoing a credential back."""
    bearer = f"Bearer {token}"
    echo_json = json.dumps({"error_code": "denied", "message": bearer, "echo": bearer}).encode()
    basic_json = json.dumps({"error": f"Basic {basic}"}).encode()
    scenarios: dict[str, tuple[str, dict[str, Any]]] = {
        "error-body-json": ("api", {"action": "respond", "status": 403, "body": _echo_body}),
        "error-body-text": (
            "api",
            {"action": "respond", "status": 403, "body": f"no: {bearer}", "content_type": "text/x"},
        ),
        "error-headers": (
            "api",
            {
                "action": "respond",
                "status": 403,
                "headers": {"X-Echo": bearer, "X-Request-Id": token, "WWW-Authenticate": bearer},
            },
        ),
        "error-reason-phrase": (
            "api",
            {"action": "raw", "raw": _raw(403, f"Denied {bearer}", {"X-Echo": bearer}, echo_json)},
        ),
        "unparseable-200": (
            "api",
            {
                "action": "raw",
                "raw": _raw(200, f"OK {bearer}", {"Content-Type": "application/json"}, echo_json),
            },
        ),
        "token-endpoint-401": (
            "token",
            {
                "action": "raw",
                "raw": _raw(401, f"No {basic}", {"X-Echo": basic}, basic_json),
            },
        ),
    }
    return scenarios[name]


EXPECTED: dict[str, type[ThredfiError]] = {
    "error-body-json": PermissionDeniedError,
    "error-body-text": PermissionDeniedError,
    "error-headers": PermissionDeniedError,
    "error-reason-phrase": PermissionDeniedError,
    "unparseable-200": APIResponseValidationError,
    "token-endpoint-401": AuthenticationError,
}


BODY_ECHOES = {"error-body-json", "error-body-text", "error-reason-phrase", "unparseable-200"}
HEADER_ECHOES = {"error-headers", "error-reason-phrase"}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("scenario", list(EXPECTED))
async def test_a_response_kept_on_an_error_holds_no_echoed_credential(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, scenario: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    client = make_client(transport=transport, max_retries=0)
    await client.customers.get(BUSINESS_ID, customer_id)  # the token the echo will repeat
    (token,) = sandbox.tokens
    route, fault = _scenario(scenario, token, BASIC)
    if route == "token":
        await client.auth.invalidate()
        sandbox.add_fault(TOKEN_PATH, method="POST", **fault)
    else:
        sandbox.add_fault(customer_path(customer_id), method="GET", **fault)

    with pytest.raises(EXPECTED[scenario]) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    exc = info.value
    assert isinstance(exc, APIStatusError | APIResponseValidationError)
    secrets = [API_KEY, BASIC, token]
    assert leaked(exc, secrets) == []
    response = exc.response
    assert response.status_code == exc.status_code  # still useful: status, headers, body
    if scenario in BODY_ECHOES:  # the rest of the body is kept, for diagnosis
        assert "Bearer [redacted]" in response.text
    if scenario in HEADER_ECHOES:
        assert response.headers["X-Echo"] == "Bearer [redacted]"
    pickled = pickle.dumps(exc)
    assert not any(secret.encode() in pickled for secret in secrets)
    copy = pickle.loads(pickled)
    assert type(copy) is type(exc)
    assert copy.response.status_code == exc.status_code
