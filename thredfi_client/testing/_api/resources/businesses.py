"""Businesses: a partner's clients (list_business, create_business, get_business,
update_business; API-NOTES "Business management").

* Businesses are per partner: the engine scopes partner-level resources by the token's
  partner, so another partner's business is a 404.
* ``external_id`` is the idempotency key (the engine replays it: 200 with the business).
* ``_meta`` says whether the create made the business or returned it again (its shape is not
  published: the sandbox answers ``{"created": true|false}``).
* A business created here can be used at once: it is registered for tokens and for the
  resources under ``/businesses/{business_id}/`` (the vendor's onboarding guide).
* The businesses the sandbox starts with (or ``add_business`` makes) have a record too.
"""

from __future__ import annotations

from typing import Any

from ..._store import Record, Store, Table
from ..resource import Call, Resource, fill

__all__ = ["Businesses"]


class Businesses(Resource):
    """The business rules (see the module)."""

    name = "businesses"

    def table(self, store: Store) -> Table[Any]:
        table = store.table(self.key)
        for business_id, partner_id in store.businesses.items():
            if table.get(business_id) is None:
                # Made without a request (the sandbox's own, or add_business): a record as the
                # contract describes one, named after its id.
                given = {
                    "external_id": business_id,
                    "legal_name": f"Business {business_id[:8]}",
                    "email": "accounts@business.example",
                    "base_currency": store.settings.currency,
                }
                now = store.now()
                data = fill(self.contract, self.schema or {}, given, {"id": business_id}, now)
                table.add(
                    Record(
                        id=business_id,
                        business_id=partner_id,
                        external_id=business_id,
                        data=data,
                        created_at=now,
                    )
                )
        return table

    def create(self, call: Call, cleaned: dict[str, Any]) -> Any:
        given = dict(cleaned)
        given.setdefault("name", given.get("legal_name"))
        if isinstance(given.get("country"), str):
            given["country"] = given["country"].upper()
        record = super().create(call, given)
        record.data.pop("_meta", None)
        call.store.add_business(call.owner, record.id)
        return record

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        shown = super().render(store, record, listing=listing)
        shown.pop("_meta", None)
        return shown

    def answer(self, call: Call, record: Any, shown: dict[str, Any], status: int) -> None:
        if call.op.kind == "create":
            shown["_meta"] = {"created": status == 201}
