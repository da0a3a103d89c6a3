"""Refunds: allocation to the invoice, what they reopen, and deleting one."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from thredfi_client.testing import Sandbox

from .helpers import (
    bearer,
    field_errors,
    get_invoice,
    invoice_path,
    new_invoice,
    pay,
    refunds_path,
)


@pytest.fixture
async def paid(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> dict[str, Any]:
    """A 10 000-cent invoice, paid in full."""
    invoice = await new_invoice(
        http, token, sandbox.business_id, line_items=[{"quantity": 1, "unit_price": 10000}]
    )
    await pay(http, token, invoice, 10000)
    now: dict[str, Any] = await get_invoice(http, token, invoice)
    return now


async def refund(
    http: httpx.AsyncClient, token: str, invoice: dict[str, Any], **fields: Any
) -> httpx.Response:
    body = {"invoice_id": invoice["id"], "method": "CASH", **fields}
    return await http.post(refunds_path(invoice["business_id"]), json=body, headers=bearer(token))


async def test_a_partial_refund_is_allocated_to_the_invoice_and_reopens_that_much(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, paid: dict[str, Any]
) -> None:
    response = await refund(
        http, token, paid, amount_cents=2500, reference_number="RF-1", memo="damaged box"
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["refunded_amount"] == 2500
    assert (created["customer_id"], created["customer_name"]) == (
        paid["customer"]["id"],
        paid["customer"]["display_name"],
    )
    (allocation,) = created["allocations"]
    assert allocation["allocation_type"] == "invoice"
    assert (allocation["invoice_id"], allocation["amount"]) == (paid["id"], 2500)
    assert allocation["invoice_outstanding_balance_cents"] == 2500
    assert allocation["description"] == "damaged box"
    assert created["refund_payments"][0]["method"] == "CASH"
    now = await get_invoice(http, token, paid)
    assert (now["status"], now["outstanding_balance"], now["paid_at"]) == (
        "PARTIALLY_PAID",
        2500,
        None,
    )
    (listed,) = now["refund_allocations"]
    assert (listed["refund_id"], listed["amount_cents"], listed["reference_number"]) == (
        created["id"],
        2500,
        "RF-1",
    )
    assert sandbox.refunds[created["id"]] == created


async def test_without_an_amount_all_that_is_left_is_refunded(
    http: httpx.AsyncClient, token: str, paid: dict[str, Any]
) -> None:
    await refund(http, token, paid, amount_cents=1000)
    rest = (await refund(http, token, paid)).json()
    assert rest["refunded_amount"] == 9000
    now = await get_invoice(http, token, paid)
    assert (now["status"], now["outstanding_balance"]) == ("REFUNDED", 10000)
    assert [a["amount_cents"] for a in now["refund_allocations"]] == [1000, 9000]


async def test_no_more_than_was_received_can_be_refunded(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, paid: dict[str, Any]
) -> None:
    too_much = await refund(http, token, paid, amount_cents=10001)
    assert field_errors(too_much) == {
        "amount_cents": ["More than can be refunded on this invoice (10000)."]
    }
    await refund(http, token, paid)
    nothing_left = await refund(http, token, paid)
    assert (nothing_left.status_code, nothing_left.json()["error_code"]) == (
        409,
        "invalid_state_transition",
    )
    unpaid = await new_invoice(http, token, sandbox.business_id, external_id="inv-u")
    assert (await refund(http, token, unpaid)).status_code == 409
    unknown = await refund(http, token, {**unpaid, "id": "00000000-0000-4000-8000-000000000000"})
    assert list(field_errors(unknown)) == ["invoice_id"]
    assert len(sandbox.refunds) == 1


async def test_a_known_external_id_answers_the_existing_refund(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, paid: dict[str, Any]
) -> None:
    first = await refund(http, token, paid, amount_cents=100, external_id="rf-1")
    again = await refund(http, token, paid, amount_cents=100, external_id="rf-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert (await get_invoice(http, token, paid))["outstanding_balance"] == 100


async def test_deleting_a_refund_puts_the_invoice_back(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, paid: dict[str, Any]
) -> None:
    created = (await refund(http, token, paid, amount_cents=4000)).json()
    url = f"{refunds_path(sandbox.business_id)}{created['id']}/"
    assert (await http.get(url, headers=bearer(token))).json() == created
    deleted = await http.delete(url, headers=bearer(token))
    assert (deleted.status_code, deleted.content) == (204, b"")
    now = await get_invoice(http, token, paid)
    assert (now["status"], now["outstanding_balance"], now["refund_allocations"]) == (
        "PAID",
        0,
        [],
    )
    again = await http.delete(url, headers=bearer(token))
    assert (again.status_code, again.json()["error_code"]) == (404, "refund_not_found")
    assert (await http.get(url, headers=bearer(token))).status_code == 404


async def test_the_refunds_of_a_voided_invoice_stay(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, paid: dict[str, Any]
) -> None:
    created = (await refund(http, token, paid)).json()
    void = f"{invoice_path(sandbox.business_id, paid['id'])}void/"
    assert (await http.post(void, headers=bearer(token))).json()["status"] == "CANCELLED"
    url = f"{refunds_path(sandbox.business_id)}{created['id']}/"
    kept = await http.delete(url, headers=bearer(token))
    assert (kept.status_code, kept.json()["error_code"]) == (409, "invalid_state_transition")
    assert (await refund(http, token, paid)).status_code == 409
