"""Invoices: create (idempotent by ``external_id``), list, get, update, void; their JSON, and
their balance.

An invoice's balance and status follow from what is applied to it: the payment allocations
(``_api/payments.py``) and refund allocations (``_api/refunds.py``) it lists. A refund gives
back money received, so it reopens that much of the invoice: outstanding = total - paid +
refunded. Status: ``CANCELLED`` once voided; ``REFUNDED`` when everything received was given
back; ``PAID`` when what was received covers the total; ``PARTIALLY_PAID`` when some of it
does; else ``OVERDUE`` past its due date, or ``SENT``.
"""

from __future__ import annotations

import copy
import uuid
from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._store import Customer, Invoice, Store, iso
from .._validation import (
    INVOICE_UPDATE,
    INVOICE_VOID,
    clean_invoice,
    clean_invoice_update,
    clean_void,
)
from .auth import authorize
from .bodies import body_of, json_body
from .customers import bare_customer, new_customer, render_customer
from .filters import Filters
from .pagination import page_of
from .paths import BUSINESS
from .responses import Denied, error, invalid, ok
from .routing import Endpoint, bind

__all__ = [
    "add_invoice",
    "applied",
    "conflict",
    "endpoints",
    "invoice_customer",
    "invoice_in",
    "render_invoice",
    "settle",
    "status_of",
]

#: ``due_at`` when none is given: "Defaults to 30 days from sent_at" (create-invoice page).
DEFAULT_DUE_DAYS = 30
#: The status filter's values (lower case, as the list filter spells them).
STATUS_FILTERS = ("draft", "sent", "paid", "partially_paid", "overdue", "cancelled", "refunded")


# -- the balance --------------------------------------------------------------------------------


def applied(invoice: Invoice) -> tuple[int, int]:
    """``(paid, refunded)``: what payments applied to the invoice, and refunds gave back."""
    paid = sum(a["amount_cents"] for a in invoice.payments)
    refunded = sum(a["amount_cents"] for a in invoice.refunds)
    return paid, refunded


def status_of(store: Store, invoice: Invoice) -> str:
    """The invoice's status now (see the module docstring)."""
    if invoice.cancelled:
        return "CANCELLED"
    paid, refunded = applied(invoice)
    received = paid - refunded
    if refunded and received <= 0:
        return "REFUNDED"
    if received > 0:
        return "PAID" if received >= invoice.data["total_amount"] else "PARTIALLY_PAID"
    if invoice.data["outstanding_balance"] > 0 and invoice.data["due_at"] < store.now():
        return "OVERDUE"
    return "SENT"


def settle(store: Store, invoice: Invoice) -> None:
    """Recompute the balance after a change; it becomes paid (``paid_at``) or stops being."""
    paid, refunded = applied(invoice)
    total = invoice.data["total_amount"]
    invoice.data["outstanding_balance"] = 0 if invoice.cancelled else total - paid + refunded
    now = store.now()
    fully_paid = not invoice.cancelled and paid - refunded >= total and paid > refunded
    if fully_paid and invoice.paid_at is None:
        invoice.paid_at = now
    elif not fully_paid:
        invoice.paid_at = None
    invoice.updated_at = now


def invoice_in(store: Store, request: Request, business_id: str, raw_id: str) -> Invoice:
    """The invoice of the business with this id (else 404 ``invoice_not_found``)."""
    invoice = store.invoices.get(raw_id, business_id)
    if invoice is None:
        raise Denied(
            error(
                store.settings,
                request,
                404,
                "invoice_not_found",
                "Invoice not found.",
                {"invoice_id": raw_id},
            )
        )
    return invoice


def conflict(store: Store, request: Request, message: str, **detail: Any) -> Denied:
    """409 ``invalid_state_transition``: what the request asks cannot happen in this state."""
    return Denied(error(store.settings, request, 409, "invalid_state_transition", message, detail))


