"""The generic half of the sandbox: every operation of the contract, parsed and answered.

For each operation of ``openapi/thredfi.yaml`` (classified by ``_contract``) the engine checks
the token and the business, reads the body in the media types the contract lists, finds the
record (404 ``<item>_not_found`` in the contract's error shape), checks the query parameters as
the contract types them, pages lists in the contract's envelope, replays creates by
``external_id`` (where the contract lists a 200 replay beside the 201: 200 with the existing
record) and by
``Idempotency-Key`` (where the operation declares the header: 200 with the first answer), and
wraps an answer where the contract says (``x-sdk-unwrap``). What happens to the records is the
resource's :class:`~.resource.Resource`: the default one, or its hook module in ``resources/``.

``Idempotency-Key``: the first request with a key is answered 201 and its answer kept; a request
with the same key and the same body (the same JSON, whatever its key order or encoding) is
answered 200 with that answer again, and records nothing. The same key with another body is
refused with 422 ``idempotency_key_reused`` (the IETF Idempotency-Key draft's answer; Stripe
answers 400): the caller reused a key by mistake, and neither body is recorded a second time.
Only successes are kept: a request refused as invalid may be corrected and sent again with its
key. Keys are per business.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._books import Books, sync
from .._contract import Contract, Operation, Schema
from .._store import IdempotentReply, Store
from .._validation import field_of
from . import resources
from .auth import authorize, bearer
from .bodies import body_of, json_body
from .filters import Filters
from .pagination import page_of
from .resource import Call, Resource, fill
from .responses import Denied, error, ok
from .routing import Endpoint

__all__ = ["Engine"]

_IDEMPOTENCY_KEY = "idempotency-key"


def _fingerprint(body: Any) -> str:
    """The same for the same JSON document, whatever its key order or encoding."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _label(param: str) -> str:
    """``payment_id`` -> ``payment`` (the error code's and message's word for the record)."""
    return param.removesuffix("_id")


