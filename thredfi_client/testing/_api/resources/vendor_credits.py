"""Vendor credits: money a vendor owes back to a business, applied to its bills
(create_vendor_credit, list_vendor_credits, get_vendor_credit; API-NOTES "Payables"). The
payables twin of ``customer_credits.py``.

* The credit is from ``vendor_id`` or ``vendor_external_id`` (an unknown external id creates
  the vendor); its total is the sum of its lines' ``amount``.
* Each allocation applies part of it to an open bill of the same vendor and lowers that bill's
  outstanding balance like a payment. An allocation over the bill's balance or to another
  vendor's bill, or allocations beyond the credit's total, are a 400.
* ``status``: ``applied`` when all of it is allocated, ``partially_applied`` when part is,
  else ``open``.
* Creates replay by ``external_id`` (the engine). The list filters by ``vendor_id``,
  ``status`` and the received-at range.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from ..._books import AP, EXPENSES, VENDOR_CREDITS, Document
from ..._store import Record, Store, iso
from ..._validation import FieldErrors, parse_datetime
from ..resource import Call, Resource
from .bills import bills, settle_bill
from .vendors import display_name, vendor_for

__all__ = ["VendorCredits"]


def _status(applied: int, total: int) -> str:
    return "applied" if applied >= total > 0 else "partially_applied" if applied else "open"


def _one_of(value: Any, wanted: Any) -> bool:
    return wanted is None or value in (wanted if isinstance(wanted, set) else {wanted})


def _at_or_after(later: Any, earlier: Any) -> bool:
    """``later >= earlier`` for dates and date-times alike (a date-time compared as its day
    when the other is a date)."""
    if isinstance(later, datetime) != isinstance(earlier, datetime):
        later = later.date() if isinstance(later, datetime) else later
        earlier = earlier.date() if isinstance(earlier, datetime) else earlier
    return bool(later >= earlier)


class VendorCredits(Resource):
    """The vendor credit rules (see the module)."""

    name = "vendor_credits"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Record:
        store, owner = call.store, call.owner
        errors: FieldErrors = {}
        vendor = vendor_for(call, cleaned, errors)
        lines = cleaned["line_items"]
        total = sum(line["amount"] for line in lines)
        allocations = [
            (str(uuid.UUID(str(a["bill_id"]))), a["amount"])
            for a in cleaned.get("allocations") or []
        ]
        owed: dict[str, int] = {}
        for i, (bill_id, cents) in enumerate(allocations):
            at = f"allocations[{i}]"
            bill = bills(store).get(bill_id, owner)
            if cents < 1:
                errors[f"{at}.amount"] = ["Ensure this value is greater than or equal to 1."]
            elif bill is None:
                errors[f"{at}.bill_id"] = ["No bill with this id in this business."]
            elif vendor is not None and bill.vendor_id != vendor.id:
                errors[f"{at}.bill_id"] = ["The bill belongs to another vendor."]
            else:
                owed[bill_id] = owed.get(bill_id, bill.data["outstanding_balance"]) - cents
                if owed[bill_id] < 0:
                    balance = bill.data["outstanding_balance"]
                    errors[f"{at}.amount"] = [
                        f"More than the bill's outstanding balance ({balance})."
                    ]
        if sum(cents for _, cents in allocations if cents > 0) > total:
            errors["allocations"] = [f"More than the credit's total ({total})."]
        if errors:
            raise call.invalid(errors)
        assert vendor is not None
        now = iso(store.now())
        credit_id = str(uuid.uuid4())
        received = parse_datetime(cleaned.get("received_at"))
        data: dict[str, Any] = {
            "id": credit_id,
            "received_at": iso(received),
            "vendor": {
                "id": vendor.id,
                "external_id": vendor.external_id or "",
                "display_name": display_name(vendor),
            },
            "source_bill_id": cleaned.get("source_bill_id"),
            "line_items": [
                {
                    "amount": line["amount"],
                    "expense_account_identifier": None,
                    "tags": list(line.get("tags") or []),
                    "memo": line.get("memo"),
                    "metadata": line.get("metadata"),
                }
                for line in lines
            ],
            "allocations": [],
            "tags": list(cleaned.get("tags") or []),
            "total_amount": total,
            "applied_amount": 0,
            "document": None,
            "created_at": now,
            "updated_at": now,
            "external_id": cleaned["external_id"],
            "currency": cleaned.get("currency") or store.settings.currency,
        }
        for bill_id, cents in allocations:
            bill = bills(store).get(bill_id)
            assert bill is not None
            bill.credits.append({"credit_id": credit_id, "amount_cents": cents})
            settle_bill(store, bill)
            data["allocations"].append(
                {
                    "bill_id": bill_id,
                    "bill_number": bill.data["bill_number"],
                    "amount_cents": cents,
                    "bill_outstanding_balance_cents": bill.data["outstanding_balance"],
                    "applied_at": now,
                }
            )
            data["applied_amount"] += cents
        data["status"] = _status(data["applied_amount"], total)
        record: Record = self.table(store).add(
            Record(
                id=credit_id,
                business_id=owner,
                external_id=cleaned["external_id"],
                data=data,
                created_at=(received or store.now()),
            )
        )
        return record

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        since, until = params.get("received_at_start"), params.get("received_at_end")
        statuses, vendor_ids = params.get("status"), params.get("vendor_id")

        def keep(credit: Record) -> bool:
            d, moment = credit.data, credit.created_at  # received_at, else when it was recorded
            return (
                _one_of(d["status"], statuses)
                and _one_of(d["vendor"]["id"], vendor_ids)
                and (since is None or _at_or_after(moment, since))
                and (until is None or _at_or_after(until, moment))
            )

        return keep

    def posting(self, store: Store, record: Any) -> Document:
        """A credit: debit payable what it applies to bills and vendor credits the rest (the
        business's to use); credit expenses its total."""
        d = record.data
        total, applied = d["total_amount"], d["applied_amount"]
        lines = {AP: applied, VENDOR_CREDITS: total - applied, EXPENSES: -total}
        reference = record.external_id or record.id
        return Document("vendor_credit", record.id, reference, record.created_at.date(), lines)
