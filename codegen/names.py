"""The SDK's public names, read from ``codegen/names.yaml`` and checked against the contract.

Every operation becomes ``client.<resource>.<method>`` and every schema a model class under the
name this table gives it, never under the vendor's tag spelling, operationId or schema name. So
a vendor that renames a tag changes nothing, and a vendor that renames an operationId or a schema
makes codegen fail here, naming the entry to update, instead of moving a public name.

The check is both ways: each operation and each schema of the contract needs an entry, and each
entry needs its operation or schema. A new operation's error suggests an entry, made by the rule
below (``suggested_name``), which is only ever a suggestion: what is committed is the table.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen import strict_yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

#: Attributes of ``ThredfiClient`` a resource must not hide (tests/codegen checks this list).
CLIENT_ATTRIBUTES = frozenset(
    {
        "aclose",
        "auth",
        "base_url",
        "call",
        "default_headers",
        "http_client",
        "max_response_bytes",
        "max_retries",
        "timeout",
        "transport_name",
        "with_options",
    }
)
#: Method names that cannot be used: the raw-response twin, and the lower-case names the body of
#: a generated resource class uses (a method called ``datetime`` would hide ``datetime.datetime``
#: in the annotations after it, one called ``overload`` the decorator of its body overloads).
RESERVED_METHODS = frozenset({"with_raw_response", "datetime", "builtins", "overload"})
#: Class names a model cannot have. The names the generated modules import or define next to
#: the models (``from ...models import *`` would replace ``Mapping`` or ``UUID`` in a resource
#: module; a model ``Unset`` would hide the marker in its own module), and the SDK's public
#: names (a model ``ThredfiClient`` would read as the client). tests/codegen keeps it complete.
RESERVED_MODELS = frozenset(
    {
        # typing, collections.abc, uuid, httpx, attrs: what generated modules import
        "Any", "BinaryIO", "Generator", "Generic", "IO", "Literal", "Mapping", "MutableMapping",
        "Sequence", "TextIO", "TypeVar", "UUID", "SafeUUID", "HTTPStatus", "T",
        # the generated package's own names and the runtime module's
        "API_VERSION", "AsyncPager", "Body", "FieldConstraints", "File", "FileTypes", "Headers",
        "NotGiven", "Operation", "Query", "RawResponse", "RequestFiles", "Requester", "Resources",
        "Response", "TimeoutTypes", "Unset",
        # the SDK's public names (thredfi_client.__all__)
        "APIConnectionError", "APIResponseValidationError", "APIStatusError", "APITimeoutError",
        "AccessToken", "ArgumentTypeError", "ArgumentValueError", "AuthenticationError",
        "BadRequestError", "ClientClosedError", "ConflictError", "EventLoopError",
        "InternalServerError", "InvalidArgumentError", "NotFoundError", "PermissionDeniedError",
        "RateLimitError", "RedisTokenStore", "ResponseTooLargeError", "RetryPolicy",
        "RetryTransport", "ThredfiAuth", "ThredfiClient", "ThredfiError", "TokenStore",
        "UnprocessableEntityError",
    }
)  # fmt: skip

_SNAKE = re.compile(r"[a-z][a-z0-9_]*\Z")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9]*\Z")


@dataclass(frozen=True, slots=True)
class PublicName:
    """Where an operation is reachable: ``client.<resource>.<method>``."""

    resource: str
    method: str

    def __str__(self) -> str:
        return f"{self.resource}.{self.method}"


@dataclass(frozen=True, slots=True)
class Names:
    """The table: vendor operationId -> public name, vendor schema name -> public model name."""

    path: Path
    operations: Mapping[str, PublicName]
    models: Mapping[str, str]


def load(path: Path) -> Names:
    """Read and check the table itself (not yet against a contract)."""
    data = read_table(path, ("operations", "models"))
    errors: list[str] = []
    operations: dict[str, PublicName] = {}
    for vendor_id, public in data["operations"].items():
        parts = str(public).split(".")
        if len(parts) != 2:
            errors.append(f"{path}: operations.{vendor_id}: {public!r} is not 'resource.method'")
            continue
        resource, method = parts
        for what, name in (("resource", resource), ("method", method)):
            if not _SNAKE.match(name) or keyword.iskeyword(name):
                errors.append(
                    f"{path}: operations.{vendor_id}: {what} {name!r} is not a lower_snake_case "
                    "Python name"
                )
        if resource in CLIENT_ATTRIBUTES:
            errors.append(
                f"{path}: operations.{vendor_id}: resource {resource!r} would hide "
                f"ThredfiClient.{resource}"
            )
        if method in RESERVED_METHODS:
            errors.append(f"{path}: operations.{vendor_id}: {method!r} cannot be a method name")
        operations[str(vendor_id)] = PublicName(resource, method)
    models: dict[str, str] = {}
    for vendor_name, public_model in data["models"].items():
        if not isinstance(public_model, str) or not _CLASS.match(public_model):
            errors.append(
                f"{path}: models.{vendor_name}: {public_model!r} is not a CamelCase class name"
            )
            continue
        if public_model in RESERVED_MODELS or public_model.endswith(
            ("Resource", "ResourceWithRawResponse")
        ):
            errors.append(
                f"{path}: models.{vendor_name}: {public_model!r} is a name the SDK or its "
                "generated code already uses: choose another public name"
            )
            continue
        models[str(vendor_name)] = public_model
    errors += _duplicates(path, "operations", {k: str(v) for k, v in operations.items()})
    errors += _duplicates(path, "models", models)
    if errors:
        raise NamesError(errors)
    return Names(path=path, operations=operations, models=models)


def read_table(path: Path, sections: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """The sections of a codegen table (``names.yaml``, ``skipped.yaml``), read strictly (a
    repeated key fails) and checked to be mappings of names, one line per problem."""
    try:
        data = strict_yaml.load(path)
    except strict_yaml.YamlError as exc:
        raise NamesError([str(exc)]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NamesError([f"{path}: must be a mapping with {' and '.join(sections)}: sections"])
    errors = [
        f"{path}: unknown section {key!r} (expected {', '.join(sections)})"
        for key in data
        if key not in sections
    ]
    tables: dict[str, dict[str, Any]] = {}
    for section in sections:
        table = data.get(section) or {}
        if not isinstance(table, dict):
            kind = type(table).__name__
            errors.append(f"{path}: {section}: must be a mapping of names, not a {kind}")
            continue
        errors += [
            f"{path}: {section}: {key!r} is not a name" for key in table if not isinstance(key, str)
        ]
        tables[section] = table
    if errors:
        raise NamesError(errors)
    return tables


class NamesError(Exception):
    """The table does not fit the contract; ``messages`` says what to change, one per line."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def _duplicates(path: Path, section: str, table: Mapping[str, str]) -> list[str]:
    seen: dict[str, str] = {}
    errors = []
    for key, public in table.items():
        if public in seen:
            errors.append(
                f"{path}: {section}.{key} and {section}.{seen[public]} are both {public}: "
                "public names must be unique"
            )
        seen[public] = key
    return errors


