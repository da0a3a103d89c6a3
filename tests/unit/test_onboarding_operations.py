"""Business management and the rest of receivables (issue 20), and the token each operation is
sent with (issue 22): request shapes, replays, partial updates and input checks, against a
scripted API (``httpx.MockTransport``) behind a real ``ThredfiClient``."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from thredfi_client import ArgumentTypeError, ArgumentValueError, NotFoundError, ThredfiClient
from thredfi_client._generated import OPERATION_NAMES, OPERATIONS
from thredfi_client._generated.api.customers import customers_get
from thredfi_client._operation import NOT_GIVEN
from thredfi_client.models import (
    Business,
    BusinessCreateMeta,
    CustomerCredit,
    InvoicePayment,
    InvoicePaymentCancellation,
    RefundPayment,
    UpdatedBusiness,
)

from ..support import API_KEY, BASE_URL, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID, record_for_leak_scan

NEW_BUSINESS_ID = "5d2e1f0a-7b6c-4d3e-8f9a-0b1c2d3e4f5a"
PAYMENT_ID = "7a80c3cc-4a88-4f94-8ccc-9aa691804960"
REFUND_ID = "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"
INVOICE_ID = "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901"
API = "/v1/platform/businesses"
RECEIVABLES = f"{API}/{BUSINESS_ID}"

Handler = Callable[[httpx.Request], httpx.Response]


def business_json(business_id: str = BUSINESS_ID, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": business_id,
        "external_id": "user-12345",
        "legal_name": "Acme Solutions B.V.",
        "name": "Acme Solutions",
        "entity_type": "bv",
        "country": "NL",
        "email": "accounting@acme.example",
        "base_currency": "EUR",
        "accounting_method": "accrual",
        "is_active": True,
        "created_at": "2026-12-01T10:00:00Z",
        "updated_at": "2026-12-01T10:00:00Z",
        "metadata": {"erp_id": "ERP-1"},
    }
    body.update(overrides)
    return body


def payment_json(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": PAYMENT_ID,
        "business_id": BUSINESS_ID,
        "customer_id": CUSTOMER_ID,
        "total_amount_cents": 5000,
        "applied_amount_cents": 5000,
        "allocated_amount_cents": 5000,
        "unapplied_amount_cents": 0,
        "remaining_amount_cents": 0,
        "currency": "EUR",
        "status": "pending",
        "payment_method": "bank_transfer",
        "payment_reference": None,
        "external_id": None,
        "note": None,
        "bank_reference": None,
        "metadata": {},
        "payment_date": "2026-12-01",
        "payment_processor": None,
        "processing_fee_cents": 0,
        "allocations": [
            {"invoice_id": INVOICE_ID, "invoice_number": "INV-1", "amount_cents": 5000}
        ],
        "created_at": "2026-12-01T10:00:00Z",
    }
    body.update(overrides)
    return body


def refund_payment_json(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": PAYMENT_ID,
        "refund_id": REFUND_ID,
        "refunded_amount": 2000,
        "refund_processing_fee": 0,
        "reconciled_bank_transactions": [],
        "created_at": "2026-12-01T10:00:00Z",
        "updated_at": "2026-12-01T10:00:00Z",
        "external_id": "rp-1",
        "completed_at": None,
        "method": "ACH",
        "processor": None,
        "memo": None,
    }
    body.update(overrides)
    return body


def credit_json() -> dict[str, Any]:
    return {
        "id": PAYMENT_ID,
        "status": "draft",
        "sent_at": None,
        "customer": {"id": CUSTOMER_ID},
        "source_invoice_id": INVOICE_ID,
        "line_items": [{"amount": 1500, "revenue_account_identifier": None, "memo": None}],
        "allocations": [
            {
                "invoice_id": INVOICE_ID,
                "invoice_number": "INV-1",
                "amount_cents": 1500,
                "invoice_outstanding_balance_cents": 3500,
                "applied_at": "2026-12-01T10:00:00Z",
            }
        ],
        "tags": [],
        "total_amount": 1500,
        "applied_amount": 1500,
        "document": None,
        "created_at": "2026-12-01T10:00:00Z",
        "updated_at": "2026-12-01T10:00:00Z",
        "external_id": "cn-1",
        "currency": "EUR",
    }


def page(results: list[dict[str, Any]], **envelope: Any) -> dict[str, Any]:
    info = {"total_count": len(results), "current_page": 1, "total_pages": 1, "page_size": 100}
    return {"count": len(results), "page_info": info, "results": results, **envelope}


class ScriptedApi:
    """Token endpoints that count what they issue, and ``handler`` for every other request."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.partner_tokens = 0
        self.exchanges: list[str] = []
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/platform/oauth2/token/":
            self.partner_tokens += 1
            return httpx.Response(
                200,
                json={
                    "access_token": f"tok_secret_partner_{self.partner_tokens}",
                    "expires_in": 3600,
                },
            )
        if path.endswith("/oauth2/token/"):
            business_id = path.split("/")[3]
            assert request.headers["authorization"].startswith("Bearer tok_secret_partner_")
            self.exchanges.append(business_id)
            token = f"tok_secret_business_{business_id[:4]}"
            return httpx.Response(200, json={"access_token": token, "expires_in": 3600})
        self.requests.append(request)
        return self.handler(request)

    def bearer(self, index: int = -1) -> str:
        return self.requests[index].headers["authorization"].removeprefix("Bearer ")

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


