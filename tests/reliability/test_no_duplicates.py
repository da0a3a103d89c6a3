"""A create without ``external_id`` that may have been committed is never sent twice."""

from __future__ import annotations

import time

import pytest

from thredfi_client import APIConnectionError, APITimeoutError
from thredfi_client.testing import SandboxServer

from ..support import BUSINESS_ID, TRANSPORTS, customers_path
from ..support.servers import ClientFactory

TIMEOUT = 0.5


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_create_without_external_id_that_stalls_after_commit_times_out_once(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(
        customers_path(), method="POST", action="stall", delay=5.0, after_processing=True
    )
    client = make_client(transport=transport, timeout=TIMEOUT)
    started = time.monotonic()

    with pytest.raises(APITimeoutError):
        await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")

    assert time.monotonic() - started < TIMEOUT + 1.0
    assert sandbox.request_count(customers_path(), method="POST") == 1
    assert len(sandbox.customers) == 1


@pytest.mark.parametrize(
    ("transport", "action"),
    [
        pytest.param("httpx", "drop", id="closed-without-answer-httpx"),
        pytest.param("aiohttp", "drop", id="closed-without-answer-aiohttp"),
        pytest.param("httpx", "reset", id="reset-mid-response-httpx"),
        pytest.param("aiohttp", "reset", id="reset-mid-response-aiohttp"),
    ],
)
async def test_create_without_external_id_whose_answer_is_lost_is_not_replayed(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, action: str
) -> None:
    sandbox = sandbox_server.sandbox
    sandbox.add_fault(
        customers_path(),
        method="POST",
        action=action,  # type: ignore[arg-type]
        # drop: after the customer was created; reset always acts on the real answer
        after_processing=action == "drop",
    )
    client = make_client(transport=transport)

    with pytest.raises(APIConnectionError) as info:
        await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")

    assert not isinstance(info.value, APITimeoutError)
    assert sandbox.request_count(customers_path(), method="POST") == 1
    assert len(sandbox.customers) == 1
