"""Bills: what a business owes its vendors (create_bill, list_bills, get_bill, update_bill;
API-NOTES "Payables"). The payables twin of ``invoices.py``.

* ``external_id`` is required and is the idempotency key (the engine replays it); the vendor is
  ``vendor_id`` or ``vendor_external_id`` (an unknown one creates a vendor, ``vendors.py``).
* Lines: quantity x unit price plus the ``amount`` of each of its ``sales_taxes``, in integer
  cents; the total is the lines' sum.
* ``received_at`` defaults to now and ``due_at`` to 30 days after it (as invoices do).
* The balance and status follow from what is applied to the bill: bill payments
  (``bill_payments.py``, listed in ``bill_payment_allocations``), vendor credits
  (``vendor_credits.py``) and vendor refunds (``vendor_refunds.py``, money the vendor gave back
  on the bill, which reopens that much of it): outstanding = total - paid - credited +
  refunded. Status: ``paid`` when nothing is outstanding of a bill that had something applied,
  ``partially_paid`` when part is, else ``overdue`` past its due date, or ``open``.
* Update (PUT): the fields given replace the bill's; lines given replace all lines; the new
  total may not fall below what was applied (400), and the vendor of a bill with payments or
  credits cannot change (409).
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..._books import AP, EXPENSES, TAX, Document
from ..._store import Record, Store, Table, iso
from ..._validation import FieldErrors, parse_date, parse_datetime
from ..resource import Call, Resource
from .vendors import display_name, vendor_for, vendors

__all__ = ["Bill", "Bills", "bills", "settle_bill"]

DEFAULT_DUE_DAYS = 30


@dataclass(kw_only=True)
class Bill(Record):
    """A bill; ``data`` holds its lines and totals as answered, the lists what is applied."""

    vendor_id: str
    received_at: datetime
    due_at: datetime
    #: ``{"bill_payment_id", "amount_cents", "payment_date", "payment_method"}``
    payments: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"credit_id", "amount_cents"}``
    credits: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"refund_id", "amount_cents"}``
    refunds: list[dict[str, Any]] = field(default_factory=list)
    paid_at: datetime | None = None


def bills(store: Store) -> Table[Bill]:
    """The bills of every business."""
    return store.table("bills")


def settled(bill: Bill) -> int:
    """What was applied to the bill: paid plus credited less refunded."""
    paid: int = sum(a["amount_cents"] for a in bill.payments)
    credited: int = sum(a["amount_cents"] for a in bill.credits)
    refunded: int = sum(a["amount_cents"] for a in bill.refunds)
    return paid + credited - refunded


def paid_less_refunded(bill: Bill) -> int:
    """What was paid on the bill and not given back by the vendor."""
    paid: int = sum(a["amount_cents"] for a in bill.payments)
    refunded: int = sum(a["amount_cents"] for a in bill.refunds)
    return paid - refunded


def settle_bill(store: Store, bill: Bill) -> None:
    """Recompute the balance after a change; it becomes paid (``paid_at``) or stops being."""
    total = bill.data["total_amount"]
    bill.data["outstanding_balance"] = total - settled(bill)
    fully = settled(bill) > 0 and settled(bill) >= total
    if fully and bill.paid_at is None:
        bill.paid_at = store.now()
    elif not fully:
        bill.paid_at = None


def status_of(store: Store, bill: Bill) -> str:
    """The bill's status now (see the module)."""
    outstanding = bill.data["outstanding_balance"]
    if settled(bill) > 0:
        return "paid" if outstanding <= 0 else "partially_paid"
    return "overdue" if outstanding > 0 and bill.due_at < store.now() else "open"


def _lines(bill_id: str, items: list[dict[str, Any]], currency: str) -> list[dict[str, Any]]:
    out = []
    for item in items:
        subtotal = item["quantity"] * item["unit_price"]
        taxes = sum(
            t["amount"]
            for t in item.get("sales_taxes") or []
            if isinstance(t, dict) and isinstance(t.get("amount"), int)
        )
        account = item.get("account_identifier")
        out.append(
            {
                "id": str(uuid.uuid4()),
                "bill_id": bill_id,
                "account_identifier": account if isinstance(account, dict) else None,
                "currency": currency,
                "unit_price": item["unit_price"],
                "quantity": item["quantity"],
                "subtotal": subtotal,
                "sales_taxes_total": taxes,
                "total_amount": subtotal + taxes,
                "tax_rate": None,
                "description": item.get("description"),
                "product": item.get("product"),
            }
        )
    return out


