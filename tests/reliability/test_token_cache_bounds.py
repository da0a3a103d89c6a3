"""The business-token cache stays bounded over 10,000 businesses (issue 12), untraced.

It makes 10,001 calls through the whole client; under coverage's tracer (the functional
suites) that took 24 s, untraced a few. It measures no time: it counts the objects left.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from thredfi_client import AccessToken, BadRequestError, ThredfiClient

from ..support import API_KEY, BASE_URL, CUSTOMER_ID, PARTNER_ID

#: A customer as the vendor's page shows it (any business: the SDK does not compare ids).
CUSTOMER = (
    Path(__file__).parents[1] / "fixtures" / "seed_examples" / "create_customer_201.json"
).read_bytes()


def business_ids(count: int) -> list[str]:
    return [str(uuid.UUID(int=n + 1)) for n in range(count)]


def live(kind: type) -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if type(obj) is kind)


async def test_ten_thousand_businesses_leave_a_bounded_cache_and_no_locks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="thredfi_client")  # log records are objects too
    issued = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal issued
        if request.url.path.endswith("/oauth2/token/"):
            issued += 1
            return httpx.Response(200, json={"access_token": f"t{issued}", "expires_in": 3600})
        return httpx.Response(200, content=CUSTOMER, headers={"Content-Type": "application/json"})

    businesses = business_ids(10_000)
    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
        token_scope="business",
        token_cache_size=100,
    )
    async with client:
        await client.customers.get(businesses[0], CUSTOMER_ID)  # the partner token, 1 business
        tokens, locks = live(AccessToken), live(asyncio.Lock)  # other tests' leftovers too
        objects_before = len(gc.get_objects())
        for business_id in businesses:
            await client.customers.get(business_id, CUSTOMER_ID)
        tokens, locks = live(AccessToken) - tokens, live(asyncio.Lock) - locks
        growth = len(gc.get_objects()) - objects_before

    assert issued == 1 + 10_000
    assert tokens <= 100 - 1, "at most token_cache_size business tokens are kept"
    assert locks <= 0, "no lock outlives its token request"
    # Before: ~72,000 objects kept for 10,000 businesses. Redaction remembers every token value
    # for its lifetime (10,000 strings); little else may remain.
    assert growth < 8_000, growth


# -- issue 21: an error costs what it costs with one business; tokens leave nothing behind ------


def _fleet_client(handler: Callable[[httpx.Request], httpx.Response], cache: int) -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
        token_scope="business",
        token_cache_size=cache,
    )


class _Fleet:
    """Token endpoints issuing ``tok_secret_scale_<n>``; get-customer answers 400 for
    ``failing``, echoing the request's ``Authorization`` as a careless server would."""

    def __init__(self, failing: str) -> None:
        self.issued = 0
        self.failing = failing

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token/"):
            self.issued += 1
            token = f"tok_secret_scale_{self.issued}"
            return httpx.Response(200, json={"access_token": token, "expires_in": 3600})
        if f"/businesses/{self.failing}/" in request.url.path:
            echoed = request.headers["Authorization"]
            body = {"error_code": "bad", "message": f"rejected {echoed}", "request_id": echoed}
            return httpx.Response(400, json=body)
        return httpx.Response(200, content=CUSTOMER, headers={"Content-Type": "application/json"})


async def _scrub_passes(client: ThredfiClient, business_id: str) -> int:
    """``str.replace`` calls made by one failing call (one per secret per text scrubbed); its
    error shows the echoed token redacted."""
    passes = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal passes
        if event == "c_call" and getattr(arg, "__name__", None) == "replace":
            passes += isinstance(getattr(arg, "__self__", None), str)

    sys.setprofile(profile)
    try:
        with pytest.raises(BadRequestError) as info:
            await client.customers.get(business_id, CUSTOMER_ID)
    finally:
        sys.setprofile(None)
    assert "rejected Bearer [redacted]" in str(info.value)
    return passes


async def test_an_error_is_scrubbed_in_as_many_passes_after_2000_businesses_as_after_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Before: every error was scrubbed once per token seen (1,500 times slower at 50,000
    # businesses). A secret comes back only in the answer to the request that carried it.
    caplog.set_level(logging.WARNING, logger="thredfi_client")
    businesses = business_ids(2_001)
    fleet = _Fleet(failing=businesses[0])
    async with _fleet_client(fleet, cache=3_000) as client:
        await _scrub_passes(client, businesses[0])  # tokens fetched, modules loaded
        first = await _scrub_passes(client, businesses[0])
        for business_id in businesses[1:]:
            await client.customers.get(business_id, CUSTOMER_ID)
        later = await _scrub_passes(client, businesses[0])

    assert fleet.issued == 1 + 2_001
    assert first == later, (first, later)


async def test_tokens_out_of_the_cache_leave_less_than_half_a_block_per_business(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Before: three objects per business stayed for ten minutes after its token expired (the
    # token, kept for redaction, in a dict and a heap), whatever the cache's bound.
    caplog.set_level(logging.WARNING, logger="thredfi_client")
    businesses = business_ids(3_000)
    fleet = _Fleet(failing="none")
    async with _fleet_client(fleet, cache=len(businesses)) as client:
        for business_id in businesses:  # the bounded caches of ids fill up: not per token
            await client.customers.get(business_id, CUSTOMER_ID)
        await client.auth.invalidate()
        gc.collect()
        before = sys.getallocatedblocks()
        for business_id in businesses:  # a token each, all alive and cached
            await client.customers.get(business_id, CUSTOMER_ID)
        gc.collect()
        cached = sys.getallocatedblocks() - before
        await client.auth.invalidate()
        gc.collect()
        kept = sys.getallocatedblocks() - before

    assert fleet.issued == 2 * (1 + len(businesses))  # invalidate() drops the partner token too
    assert cached >= 2 * len(businesses), "the cache itself holds each token"
    assert kept <= 0.5 * len(businesses), kept / len(businesses)
