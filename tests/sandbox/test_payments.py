"""Invoice payments: allocation to invoices, balances and statuses, Idempotency-Key replays."""

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
    pay,
    payment_body,
    payments_path,
)


@pytest.fixture
async def invoice(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> dict[str, Any]:
    """A 10 000-cent invoice, nothing paid."""
    return await new_invoice(
        http, token, sandbox.business_id, line_items=[{"quantity": 2, "unit_price": 5000}]
    )


async def test_a_payment_lowers_the_balance_and_moves_the_status(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    first = await pay(http, token, invoice, 4000, payment_method="bank_transfer")
    assert (first["total_amount_cents"], first["allocated_amount_cents"]) == (4000, 4000)
    assert (first["unapplied_amount_cents"], first["status"]) == (0, "completed")
    assert first["allocations"] == [
        {
            "invoice_id": invoice["id"],
            "invoice_number": invoice["invoice_number"],
            "amount_cents": 4000,
        }
    ]
    partly = await get_invoice(http, token, invoice)
    assert (partly["status"], partly["outstanding_balance"], partly["paid_at"]) == (
        "PARTIALLY_PAID",
        6000,
        None,
    )
    assert partly["payment_allocations"] == [
        {
            "amount_cents": 4000,
            "payment_date": "2030-01-15",
            "payment_method": "bank_transfer",
            "payment_id": first["id"],
        }
    ]
    await pay(http, token, invoice, 6000)
    paid = await get_invoice(http, token, invoice)
    assert (paid["status"], paid["outstanding_balance"]) == ("PAID", 0)
    assert paid["paid_at"] == sandbox.invoices[invoice["id"]]["paid_at"] is not None
    assert [a["amount_cents"] for a in paid["payment_allocations"]] == [4000, 6000]
    assert paid["customer"]["outstanding_balance"] == 0


async def test_what_is_not_allocated_stays_on_the_payment(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    body = payment_body(invoice, 2500, total_amount_cents=3000)
    response = await http.post(payments_path(sandbox.business_id), json=body, headers=bearer(token))
    payment = response.json()["payment"]
    assert (payment["applied_amount_cents"], payment["unapplied_amount_cents"]) == (2500, 500)
    assert payment["remaining_amount_cents"] == 500
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 7500


async def test_one_payment_may_pay_several_invoices_of_its_customer(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    second = await new_invoice(http, token, sandbox.business_id, external_id="inv-2")
    assert second["customer"]["id"] == invoice["customer"]["id"]
    body = payment_body(invoice, 10000)
    body["allocations"].append({"invoice_id": second["id"], "amount_cents": 400})
    body["total_amount_cents"] = 10400
    response = await http.post(payments_path(sandbox.business_id), json=body, headers=bearer(token))
    assert response.status_code == 201, response.text
    assert (await get_invoice(http, token, invoice))["status"] == "PAID"
    assert (await get_invoice(http, token, second))["outstanding_balance"] == 600


async def test_the_same_idempotency_key_and_body_replay_the_first_answer(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    headers = {**bearer(token), "Idempotency-Key": "pay-7"}
    body = payment_body(invoice, 3000)
    first = await http.post(payments_path(sandbox.business_id), json=body, headers=headers)
    reordered = dict(reversed(list(body.items())))  # the same JSON, in another key order
    again = await http.post(payments_path(sandbox.business_id), json=reordered, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.content == first.content
    assert len(sandbox.payments) == 1
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 7000


async def test_a_key_reused_with_another_body_is_refused_and_records_nothing(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    headers = {**bearer(token), "Idempotency-Key": "pay-8"}
    url = payments_path(sandbox.business_id)
    assert (await http.post(url, json=payment_body(invoice, 3000), headers=headers)).is_success
    other = await http.post(url, json=payment_body(invoice, 3001), headers=headers)
    assert other.status_code == 422
    assert other.json()["error_code"] == "idempotency_key_reused"
    assert len(sandbox.payments) == 1
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 7000


async def test_keys_are_kept_only_for_successes_and_per_business(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    headers = {**bearer(token), "Idempotency-Key": "pay-9"}
    url = payments_path(sandbox.business_id)
    refused = await http.post(url, json=payment_body(invoice, 99999), headers=headers)
    assert list(field_errors(refused)) == ["allocations[0].amount_cents"]
    corrected = await http.post(url, json=payment_body(invoice, 999), headers=headers)
    assert corrected.status_code == 201
    elsewhere = sandbox.add_business()
    other = await new_invoice(http, token, elsewhere)
    response = await http.post(
        payments_path(elsewhere), json=payment_body(other, 5), headers=headers
    )
    assert response.status_code == 201  # the same key in another business is another key
    blank = await http.post(
        url, json=payment_body(invoice, 1), headers={**bearer(token), "Idempotency-Key": " "}
    )
    assert list(field_errors(blank)) == ["Idempotency-Key"]


async def test_a_known_external_id_answers_the_existing_payment(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    url = payments_path(sandbox.business_id)
    body = payment_body(invoice, 1000, external_id="bank-tx-1")
    first = await http.post(url, json=body, headers=bearer(token))
    again = await http.post(url, json=body, headers=bearer(token))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["payment"]["id"] == first.json()["payment"]["id"]
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 9000


async def test_allocations_must_fit_the_invoices_paid(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    other_customer = (await create_customer(http, token, sandbox.business_id)).json()
    theirs = await new_invoice(
        http, token, sandbox.business_id, external_id="inv-t", customer_id=other_customer["id"]
    )
    body = payment_body(invoice, 10001, 1)
    body["allocations"] += [
        {"invoice_id": theirs["id"], "amount_cents": 1},
        {"invoice_id": "00000000-0000-4000-8000-000000000000", "amount_cents": 1},
        {"invoice_id": invoice["id"], "amount_cents": 0},
    ]
    body["currency"] = "EUR"
    body["total_amount_cents"] = 20000
    response = await http.post(payments_path(sandbox.business_id), json=body, headers=bearer(token))
    assert field_errors(response) == {
        "allocations[0].amount_cents": ["More than the invoice's outstanding balance (10000)."],
        "allocations[1].amount_cents": ["More than the invoice's outstanding balance (10000)."],
        "allocations[2].invoice_id": ["The invoice belongs to another customer."],
        "allocations[3].invoice_id": ["No invoice with this id in this business."],
        "allocations[4].amount_cents": ["Ensure this value is greater than or equal to 1."],
        "currency": ["Must be GBP, the currency of this business."],
    }
    assert sandbox.payments == {}
    short = payment_body(invoice, 500, total_amount_cents=400)
    response = await http.post(
        payments_path(sandbox.business_id), json=short, headers=bearer(token)
    )
    assert field_errors(response) == {
        "total_amount_cents": ["Less than the amount allocated to invoices (500)."]
    }
    nobody = payment_body(invoice, 5, customer_id="00000000-0000-4000-8000-000000000000")
    response = await http.post(
        payments_path(sandbox.business_id), json=nobody, headers=bearer(token)
    )
    assert list(field_errors(response)) == ["customer_id"]


async def test_a_cancelled_invoice_takes_no_payment(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    void = f"{invoice_path(sandbox.business_id, invoice['id'])}void/"
    assert (await http.post(void, headers=bearer(token))).status_code == 200
    response = await http.post(
        payments_path(sandbox.business_id), json=payment_body(invoice, 5), headers=bearer(token)
    )
    assert field_errors(response) == {"allocations[0].invoice_id": ["The invoice is cancelled."]}


async def test_get_answers_the_payment_unwrapped(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    created = await pay(http, token, invoice, 1200, note="first instalment")
    url = f"{payments_path(sandbox.business_id)}{created['id']}/"
    got = await http.get(url, headers=bearer(token))
    assert got.json() == created == sandbox.payments[created["id"]]
    missing = await http.get(
        f"{payments_path(sandbox.business_id)}00000000-0000-4000-8000-000000000000/",
        headers=bearer(token),
    )
    assert (missing.status_code, missing.json()["error_code"]) == (404, "payment_not_found")


async def test_a_form_encoded_payment_is_read_as_its_json_would_be(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    """The vendor offers every body as JSON, form and multipart; nested values travel as JSON."""
    form = {
        "customer_id": invoice["customer"]["id"],
        "total_amount_cents": "700",
        "payment_date": "2030-01-15",
        "allocations": f'[{{"invoice_id": "{invoice["id"]}", "amount_cents": 700}}]',
    }
    response = await http.post(payments_path(sandbox.business_id), data=form, headers=bearer(token))
    assert response.status_code == 201, response.text
    multipart = await http.post(
        payments_path(sandbox.business_id),
        files={k: (None, v) for k, v in {**form, "total_amount_cents": "x"}.items()},
        headers=bearer(token),
    )
    assert list(field_errors(multipart)) == ["total_amount_cents"]
    assert (await get_invoice(http, token, invoice))["outstanding_balance"] == 9300


async def test_payments_list_filters_and_sorts(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, invoice: dict[str, Any]
) -> None:
    other_customer = (await create_customer(http, token, sandbox.business_id)).json()
    theirs = await new_invoice(
        http, token, sandbox.business_id, external_id="inv-t", customer_id=other_customer["id"]
    )
    a = await pay(http, token, invoice, 300, payment_date="2030-02-01", payment_reference="REF-A")
    b = await pay(http, token, invoice, 100, payment_date="2030-01-01", payment_method="card")
    c = await pay(http, token, theirs, 200, payment_date="2030-03-01", note="by cheque")
    url = payments_path(sandbox.business_id)

    async def ids(**params: Any) -> list[str]:
        response = await http.get(url, params=params, headers=bearer(token))
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["results"]]

    assert await ids() == [a["id"], b["id"], c["id"]]  # oldest first
    assert await ids(sort_by="total_amount_cents", sort_order="desc") == [a["id"], c["id"], b["id"]]
    assert await ids(sort_by="payment_date") == [b["id"], a["id"], c["id"]]
    assert await ids(customer_id=f"{other_customer['id']},{invoice['customer']['id']}") == [
        a["id"],
        b["id"],
        c["id"],
    ]
    assert await ids(customer_id=other_customer["id"]) == [c["id"]]
    assert await ids(invoice_id=theirs["id"]) == [c["id"]]
    assert await ids(min_amount=150, max_amount=250) == [c["id"]]
    assert await ids(payment_date_start="2030-01-15", payment_date_end="2030-02-28") == [a["id"]]
    assert await ids(payment_method="card") == [b["id"]]
    assert await ids(search="ref-a") == [a["id"]]
    assert await ids(search="CHEQUE") == [c["id"]]
    assert await ids(status="completed") == [a["id"], b["id"], c["id"]]
    assert await ids(status="failed") == []
    bad = await http.get(
        url,
        params={"customer_id": "x", "sort_by": "colour", "payment_date_start": "01/02/2030"},
        headers=bearer(token),
    )
    assert sorted(field_errors(bad)) == ["customer_id", "payment_date_start", "sort_by"]