class Engine:
    """Serves the contract's operations from a store (one per sandbox)."""

    def __init__(self, store: Store, contract: Contract, by_hand: Sequence[Endpoint]) -> None:
        self.store = store
        self.contract = contract
        self._by_hand = list(by_hand)
        served = {(e.method, e.path) for e in by_hand}
        self.operations = [op for op in contract.operations if (op.method, op.path) not in served]
        self.resources: dict[str, Resource] = {}
        for op in self.operations:
            if op.resource not in self.resources:
                rules = resources.RULES.get(op.resource, Resource)
                self.resources[op.resource] = rules(op.resource, contract, self._schema(op))

    def _schema(self, op: Operation) -> Schema | None:
        """A record's schema: as its get answers it, else its create, else its list."""
        mine = [o for o in self.operations if o.resource == op.resource]
        for kind in ("get", "create", "list", "update"):
            for other in mine:
                if other.kind == kind and (schema := self.contract.item_schema(other)):
                    return schema
        return None

    def endpoints(self) -> list[Endpoint]:
        """An endpoint per operation of the contract (those served by hand as given), static
        path segments first: routes are tried in order, and ``.../invoices/payments/`` must
        come before ``.../invoices/{invoice_id}/``."""
        handlers: dict[str, Callable[[Operation, Request], Awaitable[Response]]] = {
            "create": self._create,
            "list": self._list,
            "get": self._get,
            "update": self._update,
            "delete": self._delete,
            "action": self._action,
            "read": self._read,
        }
        out = list(self._by_hand)
        for op in self.operations:
            handler = handlers[op.kind]
            out.append(Endpoint(method=op.method, path=op.path, handler=_bound(handler, op)))
        return sorted(out, key=lambda e: [(s.startswith("{"), s) for s in e.path.split("/")])

    # -- the state, for the admin API and the facade

    def names(self) -> list[str]:
        """The resources' names, in the contract's order."""
        return [r.name for r in self.resources.values()]

    def state_of(self, name: str) -> dict[str, dict[str, Any]]:
        """Every record of a resource (by name or path) as the API answers it, by id."""
        for resource in self.resources.values():
            if name in (resource.name, resource.key):
                table = resource.table(self.store)
                return {r.id: resource.render(self.store, r) for r in table}
        raise KeyError(f"no resource {name!r} in the contract")

    def books(self, business_id: str) -> Books:
        """The business's books, posted up to date with its records: every resource with a
        posting rule says what each of its records means in them (``_books.sync``)."""
        documents = []
        for resource in self.resources.values():
            if type(resource).posting is Resource.posting:
                continue
            for record in resource.table(self.store).of(business_id):
                if (document := resource.posting(self.store, record)) is not None:
                    documents.append(document)
        return sync(self.store, business_id, documents)

    def _posted(self, call: Call) -> None:
        """After a write: its business's journal records it at once (dated now)."""
        if call.op.scope == "business":
            self.books(call.owner)

    # -- the steps every operation shares

    def _call(self, op: Operation, request: Request) -> Call:
        if op.scope == "business":
            owner = authorize(self.store, request)
            token = bearer(self.store, request)
        else:
            token = bearer(self.store, request)
            owner = token.partner_id
        call = Call(
            store=self.store,
            request=request,
            op=op,
            token=token,
            owner=owner,
            parents={},
            books=lambda: self.books(owner),
        )
        for param in op.parents:
            raw = request.path_params[param]
            parent_key = self._parent_resource(op, param)
            parent = self.resources[parent_key].find(call, raw) if parent_key else None
            if parent is None:
                raise self._not_found(request, param, raw)
            call.parents[param] = parent.id
        return call

    def _parent_resource(self, op: Operation, param: str) -> str | None:
        """The resource whose item parameter is ``param`` (``refund_id`` -> invoices/refunds)."""
        for other in self.operations:
            if other.item == param and other.scope == op.scope and not other.parents:
                return other.resource
        return None

    def _not_found(self, request: Request, param: str, raw: str) -> Denied:
        word = _label(param)
        message = f"{word.replace('_', ' ').capitalize()} not found."
        return Denied(
            error(self.store.settings, request, 404, f"{word}_not_found", message, {param: raw})
        )

    def _record(self, call: Call) -> Any:
        assert call.op.item is not None
        raw = call.request.path_params[call.op.item]
        record = self.resources[call.op.resource].find(call, raw)
        if record is None:
            raise self._not_found(call.request, call.op.item, raw)
        call.record = record
        return record

    async def _body(self, call: Call) -> Any:
        op = call.op
        if op.request is None:
            return None
        call.body_sent = bool((await call.request.body()).strip())
        if set(op.request_media) <= {"application/json"}:
            return await json_body(self.store.settings, call.request)
        return await body_of(self.store.settings, call.request, field_of(op.request))

    def _answer(self, call: Call, record: Any, status: int) -> Response:
        """The record as ``call.op`` answers it: wrapped where the contract says; in the
        operation's own schema where it is not the resource's (e.g. a cancel's receipt)."""
        resource = self.resources[call.op.resource]
        shown = resource.render(self.store, record)
        resource.answer(call, record, shown, status)
        schema = self.contract.item_schema(call.op)
        if schema is not None and resource.schema is not None and schema != resource.schema:
            ids = {call.op.item or "id": record.id} if call.op.item else {}
            shown = fill(self.contract, schema, shown, ids, self.store.now())
        return ok({call.op.unwrap: shown} if call.op.unwrap else shown, status)

    # -- the operations

    async def _create(self, op: Operation, request: Request) -> Response:
        call = self._call(op, request)
        resource = self.resources[op.resource]
        body = await self._body(call)
        cleaned, errors = resource.clean(call, body)
        key: str | None = None
        if any(h.lower() == _IDEMPOTENCY_KEY for h in op.headers):
            key = request.headers.get(_IDEMPOTENCY_KEY)
            if key is not None and not key.strip():
                errors["Idempotency-Key"] = ["This header may not be blank."]
                key = None
        async with self.store.lock:
            if key is not None and (replay := self.store.idempotency.get((call.owner, key))):
                if replay.fingerprint != _fingerprint(body):
                    raise call.deny(
                        422,
                        "idempotency_key_reused",
                        "This Idempotency-Key was used with another request body.",
                        {"idempotency_key": key},
                    )
                return Response(replay.body, 200, media_type="application/json")
            if errors:
                raise call.invalid(errors)
            external_id = cleaned.get("external_id")
            if op.replays and isinstance(external_id, str) and external_id:
                existing = resource.by_external_id(call, external_id)
                if existing is not None:
                    return self._answer(call, existing, 200)
            record = resource.create(call, cleaned)
            self._posted(call)
            answer = self._answer(call, record, op.status)
            if key is not None:
                self.store.idempotency[(call.owner, key)] = IdempotentReply(
                    fingerprint=_fingerprint(body), body=bytes(answer.body)
                )
            return answer

    async def _list(self, op: Operation, request: Request) -> Response:
        call = self._call(op, request)
        resource = self.resources[op.resource]
        query = Filters(self.store.settings, request)
        params = {
            name: query.typed(name, schema, explode=explode)
            for name, (schema, explode) in op.query.items()
            if name not in ("page", "page_size")
        }
        query.check()
        keep = resource.matches(call, params)
        found = resource.order(call, params, [r for r in resource.records(call) if keep(r)])

        def render(record: Any) -> dict[str, Any]:
            return resource.render(self.store, record, listing=True)

        return ok(page_of(self.store.settings, request, found, render))

    async def _get(self, op: Operation, request: Request) -> Response:
        call = self._call(op, request)
        return self._answer(call, self._record(call), op.status)

    async def _update(self, op: Operation, request: Request) -> Response:
        return await self._change(op, request, self.resources[op.resource].update)

    async def _delete(self, op: Operation, request: Request) -> Response:
        call = self._call(op, request)
        record = self._record(call)
        async with self.store.lock:
            self.resources[op.resource].delete(call, record)
            self._posted(call)
        if op.status == 204:
            return Response(status_code=204)
        return self._answer(call, record, op.status)

    async def _action(self, op: Operation, request: Request) -> Response:
        return await self._change(op, request, self.resources[op.resource].act)

    async def _change(
        self, op: Operation, request: Request, apply: Callable[[Call, Any, dict[str, Any]], Any]
    ) -> Response:
        """An update or an action on one record: its body checked, then applied and posted."""
        call = self._call(op, request)
        body = await self._body(call)
        record = self._record(call)
        cleaned, errors = self.resources[op.resource].clean(call, body)
        if errors:
            raise call.invalid(errors)
        async with self.store.lock:
            apply(call, record, cleaned)
            self._posted(call)
            return self._answer(call, record, op.status)

    async def _read(self, op: Operation, request: Request) -> Response:
        """A GET that is no list nor record (a report, a summary): the resource computes it."""
        call = self._call(op, request)
        query = Filters(self.store.settings, request)
        params = {name: query.typed(name, s, explode=e) for name, (s, e) in op.query.items()}
        query.check()
        answer = self.resources[op.resource].read(call, params)
        if answer is None:
            request.state.off_contract = "an operation the engine has no rules for"
            message = f"The sandbox does not serve {op.operation_id} yet."
            return error(self.store.settings, request, 501, "not_implemented", message)
        return ok(answer, op.status)


def _bound(
    handler: Callable[[Operation, Request], Awaitable[Response]], op: Operation
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await handler(op, request)

    return endpoint