def operations_of(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(http method, path, operation) for each operation of the contract."""
    for path, item in (spec.get("paths") or {}).items():
        for verb in HTTP_METHODS:
            operation = item.get(verb)
            if isinstance(operation, dict):
                yield verb, path, operation


def check_against(
    names: Names,
    spec: Mapping[str, Any],
    skipped: Mapping[str, str],
) -> None:
    """Fail unless every operation (not skipped) and schema has an entry, and vice versa."""
    errors: list[str] = []
    contract_ops: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for verb, path, operation in operations_of(spec):
        op_id = operation.get("operationId")
        if not op_id:
            errors.append(f"{verb.upper()} {path} has no operationId: the table cannot name it")
            continue
        if op_id in contract_ops:
            errors.append(
                f"operationId '{op_id}' is used by both {_http(contract_ops[op_id])} and "
                f"{verb.upper()} {path}: operationIds are unique (OpenAPI), and the table "
                "names operations by them: give one another operationId in the overlay"
            )
            continue
        contract_ops[op_id] = (verb, path, operation)
    unmapped_ops = [op_id for op_id in contract_ops if op_id not in names.operations]
    unmapped_ops = [op_id for op_id in unmapped_ops if op_id not in skipped]
    stale_ops = [op_id for op_id in names.operations if op_id not in contract_ops]
    for op_id in stale_ops:
        hint = _candidates("operation", [f"{o} ({_http(contract_ops[o])})" for o in unmapped_ops])
        errors.append(
            f"{names.path}: operations.{op_id} ({names.operations[op_id]}): the contract has "
            f"no operation '{op_id}' any more.{hint} If the vendor renamed it, rename this "
            "entry's key and keep its public name; if it was removed, delete the entry (a "
            "breaking change: say so in CHANGELOG.md)."
        )
    for op_id in unmapped_ops:
        verb, path, operation = contract_ops[op_id]
        suggestion = suggested_name(op_id, (operation.get("tags") or ["default"])[0])
        errors.append(
            f"{op_id} ({verb.upper()} {path}) has no public name: add "
            f"'{op_id}: {suggestion}' under operations: in {names.path} (or list it in "
            "codegen/skipped.yaml with a reason)"
        )
    schemas = list((spec.get("components") or {}).get("schemas") or {})
    unmapped_schemas = [s for s in schemas if s not in names.models]
    for vendor_name, public in names.models.items():
        if vendor_name not in schemas:
            hint = _candidates("schema", unmapped_schemas)
            errors.append(
                f"{names.path}: models.{vendor_name} (public {public}): the contract has no "
                f"schema '{vendor_name}' any more.{hint} If the vendor renamed it, rename this "
                "entry's key and keep its public name."
            )
    renamed_hint = (
        " (or, if it is a renamed schema named above, rename that entry's key instead)"
        if any(name not in schemas for name in names.models)
        else ""
    )
    for schema in unmapped_schemas:
        errors.append(
            f"schema '{schema}' has no public model name: add '{schema}: {schema}' under "
            f"models: in {names.path}{renamed_hint}"
        )
    for op_id, reason in skipped.items():
        if op_id not in contract_ops:
            errors.append(
                f"codegen/skipped.yaml: {op_id} ({reason}) is not in the contract any more: "
                "delete the entry"
            )
        elif op_id in names.operations:
            errors.append(
                f"codegen/skipped.yaml: {op_id} is skipped but also named in {names.path}: keep one"
            )
    if errors:
        raise NamesError(errors)


def _http(entry: tuple[str, str, dict[str, Any]]) -> str:
    return f"{entry[0].upper()} {entry[1]}"


def _candidates(what: str, items: list[str]) -> str:
    if not items:
        return ""
    return f" The contract's {what}s without an entry: {', '.join(items)}."


def resource_name(tag: str) -> str:
    """A tag as a Python name (lower snake case): ``Invoice Payments`` -> ``invoice_payments``."""
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", tag)
    return re.sub(r"[^0-9a-zA-Z]+", "_", words).strip("_").lower()


def _valid(name: str, fallback: str) -> str:
    """``name`` made a name the table accepts: ``fallback`` for nothing, a letter before a
    leading digit, a ``_`` after a Python keyword (``import`` -> ``import_``)."""
    name = name.lower() or fallback
    if not name[0].isalpha():
        name = f"{fallback}_{name}"
    return f"{name}_" if keyword.iskeyword(name) else name


def method_name(operation_id: str, tag: str) -> str:
    """``operation_id`` without the resource noun, in singular or plural form."""
    plural = resource_name(tag)
    singular = plural[:-1] if plural.endswith("s") else plural
    parts = operation_id.split("_")
    for noun in (plural, singular):
        noun_parts = noun.split("_")
        for start in range(len(parts) - len(noun_parts) + 1):
            if parts[start : start + len(noun_parts)] == noun_parts:
                rest = parts[:start] + parts[start + len(noun_parts) :]
                if rest:
                    return "_".join(rest)
    return operation_id


def suggested_name(operation_id: str, tag: str) -> str:
    """The entry the rule proposes for a new operation (a suggestion only, but always one the
    table accepts)."""
    tag = str(tag)
    resource = _valid(resource_name(tag), "default")
    method = _valid(method_name(resource_name(operation_id), tag), "call")
    return f"{resource}.{method}"
