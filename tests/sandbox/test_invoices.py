"""Invoices: totals in integer cents, defaults, customer resolution, idempotency, validation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from thredfi_client.testing import Sandbox

from .helpers import (
    bearer,
    create_customer,
    field_errors,
    invoice_body,
    invoices_path,
    partner_token,
)

INVOICE_FIELDS = {
    "type",
    "id",
    "business_id",
    "status",
    "sent_at",
    "due_at",
    "paid_at",
    "voided_at",
    "is_overdue",
    "invoice_number",
    "invoice_type",
    "currency",
    "customer",
    "line_items",
    "subtotal",
    "additional_discount",
    "additional_sales_taxes",
    "additional_sales_taxes_total",
    "tips",
    "tips_account",
    "total_amount",
    "outstanding_balance",
    "payment_allocations",
    "credit_allocations",
    "refund_allocations",
    "write_offs",
    "document",
    "imported_at",
    "updated_at",
    "external_id",
    "memo",
}
ACCOUNT = "3c90c3cc-0d44-4b50-8888-8dd25736052a"


async def post_invoice(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, **fields: Any
) -> httpx.Response:
    return await http.post(
        invoices_path(sandbox.business_id), json=invoice_body(**fields), headers=bearer(token)
    )


async def test_totals_two_lines_discount_tax_additional_discount_tax_tips(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    response = await post_invoice(
        http,
        sandbox,
        token,
        line_items=[
            {
                "quantity": 3,
                "unit_price": 2500,
                "description": "Widgets",
                "product": "W-1",
                "external_id": "line-1",
                "discount_amount": 500,
                "account_identifier": ACCOUNT,
                "sales_taxes": [{"amount": 1400, "discount_amount": 100}, {"amount": 50}],
            },
            {"quantity": 2, "unit_price": 999},
        ],
        additional_discount=300,
        additional_sales_taxes=[
            {"amount": 120, "name": "Levy", "rate": "1.5"},
            {"amount": 80, "rate": "2"},
        ],
        tips=250,
        tips_account="tips-account",
        memo="Thanks",
    )
    assert response.status_code == 201, response.text
    inv = response.json()
    assert set(inv) == INVOICE_FIELDS
    first, second = inv["line_items"]
    # line 1: 3 x 2500 = 7500; - 500 discount; taxes (1400 - 100) + 50 = 1350; total 8350
    assert (
        first["subtotal"],
        first["discount_amount"],
        first["sales_taxes_total"],
        first["total_amount"],
    ) == (7500, 500, 1350, 8350)
    # line 2: 2 x 999 = 1998, no discount, no tax
    assert (
        second["subtotal"],
        second["discount_amount"],
        second["sales_taxes_total"],
        second["total_amount"],
    ) == (1998, 0, 0, 1998)
    assert inv["subtotal"] == 9498
    assert inv["additional_discount"] == 300
    assert inv["additional_sales_taxes_total"] == 200
    assert inv["tips"] == 250
    # 8350 + 1998 - 300 + 200 + 250
    assert inv["total_amount"] == 10498
    assert inv["outstanding_balance"] == 10498
    assert inv["additional_sales_taxes"] == [
        {"amount": 120, "name": "Levy", "rate": "1.5"},
        {"amount": 80, "rate": "2"},
    ]
    assert first["account_identifier"] == {"id": ACCOUNT, "type": "AccountId"}
    assert (first["description"], first["product"], first["external_id"]) == (
        "Widgets",
        "W-1",
        "line-1",
    )
    assert (second["account_identifier"], second["description"]) == (None, None)
    assert first["invoice_id"] == inv["id"]
    assert inv["tips_account"] == "tips-account"
    assert inv["memo"] == "Thanks"
    assert inv["customer"]["outstanding_balance"] == 10498


async def test_defaults(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> None:
    inv = (await post_invoice(http, sandbox, token)).json()
    assert inv["type"] == "InvoiceData"
    assert inv["business_id"] == sandbox.business_id
    assert inv["status"] == "SENT"
    assert inv["is_overdue"] is False
    assert inv["sent_at"] == "2030-01-10T09:00:00Z"
    assert inv["due_at"] == "2030-02-09T09:00:00Z"
    assert inv["invoice_number"] == "INV-000001"
    assert inv["invoice_type"] == "invoice"
    assert inv["currency"] == "GBP"
    assert (inv["paid_at"], inv["voided_at"], inv["document"]) == (None, None, None)
    assert inv["payment_allocations"] == inv["credit_allocations"] == []
    assert inv["refund_allocations"] == inv["write_offs"] == []
    assert (inv["additional_discount"], inv["additional_sales_taxes_total"], inv["tips"]) == (
        0,
        0,
        0,
    )
    assert inv["additional_sales_taxes"] == []
    assert inv["tips_account"] is None
    assert inv["external_id"] == "inv-1"
    assert inv["memo"] is None
    assert inv["imported_at"] == inv["updated_at"]
    assert sandbox.invoices[inv["id"]] == inv


async def test_due_at_given_and_offset_normalised(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    inv = (
        await post_invoice(
            http, sandbox, token, sent_at="2030-01-10T10:00:00+01:00", due_at="2030-03-01T00:00:00Z"
        )
    ).json()
    assert inv["sent_at"] == "2030-01-10T09:00:00Z"
    assert inv["due_at"] == "2030-03-01T00:00:00Z"


async def test_invoice_numbers_generated_in_sequence_per_business(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    numbers = []
    for i in range(3):
        number = "MY-7" if i == 1 else None
        fields: dict[str, Any] = {"external_id": f"inv-{i}"}
        if number:
            fields["invoice_number"] = number
        numbers.append(
            (await post_invoice(http, sandbox, token, **fields)).json()["invoice_number"]
        )
    assert numbers == ["INV-000001", "MY-7", "INV-000002"]
    other = sandbox.add_business()
    response = await http.post(invoices_path(other), json=invoice_body(), headers=bearer(token))
    assert response.json()["invoice_number"] == "INV-000001"


async def test_generated_number_skips_one_taken_by_hand(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    await post_invoice(http, sandbox, token, external_id="a", invoice_number="INV-000001")
    inv = (await post_invoice(http, sandbox, token, external_id="b")).json()
    assert inv["invoice_number"] == "INV-000002"


async def test_customer_external_id_creates_then_reuses_customer(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    first = (await post_invoice(http, sandbox, token, customer_external_id="acme-7")).json()
    customer = first["customer"]
    assert customer["external_id"] == "acme-7"
    assert customer["individual_name"] == customer["display_name"] == "acme-7"
    assert customer["type"] == "CustomerData"
    assert customer["documents"] == []
    second = (
        await post_invoice(http, sandbox, token, external_id="inv-2", customer_external_id="acme-7")
    ).json()
    assert second["customer"]["id"] == customer["id"]
    assert len(sandbox.customers) == 1
    assert sandbox.customers[customer["id"]]["outstanding_balance"] == 2000


async def test_customer_external_id_matches_a_customer_created_directly(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    created = (await create_customer(http, token, sandbox.business_id, external_id="crm-1")).json()
    inv = (await post_invoice(http, sandbox, token, customer_external_id="crm-1")).json()
    assert inv["customer"]["id"] == created["id"]
    assert inv["customer"]["display_name"] == "Ada Lovelace"


async def test_customer_id(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> None:
    created = (await create_customer(http, token, sandbox.business_id)).json()
    body = invoice_body(customer_id=created["id"])
    del body["customer_external_id"]
    response = await http.post(invoices_path(sandbox.business_id), json=body, headers=bearer(token))
    assert response.status_code == 201
    assert response.json()["customer"]["id"] == created["id"]
    assert response.json()["customer"]["outstanding_balance"] == 1000


async def test_customer_id_of_another_business_or_unknown_400(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    foreign = (await create_customer(http, token, sandbox.add_business())).json()["id"]
    for customer_id in (foreign, "00000000-0000-4000-8000-000000000000"):
        body = invoice_body(customer_id=customer_id)
        del body["customer_external_id"]
        response = await http.post(
            invoices_path(sandbox.business_id), json=body, headers=bearer(token)
        )
        assert set(field_errors(response)) == {"customer_id"}
    assert sandbox.invoices == {}


async def test_external_id_is_idempotent(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    first = await post_invoice(http, sandbox, token)
    again = await post_invoice(http, sandbox, token, line_items=[{"quantity": 9, "unit_price": 9}])
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert len(sandbox.invoices) == 1
    assert len(sandbox.customers) == 1


async def test_overdue_when_due_at_in_the_past(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    inv = (await post_invoice(http, sandbox, token, sent_at="2020-01-01T00:00:00Z")).json()
    assert (inv["status"], inv["is_overdue"]) == ("OVERDUE", True)
    assert inv["due_at"] == "2020-01-31T00:00:00Z"


async def test_becomes_overdue_as_the_clock_moves(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    now = sandbox.now().isoformat()
    inv = (await post_invoice(http, sandbox, token, sent_at=now)).json()
    assert inv["status"] == "SENT"
    sandbox.advance_clock(31 * 24 * 3600)
    assert sandbox.invoices[inv["id"]]["status"] == "OVERDUE"
    fresh = await partner_token(http, sandbox)  # the first token expired meanwhile
    replay = (await post_invoice(http, sandbox, fresh, sent_at=now)).json()
    assert (replay["status"], replay["is_overdue"]) == ("OVERDUE", True)


async def test_zero_total_is_never_overdue(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    inv = (
        await post_invoice(
            http,
            sandbox,
            token,
            sent_at="2020-01-01T00:00:00Z",
            line_items=[{"quantity": 0, "unit_price": 100}],
        )
    ).json()
    assert (inv["status"], inv["is_overdue"], inv["total_amount"]) == ("SENT", False, 0)


async def test_receipt_type_and_currency_from_config(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    sandbox.currency = "EUR"
    inv = (await post_invoice(http, sandbox, token, invoice_type="receipt")).json()
    assert (inv["invoice_type"], inv["currency"]) == ("receipt", "EUR")


async def test_lump_sum_additional_tax_total_without_list(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    inv = (await post_invoice(http, sandbox, token, additional_sales_taxes_total=150)).json()
    assert (inv["additional_sales_taxes_total"], inv["total_amount"]) == (150, 1150)


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"external_id": None}, {"external_id"}),
        ({"external_id": ""}, {"external_id"}),
        ({"sent_at": None}, {"sent_at"}),
        ({"sent_at": "yesterday"}, {"sent_at"}),
        ({"due_at": "2030-01-01T00:00:00Z"}, {"due_at"}),
        ({"line_items": None}, {"line_items"}),
        ({"line_items": []}, {"line_items"}),
        ({"line_items": "x"}, {"line_items"}),
        ({"line_items": [{"unit_price": 5}]}, {"line_items[0].quantity"}),
        ({"line_items": [{"quantity": 1}]}, {"line_items[0].unit_price"}),
        ({"line_items": [{"quantity": -1, "unit_price": 5}]}, {"line_items[0].quantity"}),
        ({"line_items": [{"quantity": 1.5, "unit_price": 5}]}, {"line_items[0].quantity"}),
        ({"line_items": [{"quantity": 1, "unit_price": "5"}]}, {"line_items[0].unit_price"}),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5}, {"quantity": 1, "unit_price": -5}]},
            {"line_items[1].unit_price"},
        ),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5, "discount_amount": -1}]},
            {"line_items[0].discount_amount"},
        ),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5, "discount_amount": 6}]},
            {"line_items[0].discount_amount"},
        ),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5, "sales_taxes": [{"amount": -1}]}]},
            {"line_items[0].sales_taxes[0].amount"},
        ),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5, "sales_taxes": [{}]}]},
            {"line_items[0].sales_taxes[0].amount"},
        ),
        (
            {
                "line_items": [
                    {
                        "quantity": 1,
                        "unit_price": 5,
                        "sales_taxes": [{"amount": 1, "discount_amount": 2}],
                    }
                ]
            },
            {"line_items[0].sales_taxes[0].discount_amount"},
        ),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5, "account_identifier": "acct"}]},
            {"line_items[0].account_identifier"},
        ),
        (
            {"line_items": [{"quantity": 1, "unit_price": 5, "description": 3}]},
            {"line_items[0].description"},
        ),
        ({"line_items": [7]}, {"line_items[0]"}),
        ({"customer_external_id": None}, {"customer_external_id"}),
        ({"customer_external_id": "   "}, {"customer_id"}),
        ({"customer_id": "not-a-uuid"}, {"customer_id"}),
        ({"additional_discount": -1}, {"additional_discount"}),
        ({"tips": -1}, {"tips"}),
        ({"tips": "1"}, {"tips"}),
        ({"additional_sales_taxes": [{"amount": -3}]}, {"additional_sales_taxes[0].amount"}),
        (
            {"additional_sales_taxes": [{"amount": 3}], "additional_sales_taxes_total": 4},
            {"additional_sales_taxes_total"},
        ),
        ({"invoice_type": "quote"}, {"invoice_type"}),
        ({"invoice_number": "N" * 101}, {"invoice_number"}),
        ({"transaction_tags": [""]}, {"transaction_tags[0]"}),
        (
            {"additional_sales_taxes": [{"amount": 3, "rate": 2}]},
            {"additional_sales_taxes[0].rate"},
        ),
    ],
)
async def test_validation_errors(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, fields: dict[str, Any], bad: set[str]
) -> None:
    response = await post_invoice(http, sandbox, token, **fields)
    assert set(field_errors(response)) == bad
    assert sandbox.invoices == {}
    assert sandbox.customers == {}


async def test_account_identifier_object_and_tips_account_object(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    inv = (
        await post_invoice(
            http,
            sandbox,
            token,
            tips_account={"id": ACCOUNT},
            line_items=[
                {
                    "quantity": 1,
                    "unit_price": 5,
                    "account_identifier": {"id": ACCOUNT, "type": "LedgerId"},
                }
            ],
        )
    ).json()
    assert inv["line_items"][0]["account_identifier"] == {"id": ACCOUNT, "type": "LedgerId"}
    assert inv["tips_account"] == f'{{"id":"{ACCOUNT}"}}'


async def test_invoice_requires_auth_and_own_business(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    no_auth = await http.post(invoices_path(sandbox.business_id), json=invoice_body())
    assert no_auth.status_code == 401
    other = sandbox.add_business(partner_id=sandbox.add_partner().partner_id)
    foreign = await http.post(invoices_path(other), json=invoice_body(), headers=bearer(token))
    assert foreign.status_code == 403
