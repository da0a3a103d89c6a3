"""Vendor refunds: money a vendor gives back to a business (create_vendor_refund,
list_vendor_refunds, update_vendor_refund, delete_vendor_refund; API-NOTES "Payables"). The
payables twin of ``refunds.py``.

* A refund is from one vendor, of ``total_refunded_amount_cents``. Its ``allocations`` say what
  it gives back: part of what was paid on a bill (``bill``: at most what was paid on it and not
  yet given back; it reopens that much of the bill, as a refund reopens an invoice), or part of
  a bill payment's unallocated prepayment (``bill_payment``: at most what is left of it). What
  is not allocated gives back the vendor's credit balance. Allocations beyond the total, to
  another vendor's bill or payment, or over what can come back are a 400.
* ``status``: ``pending`` until its payments (embedded ``payments``, or
  ``vendor_refund_payments.py``) received all of it, ``processing`` while part is, then
  ``completed``; ``cancelled`` once the vendor refund payment that made it is cancelled.
* PATCH changes its descriptive fields only. DELETE undoes it (its allocations reversed).
* Creates replay by ``external_id`` (the engine).
"""

from __future__ import annotations

import uuid
from typing import Any

from ..._books import AP, CASH, VENDOR_CREDITS, Document
from ..._store import Record, Store, Table, iso
from ..._validation import FieldErrors, parse_date
from ..resource import Call, Resource
from .bill_payments import REVERSED, bill_payments
from .bills import bills, paid_less_refunded, settle_bill
from .vendors import display_name, vendors

__all__ = ["VendorRefunds", "new_vendor_refund", "received", "vendor_refunds"]

_DESCRIPTIVE = ("description", "memo", "reason", "metadata", "expected_completion_date")


def vendor_refunds(store: Store) -> Table[Record]:
    """The vendor refunds of every business."""
    return store.table("vendor-refunds")


def _refund_payments(store: Store, refund: Record) -> list[Record]:
    mine = store.table("vendor-refunds/payments").of(refund.business_id)
    return [p for p in mine if p.data["refund_id"] == refund.id]


def received(store: Store, refund: Record) -> int:
    """What its payments (embedded and separate, not cancelled) have received, in cents."""
    embedded: int = sum(p["refunded_amount"] for p in refund.data["_payments"])
    separate: int = sum(
        p.data["refunded_amount_cents"]
        for p in _refund_payments(store, refund)
        if p.data["status"] != "cancelled"
    )
    return embedded + separate


def _prepayment_left(store: Store, payment: Record) -> int:
    """What is left of a bill payment's unallocated prepayment to give back."""
    allocated: int = sum(cents for _, cents, _ in payment.data["_allocations"])
    given_back: int = sum(
        a["amount"]
        for r in vendor_refunds(store).of(payment.business_id)
        if r.data["status"] != "cancelled"
        for a in r.data["allocations"]
        if a.get("bill_payment_id") == payment.id
    )
    amount: int = payment.data["amount_cents"]
    return amount - allocated - given_back


def _check(
    call: Call, vendor: Record, total: int, allocations: list[dict[str, Any]]
) -> FieldErrors:
    store, owner = call.store, call.owner
    errors: FieldErrors = {}
    left: dict[str, int] = {}
    for i, a in enumerate(allocations):
        at, cents = f"allocations[{i}]", a["amount_cents"]
        if cents < 1:
            errors[f"{at}.amount_cents"] = ["Ensure this value is greater than or equal to 1."]
            continue
        if a["allocation_type"] == "bill":
            bill = bills(store).get(str(a.get("bill_id")), owner) if a.get("bill_id") else None
            if bill is None or bill.vendor_id != vendor.id:
                errors[f"{at}.bill_id"] = ["No bill of this vendor with this id."]
                continue
            key, can = bill.id, paid_less_refunded(bill)
        else:
            raw = a.get("bill_payment_id")
            payment = bill_payments(store).get(str(raw), owner) if raw else None
            if payment is None or payment.data["vendor_id"] != vendor.id:
                errors[f"{at}.bill_payment_id"] = ["No bill payment of this vendor with this id."]
                continue
            if payment.data["status"] in REVERSED:
                errors[f"{at}.bill_payment_id"] = [f"The payment is {payment.data['status']}."]
                continue
            key, can = payment.id, _prepayment_left(store, payment)
        left[key] = left.get(key, can) - cents
        if left[key] < 0:
            errors[f"{at}.amount_cents"] = [f"More than can come back on it ({can})."]
    if sum(a["amount_cents"] for a in allocations if a["amount_cents"] > 0) > total:
        errors["allocations"] = [f"More than the refund's total ({total})."]
    return errors


