"""The admin API under ``/__sandbox__/``: inspect and steer a running sandbox over HTTP.

The same controls as the :class:`~thredfi_client.testing.Sandbox` methods, for tests written in
another language or driving a served sandbox: identities and settings, state, reset, faults, the
request log, token revocation, new businesses, the clock. Never authenticated: the sandbox only
listens on loopback.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ._api.engine import Engine
from ._api.responses import ok
from ._api.routing import Endpoint
from ._asgi import ADMIN_PREFIX
from ._faults import Fault, FaultBook
from ._request_log import PathMatch, RequestLog
from ._store import PartnerCredentials, Store, iso

__all__ = ["admin_endpoints", "fault_from_json"]

AddFault = Callable[..., Fault]

_FAULT_FIELDS = frozenset(
    {
        "path",
        "path_regex",
        "method",
        "action",
        "times",
        "status",
        "body",
        "body_base64",
        "content_type",
        "headers",
        "retry_after",
        "delay",
        "after_processing",
        "raw",
        "raw_base64",
    }
)


def fault_from_json(add_fault: AddFault, body: dict[str, Any]) -> Fault:
    """Add a fault from the admin API's JSON: ``add_fault``'s arguments, plus ``path_regex``
    (instead of ``path``), ``body_base64``/``raw_base64`` for bytes, and ``raw`` as text whose
    characters are the bytes 0-255 (latin-1). Raises ``ValueError``/``TypeError`` naming the
    problem."""
    unknown = sorted(set(body) - _FAULT_FIELDS)
    if unknown:
        hint = " ('count' is now 'times')" if "count" in unknown else ""
        raise ValueError(f"unknown fault field(s): {', '.join(unknown)}{hint}")
    if ("path" in body) == ("path_regex" in body):
        raise ValueError("give exactly one of 'path' (a prefix) and 'path_regex'")
    path: PathMatch = re.compile(str(body["path_regex"])) if "path_regex" in body else body["path"]
    options = {k: v for k, v in body.items() if k not in ("path", "path_regex", "action")}
    for name in ("body", "raw"):
        encoded = options.pop(f"{name}_base64", None)
        if encoded is not None:
            if name in options:
                raise ValueError(f"give at most one of '{name}' and '{name}_base64'")
            options[name] = base64.b64decode(encoded, validate=True)
    if isinstance(options.get("raw"), str):
        options["raw"] = options["raw"].encode("latin-1")
    if isinstance(options.get("delay"), list):
        options["delay"] = tuple(options["delay"])
    if isinstance(options.get("headers"), list):
        options["headers"] = [tuple(pair) for pair in options["headers"]]
    return add_fault(path, action=body.get("action", "respond"), **options)


async def _json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    body = json.loads(raw)
    return body if isinstance(body, dict) else {}


def admin_endpoints(
    store: Store,
    engine: Engine,
    faults: FaultBook,
    requests: RequestLog,
    *,
    identity: PartnerCredentials,
    business_id: str,
    add_fault: AddFault,
    reset: Callable[[], None],
) -> list[Endpoint]:
    """The admin operations, acting on the given pieces of one sandbox."""

    async def info(request: Request) -> Response:
        return ok(
            {
                "partner_id": identity.partner_id,
                "api_key": identity.api_key,
                "business_id": business_id,
                "business_ids": list(store.businesses),
                "now": iso(store.now()),
                "config": store.settings.as_dict(),
            }
        )

    async def config(request: Request) -> Response:
        try:
            store.settings.update(**await _json(request))
        except (ValueError, TypeError) as exc:
            return ok({"error": str(exc)}, 400)
        return await info(request)

    async def state(request: Request) -> Response:
        return ok({name: list(engine.state_of(name).values()) for name in engine.names()})

    async def do_reset(request: Request) -> Response:
        reset()
        return ok({"reset": True})

    async def list_faults(request: Request) -> Response:
        return ok([f.describe() for f in faults.active()])

    async def clear_faults(request: Request) -> Response:
        faults.clear()
        return ok([])

    async def post_fault(request: Request) -> Response:
        try:
            fault = fault_from_json(add_fault, await _json(request))
        except (ValueError, TypeError, re.error, binascii.Error) as exc:
            return ok({"error": str(exc)}, 400)
        return ok(fault.describe(), 201)

    async def remove_fault(request: Request) -> Response:
        removed = faults.remove(int(request.path_params["fault_id"]))
        return ok({"removed": removed}, 200 if removed else 404)

    async def request_log(request: Request) -> Response:
        if request.method == "DELETE":
            requests.clear()
        return ok(
            {
                "counts": requests.counts(),
                "requests": [
                    {
                        "method": r.method,
                        "path": r.path,
                        "request_id": r.request_id,
                        "fault": r.fault,
                        "status": r.status,
                    }
                    for r in requests.records()
                ],
            }
        )

    async def revoke(request: Request) -> Response:
        return ok({"revoked": store.revoke_tokens((await _json(request)).get("token"))})

    async def new_business(request: Request) -> Response:
        return ok({"business_id": store.add_business(identity.partner_id)}, 201)

    async def clock(request: Request) -> Response:
        store.advance_clock(float((await _json(request)).get("advance", 0)))
        return ok({"now": iso(store.now())})

    a = ADMIN_PREFIX
    table: list[tuple[str, str, Callable[[Request], Any]]] = [
        ("GET", f"{a}/", info),
        ("PATCH", f"{a}/config", config),
        ("POST", f"{a}/config", config),
        ("GET", f"{a}/state", state),
        ("POST", f"{a}/reset", do_reset),
        ("GET", f"{a}/faults", list_faults),
        ("POST", f"{a}/faults", post_fault),
        ("DELETE", f"{a}/faults", clear_faults),
        ("DELETE", f"{a}/faults/{{fault_id:int}}", remove_fault),
        ("GET", f"{a}/requests", request_log),
        ("DELETE", f"{a}/requests", request_log),
        ("POST", f"{a}/tokens/revoke", revoke),
        ("POST", f"{a}/businesses", new_business),
        ("POST", f"{a}/clock", clock),
    ]
    return [Endpoint(method=m, path=p, handler=h) for m, p, h in table]
