"""JSON no parser should have to take, in error bodies and token answers: typed errors, always.

A body nested a few hundred levels deep parses (``json`` allows ~1000 levels), but then broke
the SDK's own walkers over it: the redaction of an error body and the masking of a token
endpoint's body recurse once per level (twice, with their comprehensions), so a 400 nested 600
deep escaped as a raw ``RecursionError``, and a token answer as an ``APIConnectionError`` saying
"RecursionError". NaN, Infinity, 1e400, 5000-digit integers, UTF-16 and a BOM are served too.
Over a socket, both transports, through the sandbox's ``respond`` fault.
"""

from __future__ import annotations

import json
import pickle

import pytest

from thredfi_client import (
    APIResponseValidationError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    ThredfiError,
)
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TOKEN_PATH, TRANSPORTS, customer_path
from ..support.servers import ClientFactory
from .transport_support import chain_of, credentials, leaked

#: Deep enough that a walker recursing per level (two frames each) overflows, shallow enough
#: that ``json.loads`` (one C level each) still parses it.
DEPTH = 600

ERROR_BODY = {"error_code": "bad", "message": "m", "request_id": "req_1"}
HOSTILE_BODIES: dict[str, bytes] = {
    "nested-objects": b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
    "nested-lists": b"[" * DEPTH + b"]" * DEPTH,
    "nested-in-detail": (
        b'{"error_code": "bad", "detail": {"field_errors": {"x": '
        + b"[" * DEPTH
        + b"]" * DEPTH
        + b"}}}"
    ),
    "nan-infinity": b'{"error_code": NaN, "message": Infinity, "detail": -Infinity}',
    "1e400": b'{"error_code": "bad", "message": 1e400}',
    "5000-digit-int": b'{"error_code": "bad", "request_id": ' + b"9" * 5000 + b"}",
    "utf-16": json.dumps(ERROR_BODY).encode("utf-16"),
    "utf-8-bom": b"\xef\xbb\xbf" + json.dumps(ERROR_BODY).encode(),
    "invalid-utf-8": b'{"error_code": "\xff\xfe bad"}',
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("body", list(HOSTILE_BODIES))
async def test_a_hostile_error_body_is_a_typed_status_error(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, body: str
) -> None:
    status = 500 if body == "nested-lists" else 400  # both kinds of status error
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    sandbox.add_fault(
        path,
        action="respond",
        status=status,
        body=HOSTILE_BODIES[body],
        content_type="application/json",
    )
    client = make_client(transport=transport, max_retries=0)

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert type(info.value) is (BadRequestError if status == 400 else InternalServerError)
    assert info.value.status_code == status
    assert len(str(info.value)) < 1000
    assert chain_of(info.value) == [info.value]
    assert leaked(info.value, credentials(sandbox)) == []
    assert type(pickle.loads(pickle.dumps(info.value))) is type(info.value)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("status", "expected"), [(200, APIResponseValidationError), (401, AuthenticationError)]
)
@pytest.mark.parametrize("body", ["nested-objects", "nested-lists", "nan-infinity", "utf-16"])
async def test_a_hostile_token_endpoint_body_is_the_typed_token_error(
    sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    status: int,
    expected: type[ThredfiError],
    body: str,
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(
        TOKEN_PATH,
        action="respond",
        status=status,
        body=HOSTILE_BODIES[body],
        content_type="application/json",
    )
    client = make_client(transport=transport, max_retries=0)

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(BUSINESS_ID, BUSINESS_ID)

    assert type(info.value) is expected
    assert "RecursionError" not in str(info.value)
    assert chain_of(info.value) == [info.value]
    assert leaked(info.value, credentials(sandbox)) == []
    assert sandbox.request_count(TOKEN_PATH) == 1
