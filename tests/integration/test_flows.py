"""Whole flows: the SDK against the local sandbox over a real loopback socket."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from thredfi_client import (
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    ThredfiClient,
)
from thredfi_client.models import InvoiceStatus
from thredfi_client.testing import Sandbox, SandboxServer

from ..support import API_KEY, PARTNER_ID

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.datetime.now(datetime.UTC)


@pytest_asyncio.fixture
async def served(caplog: pytest.LogCaptureFixture) -> AsyncIterator[tuple[Sandbox, SandboxServer]]:
    sandbox = Sandbox(partner_id=PARTNER_ID, api_key=API_KEY)
    async with SandboxServer(sandbox) as server:
        yield sandbox, server
    # No token the sandbox issued may appear in any log record of the test.
    logged = "\n".join(record.getMessage() + repr(record.__dict__) for record in caplog.records)
    for token in sandbox.tokens:
        assert token not in logged


def make_client(server: SandboxServer, **options: object) -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=server.base_url,
        **options,  # type: ignore[arg-type]
    )


async def test_token_customer_invoice_archive_flow(served: tuple[Sandbox, SandboxServer]) -> None:
    sandbox, server = served
    bid = sandbox.business_id
    async with make_client(server) as client:
        first = await client.customers.with_raw_response.create(
            business_id=bid,
            company_name="Acme Ltd",
            email="ap@acme.test",
            country="GB",
            vat_number="GB123456789",
            external_id="cust-1",
        )
        replay = await client.customers.with_raw_response.create(
            business_id=bid, company_name="Acme Ltd", external_id="cust-1"
        )
        assert (first.status_code, replay.status_code) == (201, 200)
        assert replay.parsed.id == first.parsed.id
        assert first.request_id  # the sandbox sends X-Request-ID
        customer = first.parsed
        assert customer.display_name == "Acme Ltd"
        assert customer.archived_at is None

        invoice = await client.invoices.create(
            business_id=bid,
            external_id="inv-1",
            customer_id=customer.id,
            sent_at=NOW,
            line_items=[
                {
                    "description": "Consulting",
                    "quantity": 2,
                    "unit_price": 15000,
                    "sales_taxes": [{"amount": 6000}],
                },
                {
                    "description": "Travel",
                    "quantity": 1,
                    "unit_price": 4500,
                    "discount_amount": 500,
                },
            ],
            additional_discount=1000,
            additional_sales_taxes=[{"amount": 250, "name": "Levy"}],
            tips=300,
        )
        assert invoice.status is InvoiceStatus.SENT
        assert invoice.subtotal == 34500
        assert invoice.total_amount == 36000 + 4000 - 1000 + 250 + 300
        assert invoice.outstanding_balance == invoice.total_amount
        assert invoice.paid_at is None
        assert invoice.document is None
        assert invoice.due_at - invoice.sent_at == datetime.timedelta(days=30)

        again = await client.invoices.with_raw_response.create(
            business_id=bid,
            external_id="inv-1",
            customer_id=customer.id,
            sent_at=NOW,
            line_items=[{"quantity": 1, "unit_price": 1}],
        )
        assert again.status_code == 200
        assert again.parsed.id == invoice.id

        fetched = await client.customers.get(business_id=bid, customer_id=customer.id)
        assert fetched.id == customer.id
        archived = await client.customers.archive(business_id=bid, customer_id=customer.id)
        assert archived.status == "ARCHIVED"
        assert archived.is_archived
        assert not archived.is_active
        assert archived.archived_at is not None

        with pytest.raises(NotFoundError) as info:
            await client.customers.get(business_id=bid, customer_id=uuid.uuid4())
        assert info.value.error_code == "customer_not_found"
        assert info.value.request_id
    assert len(sandbox.invoices) == 1
    assert len(sandbox.customers) == 1
    assert sandbox.request_count("/v1/platform/oauth2/token/") == 1


async def test_validation_errors_name_each_field(served: tuple[Sandbox, SandboxServer]) -> None:
    sandbox, server = served
    async with make_client(server) as client:
        with pytest.raises(BadRequestError) as info:
            await client.customers.create(
                business_id=sandbox.business_id,
                email="not-an-email",
                country="XX",
                # The SDK refuses a negative credit_limit_cents itself (the contract's minimum);
                # extra_body sends what the SDK does not check, so the sandbox's check is seen.
                extra_body={"credit_limit_cents": -5},
            )
    errors = info.value.field_errors
    assert {"email", "country", "credit_limit_cents"} <= set(errors)
    assert "individual_name" in errors or "company_name" in errors
    assert info.value.error_code == "validation_error"


async def test_business_scope_tokens(served: tuple[Sandbox, SandboxServer]) -> None:
    sandbox, server = served
    async with make_client(server, token_scope="business") as client:
        created = await client.customers.create(
            business_id=sandbox.business_id, individual_name="Ada", external_id="c-ada"
        )
        got = await client.customers.get(business_id=sandbox.business_id, customer_id=created.id)
        assert got.display_name == "Ada"
    exchange = f"/v1/platform/{sandbox.business_id}/oauth2/token/"
    assert sandbox.request_count(exchange) == 1


async def test_partner_tokens_refused_when_business_tokens_are_required() -> None:
    sandbox = Sandbox(partner_id=PARTNER_ID, api_key=API_KEY, require_business_token=True)
    async with SandboxServer(sandbox) as server:
        async with make_client(server) as client:
            with pytest.raises(PermissionDeniedError):
                await client.customers.create(business_id=sandbox.business_id, company_name="A")
        async with make_client(server, token_scope="business") as client:
            await client.customers.create(business_id=sandbox.business_id, company_name="A")


async def test_revoked_token_is_refreshed_once(served: tuple[Sandbox, SandboxServer]) -> None:
    sandbox, server = served
    async with make_client(server) as client:
        created = await client.customers.create(business_id=sandbox.business_id, company_name="A")
        assert sandbox.revoke_tokens() >= 1
        await client.customers.get(business_id=sandbox.business_id, customer_id=created.id)
    assert sandbox.request_count("/v1/platform/oauth2/token/") == 2


async def test_wrong_api_key_raises_authentication_error(
    served: tuple[Sandbox, SandboxServer],
) -> None:
    sandbox, server = served
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key="sk_wrong_SECRET", base_url=server.base_url
    ) as client:
        with pytest.raises(AuthenticationError):
            await client.customers.get(business_id=sandbox.business_id, customer_id=uuid.uuid4())
    assert sandbox.request_count("/v1/platform/oauth2/token/") == 1


async def test_pytest_plugin_fixture_gives_a_ready_client(
    thredfi_client: ThredfiClient, thredfi_sandbox: Sandbox
) -> None:
    customer = await thredfi_client.customers.create(
        business_id=thredfi_sandbox.business_id, company_name="Fixture Ltd"
    )
    assert customer.id is not None
    assert len(thredfi_sandbox.customers) == 1


def test_quickstart_example_runs_against_the_sandbox() -> None:
    sandbox = Sandbox(partner_id=PARTNER_ID, api_key=API_KEY)
    with SandboxServer(sandbox) as server:
        env = {
            **os.environ,
            "THREDFI_BASE_URL": server.base_url,
            "THREDFI_PARTNER_ID": PARTNER_ID,
            "THREDFI_API_KEY": API_KEY,
            "THREDFI_BUSINESS_ID": sandbox.business_id,
        }
        result = subprocess.run(
            [sys.executable, str(ROOT / "examples" / "quickstart.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for step in (
        "1. Obtained a partner token",
        "HTTP 201",
        "HTTP 200 (idempotent replay",
        "total £",
        "invoice INV-000001 is PARTIALLY_PAID",
        "invoice INV-000001 is PAID, outstanding £0.00",
        "7. Paid invoices, every page: INV-000001",
        "ARCHIVED",
        "error_code=customer_not_found request_id=req_",
    ):
        assert step in out, out
    assert API_KEY not in out + result.stderr
    for token in sandbox.tokens:
        assert token not in out + result.stderr


@pytest.mark.parametrize("transport", ["native", "httpx", "aiohttp"])
def test_onboarding_example_runs_against_the_sandbox(transport: str) -> None:
    """examples/onboarding.py over a real socket: the business it creates is served by the
    contract-driven sandbox at once, with a business token (issue 20)."""
    sandbox = Sandbox(partner_id=PARTNER_ID, api_key=API_KEY)
    with SandboxServer(sandbox) as server:
        env = {
            **os.environ,
            "THREDFI_BASE_URL": server.base_url,
            "THREDFI_PARTNER_ID": PARTNER_ID,
            "THREDFI_API_KEY": API_KEY,
            "THREDFI_TRANSPORT": transport,
        }
        result = subprocess.run(
            [sys.executable, str(ROOT / "examples" / "onboarding.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        businesses = sandbox.records("businesses")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for step in ("HTTP 201", "HTTP 200 (the same business)", "PAID"):
        assert step in out, out
    assert [b["legal_name"] for b in businesses.values()][1:] == ["Acme Solutions B.V."]
