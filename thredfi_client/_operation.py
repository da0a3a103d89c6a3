"""What every generated operation needs at run time: the hand-written module generated code uses.

``thredfi_client/_generated/`` holds only what varies per operation (its path, its parameters,
its models, its parser, the schema constraints of its fields). Everything that is the same for
each of them lives here, under ruff, ``mypy --strict`` and the coverage gate: the option markers
(``NOT_GIVEN``, ``UNSET``), the ``Operation`` record and the ``Requester`` protocol the client
implements, ``RawResponse``, the checking of arguments against the contract before anything
is sent: request bodies given as keywords, dicts or models (``request_body``, ``coerce_model``)
and parameters (``checked_arguments``), with the constraints codegen writes into each model
module (``FIELD_CONSTRAINTS``) and operation (``Operation.param_checks``); the query string of
a call (``query_params``), the envelope a wrapped response is taken out of (``unwrapped``) and
the one object of a body that may come as a one-element array around it (``sole_item``).

The only SDK module this one imports is ``_errors``, for the argument errors it raises; that
module imports no other SDK module, so generated code still reaches no other layer (client,
auth, retry, tokens) through this one (docs/architecture.md; openai-python's generated resources
use its ``_base_client`` likewise). Auto-pagination is ``_pagination``, which builds on this
module only.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import importlib
import math
import re
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, Literal, Protocol, TypedDict, TypeVar, cast
from urllib.parse import quote

import httpx

from ._errors import ArgumentTypeError, ArgumentValueError, InvalidArgumentError

__all__ = [
    "NOT_GIVEN",
    "UNSET",
    "Body",
    "FieldConstraints",
    "Headers",
    "NotGiven",
    "Operation",
    "ParamCheck",
    "Query",
    "RawResponse",
    "Requester",
    "TimeoutTypes",
    "Unset",
    "canonical_uuid",
    "checked_arguments",
    "coerce_model",
    "file_payload",
    "path_segment",
    "query_params",
    "request_body",
    "sole_item",
    "unwrapped",
]

T = TypeVar("T")
ModelT = TypeVar("ModelT")


class Unset:
    """Marks a field or parameter the caller left out (the generated models use it too)."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class NotGiven:
    """Marks an option the caller did not pass (``None`` is not "use the default" here)."""

    __slots__ = ()
    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

#: A timeout: seconds (connect capped at 5 s) or a full ``httpx.Timeout``. Never ``None``.
TimeoutTypes = float | httpx.Timeout
#: ``extra_headers=`` / ``default_headers=``: header name -> value.
Headers = Mapping[str, str]
#: ``extra_query=``: query parameter -> value (a list repeats the parameter).
Query = Mapping[str, object]
#: ``extra_body=``: fields merged into the request body.
Body = Mapping[str, object]


# Frozen dataclasses, not attrs: nothing built at `import thredfi_client` imports attrs; the
# models load it on first use (docs/performance.md, benchmark (d)).
class FieldConstraints(TypedDict, total=False):
    """The schema constraints of one field or parameter, as codegen reads them from the contract.

    Generated, never written by hand: each model module has a ``FIELD_CONSTRAINTS`` table
    (field name -> constraints) and each operation its ``param_checks``. Keys are the JSON
    Schema keywords in snake case; ``exclusive_*`` hold the bound itself (OpenAPI 3.0's boolean
    form is converted); ``int_format`` is the range of every integer (``int64`` when the
    contract names no format: the server's integers are 64-bit); ``items`` applies to each item
    of a list.
    """

    int_format: Literal["int32", "int64"]
    minimum: float
    maximum: float
    exclusive_minimum: float
    exclusive_maximum: float
    multiple_of: float
    min_length: int
    max_length: int
    pattern: str
    min_items: int
    max_items: int
    unique_items: bool
    items: FieldConstraints


