"""Customers: create (idempotent by ``external_id``), get, archive, list; and their JSON."""

from __future__ import annotations

import copy
import functools
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._store import Customer, Store, iso
from .._validation import clean_customer
from .auth import authorize
from .bodies import json_body
from .filters import Filters
from .pagination import page_of
from .paths import BUSINESS
from .responses import Denied, error, invalid, ok
from .routing import Endpoint, bind

__all__ = ["bare_customer", "endpoints", "new_customer", "render_customer"]

_ADDRESS = ("address_line1", "address_line2", "city", "state_county", "postal_code", "country")


def render_customer(store: Store, customer: Customer, *, documents: bool = True) -> dict[str, Any]:
    """The customer as the API returns it (a fresh dict)."""
    f = customer.fields
    address = [f[k] for k in _ADDRESS if f[k]]
    balance = sum(
        inv.data["outstanding_balance"]
        for inv in store.invoices.of(customer.business_id)
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


def new_customer(store: Store, business_id: str, cleaned: dict[str, Any]) -> Customer:
    """Store a customer from a validated create body."""
    now = store.now()
    fields = dict(cleaned)
    status = fields.pop("status", "active").upper()
    return store.customers.add(
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


def _customer_in(store: Store, request: Request, business_id: str) -> Customer:
    raw_id = request.path_params["customer_id"]
    customer = store.customers.get(raw_id, business_id)
    if customer is None:
        raise Denied(
            error(
                store.settings,
                request,
                404,
                "customer_not_found",
                "Customer not found.",
                {"customer_id": raw_id},
            )
        )
    return customer


async def create_customer(store: Store, request: Request) -> Response:
    """``POST .../customers/``: 201, or 200 with the existing one for a known external_id."""
    business_id = authorize(store, request)
    cleaned, errors = clean_customer(await json_body(store.settings, request))
    if errors:
        return invalid(store.settings, request, errors)
    async with store.lock:
        external_id = cleaned["external_id"]
        if external_id is not None:
            existing = store.customers.by_external_id(business_id, external_id)
            if existing is not None:
                return ok(render_customer(store, existing), 200)
        return ok(render_customer(store, new_customer(store, business_id, cleaned)), 201)


async def list_customers(store: Store, request: Request) -> Response:
    """``GET .../customers/``: the business's customers, oldest first, paginated (without
    ``documents``); archived ones only with ``include_archived=true``."""
    business_id = authorize(store, request)
    query = Filters(store.settings, request)
    archived = query.boolean("include_archived")
    query.check()
    mine = [c for c in store.customers.of(business_id) if archived or c.status != "ARCHIVED"]
    render = functools.partial(render_customer, store, documents=False)
    return ok(page_of(store.settings, request, mine, render))


async def get_customer(store: Store, request: Request) -> Response:
    """``GET .../customers/{customer_id}/``."""
    business_id = authorize(store, request)
    return ok(render_customer(store, _customer_in(store, request, business_id)))


async def archive_customer(store: Store, request: Request) -> Response:
    """``POST .../customers/{customer_id}/archive/``; archiving twice changes nothing."""
    business_id = authorize(store, request)
    customer = _customer_in(store, request, business_id)
    async with store.lock:
        # Idempotent: archiving an archived customer changes nothing and answers 200 with the
        # original archived_at, so a retried archive cannot fail or move the timestamp.
        if customer.status != "ARCHIVED":
            now = store.now()
            customer.status = "ARCHIVED"
            customer.archived_at = now
            customer.updated_at = now
        return ok(render_customer(store, customer))


def endpoints(store: Store) -> list[Endpoint]:
    """The customer operations."""
    collection = f"{BUSINESS}/customers/"
    one = f"{collection}{{customer_id}}/"
    return [
        Endpoint(method="POST", path=collection, handler=bind(store, create_customer)),
        Endpoint(method="GET", path=collection, handler=bind(store, list_customers)),
        Endpoint(method="GET", path=one, handler=bind(store, get_customer)),
        Endpoint(method="POST", path=f"{one}archive/", handler=bind(store, archive_customer)),
    ]
