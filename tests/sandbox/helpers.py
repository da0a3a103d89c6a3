"""Raw-HTTP helpers shared by the sandbox tests."""

from __future__ import annotations

from typing import Any

import httpx

from thredfi_client.testing import Sandbox

TOKEN_PATH = "/v1/platform/oauth2/token/"


def customers_path(business_id: str) -> str:
    """The customers collection of a business."""
    return f"/v1/platform/businesses/{business_id}/customers/"


def invoices_path(business_id: str) -> str:
    """The invoices collection of a business."""
    return f"/v1/platform/businesses/{business_id}/invoices/"


def bearer(token: str) -> dict[str, str]:
    """An Authorization header for a bearer token."""
    return {"Authorization": f"Bearer {token}"}


async def partner_token(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    partner_id: str | None = None,
    api_key: str | None = None,
) -> str:
    """A partner token from the client-credentials grant (form body)."""
    pid = partner_id or sandbox.partner_id
    response = await http.post(
        TOKEN_PATH,
        auth=(pid, api_key or sandbox.api_key),
        data={"grant_type": "client_credentials", "client_id": pid},
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


async def business_token(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    business_id: str | None = None,
    partner: str | None = None,
) -> str:
    """A business-scoped token, exchanged from a fresh partner token."""
    ptoken = partner or await partner_token(http, sandbox)
    bid = business_id or sandbox.business_id
    response = await http.post(f"/v1/platform/{bid}/oauth2/token/", headers=bearer(ptoken))
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


async def create_customer(
    http: httpx.AsyncClient, token: str, business_id: str, **fields: Any
) -> httpx.Response:
    """POST a customer (``individual_name`` defaults to "Ada Lovelace")."""
    body: dict[str, Any] = {"individual_name": "Ada Lovelace"}
    body.update(fields)
    return await http.post(customers_path(business_id), json=body, headers=bearer(token))


def invoice_body(**fields: Any) -> dict[str, Any]:
    """A minimal valid create-invoice body, overridable field by field."""
    body: dict[str, Any] = {
        "external_id": "inv-1",
        "sent_at": "2030-01-10T09:00:00Z",
        "customer_external_id": "cust-1",
        "line_items": [{"quantity": 1, "unit_price": 1000}],
    }
    body.update(fields)
    return body


def field_errors(response: httpx.Response) -> dict[str, list[str]]:
    """The ``detail.field_errors`` of a 400 in the spec's shape."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error_code"] == "validation_error"
    errors: dict[str, list[str]] = body["detail"]["field_errors"]
    return errors


def invoice_path(business_id: str, invoice_id: str) -> str:
    """One invoice (its void is ``{invoice_path}void/``)."""
    return f"{invoices_path(business_id)}{invoice_id}/"


def payments_path(business_id: str) -> str:
    """The invoice payments collection of a business."""
    return f"{invoices_path(business_id)}payments/"


def refunds_path(business_id: str) -> str:
    """The refunds collection of a business."""
    return f"{invoices_path(business_id)}refunds/"


async def new_invoice(
    http: httpx.AsyncClient, token: str, business_id: str, **fields: Any
) -> dict[str, Any]:
    """Create an invoice (``invoice_body`` with ``fields``); its JSON."""
    response = await http.post(
        invoices_path(business_id), json=invoice_body(**fields), headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def payment_body(invoice: dict[str, Any], *amounts: int, **fields: Any) -> dict[str, Any]:
    """A payment from ``invoice``'s customer applying each amount to it (total: their sum)."""
    body: dict[str, Any] = {
        "customer_id": invoice["customer"]["id"],
        "total_amount_cents": sum(amounts),
        "payment_date": "2030-01-15",
        "allocations": [{"invoice_id": invoice["id"], "amount_cents": a} for a in amounts],
    }
    body.update(fields)
    return body


async def pay(
    http: httpx.AsyncClient, token: str, invoice: dict[str, Any], *amounts: int, **fields: Any
) -> dict[str, Any]:
    """Record a payment of ``invoice`` (see ``payment_body``); the payment (unwrapped)."""
    response = await http.post(
        payments_path(invoice["business_id"]),
        json=payment_body(invoice, *amounts, **fields),
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    paid: dict[str, Any] = response.json()["payment"]
    return paid


async def get_invoice(http: httpx.AsyncClient, token: str, invoice: dict[str, Any]) -> Any:
    """The invoice as it is now."""
    response = await http.get(
        invoice_path(invoice["business_id"], invoice["id"]), headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    return response.json()