#: Where a parameter goes, its annotation (as the generated signature spells it) and its schema
#: constraints: checked by ``checked_arguments`` before anything is sent.
ParamCheck = tuple[Literal["path", "query", "header", "cookie", "body"], str, FieldConstraints]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Operation(Generic[T]):
    """What the requester needs to know about one operation of the contract (generated)."""

    #: The contract's operationId (as the vendor names it).
    operation_id: str
    method: str
    path: str
    #: Safe to send twice (``x-idempotent: true`` in the contract).
    idempotent: bool
    #: Statuses that count as success; the body of each parses as ``T``.
    success_statuses: frozenset[int]
    #: Path parameters with ``format: uuid``; validated before anything is sent.
    uuid_params: tuple[str, ...]
    #: All path parameters, validated to be non-empty single path segments.
    path_params: tuple[str, ...]
    build_request: Callable[..., dict[str, Any]]
    parse: Callable[[httpx.Response], T]
    #: Loads the request body's model class on first use (``None``: no model body).
    body_model: Callable[[], type[Any]] | None = None
    #: The keyword of the operation's ``Idempotency-Key`` header parameter, if it declares one:
    #: the client fills it with a fresh key per call when the caller gives none.
    idempotency_key_param: str | None = None
    #: Query, header and non-UUID path parameters: name -> (location, annotation, constraints).
    param_checks: Mapping[str, ParamCheck] = dataclasses.field(default_factory=dict)
    #: The token the operation is always sent with, from its ``security`` in the contract:
    #: ``"partner"`` (partner-level operations), ``"business"`` (a token of the business in its
    #: path), or ``None``: either is accepted, and the client's ``token_scope`` decides.
    token_scope: Literal["partner", "business"] | None = None


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class RawResponse(Generic[T]):
    """A successful response with its HTTP details: ``client.<resource>.with_raw_response``."""

    status_code: int
    headers: httpx.Headers
    request_id: str | None
    parsed: T
    http_response: httpx.Response = dataclasses.field(repr=False)


