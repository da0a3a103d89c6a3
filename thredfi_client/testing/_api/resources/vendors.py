"""Vendors: who a business buys from (create_vendor, list_vendors, get_vendor, unarchive_vendor;
API-NOTES "Payables").

* ``external_id`` is the idempotency key (the engine replays it).
* ``status`` is ``ACTIVE`` when created (the page lists ACTIVE, INACTIVE, ARCHIVED, BLOCKED);
  unarchive makes it ``ACTIVE`` again. ``type`` is always ``VendorData``.
* The list filters by ``name`` (the company or individual name, without case),
  ``name_contains``, ``external_id``, ``external_id_contains``; archived vendors only with
  ``include_archived``.
* A bill or vendor credit naming an unknown ``vendor_external_id`` creates a vendor named after
  it (:func:`vendor_for`), as a customer is on the receivables side.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..._store import Record, Store, Table
from ..._validation import FieldErrors
from ..resource import Call, Resource

__all__ = ["Vendors", "display_name", "vendor_for", "vendors"]


def vendors(store: Store) -> Table[Record]:
    """The vendors of every business."""
    return store.table("vendors")


def display_name(vendor: Record) -> str:
    """The vendor's company name, else its individual name."""
    d = vendor.data
    return str(d.get("company_name") or d.get("individual_name") or vendor.external_id or "")


def _fresh(store: Store, business_id: str, given: dict[str, Any]) -> Record:
    now = store.now()
    data: dict[str, Any] = {
        "type": "VendorData",
        "id": str(uuid.uuid4()),
        "external_id": None,
        "individual_name": None,
        "company_name": None,
        "email": None,
        "mobile_phone": None,
        "office_phone": None,
        "address_string": None,
        "memo": None,
        "status": "ACTIVE",
        "transaction_tags": [],
        "documents": [],
    }
    data.update({k: v for k, v in given.items() if k in data and k not in ("id", "type")})
    data["status"] = "ACTIVE"
    return vendors(store).add(
        Record(
            id=data["id"],
            business_id=business_id,
            external_id=data["external_id"],
            data=data,
            created_at=now,
        )
    )


def vendor_for(call: Call, cleaned: dict[str, Any], errors: FieldErrors) -> Record | None:
    """The vendor a body names by ``vendor_id`` or ``vendor_external_id`` (an unknown external
    id makes one); None, with the field's error, when it names none."""
    store, owner = call.store, call.owner
    if cleaned.get("vendor_id") is not None:
        vendor = vendors(store).get(str(cleaned["vendor_id"]), owner)
        if vendor is None:
            errors["vendor_id"] = ["No vendor with this id in this business."]
        return vendor
    external_id = cleaned.get("vendor_external_id")
    if isinstance(external_id, str) and external_id:
        found = vendors(store).by_external_id(owner, external_id)
        return found or _fresh(
            store, owner, {"external_id": external_id, "company_name": external_id}
        )
    errors["vendor_id"] = ["Either vendor_id or vendor_external_id is required."]
    return None


class Vendors(Resource):
    """The vendor rules (see the module)."""

    name = "vendors"

    def create(self, call: Call, cleaned: dict[str, Any]) -> Record:
        given = {k: v for k, v in cleaned.items() if k != "document"}
        return _fresh(call.store, call.owner, given)

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        record.data["status"] = "ACTIVE"

    def matches(self, call: Call, params: dict[str, Any]) -> Any:
        name, name_contains = params.get("name"), params.get("name_contains")
        ext, ext_contains = params.get("external_id"), params.get("external_id_contains")
        archived = params.get("include_archived")

        def keep(vendor: Record) -> bool:
            shown = display_name(vendor).lower()
            checks = (
                archived or vendor.data["status"] != "ARCHIVED",
                name is None or shown == str(name).lower(),
                name_contains is None or str(name_contains).lower() in shown,
                ext is None or vendor.external_id == ext,
                ext_contains is None or str(ext_contains) in (vendor.external_id or ""),
            )
            return all(checks)

        return keep
