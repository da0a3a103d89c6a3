"""The generator's view of the contract: what openapi-python-client is given, and why.

``openapi/thredfi.yaml`` (the contract) stays as the vendor wrote it plus our corrections: the
sandbox and the contract tests use it. The generator gets a copy reshaped by the rules below,
each the same for every operation, so that nothing per operation is decided in a template:

- **Skips**: operations listed in ``codegen/skipped.yaml`` are left out (codegen prints them).
- **Names** (``codegen/names.py``): each operation is tagged with its public resource and gets an
  operationId made from its public name (``customers_create``), and each schema is renamed to
  its public model name. Generated module and class names then follow our names only.
- **One content type per body**: JSON when the operation offers it, else the single type it
  offers, else what ``x-sdk-content-type`` on the operation says (the token endpoint sends form
  because the overlay keeps only form there). Anything else fails, naming the operation.
- **Headers**: a header parameter named ``Authorization``, ``Proxy-Authorization`` or ``Cookie``
  never becomes an argument (credentials travel only through ``ThredfiAuth``; OpenAPI itself
  ignores ``Authorization``, ``Accept`` and ``Content-Type`` parameters); cookie parameters fail.
- **Defaults of parameters**: the ``default`` of an optional parameter's schema is the API's to
  apply. The generator gets the parameter without it, so an argument not passed is not sent
  (the API then applies its default) and no enum model is needed to import an operation.
- **Query parameters**: ``style: form`` only (OpenAPI's default); an array with ``explode:
  false`` is sent as one comma-separated value (the operation lists them in
  ``comma_separated``), any other array as the parameter repeated. Another style fails, naming
  the operation and the parameter.
- **Lists**: an operation that pages is a ``GET`` with ``page`` and ``page_size`` query
  parameters whose success response is an object with a ``results`` array. It is generated
  with auto-pagination (``paginated``), whatever its name or resource: one rule, no list of
  operations.
- **Wrapped responses**: a success response marked ``x-sdk-unwrap: <property>`` (in the
  overlay) is an envelope; the call returns that property of it. The generator is given the
  property's schema as the response, and the operation's ``unwrap`` names the property. Every
  success response of the operation must be marked alike, and the property must be a required
  one of an object, or codegen fails naming the operation.
- **One object, or a one-element array around it**: a success response whose JSON schema is
  ``oneOf: [S, {type: array, items: S}]`` (either order; set in the overlay where the vendor
  documents both shapes) is given to the generator as ``S``, and the operation's
  ``sole_item`` is true: the SDK takes the one item out of an array before parsing
  (``_operation.sole_item``), so the call returns one ``S`` whichever shape arrives. Every
  success response with a body must then have that shape, or codegen fails naming the
  operation. This runs before ``x-sdk-unwrap``, so both may apply, the array outside.
- **Credentials**: a header parameter that carries one (named by an ``apiKey`` security scheme,
  or called like ``X-Api-Key``, ``X-Auth-Token``, ``...-Secret``) is never an argument either:
  dropped with a note when optional, a failure when required (the SDK could not send the call).
  ``x-sdk-not-secret: true`` on the parameter (in the overlay) says a name only looks like one.
  An operation whose ``security`` asks for something ThredfiAuth does not send (it sends a
  bearer token, and HTTP Basic only to the partner token endpoint) fails, naming it.
- **Token scope**: which token the SDK sends, from the operation's ``security`` (its own, else
  the document's). Each bearer scheme says which token it is with ``x-token-scope: partner``
  or ``business`` (set in the overlay: the vendor says it in prose). An operation whose
  bearer alternatives are all partner schemes is sent with the partner token whatever the
  client's ``token_scope`` (``token_scope`` on its ``Operation``: ``"partner"``); all business
  schemes, with a token of the business in its path (``"business"``; its path must then be
  under ``/v1/platform/businesses/{...}/`` or codegen fails, naming it); both kinds, a scheme
  without ``x-token-scope``, or no credentials at all, as the client's ``token_scope`` says
  (``None``).
- **Success**: an operation must document a 2xx response (``2XX`` counts), or the SDK could not
  tell success from failure.
- **Enums**: two values the generator would give one member name (``in-progress`` and
  ``In Progress``: it would keep one silently) fail, naming the enum; ``x-enum-varnames``
  names the members.
- **References**: every ``$ref`` must resolve; a dangling one fails, naming the operation.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from codegen.names import (
    HTTP_METHODS,
    Names,
    NamesError,
    PublicName,
    check_against,
    operations_of,
    suggested_name,
)

#: Header parameters that are never generated (case-insensitive), with why.
DROPPED_HEADERS = {
    "authorization": "credentials travel only through ThredfiAuth",
    "proxy-authorization": "credentials travel only through ThredfiAuth",
    "cookie": "credentials travel only through ThredfiAuth",
    "accept": "OpenAPI ignores it; the client sends Accept itself",
    "content-type": "OpenAPI ignores it; the body's content type is sent",
}
JSON_TYPES = ("application/json",)
#: Header names that carry a credential (lower case, matched on words split by ``-``/``_``).
CREDENTIAL_HEADER = re.compile(
    r"(?:^|[-_])(?:api[-_]?key|access[-_]?key|secret|password|passwd|token|auth|"
    r"credentials?|session|signature|bearer)(?:[-_]|$)"
)
#: The only operation ThredfiAuth sends HTTP Basic credentials to (``_auth/_flow.py``).
BASIC_AUTH_OPERATION = ("post", "/v1/platform/oauth2/token/")
#: The query parameters of a list operation that pages (see the module docstring).
PAGE_PARAMETERS = ("page", "page_size")
#: The array property of a page's body holding its items.
PAGE_ITEMS = "results"


class PrepareError(NamesError):
    """The contract cannot be generated as it is; one message per problem."""


@dataclass(frozen=True, slots=True)
class OperationFacts:
    """What the templates and checks need to know about one operation, beyond the generator's."""

    vendor_id: str
    internal_id: str
    resource: str
    method: str
    http_method: str
    path: str
    idempotent: bool
    content_type: str | None
    #: A list operation: generated with auto-pagination (the ``Lists`` rule above).
    paginated: bool = False
    #: The property of the success body the call returns (``x-sdk-unwrap``), or None.
    unwrap: str | None = None
    #: Query parameters (wire names) sent as one comma-separated value (``explode: false``).
    comma_separated: tuple[str, ...] = ()
    #: Whether the success body may be one object or a one-element array around it (the
    #: ``One object, or a one-element array`` rule above).
    sole_item: bool = False
    #: The token it is sent with, whatever the client's ``token_scope`` (the ``Token scope``
    #: rule above): ``"partner"``, ``"business"``, or None (the client's choice).
    token_scope: str | None = None

    @property
    def label(self) -> str:
        return (
            f"{self.vendor_id} (client.{self.resource}.{self.method}, "
            f"{self.http_method.upper()} {self.path})"
        )


