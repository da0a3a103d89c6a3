"""Invoice payments: money received from a customer, applied to its open invoices.

Rules, and where the vendor documents them (API-NOTES "Invoice payments"):

* A payment is applied to open invoices of its customer (``allocations``); each allocation
  lowers its invoice's ``outstanding_balance`` and appears in its ``payment_allocations`` (implied
  by the Invoice schema: ``PARTIALLY_PAID``, then ``PAID``). What is not applied stays
  ``unapplied_amount_cents``. An allocation over the balance, to another customer's or a
  cancelled invoice, or a currency other than the business's is a 400 (the sandbox's reading).
* Creates are idempotent by ``Idempotency-Key`` (documented on create; the engine replays it)
  and, without a key, by ``external_id``.
* A payment is recorded ``completed`` (the sandbox settles at once); PATCH changes the fields
  given, ``status`` included (update_invoice_payment).
* ``POST .../{payment_id}/delete/`` cancels a pending or failed payment and reverses its
  allocations, the invoices' balances and statuses restored; any other status is a 409 ("a
  completed one needs a refund instead", cancel_invoice_payment).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..._books import AR, CASH, CUSTOMER_CREDITS, FEES, Document
from ..._store import Store, Table, iso
from ..._validation import FieldErrors, clean_payment, parse_date
from ..resource import Call, Resource
from .customers import customers
from .invoices import invoices, settle

__all__ = ["InvoicePayments", "Payment", "payments", "render_payment"]

#: A payment may be cancelled only in these states (cancel_invoice_payment).
CANCELLABLE = ("pending", "failed")


@dataclass(kw_only=True)
class Payment:
    """A payment received; ``fields`` holds the validated create body (dates parsed),
    ``allocations`` the ``(invoice id, amount)`` applied to each invoice."""

    id: str
    business_id: str
    customer_id: str
    external_id: str | None
    fields: dict[str, Any]
    allocations: list[tuple[str, int]]
    created_at: datetime
    status: str = "completed"


def payments(store: Store) -> Table[Payment]:
    """The invoice payments of every business."""
    return store.table("invoices/payments")


def render_payment(store: Store, payment: Payment) -> dict[str, Any]:
    """The payment as the API returns it (a fresh dict)."""
    f = payment.fields
    allocated = sum(amount for _, amount in payment.allocations)
    allocations = []
    for invoice_id, amount in payment.allocations:
        invoice = invoices(store).get(invoice_id)
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
        "status": payment.status,
        "payment_method": f["payment_method"],
        "payment_reference": f["payment_reference"],
        "external_id": payment.external_id,
        "note": f["note"],
        "bank_reference": f.get("bank_reference"),
        "metadata": dict(f["metadata"]),
        "payment_date": f["payment_date"].isoformat(),
        "payment_processor": f["payment_processor"],
        "processing_fee_cents": f["processing_fee_cents"],
        "allocations": allocations,
        "created_at": iso(payment.created_at),
    }


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
        invoice = invoices(store).get(invoice_id, business_id)
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


def _apply(store: Store, payment: Payment) -> None:
    """Apply the payment's allocations to its invoices (each lists it, its balance drops)."""
    for invoice_id, amount in payment.allocations:
        invoice = invoices(store).get(invoice_id)
        assert invoice is not None
        allocation = {
            "amount_cents": amount,
            "payment_date": payment.fields["payment_date"].isoformat(),
            "payment_id": payment.id,
        }
        if payment.fields["payment_method"] is not None:
            allocation["payment_method"] = payment.fields["payment_method"]
        invoice.payments.append(allocation)
        settle(store, invoice)


def _unapply(store: Store, payment: Payment) -> None:
    """Take the payment's allocations off its invoices (balances and statuses as before)."""
    for invoice_id in {invoice_id for invoice_id, _ in payment.allocations}:
        invoice = invoices(store).get(invoice_id)
        assert invoice is not None
        invoice.payments = [a for a in invoice.payments if a["payment_id"] != payment.id]
        settle(store, invoice)


