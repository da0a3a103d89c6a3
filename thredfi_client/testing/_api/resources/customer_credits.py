"""Customer credits (credit notes): money a business owes back to a customer, applied to its
invoices (create_customer_credit, list_customer_credits; API-NOTES "Receivables, the rest").

* The credit is for ``customer_id`` or ``customer_external_id`` (a customer of the business;
  an unknown external id creates one, as on create-invoice).
* Its total is the sum of its lines (``amount`` plus ``tax_amount_cents``).
* Each allocation applies part of it to an open invoice of the same customer, and lowers that
  invoice's outstanding balance like a payment: it appears in the invoice's
  ``credit_allocations`` and the invoice becomes ``PARTIALLY_PAID`` or ``PAID``. An allocation
  over the invoice's balance, to another customer's or a cancelled invoice, or allocations
  beyond the credit's total are a 400 (as for payments).
* ``status`` is ``draft`` until the credit is sent (``sent_at``), then ``sent`` (the vendor's
  example shows ``draft``).
* Creates replay by ``external_id`` (the engine). The list filters by customer
  (``customer_id``, ``customer_external_id``), ``search`` and the sent-at range.
"""

from __future__ import annotations

from typing import Any

from ..._books import AR, CUSTOMER_CREDITS, REVENUE, TAX, Document
from ..._store import Store, iso
from ..._validation import FieldErrors, parse_datetime
from ..resource import Call, Resource
from .customers import bare_customer, customers, new_customer
from .invoices import invoices, settle

__all__ = ["CustomerCredits"]


class CustomerCredits(Resource):
    """The customer credit rules (see the module)."""

    name = "customer_credits"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Any:
        store, owner = call.store, call.owner
        errors: FieldErrors = {}
        customer = None
        if cleaned.get("customer_id"):
            customer = customers(store).get(cleaned["customer_id"], owner)
            if customer is None:
                errors["customer_id"] = ["No customer with this id in this business."]
        elif (ext := str(cleaned.get("customer_external_id") or "").strip()) != "":
            customer = customers(store).by_external_id(owner, ext) or new_customer(
                store, owner, bare_customer(ext)
            )
        else:
            errors["customer_id"] = ["Either customer_id or customer_external_id is required."]
        lines = cleaned["line_items"]
        total = sum(line["amount"] + line.get("tax_amount_cents", 0) for line in lines)
        allocations = cleaned.get("allocations", [])
        if customer is not None:
            self._check_allocations(store, owner, customer.id, allocations, total, errors)
        if errors:
            raise call.invalid(errors)
        assert customer is not None
        sent_at = parse_datetime(cleaned.get("sent_at"))
        name = customer.fields["company_name"] or customer.fields["individual_name"]
        given = {
            **cleaned,
            "status": "sent" if sent_at else "draft",
            "customer": {
                "id": customer.id,
                "display_name": name,
                "external_id": customer.external_id,
            },
            "line_items": [
                {
                    "amount": line["amount"],
                    "memo": line.get("memo"),
                    "metadata": line.get("metadata"),
                    "revenue_account_identifier": None,
                    "tags": [],
                }
                for line in lines
            ],
            "allocations": [],
            "total_amount": total,
            "applied_amount": 0,
            "currency": store.settings.currency,
        }
        credit = super().create(call, given)
        now = iso(store.now())
        for item in allocations:
            invoice = invoices(store).get(item["invoice_id"], owner)
            assert invoice is not None
            invoice.credits.append(
                {"amount_cents": item["amount"], "applied_at": now, "credit_note_id": credit.id}
            )
            settle(store, invoice)
            credit.data["allocations"].append(
                {
                    "invoice_id": invoice.id,
                    "invoice_number": invoice.data["invoice_number"],
                    "amount_cents": item["amount"],
                    "invoice_outstanding_balance_cents": invoice.data["outstanding_balance"],
                    "applied_at": now,
                }
            )
            credit.data["applied_amount"] += item["amount"]
        return credit

    def posting(self, store: Store, record: Any) -> Document:
        """A credit: debit revenue its lines and sales tax their taxes; credit receivable what
        it applies to invoices and customer credits the rest (the customer's to use)."""
        d = record.data
        total, applied = d["total_amount"], d["applied_amount"]
        net = sum(line["amount"] for line in d["line_items"])
        lines = {REVENUE: net, TAX: total - net, AR: -applied, CUSTOMER_CREDITS: applied - total}
        reference = record.external_id or record.id
        return Document("customer_credit", record.id, reference, record.created_at.date(), lines)

    @staticmethod
    def _check_allocations(
        store: Store,
        owner: str,
        customer_id: str,
        allocations: list[dict[str, Any]],
        total: int,
        errors: FieldErrors,
    ) -> None:
        owed: dict[str, int] = {}
        for i, item in enumerate(allocations):
            at = f"allocations[{i}]"
            invoice = invoices(store).get(item["invoice_id"], owner)
            if invoice is None:
                errors.setdefault(f"{at}.invoice_id", []).append(
                    "No invoice with this id in this business."
                )
            elif invoice.customer_id != customer_id:
                errors.setdefault(f"{at}.invoice_id", []).append(
                    "The invoice belongs to another customer."
                )
            elif invoice.cancelled:
                errors.setdefault(f"{at}.invoice_id", []).append("The invoice is cancelled.")
            else:
                balance = invoice.data["outstanding_balance"]
                owed[invoice.id] = owed.get(invoice.id, balance) - item["amount"]
                if owed[invoice.id] < 0:
                    errors.setdefault(f"{at}.amount", []).append(
                        f"More than the invoice's outstanding balance ({balance})."
                    )
        allocated = sum(item["amount"] for item in allocations)
        if allocated > total:
            errors.setdefault("allocations", []).append(f"More than the credit's total ({total}).")

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        by_id, by_ext = params["customer_id"], params["customer_external_id"]
        since, until, search = params["sent_at_start"], params["sent_at_end"], params["search"]

        def keep(record: Any) -> bool:
            d = record.data
            sent = parse_datetime(d.get("sent_at"))
            checks = (
                by_id is None or d["customer"]["id"] in by_id,
                by_ext is None or d["customer"]["external_id"] == by_ext,
                since is None or (sent is not None and sent.date() >= since),
                until is None or (sent is not None and sent.date() <= until),
                search is None
                or any(
                    search.lower() in str(text or "").lower()
                    for text in (d.get("external_id"), d["customer"]["display_name"])
                ),
            )
            return all(checks)

        return keep
