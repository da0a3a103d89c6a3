"""A resource as the contract alone describes it: the default every hook module builds on.

The engine (``engine.py``) parses requests and shapes answers for every operation; a
:class:`Resource` holds what happens to the records in between. This base class does what the
contract implies and nothing more: a create fills the server-side fields from the response
schema (:func:`fill`), a list filters by the query parameters that name a field, an update
merges the fields given, a delete forgets, an action follows :data:`~.._contract.ACTIONS`. A
resource with documented business rules subclasses it in ``resources/`` and overrides the steps
its rules touch, moto's ``models.py`` style.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from starlette.requests import Request

from .._books import Books, Document
from .._contract import ACTIONS, Contract, Operation, Schema
from .._store import Record, Store, Table, Token, canonical_uuid, iso
from .._validation import FieldErrors, check, field_of
from .responses import Denied, error, invalid

__all__ = ["Call", "Resource", "fill"]

#: Fields whose natural value for a new record is not their type's zero value.
_FRESH_VALUES: dict[str, Any] = {"is_active": True}


@dataclass(kw_only=True)
class Call:
    """One request to an operation: who asks, for which owner, with which parent records."""

    store: Store
    request: Request
    op: Operation
    token: Token
    #: The business (or for partner-level resources, the partner) whose records it sees.
    owner: str
    #: The canonical ids of the path's parent parameters (``{"refund_id": ...}``).
    parents: dict[str, str]
    #: The record the path names, once found (for an update's or action's checks).
    record: Any = None
    #: Whether the request carried a body (JSON ``null`` is one; no bytes at all is not).
    body_sent: bool = False
    #: The owner's books, posted up to date with its records (the engine's ``books``).
    books: Callable[[], Books] | None = None

    def deny(
        self, status: int, code: str, message: str, detail: dict[str, Any] | None = None
    ) -> Denied:
        """A refusal in the contract's error shape, to raise."""
        return Denied(error(self.store.settings, self.request, status, code, message, detail))

    def conflict(self, message: str, **detail: Any) -> Denied:
        """409 ``invalid_state_transition``: what the request asks cannot happen in this state."""
        return self.deny(409, "invalid_state_transition", message, detail)

    def invalid(self, errors: FieldErrors) -> Denied:
        """400 ``validation_error`` listing every bad field."""
        return Denied(invalid(self.store.settings, self.request, errors))


def _zero(name: str, schema: Schema, now: datetime) -> Any:
    """A server-side value for a field the request did not give (see :func:`fill`)."""
    if "default" in schema:
        return copy.deepcopy(schema["default"])
    if name in _FRESH_VALUES:
        return _FRESH_VALUES[name]
    if schema.get("enum"):
        return schema["enum"][0]
    kind, fmt = schema.get("type"), schema.get("format")
    if fmt == "date-time" and (name in ("created_at", "updated_at") or not schema.get("nullable")):
        return iso(now)
    if schema.get("nullable") or kind is None:
        return None
    if kind == "string":
        text = {"uuid": str(uuid.uuid4()), "date": now.date().isoformat(), "email": "x@x.io"}
        return text.get(fmt or "", "x" * schema.get("minLength", 0))
    if kind in ("integer", "number"):
        return max(0, schema.get("minimum", 0))
    return {"boolean": False, "array": [], "object": {}}.get(kind)


def fill(
    contract: Contract, schema: Schema, given: dict[str, Any], ids: dict[str, str], now: datetime
) -> dict[str, Any]:
    """A record as ``schema`` describes it: the values ``given`` where they fit the schema,
    ``ids`` for the identity fields (``id``, ``business_id``, parents), and for every other
    field its default, the first value of its enum, now for a timestamp, else null or its
    type's zero value; nested objects are filled the same way."""
    out: dict[str, Any] = {}
    for name, raw in contract.resolve(schema).get("properties", {}).items():
        prop = contract.resolve(raw)
        if name in ids:
            out[name] = ids[name]
        elif name in given and check(given[name], field_of(prop), name, {}):
            out[name] = copy.deepcopy(given[name])
        elif prop.get("type") == "object" and "properties" in prop:
            out[name] = None if prop.get("nullable") else fill(contract, prop, {}, {}, now)
        else:
            out[name] = _zero(name, prop, now)
    return out


