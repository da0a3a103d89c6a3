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
from thredfi_client.testing import Sandbox, SandboxServer

from ..support import BUSINESS_ID, TOKEN_PATH, TRANSPORTS, customer_path
from ..support.servers import ClientFactory
from .transport_support import chain_of, credentials, leaked

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


def _gzip(sandbox: Sandbox, path: str, body: bytes) -> None:
    sandbox.add_fault(
        path,
        action="respond",
        status=200,
        body=body,
        content_type="application/json",
        headers={"Content-Encoding": "gzip"},
    )


# -- 1. oversized and broken response heads --------------------------------------------------------


#: Response heads no client may accept, each written to the socket as it is.
BROKEN_HEADS = {
    "oversized-header": b"HTTP/1.1 200 OK\r\nSet-Cookie: " + b"c" * HUGE_HEADER + b"\r\n\r\n",
    "bad-status-line": b"HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\n{}",
    "bad-header-line": b"HTTP/1.1 200 OK\r\nNo colon in this line\r\nContent-Length: 2\r\n\r\n{}",
    "garbage": b"\x16\x03\x01 this is no HTTP at all\r\n\r\n",
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("route", ["token", "get_customer"])
@pytest.mark.parametrize("head", list(BROKEN_HEADS))
async def test_a_broken_response_head_is_a_typed_error_carrying_no_credential(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, route: str, head: str
) -> None:
    # On aiohttp these escaped as aiohttp.ClientResponseError, whose repr and request_info held
    # the Authorization header: on the token request, the Basic value, i.e. the API key.
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = TOKEN_PATH if route == "token" else customer_path(customer_id)
    sandbox.add_fault(path, action="raw", raw=BROKEN_HEADS[head], times=3)  # one per attempt
    client = make_client(transport=transport)

    with pytest.raises(APIConnectionError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert leaked(info.value, credentials(sandbox)) == []
    assert chain_of(info.value) == [info.value]
    assert sandbox.request_count(path) == 3  # sent, so retried as a GET / token request is


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("route", ["token", "get_customer"])
async def test_an_oversized_header_in_a_real_response_is_a_typed_error(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, route: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = TOKEN_PATH if route == "token" else customer_path(customer_id)
    sandbox.add_fault(
        path, action="respond", status=200, headers={"Set-Cookie": "c" * HUGE_HEADER}, times=3
    )
    client = make_client(transport=transport)

    with pytest.raises(APIConnectionError) as info:
        await client.customers.get(BUSINESS_ID, customer_id)

    assert leaked(info.value, credentials(sandbox)) == []
    assert chain_of(info.value) == [info.value]
    assert sandbox.request_count(path) == 3


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_9000_byte_cookie_from_a_firewall_is_accepted(
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    client = make_client(transport=transport)
    sandbox.add_fault(
        customer_path(customer_id),
        action="respond",
        status=200,
        body=sandbox.customers[customer_id],
        headers={"Set-Cookie": "c" * 9000},
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
    sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    bomb: bytes,
    traced: None,
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    path = customer_path(customer_id)
    client = make_client(transport=transport, timeout=2.0)
    await client.customers.get(BUSINESS_ID, customer_id)  # the token, outside the measure
    _gzip(sandbox, path, bomb)
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
    assert sandbox.request_count(path) == 2  # not retried: the answer would not change


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("size", "limit", "refused"),
    [(1 * MiB, 1 * MiB, False), (1 * MiB + 1, 1 * MiB, True), (40 * MiB, None, True)],
    ids=["at-the-limit", "one-byte-over", "40MiB-default-limit"],
)
async def test_a_plain_body_over_the_limit_is_refused(
    sandbox_server: SandboxServer,
    make_client: ClientFactory,
    transport: str,
    size: int,
    limit: int | None,
    refused: bool,
) -> None:
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    options: dict[str, Any] = {} if limit is None else {"max_response_bytes": limit}
    client = make_client(transport=transport, **options)
    await client.customers.get(BUSINESS_ID, customer_id)
    # A JSON object padded with spaces to exactly ``size`` bytes.
    body = json.dumps(sandbox.customers[customer_id]).encode()
    body = body[:-1] + b" " * (size - len(body)) + b"}"
    sandbox.add_fault(
        customer_path(customer_id),
        action="respond",
        status=200,
        body=body,
        content_type="application/json",
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
    sandbox_server: SandboxServer, make_client: ClientFactory, transport: str, bomb: bytes
) -> None:
    # With a cap large enough to inflate it all, the 512 MiB take longer than the attempt may.
    sandbox = sandbox_server.sandbox
    customer_id = sandbox.add_customer()["id"]
    client = make_client(transport=transport, max_response_bytes=1024 * MiB, max_retries=0)
    await client.customers.get(BUSINESS_ID, customer_id)
    _gzip(sandbox, customer_path(customer_id), bomb)
    started = time.monotonic()

    with pytest.raises(APITimeoutError):
        await client.customers.get(BUSINESS_ID, customer_id, timeout=0.15)

    assert time.monotonic() - started < 1.0
