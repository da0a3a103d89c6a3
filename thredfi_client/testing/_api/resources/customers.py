"""Customers: who a business invoices. Rules from the create/get/archive customer pages (seeds).

* A customer needs ``individual_name`` or ``company_name``; ``country`` is ISO alpha-2; VAT
  number forms (``_validation.clean_customer``).
* ``status`` is given lower case on create and answered upper case; ``archived`` on create
  archives at once.
* ``outstanding_balance`` is what the customer's invoices still owe.
* Archiving an archived customer changes nothing (the sandbox's choice: a retried archive cannot
  fail or move ``archived_at``).
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..._store import Store, Table, iso
from ..._validation import FieldErrors, clean_customer
from ..resource import Call, Resource

__all__ = ["Customer", "Customers", "bare_customer", "customers", "new_customer"]

_ADDRESS = ("address_line1", "address_line2", "city", "state_county", "postal_code", "country")


@dataclass(kw_only=True)
class Customer:
    """A customer; ``fields`` holds the validated create body."""

    id: str
    business_id: str
    external_id: str | None
    fields: dict[str, Any]
    status: str
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None = None


def customers(store: Store) -> Table[Customer]:
    """The customers of every business."""
    return store.table("customers")


def new_customer(store: Store, business_id: str, cleaned: dict[str, Any]) -> Customer:
    """Store a customer from a validated create body."""
    now = store.now()
    fields = dict(cleaned)
    status = fields.pop("status", "active").upper()
    return customers(store).add(
        Customer(
            id=str(uuid.uuid4()),
            business_id=business_id,
            external_id=fields["external_id"],
            fields=fields,
            status=status,
            created_at=now,
            updated_at=now,
            archived_at=now if status == "ARCHIVED" else None,
        )
    )


def bare_customer(external_id: str) -> dict[str, Any]:
    """The validated body of a customer known only by an external id (named after it)."""
    cleaned, _ = clean_customer({"individual_name": external_id, "external_id": external_id})
    return cleaned


def render_customer(store: Store, customer: Customer, *, documents: bool = True) -> dict[str, Any]:
    """The customer as the API returns it (a fresh dict)."""
    f = customer.fields
    address = [f[k] for k in _ADDRESS if f[k]]
    balance = sum(
        inv.data["outstanding_balance"]
        for inv in store.table("invoices").of(customer.business_id)
        if inv.customer_id == customer.id
    )
    out: dict[str, Any] = {
        "type": "CustomerData",
        "id": customer.id,
        "external_id": f["external_id"],
        "reference_number": f["reference_number"],
        "individual_name": f["individual_name"],
        "company_name": f["company_name"],
        "display_name": f["company_name"] or f["individual_name"],
        "email": f["email"],
        "mobile_phone": f["mobile_phone"],
        "office_phone": f["office_phone"],
        "address_line1": f["address_line1"],
        "address_line2": f["address_line2"],
        "city": f["city"],
        "state_county": f["state_county"],
        "postal_code": f["postal_code"],
        "country": f["country"],
        "full_address": "\n".join(address),
        "address_string": ", ".join(address),
        "vat_number": f["vat_number"],
        "tax_exempt": f["tax_exempt"],
        "status": customer.status,
        "is_active": customer.status == "ACTIVE",
        "is_archived": customer.status == "ARCHIVED",
        "transaction_tags": copy.deepcopy(f["transaction_tags"]),
        "notes": f["notes"],
        "metadata": copy.deepcopy(f["metadata"]),
        "payment_terms_days": f["payment_terms_days"],
        "credit_limit": f["credit_limit_cents"],
        "credit_limit_cents": f["credit_limit_cents"],
        "outstanding_balance": balance,
        "created_at": iso(customer.created_at),
        "updated_at": iso(customer.updated_at),
        "archived_at": iso(customer.archived_at),
    }
    if documents:
        # Uploaded documents are not stored by the sandbox; the list is always empty.
        out["documents"] = []
    return out


class Customers(Resource):
    """The customer rules (see the module)."""

    name = "customers"

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        if call.op.kind == "create":
            return clean_customer(body)
        return super().clean(call, body)

    def create(self, call: Call, cleaned: dict[str, Any]) -> Customer:
        return new_customer(call.store, call.owner, cleaned)

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        # "documents" is "retrieve only, not in list" (API-NOTES, Customers).
        return render_customer(store, record, documents=not listing)

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        if record.status != "ARCHIVED":
            now = call.store.now()
            record.status = "ARCHIVED"
            record.archived_at = now
            record.updated_at = now
