"""The token source seen through ``ThredfiClient``: the defects of issue 12, part 2.

Scripted with pytest-httpx (so every client passes ``transport="httpx"``). Every token the
fake issues starts with ``tok_secret_``, so the suite-wide leak guard watches them too.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from thredfi_client import (
    APIResponseValidationError,
    APITimeoutError,
    PermissionDeniedError,
    RetryPolicy,
    ThredfiClient,
)
from thredfi_client._auth._redaction import Secrets

from ..support import API_KEY, BASE_URL, CUSTOMER_ID, PARTNER_ID

pytestmark = pytest.mark.httpx_mock(assert_all_responses_were_requested=False)

TOKEN_URL = f"{BASE_URL}/v1/platform/oauth2/token/"
EXCHANGE_RE = re.compile(
    re.escape(BASE_URL) + r"/v1/platform/(?P<biz>[0-9a-f-]{36})/oauth2/token/$"
)
CUSTOMER_RE = re.compile(
    re.escape(BASE_URL) + r"/v1/platform/businesses/(?P<biz>[0-9a-f-]{36})/customers/[^/]+/$"
)
NO_WAIT = RetryPolicy(backoff_base=0.0)


def business_ids(count: int) -> list[str]:
    return [str(uuid.UUID(int=n + 1)) for n in range(count)]


#: A customer as the vendor's page shows it (any business: the SDK does not compare ids).
SEED = Path(__file__).parents[1] / "fixtures" / "seed_examples"
CUSTOMER = (SEED / "create_customer_201.json").read_bytes()


class FakeThredfi:
    """Token endpoints issuing ``tok_secret_<n>`` and a get-customer endpoint.

    ``api_answer``, when set, answers get-customer instead (it receives the request).
    """

    def __init__(self, httpx_mock: HTTPXMock) -> None:
        self.issued: list[str] = []
        self.token_body: Callable[[str], Any] = lambda value: {
            "access_token": value,
            "token_type": "Bearer",
            "expires_in": 3600,
        }
        self.api_answer: Callable[[httpx.Request], httpx.Response] | None = None
        self.token_requests = 0
        self.exchanges = 0
        httpx_mock.add_callback(self._token, method="POST", url=TOKEN_URL, is_reusable=True)
        httpx_mock.add_callback(self._exchange, method="POST", url=EXCHANGE_RE, is_reusable=True)
        httpx_mock.add_callback(self._api, method="GET", url=CUSTOMER_RE, is_reusable=True)

    def _issue(self) -> httpx.Response:
        value = f"tok_secret_{len(self.issued) + 1:05d}"
        self.issued.append(value)
        return httpx.Response(200, json=self.token_body(value))

    def _token(self, request: httpx.Request) -> httpx.Response:
        self.token_requests += 1
        return self._issue()

    def _exchange(self, request: httpx.Request) -> httpx.Response:
        self.exchanges += 1
        return self._issue()

    def _api(self, request: httpx.Request) -> httpx.Response:
        if self.api_answer is not None:
            return self.api_answer(request)
        return httpx.Response(200, content=CUSTOMER, headers={"Content-Type": "application/json"})


@pytest.fixture
def fake(httpx_mock: HTTPXMock) -> FakeThredfi:
    return FakeThredfi(httpx_mock)


def make_client(**kwargs: Any) -> ThredfiClient:
    kwargs.setdefault("retry_policy", NO_WAIT)
    return ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, transport="httpx", **kwargs
    )


def echo_authorization(request: httpx.Request) -> httpx.Response:
    """A careless server: a 403 whose message repeats the request's token."""
    sent = request.headers["Authorization"].removeprefix("Bearer ")
    return httpx.Response(
        403,
        json={"error_code": "permission_denied", "message": f"token {sent} is not allowed"},
    )


# -- secrets ------------------------------------------------------------------------------------