Serve = Callable[..., tuple[ThredfiClient, ScriptedApi]]


@pytest.fixture
def serve() -> Serve:
    def build(
        handler: Handler, *, token_scope: Any = "partner"
    ) -> tuple[ThredfiClient, ScriptedApi]:
        api = ScriptedApi(handler)
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url=BASE_URL,
            token_scope=token_scope,
            transport=httpx.MockTransport(api),
        )
        record_for_leak_scan("client repr", repr(client))
        client.http_client._transport._sleep = lambda _: asyncio.sleep(0)  # type: ignore[attr-defined]
        return client, api

    return build


def answer(status: int, body: Any = None) -> Handler:
    return lambda request: (
        httpx.Response(status, json=body) if body is not None else httpx.Response(status)
    )


# -- businesses -------------------------------------------------------------------------------


async def test_create_business_sends_its_fields_and_a_replay_answers_200_with_meta(
    serve: Serve,
) -> None:
    answers = iter(
        [
            httpx.Response(201, json={**business_json(), "_meta": {"created": True}}),
            httpx.Response(
                200, json={**business_json(), "_meta": {"created": False, "via": "external_id"}}
            ),
        ]
    )
    client, api = serve(lambda request: next(answers))
    fields: dict[str, Any] = {
        "external_id": "user-12345",
        "legal_name": "Acme Solutions B.V.",
        "entity_type": "bv",
        "email": "accounting@acme.example",
        "country": "NL",
        "fiscal_year_end": datetime.date(2026, 12, 31),
    }
    async with client:
        first = await client.businesses.with_raw_response.create(**fields)
        again = await client.businesses.with_raw_response.create(**fields)

    assert (first.status_code, again.status_code) == (201, 200)
    assert isinstance(first.parsed, Business)
    assert first.parsed.id == again.parsed.id
    assert str(first.parsed.id) == BUSINESS_ID
    assert isinstance(again.parsed.meta, BusinessCreateMeta)
    assert again.parsed.meta.additional_properties == {"created": False, "via": "external_id"}
    request = api.requests[0]
    assert (request.method, request.url.path) == ("POST", f"{API}/")
    assert request.headers["content-type"] == "application/json"
    assert api.body(0) == {
        **{k: v for k, v in fields.items() if k != "fiscal_year_end"},
        "fiscal_year_end": "2026-12-31",
    }  # accounting_method was not passed: its default is the API's to apply, not sent


async def test_update_business_is_a_patch_of_only_the_fields_passed(serve: Serve) -> None:
    client, api = serve(answer(200, {"email": "new@acme.example", "phone_number": None}))
    async with client:
        updated = await client.businesses.update(business_id=BUSINESS_ID, email="new@acme.example")
        await client.businesses.update(
            business_id=BUSINESS_ID, vat_number="NL123456789B01", metadata=None
        )

    assert isinstance(updated, UpdatedBusiness)
    assert updated.email == "new@acme.example"
    assert (api.requests[0].method, api.requests[0].url.path) == ("PATCH", f"{API}/{BUSINESS_ID}/")
    assert api.body(0) == {"email": "new@acme.example"}
    # A field passed as None is sent as null (to clear it); fields not passed are not sent.
    assert api.body(1) == {"vat_number": "NL123456789B01", "metadata": None}


