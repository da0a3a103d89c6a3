"""Plausible, schema-valid arguments for every operation, built from ``openapi/thredfi.yaml``.

Nothing here is written per operation: a new operation in the spec gets arguments from its
parameters and request-body schema, so the contract tests cover it without edits.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cache
from typing import Any

import attrs
import yaml

from .conftest import SPEC

_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
#: Fixed values per string format; SDK models take Python objects for dates.
_DATETIME = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)
_DATE = datetime.date(2024, 5, 6)
_FORMATS: dict[str, Any] = {
    "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "email": "ada@example.com",
    "uri": "https://example.com/document.pdf",
}


@cache
def spec() -> dict[str, Any]:
    with SPEC.open() as file:
        loaded: dict[str, Any] = yaml.safe_load(file)
    return loaded


@attrs.frozen
class SpecOperation:
    """One operation as the spec describes it."""

    operation_id: str
    method: str
    path: str
    #: Path parameter name -> schema.
    path_params: dict[str, dict[str, Any]]
    #: Query parameter name -> schema.
    query_params: dict[str, dict[str, Any]]
    #: (media type, schema) of the request body, or None.
    body: tuple[str, dict[str, Any]] | None


def resolve(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s until a schema without one remains."""
    current = dict(schema)
    for _ in range(20):
        ref = current.get("$ref")
        if not isinstance(ref, str):
            return current
        node: Any = spec()
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        current = dict(node)
    raise ValueError(f"$ref chain too deep at {schema!r}")


@cache
def spec_operations() -> dict[str, SpecOperation]:
    """Every operation of the spec, by ``operationId``."""
    found: dict[str, SpecOperation] = {}
    for path, item in spec()["paths"].items():
        shared = item.get("parameters", [])
        for method in _HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            params = [resolve(p) for p in [*shared, *operation.get("parameters", [])]]
            body = None
            if "requestBody" in operation:
                content = resolve(operation["requestBody"])["content"]
                media_type = next(iter(content))
                body = (media_type, resolve(content[media_type]["schema"]))
            found[operation["operationId"]] = SpecOperation(
                operation_id=operation["operationId"],
                method=method.upper(),
                path=path,
                path_params={p["name"]: p["schema"] for p in params if p["in"] == "path"},
                query_params={p["name"]: p["schema"] for p in params if p["in"] == "query"},
                body=body,
            )
    return found


def example(schema: Mapping[str, Any], *, python: bool, depth: int = 0) -> Any:
    """A value valid against ``schema``: every property filled, arrays of two items.

    With ``python=True`` dates are ``datetime`` objects (what the SDK's models take); otherwise
    they are ISO strings (what goes on the wire).
    """
    schema = resolve(schema)
    if depth > 8:
        raise ValueError("schema nests too deeply for an example")
    for combinator in ("allOf", "anyOf", "oneOf"):
        if combinator in schema:
            # Every allOf in this spec wraps one $ref; for any/oneOf the first alternative does.
            return example(schema[combinator][0], python=python, depth=depth + 1)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {
            name: example(sub, python=python, depth=depth + 1)
            for name, sub in schema.get("properties", {}).items()
            if not resolve(sub).get("readOnly")
        }
    if kind == "array":
        count = max(2, int(schema.get("minItems", 0)))
        return [example(schema.get("items", {}), python=python, depth=depth + 1)] * count
    if kind == "string":
        return _string(schema, python=python)
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1) if "maximum" not in schema else 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    # Untyped ("any value") schemas: an object exercises nested serialisation.
    return {"note": "contract test"}


def _string(schema: Mapping[str, Any], *, python: bool) -> Any:
    fmt = schema.get("format")
    if fmt == "date-time":
        return _DATETIME if python else _DATETIME.isoformat()
    if fmt == "date":
        return _DATE if python else _DATE.isoformat()
    if fmt in _FORMATS:
        return _FORMATS[fmt]
    value = "example"
    value = value.ljust(int(schema.get("minLength", 0)), "x")
    return value[: int(schema.get("maxLength", len(value)))]


def path_arguments(operation: SpecOperation) -> dict[str, Any]:
    return {name: example(schema, python=True) for name, schema in operation.path_params.items()}


def query_arguments(operation: SpecOperation) -> dict[str, Any]:
    """Every query parameter (lists of two items, enums' first value, dates as objects)."""
    return {name: example(schema, python=True) for name, schema in operation.query_params.items()}


def broken_body(schema: Mapping[str, Any], valid: Mapping[str, Any]) -> dict[str, Any]:
    """``valid`` made invalid: a required property dropped, else one property of a wrong type."""
    schema = resolve(schema)
    body = dict(valid)
    required = schema.get("required", [])
    if required:
        del body[required[0]]
        return body
    for name, sub in schema.get("properties", {}).items():
        kind = resolve(sub).get("type")
        if kind in ("string", "array", "object", "boolean"):
            body[name] = 12345
            return body
        if kind in ("integer", "number"):
            body[name] = "not a number"
            return body
    raise ValueError("no way to break this body: it has no typed or required property")
