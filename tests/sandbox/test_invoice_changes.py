"""Invoices after creation: get, update (PUT) and void, and what payments allow of them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from thredfi_client.testing import Sandbox

from .helpers import (
    bearer,
    create_customer,
    field_errors,
    get_invoice,
    invoice_path,
    new_invoice,
    partner_token,
    pay,
)


@pytest.fixture
async def invoice(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> dict[str, Any]:
    """A 10 000-cent invoice sent 2030-01-10, due 30 days later."""
    return await new_invoice(
        http, token, sandbox.business_id, line_items=[{"quantity": 2, "unit_price": 5000}]
    )


async def put(
    http: httpx.AsyncClient, token: str, invoice: dict[str, Any], body: Any
) -> httpx.Response:
    url = invoice_path(invoice["business_id"], invoice["id"])
    return await http.put(url, json=body, headers=bearer(token))


async def void(
    http: httpx.AsyncClient, token: str, invoice: dict[str, Any], body: Any = None
) -> httpx.Response:
    url = f"{invoice_path(invoice['business_id'], invoice['id'])}void/"
    return await http.post(url, json=body, headers=bearer(token))


async def test_get_answers_the_invoice_or_404(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    assert await get_invoice(http, token, invoice) == invoice
    missing = await http.get(
        invoice_path(sandbox.business_id, "00000000-0000-4000-8000-000000000000"),
        headers=bearer(token),
    )
    assert (missing.status_code, missing.json()["error_code"]) == (404, "invoice_not_found")
    other = invoice_path(sandbox.add_business(), invoice["id"])
    assert (await http.get(other, headers=bearer(token))).status_code == 404


async def test_an_update_changes_only_the_fields_given(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    sandbox.advance_clock(5)
    response = await put(
        http,
        token,
        invoice,
        {"memo": "March retainer", "due_at": "2030-03-01T00:00:00Z", "invoice_number": "R-1"},
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert (updated["memo"], updated["due_at"], updated["invoice_number"]) == (
        "March retainer",
        "2030-03-01T00:00:00Z",
        "R-1",
    )
    unchanged = {"total_amount", "line_items", "external_id", "customer", "sent_at", "id"}
    assert {k: updated[k] for k in unchanged} == {k: invoice[k] for k in unchanged}
    assert updated["updated_at"] > invoice["updated_at"]
    assert (await put(http, token, invoice, {"memo": ""})).json()["memo"] is None


async def test_new_lines_replace_the_old_and_the_totals_follow_the_payments(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    await pay(http, token, invoice, 3000)
    lines = [{"quantity": 3, "unit_price": 2000}, {"quantity": 1, "unit_price": 500}]
    updated = (await put(http, token, invoice, {"line_items": lines, "tips": 100})).json()
    assert [line["total_amount"] for line in updated["line_items"]] == [6000, 500]
    assert (updated["total_amount"], updated["outstanding_balance"]) == (6600, 3600)
    assert updated["status"] == "PARTIALLY_PAID"
    cheap = await put(http, token, invoice, {"line_items": [{"quantity": 1, "unit_price": 10}]})
    assert field_errors(cheap) == {
        "non_field_errors": ["The total would be below what has been received (3000)."]
    }
    paid_up = await put(
        http, token, invoice, {"line_items": [{"quantity": 1, "unit_price": 3000}], "tips": 0}
    )
    assert (paid_up.json()["status"], paid_up.json()["outstanding_balance"]) == ("PAID", 0)


async def test_what_an_update_cannot_do(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    other = await new_invoice(http, token, sandbox.business_id, external_id="inv-2")
    taken = await put(http, token, invoice, {"external_id": "inv-2"})
    assert (taken.status_code, taken.json()["error_code"]) == (409, "duplicate_external_id")
    early = await put(http, token, invoice, {"due_at": "2029-01-01T00:00:00Z"})
    assert field_errors(early) == {"due_at": ["Must not be before sent_at."]}
    shape = await put(http, token, invoice, {"line_items": [], "tips": -1, "invoice_type": "x"})
    assert sorted(field_errors(shape)) == ["invoice_type", "line_items", "tips"]
    nobody = await put(
        http, token, invoice, {"customer_id": "00000000-0000-4000-8000-000000000000"}
    )
    assert list(field_errors(nobody)) == ["customer_id"]
    someone = (await create_customer(http, token, sandbox.business_id)).json()
    moved = await put(http, token, other, {"customer_id": someone["id"]})
    assert moved.json()["customer"]["id"] == someone["id"]
    await pay(http, token, invoice, 1)
    stuck = await put(http, token, invoice, {"customer_id": someone["id"]})
    assert (stuck.status_code, stuck.json()["error_code"]) == (409, "invalid_state_transition")


async def test_void_cancels_an_unpaid_invoice_once(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    body = {
        "invoice_number": invoice["invoice_number"],
        "external_id": "inv-1",
        "customer_id": invoice["customer"]["id"].upper(),
        "memo": "sent twice by mistake",
    }
    voided = await void(http, token, invoice, body)
    assert voided.status_code == 200, voided.text
    cancelled = voided.json()
    assert (cancelled["status"], cancelled["outstanding_balance"]) == ("CANCELLED", 0)
    assert (cancelled["voided_at"], cancelled["is_overdue"]) == (None, False)
    assert cancelled["memo"] == "sent twice by mistake"
    assert cancelled["customer"]["outstanding_balance"] == 0
    again = await void(http, token, invoice)
    assert (again.status_code, again.json()["updated_at"]) == (200, cancelled["updated_at"])
    changed = await put(http, token, invoice, {"memo": "x"})
    assert (changed.status_code, changed.json()["error_code"]) == (409, "invalid_state_transition")


async def test_void_checks_the_invoice_it_is_given(
    http: httpx.AsyncClient, token: str, invoice: dict[str, Any]
) -> None:
    wrong = await void(http, token, invoice, {"invoice_number": "INV-999", "external_id": "x"})
    assert field_errors(wrong) == {
        "invoice_number": ["Does not match this invoice."],
        "external_id": ["Does not match this invoice."],
    }
    assert (await get_invoice(http, token, invoice))["status"] == "SENT"


@pytest.mark.parametrize("amounts", [(10000,), (1,)], ids=["paid", "partly paid"])
async def test_an_invoice_with_money_received_cannot_be_voided(
    http: httpx.AsyncClient, token: str, invoice: dict[str, Any], amounts: tuple[int, ...]
) -> None:
    await pay(http, token, invoice, *amounts)
    refused = await void(http, token, invoice)
    assert refused.status_code == 409
    assert refused.json()["error_code"] == "invalid_state_transition"
    assert refused.json()["detail"]["received_cents"] == sum(amounts)
    assert (await get_invoice(http, token, invoice))["status"] in ("PAID", "PARTIALLY_PAID")


async def test_once_refunded_a_paid_invoice_can_be_voided(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    await pay(http, token, invoice, 10000)
    refunds = f"/v1/platform/businesses/{sandbox.business_id}/invoices/refunds/"
    response = await http.post(
        refunds, json={"invoice_id": invoice["id"], "method": "CASH"}, headers=bearer(token)
    )
    assert response.status_code == 201
    assert (await void(http, token, invoice)).json()["status"] == "CANCELLED"


async def test_an_unpaid_invoice_past_its_due_date_is_overdue(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    sent = sandbox.now().isoformat()
    due = await new_invoice(http, token, sandbox.business_id, sent_at=sent)
    sandbox.advance_clock(31 * 86400)
    token = await partner_token(http, sandbox)  # the first one expired meanwhile
    now = await get_invoice(http, token, due)
    assert (now["status"], now["is_overdue"]) == ("OVERDUE", True)
    await pay(http, token, due, 10)
    assert (await get_invoice(http, token, due))["status"] == "PARTIALLY_PAID"
