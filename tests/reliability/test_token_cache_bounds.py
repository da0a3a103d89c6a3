"""The business-token cache stays bounded over 10,000 businesses (issue 12), untraced.

It makes 10,001 calls through the whole client; under coverage's tracer (the functional
suites) that took 24 s, untraced a few. It measures no time: it counts the objects left.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import uuid
from pathlib import Path

import httpx
import pytest

from thredfi_client import AccessToken, ThredfiClient

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