async def test_get_and_list_businesses(serve: Serve) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == f"{API}/":
            return httpx.Response(200, json=page([business_json(), business_json(NEW_BUSINESS_ID)]))
        return httpx.Response(200, json=business_json())

    client, api = serve(handler)
    async with client:
        business = await client.businesses.get(business_id=BUSINESS_ID)
        listed = [b.id async for b in client.businesses.list(country="NL", is_archived=False)]

    assert business.legal_name == "Acme Solutions B.V."
    assert [str(i) for i in listed] == [BUSINESS_ID, NEW_BUSINESS_ID]
    assert (api.requests[0].method, api.requests[0].url.path) == ("GET", f"{API}/{BUSINESS_ID}/")
    assert (
        str(api.requests[1].url.query, "ascii")
        == "country=NL&is_archived=false&page=1&page_size=100"
    )


async def test_list_businesses_walks_the_next_link_envelope(serve: Serve) -> None:
    """The older guides' envelope for this list: {count, next, previous, results}."""
    ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(5)]

    def handler(request: httpx.Request) -> httpx.Response:
        number, size = int(request.url.params["page"]), int(request.url.params["page_size"])
        chunk = ids[(number - 1) * size : number * size]
        last = number * size >= len(ids)
        body = {
            "count": len(ids),
            "next": None if last else f"{BASE_URL}{API}/?page={number + 1}&page_size={size}",
            "previous": None,
            "results": [business_json(i) for i in chunk],
        }
        return httpx.Response(200, json=body)

    client, api = serve(handler)
    async with client:
        walked = [str(b.id) async for b in client.businesses.list(page_size=2)]
    assert walked == ids
    assert [str(r.url.query, "ascii") for r in api.requests] == [
        f"page={n}&page_size=2" for n in (1, 2, 3)
    ]


# -- the rest of receivables --------------------------------------------------------------------


async def test_refunds_list_and_refund_payments(serve: Serve) -> None:
    payments = f"{RECEIVABLES}/invoices/refunds/{REFUND_ID}/payments/"
    answers = iter(
        [
            httpx.Response(200, json=page([])),
            httpx.Response(201, json=refund_payment_json()),
            httpx.Response(200, json=refund_payment_json()),
            httpx.Response(200, json=page([refund_payment_json()])),
            httpx.Response(204),
        ]
    )
    client, api = serve(lambda request: next(answers))
    async with client:
        refunds = await client.refunds.list(business_id=BUSINESS_ID)
        created = await client.refund_payments.with_raw_response.create(
            business_id=BUSINESS_ID,
            refund_id=REFUND_ID,
            amount_cents=2000,
            method="ACH",
            external_id="rp-1",
        )
        replayed = await client.refund_payments.with_raw_response.create(
            business_id=BUSINESS_ID,
            refund_id=REFUND_ID,
            amount_cents=2000,
            method="ACH",
            external_id="rp-1",
        )
        listed = [
            p
            async for p in client.refund_payments.list(business_id=BUSINESS_ID, refund_id=REFUND_ID)
        ]
        deleted = await client.refund_payments.with_raw_response.delete(
            business_id=BUSINESS_ID, refund_id=REFUND_ID, payment_id=PAYMENT_ID
        )

    assert refunds.results == []
    assert (created.status_code, replayed.status_code) == (201, 200)
    assert isinstance(created.parsed, RefundPayment)
    assert created.parsed.id == replayed.parsed.id
    assert [type(p) for p in listed] == [RefundPayment]
    assert (deleted.status_code, deleted.parsed) == (204, None)
    shapes = [(r.method, r.url.path, str(r.url.query, "ascii")) for r in api.requests]
    assert shapes == [
        ("GET", f"{RECEIVABLES}/invoices/refunds/", "page=1&page_size=100"),
        ("POST", payments, ""),
        ("POST", payments, ""),
        ("GET", payments, "page=1&page_size=100"),
        ("DELETE", f"{payments}{PAYMENT_ID}/", ""),
    ]
    assert api.body(1) == {
        "amount_cents": 2000,
        "method": "ACH",
        "external_id": "rp-1",
    }