async def test_an_old_business_token_echoed_by_the_api_is_redacted(fake: FakeThredfi) -> None:
    # 70 businesses: the first business's token was issued 70 tokens ago, still in use.
    businesses = business_ids(70)
    async with make_client(token_scope="business") as client:
        for business_id in businesses:
            await client.customers.get(business_id, CUSTOMER_ID)
        first_token = fake.issued[1]  # [0] is the partner token
        fake.api_answer = echo_authorization

        with pytest.raises(PermissionDeniedError) as info:
            await client.customers.get(businesses[0], CUSTOMER_ID)

    assert fake.exchanges == 70
    texts = [str(info.value), repr(info.value), repr(info.value.body), info.value.message]
    assert all(first_token not in text for text in texts), texts
    assert "token [redacted] is not allowed" in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(lambda v: {"access_token": v, "token_type": "Bearer"}, id="missing"),
        pytest.param(lambda v: {"access_token": v, "expires_in": "3600"}, id="string"),
        pytest.param(lambda v: {"access_token": v, "expires_in": None}, id="null"),
        pytest.param(lambda v: {"access_token": v, "expires_in": [3600]}, id="list"),
    ],
)
async def test_an_unusable_token_response_keeps_no_token_in_the_error(
    fake: FakeThredfi, body: Callable[[str], Any]
) -> None:
    fake.token_body = body
    async with make_client() as client:
        with pytest.raises(APIResponseValidationError) as info:
            await client.customers.get(business_ids(1)[0], CUSTOMER_ID)

    (token,) = fake.issued
    exc = info.value
    texts = [str(exc), repr(exc), exc.body, exc.message, exc.response.text]
    assert all(token not in text for text in texts), texts
    assert '"access_token": "[redacted]"' in exc.body


# -- token bodies that used to raise untyped errors ---------------------------------------------


def raw(content: bytes) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(
        200, content=content, headers={"Content-Type": "application/json"}
    )


@pytest.mark.parametrize(
    ("content", "secret"),
    [
        pytest.param(
            b'{"access_token": "tok_secret_big", "expires_in": 1' + b"0" * 400 + b"}",
            "tok_secret_big",
            id="400-digit-expires_in",
        ),
        pytest.param(
            '{"access_token": "tok_secret_caf\u00e9", "expires_in": 60}'.encode(),
            "tok_secret_caf",
            id="non-ascii-token",
        ),
        pytest.param(
            b'{"access_token": "tok_secret_crlf\\r\\nX-Injected: 1", "expires_in": 60}',
            "tok_secret_crlf",
            id="cr-lf-in-token",
        ),
        pytest.param(
            b'{"access_token": "tok_secret_nul\\u0000", "expires_in": 60}',
            "tok_secret_nul",
            id="nul-in-token",
        ),
        pytest.param(
            b'{"access_token": "tok_secret_deep", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "tok_secret_deep",
            id="deeply-nested-json",
        ),
    ],
)
async def test_a_hostile_token_body_raises_a_typed_error_showing_no_secret(
    httpx_mock: HTTPXMock, content: bytes, secret: str
) -> None:
    httpx_mock.add_callback(raw(content), method="POST", url=TOKEN_URL)
    async with make_client() as client:
        with pytest.raises(APIResponseValidationError) as info:
            await client.customers.get(business_ids(1)[0], CUSTOMER_ID)

    exc = info.value
    assert exc.status_code == 200
    texts = [str(exc), repr(exc), exc.body, exc.response.text]
    assert all(secret not in text for text in texts)
    assert not httpx_mock.get_requests(url=CUSTOMER_RE), "no API call with a broken token"


# -- expires_in < 0 --------------------------------------------------------------------------


async def test_a_negative_expires_in_is_a_token_used_once_with_a_warning(
    fake: FakeThredfi, caplog: pytest.LogCaptureFixture
) -> None:
    # The vendor's contract sets no minimum; an already-expired token works like expires_in: 0.
    fake.token_body = lambda value: {"access_token": value, "expires_in": -30}
    business_id = business_ids(1)[0]
    with caplog.at_level(logging.WARNING, logger="thredfi_client"):
        async with make_client() as client:
            await client.customers.get(business_id, CUSTOMER_ID)
            await client.customers.get(business_id, CUSTOMER_ID)

    assert fake.token_requests == 2, "an expired token is never cached"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("expires_in=-30" in message for message in warnings), warnings
    assert all(token not in caplog.text for token in fake.issued)


# -- one failed fetch fails every waiter, and nobody waits longer than its own timeout ------------


