"""The schema constraints of each field and parameter, read from the contract for the templates.

The SDK refuses input the contract forbids before sending it (``thredfi_client._operation``
checks). What the contract says about each field is data that varies per model and operation, so
it is generated: ``model.py.jinja`` writes a ``FIELD_CONSTRAINTS`` table into every model module
and ``endpoint_module.py.jinja`` a ``param_checks`` table into every ``Operation``, both built
here from the generator's view of the contract. A constraint added to ``openapi/`` is enforced
after ``./codegen.sh`` with no hand edits.

Read: ``minimum``/``maximum`` and ``exclusiveMinimum``/``exclusiveMaximum`` (OpenAPI 3.0's
boolean form and 3.1's number form), ``multipleOf``, ``minLength``/``maxLength``, ``pattern``,
``minItems``/``maxItems``/``uniqueItems`` and the constraints of a list's items, through
``$ref`` and ``allOf``; every ``integer`` gets the range of its ``format`` (``int32``, else
``int64``: the server's integers are 64-bit). Alternatives of ``anyOf``/``oneOf`` are not
merged (a value may satisfy either), and nested objects carry their own table. A ``pattern``
Python cannot compile fails codegen, naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: JSON Schema keyword -> key in the generated table (thredfi_client._operation.FieldConstraints).
_SAME_NAMED = {
    "multipleOf": "multiple_of",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "minItems": "min_items",
    "maxItems": "max_items",
    "uniqueItems": "unique_items",
}
#: Keys whose stricter value is the larger (lower bounds) or the smaller (upper bounds).
_LOWER = ("minimum", "exclusive_minimum", "min_length", "min_items")
_UPPER = ("maximum", "exclusive_maximum", "max_length", "max_items")


class ConstraintError(ValueError):
    """A constraint of the contract that the SDK cannot check as written (names the field)."""


def resolve(schema: Any, spec: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` as a plain dict, following local ``$ref``s (a dangling one is an empty schema;
    prepare_spec has already reported it)."""
    seen: set[str] = set()
    while True:
        if hasattr(schema, "model_dump"):  # the generator's parsed Schema/Reference objects
            schema = schema.model_dump(mode="json", by_alias=True, exclude_none=True)
        if not isinstance(schema, Mapping):
            return {}
        ref = schema.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
            return dict(schema)
        seen.add(ref)
        node: Any = spec
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node.get(part) if isinstance(node, Mapping) else None
        schema = node


def _number(value: Any) -> Any:
    """A bound as written: the generator's parsed schema holds ``minimum: 0`` as ``0.0``."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def constraints_of(schema: Any, spec: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The table entry of one field or parameter schema (``{}`` when it has no constraint)."""
    schema = resolve(schema, spec)
    found: dict[str, Any] = {}
    for member in schema.get("allOf") or []:
        _merge(found, constraints_of(member, spec, where), where)
    own: dict[str, Any] = {}
    kind = schema.get("type")
    if kind == "integer" or (isinstance(kind, list) and "integer" in kind):
        own["int_format"] = "int32" if schema.get("format") == "int32" else "int64"
    for bound, exclusive, key in (
        ("minimum", "exclusiveMinimum", "minimum"),
        ("maximum", "exclusiveMaximum", "maximum"),
    ):
        value = schema.get(bound)
        flag = schema.get(exclusive)
        if isinstance(flag, bool):  # OpenAPI 3.0: a flag on the bound
            if value is not None:
                own[f"exclusive_{key}" if flag else key] = _number(value)
        else:
            if value is not None:
                own[key] = _number(value)
            if flag is not None:  # OpenAPI 3.1 / JSON Schema: the bound itself
                own[f"exclusive_{key}"] = _number(flag)
    for keyword, key in _SAME_NAMED.items():
        if schema.get(keyword) is not None and schema.get(keyword) is not False:
            own[key] = _number(schema[keyword])
    if "pattern" in own:
        try:
            re.compile(own["pattern"], re.ASCII)
        except re.error as exc:
            raise ConstraintError(
                f"{where}: its pattern {own['pattern']!r} is not a regular expression "
                f"Python can check ({exc})"
            ) from None
    if "items" in schema:
        items = constraints_of(schema["items"], spec, f"{where}[]")
        if items:
            own["items"] = items
    _merge(found, own, where)
    return found


def _merge(into: dict[str, Any], more: Mapping[str, Any], where: str) -> None:
    """Both sets apply (``allOf``): keep the stricter bound; two patterns cannot be merged."""
    for key, value in more.items():
        if key not in into:
            into[key] = value
        elif key in _LOWER:
            into[key] = max(into[key], value)
        elif key in _UPPER:
            into[key] = min(into[key], value)
        elif key == "items":
            _merge(into[key], value, f"{where}[]")
        elif key == "int_format":
            into[key] = "int32" if "int32" in (into[key], value) else "int64"
        elif key == "unique_items":
            into[key] = into[key] or value
        elif into[key] != value:
            raise ConstraintError(
                f"{where}: allOf gives two different {key} values ({into[key]!r} and "
                f"{value!r}); the SDK checks one"
            )


def model_constraints(model: Any, spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A model's ``FIELD_CONSTRAINTS``: Python field name -> constraints, fields in model order."""
    data = resolve(model.data, spec)
    schemas = dict(data.get("properties") or {})
    for member in data.get("allOf") or []:  # properties merged in from allOf members
        schemas.update(resolve(member, spec).get("properties") or {})
    table: dict[str, dict[str, Any]] = {}
    for prop in [*model.required_properties, *model.optional_properties]:
        wire = _untrusted(prop.name)
        if wire not in schemas:
            continue
        found = constraints_of(schemas[wire], spec, f"{model.class_info.name}.{wire}")
        if found:
            table[str(prop.python_name)] = found
    return table


def param_constraints(
    endpoint: Any, param: Any, location: str, spec: Mapping[str, Any]
) -> dict[str, Any]:
    """The constraints of one parameter of ``endpoint`` (found in the contract by name and
    location, the operation's own entry before the path's)."""
    path = _untrusted(endpoint.path)
    item = resolve((spec.get("paths") or {}).get(path), spec)
    operation = resolve(item.get(str(endpoint.method).lower()), spec)
    wire = _untrusted(param.name)
    for entry in [*(operation.get("parameters") or []), *(item.get("parameters") or [])]:
        entry = resolve(entry, spec)
        if entry.get("in") == location and entry.get("name") == wire:
            return constraints_of(entry.get("schema"), spec, f"{endpoint.name} {location} {wire}")
    return {}


def _untrusted(value: Any) -> str:
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter else value)