class Requester(Protocol):
    """Sends an operation's request: implemented by ``thredfi_client.ThredfiClient``."""

    async def call(
        self,
        operation: Operation[T],
        arguments: Mapping[str, Any],
        *,
        timeout: TimeoutTypes | NotGiven,  # noqa: ASYNC109 -- an httpx setting, not a deadline
        max_retries: int | NotGiven,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RawResponse[T]: ...


def request_body(operation: Operation[Any], body: object, fields: Mapping[str, object]) -> Any:
    """The request model of one call, from ``body=`` or from the body fields given as keywords.

    ``body`` is the model, a mapping with the model's keys, or ``None``; ``fields`` holds every
    body keyword of the method, ``UNSET`` where the caller left it out. Every field is checked
    against its type and the contract's constraints (``coerce_model``), a model given as it is
    too. Raises ``ArgumentTypeError`` or ``ArgumentValueError`` naming the field before
    anything is sent.
    """
    if operation.body_model is None:
        raise ArgumentTypeError(f"{operation.operation_id} has no request model", argument="body")
    model = operation.body_model()
    given = {name: value for name, value in fields.items() if not isinstance(value, Unset)}
    if body is None:
        return coerce_model(model, given, "")
    if given:
        raise ArgumentTypeError(
            f"{operation.operation_id}: pass the body either as body= or as keywords, not both "
            f"(got body= and {', '.join(given)})",
            argument="body",
        )
    if isinstance(body, model):
        return _checked_instance(model, body, "body")
    if isinstance(body, Mapping):
        return coerce_model(model, body, "body")
    raise ArgumentTypeError(
        f"body: expected {model.__name__} or a mapping, got {type(body).__name__} {body!r:.60}",
        argument="body",
    )


def checked_arguments(operation: Operation[Any], arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The call's parameters checked against the contract before anything is sent.

    Path parameters must be single, non-empty path segments, and UUID ones canonical UUIDs
    (made ``uuid.UUID``); every parameter in ``operation.param_checks`` (query, header, other
    path parameters, and a body that is not one model: a union, a list, a file) is checked
    against its type and schema constraints, dicts made the models they stand for. Raises
    ``ArgumentTypeError`` or ``ArgumentValueError`` naming the parameter.
    """
    checked = dict(arguments)
    for name in operation.path_params:
        value = checked.get(name)
        if name in operation.uuid_params:
            checked[name] = _path_uuid(name, value)
        elif not isinstance(value, str | int) or str(value) in ("", ".", "..") or "/" in str(value):
            raise ArgumentValueError(
                f"{name} must be a single, non-empty path segment, got {value!r:.60}",
                argument=name,
            )
    if operation.param_checks:
        namespace = _endpoint_namespace(operation)
        for name, (location, annotation, constraints) in operation.param_checks.items():
            value = checked.get(name, UNSET)
            if isinstance(value, Unset):
                continue
            value = _check_field(namespace, annotation, value, name, constraints)
            if location == "header" and isinstance(value, str) and _LINE_BREAK.search(value):
                raise ArgumentValueError(
                    f"{name}: a header value cannot contain a line break or NUL", argument=name
                )
            checked[name] = value
    return checked


@functools.lru_cache(maxsize=4096)
def canonical_uuid(text: str) -> uuid.UUID | None:
    """``text`` as a UUID if it is in a canonical form, else ``None``.

    Canonical: 36 characters, hexadecimal digits in groups of 8-4-4-4-12 separated by hyphens,
    or the 32 digits alone; either case. ``uuid.UUID()`` also accepts braces, ``urn:uuid:``,
    whitespace, ``+``, ``_`` and non-ASCII digits, and rewrites such text into another id
    (``BIZ[:-2] + "\\r\\n"`` parses as a different business): requests never use it on text.
    Remembered (bounded): a client sends the same ids again and again.
    """
    if _CANONICAL_UUID.fullmatch(text) is None:
        return None
    return uuid.UUID(text)


def path_segment(value: object) -> str:
    """A path parameter's value as one percent-encoded path segment (the request builders use
    this). A ``uuid.UUID`` (what ``checked_arguments`` makes of every UUID parameter) is only
    hexadecimal digits and hyphens, which need no quoting: its text is the segment as it is."""
    if type(value) is uuid.UUID:
        return str(value)
    return quote(str(value), safe="")


def _path_uuid(name: str, value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        parsed = canonical_uuid(value)
        if parsed is not None:
            return parsed
    raise ArgumentValueError(
        f"{name} must be a UUID (a uuid.UUID, or a str of 32 hex digits, hyphenated 8-4-4-4-12 "
        f"or not), got {value!r:.60}",
        argument=name,
    )


# ---------------------------------------------------------------------------------------------
# Turning keyword arguments and plain dicts into request models, with errors that name the field.
# Each field is checked against its generated annotation by `_check`, then against the schema
# constraints the contract gives it (the `FIELD_CONSTRAINTS` table codegen writes into each model
# module) by `_check_constraints`: `_check_field` is the one place a field's value is accepted.
# ---------------------------------------------------------------------------------------------

_UNION_SPLIT = re.compile(r"\s*\|\s*(?![^\[]*\])")
_CANONICAL_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}"
)
_LINE_BREAK = re.compile(r"[\r\n\x00]")
#: The integer ranges of the contract's formats; an integer without a format is an int64 (the
#: server's integers are 64-bit).
_INT_RANGES: dict[str, tuple[int, int]] = {
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
}
_NO_CONSTRAINTS: FieldConstraints = {}


class _Mismatch(Exception):
    pass


def _is_finite_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return isinstance(value, int) or math.isfinite(value)


_SCALARS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": _is_finite_number,
    "bool": lambda v: isinstance(v, bool),
    "None": lambda v: v is None,
    "Unset": lambda v: isinstance(v, Unset),
    "datetime.date": lambda v: (
        isinstance(v, datetime.date) and not isinstance(v, datetime.datetime)
    ),
}


def coerce_model(cls: type[ModelT], values: Mapping[str, Any], where: str) -> ModelT:
    """Build request model ``cls`` from keyword values or a plain dict, checking every field.

    Raises ``ArgumentTypeError`` (a ``TypeError``) for a missing/unknown field or a value of
    the wrong type and ``ArgumentValueError`` (a ``ValueError``) for a value the contract
    forbids (out of its allowed set, range, length or pattern; a naive datetime; a UUID that
    is not canonical), naming the field (``line_items[1].quantity``).
    """
    fields = _request_fields(cls)
    namespace = vars(sys.modules[cls.__module__])
    unknown = [key for key in values if key not in fields]
    # A model whose schema declares additionalProperties takes other fields too (its
    # EXTRA_FIELDS is their type); for any other model, an unknown field is a typo.
    extra_type = namespace.get("EXTRA_FIELDS")
    if unknown and not isinstance(extra_type, str):
        names = ", ".join(map(repr, unknown))
        raise ArgumentTypeError(
            f"{where or cls.__name__}: unknown field(s) {names}", argument=_join(where, unknown[0])
        )
    constraints = _constraints_of(namespace)
    checked: dict[str, Any] = {}
    for name, (type_string, required) in fields.items():
        if name in values and not isinstance(values[name], Unset):
            where_field = _join(where, name)
            checked[name] = _check_field(
                namespace,
                type_string,
                values[name],
                where_field,
                constraints.get(name, _NO_CONSTRAINTS),
            )
        elif required:
            raise ArgumentTypeError(
                f"{where or cls.__name__}: missing required field {name!r}",
                argument=_join(where, name),
            )
        else:
            # Send only what the caller gave: the server applies the spec's defaults itself.
            checked[name] = UNSET
    model = cls(**checked)
    if unknown:
        extra: dict[str, Any] = {}
        for key in unknown:
            if not isinstance(key, str):
                raise ArgumentTypeError(
                    f"{where or cls.__name__}: field names are text, got {key!r:.60}",
                    argument=where or cls.__name__,
                )
            extra[key] = _check_field(namespace, str(extra_type), values[key], _join(where, key))
        model.additional_properties.update(extra)  # type: ignore[attr-defined]  # attrs models
    return model


def _checked_instance(cls: type[ModelT], instance: ModelT, where: str) -> ModelT:
    """A request model given as one, checked field by field as ``coerce_model`` checks a dict.

    The instance is returned as it is when every value is accepted unchanged; when a value
    needs converting (a dict where a nested model belongs, a UUID given as text), a copy with
    the converted values, so the caller's object is never changed.
    """
    import attrs  # see _request_fields

    namespace = vars(sys.modules[cls.__module__])
    constraints = _constraints_of(namespace)
    changed: dict[str, Any] = {}
    for name, (type_string, required) in _request_fields(cls).items():
        value = getattr(instance, name)
        if isinstance(value, Unset):
            if required:
                raise ArgumentTypeError(
                    f"{where or cls.__name__}: missing required field {name!r}",
                    argument=_join(where, name),
                )
            continue
        where_field = _join(where, name)
        accepted = _check_field(
            namespace, type_string, value, where_field, constraints.get(name, _NO_CONSTRAINTS)
        )
        if accepted is not value and not _same_items(accepted, value):
            changed[name] = accepted
    if not changed:
        return instance
    copy: Any = attrs.evolve(instance, **changed)  # type: ignore[misc]  # attrs models only
    extra = getattr(instance, "additional_properties", None)
    if extra is not None:  # not an __init__ argument: evolve() leaves it empty
        copy.additional_properties = dict(extra)
    return cast(ModelT, copy)


def _same_items(checked: object, given: object) -> bool:
    """A list the checks rebuilt with the very items it was given (nothing was converted)."""
    return (
        isinstance(checked, list)
        and isinstance(given, list)
        and len(checked) == len(given)
        and all(a is b for a, b in zip(checked, given, strict=True))
    )


#: ``_request_fields`` per model class: the same few request models are checked on every call.
_FIELDS_OF: dict[type[Any], dict[str, tuple[str, bool]]] = {}


def _request_fields(cls: type[Any]) -> dict[str, tuple[str, bool]]:
    """A model's fields (its additional properties aside): name -> (annotation, required)."""
    fields = _FIELDS_OF.get(cls)
    if fields is None:
        import attrs  # the models' library: loaded with them, on first use

        fields = {
            field.name: (str(field.type), field.default is attrs.NOTHING)
            for field in attrs.fields(cls)
            if field.name != "additional_properties"
        }
        _FIELDS_OF[cls] = fields
    return fields


def _constraints_of(namespace: Mapping[str, Any]) -> Mapping[str, FieldConstraints]:
    table: Mapping[str, FieldConstraints] = namespace.get("FIELD_CONSTRAINTS", {})
    return table


def _check_field(
    namespace: Mapping[str, Any],
    type_string: str,
    value: Any,
    where: str,
    constraints: FieldConstraints = _NO_CONSTRAINTS,
) -> Any:
    """Accept one field's value: its type, then its schema's constraints. Returns the value,
    made the model/enum/UUID its annotation names where it was given as a dict or text."""
    checked = _check(namespace, type_string, value, where)
    if constraints:
        _check_constraints(checked, constraints, where)
    return checked


def _check_constraints(value: Any, constraints: FieldConstraints, where: str) -> None:
    """Raise ``ArgumentValueError`` naming ``where`` if ``value`` breaks one of ``constraints``.

    ``None`` and ``UNSET`` have nothing to check (their type was accepted already); the numeric
    constraints apply to numbers, the length and pattern ones to text, the item ones to lists.
    """
    if value is None or isinstance(value, Unset | bool):
        return
    if isinstance(value, int | float):
        _check_number(value, constraints, where)
    elif isinstance(value, str):
        _check_text(value, constraints, where)
    elif isinstance(value, list):
        _check_items(value, constraints, where)


def _too(where: str, value: object, why: str) -> ArgumentValueError:
    return ArgumentValueError(f"{where}: {value!r:.60} {why}", argument=where)


def _check_number(value: float, c: FieldConstraints, where: str) -> None:
    int_format = c.get("int_format")
    if int_format is not None and isinstance(value, int):
        low, high = _INT_RANGES[int_format]
        if not low <= value <= high:
            raise ArgumentValueError(
                f"{where}: {value} does not fit the contract's {int_format} integers "
                f"({low} to {high})",
                argument=where,
            )
    if "minimum" in c and value < c["minimum"]:
        raise _too(where, value, f"is less than the minimum, {c['minimum']}")
    if "exclusive_minimum" in c and value <= c["exclusive_minimum"]:
        raise _too(where, value, f"must be greater than {c['exclusive_minimum']}")
    if "maximum" in c and value > c["maximum"]:
        raise _too(where, value, f"is more than the maximum, {c['maximum']}")
    if "exclusive_maximum" in c and value >= c["exclusive_maximum"]:
        raise _too(where, value, f"must be less than {c['exclusive_maximum']}")
    if "multiple_of" in c:
        quotient = value / c["multiple_of"]
        if abs(quotient - round(quotient)) > 1e-9 * max(1.0, abs(quotient)):
            raise _too(where, value, f"is not a multiple of {c['multiple_of']}")


def _check_text(value: str, c: FieldConstraints, where: str) -> None:
    if "min_length" in c and len(value) < c["min_length"]:
        raise _too(where, value, f"is shorter than {c['min_length']} character(s)")
    if "max_length" in c and len(value) > c["max_length"]:
        raise _too(where, value, f"is longer than {c['max_length']} character(s)")
    # JSON Schema patterns are unanchored ECMA-262 expressions; re.ASCII keeps \d and \w ASCII.
    if "pattern" in c and re.search(c["pattern"], value, re.ASCII) is None:
        raise _too(where, value, f"does not match the pattern {c['pattern']!r}")


def _check_items(value: list[Any], c: FieldConstraints, where: str) -> None:
    if "min_items" in c and len(value) < c["min_items"]:
        raise ArgumentValueError(
            f"{where}: {len(value)} item(s), the contract needs at least {c['min_items']}",
            argument=where,
        )
    if "max_items" in c and len(value) > c["max_items"]:
        raise ArgumentValueError(
            f"{where}: {len(value)} item(s), the contract allows at most {c['max_items']}",
            argument=where,
        )
    if c.get("unique_items"):
        seen: list[Any] = []
        for index, item in enumerate(value):
            if item in seen:
                raise _too(f"{where}[{index}]", item, "repeats an earlier item (items are unique)")
            seen.append(item)
    items = c.get("items")
    if items:
        for index, item in enumerate(value):
            _check_constraints(item, items, f"{where}[{index}]")


def _check(namespace: Mapping[str, Any], type_string: str, value: Any, where: str) -> Any:
    """Check ``value`` against a generated annotation string; return it, dicts made models.

    Names in the annotation resolve in ``namespace``, the generated model module's globals.
    """
    alternatives = _UNION_SPLIT.split(type_string.strip())
    refused: InvalidArgumentError | None = None
    for alternative in alternatives:
        try:
            return _check_one(namespace, alternative, value, where)
        except _Mismatch:
            continue
        except InvalidArgumentError as exc:  # a dict that is not this model: maybe the next one
            refused = refused or exc
    if refused is not None:
        raise refused
    expected = " or ".join(a for a in alternatives if a != "Unset")
    if isinstance(value, float) and not math.isfinite(value) and "float" in alternatives:
        raise ArgumentValueError(f"{where}: {value!r} is not a finite number", argument=where)
    raise ArgumentTypeError(
        f"{where}: expected {expected}, got {type(value).__name__} {value!r:.60}", argument=where
    )


def _check_one(namespace: Mapping[str, Any], alternative: str, value: Any, where: str) -> Any:
    if alternative in _SCALARS:
        if _SCALARS[alternative](value):
            return value
        raise _Mismatch(alternative)
    if alternative == "datetime.datetime":
        if not isinstance(value, datetime.datetime):
            raise _Mismatch(alternative)
        if value.utcoffset() is None:
            # Sent without an offset, the server would read it in a zone of its choosing.
            raise ArgumentValueError(
                f"{where}: {value!r:.60} is a naive datetime; give it a timezone, e.g. "
                "datetime.datetime.now(datetime.UTC) or value.replace(tzinfo=datetime.UTC)",
                argument=where,
            )
        return value
    if alternative == "Any":
        _check_json(value, where)
        return value
    if alternative == "UUID":
        if isinstance(value, uuid.UUID):
            return value
        if isinstance(value, str):
            parsed = canonical_uuid(value)
            if parsed is None:
                raise ArgumentValueError(
                    f"{where}: {value!r:.60} is not a UUID in canonical form (32 hex digits, "
                    "hyphenated 8-4-4-4-12 or not)",
                    argument=where,
                )
            return parsed
        raise _Mismatch(alternative)
    if alternative.startswith("list[") and alternative.endswith("]"):
        if isinstance(value, Sequence) and not isinstance(value, str | bytes):
            inner = alternative[5:-1]
            return [
                _check(namespace, inner, item, f"{where}[{index}]")
                for index, item in enumerate(value)
            ]
        raise _Mismatch(alternative)
    import attrs  # see _request_fields

    target = namespace.get(alternative)
    if isinstance(target, type) and issubclass(target, enum.Enum):
        if isinstance(value, target):
            return value
        if isinstance(value, str):
            try:
                return target(value)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in target)
                raise ArgumentValueError(
                    f"{where}: {value!r:.60} is not one of {allowed}", argument=where
                ) from None
        raise _Mismatch(alternative)
    if isinstance(target, type) and attrs.has(target):
        if isinstance(value, target):
            return _checked_instance(target, value, where)
        if isinstance(value, Mapping):
            return coerce_model(target, value, where)
        raise _Mismatch(alternative)
    if isinstance(target, type) and isinstance(value, target):  # File, the upload wrapper
        return value
    raise _Mismatch(alternative)


