"""Invoices: create (idempotent by ``external_id``, computed totals); and their JSON."""

from __future__ import annotations

import copy
import uuid
from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._store import Invoice, Store, iso
from .._validation import clean_invoice
from .auth import authorize
from .bodies import json_body
from .customers import bare_customer, new_customer, render_customer
from .paths import BUSINESS
from .responses import invalid, ok
from .routing import Endpoint, bind

__all__ = ["endpoints", "render_invoice"]

#: ``due_at`` when none is given: "Defaults to 30 days from sent_at" (create-invoice page).
DEFAULT_DUE_DAYS = 30


def render_invoice(store: Store, invoice: Invoice) -> dict[str, Any]:
    """The invoice as the API returns it (a fresh dict)."""
    d = invoice.data
    overdue = d["outstanding_balance"] > 0 and d["due_at"] < store.now()
    return {
        "type": "InvoiceData",
        "id": invoice.id,
        "business_id": invoice.business_id,
        "status": "OVERDUE" if overdue else "SENT",
        "sent_at": iso(d["sent_at"]),
        "due_at": iso(d["due_at"]),
        "paid_at": None,
        "voided_at": None,
        "is_overdue": overdue,
        "invoice_number": d["invoice_number"],
        "invoice_type": d["invoice_type"],
        "currency": store.settings.currency,
        "customer": render_customer(store, store.customers.get(invoice.customer_id)),  # type: ignore[arg-type]
        "line_items": copy.deepcopy(d["line_items"]),
        "subtotal": d["subtotal"],
        "additional_discount": d["additional_discount"],
        "additional_sales_taxes": copy.deepcopy(d["additional_sales_taxes"]),
        "additional_sales_taxes_total": d["additional_sales_taxes_total"],
        "tips": d["tips"],
        "tips_account": d["tips_account"],
        "total_amount": d["total_amount"],
        "outstanding_balance": d["outstanding_balance"],
        "payment_allocations": [],
        "credit_allocations": [],
        "refund_allocations": [],
        "write_offs": [],
        "document": None,
        "imported_at": iso(invoice.created_at),
        "updated_at": iso(invoice.created_at),
        "external_id": d["external_id"],
        "memo": d["memo"],
    }


def compute_invoice(invoice_id: str, cleaned: dict[str, Any]) -> dict[str, Any]:
    """Lines and totals in integer cents. Taxes are amounts, not rates: nothing is rounded."""
    lines = []
    for item in cleaned["line_items"]:
        subtotal = item["quantity"] * item["unit_price"]
        taxes = sum(t["amount"] - t["discount_amount"] for t in item["sales_taxes"])
        lines.append(
            {
                "id": str(uuid.uuid4()),
                "invoice_id": invoice_id,
                "account_identifier": item["account_identifier"],
                "description": item["description"],
                "unit_price": item["unit_price"],
                "quantity": item["quantity"],
                "subtotal": subtotal,
                "discount_amount": item["discount_amount"],
                "sales_taxes_total": taxes,
                "total_amount": subtotal - item["discount_amount"] + taxes,
                "external_id": item["external_id"],
                "product": item["product"],
            }
        )
    total = (
        sum(line["total_amount"] for line in lines)
        - cleaned["additional_discount"]
        + cleaned["additional_sales_taxes_total"]
        + cleaned["tips"]
    )
    sent_at = cleaned["sent_at"]
    return {
        "external_id": cleaned["external_id"],
        "sent_at": sent_at,
        "due_at": cleaned["due_at"] or sent_at + timedelta(days=DEFAULT_DUE_DAYS),
        "invoice_type": cleaned["invoice_type"],
        "memo": cleaned["memo"],
        "line_items": lines,
        "subtotal": sum(line["subtotal"] for line in lines),
        "additional_discount": cleaned["additional_discount"],
        "additional_sales_taxes": cleaned["additional_sales_taxes"],
        "additional_sales_taxes_total": cleaned["additional_sales_taxes_total"],
        "tips": cleaned["tips"],
        "tips_account": cleaned["tips_account"],
        "total_amount": total,
        "outstanding_balance": total,
    }


async def create_invoice(store: Store, request: Request) -> Response:
    """``POST .../invoices/``: 201, or 200 with the existing one for a known external_id."""
    business_id = authorize(store, request)
    cleaned, errors = clean_invoice(await json_body(store.settings, request))
    if errors:
        return invalid(store.settings, request, errors)
    async with store.lock:
        existing = store.invoices.by_external_id(business_id, cleaned["external_id"])
        if existing is not None:
            return ok(render_invoice(store, existing), 200)
        if cleaned["customer_id"] is not None:
            customer = store.customers.get(cleaned["customer_id"], business_id)
            if customer is None:
                message = "No customer with this id in this business."
                return invalid(store.settings, request, {"customer_id": [message]})
        else:
            ext = cleaned["customer_external_id"]
            # An unknown customer_external_id creates a customer named after it.
            customer = store.customers.by_external_id(business_id, ext) or new_customer(
                store, business_id, bare_customer(ext)
            )
        invoice_id = str(uuid.uuid4())
        data = compute_invoice(invoice_id, cleaned)
        data["invoice_number"] = cleaned["invoice_number"] or store.next_invoice_number(business_id)
        invoice = store.invoices.add(
            Invoice(
                id=invoice_id,
                business_id=business_id,
                customer_id=customer.id,
                external_id=cleaned["external_id"],
                data=data,
                created_at=store.now(),
                extra={
                    "transaction_tags": cleaned["transaction_tags"],
                    "metadata": cleaned["metadata"],
                },
            )
        )
        return ok(render_invoice(store, invoice), 201)


def endpoints(store: Store) -> list[Endpoint]:
    """The invoice operations."""
    return [
        Endpoint(method="POST", path=f"{BUSINESS}/invoices/", handler=bind(store, create_invoice)),
    ]
