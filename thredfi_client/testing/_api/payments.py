"""Invoice payments: create (idempotent by ``Idempotency-Key``, and by ``external_id``), get,
list; and their JSON.

A payment is money received from one customer, applied to that customer's open invoices
(``allocations``); what is not applied stays ``unapplied_amount_cents`` on the payment. Each
allocation lowers its invoice's ``outstanding_balance`` and appears in its
``payment_allocations``; the invoice becomes ``PARTIALLY_PAID`` or ``PAID``.

``Idempotency-Key``: the first request with a key is answered 201 and its answer kept; a request
with the same key and the same body (the same JSON, whatever its key order or encoding) is
answered 200 with that answer again, and records nothing. The same key with another body is
refused with 422 ``idempotency_key_reused`` (the IETF Idempotency-Key draft's answer; Stripe
answers 400): the caller reused a key by mistake, and neither body is recorded a second time.
Only successes are kept: a request refused as invalid may be corrected and sent again with its
key. Keys are per business. Without a key, a known ``external_id`` is answered 200 with that
payment, as creates of other resources are.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._store import IdempotentReply, Payment, Store, iso
from .._validation import PAYMENT_CREATE, FieldErrors, clean_payment
from .auth import authorize
from .bodies import body_of
from .filters import Filters
from .invoices import settle
from .pagination import page_of
from .paths import BUSINESS
from .responses import Denied, error, invalid, ok
from .routing import Endpoint, bind

__all__ = ["endpoints", "render_payment"]

STATUSES = ("pending", "processing", "completed", "failed", "cancelled", "refunded")
SORT_FIELDS = ("payment_date", "total_amount_cents", "created_at")


def render_payment(store: Store, payment: Payment) -> dict[str, Any]:
    """The payment as the API returns it (a fresh dict)."""
    f = payment.fields
    allocated = sum(amount for _, amount in payment.allocations)
    allocations = []
    for invoice_id, amount in payment.allocations:
        invoice = store.invoices.get(invoice_id)
        number = invoice.data["invoice_number"] if invoice is not None else ""
        allocations.append(
            {"invoice_id": invoice_id, "invoice_number": number, "amount_cents": amount}
        )
    return {
        "id": payment.id,
        "business_id": payment.business_id,
        "customer_id": payment.customer_id,
        "total_amount_cents": f["total_amount_cents"],
        "applied_amount_cents": allocated,
        "allocated_amount_cents": allocated,
        "unapplied_amount_cents": f["total_amount_cents"] - allocated,
        "remaining_amount_cents": f["total_amount_cents"] - allocated,
        "currency": f["currency"],
        "status": "completed",
        "payment_method": f["payment_method"],
        "payment_reference": f["payment_reference"],
        "external_id": payment.external_id,
        "note": f["note"],
        "bank_reference": None,
        "metadata": dict(f["metadata"]),
        "payment_date": f["payment_date"].isoformat(),
        "payment_processor": f["payment_processor"],
        "processing_fee_cents": f["processing_fee_cents"],
        "allocations": allocations,
        "created_at": iso(payment.created_at),
    }


def _envelope(store: Store, payment: Payment) -> dict[str, Any]:
    return {"payment": render_payment(store, payment)}


def _fingerprint(body: Any) -> str:
    """The same for the same JSON document, whatever its key order or encoding."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _check_allocations(
    store: Store, business_id: str, cleaned: dict[str, Any], errors: FieldErrors
) -> None:
    """The invoices paid must be open invoices of the payer, each owing what it is given, and
    the payment must cover what it allocates."""
    owed: dict[str, int] = {}
    for i, (invoice_id, amount) in enumerate(cleaned["allocations"]):
        at = f"allocations[{i}]"
        if amount < 1:
            errors.setdefault(f"{at}.amount_cents", []).append(
                "Ensure this value is greater than or equal to 1."
            )
            continue
        invoice = store.invoices.get(invoice_id, business_id)
        if invoice is None:
            errors.setdefault(f"{at}.invoice_id", []).append(
                "No invoice with this id in this business."
            )
            continue
        if invoice.customer_id != cleaned["customer_id"]:
            errors.setdefault(f"{at}.invoice_id", []).append(
                "The invoice belongs to another customer."
            )
            continue
        if invoice.cancelled:
            errors.setdefault(f"{at}.invoice_id", []).append("The invoice is cancelled.")
            continue
        owed[invoice_id] = owed.get(invoice_id, invoice.data["outstanding_balance"]) - amount
        if owed[invoice_id] < 0:
            balance = invoice.data["outstanding_balance"]
            errors.setdefault(f"{at}.amount_cents", []).append(
                f"More than the invoice's outstanding balance ({balance})."
            )
    allocated = sum(amount for _, amount in cleaned["allocations"] if amount > 0)
    if allocated > cleaned["total_amount_cents"]:
        errors.setdefault("total_amount_cents", []).append(
            f"Less than the amount allocated to invoices ({allocated})."
        )


