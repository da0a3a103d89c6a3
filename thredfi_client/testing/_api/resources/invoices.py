"""Invoices: their lines and totals, balance, status, update and void.

Rules, and where the vendor documents them (API-NOTES "Invoices"; the create-invoice seed page):

* ``external_id`` is required and is the idempotency key (the engine replays it).
* ``due_at`` defaults to 30 days after ``sent_at`` (create-invoice page); an unknown
  ``customer_external_id`` creates a customer named after it (the sandbox's reading).
* Totals in integer cents: lines (quantity x unit price - discount + taxes), less the
  additional discount, plus additional taxes and tips.
* The balance and status follow from what is applied to the invoice: the payment allocations
  (``invoice_payments``), credit allocations (``customer_credits``) and refund allocations
  (``refunds``) it lists. A refund gives back money received, so it reopens that much of the
  invoice: outstanding = total - paid - credited + refunded. Status: ``CANCELLED`` once voided
  (``voided_at`` is documented "always null: the cancelled status is used instead");
  ``REFUNDED`` when everything received was given back; ``PAID`` when what was received covers
  the total; ``PARTIALLY_PAID`` when some of it does; else ``OVERDUE`` past its due date, or
  ``SENT``.
* Update (PUT): the fields given replace the invoice's; lines given replace all lines. A
  cancelled invoice cannot change (409, the guide's "invalid state transition"), nor can the
  customer of one with payments; the new total may not fall below what was received.
* Void: ``CANCELLED`` with nothing outstanding; voiding again changes nothing. An invoice with
  money received on it cannot be voided (409): refund it first.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..._books import AR, CUSTOMER_CREDITS, REVENUE, TAX, Document
from ..._store import Store, Table, iso
from ..._validation import FieldErrors, clean_invoice, clean_invoice_update, clean_void
from ..resource import Call, Resource
from .customers import Customer, bare_customer, customers, new_customer, render_customer

__all__ = [
    "Invoice",
    "Invoices",
    "applied",
    "invoices",
    "render_invoice",
    "settle",
    "status_of",
]

#: ``due_at`` when none is given: "Defaults to 30 days from sent_at" (create-invoice page).
DEFAULT_DUE_DAYS = 30


@dataclass(kw_only=True)
class Invoice:
    """An invoice; ``data`` holds its computed lines and totals.

    ``payments``, ``credits`` and ``refunds`` are the allocations applied to it (as the invoice
    lists them); its balance and status follow from them.
    """

    id: str
    business_id: str
    customer_id: str
    external_id: str
    data: dict[str, Any]
    created_at: datetime
    extra: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None
    cancelled: bool = False
    paid_at: datetime | None = None
    payments: list[dict[str, Any]] = field(default_factory=list)
    credits: list[dict[str, Any]] = field(default_factory=list)
    refunds: list[dict[str, Any]] = field(default_factory=list)


def invoices(store: Store) -> Table[Invoice]:
    """The invoices of every business."""
    return store.table("invoices")


def _next_number(store: Store, business_id: str) -> str:
    """The next free ``INV-000001``-style number of a business."""
    taken = {i.data["invoice_number"] for i in invoices(store).of(business_id)}
    while True:
        number = f"INV-{store.next_number('invoice', business_id):06d}"
        if number not in taken:
            return number


# -- the balance --------------------------------------------------------------------------------


def applied(invoice: Invoice) -> tuple[int, int]:
    """``(paid, refunded)``: what payments applied to the invoice, and refunds gave back."""
    paid = sum(a["amount_cents"] for a in invoice.payments)
    refunded = sum(a["amount_cents"] for a in invoice.refunds)
    return paid, refunded


def credited(invoice: Invoice) -> int:
    """What customer credits applied to the invoice (``customer_credits.py``)."""
    return sum(a["amount_cents"] for a in invoice.credits)


def status_of(store: Store, invoice: Invoice) -> str:
    """The invoice's status now (see the module docstring)."""
    if invoice.cancelled:
        return "CANCELLED"
    paid, refunded = applied(invoice)
    received = paid - refunded
    if refunded and received <= 0 and not invoice.credits:
        return "REFUNDED"
    settled = received + credited(invoice)
    if settled > 0:
        return "PAID" if settled >= invoice.data["total_amount"] else "PARTIALLY_PAID"
    if invoice.data["outstanding_balance"] > 0 and invoice.data["due_at"] < store.now():
        return "OVERDUE"
    return "SENT"


def settle(store: Store, invoice: Invoice) -> None:
    """Recompute the balance after a change; it becomes paid (``paid_at``) or stops being."""
    paid, refunded = applied(invoice)
    settled = paid - refunded + credited(invoice)
    total = invoice.data["total_amount"]
    invoice.data["outstanding_balance"] = 0 if invoice.cancelled else total - settled
    now = store.now()
    fully_paid = not invoice.cancelled and settled >= total and settled > 0
    if fully_paid and invoice.paid_at is None:
        invoice.paid_at = now
    elif not fully_paid:
        invoice.paid_at = None
    invoice.updated_at = now


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
        "customer": render_customer(store, customers(store).get(invoice.customer_id)),  # type: ignore[arg-type]
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
        "credit_allocations": copy.deepcopy(invoice.credits),
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
        return customers(store).get(cleaned["customer_id"], business_id)
    ext = cleaned["customer_external_id"]
    # An unknown customer_external_id creates a customer named after it.
    return customers(store).by_external_id(business_id, ext) or new_customer(
        store, business_id, bare_customer(ext)
    )