def new_vendor_refund(
    call: Call, cleaned: dict[str, Any], total: int, payments: list[dict[str, Any]]
) -> Record:
    """Check and record a refund of ``total`` from the body's vendor with its allocations, and
    reopen the bills it gives back on; ``payments`` are its embedded payment lines."""
    store, owner = call.store, call.owner
    vendor = vendors(store).get(str(cleaned["vendor_id"]), owner)
    allocations = list(cleaned.get("allocations") or [])
    if vendor is None:
        raise call.invalid({"vendor_id": ["No vendor with this id in this business."]})
    errors = _check(call, vendor, total, allocations)
    if errors:
        raise call.invalid(errors)
    refund_id = str(uuid.uuid4())
    now = iso(store.now())
    day = parse_date(cleaned.get("refund_date")) or store.now().date()
    shown_allocations = []
    for a in allocations:
        bill = bills(store).get(str(a["bill_id"])) if a["allocation_type"] == "bill" else None
        if bill is not None:
            bill.refunds.append({"refund_id": refund_id, "amount_cents": a["amount_cents"]})
            settle_bill(store, bill)
        payment_id = None if bill is not None else str(uuid.UUID(str(a["bill_payment_id"])))
        shown_allocations.append(
            {
                "id": str(uuid.uuid4()),
                "amount": a["amount_cents"],
                "bill_id": bill.id if bill else None,
                "bill_number": bill.data["bill_number"] if bill else None,
                "bill_outstanding_balance_cents": bill.data["outstanding_balance"]
                if bill
                else None,
                "bill_payment_id": payment_id,
                "created_at": now,
                "updated_at": now,
                "target_description": f"Bill {bill.data['bill_number']}"
                if bill
                else "Bill payment",
                "allocation_type": a["allocation_type"],
                "allocation_date": now,
                "description": a.get("description"),
                "metadata": a.get("metadata"),
            }
        )
    data: dict[str, Any] = {
        "id": refund_id,
        "vendor_id": vendor.id,
        "vendor_name": display_name(vendor),
        "total_refunded_amount": total,
        "allocations": shown_allocations,
        "status": "pending",
        "refund_type": cleaned.get("refund_type") or "other",
        "refund_date": day.isoformat(),
        "reference_number": cleaned.get("reference_number") or cleaned.get("payment_reference"),
        "external_id": cleaned.get("external_id"),
        "currency": cleaned.get("currency") or store.settings.currency,
        "created_at": now,
        "updated_at": now,
        "_payments": payments,
        **{k: cleaned.get(k) for k in ("description", "memo", "reason", "metadata")},
    }
    return vendor_refunds(store).add(
        Record(
            id=refund_id,
            business_id=owner,
            external_id=cleaned.get("external_id"),
            data=data,
            created_at=store.now(),
        )
    )


def unapply(store: Store, refund: Record) -> None:
    """Take the refund off the bills it reopened."""
    for a in refund.data["allocations"]:
        bill = bills(store).get(a["bill_id"]) if a.get("bill_id") else None
        if bill is not None:
            bill.refunds = [r for r in bill.refunds if r["refund_id"] != refund.id]
            settle_bill(store, bill)


def render_vendor_refund(store: Store, refund: Record) -> dict[str, Any]:
    """The refund as the API answers it (a fresh dict)."""
    d = {k: v for k, v in refund.data.items() if not k.startswith("_")}
    allocated = sum(a["amount"] for a in d["allocations"])
    got = received(store, refund)
    if d["status"] != "cancelled":
        total = d["total_refunded_amount"]
        d["status"] = "pending" if got == 0 else "completed" if got >= total else "processing"
    lines = [dict(p) for p in refund.data["_payments"]] + [
        {
            "id": p.id,
            "vendor_refund_id": refund.id,
            "refunded_amount": p.data["refunded_amount_cents"],
            "processing_fee": p.data["processing_fee_cents"],
            "net_amount": p.data["net_amount_cents"],
            "reconciled_bank_transactions": [],
        }
        for p in _refund_payments(store, refund)
        if p.data["status"] != "cancelled"
    ]
    d.update(
        allocated_amount=allocated,
        unallocated_amount=d["total_refunded_amount"] - allocated,
        vendor_refund_payments=lines,
        allocations=[dict(a) for a in d["allocations"]],
    )
    return d


