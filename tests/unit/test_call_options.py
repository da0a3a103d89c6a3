"""Per-call headers, query and body extras, default headers, and Idempotency-Key per call."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from thredfi_client import ThredfiClient
from thredfi_client._operation import UNSET, Operation, Unset

from ..support import API_KEY, BASE_URL, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID
from .test_client import (
    ARCHIVE_URL,
    CUSTOMER_URL,
    CUSTOMERS_URL,
    TOKEN_URL,
    _instant_retries,
    customer_json,
)

PAYMENTS_URL = f"{BASE_URL}/v1/platform/businesses/{BUSINESS_ID}/invoices/payments/"
CREDENTIALS = ["Authorization", "proxy-authorization", "COOKIE"]


@pytest.fixture
def token(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        method="POST",
        url=TOKEN_URL,
        json={"access_token": "tok_secret_partner", "token_type": "Bearer", "expires_in": 3600},
        is_reusable=True,
        is_optional=True,
    )


def _build_payment(
    *, business_id: uuid.UUID, idempotency_key: str | Unset = UNSET
) -> dict[str, Any]:
    """What a generated builder returns for an operation with an Idempotency-Key header."""
    headers = {"Content-Type": "application/json"}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key
    return {
        "method": "post",
        "url": f"/v1/platform/businesses/{business_id}/invoices/payments/",
        "json": {"total_amount_cents": 1000},
        "headers": headers,
    }


PAYMENT: Operation[Any] = Operation(
    operation_id="create_invoice_payment",
    method="POST",
    path="/v1/platform/businesses/{business_id}/invoices/payments/",
    idempotent=False,
    success_statuses=frozenset({201}),
    uuid_params=("business_id",),
    path_params=("business_id",),
    build_request=_build_payment,
    parse=lambda response: response.json(),
    idempotency_key_param="idempotency_key",
)


async def _pay(client: ThredfiClient, **arguments: Any) -> Any:
    extra_headers = arguments.pop("extra_headers", None)
    raw = await client.call(
        PAYMENT,
        {"business_id": BUSINESS_ID, **arguments},
        timeout=30.0,
        max_retries=2,
        extra_headers=extra_headers,
    )
    return raw.parsed


# -- Idempotency-Key ------------------------------------------------------------------------------


async def test_a_declared_idempotency_key_is_made_once_per_call_and_kept_on_retries(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_response(method="POST", url=PAYMENTS_URL, status_code=503)
    httpx_mock.add_response(method="POST", url=PAYMENTS_URL, status_code=201, json={"id": 1})
    httpx_mock.add_response(method="POST", url=PAYMENTS_URL, status_code=201, json={"id": 2})
    async with client:
        assert await _pay(client) == {"id": 1}  # the 503 was retried: the key makes it safe
        assert await _pay(client) == {"id": 2}
    first, retry, second = (
        r.headers.get_list("idempotency-key") for r in httpx_mock.get_requests(url=PAYMENTS_URL)
    )
    assert first == retry
    assert len(first) == 1
    assert uuid.UUID(first[0]).version == 4
    assert second != first  # a new call is a new logical request


async def test_a_given_idempotency_key_is_sent_as_is_on_every_attempt(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_response(method="POST", url=PAYMENTS_URL, status_code=502)
    httpx_mock.add_response(method="POST", url=PAYMENTS_URL, status_code=201, json={})
    async with client:
        await _pay(client, idempotency_key="order-42")
    keys = [r.headers["idempotency-key"] for r in httpx_mock.get_requests(url=PAYMENTS_URL)]
    assert keys == ["order-42", "order-42"]


async def test_an_idempotency_key_in_extra_headers_is_the_one_sent(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(method="POST", url=PAYMENTS_URL, status_code=201, json={})
    async with client:
        await _pay(client, extra_headers={"idempotency-key": "from-extra"})
    (request,) = httpx_mock.get_requests(url=PAYMENTS_URL)
    assert request.headers.get_list("idempotency-key") == ["from-extra"]


@pytest.mark.parametrize("bad", ["", "   ", 42])
async def test_a_blank_idempotency_key_is_refused_before_sending(
    client: ThredfiClient, httpx_mock: HTTPXMock, bad: Any
) -> None:
    async with client:
        with pytest.raises(ValueError, match="idempotency_key must be a non-empty string"):
            await _pay(client, idempotency_key=bad)
    assert httpx_mock.get_requests() == []


# -- extra_headers / default_headers ------------------------------------------------------------


async def test_extra_headers_are_sent_and_win_over_default_headers(
    httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json(), is_reusable=True)
    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport="httpx",
        default_headers={"X-Team": "billing", "X-Trace": "default"},
    )
    async with client:
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers={"x-trace": "call-7"})
    plain, traced = httpx_mock.get_requests(url=CUSTOMER_URL)
    assert (plain.headers["x-team"], plain.headers["x-trace"]) == ("billing", "default")
    assert (traced.headers["x-team"], traced.headers.get_list("x-trace")) == ("billing", ["call-7"])
    assert traced.headers["authorization"].startswith("Bearer ")  # auth still applies


async def test_with_options_adds_default_headers_without_changing_the_original(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json(), is_reusable=True)
    tagged = client.with_options(default_headers={"X-Tenant": "t1"})
    retagged = tagged.with_options(default_headers={"x-tenant": "t2", "X-Other": "o"})
    assert client.default_headers == {}
    assert dict(tagged.default_headers) == {"x-tenant": "t1"}
    async with client:
        for each in (client, tagged, retagged):
            await each.customers.get(BUSINESS_ID, CUSTOMER_ID)
    plain, first, second = httpx_mock.get_requests(url=CUSTOMER_URL)
    assert "x-tenant" not in plain.headers
    assert first.headers["x-tenant"] == "t1"
    assert (second.headers.get_list("x-tenant"), second.headers["x-other"]) == (["t2"], "o")


@pytest.mark.parametrize("name", CREDENTIALS)
async def test_credential_headers_are_refused_in_extra_headers(
    client: ThredfiClient, httpx_mock: HTTPXMock, name: str
) -> None:
    async with client:
        with pytest.raises(ValueError, match=f"the '{name}' header cannot be set") as caught:
            await client.customers.get(
                BUSINESS_ID, CUSTOMER_ID, extra_headers={name: "Bearer tok_secret_stolen"}
            )
    assert "tok_secret_stolen" not in str(caught.value)
    assert httpx_mock.get_requests() == []


@pytest.mark.parametrize("name", [*CREDENTIALS, "Idempotency-Key"])
def test_credential_and_idempotency_headers_are_refused_as_defaults(
    client: ThredfiClient, name: str
) -> None:
    with pytest.raises(ValueError, match=f"the '{name}' header cannot be set"):
        ThredfiClient(
            partner_id=PARTNER_ID, api_key=API_KEY, default_headers={name: "tok_secret_x"}
        )
    with pytest.raises(ValueError, match=f"the '{name}' header cannot be set"):
        client.with_options(default_headers={name: "tok_secret_x"})


@pytest.mark.parametrize(
    ("headers", "error", "message"),
    [
        ({"X-A": 1}, TypeError, "the value of 'X-A' must be a str"),
        ({"X-A": "a\r\nX-Injected: 1"}, ValueError, "contains a line break"),
        ({"": "a"}, ValueError, "is not a valid header name"),
        ({"X A\n": "a"}, ValueError, "is not a valid header name"),
        ([("X-A", "a")], TypeError, "must be a mapping"),
    ],
)
async def test_malformed_extra_headers_are_refused(
    client: ThredfiClient, httpx_mock: HTTPXMock, headers: Any, error: type[Exception], message: str
) -> None:
    async with client:
        with pytest.raises(error, match=message):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, extra_headers=headers)
    assert httpx_mock.get_requests() == []


# -- extra_query / extra_body ---------------------------------------------------------------------


async def test_extra_query_is_added_to_the_url(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        url=f"{CUSTOMER_URL}?expand=documents&tag=a&tag=b", json=customer_json()
    )
    async with client:
        await client.customers.get(
            BUSINESS_ID, CUSTOMER_ID, extra_query={"expand": "documents", "tag": ["a", "b"]}
        )


async def test_extra_body_is_merged_into_the_json_body(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(method="POST", url=CUSTOMERS_URL, status_code=201, json=customer_json())
    async with client:
        await client.customers.create(
            BUSINESS_ID, company_name="Acme Ltd", extra_body={"beta_flag": True, "notes": "x"}
        )
    (request,) = httpx_mock.get_requests(url=CUSTOMERS_URL)
    assert json.loads(request.content) == {
        "company_name": "Acme Ltd",
        "beta_flag": True,
        "notes": "x",
    }


async def test_extra_body_on_an_operation_without_a_body_is_sent_as_json(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(method="POST", url=ARCHIVE_URL, json=customer_json())
    async with client:
        await client.customers.archive(BUSINESS_ID, CUSTOMER_ID, extra_body={"reason": "merged"})
    (request,) = httpx_mock.get_requests(url=ARCHIVE_URL)
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {"reason": "merged"}


async def test_extra_body_is_merged_into_a_form_body(
    client: ThredfiClient, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        method="POST", url=TOKEN_URL, json={"access_token": "tok_secret_1", "expires_in": 60}
    )
    async with client:
        await client.tokens.get_partner_token(
            grant_type="client_credentials", client_id=PARTNER_ID, extra_body={"scope": "read"}
        )
    (request,) = httpx_mock.get_requests(url=TOKEN_URL)
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    form = dict(httpx.QueryParams(request.content.decode()))
    assert form == {"grant_type": "client_credentials", "client_id": PARTNER_ID, "scope": "read"}


def _operation_sending(kwargs: dict[str, Any]) -> Operation[Any]:
    return Operation(
        operation_id="upload",
        method="POST",
        path="/v1/platform/upload/",
        idempotent=False,
        success_statuses=frozenset({200}),
        uuid_params=(),
        path_params=(),
        build_request=lambda: {"method": "post", "url": "/v1/platform/upload/", **kwargs},
        parse=lambda response: response.content,
    )


async def test_extra_body_is_added_to_a_multipart_body(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    url = f"{BASE_URL}/v1/platform/upload/"
    httpx_mock.add_response(method="POST", url=url, content=b"ok")
    operation = _operation_sending({"files": [("file", ("a.txt", b"hello", "text/plain"))]})
    async with client:
        await client.call(
            operation, {}, timeout=5.0, max_retries=0, extra_body={"note": "from extra"}
        )
    (request,) = httpx_mock.get_requests(url=url)
    assert b'name="note"' in request.content
    assert b"from extra" in request.content
    assert b"hello" in request.content


@pytest.mark.parametrize(
    ("kwargs", "extra", "message"),
    [
        ({"content": b"raw"}, {"a": 1}, "needs a JSON, form or multipart body"),
        ({"json": [1, 2]}, {"a": 1}, "its JSON body is not an object"),
        ({"json": {}}, {1: "a"}, "mapping with str keys"),
    ],
)
async def test_extra_body_that_cannot_be_merged_is_refused(
    client: ThredfiClient, httpx_mock: HTTPXMock, kwargs: dict[str, Any], extra: Any, message: str
) -> None:
    async with client:
        with pytest.raises(TypeError, match=message):
            await client.call(
                _operation_sending(kwargs), {}, timeout=5.0, max_retries=0, extra_body=extra
            )
    assert httpx_mock.get_requests() == []