def _check_json(value: object, where: str) -> None:
    """A free-form (untyped) value must be what JSON can carry; say where it is not."""
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ArgumentValueError(f"{where}: {value!r} is not a finite number", argument=where)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ArgumentTypeError(
                    f"{where}: JSON object keys are text, got {type(key).__name__} {key!r:.60}",
                    argument=where,
                )
            _check_json(item, f"{where}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_json(item, f"{where}[{index}]")
        return
    raise ArgumentTypeError(
        f"{where}: {type(value).__name__} {value!r:.60} cannot be sent as JSON (use text, "
        "numbers, booleans, None, lists and dicts; a datetime as its isoformat())",
        argument=where,
    )


class _EndpointNames(Mapping[str, Any]):
    """The names an operation's parameter annotations use: its endpoint module's globals, then
    the generated models (which the endpoint module imports only for type checking)."""

    __slots__ = ("_globals", "_models_package")

    def __init__(self, module_name: str) -> None:
        self._globals = vars(sys.modules[module_name])
        self._models_package = module_name.partition(".api.")[0] + ".models"

    def __getitem__(self, name: str) -> Any:
        if name in self._globals:
            return self._globals[name]
        return getattr(importlib.import_module(self._models_package), name)

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except (AttributeError, KeyError, ImportError):
            return default

    def __iter__(self) -> Iterator[str]:
        return iter(self._globals)

    def __len__(self) -> int:
        return len(self._globals)


def _endpoint_namespace(operation: Operation[Any]) -> Mapping[str, Any]:
    return _EndpointNames(operation.build_request.__module__)


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


# ---------------------------------------------------------------------------------------------
# The query string and wrapped responses: one rule each, for every operation.
# ---------------------------------------------------------------------------------------------


def file_payload(file: Any) -> bytes:
    """The bytes of a ``File`` sent as a whole request body (``application/octet-stream``).

    Read once, when the request is built: every attempt of the call then sends the same bytes
    (a file object would be used up by the first), and httpx's async client cannot send a
    file object as content anyway.
    """
    payload = getattr(file, "payload", file)
    if isinstance(payload, bytes | bytearray | memoryview):
        return bytes(payload)
    read = getattr(payload, "read", None)
    if not callable(read):
        raise ArgumentTypeError(
            f"body: expected a File whose payload is bytes or a binary file object, got "
            f"{type(payload).__name__}",
            argument="body",
        )
    data = read()
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ArgumentTypeError(
            f"body: the File's payload read as {type(data).__name__}, not bytes (open the file "
            "in binary mode, 'rb')",
            argument="body",
        )
    return bytes(data)


def query_params(
    values: Mapping[str, object], *, comma_separated: Sequence[str] = ()
) -> dict[str, str | list[str]]:
    """The query parameters of one call, as strings (the generated request builders use this).

    ``values`` maps each parameter's name on the wire to the caller's value; ``UNSET`` and
    ``None`` are left out. Enums are sent as their value, dates and datetimes in ISO 8601,
    UUIDs in their canonical form, booleans as ``true``/``false``. A list is sent as one
    comma-separated value when its parameter is in ``comma_separated`` (OpenAPI's ``style:
    form, explode: false``), else as the parameter repeated. Raises ``ArgumentTypeError``
    naming the parameter for a value no query string can carry.
    """
    params: dict[str, str | list[str]] = {}
    for name, value in values.items():
        if value is None or isinstance(value, Unset):
            continue
        if isinstance(value, Sequence) and not isinstance(value, str | bytes):
            items = [_query_value(name, item) for item in value]
            params[name] = ",".join(items) if name in comma_separated else items
        else:
            params[name] = _query_value(name, value)
    return params


def _query_value(name: str, value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | uuid.UUID):
        return str(value)
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return repr(value)
    if isinstance(value, datetime.date):  # datetime.datetime included
        return value.isoformat()
    raise ArgumentTypeError(
        f"{name}: {type(value).__name__} {value!r:.60} cannot be sent in a query", argument=name
    )


def unwrapped(document: object, key: str) -> Any:
    """The ``key`` property of a wrapped response body (``x-sdk-unwrap`` in the contract).

    Raises ``ValueError`` (the client reports it as ``APIResponseValidationError``) when the
    body is not an object holding ``key``.
    """
    if not isinstance(document, dict) or key not in document:
        raise ValueError(f"the response body is not the documented {{{key!r}: ...}} envelope")
    return document[key]


def sole_item(document: object) -> Any:
    """The report in a body that is one object or a one-element array around it.

    The contract says which operations answer so (``oneOf: [S, array of S]``, codegen's
    ``sole_item``). Raises ``ValueError`` (the client reports it as
    ``APIResponseValidationError``) for an array of any other length: which item would be meant
    is not for the SDK to guess.
    """
    if isinstance(document, list):
        if len(document) != 1:
            raise ValueError(
                f"the response body is an array of {len(document)} items where one object, or "
                "a one-element array around it, is documented"
            )
        return document[0]
    return document
