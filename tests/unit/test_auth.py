"""Unit tests for ``thredfi_client._auth.ThredfiAuth`` against a scripted Thredfi (pytest-httpx)."""

from __future__ import annotations

import asyncio
import base64
import logging
import re
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from thredfi_client import (
    APIResponseValidationError,
    AuthenticationError,
    RetryPolicy,
)
from thredfi_client._auth._flow import ThredfiAuth
from thredfi_client._auth._tokens import AccessToken, TokenSource
from thredfi_client._extensions import IDEMPOTENT, MAX_RETRIES, TOKEN_SCOPE, TOTAL_TIMEOUT

# The fake registers one reusable callback per endpoint; each test asserts what it expects.
pytestmark = pytest.mark.httpx_mock(assert_all_responses_were_requested=False)

BASE = "https://sandbox.thredfi.test"
PARTNER_ID = "0b6f1f4e-5d1c-4a51-9a53-1f3c1c0d7e11"
API_KEY = "sk_test_Zx9SECRETapikey"
BASIC_VALUE = base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()
TOKEN_URL = f"{BASE}/v1/platform/oauth2/token/"
BIZ_A = "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa"
BIZ_B = "bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb"
PARTNER_PATH = "/v1/platform/partners/me/"

EXCHANGE_RE = re.compile(re.escape(BASE) + r"/v1/platform/(?P<biz>[^/]+)/oauth2/token/$")
API_RE = re.compile(re.escape(BASE) + r"/(?!.*oauth2/token/$).*$")


def customers(business_id: str) -> str:
    return f"/v1/platform/businesses/{business_id}/customers/"


def exchange_url(business_id: str) -> str:
    return f"{BASE}/v1/platform/{business_id}/oauth2/token/"