class Resource:
    """The records of one resource and what the operations do to them (see the module).

    Attributes:
        name: The resource's name in the admin API's state and the facade.
        key: The resource's path (``invoices/payments``).
        schema: The schema of one record, as its operations answer it (None: none is given).
    """

    name: str = ""

    def __init__(self, key: str, contract: Contract, schema: Schema | None) -> None:
        self.key = key
        self.contract = contract
        self.schema = schema
        self.name = self.name or key.replace("/", "_")

    # -- the records

    def table(self, store: Store) -> Table[Any]:
        """The resource's records."""
        return store.table(self.key)

    def find(self, call: Call, raw_id: str) -> Any | None:
        """The record with this id, if it is the caller's (and under the path's parents)."""
        record = self.table(call.store).get(raw_id, call.owner)
        return record if record is not None and _under(record, call.parents) else None

    def records(self, call: Call) -> list[Any]:
        """The caller's records under the path's parents, oldest first."""
        return [r for r in self.table(call.store).of(call.owner) if _under(r, call.parents)]

    def by_external_id(self, call: Call, external_id: str) -> Any | None:
        """The caller's record with this ``external_id`` (the idempotency key of a create)."""
        return self.table(call.store).by_external_id(call.owner, external_id)

    def render(self, store: Store, record: Any, *, listing: bool = False) -> dict[str, Any]:
        """The record as the API answers it (a fresh dict)."""
        return copy.deepcopy(record.data)

    def read(self, call: Call, params: dict[str, Any]) -> Any | None:
        """What a GET that is no list nor record answers (a report computed from the records),
        or None: the contract alone cannot say how to compute one (the engine answers 501)."""
        return None

    def answer(self, call: Call, record: Any, shown: dict[str, Any], status: int) -> None:
        """Add to an answer what only this request knows (e.g. whether a create replayed)."""

    def posting(self, store: Store, record: Any) -> Document | None:
        """What the record means in its business's books now, by the posting rules of
        ``docs/sandbox.md`` (``_books``); None: it posts nothing."""
        return None

    # -- the operations

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        """The request body checked against the contract's schema; the fields it knows."""
        errors: FieldErrors = {}
        absent = body is None and not call.body_sent
        if call.op.request is None or (absent and not call.op.request_required):
            return {}, errors
        spec = field_of(call.op.request)
        if not check(body, spec, "", errors) or not isinstance(body, dict):
            return {}, errors
        cleaned = {k: v for k, v in body.items() if k in (spec.properties or {})}
        if call.op.kind == "create":  # a PATCH changes only what it is given
            for name, raw in call.op.request.get("properties", {}).items():
                if name not in cleaned and "default" in (prop := self.contract.resolve(raw)):
                    cleaned[name] = copy.deepcopy(prop["default"])
        return cleaned, errors

    def create(self, call: Call, cleaned: dict[str, Any]) -> Any:
        """A new record from a checked create body."""
        record_id = str(uuid.uuid4())
        now = call.store.now()
        ids = {"id": record_id, **call.parents}
        if call.op.scope == "business":
            ids["business_id"] = call.owner
        external_id = cleaned.get("external_id")
        return self.table(call.store).add(
            Record(
                id=record_id,
                business_id=call.owner,
                external_id=external_id if isinstance(external_id, str) else None,
                data=fill(self.contract, self.schema or {}, cleaned, ids, now),
                created_at=now,
                parents=dict(call.parents),
            )
        )

    def matches(self, call: Call, params: dict[str, Any]) -> Callable[[Any], bool]:
        """Which records a list keeps: those whose fields equal the query parameters that name
        a field (any of several values given comma-separated); ``include_archived`` unset
        hides archived records. Other parameters filter nothing."""
        fields = set(self.contract.resolve(self.schema or {}).get("properties", {}))
        wanted = {k: v for k, v in params.items() if k in fields and v is not None}
        hide_archived = "include_archived" in call.op.query and not params.get("include_archived")

        def keep(record: Any) -> bool:
            shown = self.render(call.store, record, listing=True)
            if hide_archived and (
                shown.get("is_archived") is True or str(shown.get("status")).lower() == "archived"
            ):
                return False
            return all(_equal(shown.get(k), v) for k, v in wanted.items())

        return keep

    def order(self, call: Call, params: dict[str, Any], records: list[Any]) -> list[Any]:
        """The order a list shows its records in: oldest first."""
        return records

    def update(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        """Apply a checked update body (PUT or PATCH): the fields given replace the record's."""
        properties = self.contract.resolve(self.schema or {}).get("properties", {})
        for name, value in cleaned.items():
            if name in properties and name not in ("id", "business_id"):
                record.data[name] = copy.deepcopy(value)
        if "external_id" in cleaned and isinstance(cleaned["external_id"], str):
            record.external_id = cleaned["external_id"]
        if "updated_at" in properties:
            record.data["updated_at"] = iso(call.store.now())

    def delete(self, call: Call, record: Any) -> None:
        """Forget the record."""
        self.table(call.store).remove(record.id)

    def act(self, call: Call, record: Any, cleaned: dict[str, Any]) -> None:
        """Apply the action of ``call.op`` (see :data:`~.._contract.ACTIONS`)."""
        properties = self.contract.resolve(self.schema or {}).get("properties", {})
        now = iso(call.store.now())
        for name, change in ACTIONS[call.op.action or ""].items():
            if name not in properties:
                continue
            if isinstance(change, tuple):
                enum = self.contract.resolve(properties[name]).get("enum") or change[:1]
                chosen = [v for v in enum if str(v).lower() in change]
                record.data[name] = chosen[0] if chosen else change[0]
            elif name.endswith("_at"):
                record.data[name] = now if change else None
            else:
                record.data[name] = change
        if "updated_at" in properties:
            record.data["updated_at"] = now


def _equal(value: Any, wanted: Any) -> bool:
    """A field's value against a filter's: any of a set, text compared without case."""
    options: Iterable[Any] = wanted if isinstance(wanted, set) else [wanted]
    for option in options:
        if isinstance(option, str) and isinstance(value, str):
            if option.lower() == value.lower() or canonical_uuid(option) == value:
                return True
        elif option == value:
            return True
    return False


def _under(record: Any, parents: dict[str, str]) -> bool:
    """Whether a record belongs to the parent records a path names."""
    own: dict[str, str] = getattr(record, "parents", {})
    return all(own.get(k) == v for k, v in parents.items())
