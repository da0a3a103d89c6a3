"""RedisTokenStore against a real Redis, several clients in one process standing in for a fleet.

Each client has its own ``RedisTokenStore`` (its own connections), as separate processes do, and
the sandbox runs in process (ASGI), counting the token requests it answers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from thredfi_client import AuthenticationError, RedisTokenStore, ThredfiClient, TokenStore
from thredfi_client.testing import Sandbox

from ..support.redis_server import RedisServer

BASE = "http://127.0.0.1"
PARTNER_TOKEN = "/v1/platform/oauth2/token/"


def exchanges(sandbox: Sandbox, business_id: str) -> int:
    return sandbox.request_count(f"/v1/platform/{business_id}/oauth2/token/")


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(token_ttl=3600)


@pytest.fixture
async def make(sandbox: Sandbox) -> AsyncIterator[Callable[..., ThredfiClient]]:
    """Clients of the sandbox, each with a store of its own when given a Redis URL."""
    made: list[ThredfiClient] = []

    def factory(url: str | None = None, **kwargs: Any) -> ThredfiClient:
        store = RedisTokenStore(url, **kwargs.pop("store", {})) if url else None
        client = ThredfiClient(
            partner_id=sandbox.partner_id,
            api_key=sandbox.api_key,
            base_url=BASE,
            transport=httpx.ASGITransport(app=sandbox.app),
            token_store=store,
            **kwargs,
        )
        made.append(client)
        return client

    yield factory
    for client in made:
        await client.aclose()


async def new_customer(client: ThredfiClient, business_id: str) -> str:
    created = await client.customers.create(business_id, company_name="Acme Ltd")
    return str(created.id)


async def test_a_second_client_takes_the_token_from_redis(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str
) -> None:
    first, second = make(redis_url), make(redis_url)
    customer_id = await new_customer(first, sandbox.business_id)

    await second.customers.get(sandbox.business_id, customer_id)

    assert sandbox.request_count(PARTNER_TOKEN) == 1


@pytest.mark.parametrize("token_scope", ["partner", "business"])
async def test_three_clients_at_once_make_one_token_request_per_key(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str, token_scope: str
) -> None:
    businesses = [sandbox.business_id, sandbox.add_business(), sandbox.add_business()]
    setup = make()  # no store: its tokens are not shared, and not counted below
    customers = {b: await new_customer(setup, b) for b in businesses}
    before = {b: exchanges(sandbox, b) for b in businesses}
    partner_before = sandbox.request_count(PARTNER_TOKEN)
    clients = [make(redis_url, token_scope=token_scope) for _ in range(3)]

    await asyncio.gather(
        *(c.customers.get(b, customers[b]) for c in clients for b in businesses for _ in range(20))
    )

    assert sandbox.request_count(PARTNER_TOKEN) - partner_before == 1
    expected = 1 if token_scope == "business" else 0
    assert {b: exchanges(sandbox, b) - before[b] for b in businesses} == dict.fromkeys(
        businesses, expected
    )


async def test_a_fetch_slower_than_the_lock_ttl_is_still_the_only_one(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str
) -> None:
    # A struggling token endpoint (3.5 s an answer) and a 1.5 s lock: the lock expired under
    # the first fetch, and each waiting process fetched in turn (3 requests for 4 processes).
    # (The lock is renewed every lock_ttl / 3: a 1.5 s lock leaves a loaded machine 1 s of
    # event-loop stall before a renewal comes too late; 0.5 s flaked under coverage on xdist.)
    setup = make()
    customer_id = await new_customer(setup, sandbox.business_id)
    before = sandbox.request_count(PARTNER_TOKEN)
    sandbox.add_fault(PARTNER_TOKEN, action="delay", delay=3.5, times=None)
    clients = [make(redis_url, store={"lock_ttl": 1.5}, timeout=8.0) for _ in range(4)]

    await asyncio.gather(*(c.customers.get(sandbox.business_id, customer_id) for c in clients))

    assert sandbox.request_count(PARTNER_TOKEN) - before == 1


class _SlowLockReply(RedisTokenStore):
    """Redis takes the lock at once; its answer reaches this process 0.2 s later."""

    def __init__(self, url: str, **options: Any) -> None:
        super().__init__(url, **options)
        self.taken = asyncio.Event()

    async def acquire(self, key: str, ttl: float) -> str | None:
        owner = await super().acquire(key, ttl)
        self.taken.set()
        await asyncio.sleep(0.2)
        return owner


async def test_a_caller_cancelled_while_its_lock_is_taken_leaves_no_lock_behind(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str
) -> None:
    # Cancelled between Redis taking the lock and the answer arriving, the process never knew
    # it held the lock: nobody released it, and every other process waited out its 5 s TTL.
    setup = make()
    customer_id = await new_customer(setup, sandbox.business_id)
    store = _SlowLockReply(redis_url, lock_ttl=5.0)
    cancelled = ThredfiClient(
        partner_id=sandbox.partner_id,
        api_key=sandbox.api_key,
        base_url=BASE,
        transport=httpx.ASGITransport(app=sandbox.app),
        token_store=store,
    )
    call = asyncio.create_task(cancelled.customers.get(sandbox.business_id, customer_id))
    await asyncio.wait_for(store.taken.wait(), 2)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call

    loop = asyncio.get_running_loop()
    started = loop.time()
    await make(redis_url).customers.get(sandbox.business_id, customer_id)
    assert loop.time() - started < 2.0, "another process waited for a lock nobody held"
    redis = Redis.from_url(redis_url)
    try:
        assert [k async for k in redis.scan_iter("*:lock")] == []
    finally:
        await redis.aclose()
        await cancelled.aclose()


async def test_a_lock_is_extended_only_by_its_owner(redis_url: str) -> None:
    store = RedisTokenStore(redis_url)
    probe = Redis.from_url(redis_url)
    try:
        owner = await store.acquire("thredfi:test", 0.5)
        assert owner is not None
        assert await store.extend("thredfi:test", "not-the-owner", 60.0) is False
        assert await probe.pttl("thredfi:test:lock") <= 500
        assert await store.extend("thredfi:test", owner, 60.0) is True
        assert await probe.pttl("thredfi:test:lock") > 50_000
        await store.release("thredfi:test", owner)
        assert await store.extend("thredfi:test", owner, 60.0) is False  # released: gone
    finally:
        await probe.aclose()
        await store.aclose()


async def test_redis_holds_no_plaintext_token_and_no_identifier_in_its_keys(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str
) -> None:
    client = make(redis_url, token_scope="business")
    customer_id = await new_customer(client, sandbox.business_id)
    await client.customers.get(sandbox.business_id, customer_id)

    redis = Redis.from_url(redis_url)
    try:
        keys = [key async for key in redis.scan_iter()]
        values = [await redis.get(key) for key in keys]
        ttls = [await redis.pttl(key) for key in keys]
    finally:
        await redis.aclose()

    assert len(keys) == 2, keys  # the partner token and one business token; no lock left
    secrets = [*sandbox.tokens, sandbox.api_key]
    identifiers = [sandbox.partner_id, sandbox.business_id, "127.0.0.1"]
    for key, value in zip(keys, values, strict=True):
        assert key.startswith(b"thredfi:token:")
        assert not any(text.encode() in key for text in [*secrets, *identifiers])
        assert value is not None
        assert not any(text.encode() in value for text in [*secrets, *identifiers])
    assert all(3500_000 < ttl <= 3600_000 for ttl in ttls), "TTL = the token's remaining life"


async def test_a_client_with_another_api_key_cannot_use_the_stored_tokens(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str
) -> None:
    first = make(redis_url)
    customer_id = await new_customer(first, sandbox.business_id)
    intruder = ThredfiClient(
        partner_id=sandbox.partner_id,
        api_key="sk_sandbox_not_the_key",
        base_url=BASE,
        transport=httpx.ASGITransport(app=sandbox.app),
        token_store=RedisTokenStore(redis_url),
    )
    async with intruder:
        # It cannot open the shared token, so it asks the token endpoint (which refuses it).
        with pytest.raises(AuthenticationError):
            await intruder.customers.get(sandbox.business_id, customer_id)
    assert sandbox.request_count(PARTNER_TOKEN) == 2


async def test_garbage_in_redis_is_ignored(
    sandbox: Sandbox,
    make: Callable[..., ThredfiClient],
    redis_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first = make(redis_url)
    customer_id = await new_customer(first, sandbox.business_id)
    redis = Redis.from_url(redis_url)
    try:
        (key,) = [k async for k in redis.scan_iter()]
        await redis.set(key, b"1" + b"\x00" * 40, px=60_000)
    finally:
        await redis.aclose()

    await make(redis_url).customers.get(sandbox.business_id, customer_id)

    assert sandbox.request_count(PARTNER_TOKEN) == 2
    assert "unreadable token in the token store" in caplog.text


@pytest.mark.parametrize("poison", ["a-list", "a-hash", "20-MB"])
async def test_a_poisoned_token_key_is_replaced_and_never_read_whole(
    sandbox: Sandbox,
    make: Callable[..., ThredfiClient],
    redis_url: str,
    caplog: pytest.LogCaptureFixture,
    poison: str,
) -> None:
    # A key of the wrong type made every GET fail: the store counted as down, so nothing was
    # shared again until someone deleted the key. A 20 MB value was read whole, twice per fetch.
    first = make(redis_url)
    customer_id = await new_customer(first, sandbox.business_id)
    redis = Redis.from_url(redis_url)
    try:
        (key,) = [k async for k in redis.scan_iter()]
        await redis.delete(key)
        if poison == "a-list":
            await redis.rpush(key, b"x")
        elif poison == "a-hash":
            await redis.hset(key, "v", "x")
        else:
            await redis.set(key, b"1" + b"\0" * 20_000_000)
        sent_before = (await redis.info("stats"))["total_net_output_bytes"]

        await make(redis_url).customers.get(sandbox.business_id, customer_id)  # replaces it
        await make(redis_url).customers.get(sandbox.business_id, customer_id)  # shares it

        sent = (await redis.info("stats"))["total_net_output_bytes"] - sent_before
    finally:
        await redis.aclose()
    assert sandbox.request_count(PARTNER_TOKEN) == 2, "the poisoned key was replaced, then shared"
    assert "Token store unavailable" not in caplog.text
    assert sent < 1_000_000, f"Redis sent {sent} bytes"


async def test_a_401_removes_the_rejected_token_from_redis(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], redis_url: str
) -> None:
    first, second = make(redis_url), make(redis_url)
    customer_id = await new_customer(first, sandbox.business_id)
    await second.customers.get(sandbox.business_id, customer_id)
    sandbox.revoke_tokens()

    await first.customers.get(sandbox.business_id, customer_id)  # 401, fresh token, replay
    await second.customers.get(sandbox.business_id, customer_id)  # 401, takes the fresh one

    assert sandbox.request_count(PARTNER_TOKEN) == 2


# -- Redis trouble costs nothing -------------------------------------------------------------------


async def test_an_unreachable_redis_costs_one_warning_and_no_call(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], caplog: pytest.LogCaptureFixture
) -> None:
    from ..support.redis_server import free_port as _free_port

    client = make(f"redis://127.0.0.1:{_free_port()}/0", store={"recheck_interval": 60.0})
    customer_id = await new_customer(client, sandbox.business_id)
    for _ in range(5):
        await client.customers.get(sandbox.business_id, customer_id)

    warnings = [r for r in caplog.records if "Token store unavailable" in r.getMessage()]
    assert len(warnings) == 1
    assert sandbox.request_count(PARTNER_TOKEN) == 1


async def test_redis_stopping_mid_run_fails_no_call_and_is_picked_up_again(
    sandbox: Sandbox,
    make: Callable[..., ThredfiClient],
    own_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox.token_ttl = 1  # a refresh every 0.9 s
    client = make(own_redis.url, store={"recheck_interval": 0.3})
    customer_id = await new_customer(client, sandbox.business_id)
    failures: list[BaseException] = []
    calls = 0

    async def keep_calling(seconds: float) -> None:
        nonlocal calls
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while loop.time() < end:
            try:
                await client.customers.get(sandbox.business_id, customer_id)
                calls += 1
            except Exception as exc:  # counted, not raised: the test asserts there are none
                failures.append(exc)
            await asyncio.sleep(0.02)

    calling = asyncio.gather(*(keep_calling(3.0) for _ in range(10)))
    await asyncio.sleep(0.5)
    await asyncio.to_thread(own_redis.stop)
    await asyncio.sleep(1.5)  # at least one refresh happens while Redis is down
    await asyncio.to_thread(own_redis.start)
    await calling

    assert failures == []
    assert calls > 100
    messages = [r.getMessage() for r in caplog.records]
    assert sum("Token store unavailable" in m for m in messages) == 1, "one warning per outage"
    assert sum("Token store available again" in m for m in messages) == 1
    redis = Redis.from_url(own_redis.url)
    try:
        assert [k async for k in redis.scan_iter()], "tokens are shared through Redis again"
    finally:
        await redis.aclose()


# -- the store's own contract ------------------------------------------------------------------


async def test_the_lock_is_released_only_by_its_owner(redis_url: str) -> None:
    store = RedisTokenStore(redis_url)
    try:
        owner = await store.acquire("thredfi:test", 5.0)
        assert owner is not None
        assert await store.acquire("thredfi:test", 5.0) is None
        await store.release("thredfi:test", "not-the-owner")
        assert await store.acquire("thredfi:test", 5.0) is None
        await store.release("thredfi:test", owner)
        assert await store.acquire("thredfi:test", 5.0) is not None
    finally:
        await store.aclose()


async def test_a_waiter_wakes_when_the_token_lands_without_polling_redis(redis_url: str) -> None:
    holder, waiter = RedisTokenStore(redis_url), RedisTokenStore(redis_url)
    probe = Redis.from_url(redis_url)
    try:
        owner = await holder.acquire("thredfi:test", 5.0)
        assert owner is not None
        before = await probe.info("commandstats")
        loop = asyncio.get_running_loop()
        started = loop.time()
        waiting = asyncio.create_task(waiter.wait("thredfi:test", 3.0))
        await asyncio.sleep(0.3)
        await holder.set("thredfi:test", b"sealed", 60.0)
        await holder.release("thredfi:test", owner)
        await asyncio.wait_for(waiting, 2.5)
        woke_after = loop.time() - started
        after = await probe.info("commandstats")
    finally:
        await probe.aclose()
        await holder.aclose()
        await waiter.aclose()

    assert 0.3 <= woke_after < 2.5, woke_after  # woken by the release, not its 3 s bound
    gets = after.get("cmdstat_get", {}).get("calls", 0) - before.get("cmdstat_get", {}).get(
        "calls", 0
    )
    pttls = after["cmdstat_pttl"]["calls"] - before.get("cmdstat_pttl", {}).get("calls", 0)
    # The waiter looked at the lock once, then was notified; the one GET is the release script's.
    assert (gets, pttls) == (1, 1), "no loop polling Redis"


async def test_a_dead_holders_lock_delays_a_waiter_by_its_ttl_at_most(redis_url: str) -> None:
    store = RedisTokenStore(redis_url)
    try:
        assert await store.acquire("thredfi:test", 0.4) is not None  # then "dies"
        loop = asyncio.get_running_loop()
        started = loop.time()
        await store.wait("thredfi:test", 5.0)
        assert loop.time() - started < 1.5  # the lock's 0.4 s, not the 5 s the wait allowed
        assert await store.acquire("thredfi:test", 1.0) is not None
    finally:
        await store.aclose()


def test_store_settings_are_checked_and_the_password_never_shown() -> None:
    store = RedisTokenStore("redis://:s3cret-pass@127.0.0.1:6390/2", lock_ttl=2)
    assert isinstance(store, TokenStore)
    assert "s3cret-pass" not in repr(store)
    assert repr(store) == "RedisTokenStore('redis://127.0.0.1:6390/2', lock_ttl=2)"
    for bad in ({"timeout": 0}, {"lock_ttl": -1}, {"recheck_interval": float("inf")}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            RedisTokenStore("redis://127.0.0.1", **bad)
    with pytest.raises(ValueError, match="redis://"):
        RedisTokenStore("http://127.0.0.1")
    with pytest.raises(TypeError, match="TokenStore"):
        ThredfiClient(partner_id="p", api_key="k", token_store=object())  # type: ignore[arg-type]


async def test_no_store_logs_nothing_about_one(
    sandbox: Sandbox, make: Callable[..., ThredfiClient], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="thredfi_client")
    client = make()
    await new_customer(client, sandbox.business_id)
    assert "Token store" not in caplog.text