class FakeClock:
    """A monotonic clock the test advances by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def let_others_run() -> None:
    """Yield to the event loop enough times for every ready task to reach its next wait."""
    for _ in range(10):
        await asyncio.sleep(0)


def snapshot(request: httpx.Request) -> httpx.Request:
    """A copy: the auth flow may change the headers of a request it replays."""
    return httpx.Request(
        request.method,
        request.url,
        headers=request.headers.copy(),
        content=request.content,
        extensions=dict(request.extensions),
    )


class FakeThredfi:
    """Token endpoints and an API that checks tokens like Thredfi does.

    Scripts (``*_script``) are consumed first; afterwards every endpoint succeeds. Token
    endpoints yield to the event loop before answering, so concurrent callers really overlap.
    """

    def __init__(self, httpx_mock: HTTPXMock) -> None:
        self.expires_in: Any = 3600
        self.business_expires_in: Any = 3600
        self.token_requests: list[httpx.Request] = []
        self.exchange_requests: list[httpx.Request] = []
        self.api_requests: list[httpx.Request] = []
        self.partner_tokens: list[str] = []
        self.business_tokens: dict[str, list[str]] = defaultdict(list)
        self.token_script: list[httpx.Response] = []
        self.exchange_script: list[httpx.Response] = []
        self.api_script: list[int] = []
        self.token_hook: Callable[[httpx.Request], Awaitable[None]] | None = None
        self.api_hook: Callable[[httpx.Request], Awaitable[None]] | None = None
        httpx_mock.add_callback(self._token, method="POST", url=TOKEN_URL, is_reusable=True)
        httpx_mock.add_callback(self._exchange, method="POST", url=EXCHANGE_RE, is_reusable=True)
        httpx_mock.add_callback(self._api, url=API_RE, is_reusable=True)

    async def _token(self, request: httpx.Request) -> httpx.Response:
        self.token_requests.append(snapshot(request))
        if self.token_hook is not None:
            await self.token_hook(request)
        await let_others_run()
        if self.token_script:
            return self.token_script.pop(0)
        value = f"partner-tok-{len(self.partner_tokens) + 1}"
        self.partner_tokens.append(value)
        body = {"access_token": value, "token_type": "Bearer", "expires_in": self.expires_in}
        return httpx.Response(200, json=body)

    async def _exchange(self, request: httpx.Request) -> httpx.Response:
        self.exchange_requests.append(snapshot(request))
        await let_others_run()
        if self.exchange_script:
            return self.exchange_script.pop(0)
        match = EXCHANGE_RE.match(str(request.url))
        assert match is not None
        business_id = match["biz"]
        value = f"biz-tok-{business_id[:4]}-{len(self.business_tokens[business_id]) + 1}"
        self.business_tokens[business_id].append(value)
        body = {
            "access_token": value,
            "token_type": "Bearer",
            "expires_in": self.business_expires_in,
            "scope": "business_access",
            "business_id": business_id,
        }
        return httpx.Response(200, json=body)

    async def _api(self, request: httpx.Request) -> httpx.Response:
        self.api_requests.append(snapshot(request))
        if self.api_hook is not None:
            await self.api_hook(request)
        status = self.api_script.pop(0) if self.api_script else 200
        return httpx.Response(status, json={"ok": status == 200})


def bearer(request: httpx.Request) -> str | None:
    value: str | None = request.headers.get("Authorization")
    if value is None:
        return None
    assert value.startswith("Bearer ")
    return value.removeprefix("Bearer ")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(httpx_mock: HTTPXMock) -> FakeThredfi:
    return FakeThredfi(httpx_mock)


def make_auth(
    clock: FakeClock,
    token_scope: Any = "partner",
    base_url: str = BASE,
    transport: httpx.AsyncBaseTransport | None = None,
) -> ThredfiAuth:
    # No backoff: token requests are retried (5xx, 429) by the token source's own transport.
    tokens = TokenSource(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=httpx.URL(base_url),
        transport=transport,
        retry_policy=RetryPolicy(backoff_base=0.0),
        clock=clock,
    )
    return ThredfiAuth(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        token_scope=token_scope,
        clock=clock,
        tokens=tokens,
    )


class DirectAuthClient(httpx.AsyncClient):
    """Drives ``ThredfiAuth.send`` -- the flow as ``ThredfiClient`` runs it, without httpx's
    generator protocol -- so every test of the flow holds for both ways of running it."""

    def __init__(self, *, auth: ThredfiAuth, **kwargs: Any) -> None:
        super().__init__(auth=auth, **kwargs)  # .auth is it; send() runs it itself
        self._direct_auth = auth

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        kwargs.pop("auth", None)

        async def send_once(outgoing: httpx.Request) -> httpx.Response:
            return await super(DirectAuthClient, self).send(outgoing, auth=None, **kwargs)

        return await self._direct_auth.send(request, send_once)


#: How the flow is run: httpx's generator protocol (async_auth_flow), or ThredfiAuth.send.
DRIVERS = ("generator", "direct")


def auth_client(auth: ThredfiAuth, driver: str) -> httpx.AsyncClient:
    if driver == "direct":
        return DirectAuthClient(base_url=BASE, auth=auth)
    return httpx.AsyncClient(base_url=BASE, auth=auth)


@pytest.fixture(params=DRIVERS)
async def client(
    clock: FakeClock, request: pytest.FixtureRequest
) -> AsyncIterator[httpx.AsyncClient]:
    auth = make_auth(clock)
    async with auth_client(auth, request.param) as client:
        yield client
    await auth.aclose()


@pytest.fixture(params=DRIVERS)
async def business_client(
    clock: FakeClock, request: pytest.FixtureRequest
) -> AsyncIterator[httpx.AsyncClient]:
    auth = make_auth(clock, "business")
    async with auth_client(auth, request.param) as client:
        yield client
    await auth.aclose()


def barrier(size: int) -> Callable[[httpx.Request], Awaitable[None]]:
    """An API hook that answers only once ``size`` API requests are in flight together."""
    state = {"arrived": 0}
    all_in = asyncio.Event()

    async def hook(request: httpx.Request) -> None:
        state["arrived"] += 1
        if state["arrived"] % size == 0:
            all_in.set()
        # If a lock were held during API requests, they could not all be in flight: timeout.
        await asyncio.wait_for(all_in.wait(), timeout=5)
        if state["arrived"] % size == 0:
            all_in.clear()

    return hook


# -- single flight and refresh ---------------------------------------------------------------


async def test_concurrent_requests_share_one_token_and_one_refresh(
    client: httpx.AsyncClient, fake: FakeThredfi, clock: FakeClock
) -> None:
    fake.api_hook = barrier(50)

    responses = await asyncio.gather(*(client.get(customers(BIZ_A)) for _ in range(50)))

    assert [r.status_code for r in responses] == [200] * 50
    assert len(fake.token_requests) == 1
    assert {bearer(r) for r in fake.api_requests} == {"partner-tok-1"}
    assert len(fake.api_requests) == 50

    clock.advance(3600 - 60 + 1)
    responses = await asyncio.gather(*(client.get(customers(BIZ_A)) for _ in range(50)))

    assert [r.status_code for r in responses] == [200] * 50
    assert len(fake.token_requests) == 2
    assert {bearer(r) for r in fake.api_requests[50:]} == {"partner-tok-2"}


async def test_business_scope_one_partner_token_and_one_exchange_per_business(
    business_client: httpx.AsyncClient, fake: FakeThredfi, clock: FakeClock
) -> None:
    async def burst() -> list[httpx.Response]:
        urls = [customers(BIZ_A), customers(BIZ_B)] * 20 + [PARTNER_PATH] * 5
        return await asyncio.gather(*(business_client.get(url) for url in urls))

    responses = await burst()

    assert all(r.status_code == 200 for r in responses)
    assert len(fake.token_requests) == 1
    assert sorted(str(r.url) for r in fake.exchange_requests) == [
        exchange_url(BIZ_A),
        exchange_url(BIZ_B),
    ]
    assert {bearer(r) for r in fake.exchange_requests} == {"partner-tok-1"}
    by_path: dict[str, set[str | None]] = defaultdict(set)
    for request in fake.api_requests:
        by_path[request.url.path].add(bearer(request))
    # Each business's token goes only to its own URLs; other URLs get the partner token.
    assert by_path == {
        customers(BIZ_A): {"biz-tok-aaaa-1"},
        customers(BIZ_B): {"biz-tok-bbbb-1"},
        PARTNER_PATH: {"partner-tok-1"},
    }

    clock.advance(3541)
    fake.api_requests.clear()
    responses = await burst()

    assert all(r.status_code == 200 for r in responses)
    assert len(fake.token_requests) == 2
    assert len(fake.exchange_requests) == 4
    assert {bearer(r) for r in fake.exchange_requests[2:]} == {"partner-tok-2"}
    assert {bearer(r) for r in fake.api_requests if r.url.path == customers(BIZ_A)} == {
        "biz-tok-aaaa-2"
    }
    assert {bearer(r) for r in fake.api_requests if r.url.path == customers(BIZ_B)} == {
        "biz-tok-bbbb-2"
    }


def business(business_id: str) -> str:
    return f"/v1/platform/businesses/{business_id}/"


async def test_an_operation_taking_only_business_tokens_gets_one_on_a_partner_client(
    client: httpx.AsyncClient, fake: FakeThredfi, clock: FakeClock
) -> None:
    """Issue 22: the operation's scope (a request extension) wins over the client's "partner",
    with no extra token requests: one partner token, one exchange per business per expiry."""
    only_business = {TOKEN_SCOPE: "business"}
    urls = [customers(BIZ_A), customers(BIZ_B)] * 10
    responses = await asyncio.gather(
        *(client.get(url, extensions=only_business) for url in urls),
        *(client.get(customers(BIZ_A)) for _ in range(5)),  # either token: the client's choice
    )

    assert all(r.status_code == 200 for r in responses)
    assert len(fake.token_requests) == 1
    assert sorted(str(r.url) for r in fake.exchange_requests) == [
        exchange_url(BIZ_A),
        exchange_url(BIZ_B),
    ]
    tokens = [(r.url.path, TOKEN_SCOPE in r.extensions, bearer(r)) for r in fake.api_requests]
    assert {t for t in tokens if t[1]} == {
        (customers(BIZ_A), True, "biz-tok-aaaa-1"),
        (customers(BIZ_B), True, "biz-tok-bbbb-1"),
    }
    assert {t for t in tokens if not t[1]} == {(customers(BIZ_A), False, "partner-tok-1")}

    clock.advance(3541)
    await asyncio.gather(*(client.get(url, extensions=only_business) for url in urls))
    assert len(fake.token_requests) == 2
    assert len(fake.exchange_requests) == 4


async def test_a_partner_level_operation_gets_the_partner_token_on_a_business_client(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    """Issue 22: a partner-level operation (``GET /businesses/{id}/``, whose URL names a
    business) is sent with the partner token, and no exchange is made for it."""
    partner_only = {TOKEN_SCOPE: "partner"}
    responses = await asyncio.gather(
        *(business_client.get(business(BIZ_A), extensions=partner_only) for _ in range(5)),
        business_client.get("/v1/platform/businesses/", extensions=partner_only),
    )

    assert all(r.status_code == 200 for r in responses)
    assert len(fake.token_requests) == 1
    assert fake.exchange_requests == []
    assert {bearer(r) for r in fake.api_requests} == {"partner-tok-1"}

    # The same URL without the operation's scope follows the client's: a business token.
    await business_client.get(business(BIZ_A))
    assert [str(r.url) for r in fake.exchange_requests] == [exchange_url(BIZ_A)]
    assert bearer(fake.api_requests[-1]) == "biz-tok-aaaa-1"


async def test_business_token_refreshed_on_its_own_lifetime(
    business_client: httpx.AsyncClient, fake: FakeThredfi, clock: FakeClock
) -> None:
    fake.business_expires_in = 100  # margin 10 s; the partner token lives on

    await business_client.get(customers(BIZ_A))
    clock.advance(89)
    await business_client.get(customers(BIZ_A))
    assert len(fake.exchange_requests) == 1
    clock.advance(2)
    await business_client.get(customers(BIZ_A))

    assert len(fake.token_requests) == 1
    assert len(fake.exchange_requests) == 2
    assert bearer(fake.api_requests[-1]) == "biz-tok-aaaa-2"


@pytest.mark.parametrize(
    ("expires_in", "reused_at", "refreshed_at"),
    [(3600, 3539.0, 3541.0), (5, 4.4, 4.6), (300, 269.0, 271.0)],
)
async def test_refresh_margin_is_min_of_60s_and_10_percent(
    client: httpx.AsyncClient,
    fake: FakeThredfi,
    clock: FakeClock,
    expires_in: int,
    reused_at: float,
    refreshed_at: float,
) -> None:
    fake.expires_in = expires_in
    start = clock.now
    await client.get(PARTNER_PATH)

    clock.now = start + reused_at
    await client.get(PARTNER_PATH)
    assert len(fake.token_requests) == 1

    clock.now = start + refreshed_at
    await client.get(PARTNER_PATH)
    assert len(fake.token_requests) == 2
    assert [bearer(r) for r in fake.api_requests] == ["partner-tok-1"] * 2 + ["partner-tok-2"]


async def test_zero_lifetime_token_is_used_once_without_looping(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.expires_in = 0

    first = await client.get(PARTNER_PATH)
    second = await client.get(PARTNER_PATH)

    assert (first.status_code, second.status_code) == (200, 200)
    assert len(fake.token_requests) == 2
    assert [bearer(r) for r in fake.api_requests] == ["partner-tok-1", "partner-tok-2"]


# -- the token requests themselves ------------------------------------------------------------


async def test_partner_token_request_shape(client: httpx.AsyncClient, fake: FakeThredfi) -> None:
    timeout = httpx.Timeout(7.0)
    request = client.build_request(
        "GET",
        PARTNER_PATH,
        headers={"User-Agent": "thredfi-client/9.9 test"},
        timeout=timeout,
        extensions={TOTAL_TIMEOUT: 12.5, MAX_RETRIES: 1},
    )

    await client.send(request)

    (token_request,) = fake.token_requests
    assert token_request.method == "POST"
    assert str(token_request.url) == TOKEN_URL
    assert token_request.headers["Authorization"] == f"Basic {BASIC_VALUE}"
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert token_request.content == f"grant_type=client_credentials&client_id={PARTNER_ID}".encode()
    assert token_request.headers["User-Agent"] == "thredfi-client/9.9 test"
    assert token_request.extensions[IDEMPOTENT] is True
    assert token_request.extensions[TOTAL_TIMEOUT] == 12.5
    assert token_request.extensions[MAX_RETRIES] == 1
    assert token_request.extensions["timeout"] == timeout.as_dict()
    (api_request,) = fake.api_requests
    assert api_request.headers["Authorization"] == "Bearer partner-tok-1"


async def test_token_request_without_per_call_options(fake: FakeThredfi, clock: FakeClock) -> None:
    auth = make_auth(clock)
    async with httpx.AsyncClient(base_url=BASE, auth=auth) as client:
        del client.headers["User-Agent"]
        await client.get(PARTNER_PATH)
    await auth.aclose()

    (token_request,) = fake.token_requests
    assert token_request.headers["User-Agent"].startswith("python-httpx/")
    assert TOTAL_TIMEOUT not in token_request.extensions
    assert MAX_RETRIES not in token_request.extensions


async def test_exchange_request_shape(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    await business_client.get(
        customers(BIZ_A), headers={"User-Agent": "ua/1"}, extensions={MAX_RETRIES: 3}
    )

    (exchange,) = fake.exchange_requests
    assert exchange.method == "POST"
    assert str(exchange.url) == exchange_url(BIZ_A)
    assert exchange.headers["Authorization"] == "Bearer partner-tok-1"
    assert exchange.content == b""
    assert exchange.headers["User-Agent"] == "ua/1"
    assert exchange.extensions[IDEMPOTENT] is True
    assert exchange.extensions[MAX_RETRIES] == 3
    assert fake.api_requests[0].headers["Authorization"] == "Bearer biz-tok-aaaa-1"


async def test_base_url_path_prefix_is_kept(fake: FakeThredfi, clock: FakeClock) -> None:
    # A proxy mounting the API under a prefix: token URLs and business ids follow the prefix.
    captured: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        captured.append(request)
        if request.url.path.endswith("/oauth2/token/"):
            value = "bt" if BIZ_A in request.url.path else "pt"
            return httpx.Response(200, json={"access_token": value, "expires_in": 60})
        return httpx.Response(200)

    transport = httpx.MockTransport(handler)
    auth = make_auth(clock, "business", base_url=f"{BASE}/proxy/", transport=transport)
    async with httpx.AsyncClient(transport=transport, auth=auth) as client:
        await client.get(f"{BASE}/proxy{customers(BIZ_A)}")
        await client.get(f"{BASE}{customers(BIZ_A)}")  # not under the prefix: no business id

    assert [str(r.url) for r in captured] == [
        f"{BASE}/proxy/v1/platform/oauth2/token/",
        f"{BASE}/proxy/v1/platform/{BIZ_A}/oauth2/token/",
        f"{BASE}/proxy{customers(BIZ_A)}",
        f"{BASE}{customers(BIZ_A)}",
    ]
    assert [bearer(r) for r in captured[2:]] == ["bt", "pt"]


# -- 401 on an API request --------------------------------------------------------------------


async def test_401_is_replayed_once_with_a_fresh_token(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.api_script = [401]

    response = await client.post(PARTNER_PATH, json={"name": "Ada"})

    assert response.status_code == 200
    assert len(fake.token_requests) == 2
    assert [bearer(r) for r in fake.api_requests] == ["partner-tok-1", "partner-tok-2"]
    assert fake.api_requests[1].content == fake.api_requests[0].content == b'{"name":"Ada"}'
    # The fresh token is cached for the next request.
    await client.get(PARTNER_PATH)
    assert len(fake.token_requests) == 2


async def test_second_401_is_returned_without_a_third_attempt(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.api_script = [401, 401]

    response = await client.get(PARTNER_PATH)

    assert response.status_code == 401
    assert len(fake.api_requests) == 2
    assert len(fake.token_requests) == 2


async def test_401_does_not_discard_a_token_refreshed_meanwhile(
    client: httpx.AsyncClient, fake: FakeThredfi, clock: FakeClock
) -> None:
    arrived, release = asyncio.Event(), asyncio.Event()

    async def hold_first(request: httpx.Request) -> None:
        if len(fake.api_requests) == 1:
            arrived.set()
            await release.wait()

    fake.api_hook = hold_first
    slow = asyncio.create_task(client.get(PARTNER_PATH))  # uses token A, answered 401 later
    await arrived.wait()

    clock.advance(3600)  # A is stale now: the next request caches B
    fake.api_script = [200, 401]  # B's request succeeds; then A's held request gets 401
    fast = await client.get(PARTNER_PATH)
    assert fast.status_code == 200
    release.set()
    replayed = await slow

    assert replayed.status_code == 200
    assert len(fake.token_requests) == 2  # the 401 for A did not throw away B
    assert [bearer(r) for r in fake.api_requests] == [
        "partner-tok-1",
        "partner-tok-2",
        "partner-tok-2",
    ]


async def test_business_401_reexchanges_with_the_cached_partner_token(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.api_script = [401]

    response = await business_client.get(customers(BIZ_A))

    assert response.status_code == 200
    assert len(fake.token_requests) == 1
    assert len(fake.exchange_requests) == 2
    assert [bearer(r) for r in fake.api_requests] == ["biz-tok-aaaa-1", "biz-tok-aaaa-2"]


async def test_exchange_401_refreshes_a_cached_partner_token_once(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    await business_client.get(PARTNER_PATH)  # caches partner-tok-1
    fake.exchange_script = [httpx.Response(401)]

    response = await business_client.get(customers(BIZ_A))

    assert response.status_code == 200
    assert len(fake.token_requests) == 2
    assert [bearer(r) for r in fake.exchange_requests] == ["partner-tok-1", "partner-tok-2"]
    assert bearer(fake.api_requests[-1]) == "biz-tok-aaaa-1"


async def test_exchange_401_twice_raises_and_is_bounded(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    await business_client.get(PARTNER_PATH)
    fake.exchange_script = [httpx.Response(401), httpx.Response(401, json={"error": "no"})]

    with pytest.raises(AuthenticationError) as info:
        await business_client.get(customers(BIZ_A))

    assert info.value.status_code == 401
    assert str(info.value.response.request.url) == exchange_url(BIZ_A)
    assert info.value.body == {"error": "no"}
    assert len(fake.token_requests) == 2
    assert len(fake.exchange_requests) == 2
    assert len(fake.api_requests) == 1  # only the first, partner-scoped one


async def test_exchange_401_with_a_just_fetched_partner_token_is_not_retried(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.exchange_script = [httpx.Response(401)]

    with pytest.raises(AuthenticationError):
        await business_client.get(customers(BIZ_A))

    assert len(fake.token_requests) == 1
    assert len(fake.exchange_requests) == 1
    assert fake.api_requests == []


# -- failed token requests raise typed errors from the flow --------------------------------


@pytest.mark.parametrize("status", [400, 401, 403])
async def test_token_endpoint_rejection_raises_authentication_error(
    client: httpx.AsyncClient, fake: FakeThredfi, status: int
) -> None:
    fake.token_script = [httpx.Response(status, json={"error_code": "invalid_client"})]

    with pytest.raises(AuthenticationError) as info:
        await client.get(PARTNER_PATH)

    assert info.value.status_code == status
    assert info.value.error_code == "invalid_client"
    assert str(info.value.response.request.url) == TOKEN_URL
    # The error keeps the request, whose credentials were scrubbed once it was sent.
    assert info.value.response.request.headers["Authorization"] == "[redacted]"
    assert len(fake.token_requests) == 1
    assert fake.api_requests == []


async def test_token_endpoint_5xx_is_retried_by_the_token_source(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.token_script = [httpx.Response(503), httpx.Response(500)]

    response = await client.get(PARTNER_PATH)

    assert response.status_code == 200
    assert len(fake.token_requests) == 3
    assert bearer(fake.api_requests[0]) == "partner-tok-1"


@pytest.mark.parametrize(
    "body",
    [
        b"<html>gateway</html>",
        b"\xff\xfe not utf-8",
        b"[]",
        b"{}",
        b'{"expires_in": 3600}',
        b'{"access_token": "", "expires_in": 3600}',
        b'{"access_token": 42, "expires_in": 3600}',
        b'{"access_token": "t"}',
        b'{"access_token": "t", "expires_in": "3600"}',
        b'{"access_token": "t", "expires_in": 3600.5}',
        b'{"access_token": "t", "expires_in": true}',
        b'{"access_token": "a\\tb", "expires_in": 3600}',
        b'{"access_token": "   ", "expires_in": 3600}',
    ],
)
async def test_unusable_token_body_raises_a_validation_error(
    client: httpx.AsyncClient, fake: FakeThredfi, body: bytes
) -> None:
    fake.token_script = [httpx.Response(200, content=body)]

    with pytest.raises(APIResponseValidationError, match="token endpoint"):
        await client.get(PARTNER_PATH)

    assert len(fake.token_requests) == 1
    assert fake.api_requests == []
    # Nothing was cached: the next request asks again (and succeeds).
    assert (await client.get(PARTNER_PATH)).status_code == 200
    assert len(fake.token_requests) == 2


async def test_exchange_error_raises_authentication_error(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.exchange_script = [httpx.Response(403, json={"error_code": "forbidden"})]

    with pytest.raises(AuthenticationError) as info:
        await business_client.get(customers(BIZ_A))

    assert info.value.status_code == 403
    assert len(fake.exchange_requests) == 1
    assert fake.api_requests == []


async def test_partner_token_failure_stops_the_business_exchange(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.token_script = [httpx.Response(401)]

    with pytest.raises(AuthenticationError) as info:
        await business_client.get(customers(BIZ_A))

    assert str(info.value.response.request.url) == TOKEN_URL
    assert fake.exchange_requests == []
    assert fake.api_requests == []


async def test_token_failure_while_replaying_a_401_raises(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    await client.get(PARTNER_PATH)
    fake.api_script = [401]
    fake.token_script = [httpx.Response(400)]

    with pytest.raises(AuthenticationError):
        await client.get(PARTNER_PATH)

    assert len(fake.api_requests) == 2
    assert len(fake.token_requests) == 2


async def test_a_failed_fetch_fails_every_waiter_once_and_the_next_call_fetches_again(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    fake.token_script = [httpx.Response(401)]

    outcomes = await asyncio.gather(
        *(client.get(PARTNER_PATH) for _ in range(5)), return_exceptions=True
    )

    assert all(isinstance(o, AuthenticationError) for o in outcomes)
    assert len({id(o) for o in outcomes}) == 1, "the one fetch's error, for all five"
    assert len(fake.token_requests) == 1
    assert (await client.get(PARTNER_PATH)).status_code == 200
    assert len(fake.token_requests) == 2


# -- facade calls to the token endpoints ------------------------------------------------------


async def test_direct_partner_token_call_gets_basic_credentials_and_is_not_cached(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    data = {"grant_type": "client_credentials", "client_id": PARTNER_ID}
    response = await client.post("/v1/platform/oauth2/token/", data=data)

    assert response.json()["access_token"] == "partner-tok-1"
    (token_request,) = fake.token_requests
    assert token_request.headers["Authorization"] == f"Basic {BASIC_VALUE}"

    await client.get(PARTNER_PATH)
    assert len(fake.token_requests) == 2
    assert bearer(fake.api_requests[0]) == "partner-tok-2"


async def test_direct_exchange_call_gets_the_partner_token_and_is_not_cached(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    response = await business_client.post(f"/v1/platform/{BIZ_A}/oauth2/token/")

    assert response.json()["access_token"] == "biz-tok-aaaa-1"
    assert [bearer(r) for r in fake.exchange_requests] == ["partner-tok-1"]

    await business_client.get(customers(BIZ_A))
    assert len(fake.token_requests) == 1  # the partner token was cached
    assert len(fake.exchange_requests) == 2  # the business token was not
    assert bearer(fake.api_requests[0]) == "biz-tok-aaaa-2"


# -- where credentials go ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.test/v1/platform/businesses/x/customers/",
        "http://sandbox.thredfi.test/v1/platform/businesses/x/customers/",
        "https://sandbox.thredfi.test:8443/v1/platform/businesses/x/customers/",
        "https://sandbox.thredfi.test.evil.test/v1/platform/oauth2/token/",
    ],
)
async def test_other_origins_get_no_credentials(
    client: httpx.AsyncClient,
    fake: FakeThredfi,
    httpx_mock: HTTPXMock,
    caplog: pytest.LogCaptureFixture,
    url: str,
) -> None:
    httpx_mock.add_response(url=url)
    caplog.set_level(logging.WARNING, logger="thredfi_client")

    response = await client.request("POST", url)

    assert response.status_code == 200
    (sent,) = httpx_mock.get_requests(url=url)
    assert "Authorization" not in sent.headers
    assert fake.token_requests == []
    assert any("without Thredfi credentials" in r.getMessage() for r in caplog.records)


async def test_default_port_counts_as_the_same_origin(fake: FakeThredfi, clock: FakeClock) -> None:
    auth = make_auth(clock, base_url="https://sandbox.thredfi.test:443")
    async with httpx.AsyncClient(auth=auth) as client:
        await client.get(f"{BASE}{PARTNER_PATH}")

    assert bearer(fake.api_requests[0]) == "partner-tok-1"


# -- secrets, repr, logging -------------------------------------------------------------------


async def test_secrets_never_reach_repr_or_logs(
    business_client: httpx.AsyncClient,
    fake: FakeThredfi,
    httpx_mock: HTTPXMock,
    caplog: pytest.LogCaptureFixture,
    clock: FakeClock,
) -> None:
    caplog.set_level(logging.DEBUG)
    auth = business_client.auth
    assert isinstance(auth, ThredfiAuth)
    httpx_mock.add_response(url="https://elsewhere.test/")

    # Exercise every path that logs: fetch, exchange, 401 replay, failures, refresh, other origin.
    fake.api_script = [401]
    await business_client.get(customers(BIZ_A))
    await business_client.get(PARTNER_PATH)
    fake.exchange_script = [httpx.Response(401)]
    await business_client.get(customers(BIZ_B))
    fake.token_script = [httpx.Response(200, json={"access_token": "leaky-tok"})]
    clock.advance(4000)
    with pytest.raises(APIResponseValidationError) as info:
        await business_client.get(PARTNER_PATH)
    await business_client.post(f"/v1/platform/{BIZ_A}/oauth2/token/")
    await business_client.get("https://elsewhere.test/")
    await auth.invalidate()

    secrets = [API_KEY, BASIC_VALUE, "leaky-tok", *fake.partner_tokens]
    secrets += [t for tokens in fake.business_tokens.values() for t in tokens]
    assert len(secrets) > 6
    texts = [repr(auth), str(auth), repr(vars(auth)), caplog.text]
    texts += [str(info.value), repr(info.value), info.value.body, info.value.response.text]
    texts += [r.getMessage() for r in caplog.records]
    texts += [repr(token) for token in auth._tokens._tokens.values()]
    texts += [repr(vars(auth._tokens)), repr(auth._tokens.secrets)]
    for text in texts:
        for secret in secrets:
            assert secret not in text
    assert repr(auth) == (
        f"ThredfiAuth(partner_id='{PARTNER_ID}', token_scope='business', "
        "origin='https://sandbox.thredfi.test:443')"
    )
    assert "Obtained a Thredfi partner token (expires_in=3600 s)" in caplog.text
    assert f"Obtained a Thredfi business token for {BIZ_A} (expires_in=3600 s)" in caplog.text


def test_access_token_repr_hides_the_value() -> None:
    token = AccessToken(value="s3cr3t-token", expires_at=10.0, refresh_at=9.0, business_id=None)

    assert "s3cr3t-token" not in repr(token)
    assert "expires_at=10.0" in repr(token)


# -- API surface ------------------------------------------------------------------------------


def test_sync_auth_flow_raises(clock: FakeClock) -> None:
    auth = make_auth(clock)

    with pytest.raises(RuntimeError, match="async-only"):
        auth.sync_auth_flow(httpx.Request("GET", f"{BASE}{PARTNER_PATH}"))
    with httpx.Client(auth=auth) as client, pytest.raises(RuntimeError, match="AsyncClient"):
        client.get(f"{BASE}{PARTNER_PATH}")


async def test_invalidate_drops_cached_tokens(
    business_client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    auth = business_client.auth
    assert isinstance(auth, ThredfiAuth)
    await business_client.get(customers(BIZ_A))

    await auth.invalidate()
    await business_client.get(customers(BIZ_A))

    assert len(fake.token_requests) == 2
    assert len(fake.exchange_requests) == 2


def test_properties(clock: FakeClock) -> None:
    auth = make_auth(clock, "business")

    assert auth.partner_id == PARTNER_ID
    assert auth.token_scope == "business"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"token_scope": "admin"}, "token_scope"),
        ({"base_url": "/relative"}, "absolute"),
        ({"base_url": "ftp://sandbox.thredfi.test"}, "absolute"),
    ],
)
def test_constructor_rejects_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    arguments: dict[str, Any] = {"partner_id": PARTNER_ID, "api_key": API_KEY, "base_url": BASE}
    arguments.update(kwargs)

    with pytest.raises(ValueError, match=message) as excinfo:
        ThredfiAuth(**arguments)
    assert API_KEY not in str(excinfo.value)


# -- robustness -------------------------------------------------------------------------------


async def test_cancelled_token_fetch_releases_the_lock(
    client: httpx.AsyncClient, fake: FakeThredfi
) -> None:
    arrived, never = asyncio.Event(), asyncio.Event()

    async def hang_first(request: httpx.Request) -> None:
        if len(fake.token_requests) == 1:
            arrived.set()
            await never.wait()

    fake.token_hook = hang_first
    task = asyncio.create_task(client.get(PARTNER_PATH))
    await arrived.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    # Released as the flow closed, not later by garbage collection of an orphaned generator.
    auth = client.auth
    assert isinstance(auth, ThredfiAuth)
    await let_others_run()
    assert len(auth._tokens._flights) == 0, "the fetch nobody waits for was cancelled"
    response = await asyncio.wait_for(client.get(PARTNER_PATH), timeout=5)

    assert response.status_code == 200
    assert len(fake.token_requests) == 2
    assert bearer(fake.api_requests[0]) == "partner-tok-1"


def test_one_auth_serves_several_event_loops(clock: FakeClock) -> None:
    issued: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token/"):
            await let_others_run()
            issued.append(f"t{len(issued)}")
            return httpx.Response(200, json={"access_token": issued[-1], "expires_in": 0})
        return httpx.Response(200)

    transport = httpx.MockTransport(handler)
    auth = make_auth(clock, transport=transport)

    async def burst() -> None:
        async with httpx.AsyncClient(base_url=BASE, auth=auth, transport=transport) as client:
            responses = await asyncio.gather(*(client.get(PARTNER_PATH) for _ in range(3)))
        assert all(r.status_code == 200 for r in responses)

    # An in-flight fetch belongs to its loop; a second loop must start its own. (expires_in 0:
    # the three calls of a burst share the one fetch, and nothing is cached for the next.)
    asyncio.run(burst())
    asyncio.run(burst())
    assert len(issued) == 2