async def test_a_hanging_token_endpoint_fails_all_waiters_together(httpx_mock: HTTPXMock) -> None:
    # The issue's measurement: 10 concurrent calls, timeout=0.5, max_retries=1. Before: each
    # waiter made its own full fetch in turn (20 token requests, the last failing after 12 s).
    started = asyncio.Event()
    token_requests = 0

    async def hang(request: httpx.Request) -> httpx.Response:
        nonlocal token_requests
        token_requests += 1
        started.set()
        await asyncio.sleep(60)
        raise AssertionError("the attempt deadline should have cancelled this")

    httpx_mock.add_callback(hang, method="POST", url=TOKEN_URL, is_reusable=True)
    async with make_client(timeout=0.5, max_retries=1) as client:
        outcomes = await asyncio.gather(
            *(client.customers.get(business_ids(1)[0], CUSTOMER_ID) for _ in range(10)),
            return_exceptions=True,
        )

    assert all(isinstance(o, APITimeoutError) for o in outcomes), outcomes
    assert token_requests == 2, "one fetch (two attempts) for all ten calls"
    assert len({id(o) for o in outcomes}) == 1, "every waiter gets the fetch's own error"


async def test_waiting_for_another_calls_fetch_is_bounded_by_the_callers_timeout(
    httpx_mock: HTTPXMock,
) -> None:
    release = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return httpx.Response(200, json={"access_token": "tok_secret_slow", "expires_in": 60})

    httpx_mock.add_callback(slow, method="POST", url=TOKEN_URL, is_reusable=True)
    httpx_mock.add_response(method="GET", url=CUSTOMER_RE, content=CUSTOMER, is_reusable=True)
    business_id = business_ids(1)[0]
    async with make_client(timeout=20.0) as client:
        patient = asyncio.create_task(client.customers.get(business_id, CUSTOMER_ID))
        await asyncio.sleep(0.05)  # the patient call is fetching the token now
        loop = asyncio.get_running_loop()
        begun = loop.time()
        with pytest.raises(APITimeoutError):
            await client.with_options(timeout=0.2, max_retries=0).customers.get(
                business_id, CUSTOMER_ID
            )
        waited = loop.time() - begun
        release.set()
        await patient

    # Generous: the bound is 0.2 s; before the fix it waited for the patient call's 20 s fetch.
    assert waited < 2.0, waited


# -- redaction: the secrets of the error's own request, whatever the fleet (issue 21) ------------


async def test_a_business_fetched_again_after_eviction_has_its_new_token_redacted(
    fake: FakeThredfi,
) -> None:
    businesses = business_ids(30)
    async with make_client(token_scope="business", token_cache_size=10) as client:
        for business_id in businesses:
            await client.customers.get(business_id, CUSTOMER_ID)
        fake.api_answer = echo_authorization
        with pytest.raises(PermissionDeniedError) as info:
            await client.customers.get(businesses[0], CUSTOMER_ID)  # fetched again: new token

    assert fake.exchanges == 31
    assert fake.issued[-1] not in str(info.value)
    assert "token [redacted] is not allowed" in str(info.value)


def test_a_redactor_knows_the_client_secrets_and_the_requests_credentials() -> None:
    secrets = Secrets(PARTNER_ID, API_KEY)
    request = httpx.Request("GET", BASE_URL, headers={"Authorization": "Bearer tok_secret_mine"})
    other = httpx.Request("GET", BASE_URL, headers={"Authorization": "Bearer tok_secret_else"})
    basic = secrets.basic_authorization().removeprefix("Basic ")

    text = f"tok_secret_mine {API_KEY} {basic} tok_secret_else"
    assert secrets.redact(text, request) == "[redacted] [redacted] [redacted] tok_secret_else"
    assert secrets.redact(text, request, other) == "[redacted] [redacted] [redacted] [redacted]"
    # A request whose header was already scrubbed carries nothing more; nothing is remembered.
    request.headers["Authorization"] = "[redacted]"
    assert len(secrets.redactor(request)) == len(secrets.redactor()) == 2
    assert secrets.redact("tok_secret_mine") == "tok_secret_mine"
    for shown in (repr(secrets), repr(secrets.redactor(other))):
        assert API_KEY not in shown
        assert basic not in shown
        assert "tok_secret_else" not in shown
