"""The contract the sandbox serves: ``openapi/thredfi.yaml``, read once, as operations.

Each operation of the contract is classified by its method and path, as moto reads a service
from its published spec: under ``/businesses/{business_id}/`` a resource belongs to a business,
above it (``/businesses/`` itself) to a partner. The static segments after that name the
resource (``invoices/payments``); a path parameter after them is the item, one before them a
parent (``invoices/refunds/{refund_id}/payments/``); a last segment listed in :data:`ACTIONS`
after an item is an action on it. Nothing here knows HTTP or the sandbox's state.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

__all__ = [
    "ACTIONS",
    "Contract",
    "Operation",
    "Schema",
    "contract",
    "contract_path",
]

Kind = Literal["create", "list", "get", "update", "delete", "action", "read"]
Scope = Literal["business", "partner"]
Schema = dict[str, Any]

#: The action sub-paths the engine knows (``POST .../{id}/<action>/``), with the state each one
#: leads to: the first value of a field's enum that matches (case-insensitive) is set, and the
#: timestamps named are set to now (True) or cleared (False). Hooks add the rules on top.
ACTIONS: dict[str, dict[str, Any]] = {
    "archive": {"status": ("archived",), "archived_at": True, "is_archived": True},
    "unarchive": {"status": ("active",), "archived_at": False, "is_archived": False},
    "void": {"status": ("cancelled", "voided", "void"), "voided_at": True},
    # The vendor's POST .../delete/ cancels (a payment) rather than erasing it.
    "delete": {"status": ("cancelled", "canceled", "deleted"), "cancelled_at": True},
}

_PARAM = re.compile(r"^\{([^}]+)\}$")
_PREFIX = "/v1/platform/"


def contract_path() -> Path:
    """Where the contract is: next to this module in a wheel, else the source tree's."""
    packaged = Path(__file__).with_name("thredfi.yaml")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "openapi" / "thredfi.yaml"


@dataclass(frozen=True, kw_only=True)
class Operation:
    """One operation of the contract, as the engine serves it.

    Attributes:
        method: Upper-case HTTP method.
        path: The contract's path template (Starlette reads the same ``{name}`` syntax).
        operation_id: The vendor's operationId.
        kind: What it does to its resource.
        scope: Whose records it sees: a business's (``business_id`` in the path) or a partner's.
        resource: The resource's static segments, e.g. ``invoices/payments``.
        item: The path parameter naming one record (``payment_id``), if any.
        parents: Path parameters between the scope and the resource (a parent record each).
        action: The action sub-path (``void``), for ``kind == "action"``.
        request: The request body's schema (refs resolved at the top), or None.
        request_name: The request schema's component name, or None.
        request_media: The media types the request body may come in.
        request_required: Whether the body is required.
        status: The first success status the contract lists.
        replays: A create that lists 200 (a replay) besides 201: it replays an ``external_id``.
        response: The success response's schema (refs resolved at the top), or None.
        unwrap: ``x-sdk-unwrap``: the property the resource is wrapped in, if any.
        query: Query parameters by name (their schemas, refs resolved) with ``explode`` flags.
        headers: Header parameter names.
    """

    method: str
    path: str
    operation_id: str
    kind: Kind
    scope: Scope
    resource: str
    item: str | None
    parents: tuple[str, ...]
    action: str | None
    request: Schema | None
    request_name: str | None
    request_media: tuple[str, ...]
    request_required: bool
    status: int
    replays: bool
    response: Schema | None
    unwrap: str | None
    query: dict[str, tuple[Schema, bool]] = field(default_factory=dict)
    headers: tuple[str, ...] = ()


