"""Refunds: money given back on an invoice (create_refund, get_refund, delete_refund).

Rules (API-NOTES "Refunds"): a refund gives back part of what an invoice was paid (all of
what is left to give back when no ``amount_cents`` is sent). It appears in the invoice's
``refund_allocations`` and reopens that much of it: the outstanding balance goes up by the
amount, and an invoice whose every cent received was given back is ``REFUNDED`` (see
``invoices.py``). Deleting a refund undoes it. An invoice with nothing left to give back answers
409, as does a cancelled one (the guide's "invalid state transition"); the refund of a cancelled
invoice cannot be deleted (409): undoing it would put money received on an invoice that no
longer exists. Creates replay by ``external_id`` (the engine).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..._books import AR, CASH, FEES, Document
from ..._store import Store, Table
from ..._validation import FieldErrors, clean_refund
from ..resource import Call, Resource
from .customers import customers
from .invoices import applied, invoices, settle

__all__ = ["Refund", "Refunds", "paid_out", "payout_status", "refunds", "render_refund"]


@dataclass(kw_only=True)
class Refund:
    """A refund of part of what an invoice was paid; ``fields`` holds the validated body."""

    id: str
    business_id: str
    customer_id: str
    external_id: str | None
    invoice_id: str
    amount: int
    fields: dict[str, Any]
    allocation_id: str
    #: The invoice's outstanding balance right after this refund (shown in its allocation).
    balance_after: int
    created_at: datetime


def refunds(store: Store) -> Table[Refund]:
    """The refunds of every business."""
    return store.table("invoices/refunds")


def _payments(store: Store, refund: Refund) -> list[Any]:
    """The refund's payments (``refund_payments.py``), oldest first."""
    mine = store.table("invoices/refunds/payments").of(refund.business_id)
    return [p for p in mine if p.parents.get("refund_id") == refund.id]


def paid_out(store: Store, refund: Refund) -> int:
    """What the refund's payments have paid out, in cents."""
    return sum(p.data["refunded_amount"] for p in _payments(store, refund))


def payout_status(store: Store, refund: Refund) -> str:
    """``pending``, ``processing`` or ``paid``: how much of the refund is paid out."""
    out = paid_out(store, refund)
    return "pending" if out == 0 else "paid" if out >= refund.amount else "processing"


def render_refund(store: Store, refund: Refund) -> dict[str, Any]:
    """The refund as the API returns it (a fresh dict): its own payout first, then the
    payments made through refund payments, and their ``status`` (``refund_payments.py``)."""
    f = refund.fields
    customer = customers(store).get(refund.customer_id)
    invoice = invoices(store).get(refund.invoice_id)
    assert customer is not None
    assert invoice is not None
    number = invoice.data["invoice_number"]
    name = customer.fields["company_name"] or customer.fields["individual_name"] or ""
    completed = f["completed_at"]
    return {
        "id": refund.id,
        "refunded_amount": refund.amount,
        "customer_id": refund.customer_id,
        "customer_name": name,
        "allocations": [
            {
                "id": refund.allocation_id,
                "allocation_type": "invoice",
                "amount": refund.amount,
                "invoice_id": refund.invoice_id,
                "invoice_number": number,
                "invoice_outstanding_balance_cents": refund.balance_after,
                "target_description": f"Invoice {number}",
                "description": f["memo"] or f"Refund of invoice {number}",
                "allocation_date": completed.date().isoformat(),
            }
        ],
        "refund_payments": [
            {
                "id": refund.id,
                "amount_cents": refund.amount,
                "method": f["method"],
                "reference_number": f["reference_number"],
                "processor": f["processor"],
                "processing_fee_cents": f["refund_processing_fee_cents"],
                "completed_at": completed.isoformat().replace("+00:00", "Z"),
            },
            *(dict(p.data) for p in _payments(store, refund)),
        ],
        # Not in the contract's Refund (its refund payments move it: refund_payments.py).
        "status": payout_status(store, refund),
    }


class Refunds(Resource):
    """The refund rules (see the module)."""

    name = "refunds"

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        if call.op.kind == "create":
            return clean_refund(body)
        return super().clean(call, body)

    def create(self, call: Call, cleaned: dict[str, Any]) -> Refund:
        store, business_id = call.store, call.owner
        invoice = invoices(store).get(cleaned["invoice_id"], business_id)
        if invoice is None:
            message = "No invoice with this id in this business."
            raise call.invalid({"invoice_id": [message]})
        if invoice.cancelled:
            raise call.conflict("A cancelled invoice cannot be refunded.")
        paid, refunded = applied(invoice)
        refundable = paid - refunded
        if refundable <= 0:
            raise call.conflict("Nothing was received on this invoice to refund.")
        amount = cleaned["amount_cents"] or refundable
        if amount > refundable:
            message = f"More than can be refunded on this invoice ({refundable})."
            raise call.invalid({"amount_cents": [message]})
        now = store.now()
        cleaned["completed_at"] = cleaned["completed_at"] or now
        refund_id = str(uuid.uuid4())
        allocation: dict[str, Any] = {
            "refund_id": refund_id,
            "amount_cents": amount,
            "allocated_at": cleaned["completed_at"].isoformat().replace("+00:00", "Z"),
        }
        if cleaned["reference_number"] is not None:
            allocation["reference_number"] = cleaned["reference_number"]
        invoice.refunds.append(allocation)
        settle(store, invoice)
        return refunds(store).add(
            Refund(
                id=refund_id,
                business_id=business_id,
                customer_id=invoice.customer_id,
                external_id=cleaned["external_id"],
                invoice_id=invoice.id,
                amount=amount,
                fields=cleaned,
                allocation_id=str(uuid.uuid4()),
                balance_after=invoice.data["outstanding_balance"],
                created_at=now,
            )
        )

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        return render_refund(store, record)

    def posting(self, store: Store, record: Any) -> Document:
        """A refund reopens what it gives back: debit receivable, credit cash; its processing
        fee: debit fees, credit cash. Deleted: reversed (``_books.sync``)."""
        refund: Refund = record
        fee = refund.fields["refund_processing_fee_cents"] or 0
        lines = {AR: refund.amount, FEES: fee, CASH: -refund.amount - fee}
        on = refund.fields["completed_at"].date()
        return Document("refund", refund.id, refund.external_id or refund.id, on, lines)

    def delete(self, call: Call, record: Any) -> None:
        store, refund = call.store, record
        invoice = invoices(store).get(refund.invoice_id)
        assert invoice is not None
        if invoice.cancelled:
            raise call.conflict("The refund of a cancelled invoice cannot be deleted.")
        invoice.refunds = [a for a in invoice.refunds if a["refund_id"] != refund.id]
        settle(store, invoice)
        refunds(store).remove(refund.id)
