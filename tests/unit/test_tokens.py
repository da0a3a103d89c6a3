"""The token source seen through ``ThredfiClient``: the defects of issue 12, part 2.

Scripted with pytest-httpx (so every client passes ``transport="httpx"``). Every token the
fake issues starts with ``tok_secret_``, so the suite-wide leak guard watches them too.
"""

from __future__ import annotations

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
    PermissionDeniedError,
    RetryPolicy,
    ThredfiClient,
)

from ..conftest import API_KEY, BASE_URL, CUSTOMER_ID, PARTNER_ID

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