@dataclass(slots=True)
class Prepared:
    """The generator's view, the facts per operation (by generator operationId), and notes."""

    spec: dict[str, Any]
    operations: dict[str, OperationFacts] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def by_http(self, method: str, path: str) -> OperationFacts | None:
        for facts in self.operations.values():
            if facts.http_method == method.lower() and facts.path == path:
                return facts
        return None


def prepare(contract: Mapping[str, Any], names: Names, skipped: Mapping[str, str]) -> Prepared:
    """Build the generator's view of ``contract``; raise ``PrepareError`` listing every problem.

    Problems are collected, not stopped at: an operation or schema with no entry in the names
    table goes on under its suggested name, so one run reports everything there is to fix.
    """
    errors: list[str] = []
    try:
        check_against(names, contract, skipped)
    except NamesError as exc:
        errors += exc.messages
    spec = _unshared(dict(contract))
    prepared = Prepared(spec=spec)
    for verb, path, operation in list(operations_of(spec)):
        vendor_id = operation.get("operationId")
        if not vendor_id:
            continue  # reported by check_against
        if vendor_id in skipped:
            del spec["paths"][path][verb]
            prepared.notes.append(
                f"skipped {vendor_id} ({verb.upper()} {path}): {skipped[vendor_id]} "
                "(codegen/skipped.yaml)"
            )
            continue
        public = names.operations.get(vendor_id) or _suggested(vendor_id, operation)
        internal_id = f"{public.resource}_{public.method}"
        label = f"{vendor_id} (client.{public}, {verb.upper()} {path})"
        facts = OperationFacts(
            vendor_id=vendor_id,
            internal_id=internal_id,
            resource=public.resource,
            method=public.method,
            http_method=verb,
            path=path,
            idempotent=bool(operation.get("x-idempotent", False)),
            content_type=_choose_content_type(spec, operation, errors, label),
        )
        _filter_parameters(spec, spec["paths"][path], operation, facts, prepared, errors)
        errors += _security_problems(spec, verb, path, operation, label)
        if not _success_responses(operation):
            statuses = ", ".join(str(s) for s in operation.get("responses") or {}) or "none"
            errors.append(
                f"{label}: documents no success (2xx) response (its responses: {statuses}), so "
                "the SDK cannot tell success from failure: add it in the overlay, or skip the "
                "operation in codegen/skipped.yaml"
            )
        facts = dataclasses.replace(
            facts,
            comma_separated=_query_styles(spec, operation, errors, label),
            sole_item=_sole_item(spec, operation, errors, label),
        )
        facts = dataclasses.replace(facts, unwrap=_unwrap(spec, operation, errors, label))
        facts = dataclasses.replace(
            facts,
            paginated=_pages(spec, verb, operation),
            token_scope=_token_scope(spec, path, operation, errors, label),
        )
        operation["operationId"] = internal_id
        operation["tags"] = [public.resource]
        if internal_id in prepared.operations:
            errors.append(
                f"{vendor_id} and {prepared.operations[internal_id].vendor_id} would both "
                f"generate '{internal_id}': rename one in {names.path}"
            )
        prepared.operations[internal_id] = facts
    for path in [p for p, item in spec.get("paths", {}).items() if not _has_operations(item)]:
        del spec["paths"][path]
    spec["tags"] = [{"name": r} for r in sorted({f.resource for f in prepared.operations.values()})]
    _rename_schemas(spec, names.models)
    errors += _dangling_references(spec, prepared)
    errors += _enum_problems(spec, prepared)
    if errors:
        raise PrepareError(errors)
    return prepared


