"""A create without ``external_id`` that may have been committed is never sent twice."""

from __future__ import annotations

import time

import pytest

from thredfi_client import APIConnectionError, APITimeoutError

from ..conftest import BUSINESS_ID
from . import fault_server as faults
from .fault_server import FaultServer
from .fixtures import TRANSPORTS, ClientFactory

TIMEOUT = 0.5


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_create_without_external_id_that_stalls_after_commit_times_out_once(
    fault_server: FaultServer, make_client: ClientFactory, transport: str
) -> None:
    fault_server.script("create_customer", faults.stall(5.0, after_processing=True))
    client = make_client(transport=transport, timeout=TIMEOUT)
    started = time.monotonic()

    with pytest.raises(APITimeoutError):
        await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")

    assert time.monotonic() - started < TIMEOUT + 1.0
    assert fault_server.count("create_customer") == 1
    assert len(fault_server.customers) == 1


AIOHTTP_DISCONNECT_BUG = (
    "httpx-aiohttp maps every aiohttp.ClientConnectionError, including ServerDisconnectedError "
    "after the request was sent, to httpx.ConnectTimeout, which RetryTransport treats as "
    "'never sent' and replays: the customer is created twice (fix proposed in the report)"
)


@pytest.mark.parametrize(
    ("transport", "fault"),
    [
        pytest.param(
            "httpx", faults.close(after_processing=True), id="closed-without-answer-httpx"
        ),
        pytest.param(
            "aiohttp", faults.close(after_processing=True), id="closed-without-answer-aiohttp"
        ),
        pytest.param("httpx", faults.reset_mid_response(), id="reset-mid-response-httpx"),
        pytest.param("aiohttp", faults.reset_mid_response(), id="reset-mid-response-aiohttp"),
    ],
)
async def test_create_without_external_id_whose_answer_is_lost_is_not_replayed(
    fault_server: FaultServer, make_client: ClientFactory, transport: str, fault: faults.Fault
) -> None:
    fault_server.script("create_customer", fault)
    client = make_client(transport=transport)

    with pytest.raises(APIConnectionError) as info:
        await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")

    assert not isinstance(info.value, APITimeoutError)
    assert fault_server.count("create_customer") == 1
    assert len(fault_server.customers) == 1
