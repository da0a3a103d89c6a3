"""A token store that fails, hangs or answers garbage never fails a call (no Redis needed)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from pytest_httpx import HTTPXMock

from thredfi_client import RetryPolicy, ThredfiClient, TokenStore

from ..support import API_KEY, BASE_URL, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID
from .test_tokens import CUSTOMER, CUSTOMER_RE, TOKEN_URL

pytestmark = pytest.mark.httpx_mock(assert_all_responses_were_requested=False)


class _StoreBug(BaseException):
    """What a buggy store might raise: a BaseException that is no Exception."""


class Store:
    """A TokenStore whose every operation does what ``behave`` says."""

    timeout = 0.05
    lock_ttl = 1.0
    recheck_interval = 60.0

    def __init__(self, behave: str) -> None:
        self.behave = behave
        self.calls = 0

    async def _op(self, answer: Any = None) -> Any:
        self.calls += 1
        if self.behave == "raise":
            raise ConnectionRefusedError("store down")
        if self.behave == "hang":
            await asyncio.sleep(30)
        if self.behave == "garbage":
            return 42  # not the (bytes, ttl) a get should answer
        if self.behave == "raise-cancelled":  # a store bug, no cancellation of the caller
            raise asyncio.CancelledError
        if self.behave == "raise-base-exception":
            raise _StoreBug("not an Exception")
        return answer

    async def get(self, key: str) -> tuple[bytes, float] | None:
        return await self._op()  # type: ignore[no-any-return]

    async def set(self, key: str, value: bytes, ttl: float) -> None:
        await self._op()

    async def delete(self, key: str, value: bytes) -> None:
        await self._op()

    async def acquire(self, key: str, ttl: float) -> str | None:
        return await self._op("owner")  # type: ignore[no-any-return]

    async def release(self, key: str, owner: str) -> None:
        await self._op()

    async def wait(self, key: str, seconds: float) -> None:
        await self._op()

    async def aclose(self) -> None:
        await self._op()


@pytest.mark.parametrize(
    "behave", ["raise", "hang", "garbage", "raise-cancelled", "raise-base-exception"]
)
async def test_a_failing_store_costs_one_warning_and_no_call(
    httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture, behave: str
) -> None:
    httpx_mock.add_response(
        method="POST",
        url=TOKEN_URL,
        json={"access_token": "tok_secret_store", "expires_in": 0},  # refetched every call
        is_reusable=True,
    )
    httpx_mock.add_response(method="GET", url=CUSTOMER_RE, content=CUSTOMER, is_reusable=True)
    store = Store(behave)
    assert isinstance(store, TokenStore)
    caplog.set_level(logging.WARNING, logger="thredfi_client")

    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport="httpx",
        retry_policy=RetryPolicy(backoff_base=0.0),
        token_store=store,
    ) as client:
        for _ in range(5):
            await asyncio.wait_for(client.customers.get(BUSINESS_ID, CUSTOMER_ID), 5)

    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 5
    unavailable = [r for r in caplog.records if "Token store unavailable" in r.getMessage()]
    assert len(unavailable) == (0 if behave == "garbage" else 1)
    if behave != "garbage":  # aclose() tried once more, and failed quietly
        assert store.calls <= 3, "the store is left alone until recheck_interval has passed"


async def test_a_caller_cancelled_while_the_store_hangs_is_cancelled(
    httpx_mock: HTTPXMock,
) -> None:
    # The store's own CancelledError is a failure of the store; the caller's is a cancellation.
    store = Store("hang")
    store.timeout = 5.0
    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport="httpx",
        token_store=store,
    ) as client:
        call = asyncio.create_task(client.customers.get(BUSINESS_ID, CUSTOMER_ID))
        await asyncio.sleep(0.05)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(call, 2)
        assert len(client.auth._tokens._flights) == 0, "no fetch left in flight"
        store.behave = "well"  # so that closing does not wait for the hanging store
    assert httpx_mock.get_requests() == []
