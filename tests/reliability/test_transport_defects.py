"""The send path under attack (issue 13): no leak, no duplicate, no hidden retry, every error typed.

Each test runs over a real loopback socket against the sandbox, on both transports.
"""

from __future__ import annotations

import pytest

from thredfi_client import (
    APIConnectionError,
    APIResponseValidationError,
    InternalServerError,
    ThredfiClient,
    ThredfiError,
)
from thredfi_client.testing import SandboxServer

from ..support import (
    API_KEY,
    BUSINESS_ID,
    PARTNER_ID,
    TOKEN_PATH,
    TRANSPORTS,
    customer_path,
    customers_path,
)
from ..support.servers import ClientFactory
from .transport_support import chain_of, credentials, leaked

# -- 4. a blank external_id is no idempotency key --------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u3000"], ids=repr)
@pytest.mark.parametrize("fault", ["503-after-commit", "dropped-after-commit"])
async def test_create_with_a_blank_external_id_is_not_replayed(
    sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    blank: str,
    fault: str,
) -> None:
    sandbox = sandbox_server.sandbox
    # The API treats a blank external_id as absent (sandbox: "blank strings count as absent"),
    # so a replay would create a second customer.
    path = customers_path()
    if fault == "503-after-commit":
        sandbox.add_fault(path, method="POST", action="respond", status=503, after_processing=True)
        expected: type[ThredfiError] = InternalServerError
    else:
        sandbox.add_fault(path, method="POST", action="drop", after_processing=True)
        expected = APIConnectionError
    client = make_client(transport=transport)

    with pytest.raises(expected):
        await client.customers.create(BUSINESS_ID, company_name="Acme Ltd", external_id=blank)

    assert sandbox.request_count(path, method="POST") == 1
    assert len(sandbox.customers) == 1


# -- 5. max_retries is the exact bound, whatever the transport -------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("max_retries", [0, 2])
async def test_max_retries_bounds_the_requests_sent_on_dropped_connections(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, max_retries: int
) -> None:
    sandbox = sandbox_server.sandbox
    client = make_client(transport=transport)
    created = await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")
    path = customer_path(str(created.id))
    # Every GET is dropped, on the kept-alive connection the create used as on new ones.
    sandbox.add_fault(path, method="GET", action="drop", times=None)

    with pytest.raises(APIConnectionError):
        await client.customers.get(BUSINESS_ID, created.id, max_retries=max_retries)

    assert sandbox.request_count(path, method="GET") == 1 + max_retries


# -- 7. a body the parser chokes on is a validation error ------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "body",
    ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000, '{"id": 1e999999}'],
    ids=["nested-lists", "nested-objects", "huge-number"],
)
async def test_a_200_body_the_parser_cannot_handle_is_a_validation_error(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, body: str
) -> None:
    sandbox = sandbox_server.sandbox
    client = make_client(transport=transport)
    created = await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")
    path = customer_path(str(created.id))
    sandbox.add_fault(
        path, action="respond", status=200, body=body, content_type="application/json"
    )

    with pytest.raises(APIResponseValidationError) as info:
        await client.customers.get(BUSINESS_ID, created.id)

    assert info.value.status_code == 200
    assert sandbox.request_count(path, method="GET") == 1
    assert len(str(info.value)) < 500
    assert leaked(info.value, credentials(sandbox)) == []


# -- every error leaves typed, with no credential anywhere -----------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "fault",
    ["drop", "truncate", "reset", "stall", "503", "malformed_json", "connection-refused"],
)
async def test_errors_carry_no_request_headers_anywhere(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, fault: str
) -> None:
    sandbox = sandbox_server.sandbox
    client = make_client(transport=transport, max_retries=1, timeout=0.5)
    created = await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")
    path = customer_path(str(created.id))
    if fault == "connection-refused":
        # Nothing listens on port 9: the token request cannot connect.
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url="http://127.0.0.1:9",
            max_retries=1,
            transport=transport,  # type: ignore[arg-type]
        )
    elif fault == "503":
        sandbox.add_fault(path, action="respond", status=503, times=None)
    else:
        sandbox.add_fault(path, action=fault, times=None)  # type: ignore[arg-type]

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(BUSINESS_ID, created.id)

    assert leaked(info.value, credentials(sandbox)) == []
    # No chain at all: whatever failed below is described in the message.
    assert chain_of(info.value) == [info.value]
    await client.aclose()


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("fault", ["drop", "reset", "stall"])
async def test_a_failed_token_request_carries_no_api_key(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, fault: str
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(TOKEN_PATH, action=fault, times=None)  # type: ignore[arg-type]
    client = make_client(transport=transport, timeout=1.0)

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(BUSINESS_ID, BUSINESS_ID)

    assert leaked(info.value, credentials(sandbox)) == []
    assert chain_of(info.value) == [info.value]