async def create_payment(store: Store, request: Request) -> Response:
    """``POST .../invoices/payments/``: 201 ``{"payment": ...}``; replays as the module says."""
    business_id = authorize(store, request)
    body = await body_of(store.settings, request, PAYMENT_CREATE)
    key = request.headers.get("idempotency-key")
    cleaned, errors = clean_payment(body)
    if key is not None and not key.strip():
        errors["Idempotency-Key"] = ["This header may not be blank."]
        key = None
    async with store.lock:
        if key is not None:
            replay = store.idempotency.get((business_id, key))
            if replay is not None:
                if replay.fingerprint != _fingerprint(body):
                    raise Denied(
                        error(
                            store.settings,
                            request,
                            422,
                            "idempotency_key_reused",
                            "This Idempotency-Key was used with another request body.",
                            {"idempotency_key": key},
                        )
                    )
                return Response(replay.body, 200, media_type="application/json")
        if errors:
            return invalid(store.settings, request, errors)
        if cleaned["external_id"] is not None:
            existing = store.payments.by_external_id(business_id, cleaned["external_id"])
            if existing is not None:
                return ok(_envelope(store, existing), 200)
        customer_id = str(uuid.UUID(cleaned["customer_id"]))
        cleaned["customer_id"] = customer_id
        if store.customers.get(customer_id, business_id) is None:
            errors["customer_id"] = ["No customer with this id in this business."]
        else:
            _check_allocations(store, business_id, cleaned, errors)
        currency = cleaned["currency"] or store.settings.currency
        if currency != store.settings.currency:
            message = f"Must be {store.settings.currency}, the currency of this business."
            errors["currency"] = [message]
        cleaned["currency"] = currency
        if errors:
            return invalid(store.settings, request, errors)
        payment = store.payments.add(
            Payment(
                id=str(uuid.uuid4()),
                business_id=business_id,
                customer_id=customer_id,
                external_id=cleaned["external_id"],
                fields=cleaned,
                allocations=list(cleaned["allocations"]),
                created_at=store.now(),
            )
        )
        for invoice_id, amount in payment.allocations:
            invoice = store.invoices.get(invoice_id)
            assert invoice is not None
            allocation = {
                "amount_cents": amount,
                "payment_date": cleaned["payment_date"].isoformat(),
                "payment_id": payment.id,
            }
            if cleaned["payment_method"] is not None:
                allocation["payment_method"] = cleaned["payment_method"]
            invoice.payments.append(allocation)
            settle(store, invoice)
        answer = json.dumps(_envelope(store, payment)).encode()
        if key is not None:
            store.idempotency[(business_id, key)] = IdempotentReply(
                fingerprint=_fingerprint(body), body=answer
            )
        return Response(answer, 201, media_type="application/json")


async def get_payment(store: Store, request: Request) -> Response:
    """``GET .../invoices/payments/{payment_id}/``: the payment (not wrapped)."""
    business_id = authorize(store, request)
    raw_id = request.path_params["payment_id"]
    payment = store.payments.get(raw_id, business_id)
    if payment is None:
        raise Denied(
            error(
                store.settings,
                request,
                404,
                "payment_not_found",
                "Payment not found.",
                {"payment_id": raw_id},
            )
        )
    return ok(render_payment(store, payment))


async def list_payments(store: Store, request: Request) -> Response:
    """``GET .../invoices/payments/``: the business's payments, filtered, sorted, paginated
    (by default oldest first)."""
    business_id = authorize(store, request)
    query = Filters(store.settings, request)
    customers = query.uuids("customer_id")
    invoice_ids = query.uuids("invoice_id", many=False)
    least, most = query.integer("min_amount"), query.integer("max_amount")
    since, until = query.day("payment_date_start"), query.day("payment_date_end")
    method, processor = query.text("payment_method"), query.text("payment_processor")
    statuses = query.choices("status", STATUSES)
    search = query.text("search")
    sort_by = query.choices("sort_by", SORT_FIELDS)
    order = query.choices("sort_order", ("asc", "desc"))
    query.check()

    def wanted(payment: Payment) -> bool:
        f = payment.fields
        total, day = f["total_amount_cents"], f["payment_date"]
        checks = (
            customers is None or payment.customer_id in customers,
            invoice_ids is None or any(i in invoice_ids for i, _ in payment.allocations),
            (least is None or total >= least) and (most is None or total <= most),
            (since is None or day >= since) and (until is None or day <= until),
            method is None or f["payment_method"] == method,
            processor is None or f["payment_processor"] == processor,
            statuses is None or "completed" in statuses,
        )
        if not all(checks):
            return False
        if search is not None:
            texts = (f["payment_reference"], payment.external_id, f["note"])
            return any(search.lower() in (text or "").lower() for text in texts)
        return True

    found = [p for p in store.payments.of(business_id) if wanted(p)]
    field = next(iter(sort_by)) if sort_by else "created_at"
    keys = {
        "payment_date": lambda p: (p.fields["payment_date"], p.created_at),
        "total_amount_cents": lambda p: (p.fields["total_amount_cents"], p.created_at),
        "created_at": lambda p: (p.created_at, 0),
    }
    found.sort(key=keys[field], reverse=order == {"desc"})
    return ok(page_of(store.settings, request, found, lambda p: render_payment(store, p)))


def endpoints(store: Store) -> list[Endpoint]:
    """The payment operations (listed before the invoices', whose ``{invoice_id}`` would
    otherwise take ``payments``)."""
    collection = f"{BUSINESS}/invoices/payments/"
    return [
        Endpoint(method="GET", path=collection, handler=bind(store, list_payments)),
        Endpoint(method="POST", path=collection, handler=bind(store, create_payment)),
        Endpoint(
            method="GET", path=f"{collection}{{payment_id}}/", handler=bind(store, get_payment)
        ),
    ]