def add_invoice(
    store: Store, business_id: str, customer: Customer, cleaned: dict[str, Any]
) -> Invoice:
    """Store a new invoice from a validated create body."""
    invoice_id = str(uuid.uuid4())
    now = store.now()
    data = compute_invoice(invoice_id, cleaned)
    data["invoice_number"] = cleaned["invoice_number"] or _next_number(store, business_id)
    return invoices(store).add(
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


class Invoices(Resource):
    """The invoice rules (see the module)."""

    name = "invoices"

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        if call.op.kind == "create":
            return clean_invoice(body)
        if call.op.kind == "update":
            return clean_invoice_update(body)
        cleaned, errors = clean_void(body)
        invoice: Invoice = call.record
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
        return cleaned, errors

    def create(self, call: Call, cleaned: dict[str, Any]) -> Invoice:
        customer = invoice_customer(call.store, call.owner, cleaned)
        if customer is None:
            message = "No customer with this id in this business."
            raise call.invalid({"customer_id": [message]})
        return add_invoice(call.store, call.owner, customer, cleaned)

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        return render_invoice(store, record)

    def posting(self, store: Store, record: Any) -> Document:
        """An invoice: debit receivable its total, credit sales tax its taxes and revenue
        the rest. Voided: what was applied to it (received less refunded, plus credits) goes
        back to the customer's credits, and nothing stays receivable."""
        invoice: Invoice = record
        d = invoice.data
        if invoice.cancelled:
            paid, refunded = applied(invoice)
            back = paid - refunded + credited(invoice)
            lines = {AR: back, CUSTOMER_CREDITS: -back}
        else:
            taxes = sum(line["sales_taxes_total"] for line in d["line_items"])
            taxes += d["additional_sales_taxes_total"]
            total = d["total_amount"]
            lines = {AR: total, TAX: -taxes, REVENUE: taxes - total}
        state = "voided" if invoice.cancelled else "open"
        reference = d["invoice_number"]
        return Document("invoice", invoice.id, reference, d["sent_at"].date(), lines, state)

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        store = call.store
        customer_external_id = params["customer_external_id"]
        customer_ids = params["customer_id"]
        due_from, due_to = params["due_at_start"], params["due_at_end"]
        sent_from, sent_to = params["sent_at_start"], params["sent_at_end"]
        least, most = params["min_amount"], params["max_amount"]
        statuses, search, memo = params["status"], params["search"], params["memo_contains"]

        def wanted(invoice: Invoice) -> bool:
            d = invoice.data
            customer = customers(store).get(invoice.customer_id)
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

        return wanted

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        store, invoice, business_id = call.store, record, call.owner
        if invoice.cancelled:
            raise call.conflict("A cancelled invoice cannot be changed.")
        d = invoice.data
        if "customer_id" in cleaned:
            customer = customers(store).get(cleaned["customer_id"], business_id)
            if customer is None:
                message = "No customer with this id in this business."
                raise call.invalid({"customer_id": [message]})
            if customer.id != invoice.customer_id and invoice.payments:
                raise call.conflict("The customer of an invoice with payments cannot change.")
        if "external_id" in cleaned:
            other = invoices(store).by_external_id(business_id, cleaned["external_id"])
            if other is not None and other.id != invoice.id:
                raise call.deny(
                    409,
                    "duplicate_external_id",
                    "Another invoice of this business has this external_id.",
                    {"external_id": cleaned["external_id"]},
                )
        due_at = cleaned.get("due_at", d["due_at"])
        if due_at < d["sent_at"]:
            raise call.invalid({"due_at": ["Must not be before sent_at."]})
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
        if changed["total_amount"] < paid - refunded + credited(invoice):
            received = paid - refunded + credited(invoice)
            message = f"The total would be below what has been received ({received})."
            raise call.invalid({"non_field_errors": [message]})
        invoice.data = changed
        invoice.external_id = changed["external_id"]
        if "customer_id" in cleaned:
            invoice.customer_id = str(uuid.UUID(cleaned["customer_id"]))
        settle(store, invoice)

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        store, invoice = call.store, record
        if invoice.cancelled:
            return
        paid, refunded = applied(invoice)
        if paid - refunded > 0:
            raise call.conflict(
                "An invoice with money received on it cannot be voided; refund it first.",
                status=status_of(store, invoice),
                received_cents=paid - refunded,
            )
        if isinstance(cleaned.get("memo"), str) and cleaned["memo"].strip():
            invoice.data["memo"] = cleaned["memo"]
        invoice.cancelled = True
        settle(store, invoice)
