"""Vendor refund payments: a refund from a vendor, its payment and its allocations in one
request (create_vendor_refund_payment, list_vendor_refund_payments,
delete_vendor_refund_payment; API-NOTES "Payables").

* A create records a vendor refund of ``total_amount_cents`` with the allocations given (the
  rules of ``vendor_refunds.py``) and a payment receiving all of it; the answer holds the
  refund, the payment and the allocations.
* Idempotent by ``Idempotency-Key`` (a declared header; the engine replays it) and by
  ``external_id``.
* The payment is ``pending`` when its ``refund_date`` is after today (scheduled), else
  ``completed``. ``POST .../{payment_id}/delete/`` cancels a pending or failed one, and with it
  the refund it made (its allocations reversed); any other status is a 409.
* Posting: the refund's (``vendor_refunds.py``); the payment itself posts nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..._store import Record, Store, iso
from ..._validation import parse_date
from ..resource import Call, Resource
from .vendor_refunds import new_vendor_refund, render_vendor_refund, unapply, vendor_refunds

__all__ = ["VendorRefundPayments"]

CANCELLABLE = ("pending", "failed")


class VendorRefundPayments(Resource):
    """The vendor refund payment rules (see the module)."""

    name = "vendor_refund_payments"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Record:
        store = call.store
        total = cleaned["total_amount_cents"]
        refund = new_vendor_refund(call, cleaned, total, [])
        fee = cleaned.get("processing_fee_cents") or 0
        day = parse_date(cleaned.get("refund_date")) or store.now().date()
        now = iso(store.now())
        status = "pending" if day > store.now().date() else "completed"
        payment_id = str(uuid.uuid4())
        data = {
            "id": payment_id,
            "refund_id": refund.id,
            "vendor_id": refund.data["vendor_id"],
            "vendor_name": refund.data["vendor_name"],
            "payment_reference": cleaned.get("payment_reference"),
            "payment_method": cleaned.get("payment_method") or "bank_transfer",
            "processor": cleaned.get("processor"),
            "refunded_amount_cents": total,
            "processing_fee_cents": fee,
            "net_amount_cents": total - fee,
            "currency": refund.data["currency"],
            "status": status,
            "payment_date": day.isoformat(),
            "submitted_at": now,
            "completed_at": now if status == "completed" else None,
            "failed_at": None,
            "failure_reason": None,
            "reconciled_bank_transactions": [],
            "created_at": now,
            "updated_at": now,
        }
        record: Record = self.table(store).add(
            Record(
                id=payment_id,
                business_id=call.owner,
                external_id=cleaned.get("external_id"),
                data=data,
                created_at=store.now(),
            )
        )
        return record

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        payment = dict(record.data)
        if listing:
            return payment
        refund = vendor_refunds(store).get(record.data["refund_id"])
        assert refund is not None
        shown = render_vendor_refund(store, refund)
        return {"refund": shown, "payment": payment, "allocations": shown["allocations"]}

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        if record.data["status"] not in CANCELLABLE:
            raise call.conflict(
                "Only a pending or failed vendor refund payment can be cancelled.",
                status=record.data["status"],
            )
        record.data["status"] = "cancelled"
        record.data["updated_at"] = iso(call.store.now())
        refund = vendor_refunds(call.store).get(record.data["refund_id"])
        if refund is not None:
            unapply(call.store, refund)
            refund.data["status"] = "cancelled"

    def answer(self, call: Call, record: Any, shown: dict[str, Any], status: int) -> None:
        if call.op.kind == "action":
            shown.update(
                message="Vendor refund payment cancelled; its refund's allocations were reversed.",
                status="cancelled",
                updated_at=record.data["updated_at"],
            )