def _suggested(vendor_id: str, operation: Mapping[str, Any]) -> PublicName:
    resource, method = suggested_name(vendor_id, (operation.get("tags") or ["default"])[0]).split(
        "."
    )
    return PublicName(resource, method)


def _has_operations(item: Mapping[str, Any]) -> bool:
    return any(verb in item for verb in HTTP_METHODS)


def _resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow a local ``$ref`` (one level at a time) to the node it names; ``None`` if dangling."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        node = _pointer(spec, node["$ref"])
        seen += 1
    return node


def _pointer(spec: Mapping[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        return None
    node: Any = spec
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _choose_content_type(
    spec: dict[str, Any], operation: dict[str, Any], errors: list[str], label: str
) -> str | None:
    """Keep one content type of the request body, by the rule in this module's docstring."""
    if "requestBody" not in operation:
        return None
    body = _resolve(spec, operation["requestBody"])
    if not isinstance(body, dict) or not isinstance(body.get("content"), dict):
        errors.append(f"{label}: its requestBody {operation['requestBody']} cannot be resolved")
        return None
    body = copy.deepcopy(body)
    operation["requestBody"] = body  # inlined: the choice is per operation
    content: dict[str, Any] = body["content"]
    chosen = operation.get("x-sdk-content-type")
    if chosen is not None and chosen not in content:
        errors.append(
            f"{label}: x-sdk-content-type {chosen!r} is not one of its body's content types "
            f"({', '.join(content)})"
        )
        return None
    if not content:
        errors.append(f"{label}: its requestBody lists no content type")
        return None
    if chosen is None:
        json_types = [t for t in content if _is_json(t)]
        if json_types:
            chosen = json_types[0]
        elif len(content) == 1:
            chosen = next(iter(content))
        else:
            errors.append(
                f"{label}: its body is offered as {', '.join(content)} and none is JSON: set "
                "x-sdk-content-type on the operation (in the overlay) to the one to send"
            )
            return None
    body["content"] = {chosen: content[chosen]}
    return str(chosen)


def _success_responses(operation: Mapping[str, Any]) -> list[tuple[str, Any]]:
    return [
        (str(status), response)
        for status, response in (operation.get("responses") or {}).items()
        if str(status).startswith("2")
    ]


def _json_schema(spec: Mapping[str, Any], response: Any) -> Any:
    """The resolved JSON schema of a response (``None`` when it has none)."""
    response = _resolve(spec, response)
    if not isinstance(response, dict):
        return None
    media = (response.get("content") or {}).get("application/json")
    if not isinstance(media, dict):
        return None
    return _resolve(spec, media.get("schema"))


def _query_parameters(
    spec: Mapping[str, Any], operation: Mapping[str, Any]
) -> Iterator[dict[str, Any]]:
    for raw in operation.get("parameters", []):
        parameter = _resolve(spec, raw)
        if isinstance(parameter, dict) and parameter.get("in") == "query":
            yield parameter


def _query_styles(
    spec: Mapping[str, Any], operation: Mapping[str, Any], errors: list[str], label: str
) -> tuple[str, ...]:
    """The query arrays sent comma-separated; any style but ``form`` fails, naming it."""
    comma: list[str] = []
    for parameter in _query_parameters(spec, operation):
        name = str(parameter.get("name", ""))
        style = parameter.get("style", "form")
        if style != "form":
            errors.append(
                f"{label}: query parameter {name!r} has style {style!r}; only 'form' (with or "
                "without explode) is supported: correct it in the overlay, or skip the operation"
            )
            continue
        schema = _resolve(spec, parameter.get("schema"))
        is_array = isinstance(schema, dict) and schema.get("type") == "array"
        if is_array and parameter.get("explode", True) is False:
            comma.append(name)
    return tuple(comma)


def _sole_item(
    spec: dict[str, Any], operation: dict[str, Any], errors: list[str], label: str
) -> bool:
    """Apply the one-object-or-array-of-it rule (the module docstring's); whether it applies."""
    shapes = {
        status: _item_of_object_or_array(spec, _json_schema(spec, raw))
        for status, raw in _success_responses(operation)
        if _json_schema(spec, raw) is not None
    }
    if not any(item is not None for item in shapes.values()):
        return False
    if any(item is None for item in shapes.values()):
        errors.append(
            f"{label}: some success responses are one object or a one-element array around it "
            f"and some are not ({', '.join(sorted(shapes))}): give every one the same shape"
        )
        return False
    for status, item in shapes.items():
        response = copy.deepcopy(_resolve(spec, operation["responses"][status]))
        response["content"]["application/json"]["schema"] = copy.deepcopy(item)
        operation["responses"][status] = response  # inlined: the generator sees the object
    return True


def _item_of_object_or_array(spec: Mapping[str, Any], schema: Any) -> Any:
    """``S`` when ``schema`` is ``oneOf: [S, {type: array, items: S}]`` (in either order)."""
    alternatives = schema.get("oneOf") if isinstance(schema, dict) else None
    if not isinstance(alternatives, list) or len(alternatives) != 2:
        return None
    for array, item in (alternatives, alternatives[::-1]):
        resolved = _resolve(spec, array)
        if (
            isinstance(resolved, dict)
            and resolved.get("type") == "array"
            and resolved.get("items") == item
            and isinstance(_resolve(spec, item), dict)
            and _resolve(spec, item).get("type", "object") == "object"
        ):
            return item
    return None


def _unwrap(
    spec: dict[str, Any], operation: dict[str, Any], errors: list[str], label: str
) -> str | None:
    """Apply ``x-sdk-unwrap`` (the module docstring's rule); the property, or None."""
    successes = _success_responses(operation)
    keys = {
        status: _resolve(spec, response).get("x-sdk-unwrap")
        for status, response in successes
        if isinstance(_resolve(spec, response), dict)
    }
    marked = {k for k in keys.values() if k is not None}
    if not marked:
        return None
    if len(marked) > 1 or None in keys.values():
        errors.append(
            f"{label}: x-sdk-unwrap must name the same property on every success response "
            f"(found {', '.join(f'{s}: {k}' for s, k in sorted(keys.items()))})"
        )
        return None
    key = str(next(iter(marked)))
    for status, raw in successes:
        schema = _json_schema(spec, raw)
        properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
        required = schema.get("required", []) if isinstance(schema, dict) else []
        if key not in properties or key not in required:
            errors.append(
                f"{label}: response {status} is marked x-sdk-unwrap: {key} but its JSON body "
                f"is not an object with a required property {key!r}"
            )
            return None
        response = copy.deepcopy(_resolve(spec, raw))
        response["content"]["application/json"]["schema"] = copy.deepcopy(properties[key])
        operation["responses"][status] = response  # inlined: the generator sees the inside
    return key


def _pages(spec: Mapping[str, Any], verb: str, operation: Mapping[str, Any]) -> bool:
    """Whether the operation is a list that pages (the module docstring's rule)."""
    if verb != "get":
        return False
    names = {p.get("name") for p in _query_parameters(spec, operation)}
    if not set(PAGE_PARAMETERS) <= names:
        return False
    # A success without a body (a 204 for an empty list) is no page and no reason not to page.
    pages = [
        _json_schema(spec, response)
        for _, response in _success_responses(operation)
        if (_resolve(spec, response) or {}).get("content")
    ]
    if not pages:
        return False
    for schema in pages:
        if not isinstance(schema, dict):
            return False
        items = _resolve(spec, _properties(spec, schema).get(PAGE_ITEMS))
        if not isinstance(items, dict) or items.get("type") != "array":
            return False
    return True


def _properties(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """An object schema's properties, with those its ``allOf`` members bring (the generator
    merges them into one model)."""
    found: dict[str, Any] = {}
    for member in schema.get("allOf") or []:
        resolved = _resolve(spec, member)
        if isinstance(resolved, dict):
            found.update(_properties(spec, resolved))
    found.update(schema.get("properties") or {})
    return found


def _filter_parameters(
    spec: dict[str, Any],
    path_item: dict[str, Any],
    operation: dict[str, Any],
    facts: OperationFacts,
    prepared: Prepared,
    errors: list[str],
) -> None:
    """Drop header parameters that must never be arguments; refuse cookie parameters."""
    overridden = {
        (p.get("in"), p.get("name"))
        for p in (_resolve(spec, raw) for raw in operation.get("parameters", []))
        if isinstance(p, dict)
    }
    inherited = [
        raw
        for raw in path_item.get("parameters", [])
        if (lambda p: isinstance(p, dict) and (p.get("in"), p.get("name")) not in overridden)(
            _resolve(spec, raw)
        )
    ]
    kept = []
    for raw in [*inherited, *operation.get("parameters", [])]:
        parameter = _resolve(spec, raw)
        if not isinstance(parameter, dict):
            kept.append(raw)  # a dangling reference: reported with the others
            continue
        where, name = parameter.get("in"), str(parameter.get("name", ""))
        if where == "cookie":
            errors.append(
                f"{facts.label}: cookie parameter {name!r} is not supported (no credential "
                "travels in a generated argument): remove it in the overlay, or skip the "
                "operation in codegen/skipped.yaml"
            )
        elif where == "header" and name.lower() in DROPPED_HEADERS:
            prepared.notes.append(
                f"note: {facts.label}: header parameter {name!r} is not generated "
                f"({DROPPED_HEADERS[name.lower()]})"
            )
        elif _is_credential(spec, parameter):
            if parameter.get("required"):
                errors.append(
                    f"{facts.label}: {where} parameter {name!r} is required and carries a "
                    "credential, which the SDK only sends through ThredfiAuth, never as an "
                    "argument: remove it in the overlay if the bearer token is enough, set "
                    "x-sdk-not-secret: true on it if it is no credential, or skip the operation "
                    "in codegen/skipped.yaml"
                )
            else:
                prepared.notes.append(
                    f"note: {facts.label}: {where} parameter {name!r} is not generated (it "
                    "carries a credential: those travel only through ThredfiAuth)"
                )
        else:
            kept.append(_without_default(spec, raw))
    operation["parameters"] = kept
    path_item.pop("parameters", None)  # copied into each of its operations above
    if not kept:
        del operation["parameters"]


def _without_default(spec: Mapping[str, Any], raw: Any) -> Any:
    """An optional parameter as the generator gets it: without its schema's ``default``."""
    parameter = _resolve(spec, raw)
    schema = parameter.get("schema")
    if parameter.get("required") or not isinstance(schema, dict) or "default" not in schema:
        return raw
    parameter = copy.deepcopy(parameter)
    del parameter["schema"]["default"]
    return parameter


def _rename_schemas(spec: dict[str, Any], models: Mapping[str, str]) -> None:
    """Rename each component schema to its public name, and every reference to it."""
    schemas = spec.get("components", {}).get("schemas", {})
    spec.setdefault("components", {})["schemas"] = {models.get(k, k): v for k, v in schemas.items()}
    renamed = {
        f"#/components/schemas/{old}": f"#/components/schemas/{new}"
        for old, new in models.items()
        if old != new
    }
    for node in _walk(spec):
        if isinstance(node, dict) and node.get("$ref") in renamed:
            node["$ref"] = renamed[node["$ref"]]


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _dangling_references(spec: Mapping[str, Any], prepared: Prepared) -> list[str]:
    """One message per ``$ref`` that names nothing, attributed to its operation if any."""
    errors = []
    for location, ref in _references(spec, ()):
        if _pointer(spec, ref) is not None:
            continue
        owner = "the contract"
        if len(location) >= 3 and location[0] == "paths":
            facts = prepared.by_http(str(location[2]), str(location[1]))
            if facts is not None:
                owner = facts.label
            location = location[3:]
        what = "is not defined" if ref.startswith("#/") else "is not local (not supported)"
        where = ".".join(str(part) for part in location)
        errors.append(f"{owner}: {ref} {what} (at {where})")
    return errors


def _references(node: Any, location: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield location, ref
        for key, value in node.items():
            yield from _references(value, (*location, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _references(value, (*location, index))


def _unshared(node: Any) -> Any:
    """A deep copy in which no two places share an object (``copy.deepcopy`` keeps a YAML
    anchor's sharing): the view is rewritten per operation, and an alias must not carry one
    operation's rewrite into another."""
    if isinstance(node, dict):
        return {key: _unshared(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_unshared(value) for value in node]
    return node


def _is_json(media_type: str) -> bool:
    """``application/json`` or a ``+json`` type, parameters (``; charset=utf-8``) aside."""
    essence = media_type.split(";")[0].strip().lower()
    return essence in JSON_TYPES or essence.endswith("+json")


def _is_credential(spec: Mapping[str, Any], parameter: Mapping[str, Any]) -> bool:
    """A header or query parameter an ``apiKey`` scheme names, or a header named like one."""
    if parameter.get("x-sdk-not-secret") is True:
        return False
    where, name = parameter.get("in"), str(parameter.get("name", ""))
    for scheme in ((spec.get("components") or {}).get("securitySchemes") or {}).values():
        scheme = _resolve(spec, scheme)
        if (
            isinstance(scheme, dict)
            and scheme.get("type") == "apiKey"
            and scheme.get("in") == where
            and str(scheme.get("name", "")).lower() == name.lower()
        ):
            return True
    return where == "header" and CREDENTIAL_HEADER.search(name.lower()) is not None


def _security_problems(
    spec: Mapping[str, Any], verb: str, path: str, operation: Mapping[str, Any], label: str
) -> list[str]:
    """The operation's ``security`` (its own, else the document's) must have one alternative
    that ThredfiAuth satisfies: none needed, a bearer token (``http: bearer``, ``oauth2``,
    ``openIdConnect``), or HTTP Basic on the partner token operation."""
    requirements = operation.get("security", spec.get("security")) or []
    if not isinstance(requirements, list):
        return [f"{label}: its security is not a list of requirements"]
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    problems = []
    described = []
    for requirement in requirements:
        if not isinstance(requirement, dict) or not requirement:
            return []  # {}: no credentials needed
        satisfied = True
        for name in requirement:
            scheme = _resolve(spec, schemes.get(name))
            if not isinstance(scheme, dict):
                problems.append(f"{label}: its security names {name!r}, which is not defined")
                satisfied = False
                continue
            kind = str(scheme.get("type", ""))
            http = str(scheme.get("scheme", "")).lower()
            described.append(f"{name} ({kind}{' ' + http if http else ''})")
            if kind in ("oauth2", "openIdConnect") or (kind == "http" and http == "bearer"):
                continue
            if kind == "http" and http == "basic" and (verb, path) == BASIC_AUTH_OPERATION:
                continue
            satisfied = False
        if satisfied:
            return []
    if problems:
        return problems
    if not requirements:
        return []
    return [
        f"{label}: its security ({', '.join(described)}) asks for credentials the SDK does not "
        "send (ThredfiAuth sends a bearer token, and HTTP Basic only to the partner token "
        "operation): correct its security in the overlay if the vendor file is wrong, or skip "
        "the operation in codegen/skipped.yaml"
    ]


#: Where the auth flow finds the business of a business-scoped call (``_auth/_flow.py``).
BUSINESS_PATH = re.compile(r"/v1/platform/businesses/\{[^}/]+\}/")
#: The token kinds a bearer scheme may name with ``x-token-scope``.
TOKEN_SCOPES = ("partner", "business")


def _token_scope(
    spec: Mapping[str, Any],
    path: str,
    operation: Mapping[str, Any],
    errors: list[str],
    label: str,
) -> str | None:
    """The token the operation is always sent with (the module docstring's rule), or None."""
    requirements = operation.get("security", spec.get("security")) or []
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    found: set[str | None] = set()
    for requirement in requirements if isinstance(requirements, list) else []:
        if not isinstance(requirement, dict) or not requirement:
            return None  # an alternative needing no credentials: nothing to insist on
        for name in requirement:
            scheme = _resolve(spec, schemes.get(name))
            if not isinstance(scheme, dict) or not _is_bearer(scheme):
                continue  # HTTP Basic (the token endpoint) or undefined (reported already)
            scope = scheme.get("x-token-scope")
            if scope is not None and scope not in TOKEN_SCOPES:
                errors.append(
                    f"{label}: its security scheme {name!r} has x-token-scope {scope!r}; it "
                    f"must be one of {', '.join(TOKEN_SCOPES)}"
                )
                return None
            found.add(scope)
    if len(found) != 1 or None in found:
        return None
    scope = str(next(iter(found)))
    if scope == "business" and BUSINESS_PATH.match(path) is None:
        errors.append(
            f"{label}: its security accepts only a business-scoped token, but its path names no "
            "business (/v1/platform/businesses/{business_id}/...) to get one for: correct its "
            "security in the overlay, or skip the operation in codegen/skipped.yaml"
        )
        return None
    return scope


def _is_bearer(scheme: Mapping[str, Any]) -> bool:
    kind = str(scheme.get("type", ""))
    http = str(scheme.get("scheme", "")).lower()
    return kind in ("oauth2", "openIdConnect") or (kind == "http" and http == "bearer")


def _enum_problems(spec: Mapping[str, Any], prepared: Prepared) -> list[str]:
    """One message per enum whose values the generator would give the same member name."""
    problems = []
    for location, node in _enums(spec, ()):
        values = [value for value in node["enum"] if value is not None]
        var_names = node.get("x-enum-varnames") or []
        use_names = isinstance(var_names, list) and len(var_names) == len(values)
        members: dict[str, Any] = {}
        for index, value in enumerate(values):
            member = _enum_member(value, index, var_names[index] if use_names else None)
            if member in members and members[member] != value:
                owner, where = _owner(location, prepared)
                problems.append(
                    f"{owner}: the enum at {where} has the values {members[member]!r} and "
                    f"{value!r}, which the generator would both call {member} (keeping one "
                    "silently): name the members with x-enum-varnames (one per value) in the "
                    "overlay"
                )
                break
            members[member] = value
    return problems


def _enums(
    node: Any, location: tuple[Any, ...]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            yield location, node
        for key, value in node.items():
            if key != "enum":
                yield from _enums(value, (*location, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enums(value, (*location, index))


def _enum_member(value: Any, index: int, var_name: Any) -> str:
    """The member name openapi-python-client (0.29) gives an enum value (``values_from_list``)."""
    if var_name is not None:
        key = str(var_name)
    elif isinstance(value, bool) or not isinstance(value, int | str):
        return f"{type(value).__name__}:{value!r}"  # the generator refuses these itself
    elif isinstance(value, int):
        return f"VALUE_NEGATIVE_{-value}" if value < 0 else f"VALUE_{value}"
    elif value and value[0].isalpha():
        key = value.upper()
    else:
        key = f"VALUE_{index}"
    kept = "".join(c for c in key if c.isidentifier() or c.isdecimal() or c in ". _-")
    if any(c.isupper() for c in kept):
        kept = " ".join(re.split("([A-Z]?[a-z]+)", kept))
    return "_".join(re.findall(r"[^. _-]+", kept)).upper()


def _owner(location: tuple[Any, ...], prepared: Prepared) -> tuple[str, str]:
    """Who a location in the view belongs to (an operation's label, else the contract) and the
    rest of the location, dotted."""
    owner = "the contract"
    if len(location) >= 3 and location[0] == "paths":
        facts = prepared.by_http(str(location[2]), str(location[1]))
        if facts is not None:
            owner = facts.label
        location = location[3:]
    return owner, ".".join(str(part) for part in location)