class InvoicePayments(Resource):
    """The invoice payment rules (see the module)."""

    name = "payments"

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        if call.op.kind == "create":
            return clean_payment(body)
        return super().clean(call, body)

    def create(self, call: Call, cleaned: dict[str, Any]) -> Payment:
        store, business_id = call.store, call.owner
        errors: FieldErrors = {}
        customer_id = str(uuid.UUID(cleaned["customer_id"]))
        cleaned["customer_id"] = customer_id
        if customers(store).get(customer_id, business_id) is None:
            errors["customer_id"] = ["No customer with this id in this business."]
        else:
            _check_allocations(store, business_id, cleaned, errors)
        currency = cleaned["currency"] or store.settings.currency
        if currency != store.settings.currency:
            message = f"Must be {store.settings.currency}, the currency of this business."
            errors["currency"] = [message]
        cleaned["currency"] = currency
        if errors:
            raise call.invalid(errors)
        payment = payments(store).add(
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
        _apply(store, payment)
        return payment

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        return render_payment(store, record)

    def posting(self, store: Store, record: Any) -> Document:
        """A payment (any status but cancelled: its allocations apply at once): debit cash
        its total less the processing fee and fees the fee; credit receivable what it applies
        to invoices and customer credits the unapplied rest. Cancelled: nothing."""
        payment: Payment = record
        f = payment.fields
        lines: dict[str, int] = {}
        if payment.status != "cancelled":
            total, fee = f["total_amount_cents"], f["processing_fee_cents"] or 0
            allocated = sum(amount for _, amount in payment.allocations)
            lines = {CASH: total - fee, FEES: fee, AR: -allocated}
            lines[CUSTOMER_CREDITS] = allocated - total
        reference = f["payment_reference"] or payment.external_id or payment.id
        state = "cancelled" if payment.status == "cancelled" else "open"
        return Document("invoice_payment", payment.id, reference, f["payment_date"], lines, state)

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        """PATCH: the fields given replace the payment's. New allocations (or a new customer
        or total) are checked as on create, against the invoices without this payment."""
        payment: Payment = record
        if payment.status == "cancelled":
            raise call.conflict("A cancelled payment cannot be changed.")
        merged = {**payment.fields, **cleaned}
        if "payment_date" in cleaned:
            merged["payment_date"] = parse_date(cleaned["payment_date"])
        if "allocations" in cleaned:
            merged["allocations"] = [
                (str(uuid.UUID(a["invoice_id"])), a["amount_cents"]) for a in cleaned["allocations"]
            ]
        if "customer_id" in cleaned:
            merged["customer_id"] = str(uuid.UUID(cleaned["customer_id"]))
        moves_money = {"allocations", "customer_id", "total_amount_cents"} & set(cleaned)
        if moves_money:
            _unapply(call.store, payment)
            errors: FieldErrors = {}
            if customers(call.store).get(merged["customer_id"], call.owner) is None:
                errors["customer_id"] = ["No customer with this id in this business."]
            else:
                _check_allocations(call.store, call.owner, merged, errors)
            if errors:
                _apply(call.store, payment)  # as it was
                raise call.invalid(errors)
            payment.customer_id = merged["customer_id"]
            payment.allocations = list(merged["allocations"])
        payment.fields = merged
        payment.external_id = merged.get("external_id")
        payment.status = merged.get("status", payment.status)
        if moves_money:
            _apply(call.store, payment)

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        """Cancel (``POST .../delete/``): only a pending or failed payment; its allocations
        are reversed and the invoices' balances and statuses restored."""
        payment: Payment = record
        if payment.status not in CANCELLABLE:
            raise call.conflict(
                "Only a pending or failed payment can be cancelled; refund a completed one.",
                status=payment.status,
            )
        _unapply(call.store, payment)
        payment.status = "cancelled"

    def answer(self, call: Call, record: Any, shown: dict[str, Any], status: int) -> None:
        if call.op.kind == "action":
            shown["message"] = "Payment cancelled; its allocations were reversed."
            shown["updated_at"] = iso(call.store.now())

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        payers, invoice_ids = params["customer_id"], params["invoice_id"]
        least, most = params["min_amount"], params["max_amount"]
        since, until = params["payment_date_start"], params["payment_date_end"]
        method, processor = params["payment_method"], params["payment_processor"]
        statuses, search = params["status"], params["search"]

        def wanted(payment: Payment) -> bool:
            f = payment.fields
            total, day = f["total_amount_cents"], f["payment_date"]
            checks = (
                payers is None or payment.customer_id in payers,
                invoice_ids is None or any(i in invoice_ids for i, _ in payment.allocations),
                (least is None or total >= least) and (most is None or total <= most),
                (since is None or day >= since) and (until is None or day <= until),
                method is None or f["payment_method"] == method,
                processor is None or f["payment_processor"] == processor,
                statuses is None or payment.status in statuses,
            )
            if not all(checks):
                return False
            if search is not None:
                texts = (f["payment_reference"], payment.external_id, f["note"])
                return any(search.lower() in (text or "").lower() for text in texts)
            return True

        return wanted

    def order(self, call: Call, params: dict[str, Any], records: list[Any]) -> list[Any]:
        found, sort_by, order = list(records), params["sort_by"], params["sort_order"]
        field = next(iter(sort_by)) if sort_by else "created_at"
        keys = {
            "payment_date": lambda p: (p.fields["payment_date"], p.created_at),
            "total_amount_cents": lambda p: (p.fields["total_amount_cents"], p.created_at),
            "created_at": lambda p: (p.created_at, 0),
        }
        found.sort(key=keys[field], reverse=order == {"desc"})
        return found
