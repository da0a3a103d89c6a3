"""Hostile response heads and bodies (issue 13, defects 1 and 6), over a socket, both transports.

* Oversized response headers (a firewall's cookie) and broken heads become typed SDK errors that
  carry no credential (on aiohttp they escaped raw as ``aiohttp.ClientResponseError``, holding
  the request's ``Authorization`` header -- on a token request, the API key).
* The decompressed body is capped (``max_response_bytes``, 32 MiB by default) and inflated
  inside the attempt's deadline: a gzip bomb costs neither minutes nor a gigabyte.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

from thredfi_client import APIConnectionError, APITimeoutError

from ..conftest import API_KEY, BUSINESS_ID
from .fault_server import Fault, FaultServer, Route
from .fixtures import TRANSPORTS, ClientFactory
from .transport_support import BASIC, chain_of, leaked

MiB = 1024 * 1024
#: Bigger than any header either transport accepts (httpcore's h11: 100 KiB in all).
HUGE_HEADER = 200_000


def _gzip_of_zeros(size: int) -> bytes:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MiB)
    parts = [squeeze.compress(block) for _ in range(size // MiB)]
    return b"".join([*parts, squeeze.flush()])


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """About 0.5 MB of gzip that inflates to 512 MiB."""
    return _gzip_of_zeros(512 * MiB)


def _secrets(server: FaultServer) -> list[str]:
    return [API_KEY, BASIC, *server.tokens]


def _gzip(body: bytes, *, status: int = 200) -> Fault:
    return Fault(
        kind="status",
        status=status,
        headers=(("content-type", "application/json"), ("content-encoding", "gzip")),
        body=body,
    )


# -- 1. oversized and broken response heads --------------------------------------------------------


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("route", ["token", "get_customer"])
async def test_an_oversized_response_header_is_a_typed_error_carrying_no_credential(
    fault_server: FaultServer, make_client: ClientFactory, transport: str, route: Route
) -> None:
    customer_id = fault_server.add_customer()
    cookie = Fault(kind="status", status=200, headers=(("set-cookie", "c" * HUGE_HEADER),))
    fault_server.script(route, cookie, cookie, cookie)  # one per attempt
    client = make_client(transport=transport)

    with pytest.raises(APIConnectionError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert leaked(info.value, _secrets(fault_server)) == []
    assert chain_of(info.value) == [info.value]
    assert fault_server.count(route) == 3  # sent, so retried as a GET / token request is


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_9000_byte_cookie_from_a_firewall_is_accepted(
    fault_server: FaultServer, make_client: ClientFactory, transport: str
) -> None:
    customer_id = fault_server.add_customer()
    client = make_client(transport=transport)
    await client.customers.get(BUSINESS_ID, customer_id)
    answer = fault_server.customers[customer_id]
    fault_server.script(
        "get_customer",
        Fault(
            kind="status",
            status=200,
            headers=(("content-type", "application/json"), ("set-cookie", "c" * 9000)),
            body=json.dumps(answer).encode(),
        ),
    )

    customer = await client.customers.get(BUSINESS_ID, customer_id)

    assert str(customer.id) == customer_id


# -- 6. the body cap, and inflating inside the deadline --------------------------------------------


@pytest.fixture
def traced() -> Iterator[None]:
    tracemalloc.start()
    try:
        yield
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_gzip_bomb_is_refused_fast_and_with_bounded_memory(
    fault_server: FaultServer,
    make_client: ClientFactory,
    transport: str,
    bomb: bytes,
    traced: None,
) -> None:
    customer_id = fault_server.add_customer()
    client = make_client(transport=transport, timeout=2.0)
    await client.customers.get(BUSINESS_ID, customer_id)  # the token, outside the measure
    fault_server.script("get_customer", _gzip(bomb))
    tracemalloc.reset_peak()
    started = time.monotonic()

    with pytest.raises(APIConnectionError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    elapsed = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    assert type(info.value).__name__ == "ResponseTooLargeError"
    assert getattr(info.value, "limit", None) == 32 * MiB
    assert "32 MiB" in str(info.value)
    assert elapsed < 2.0
    assert peak < 96 * MiB, f"peak {peak / MiB:.0f} MiB"
    assert fault_server.count("get_customer") == 2  # not retried: the answer would not change


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("size", "limit", "refused"),
    [(1 * MiB, 1 * MiB, False), (1 * MiB + 1, 1 * MiB, True), (40 * MiB, None, True)],
    ids=["at-the-limit", "one-byte-over", "40MiB-default-limit"],
)
async def test_a_plain_body_over_the_limit_is_refused(
    fault_server: FaultServer,
    make_client: ClientFactory,
    transport: str,
    size: int,
    limit: int | None,
    refused: bool,
) -> None:
    customer_id = fault_server.add_customer()
    options: dict[str, Any] = {} if limit is None else {"max_response_bytes": limit}
    client = make_client(transport=transport, **options)
    await client.customers.get(BUSINESS_ID, customer_id)
    # A JSON object padded with spaces to exactly ``size`` bytes.
    body = json.dumps(fault_server.customers[customer_id]).encode()
    body = body[:-1] + b" " * (size - len(body)) + b"}"
    fault_server.script(
        "get_customer",
        Fault(
            kind="status", status=200, headers=(("content-type", "application/json"),), body=body
        ),
    )

    if refused:
        with pytest.raises(APIConnectionError) as info:
            await client.customers.get(BUSINESS_ID, customer_id)
        assert type(info.value).__name__ == "ResponseTooLargeError"
    else:
        customer = await client.customers.get(BUSINESS_ID, customer_id)
        assert str(customer.id) == customer_id


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_inflating_happens_inside_the_attempt_deadline(
    fault_server: FaultServer, make_client: ClientFactory, transport: str, bomb: bytes
) -> None:
    # With a cap large enough to inflate it all, the 512 MiB take longer than the attempt may.
    customer_id = fault_server.add_customer()
    client = make_client(transport=transport, max_response_bytes=1024 * MiB, max_retries=0)
    await client.customers.get(BUSINESS_ID, customer_id)
    fault_server.script("get_customer", _gzip(bomb))
    started = time.monotonic()

    with pytest.raises(APITimeoutError):
        await client.customers.get(BUSINESS_ID, customer_id, timeout=0.15)

    assert time.monotonic() - started < 1.0