def render_invoice(store: Store, invoice: Invoice) -> dict[str, Any]:
    """The invoice as the API returns it (a fresh dict)."""
    d = invoice.data
    status = status_of(store, invoice)
    overdue = not invoice.cancelled and d["outstanding_balance"] > 0 and d["due_at"] < store.now()
    return {
        "type": "InvoiceData",
        "id": invoice.id,
        "business_id": invoice.business_id,
        "status": status,
        "sent_at": iso(d["sent_at"]),
        "due_at": iso(d["due_at"]),
        "paid_at": iso(invoice.paid_at),
        "voided_at": None,  # documented "always null: the cancelled status is used instead"
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
        "payment_allocations": copy.deepcopy(invoice.payments),
        "credit_allocations": [],
        "refund_allocations": copy.deepcopy(invoice.refunds),
        "write_offs": [],
        "document": None,
        "imported_at": iso(invoice.created_at),
        "updated_at": iso(invoice.updated_at or invoice.created_at),
        "external_id": d["external_id"],
        "memo": d["memo"],
    }


def compute_lines(invoice_id: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The invoice's lines from checked line items, in integer cents. Taxes are amounts, not
    rates: nothing is rounded."""
    lines = []
    for item in items:
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
    return lines


def _totals(data: dict[str, Any]) -> None:
    """``subtotal`` and ``total_amount`` of ``data`` from its lines and invoice-level amounts."""
    lines = data["line_items"]
    data["subtotal"] = sum(line["subtotal"] for line in lines)
    data["total_amount"] = (
        sum(line["total_amount"] for line in lines)
        - data["additional_discount"]
        + data["additional_sales_taxes_total"]
        + data["tips"]
    )


def compute_invoice(invoice_id: str, cleaned: dict[str, Any]) -> dict[str, Any]:
    """The stored data of a new invoice from its checked create body."""
    sent_at = cleaned["sent_at"]
    data = {
        "external_id": cleaned["external_id"],
        "sent_at": sent_at,
        "due_at": cleaned["due_at"] or sent_at + timedelta(days=DEFAULT_DUE_DAYS),
        "invoice_type": cleaned["invoice_type"],
        "memo": cleaned["memo"],
        "line_items": compute_lines(invoice_id, cleaned["line_items"]),
        "additional_discount": cleaned["additional_discount"],
        "additional_sales_taxes": cleaned["additional_sales_taxes"],
        "additional_sales_taxes_total": cleaned["additional_sales_taxes_total"],
        "tips": cleaned["tips"],
        "tips_account": cleaned["tips_account"],
    }
    _totals(data)
    data["outstanding_balance"] = data["total_amount"]
    return data


def invoice_customer(store: Store, business_id: str, cleaned: dict[str, Any]) -> Customer | None:
    """The customer a new invoice is for: ``customer_id`` (None when it is not one of the
    business's), else the one with ``customer_external_id``, made when there is none."""
    if cleaned["customer_id"] is not None:
        return store.customers.get(cleaned["customer_id"], business_id)
    ext = cleaned["customer_external_id"]
    # An unknown customer_external_id creates a customer named after it.
    return store.customers.by_external_id(business_id, ext) or new_customer(
        store, business_id, bare_customer(ext)
    )


def add_invoice(
    store: Store, business_id: str, customer: Customer, cleaned: dict[str, Any]
) -> Invoice:
    """Store a new invoice from a validated create body."""
    invoice_id = str(uuid.uuid4())
    now = store.now()
    data = compute_invoice(invoice_id, cleaned)
    data["invoice_number"] = cleaned["invoice_number"] or store.next_invoice_number(business_id)
    return store.invoices.add(
        Invoice(
            id=invoice_id,
            business_id=business_id,
            customer_id=customer.id,
            external_id=cleaned["external_id"],
            data=data,
            created_at=now,
            updated_at=now,
            extra={
                "transaction_tags": cleaned["transaction_tags"],
                "metadata": cleaned["metadata"],
            },
        )
    )


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
        customer = invoice_customer(store, business_id, cleaned)
        if customer is None:
            message = "No customer with this id in this business."
            return invalid(store.settings, request, {"customer_id": [message]})
        return ok(render_invoice(store, add_invoice(store, business_id, customer, cleaned)), 201)


async def list_invoices(store: Store, request: Request) -> Response:
    """``GET .../invoices/``: the business's invoices, oldest first, filtered and paginated."""
    business_id = authorize(store, request)
    query = Filters(store.settings, request)
    customer_external_id = query.text("customer_external_id")
    customer_ids = query.uuids("customer_id")
    due_from, due_to = query.moment("due_at_start"), query.moment("due_at_end")
    sent_from, sent_to = query.day("sent_at_start"), query.day("sent_at_end")
    least, most = query.integer("min_amount"), query.integer("max_amount")
    statuses = query.choices("status", STATUS_FILTERS, many=True)
    search, memo = query.text("search"), query.text("memo_contains")
    query.check()

    def wanted(invoice: Invoice) -> bool:
        d = invoice.data
        customer = store.customers.get(invoice.customer_id)
        assert customer is not None
        if customer_external_id is not None and customer.external_id != customer_external_id:
            return False
        if customer_ids is not None and invoice.customer_id not in customer_ids:
            return False
        if (due_from and d["due_at"] < due_from) or (due_to and d["due_at"] > due_to):
            return False
        sent_on = d["sent_at"].date()
        if (sent_from and sent_on < sent_from) or (sent_to and sent_on > sent_to):
            return False
        if (least is not None and d["total_amount"] < least) or (
            most is not None and d["total_amount"] > most
        ):
            return False
        if statuses is not None and status_of(store, invoice).lower() not in statuses:
            return False
        if memo is not None and memo.lower() not in (d["memo"] or "").lower():
            return False
        if search is not None:
            name = customer.fields["company_name"] or customer.fields["individual_name"] or ""
            haystack = [d["invoice_number"], d["memo"] or "", d["external_id"], name]
            if not any(search.lower() in text.lower() for text in haystack):
                return False
        return True

    found = [i for i in store.invoices.of(business_id) if wanted(i)]
    return ok(page_of(store.settings, request, found, lambda i: render_invoice(store, i)))


async def get_invoice(store: Store, request: Request) -> Response:
    """``GET .../invoices/{invoice_id}/``."""
    business_id = authorize(store, request)
    invoice = invoice_in(store, request, business_id, request.path_params["invoice_id"])
    return ok(render_invoice(store, invoice))


async def update_invoice(store: Store, request: Request) -> Response:
    """``PUT .../invoices/{invoice_id}/``: the fields given replace the invoice's own.

    Lines given replace all lines and the totals are recomputed; the new total may not fall
    below what has been received. A cancelled invoice cannot change (409), nor can the customer
    of one with payments; an ``external_id`` of another invoice is a 409 too.
    """
    business_id = authorize(store, request)
    body = await body_of(store.settings, request, INVOICE_UPDATE)
    invoice = invoice_in(store, request, business_id, request.path_params["invoice_id"])
    cleaned, errors = clean_invoice_update(body)
    if errors:
        return invalid(store.settings, request, errors)
    async with store.lock:
        if invoice.cancelled:
            raise conflict(store, request, "A cancelled invoice cannot be changed.")
        d = invoice.data
        if "customer_id" in cleaned:
            customer = store.customers.get(cleaned["customer_id"], business_id)
            if customer is None:
                message = "No customer with this id in this business."
                return invalid(store.settings, request, {"customer_id": [message]})
            if customer.id != invoice.customer_id and invoice.payments:
                raise conflict(
                    store, request, "The customer of an invoice with payments cannot change."
                )
        if "external_id" in cleaned:
            other = store.invoices.by_external_id(business_id, cleaned["external_id"])
            if other is not None and other.id != invoice.id:
                raise Denied(
                    error(
                        store.settings,
                        request,
                        409,
                        "duplicate_external_id",
                        "Another invoice of this business has this external_id.",
                        {"external_id": cleaned["external_id"]},
                    )
                )
        due_at = cleaned.get("due_at", d["due_at"])
        if due_at < d["sent_at"]:
            return invalid(store.settings, request, {"due_at": ["Must not be before sent_at."]})
        changed = copy.deepcopy(d)
        for name in ("invoice_number", "memo", "invoice_type", "external_id", "due_at"):
            if name in cleaned:
                changed[name] = cleaned[name]
        if changed["invoice_number"] is None:  # cleared: a number is always shown
            changed["invoice_number"] = d["invoice_number"]
        for name in ("additional_discount", "tips"):
            changed[name] = cleaned.get(name, d[name])
        if "additional_sales_taxes_total" in cleaned:
            # A total replaces the itemised invoice-level taxes.
            changed["additional_sales_taxes_total"] = cleaned["additional_sales_taxes_total"]
            changed["additional_sales_taxes"] = []
        if "line_items" in cleaned:
            changed["line_items"] = compute_lines(invoice.id, cleaned["line_items"])
        _totals(changed)
        paid, refunded = applied(invoice)
        if changed["total_amount"] < paid - refunded:
            message = f"The total would be below what has been received ({paid - refunded})."
            return invalid(store.settings, request, {"non_field_errors": [message]})
        invoice.data = changed
        invoice.external_id = changed["external_id"]
        if "customer_id" in cleaned:
            invoice.customer_id = str(uuid.UUID(cleaned["customer_id"]))
        settle(store, invoice)
        return ok(render_invoice(store, invoice))


async def void_invoice(store: Store, request: Request) -> Response:
    """``POST .../invoices/{invoice_id}/void/``: status ``CANCELLED``, nothing outstanding.

    The body is optional: a ``memo`` replaces the invoice's (the reason); ``invoice_number``,
    ``external_id`` and ``customer_id``, when given, must be the invoice's own (400 otherwise).
    Voiding a voided invoice changes nothing (200). An invoice with money received on it
    (paid or partly paid, net of refunds) cannot be voided: 409 -- refund it first.
    """
    business_id = authorize(store, request)
    body = await body_of(store.settings, request, INVOICE_VOID)
    invoice = invoice_in(store, request, business_id, request.path_params["invoice_id"])
    cleaned, errors = clean_void(body)
    own = {
        "invoice_number": invoice.data["invoice_number"],
        "external_id": invoice.data["external_id"],
        "customer_id": invoice.customer_id,
    }
    for name, value in own.items():
        given = cleaned.get(name)
        if isinstance(given, str) and name not in errors:
            same = given == value if name != "customer_id" else str(uuid.UUID(given)) == value
            if not same:
                errors[name] = ["Does not match this invoice."]
    if errors:
        return invalid(store.settings, request, errors)
    async with store.lock:
        if invoice.cancelled:
            return ok(render_invoice(store, invoice))
        paid, refunded = applied(invoice)
        if paid - refunded > 0:
            raise conflict(
                store,
                request,
                "An invoice with money received on it cannot be voided; refund it first.",
                status=status_of(store, invoice),
                received_cents=paid - refunded,
            )
        if isinstance(cleaned.get("memo"), str) and cleaned["memo"].strip():
            invoice.data["memo"] = cleaned["memo"]
        invoice.cancelled = True
        settle(store, invoice)
        return ok(render_invoice(store, invoice))


def endpoints(store: Store) -> list[Endpoint]:
    """The invoice operations."""
    collection = f"{BUSINESS}/invoices/"
    one = f"{collection}{{invoice_id}}/"
    return [
        Endpoint(method="POST", path=collection, handler=bind(store, create_invoice)),
        Endpoint(method="GET", path=collection, handler=bind(store, list_invoices)),
        Endpoint(method="GET", path=one, handler=bind(store, get_invoice)),
        Endpoint(method="PUT", path=one, handler=bind(store, update_invoice)),
        Endpoint(method="POST", path=f"{one}void/", handler=bind(store, void_invoice)),
    ]