class Contract:
    """The parsed contract: its schemas, and its operations classified."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, Schema] = spec.get("components", {}).get("schemas", {})
        self._parameters: dict[str, Schema] = spec.get("components", {}).get("parameters", {})
        self.operations = [
            op
            for path, item in spec.get("paths", {}).items()
            for method, raw in item.items()
            if method in ("get", "post", "put", "patch", "delete")
            if (op := self._operation(path, method.upper(), raw, item)) is not None
        ]

    def resolve(self, schema: Schema) -> Schema:
        """The schema a ``$ref`` (or a one-entry ``allOf``) points at; others as they are."""
        ref = schema.get("$ref")
        if ref is None and len(schema.get("allOf", [])) == 1:
            ref = schema["allOf"][0].get("$ref")
        if ref is None:
            return schema
        return self.resolve(self.schemas[ref.rsplit("/", 1)[1]])

    @staticmethod
    def ref_name(schema: Schema | None) -> str | None:
        """The component name a schema refers to, if it is a reference."""
        if not schema:
            return None
        ref = schema.get("$ref")
        if ref is None and len(schema.get("allOf", [])) == 1:
            ref = schema["allOf"][0].get("$ref")
        return ref.rsplit("/", 1)[1] if isinstance(ref, str) else None

    def _parameter(self, raw: Schema) -> Schema:
        ref = raw.get("$ref")
        return self._parameters[ref.rsplit("/", 1)[1]] if ref else raw

    def _operation(
        self, path: str, method: str, raw: dict[str, Any], item: dict[str, Any]
    ) -> Operation | None:
        if not path.startswith(_PREFIX):
            return None
        segments = [s for s in path[len(_PREFIX) :].split("/") if s]
        scope: Scope = "partner"
        if segments[:2] == ["businesses", "{business_id}"] and len(segments) > 2:
            scope, segments = "business", segments[2:]
        names = [m.group(1) if (m := _PARAM.match(s)) else None for s in segments]
        if names and names[0] is not None:
            return None  # e.g. /{business_id}/oauth2/token/: not a resource
        action = None
        if method == "POST" and len(segments) > 1 and segments[-1] in ACTIONS and names[-2]:
            action, segments, names = segments[-1], segments[:-1], names[:-1]
        item_param = names[-1]
        last_static = max(i for i, n in enumerate(names) if n is None)
        parents = tuple(n for n in names[:last_static] if n is not None)
        resource = "/".join(s for s, n in zip(segments, names, strict=True) if n is None)
        kind: Kind
        if action is not None:
            kind = "action"
        elif item_param is not None:
            kind = {"GET": "get", "PUT": "update", "PATCH": "update", "DELETE": "delete"}.get(
                method, "read"
            )  # type: ignore[assignment]
        elif method == "POST":
            kind = "create"
        else:
            kind = "list" if method == "GET" else "read"
        status, response, unwrap = self._success(raw)
        if kind == "list" and "results" not in (response or {}).get("properties", {}):
            kind = "read"
        body = raw.get("requestBody") or {}
        content = body.get("content", {})
        media = tuple(content)
        body_schema = _first_schema(content)
        declared = [*item.get("parameters", []), *raw.get("parameters", [])]
        parameters = [self._parameter(p) for p in declared]
        return Operation(
            method=method,
            path=path,
            operation_id=raw.get("operationId", f"{method} {path}"),
            kind=kind,
            scope=scope,
            resource=resource,
            item=item_param,
            parents=parents,
            action=action,
            request=self.resolve(body_schema) if body_schema else None,
            request_name=self.ref_name(body_schema),
            request_media=media,
            request_required=bool(body.get("required", False)),
            status=status,
            replays={"200", "201"} <= {str(code) for code in raw.get("responses", {})},
            response=response,
            unwrap=unwrap,
            query={
                p["name"]: (self._query_schema(p.get("schema", {})), p.get("explode", True))
                for p in parameters
                if p.get("in") == "query"
            },
            headers=tuple(p["name"] for p in parameters if p.get("in") == "header"),
        )

    def _query_schema(self, schema: Schema) -> Schema:
        resolved = self.resolve(schema)
        if "items" in resolved:
            return {**resolved, "items": self.resolve(resolved["items"])}
        return resolved

    def _success(self, raw: dict[str, Any]) -> tuple[int, Schema | None, str | None]:
        # In the order listed: a create lists 201 (created) before 200 (a replay).
        codes = [int(c) for c in raw.get("responses", {}) if str(c).startswith("2")]
        status = codes[0] if codes else 200
        answer = raw.get("responses", {}).get(str(status), {})
        content = answer.get("content", {})
        schema = _first_schema(content)
        return status, self.resolve(schema) if schema else None, answer.get("x-sdk-unwrap")

    def item_schema(self, op: Operation) -> Schema | None:
        """The schema of one record of ``op``'s resource, as ``op`` answers it."""
        schema = op.response
        if schema is None:
            return None
        if op.kind == "list":
            return self.resolve(schema["properties"]["results"].get("items", {}))
        if op.unwrap:
            return self.resolve(schema.get("properties", {}).get(op.unwrap, {}))
        return schema


def _first_schema(content: dict[str, Any]) -> Schema | None:
    """The schema of the first media type listed (the vendor gives all of them one schema)."""
    for media in content.values():
        schema: Schema | None = media.get("schema")
        return schema
    return None


@functools.cache
def contract(path: Path | None = None) -> Contract:
    """The contract at ``path`` (default: :func:`contract_path`), parsed once per process."""
    source = path or contract_path()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return Contract(yaml.load(source.read_text(encoding="utf-8"), Loader=loader))  # noqa: S506