def refund_posting(refund: Record) -> Document:
    """A vendor refund (unless cancelled): debit cash its total; credit payable what it gives
    back on bills (reopening them) and vendor credits the rest (prepayments and credit
    balance given back)."""
    d = refund.data
    lines: dict[str, int] = {}
    if d["status"] != "cancelled":
        on_bills = sum(a["amount"] for a in d["allocations"] if a["allocation_type"] == "bill")
        total = d["total_refunded_amount"]
        lines = {CASH: total, AP: -on_bills, VENDOR_CREDITS: on_bills - total}
    day = parse_date(d["refund_date"])
    assert day is not None
    state = "cancelled" if d["status"] == "cancelled" else "open"
    reference = d.get("reference_number") or refund.external_id or refund.id
    return Document("vendor_refund", refund.id, reference, day, lines, state)


class VendorRefunds(Resource):
    """The vendor refund rules (see the module)."""

    name = "vendor_refunds"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Record:
        total = cleaned["total_refunded_amount_cents"]
        lines = []
        for p in cleaned.get("payments") or []:
            fee = p.get("processing_fee_cents") or 0
            lines.append(
                {
                    "id": str(uuid.uuid4()),
                    "refunded_amount": p["refunded_amount_cents"],
                    "processing_fee": fee,
                    "net_amount": p["refunded_amount_cents"] - fee,
                    "reconciled_bank_transactions": [],
                }
            )
        if sum(line["refunded_amount"] for line in lines) > total:
            raise call.invalid({"payments": [f"More than the refund's total ({total})."]})
        refund = new_vendor_refund(call, cleaned, total, lines)
        for line in refund.data["_payments"]:
            line["vendor_refund_id"] = refund.id
        return refund

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        return render_vendor_refund(store, record)

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        for name in _DESCRIPTIVE:
            if name in cleaned and name != "expected_completion_date":
                record.data[name] = cleaned[name]
        record.data["updated_at"] = iso(call.store.now())

    def delete(self, call: Call, record: Any) -> None:
        unapply(call.store, record)
        for payment in _refund_payments(call.store, record):
            call.store.table("vendor-refunds/payments").remove(payment.id)
        vendor_refunds(call.store).remove(record.id)

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        def one_of(value: Any, wanted: Any) -> bool:
            return wanted is None or value in (wanted if isinstance(wanted, set) else {wanted})

        def keep(refund: Record) -> bool:
            d = render_vendor_refund(call.store, refund)
            total = d["total_refunded_amount"]
            since, until = params.get("refund_date_start"), params.get("refund_date_end")
            search = params.get("search")
            fully = params.get("is_fully_allocated")
            texts = (d.get("reference_number"), d.get("description"), d.get("memo"))
            checks = (
                one_of(d["status"], params.get("status")),
                one_of(d["vendor_id"], params.get("vendor_id")),
                one_of(d["refund_type"], params.get("refund_type")),
                one_of(d["currency"], params.get("currency")),
                one_of(d["external_id"], params.get("external_id")),
                params.get("min_amount") is None or total >= params["min_amount"],
                params.get("max_amount") is None or total <= params["max_amount"],
                since is None or d["refund_date"] >= str(since),
                until is None or d["refund_date"] <= str(until),
                fully is None or (d["unallocated_amount"] == 0) == fully,
                search is None or any(str(search).lower() in (t or "").lower() for t in texts),
            )
            return all(checks)

        return keep

    def order(self, call: Call, params: dict[str, Any], records: list[Any]) -> list[Any]:
        ordering = params.get("ordering")
        field = next(iter(ordering)) if isinstance(ordering, set) and ordering else ordering
        if not isinstance(field, str) or not field.strip("-"):
            return records
        name = field.lstrip("-")
        keys = {
            "refund_date": lambda r: r.data["refund_date"],
            "total_refunded_amount": lambda r: r.data["total_refunded_amount"],
            "created_at": lambda r: r.created_at.isoformat(),
        }
        key = keys.get(name)
        return sorted(records, key=key, reverse=field.startswith("-")) if key else records

    def posting(self, store: Store, record: Any) -> Document:
        return refund_posting(record)