async def test_invoice_payment_update_patches_the_fields_passed_and_cancel_posts_delete(
    serve: Serve,
) -> None:
    answers = iter(
        [
            httpx.Response(
                200, json={"payment": payment_json(status="failed", bank_reference="FPS-1")}
            ),
            httpx.Response(
                200,
                json={
                    "message": "Payment cancelled",
                    "payment_id": PAYMENT_ID,
                    "status": "cancelled",
                    "updated_at": "2026-12-01T11:00:00Z",
                },
            ),
        ]
    )
    client, api = serve(lambda request: next(answers))
    async with client:
        updated = await client.invoice_payments.update(
            business_id=BUSINESS_ID, payment_id=PAYMENT_ID, status="failed", bank_reference="FPS-1"
        )
        cancelled = await client.invoice_payments.cancel(
            business_id=BUSINESS_ID, payment_id=PAYMENT_ID
        )

    assert isinstance(updated, InvoicePayment)  # taken out of its {"payment": ...} envelope
    assert updated.status == "failed"
    assert isinstance(cancelled, InvoicePaymentCancellation)
    assert cancelled.status == "cancelled"
    payment = f"{RECEIVABLES}/invoices/payments/{PAYMENT_ID}/"
    assert (api.requests[0].method, api.requests[0].url.path) == ("PATCH", payment)
    assert api.body(0) == {"status": "failed", "bank_reference": "FPS-1"}
    assert (api.requests[1].method, api.requests[1].url.path) == ("POST", f"{payment}delete/")
    assert api.requests[1].content == b""


async def test_customer_credits_create_and_list(serve: Serve) -> None:
    answers = iter(
        [httpx.Response(201, json=credit_json()), httpx.Response(200, json=page([credit_json()]))]
    )
    client, api = serve(lambda request: next(answers))
    async with client:
        credit = await client.customer_credits.create(
            business_id=BUSINESS_ID,
            external_id="cn-1",
            customer_id=CUSTOMER_ID,
            line_items=[{"amount": 1500, "memo": "Damaged goods"}],
            allocations=[{"invoice_id": INVOICE_ID, "amount": 1500}],
        )
        listed = await client.customer_credits.list(
            business_id=BUSINESS_ID,
            customer_id=[CUSTOMER_ID, INVOICE_ID],
            sent_at_start=datetime.date(2026, 12, 1),
        )

    assert isinstance(credit, CustomerCredit)
    assert credit.allocations[0].invoice_outstanding_balance_cents == 3500
    assert [type(c) for c in listed.results] == [CustomerCredit]
    assert (api.requests[0].method, api.requests[0].url.path) == (
        "POST",
        f"{RECEIVABLES}/customer-credits/",
    )
    assert api.body(0) == {
        "external_id": "cn-1",
        "customer_id": CUSTOMER_ID,
        "line_items": [{"amount": 1500, "memo": "Damaged goods"}],
        "allocations": [{"invoice_id": INVOICE_ID, "amount": 1500}],
    }
    assert str(api.requests[1].url.query, "ascii") == (
        f"customer_id={CUSTOMER_ID}%2C{INVOICE_ID}&page=1&page_size=100&sent_at_start=2026-12-01"
    )


@pytest.mark.parametrize(
    ("call", "field", "error"),
    [
        (
            lambda c: c.businesses.create(
                external_id="", legal_name="A", entity_type="bv", email="a@b.c"
            ),
            "external_id",
            ArgumentValueError,
        ),
        (
            lambda c: c.businesses.create(
                external_id="x", legal_name="A", entity_type="bv", email="a@b.c", country="NLD"
            ),
            "country",
            ArgumentValueError,
        ),
        (
            lambda c: c.businesses.create(external_id="x", legal_name="A", entity_type="bv"),
            "email",
            ArgumentTypeError,
        ),
        (
            lambda c: c.businesses.create(
                external_id="x",
                legal_name="A",
                entity_type="bv",
                email="a@b.c",
                accounting_method="lifo",
            ),
            "accounting_method",
            ArgumentValueError,
        ),
        (
            lambda c: c.businesses.update(business_id=BUSINESS_ID, vat_number="N" * 21),
            "vat_number",
            ArgumentValueError,
        ),
        (lambda c: c.businesses.get(business_id="not-a-uuid"), "business_id", ArgumentValueError),
        (
            lambda c: c.refund_payments.create(
                business_id="---", refund_id=REFUND_ID, amount_cents=1, method="ACH"
            ),
            "business_id",
            ArgumentValueError,
        ),
        (
            lambda c: c.refund_payments.create(
                business_id=BUSINESS_ID, refund_id=REFUND_ID, amount_cents=0, method="ACH"
            ),
            "amount_cents",
            ArgumentValueError,
        ),
        (
            lambda c: c.invoice_payments.update(
                business_id=BUSINESS_ID, payment_id=PAYMENT_ID, status="paid"
            ),
            "status",
            ArgumentValueError,
        ),
        (
            lambda c: c.customer_credits.create(
                business_id=BUSINESS_ID, external_id="cn", line_items=[{"amount": 0}]
            ),
            "line_items[0].amount",
            ArgumentValueError,
        ),
        (
            lambda c: c.customer_credits.list(business_id=BUSINESS_ID, customer_id=["nope"]),
            "customer_id[0]",
            ArgumentValueError,
        ),
    ],
)
async def test_bad_input_is_refused_before_sending_naming_the_field(
    serve: Serve, call: Callable[[ThredfiClient], Any], field: str, error: type[Exception]
) -> None:
    client, api = serve(answer(500))
    async with client:
        with pytest.raises(error) as caught:
            await call(client)  # a list's pager too: awaiting it fetches the first page
    assert getattr(caught.value, "argument", None) == field
    assert api.requests == []
    assert api.partner_tokens == 0


