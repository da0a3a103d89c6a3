"""Bill payments: money a business pays its vendors, applied to their bills (create_bill_payment,
list_bill_payments, get_bill_payment, update_bill_payment, delete_bill_payment; API-NOTES
"Payables"). The payables twin of ``invoice_payments.py``.

* A payment is for one vendor and applies to open bills of that vendor (``allocations``, atomic:
  any bad allocation refuses the whole payment with 400): each allocation lowers its bill's
  outstanding balance and appears in its ``bill_payment_allocations``. An allocation over the
  bill's balance or to another vendor's bill, allocations beyond ``amount_cents``, or a
  currency other than the business's are a 400. What is not allocated is a prepayment to the
  vendor (``unallocated_amount_cents``).
* Creates are idempotent by ``Idempotency-Key`` (the engine replays it) and by ``external_id``.
* A payment dated after today is ``pending`` (scheduled); else it is ``completed`` at once.
* Status changes (PATCH ``status``) follow :data:`TRANSITIONS`; any other is a 409
  ``invalid_state_transition``. ``cancelled`` and ``returned`` reverse the allocations (the
  bills' balances and statuses restored).
* ``POST .../{bill_payment_id}/delete/`` cancels a pending or failed payment (409 otherwise: a
  completed one is returned, not cancelled).
* ``net_amount_cents`` is what left the bank: the amount plus the processing fee.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..._books import AP, CASH, FEES, VENDOR_CREDITS, Document
from ..._store import Record, Store, Table, iso
from ..._validation import FieldErrors, parse_date
from ..resource import Call, Resource
from .bills import Bill, bills, settle_bill, status_of
from .vendors import vendors

__all__ = ["BillPayments", "bill_payments", "refunded_from"]

#: The status changes a PATCH may make (the same status again changes nothing).
TRANSITIONS: dict[str, frozenset[str]] = {
    "pending": frozenset({"processing", "completed", "failed", "cancelled"}),
    "processing": frozenset({"completed", "failed"}),
    "failed": frozenset({"pending", "cancelled"}),
    "completed": frozenset({"failed", "returned"}),  # a bounced cheque fails after clearing
    "cancelled": frozenset(),
    "returned": frozenset(),
}
#: A payment may be cancelled (``.../delete/``) only in these states.
CANCELLABLE = ("pending", "failed")
#: Statuses whose allocations are reversed: the payment moves no money.
REVERSED = ("cancelled", "returned")


def bill_payments(store: Store) -> Table[Record]:
    """The bill payments of every business."""
    return store.table("bills/payments")


def refunded_from(store: Store, payment: Record) -> list[dict[str, Any]]:
    """The vendor refund allocations that gave back part of this payment
    (``vendor_refunds.py``): ``{"vendor_refund_id", "amount_cents", ...}``."""
    return [
        {
            "vendor_refund_id": refund.id,
            "amount_cents": a["amount"],
            "allocated_at": a["allocation_date"],
            "reference_number": refund.data.get("reference_number") or "",
        }
        for refund in store.table("vendor-refunds").of(payment.business_id)
        for a in refund.data["allocations"]
        if a.get("bill_payment_id") == payment.id and refund.data.get("status") != "cancelled"
    ]


def _allocations(cleaned: dict[str, Any]) -> list[tuple[str, int, str | None]]:
    return [
        (str(uuid.UUID(str(a["bill_id"]))), a["amount_cents"], a.get("description"))
        for a in cleaned.get("allocations") or []
    ]


def _check(
    store: Store, owner: str, vendor_id: str, amount: int, allocations: list[Any]
) -> FieldErrors:
    errors: FieldErrors = {}
    owed: dict[str, int] = {}
    for i, (bill_id, cents, _) in enumerate(allocations):
        at = f"allocations[{i}]"
        bill = bills(store).get(bill_id, owner)
        if cents < 1:
            errors[f"{at}.amount_cents"] = ["Ensure this value is greater than or equal to 1."]
        elif bill is None:
            errors[f"{at}.bill_id"] = ["No bill with this id in this business."]
        elif bill.vendor_id != vendor_id:
            errors[f"{at}.bill_id"] = ["The bill belongs to another vendor."]
        else:
            owed[bill_id] = owed.get(bill_id, bill.data["outstanding_balance"]) - cents
            if owed[bill_id] < 0:
                balance = bill.data["outstanding_balance"]
                errors[f"{at}.amount_cents"] = [
                    f"More than the bill's outstanding balance ({balance})."
                ]
    allocated = sum(cents for _, cents, _ in allocations if cents > 0)
    if allocated > amount:
        errors["amount_cents"] = [f"Less than the amount allocated to bills ({allocated})."]
    return errors


def _apply(store: Store, payment: Record) -> None:
    for bill_id, cents, _ in payment.data["_allocations"]:
        bill = bills(store).get(bill_id)
        assert bill is not None
        bill.payments.append(
            {
                "bill_payment_id": payment.id,
                "amount_cents": cents,
                "payment_date": payment.data["payment_date"],
                "payment_method": payment.data["payment_method"],
            }
        )
        settle_bill(store, bill)


def _unapply(store: Store, payment: Record) -> None:
    for bill_id in {bill_id for bill_id, _, _ in payment.data["_allocations"]}:
        bill = bills(store).get(bill_id)
        assert bill is not None
        bill.payments = [a for a in bill.payments if a["bill_payment_id"] != payment.id]
        settle_bill(store, bill)


class BillPayments(Resource):
    """The bill payment rules (see the module)."""

    name = "bill_payments"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Record:
        store, owner = call.store, call.owner
        vendor = vendors(store).get(str(cleaned["vendor_id"]), owner)
        allocations = _allocations(cleaned)
        errors: FieldErrors = {}
        if vendor is None:
            errors["vendor_id"] = ["No vendor with this id in this business."]
        else:
            errors = _check(store, owner, vendor.id, cleaned["amount_cents"], allocations)
        currency = cleaned.get("currency") or store.settings.currency
        if currency != store.settings.currency:
            message = f"Must be {store.settings.currency}, the currency of this business."
            errors["currency"] = [message]
        if errors:
            raise call.invalid(errors)
        assert vendor is not None
        now = iso(store.now())
        day = parse_date(cleaned["payment_date"])
        assert day is not None
        status = "pending" if day > store.now().date() else "completed"
        payment_id = str(uuid.uuid4())
        data = {
            **{k: cleaned.get(k) for k in ("payment_reference", "check_number", "description")},
            **{k: cleaned.get(k) for k in ("memo", "external_id", "metadata")},
            "id": payment_id,
            "business_id": owner,
            "vendor_id": vendor.id,
            "amount_cents": cleaned["amount_cents"],
            "currency": currency,
            "processing_fee_cents": cleaned.get("processing_fee_cents") or 0,
            "payment_method": cleaned["payment_method"],
            "payment_date": day.isoformat(),
            "status": status,
            "processor_payment_id": None,
            "value_date": None,
            "submitted_at": now,
            "completed_at": now if status == "completed" else None,
            "failed_at": None,
            "failure_reason": None,
            "created_at": now,
            "updated_at": now,
            "_allocations": allocations,
        }
        payment = bill_payments(store).add(
            Record(
                id=payment_id,
                business_id=owner,
                external_id=cleaned.get("external_id"),
                data=data,
                created_at=store.now(),
            )
        )
        _apply(store, payment)
        return payment

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        d = {k: v for k, v in record.data.items() if not k.startswith("_")}
        vendor = vendors(store).get(record.data["vendor_id"])
        allocated = sum(cents for _, cents, _ in record.data["_allocations"])
        refunds = refunded_from(store, record)
        unallocated = d["amount_cents"] - allocated - sum(r["amount_cents"] for r in refunds)
        shown_allocations = []
        for i, (bill_id, cents, description) in enumerate(record.data["_allocations"]):
            bill: Bill | None = bills(store).get(bill_id)
            shown_allocations.append(
                {
                    "id": str(uuid.uuid5(uuid.UUID(record.id), str(i))),
                    "bill_id": bill_id,
                    "bill_number": bill.data["bill_number"] if bill else None,
                    "vendor_bill_number": bill.data["vendor_bill_number"] if bill else None,
                    "bill_status": status_of(store, bill) if bill else "",
                    "amount_cents": cents,
                    "allocation_date": d["created_at"],
                    "created_at": d["created_at"],
                    "description": description,
                }
            )
        d.update(
            vendor_name=vendor.data.get("company_name") or vendor.data.get("individual_name")
            if vendor
            else None,
            net_amount_cents=d["amount_cents"] + d["processing_fee_cents"],
            allocated_amount_cents=allocated,
            unallocated_amount_cents=unallocated,
            is_fully_allocated=unallocated == 0,
            allocations=shown_allocations,
            vendor_refund_allocations=refunds,
            reconciled_bank_transactions=[],
        )
        return d

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        store, payment = call.store, record
        status, wanted = payment.data["status"], cleaned.get("status") or payment.data["status"]
        if wanted != status and wanted not in TRANSITIONS[status]:
            raise call.conflict(
                f"A {status} bill payment cannot become {wanted}.", status=status, wanted=wanted
            )
        if {"allocations", "processing_fee_cents"} & set(cleaned) and status in REVERSED:
            raise call.conflict(f"The allocations of a {status} payment cannot change.")
        if "allocations" in cleaned:
            allocations = _allocations(cleaned)
            _unapply(store, payment)
            errors = _check(
                store,
                call.owner,
                payment.data["vendor_id"],
                payment.data["amount_cents"],
                allocations,
            )
            if errors:
                _apply(store, payment)  # as it was
                raise call.invalid(errors)
            payment.data["_allocations"] = allocations
            _apply(store, payment)
        for name in ("failure_reason", "payment_reference", "check_number", "description"):
            if name in cleaned:
                payment.data[name] = cleaned[name]
        for name in ("memo", "metadata", "processing_fee_cents"):
            if name in cleaned:
                payment.data[name] = cleaned[name]
        self._move(store, payment, wanted)

    @staticmethod
    def _move(store: Store, payment: Record, wanted: str) -> None:
        now = iso(store.now())
        if wanted != payment.data["status"]:
            if wanted in REVERSED:
                _unapply(store, payment)
            payment.data["status"] = wanted
            if wanted == "completed":
                payment.data["completed_at"] = now
            if wanted == "failed":
                payment.data["failed_at"] = now
        payment.data["updated_at"] = now

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        """Cancel (``.../delete/``): only a pending or failed payment."""
        if record.data["status"] not in CANCELLABLE:
            raise call.conflict(
                "Only a pending or failed bill payment can be cancelled.",
                status=record.data["status"],
            )
        self._move(call.store, record, "cancelled")

    def answer(self, call: Call, record: Any, shown: dict[str, Any], status: int) -> None:
        if call.op.kind == "action":
            shown["message"] = "Bill payment cancelled; its allocations were reversed."

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        def one_of(value: Any, wanted: Any) -> bool:
            return wanted is None or value in (wanted if isinstance(wanted, set) else {wanted})

        def keep(payment: Record) -> bool:
            d = payment.data
            day = d["payment_date"]
            since, until = params.get("payment_date_start"), params.get("payment_date_end")
            search = params.get("search")
            texts = (d.get("payment_reference"), d.get("description"), d.get("memo"))
            checks = (
                one_of(d["status"], params.get("status")),
                one_of(d["payment_method"], params.get("payment_method")),
                one_of(d["vendor_id"], params.get("vendor_id")),
                params.get("bill_id") is None
                or any(one_of(b, params.get("bill_id")) for b, _, _ in d["_allocations"]),
                since is None or day >= str(since),
                until is None or day <= str(until),
                search is None or any(str(search).lower() in (t or "").lower() for t in texts),
            )
            return all(checks)

        return keep

    def posting(self, store: Store, record: Any) -> Document:
        """A payment (unless cancelled or returned): debit payable what it allocates and
        vendor credits (a prepayment) the rest, fees its fee; credit cash what left the bank."""
        d = record.data
        lines: dict[str, int] = {}
        if d["status"] not in REVERSED:
            allocated = sum(cents for _, cents, _ in d["_allocations"])
            fee = d["processing_fee_cents"] or 0
            lines = {AP: allocated, VENDOR_CREDITS: d["amount_cents"] - allocated, FEES: fee}
            lines[CASH] = -d["amount_cents"] - fee
        state = d["status"] if d["status"] in REVERSED else "open"
        reference = d.get("payment_reference") or record.external_id or record.id
        day = parse_date(d["payment_date"])
        assert day is not None
        return Document("bill_payment", record.id, reference, day, lines, state)
