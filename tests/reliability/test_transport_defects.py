"""The send path under attack (issue 13): no leak, no duplicate, no hidden retry, every error typed.

Each test runs over a real loopback socket against the sandbox, on both transports.
"""

from __future__ import annotations

import pytest

from thredfi_client import (
    APIConnectionError,
    APIResponseValidationError,
    InternalServerError,
    ThredfiError,
)
from thredfi_client.testing import Sandbox

from ..conftest import BUSINESS_ID
from .transport_support import (
    TRANSPORTS,
    ClientFactory,
    _sandbox_server,
    chain_of,
    credentials,
    leaked,
    sandbox,
    sandbox_client,
    sandbox_server,
)

__all__ = ["_sandbox_server", "sandbox", "sandbox_client", "sandbox_server"]


def _customer_path(sandbox: Sandbox, customer_id: str) -> str:
    return f"/v1/platform/businesses/{sandbox.business_id}/customers/{customer_id}/"


# -- 4. a blank external_id is no idempotency key --------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u3000"], ids=repr)
@pytest.mark.parametrize("fault", ["503-after-commit", "dropped-after-commit"])
async def test_create_with_a_blank_external_id_is_not_replayed(
    sandbox: Sandbox, sandbox_client: ClientFactory, transport: str, blank: str, fault: str
) -> None:
    # The API treats a blank external_id as absent (sandbox: "blank strings count as absent"),
    # so a replay would create a second customer.
    path = f"/v1/platform/businesses/{sandbox.business_id}/customers/"
    if fault == "503-after-commit":
        sandbox.fail_next(path, status=503, method="POST", after_processing=True)
        expected: type[ThredfiError] = InternalServerError
    else:
        sandbox.drop_connection(path, method="POST", after_processing=True)
        expected = APIConnectionError
    client = sandbox_client(transport=transport)

    with pytest.raises(expected):
        await client.customers.create(
            sandbox.business_id, company_name="Acme Ltd", external_id=blank
        )

    assert sandbox.request_count(path, method="POST") == 1
    assert len(sandbox.customers) == 1


# -- 5. max_retries is the exact bound, whatever the transport -------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("max_retries", [0, 2])
async def test_max_retries_bounds_the_requests_sent_on_dropped_connections(
    sandbox: Sandbox, sandbox_client: ClientFactory, transport: str, max_retries: int
) -> None:
    client = sandbox_client(transport=transport)
    created = await client.customers.create(sandbox.business_id, company_name="Acme Ltd")
    path = _customer_path(sandbox, str(created.id))
    sandbox.drop_connection(path, method="GET", count=None)  # every GET: kept-alive ones too

    with pytest.raises(APIConnectionError):
        await client.customers.get(sandbox.business_id, created.id, max_retries=max_retries)

    assert sandbox.request_count(path, method="GET") == 1 + max_retries


# -- 7. a body the parser chokes on is a validation error ------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "body",
    ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000, '{"id": 1e999999}'],
    ids=["nested-lists", "nested-objects", "huge-number"],
)
async def test_a_200_body_the_parser_cannot_handle_is_a_validation_error(
    sandbox: Sandbox, sandbox_client: ClientFactory, transport: str, body: str
) -> None:
    client = sandbox_client(transport=transport)
    created = await client.customers.create(sandbox.business_id, company_name="Acme Ltd")
    path = _customer_path(sandbox, str(created.id))
    sandbox.fail_next(path, status=200, body=body, content_type="application/json")

    with pytest.raises(APIResponseValidationError) as info:
        await client.customers.get(sandbox.business_id, created.id)

    assert info.value.status_code == 200
    assert sandbox.request_count(path, method="GET") == 1
    assert len(str(info.value)) < 500
    assert leaked(info.value, credentials(sandbox)) == []


# -- every error leaves typed, with no credential anywhere -----------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "fault", ["drop", "truncate", "503", "malformed_json", "connection-refused"]
)
async def test_errors_carry_no_request_headers_anywhere(
    sandbox: Sandbox, sandbox_client: ClientFactory, transport: str, fault: str
) -> None:
    client = sandbox_client(transport=transport, max_retries=1)
    created = await client.customers.create(sandbox.business_id, company_name="Acme Ltd")
    path = _customer_path(sandbox, str(created.id))
    if fault == "drop":
        sandbox.drop_connection(path, count=None)
    elif fault == "truncate":
        sandbox.truncate_response(path, count=None)
    elif fault == "503":
        sandbox.fail_next(path, status=503, count=None)
    elif fault == "malformed_json":
        sandbox.malformed_json(path, count=None)
    else:
        # Nothing listens on port 9: the token request cannot connect.
        client = sandbox_client(transport=transport, max_retries=1, base_url="http://127.0.0.1:9")

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(sandbox.business_id, created.id)

    assert leaked(info.value, credentials(sandbox)) == []
    # No chain at all: whatever failed below is described in the message.
    assert chain_of(info.value) == [info.value]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_failed_token_request_carries_no_api_key(
    sandbox: Sandbox, sandbox_client: ClientFactory, transport: str
) -> None:
    sandbox.drop_connection("/v1/platform/oauth2/token/", count=None)
    client = sandbox_client(transport=transport)

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(sandbox.business_id, BUSINESS_ID)

    assert leaked(info.value, credentials(sandbox)) == []
    assert chain_of(info.value) == [info.value]