class Bills(Resource):
    """The bill rules (see the module)."""

    name = "bills"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Bill:
        store, owner = call.store, call.owner
        errors: FieldErrors = {}
        vendor = vendor_for(call, cleaned, errors)
        received = parse_datetime(cleaned.get("received_at")) or store.now()
        due = parse_datetime(cleaned.get("due_at")) or received + timedelta(DEFAULT_DUE_DAYS)
        if due < received:
            errors["due_at"] = ["Must not be before received_at."]
        if errors:
            raise call.invalid(errors)
        assert vendor is not None
        bill_id = str(uuid.uuid4())
        currency = cleaned.get("currency") or store.settings.currency
        lines = _lines(bill_id, cleaned["line_items"], currency)
        number = cleaned.get("bill_number") or f"BILL-{store.next_number('bill', owner):06d}"
        total = sum(line["total_amount"] for line in lines)
        issued = parse_date(cleaned.get("bill_date")) or received.date()
        data: dict[str, Any] = {
            "type": "BillData",
            "id": bill_id,
            "business_id": owner,
            "terms": None,
            "issue_date": issued.isoformat(),
            "voided_at": None,
            "currency": currency,
            "line_items": lines,
            "external_id": cleaned["external_id"],
            "bill_number": number,
            "vendor_bill_number": cleaned.get("vendor_bill_number"),
            "memo": cleaned.get("memo"),
            "total_amount": total,
            "outstanding_balance": total,
            "document": None,
        }
        return bills(store).add(
            Bill(
                id=bill_id,
                business_id=owner,
                external_id=cleaned["external_id"],
                data=data,
                created_at=store.now(),
                vendor_id=vendor.id,
                received_at=received,
                due_at=due,
            )
        )

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        bill: Bill = record
        shown = copy.deepcopy(bill.data)
        vendor = vendors(store).get(bill.vendor_id)
        assert vendor is not None
        outstanding = shown["outstanding_balance"]
        shown.update(
            status=status_of(store, bill),
            received_at=iso(bill.received_at),
            due_at=iso(bill.due_at),
            paid_at=iso(bill.paid_at),
            is_overdue=outstanding > 0 and bill.due_at < store.now(),
            vendor=copy.deepcopy(vendor.data),
            bill_payment_allocations=[
                {
                    "amount_cents": a["amount_cents"],
                    "payment_date": a["payment_date"],
                    "payment_method": a["payment_method"],
                    "bill_payment_id": a["bill_payment_id"],
                }
                for a in bill.payments
            ],
        )
        return shown

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        statuses, vendor_ids = params.get("status"), params.get("vendor_id")

        def keep(bill: Bill) -> bool:
            status = status_of(call.store, bill)
            wanted_status = statuses is None or (
                status in statuses if isinstance(statuses, set) else status == statuses
            )
            wanted_vendor = vendor_ids is None or bill.vendor_id in (
                vendor_ids if isinstance(vendor_ids, set) else {vendor_ids}
            )
            return wanted_status and wanted_vendor

        return keep

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        store, bill = call.store, record
        errors: FieldErrors = {}
        if "vendor_id" in cleaned and cleaned["vendor_id"] is not None:
            vendor = vendors(store).get(str(cleaned["vendor_id"]), call.owner)
            if vendor is None:
                raise call.invalid({"vendor_id": ["No vendor with this id in this business."]})
            if vendor.id != bill.vendor_id and (bill.payments or bill.credits):
                raise call.conflict("The vendor of a bill with payments or credits cannot change.")
        received = parse_datetime(cleaned.get("received_at")) or bill.received_at
        due = parse_datetime(cleaned.get("due_at")) or bill.due_at
        if due < received:
            errors["due_at"] = ["Must not be before received_at."]
        currency = cleaned.get("currency") or bill.data["currency"]
        lines = bill.data["line_items"]
        if "line_items" in cleaned:
            lines = _lines(bill.id, cleaned["line_items"], currency)
        total = sum(line["total_amount"] for line in lines)
        if total < settled(bill):
            message = f"The total would be below what was applied to the bill ({settled(bill)})."
            errors["non_field_errors"] = [message]
        if errors:
            raise call.invalid(errors)
        if "vendor_id" in cleaned and cleaned["vendor_id"] is not None:
            bill.vendor_id = str(uuid.UUID(str(cleaned["vendor_id"])))
        for name in ("bill_number", "vendor_bill_number", "memo", "external_id"):
            if name in cleaned and (cleaned[name] is not None or name != "bill_number"):
                bill.data[name] = cleaned[name]
        if isinstance(cleaned.get("external_id"), str):
            bill.external_id = cleaned["external_id"]
        if parse_date(cleaned.get("bill_date")):
            bill.data["issue_date"] = cleaned["bill_date"]
        bill.received_at, bill.due_at = received, due
        bill.data.update(currency=currency, line_items=lines, total_amount=total)
        settle_bill(store, bill)

    def posting(self, store: Store, record: Any) -> Document:
        """A bill: debit expenses its lines before tax and sales tax (recoverable) their taxes;
        credit payable its total."""
        bill: Bill = record
        total = bill.data["total_amount"]
        taxes = sum(line["sales_taxes_total"] for line in bill.data["line_items"])
        lines = {EXPENSES: total - taxes, TAX: taxes, AP: -total}
        reference = bill.data["bill_number"] or bill.id
        return Document("bill", bill.id, reference, bill.received_at.date(), lines)


def vendor_name(store: Store, vendor_id: str) -> str:
    """The vendor's display name ("" once it is gone)."""
    vendor = vendors(store).get(vendor_id)
    return display_name(vendor) if vendor is not None else ""
