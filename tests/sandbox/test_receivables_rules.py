"""The rules of the resources issue 20 added, served by the engine with a hook module each:
businesses per partner, cancelling a payment, paying out a refund, and customer credits."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from thredfi_client.testing import Sandbox

from .helpers import (
    bearer,
    business_token,
    field_errors,
    get_invoice,
    new_invoice,
    pay,
    payments_path,
    refunds_path,
)

BUSINESSES = "/v1/platform/businesses/"
BUSINESS_BODY = {
    "external_id": "acme-1",
    "legal_name": "Acme Ltd",
    "entity_type": "limited",
    "email": "books@acme.example",
    "country": "gb",
}


def credits_path(business_id: str) -> str:
    return f"/v1/platform/businesses/{business_id}/customer-credits/"


@pytest.fixture
async def invoice(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> dict[str, Any]:
    """A 10 000-cent invoice, nothing paid."""
    return await new_invoice(
        http, token, sandbox.business_id, line_items=[{"quantity": 1, "unit_price": 10000}]
    )


# ---------------------------------------------------------------------- businesses


async def test_a_business_is_created_once_and_used_at_once(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    first = await http.post(BUSINESSES, json=BUSINESS_BODY, headers=bearer(token))
    again = await http.post(BUSINESSES, json=BUSINESS_BODY, headers=bearer(token))
    assert (first.status_code, again.status_code) == (201, 200), first.text
    created = first.json()
    assert (created["_meta"], again.json()["_meta"]) == ({"created": True}, {"created": False})
    assert again.json()["id"] == created["id"]
    assert (created["country"], created["accounting_method"]) == ("GB", "accrual")
    listed = (await http.get(BUSINESSES, headers=bearer(token))).json()["results"]
    assert [b["id"] for b in listed] == [sandbox.business_id, created["id"]]
    # A business-scoped token of the new business works on its resources straight away.
    scoped = await business_token(http, sandbox, created["id"], partner=token)
    customer = await http.post(
        f"{BUSINESSES}{created['id']}/customers/",
        json={"individual_name": "Ada"},
        headers=bearer(scoped),
    )
    assert customer.status_code == 201, customer.text


async def test_another_partners_business_is_not_found(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    other = sandbox.add_partner()
    theirs = sandbox.add_business(partner_id=other.partner_id)
    response = await http.get(f"{BUSINESSES}{theirs}/", headers=bearer(token))
    assert response.status_code == 404
    assert response.json()["error_code"] == "business_not_found"
    listed = (await http.get(BUSINESSES, headers=bearer(token))).json()["results"]
    assert theirs not in [b["id"] for b in listed]
    patched = await http.patch(
        f"{BUSINESSES}{theirs}/", json={"legal_name": "Mine now"}, headers=bearer(token)
    )
    assert patched.status_code == 404


async def test_update_changes_only_the_fields_given(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    created = (await http.post(BUSINESSES, json=BUSINESS_BODY, headers=bearer(token))).json()
    one = f"{BUSINESSES}{created['id']}/"
    response = await http.patch(one, json={"legal_name": "Acme Group"}, headers=bearer(token))
    assert response.status_code == 200, response.text
    now = (await http.get(one, headers=bearer(token))).json()
    assert (now["legal_name"], now["email"]) == ("Acme Group", BUSINESS_BODY["email"])


# ---------------------------------------------------------------------- cancelling a payment


async def test_cancelling_a_pending_payment_restores_the_invoice(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    before = await get_invoice(http, token, invoice)
    payment = await pay(http, token, invoice, 4000)
    one = f"{payments_path(sandbox.business_id)}{payment['id']}/"
    paid = await get_invoice(http, token, invoice)
    assert (paid["status"], paid["outstanding_balance"]) == ("PARTIALLY_PAID", 6000)
    # A completed payment needs a refund instead.
    refused = await http.post(f"{one}delete/", headers=bearer(token))
    assert refused.status_code == 409
    assert refused.json()["error_code"] == "invalid_state_transition"
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 6000

    patched = await http.patch(one, json={"status": "pending"}, headers=bearer(token))
    assert patched.status_code == 200, patched.text
    assert patched.json()["payment"]["status"] == "pending"
    cancelled = await http.post(f"{one}delete/", headers=bearer(token))
    assert cancelled.status_code == 200, cancelled.text
    assert (cancelled.json()["payment_id"], cancelled.json()["status"]) == (
        payment["id"],
        "cancelled",
    )
    after = await get_invoice(http, token, invoice)
    assert (after["status"], after["outstanding_balance"]) == (
        before["status"],
        before["outstanding_balance"],
    )
    assert after["payment_allocations"] == []
    again = await http.post(f"{one}delete/", headers=bearer(token))
    assert again.status_code == 409


async def test_a_patch_that_moves_money_is_checked_like_a_create(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    payment = await pay(http, token, invoice, 4000)
    one = f"{payments_path(sandbox.business_id)}{payment['id']}/"
    too_much = {
        "total_amount_cents": 20000,
        "allocations": [{"invoice_id": invoice["id"], "amount_cents": 10001}],
    }
    response = await http.patch(one, json=too_much, headers=bearer(token))
    assert list(field_errors(response)) == ["allocations[0].amount_cents"]
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 6000
    within = {**too_much, "allocations": [{"invoice_id": invoice["id"], "amount_cents": 10000}]}
    fine = await http.patch(one, json=within, headers=bearer(token))
    assert fine.status_code == 200, fine.text
    assert fine.json()["payment"]["unapplied_amount_cents"] == 10000
    assert (await get_invoice(http, token, invoice))["status"] == "PAID"


# ---------------------------------------------------------------------- refund payments


async def test_refund_payments_move_the_refund_through_pending_processing_and_paid(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    await pay(http, token, invoice, 10000)
    body = {"invoice_id": invoice["id"], "method": "CASH", "amount_cents": 3000}
    refund = (
        await http.post(refunds_path(sandbox.business_id), json=body, headers=bearer(token))
    ).json()
    one = f"{refunds_path(sandbox.business_id)}{refund['id']}/"
    assert refund["status"] == "pending"
    first = await http.post(
        f"{one}payments/",
        json={"amount_cents": 1000, "method": "ACH", "external_id": "rp-1"},
        headers=bearer(token),
    )
    assert first.status_code == 201, first.text
    assert (await http.get(one, headers=bearer(token))).json()["status"] == "processing"
    replay = await http.post(
        f"{one}payments/",
        json={"amount_cents": 1000, "method": "ACH", "external_id": "rp-1"},
        headers=bearer(token),
    )
    assert (replay.status_code, replay.json()["id"]) == (200, first.json()["id"])
    over = await http.post(
        f"{one}payments/", json={"amount_cents": 2001, "method": "ACH"}, headers=bearer(token)
    )
    assert list(field_errors(over)) == ["amount_cents"]
    rest = await http.post(
        f"{one}payments/", json={"amount_cents": 2000, "method": "ACH"}, headers=bearer(token)
    )
    assert rest.status_code == 201, rest.text
    assert (await http.get(one, headers=bearer(token))).json()["status"] == "paid"
    listed = (await http.get(f"{one}payments/", headers=bearer(token))).json()
    assert [p["refunded_amount"] for p in listed["results"]] == [1000, 2000]
    deleted = await http.delete(f"{one}payments/{rest.json()['id']}/", headers=bearer(token))
    assert deleted.status_code == 204
    assert (await http.get(one, headers=bearer(token))).json()["status"] == "processing"


# ---------------------------------------------------------------------- customer credits


async def test_a_credit_allocated_to_an_invoice_lowers_its_balance_like_a_payment(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    body = {
        "external_id": "cn-1",
        "customer_id": invoice["customer"]["id"],
        "line_items": [{"amount": 2500}],
        "allocations": [{"invoice_id": invoice["id"], "amount": 2500}],
    }
    response = await http.post(credits_path(sandbox.business_id), json=body, headers=bearer(token))
    assert response.status_code == 201, response.text
    credit = response.json()
    assert (credit["total_amount"], credit["applied_amount"]) == (2500, 2500)
    now = await get_invoice(http, token, invoice)
    assert (now["status"], now["outstanding_balance"]) == ("PARTIALLY_PAID", 7500)
    assert [a["credit_note_id"] for a in now["credit_allocations"]] == [credit["id"]]
    await pay(http, token, now, 7500)
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 0


async def test_a_credit_cannot_exceed_the_invoice_balance(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    body = {
        "external_id": "cn-2",
        "customer_id": invoice["customer"]["id"],
        "line_items": [{"amount": 20000}],
        "allocations": [{"invoice_id": invoice["id"], "amount": 10001}],
    }
    response = await http.post(credits_path(sandbox.business_id), json=body, headers=bearer(token))
    assert list(field_errors(response)) == ["allocations[0].amount"]
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 10000
    listed = await http.get(credits_path(sandbox.business_id), headers=bearer(token))
    assert listed.json()["results"] == []