# -- which token each operation is sent with (issue 22) ----------------------------------------


def test_the_contract_gives_the_partner_level_operations_their_token() -> None:
    scopes = {
        OPERATION_NAMES[op.operation_id]: op.token_scope
        for op in OPERATIONS
        if op.token_scope is not None
    }
    assert scopes == {
        ("businesses", "list"): "partner",
        ("businesses", "create"): "partner",
        ("businesses", "get"): "partner",
        ("businesses", "update"): "partner",
        ("tokens", "get_business_token"): "partner",
    }
    idempotent = {OPERATION_NAMES[op.operation_id] for op in OPERATIONS if op.idempotent}
    assert {
        ("invoice_payments", "cancel"),
        ("invoice_payments", "update"),
        ("businesses", "update"),
    } <= idempotent


async def test_business_operations_use_the_partner_token_on_a_business_scoped_client(
    serve: Serve,
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == f"{API}/":
            return httpx.Response(200, json=page([business_json()]))
        if request.method == "PATCH":
            return httpx.Response(200, json={"email": "x@acme.example"})
        return httpx.Response(200, json=business_json())

    client, api = serve(handler, token_scope="business")
    async with client:
        await client.businesses.get(business_id=BUSINESS_ID)
        await client.businesses.update(business_id=BUSINESS_ID, email="x@acme.example")
        await client.businesses.list()
        await client.businesses.get(business_id=BUSINESS_ID)

    assert {api.bearer(i) for i in range(4)} == {"tok_secret_partner_1"}
    assert api.partner_tokens == 1
    assert api.exchanges == []  # no business token was asked for on their behalf


async def test_a_business_created_a_moment_ago_is_used_at_once_with_a_business_token(
    serve: Serve,
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == f"{API}/":
            return httpx.Response(201, json=business_json(NEW_BUSINESS_ID))
        return httpx.Response(404, json={"error_code": "customer_not_found", "message": "No"})

    client, api = serve(handler, token_scope="business")
    async with client:
        business = await client.businesses.create(
            external_id="user-12345", legal_name="Acme", entity_type="bv", email="a@acme.example"
        )
        for _ in range(3):
            with pytest.raises(NotFoundError):
                await client.customers.get(business_id=business.id, customer_id=CUSTOMER_ID)

    assert api.bearer(0) == "tok_secret_partner_1"
    assert {api.bearer(i) for i in (1, 2, 3)} == {f"tok_secret_business_{NEW_BUSINESS_ID[:4]}"}
    assert api.requests[1].url.path == f"{API}/{NEW_BUSINESS_ID}/customers/{CUSTOMER_ID}/"
    assert (api.partner_tokens, api.exchanges) == (1, [NEW_BUSINESS_ID])


async def test_a_business_only_operation_gets_a_business_token_on_a_partner_client(
    serve: Serve,
) -> None:
    """No generated operation takes only business tokens yet (bank transactions will, issue
    22): this one is an existing operation whose contract said so."""
    only_business = dataclasses.replace(customers_get.OPERATION, token_scope="business")
    client, api = serve(answer(404, {"error_code": "customer_not_found", "message": "No"}))
    arguments = {"business_id": BUSINESS_ID, "customer_id": CUSTOMER_ID}
    async with client:
        for _ in range(3):
            with pytest.raises(NotFoundError):
                await client.call(
                    only_business, arguments, timeout=NOT_GIVEN, max_retries=NOT_GIVEN
                )
        with pytest.raises(NotFoundError):
            # either token: the client's "partner"
            await client.customers.get(business_id=BUSINESS_ID, customer_id=CUSTOMER_ID)

    assert {api.bearer(i) for i in range(3)} == {f"tok_secret_business_{BUSINESS_ID[:4]}"}
    assert api.bearer(3) == "tok_secret_partner_1"
    assert (api.partner_tokens, api.exchanges) == (1, [BUSINESS_ID])
