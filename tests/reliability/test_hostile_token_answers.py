"""Token answers that must not be used: refused at the token source, typed, the same on both
transports, and nothing sent to the API with them.

* A token with leading or trailing whitespace cannot travel in a header as it was issued (HTTP
  strips it from a field value). On httpx, h11 refused to send it (``LocalProtocolError``,
  whose message repeats the header value); on aiohttp it went out, trimmed, and was rejected.
* A business token the exchange issued for another business is used as issued (the contract's
  mock servers answer any ``business_id``); the API refuses it once, as a typed 403.
"""

from __future__ import annotations

import pytest

from thredfi_client import APIResponseValidationError, PermissionDeniedError, ThredfiError
from thredfi_client.testing import SandboxServer

from ..support import (
    BUSINESS_ID,
    TOKEN_PATH,
    TRANSPORTS,
    business_token_path,
    customer_path,
)
from ..support.servers import ClientFactory
from .transport_support import chain_of, credentials, leaked


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "token",
    ["tok_secret_trailing_space ", " tok_secret_leading_space", "tok_secret_both\\'\" "],
    ids=["trailing", "leading", "quotes-and-trailing"],
)
async def test_a_token_edged_with_whitespace_is_refused_before_any_api_request(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, token: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    sandbox.add_fault(
        TOKEN_PATH,
        action="respond",
        status=200,
        body={"access_token": token, "token_type": "Bearer", "expires_in": 3600},
    )
    client = make_client(transport=transport, max_retries=0)

    with pytest.raises(ThredfiError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert type(info.value) is APIResponseValidationError
    assert "whitespace" in str(info.value)
    assert sandbox.request_count(customer_path(customer_id)) == 0
    assert leaked(info.value, [*credentials(sandbox), token.strip()]) == []
    assert chain_of(info.value) == [info.value]
    # The next call fetches a usable token and succeeds.
    await client.customers.get(BUSINESS_ID, customer_id)


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_business_token_issued_for_another_business_is_refused_by_the_api_once(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    # Not refused by the SDK: the vendor's contract mock (Prism) answers every exchange with a
    # business_id of its own, and the contract suite takes its answers. The API refuses the
    # token (403) for this business: a typed error after one request, showing no token.
    sandbox = sandbox_server.sandbox
    other = sandbox.add_business()
    client = make_client(transport=transport, max_retries=0, token_scope="business")
    await client.customers.create(other, company_name="Other Ltd")
    other_token = sandbox.tokens[-1]  # the other business's token, issued last
    customer_id = sandbox.add_customer()["id"]
    sandbox.add_fault(
        business_token_path(BUSINESS_ID),
        action="respond",
        status=200,
        body={
            "access_token": other_token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": "business_access",
            "business_id": other,
        },
    )

    with pytest.raises(PermissionDeniedError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert sandbox.request_count(customer_path(customer_id)) == 1
    assert leaked(info.value, credentials(sandbox)) == []
