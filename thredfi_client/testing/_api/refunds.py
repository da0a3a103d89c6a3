"""Refunds: create (in full or in part; idempotent by ``external_id``), get, delete; and their
JSON.

A refund gives back part of what an invoice was paid (all of what is left to give back when no
``amount_cents`` is sent). It appears in the invoice's ``refund_allocations`` and reopens that
much of it: the outstanding balance goes up by the amount, and an invoice whose every cent
received was given back is ``REFUNDED`` (see ``_api/invoices.py``). Deleting a refund undoes
it. An invoice with nothing left to give back answers 409, as does a cancelled one.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._store import Refund, Store
from .._validation import REFUND_CREATE, clean_refund
from .auth import authorize
from .bodies import body_of
from .invoices import applied, conflict, settle
from .paths import BUSINESS
from .responses import Denied, error, invalid, ok
from .routing import Endpoint, bind

__all__ = ["endpoints", "render_refund"]


def render_refund(store: Store, refund: Refund) -> dict[str, Any]:
    """The refund as the API returns it (a fresh dict)."""
    f = refund.fields
    customer = store.customers.get(refund.customer_id)
    invoice = store.invoices.get(refund.invoice_id)
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
            }
        ],
    }


def _refund_in(store: Store, request: Request, business_id: str) -> Refund:
    raw_id = request.path_params["refund_id"]
    refund = store.refunds.get(raw_id, business_id)
    if refund is None:
        raise Denied(
            error(
                store.settings,
                request,
                404,
                "refund_not_found",
                "Refund not found.",
                {"refund_id": raw_id},
            )
        )
    return refund


async def create_refund(store: Store, request: Request) -> Response:
    """``POST .../invoices/refunds/``: 201, or 200 with the existing one for a known
    external_id."""
    business_id = authorize(store, request)
    cleaned, errors = clean_refund(await body_of(store.settings, request, REFUND_CREATE))
    if errors:
        return invalid(store.settings, request, errors)
    async with store.lock:
        if cleaned["external_id"] is not None:
            existing = store.refunds.by_external_id(business_id, cleaned["external_id"])
            if existing is not None:
                return ok(render_refund(store, existing), 200)
        invoice = store.invoices.get(cleaned["invoice_id"], business_id)
        if invoice is None:
            message = "No invoice with this id in this business."
            return invalid(store.settings, request, {"invoice_id": [message]})
        if invoice.cancelled:
            raise conflict(store, request, "A cancelled invoice cannot be refunded.")
        paid, refunded = applied(invoice)
        refundable = paid - refunded
        if refundable <= 0:
            raise conflict(store, request, "Nothing was received on this invoice to refund.")
        amount = cleaned["amount_cents"] or refundable
        if amount > refundable:
            message = f"More than can be refunded on this invoice ({refundable})."
            return invalid(store.settings, request, {"amount_cents": [message]})
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
        refund = store.refunds.add(
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
        return ok(render_refund(store, refund), 201)


async def get_refund(store: Store, request: Request) -> Response:
    """``GET .../invoices/refunds/{refund_id}/``."""
    business_id = authorize(store, request)
    return ok(render_refund(store, _refund_in(store, request, business_id)))


async def delete_refund(store: Store, request: Request) -> Response:
    """``DELETE .../invoices/refunds/{refund_id}/``: 204; the invoice is as before the refund.

    The refund of a cancelled invoice stays (409): undoing it would put money received on an
    invoice that no longer exists.
    """
    business_id = authorize(store, request)
    refund = _refund_in(store, request, business_id)
    async with store.lock:
        invoice = store.invoices.get(refund.invoice_id)
        assert invoice is not None
        if invoice.cancelled:
            raise conflict(store, request, "The refund of a cancelled invoice cannot be deleted.")
        invoice.refunds = [a for a in invoice.refunds if a["refund_id"] != refund.id]
        settle(store, invoice)
        store.refunds.remove(refund.id)
        return Response(status_code=204)


def endpoints(store: Store) -> list[Endpoint]:
    """The refund operations (listed before the invoices', whose ``{invoice_id}`` would
    otherwise take ``refunds``)."""
    collection = f"{BUSINESS}/invoices/refunds/"
    one = f"{collection}{{refund_id}}/"
    return [
        Endpoint(method="POST", path=collection, handler=bind(store, create_refund)),
        Endpoint(method="GET", path=one, handler=bind(store, get_refund)),
        Endpoint(method="DELETE", path=one, handler=bind(store, delete_refund)),
    ]
