"""ThredfiClient end to end over mocked HTTP (pytest-httpx): facade, auth, retries, errors.

pytest-httpx mocks httpx's own transport, so every client here that sends through it passes
``transport="httpx"`` (the ``client`` fixture does too); the default would pick aiohttp.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import uuid
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

import thredfi_client
from thredfi_client import (
    API_VERSION,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    ThredfiClient,
)
from thredfi_client._generated import OPERATION_NAMES, OPERATIONS
from thredfi_client.models import (
    Customer,
    CustomerCreate,
    Invoice,
    InvoiceLineItemCreate,
    InvoiceStatus,
    SalesTaxCreate,
)

from ..support import API_KEY, BASE_URL, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID

TOKEN_URL = f"{BASE_URL}/v1/platform/oauth2/token/"
CUSTOMERS_URL = f"{BASE_URL}/v1/platform/businesses/{BUSINESS_ID}/customers/"
CUSTOMER_URL = f"{CUSTOMERS_URL}{CUSTOMER_ID}/"
ARCHIVE_URL = f"{CUSTOMER_URL}archive/"
INVOICES_URL = f"{BASE_URL}/v1/platform/businesses/{BUSINESS_ID}/invoices/"


def customer_json(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "CustomerData",
        "id": CUSTOMER_ID,
        "external_id": "cust-1",
        "reference_number": None,
        "individual_name": None,
        "company_name": "Acme Ltd",
        "display_name": "Acme Ltd",
        "email": "ap@acme.test",
        "mobile_phone": None,
        "office_phone": None,
        "address_line1": None,
        "address_line2": None,
        "city": None,
        "state_county": None,
        "postal_code": None,
        "country": "GB",
        "full_address": "",
        "address_string": "",
        "vat_number": None,
        "tax_exempt": False,
        "status": "ACTIVE",
        "is_active": True,
        "is_archived": False,
        "transaction_tags": [],
        "notes": None,
        "metadata": None,
        "payment_terms_days": None,
        "credit_limit": None,
        "credit_limit_cents": None,
        "outstanding_balance": 0,
        "documents": [],
        "created_at": "2026-11-21T09:00:00Z",
        "updated_at": "2026-11-21T09:00:00Z",
        "archived_at": None,
    }
    body.update(overrides)
    return body


def invoice_json(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "InvoiceData",
        "id": "9a7c2b1e-1111-4b50-8888-8dd25736052a",
        "business_id": BUSINESS_ID,
        "status": "SENT",
        "sent_at": "2026-11-21T09:00:00Z",
        "due_at": "2026-12-21T09:00:00Z",
        "paid_at": None,
        "voided_at": None,
        "is_overdue": False,
        "invoice_number": "INV-000001",
        "invoice_type": "invoice",
        "currency": "GBP",
        "customer": customer_json(),
        "line_items": [],
        "subtotal": 30000,
        "additional_discount": 0,
        "additional_sales_taxes": [],
        "additional_sales_taxes_total": 0,
        "tips": 0,
        "tips_account": None,
        "total_amount": 30000,
        "outstanding_balance": 30000,
        "payment_allocations": [],
        "credit_allocations": [],
        "refund_allocations": [],
        "write_offs": [],
        "document": None,
        "imported_at": "2026-11-21T09:00:00Z",
        "updated_at": "2026-11-21T09:00:00Z",
        "external_id": "inv-1",
        "memo": None,
    }
    body.update(overrides)
    return body


@pytest.fixture
def token(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        method="POST",
        url=TOKEN_URL,
        json={"access_token": "tok_secret_partner", "token_type": "Bearer", "expires_in": 3600},
        is_reusable=True,
        is_optional=True,
    )


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("THREDFI_PARTNER_ID", "THREDFI_API_KEY", "THREDFI_BASE_URL", "THREDFI_TRANSPORT"):
        monkeypatch.delenv(name, raising=False)


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content)


# -- construction ---------------------------------------------------------------------------------


def test_constructor_falls_back_to_environment(env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THREDFI_PARTNER_ID", PARTNER_ID)
    monkeypatch.setenv("THREDFI_API_KEY", API_KEY)
    monkeypatch.setenv("THREDFI_BASE_URL", "http://127.0.0.1:8123")
    client = ThredfiClient()
    assert str(client.base_url) == "http://127.0.0.1:8123"
    assert client._auth.partner_id == PARTNER_ID


def test_default_base_url_is_the_sandbox(env: None) -> None:
    client = ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY)
    assert str(client.base_url) == "https://sandbox.thredfi.com"


@pytest.mark.parametrize("missing", ["partner_id", "api_key"])
def test_missing_credentials_are_named(env: None, missing: str) -> None:
    kwargs: dict[str, Any] = {"partner_id": PARTNER_ID, "api_key": API_KEY}
    del kwargs[missing]
    with pytest.raises(ValueError, match=missing):
        ThredfiClient(**kwargs)


@pytest.mark.parametrize(
    "url", ["http://api.thredfi.com", "http://10.0.0.5:8000", "ftp://x.test", "not a url"]
)
def test_plain_http_is_refused_unless_loopback(url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"])
def test_plain_http_is_allowed_on_loopback(url: str) -> None:
    ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=url)


def test_default_timeouts_are_explicit(client: ThredfiClient) -> None:
    assert client.timeout.connect == 5.0
    assert client.timeout.read == 30.0
    assert client._total_timeout == 30.0
    assert client.max_retries == 2


@pytest.mark.parametrize("bad", [None, 0, -1, httpx.Timeout(None), "5"])
def test_timeout_none_or_nonsense_is_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="timeout"):
        ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, timeout=bad)


@pytest.mark.parametrize("bad", [-1, 11, True, 1.5])
def test_max_retries_is_validated(bad: Any) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, max_retries=bad)


def test_repr_shows_no_secret(client: ThredfiClient) -> None:
    text = repr(client) + repr(client._auth) + repr(client.with_options(max_retries=0))
    assert API_KEY not in text
    assert PARTNER_ID in text


def test_unknown_transport_is_refused() -> None:
    with pytest.raises(ValueError, match="transport"):
        ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url=BASE_URL,
            transport="curl",  # type: ignore[arg-type]
        )


def test_api_version_comes_from_the_spec() -> None:
    assert API_VERSION == "1.0.0"
    assert thredfi_client.__version__


# -- naming: every operation is reachable ----------------------------------------------------------


def test_every_operation_is_reachable_by_the_naming_rule(client: ThredfiClient) -> None:
    assert len(OPERATIONS) == len(OPERATION_NAMES) == 68
    for op in OPERATIONS:
        resource, method = OPERATION_NAMES[op.operation_id]
        assert callable(getattr(getattr(client, resource), method))
        assert callable(getattr(getattr(client, resource).with_raw_response, method))
    assert OPERATION_NAMES["create_customer"] == ("customers", "create")
    assert OPERATION_NAMES["archive_customer"] == ("customers", "archive")
    assert OPERATION_NAMES["create_invoice"] == ("invoices", "create")
    assert OPERATION_NAMES["list_invoices"] == ("invoices", "list")
    assert OPERATION_NAMES["create_invoice_payment"] == ("invoice_payments", "create")
    assert OPERATION_NAMES["delete_refund"] == ("refunds", "delete")
    assert OPERATION_NAMES["create_business"] == ("businesses", "create")
    # the vendor's POST .../payments/{payment_id}/delete/ cancels: a name from codegen/names.yaml
    assert OPERATION_NAMES["delete_invoice_payment"] == ("invoice_payments", "cancel")
    # a public name from codegen/names.yaml that the noun rule would not give:
    assert OPERATION_NAMES["get_partner_token"] == ("tokens", "get_partner_token")


# -- calls -----------------------------------------------------------------------------------------


async def test_create_customer_sends_fields_and_parses_customer(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(method="POST", url=CUSTOMERS_URL, status_code=201, json=customer_json())
    async with client:
        customer = await client.customers.create(
            business_id=BUSINESS_ID,
            company_name="Acme Ltd",
            email="ap@acme.test",
            external_id="cust-1",
            status="active",
        )
    assert isinstance(customer, Customer)
    assert customer.id == uuid.UUID(CUSTOMER_ID)
    assert customer.archived_at is None
    request = httpx_mock.get_requests(url=CUSTOMERS_URL)[0]
    assert sent_json(request) == {
        "company_name": "Acme Ltd",
        "email": "ap@acme.test",
        "external_id": "cust-1",
        "status": "active",
    }
    assert request.headers["Authorization"] == "Bearer tok_secret_partner"
    assert request.headers["User-Agent"].startswith(
        f"thredfi-client/{thredfi_client.__version__} python/3."
    )
    assert " httpx/" in request.headers["User-Agent"]


async def test_raw_response_tells_create_from_replay(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        method="POST",
        url=CUSTOMERS_URL,
        status_code=201,
        json=customer_json(),
        headers={"X-Request-ID": "req_1"},
    )
    httpx_mock.add_response(method="POST", url=CUSTOMERS_URL, status_code=200, json=customer_json())
    async with client:
        first = await client.customers.with_raw_response.create(
            business_id=BUSINESS_ID, company_name="Acme Ltd", external_id="cust-1"
        )
        again = await client.customers.with_raw_response.create(
            business_id=BUSINESS_ID, company_name="Acme Ltd", external_id="cust-1"
        )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.request_id == "req_1"
    assert first.headers["x-request-id"] == "req_1"
    assert first.parsed.id == again.parsed.id


async def test_invoice_accepts_dicts_and_models_for_nested_objects(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(method="POST", url=INVOICES_URL, status_code=201, json=invoice_json())
    sent_at = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.UTC)
    async with client:
        invoice = await client.invoices.create(
            business_id=BUSINESS_ID,
            external_id="inv-1",
            sent_at=sent_at,
            customer_id=CUSTOMER_ID,
            line_items=[
                {
                    "description": "Consulting",
                    "quantity": 2,
                    "unit_price": 15000,
                    "sales_taxes": [{"amount": 600}],
                },
                InvoiceLineItemCreate(
                    quantity=1, unit_price=500, sales_taxes=[SalesTaxCreate(amount=100)]
                ),
            ],
            additional_sales_taxes=[{"amount": 50, "name": "Levy"}],
        )
    assert isinstance(invoice, Invoice)
    assert invoice.status is InvoiceStatus.SENT
    body = sent_json(httpx_mock.get_requests(url=INVOICES_URL)[0])
    assert body["sent_at"] == "2026-11-21T09:00:00+00:00"
    assert body["customer_id"] == CUSTOMER_ID
    # A dict sends only its keys; a model built by the caller carries the spec's defaults.
    assert body["line_items"][0] == {
        "quantity": 2,
        "unit_price": 15000,
        "description": "Consulting",
        "sales_taxes": [{"amount": 600}],
    }
    assert body["line_items"][1] == {
        "quantity": 1,
        "unit_price": 500,
        "discount_amount": 0,
        "sales_taxes": [{"amount": 100, "discount_amount": 0}],
    }
    assert body["additional_sales_taxes"] == [{"amount": 50, "name": "Levy"}]


async def test_body_model_or_dict_is_accepted(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        method="POST", url=CUSTOMERS_URL, status_code=201, json=customer_json(), is_reusable=True
    )
    async with client:
        await client.customers.create(BUSINESS_ID, body=CustomerCreate(company_name="Acme Ltd"))
        await client.customers.create(BUSINESS_ID, body={"company_name": "Acme Ltd"})
    bodies = [sent_json(r) for r in httpx_mock.get_requests(url=CUSTOMERS_URL)]
    assert bodies == [
        {"company_name": "Acme Ltd", "tax_exempt": False},
        {"company_name": "Acme Ltd"},
    ]


async def test_unknown_fields_in_a_response_are_kept(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        url=CUSTOMER_URL, json=customer_json(loyalty_tier="gold", status="DORMANT")
    )
    async with client:
        customer = await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    assert customer.additional_properties["loyalty_tier"] == "gold"
    assert customer.status == "DORMANT"


async def test_archive_sends_no_body(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(method="POST", url=ARCHIVE_URL, json=customer_json(status="ARCHIVED"))
    async with client:
        customer = await client.customers.archive(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    assert customer.status == "ARCHIVED"
    assert httpx_mock.get_requests(url=ARCHIVE_URL)[0].content == b""


# -- bad input: refused before anything is sent ----------------------------------------------------


@pytest.mark.parametrize("bad", ["../x", "", "not-a-uuid", "%2F..", 42, None])
async def test_path_parameters_must_be_uuids(client: ThredfiClient, bad: Any) -> None:
    # httpx_mock would fail the test on any request; none may be sent.
    with pytest.raises(ValueError, match="customer_id must be a UUID"):
        await client.customers.get(business_id=BUSINESS_ID, customer_id=bad)


async def test_uuid_objects_are_accepted(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json())
    async with client:
        await client.customers.get(
            business_id=uuid.UUID(BUSINESS_ID), customer_id=uuid.UUID(CUSTOMER_ID)
        )


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"company_name": 5}, TypeError, "company_name: expected str"),
        ({"status": "dormant"}, ValueError, "status: 'dormant' is not one of"),
        ({"compnay_name": "x"}, TypeError, "compnay_name"),
        ({"credit_limit_cents": "100"}, TypeError, "credit_limit_cents: expected int"),
        ({"body": {"company_name": "x"}, "email": "a@b.test"}, TypeError, "not both"),
        ({"body": {"nope": 1}}, TypeError, "body: unknown field.*nope"),
    ],
)
async def test_bad_customer_input_is_named(
    client: ThredfiClient, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        await client.customers.create(business_id=BUSINESS_ID, **kwargs)


@pytest.mark.parametrize(
    ("line_items", "match"),
    [
        ([{"quantity": 1}], "line_items\\[0\\]: missing required field 'unit_price'"),
        (
            [{"quantity": 1, "unit_price": 1}, {"quantity": "2", "unit_price": 1}],
            "line_items\\[1\\].quantity: expected int",
        ),
        (
            [{"quantity": 1, "unit_price": 1, "sales_taxes": [{"amout": 1}]}],
            "line_items\\[0\\].sales_taxes\\[0\\]: unknown field",
        ),
        ("not a list", "line_items: expected list"),
    ],
)
async def test_bad_nested_input_is_named(
    client: ThredfiClient, line_items: Any, match: str
) -> None:
    with pytest.raises((TypeError, ValueError), match=match):
        await client.invoices.create(
            business_id=BUSINESS_ID,
            external_id="inv-1",
            sent_at=datetime.datetime.now(datetime.UTC),
            line_items=line_items,
        )


async def test_missing_required_body_field_is_named(client: ThredfiClient) -> None:
    with pytest.raises(TypeError, match="missing required field 'sent_at'"):
        await client.invoices.create(  # type: ignore[call-overload]
            business_id=BUSINESS_ID, external_id="inv-1", line_items=[]
        )


# -- errors ---------------------------------------------------------------------------------------


async def test_404_raises_not_found_with_details(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        url=CUSTOMER_URL,
        status_code=404,
        json={
            "error_code": "customer_not_found",
            "message": "Customer not found",
            "detail": {},
            "request_id": "req_42",
        },
    )
    async with client:
        with pytest.raises(NotFoundError) as info:
            await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    exc = info.value
    assert (exc.status_code, exc.error_code, exc.request_id) == (
        404,
        "customer_not_found",
        "req_42",
    )
    assert str(exc) == "404 customer_not_found: Customer not found (request_id=req_42)"


async def test_400_field_errors_from_the_guide_shape(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        method="POST",
        url=CUSTOMERS_URL,
        status_code=400,
        json={
            "error": "Invalid data",
            "error_code": "validation_error",
            "details": {"email": ["Enter a valid email address."]},
        },
    )
    async with client:
        with pytest.raises(BadRequestError) as info:
            await client.customers.create(business_id=BUSINESS_ID, email="nope")
    assert info.value.field_errors == {"email": ["Enter a valid email address."]}


async def test_409_is_never_retried(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        method="POST",
        url=INVOICES_URL,
        status_code=409,
        json={"error_code": "duplicate_external_id", "message": "exists"},
    )
    async with client:
        with pytest.raises(ConflictError):
            await client.invoices.create(
                business_id=BUSINESS_ID,
                external_id="inv-1",
                sent_at=datetime.datetime.now(datetime.UTC),
                line_items=[{"quantity": 1, "unit_price": 1}],  # the contract wants one line
            )
    assert len(httpx_mock.get_requests(url=INVOICES_URL)) == 1


async def test_unparseable_success_body_raises_validation_error(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, content=b"{not json")
    httpx_mock.add_response(url=CUSTOMER_URL, json={"id": "not-a-uuid"})
    async with client:
        for _ in range(2):
            with pytest.raises(APIResponseValidationError):
                await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)


async def test_undocumented_success_status_raises_validation_error(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, status_code=202, json=customer_json())
    async with client:
        with pytest.raises(APIResponseValidationError, match="202"):
            await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)


@pytest.mark.parametrize("status", [400, 401, 403])
async def test_token_endpoint_rejection_raises_authentication_error_at_once(
    client: ThredfiClient, httpx_mock: HTTPXMock, status: int
) -> None:
    httpx_mock.add_response(
        method="POST",
        url=TOKEN_URL,
        status_code=status,
        json={"error_code": "invalid_client", "message": "bad credentials"},
    )
    async with client:
        with pytest.raises(AuthenticationError, match="invalid_client"):
            await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    assert len(httpx_mock.get_requests()) == 1


async def test_token_endpoint_5xx_is_retried(client: ThredfiClient, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", url=TOKEN_URL, status_code=503)
    httpx_mock.add_response(
        method="POST",
        url=TOKEN_URL,
        json={"access_token": "tok_secret_2", "expires_in": 3600},
    )
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json())
    async with client.with_options(timeout=5.0) as fast:
        fast._http._transport._sleep = _no_sleep  # type: ignore[attr-defined]
        await fast.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    await client.aclose()
    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 2


async def test_unreadable_token_body_raises_validation_error(
    client: ThredfiClient, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", url=TOKEN_URL, json={"token": "where?"})
    async with client:
        with pytest.raises(APIResponseValidationError):
            await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)


async def test_401_is_replayed_once_then_raises(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        url=CUSTOMER_URL,
        status_code=401,
        json={"error_code": "invalid_token", "message": "expired"},
    )
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json())
    httpx_mock.add_response(
        url=CUSTOMER_URL,
        status_code=401,
        json={"error_code": "invalid_token", "message": "expired"},
    )
    httpx_mock.add_response(
        url=CUSTOMER_URL,
        status_code=401,
        json={"error_code": "invalid_token", "message": "expired"},
    )
    async with client:
        await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
        assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 2
        with pytest.raises(AuthenticationError, match="invalid_token"):
            await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 4
    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 3


# -- retries through the client --------------------------------------------------------------------


async def _no_sleep(seconds: float) -> None:
    return None


def _instant_retries(client: ThredfiClient) -> list[float]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    client._http._transport._sleep = sleep  # type: ignore[attr-defined]
    return waits


async def test_503_503_200_succeeds_on_the_third_attempt(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    waits = _instant_retries(client)
    httpx_mock.add_response(url=CUSTOMER_URL, status_code=503)
    httpx_mock.add_response(url=CUSTOMER_URL, status_code=503)
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json())
    async with client:
        await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)
    assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 3
    assert len(waits) == 2
    assert 0 <= waits[0] <= 0.5
    assert 0 <= waits[1] <= 1.0


async def test_per_call_and_with_options_max_retries(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_response(url=CUSTOMER_URL, status_code=503, is_reusable=True)
    async with client:
        with pytest.raises(InternalServerError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, max_retries=0)
        assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 1
        with pytest.raises(InternalServerError):
            await client.with_options(max_retries=1).customers.get(BUSINESS_ID, CUSTOMER_ID)
        assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 3
        with pytest.raises(InternalServerError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 6


async def test_with_options_shares_pool_and_token_cache(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json(), is_reusable=True)
    fast = client.with_options(timeout=5.0, max_retries=0)
    assert fast.http_client is client.http_client
    assert (fast.timeout.connect, fast._total_timeout, fast.max_retries) == (5.0, 5.0, 0)
    assert (client._total_timeout, client.max_retries) == (30.0, 2)
    async with client:
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        await fast.customers.get(BUSINESS_ID, CUSTOMER_ID)
        await fast.aclose()  # a derived client does not close the shared pool
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 1


async def test_archive_is_retried_because_the_spec_marks_it_idempotent(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_response(method="POST", url=ARCHIVE_URL, status_code=502)
    httpx_mock.add_response(method="POST", url=ARCHIVE_URL, json=customer_json(status="ARCHIVED"))
    async with client:
        await client.customers.archive(BUSINESS_ID, CUSTOMER_ID)
    assert len(httpx_mock.get_requests(url=ARCHIVE_URL)) == 2


async def test_create_without_external_id_is_not_retried_on_503(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_response(method="POST", url=CUSTOMERS_URL, status_code=503, is_reusable=True)
    async with client:
        with pytest.raises(InternalServerError):
            await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")
        assert len(httpx_mock.get_requests(url=CUSTOMERS_URL)) == 1
        with pytest.raises(InternalServerError):
            await client.customers.create(BUSINESS_ID, company_name="Acme Ltd", external_id="c-9")
        assert len(httpx_mock.get_requests(url=CUSTOMERS_URL)) == 4


async def test_post_without_external_id_is_not_replayed_after_read_timeout(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_exception(httpx.ReadTimeout("timed out"), method="POST", url=CUSTOMERS_URL)
    async with client:
        with pytest.raises(APITimeoutError):
            await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")
    assert len(httpx_mock.get_requests(url=CUSTOMERS_URL)) == 1


async def test_connect_error_is_retried_even_for_a_post(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_exception(httpx.ConnectError("refused"), method="POST", url=CUSTOMERS_URL)
    httpx_mock.add_response(method="POST", url=CUSTOMERS_URL, status_code=201, json=customer_json())
    async with client:
        await client.customers.create(BUSINESS_ID, company_name="Acme Ltd")
    assert len(httpx_mock.get_requests(url=CUSTOMERS_URL)) == 2


async def test_exhausted_connection_errors_raise_api_connection_error(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    _instant_retries(client)
    httpx_mock.add_exception(httpx.ConnectError("refused"), url=CUSTOMER_URL, is_reusable=True)
    async with client:
        with pytest.raises(thredfi_client.APIConnectionError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 3


async def test_per_call_timeout_bounds_the_whole_attempt() -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token/"):
            return httpx.Response(200, json={"access_token": "tok_secret_t", "expires_in": 60})
        await asyncio.sleep(5)
        return httpx.Response(200, json=customer_json())

    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=httpx.MockTransport(slow),
        max_retries=0,
    )
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with client:
        with pytest.raises(APITimeoutError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID, timeout=0.2)
    assert loop.time() - started < 2.0


# -- credentials stay at home ----------------------------------------------------------------------


async def test_no_credentials_to_another_origin(
    client: ThredfiClient, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url="https://elsewhere.test/steal")
    async with client:
        await client.http_client.get("https://elsewhere.test/steal")
    request = httpx_mock.get_requests()[0]
    assert "Authorization" not in request.headers
    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 0


async def test_redirects_are_not_followed_with_credentials(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(
        url=CUSTOMER_URL, status_code=302, headers={"Location": "https://elsewhere.test/x"}
    )
    async with client:
        with pytest.raises(thredfi_client.APIStatusError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert not httpx_mock.get_requests(url="https://elsewhere.test/x")


# -- business scope through the client -----------------------------------------------------------


async def test_business_scope_exchanges_once_per_business(
    httpx_mock: HTTPXMock, token: None
) -> None:
    exchange = f"{BASE_URL}/v1/platform/{BUSINESS_ID}/oauth2/token/"
    httpx_mock.add_response(
        method="POST",
        url=exchange,
        json={
            "access_token": "tok_secret_biz",
            "expires_in": 3600,
            "scope": "business_access",
            "business_id": BUSINESS_ID,
        },
    )
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json(), is_reusable=True)
    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        token_scope="business",
        transport="httpx",
    ) as client:
        await asyncio.gather(*(client.customers.get(BUSINESS_ID, CUSTOMER_ID) for _ in range(20)))
    assert len(httpx_mock.get_requests(url=exchange)) == 1
    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 1
    for request in httpx_mock.get_requests(url=CUSTOMER_URL):
        assert request.headers["Authorization"] == "Bearer tok_secret_biz"


async def test_fifty_concurrent_calls_make_one_token_request(
    client: ThredfiClient, httpx_mock: HTTPXMock, token: None
) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, json=customer_json(), is_reusable=True)
    async with client:
        results = await asyncio.gather(
            *(client.customers.get(BUSINESS_ID, CUSTOMER_ID) for _ in range(50))
        )
    assert len(results) == 50
    assert len(httpx_mock.get_requests(url=TOKEN_URL)) == 1


async def test_retry_policy_max_retries_is_the_default(httpx_mock: HTTPXMock, token: None) -> None:
    httpx_mock.add_response(url=CUSTOMER_URL, status_code=503, is_reusable=True)
    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        retry_policy=thredfi_client.RetryPolicy(max_retries=4, backoff_base=0.0),
        transport="httpx",
    )
    assert client.max_retries == 4
    assert client.auth is client.http_client.auth
    async with client:
        with pytest.raises(InternalServerError):
            await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert len(httpx_mock.get_requests(url=CUSTOMER_URL)) == 5
    override = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        retry_policy=thredfi_client.RetryPolicy(max_retries=4),
        max_retries=1,
    )
    assert override.max_retries == 1


async def test_token_requests_use_their_own_pool() -> None:
    client = ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL)
    api_retry = client.http_client._transport
    token_retry = client.auth._tokens._http._transport
    assert isinstance(api_retry, thredfi_client.RetryTransport)
    assert isinstance(token_retry, thredfi_client.RetryTransport)
    assert token_retry.wrapped is not api_retry.wrapped
    seen: list[str] = []

    class Recorder(httpx.AsyncBaseTransport):
        def __init__(self, name: str) -> None:
            self.name = name

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(self.name)
            if self.name == "tokens":
                return httpx.Response(200, json={"access_token": "tok_secret_l", "expires_in": 60})
            return httpx.Response(200, json=customer_json())

    api_retry._wrapped, token_retry._wrapped = Recorder("api"), Recorder("tokens")
    async with client:
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert seen == ["tokens", "api"]


async def test_a_custom_transport_carries_token_requests_and_is_closed_once() -> None:
    closed: list[str] = []

    class Custom(httpx.MockTransport):
        async def aclose(self) -> None:
            closed.append("custom")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token/"):
            return httpx.Response(200, json={"access_token": "tok_secret_c", "expires_in": 60})
        return httpx.Response(200, json=customer_json())

    transport = Custom(handler)
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL, transport=transport
    ) as client:
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
        token_retry = client.auth._tokens._http._transport
        assert isinstance(token_retry, thredfi_client.RetryTransport)
        assert token_retry.wrapped is transport
    assert closed == ["custom"], "closed by the API client only, not again by the token source"


# -- URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "base", ["https://gw.example.test/thredfi", "https://gw.example.test/thredfi/"]
)
async def test_a_base_url_path_prefixes_every_operation_path(base: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path.endswith("/token/"):
            return httpx.Response(
                200, json={"access_token": "tok_x", "token_type": "Bearer", "expires_in": 3600}
            )
        return httpx.Response(200, json=customer_json())

    async with ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base,
        transport=httpx.MockTransport(handler),
    ) as client:
        await client.customers.get(BUSINESS_ID, CUSTOMER_ID)
    assert seen[-1] == (
        f"https://gw.example.test/thredfi/v1/platform/businesses/{BUSINESS_ID}"
        f"/customers/{CUSTOMER_ID}/"
    )


@pytest.mark.parametrize("url", ["https://api.thredfi.test/?x=1", "https://api.thredfi.test/#top"])
def test_a_base_url_with_query_or_fragment_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="query or fragment"):
        ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=url)
