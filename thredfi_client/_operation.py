"""What every generated operation needs at run time: the hand-written module generated code uses.

``thredfi_client/_generated/`` holds only what varies per operation (its path, its parameters,
its models, its parser). Everything that is the same for each of them lives here, under ruff,
``mypy --strict`` and the coverage gate: the option markers (``NOT_GIVEN``, ``UNSET``), the
``Operation`` record and the ``Requester`` protocol the client implements, ``RawResponse``, and
the checking of request bodies given as keywords, dicts or models (``request_body``,
``coerce_model``), the query string of a call (``query_params``) and the envelope a wrapped
response is taken out of (``unwrapped``). This module is a leaf: it imports nothing else from
``thredfi_client``, so the generated package can import it without reaching the client, auth or
retry layers (docs/architecture.md; openai-python's generated resources use its
``_base_client`` likewise). Auto-pagination is ``_pagination``, which builds on this module.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
import sys
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Literal, Protocol, TypeVar

import httpx

__all__ = [
    "NOT_GIVEN",
    "UNSET",
    "Body",
    "Headers",
    "NotGiven",
    "Operation",
    "Query",
    "RawResponse",
    "Requester",
    "TimeoutTypes",
    "Unset",
    "coerce_model",
    "query_params",
    "request_body",
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
    body keyword of the method, ``UNSET`` where the caller left it out. Raises ``TypeError`` or
    ``ValueError`` naming the field before anything is sent.
    """
    if operation.body_model is None:
        raise TypeError(f"{operation.operation_id} has no request model")
    model = operation.body_model()
    given = {name: value for name, value in fields.items() if not isinstance(value, Unset)}
    if body is None:
        return coerce_model(model, given, "")
    if given:
        raise TypeError(
            f"{operation.operation_id}: pass the body either as body= or as keywords, not both "
            f"(got body= and {', '.join(given)})"
        )
    if isinstance(body, model):
        return body
    if isinstance(body, Mapping):
        return coerce_model(model, body, "body")
    raise TypeError(
        f"body: expected {model.__name__} or a mapping, got {type(body).__name__} {body!r:.60}"
    )


# ---------------------------------------------------------------------------------------------
# Turning keyword arguments and plain dicts into request models, with errors that name the field.
# Each field is checked against its generated annotation by `_check`. Per-field schema facts
# (minimum, minLength, ...) belong in `_check_field`, the one place a field's value is accepted.
# ---------------------------------------------------------------------------------------------

_UNION_SPLIT = re.compile(r"\s*\|\s*(?![^\[]*\])")


class _Mismatch(Exception):
    pass


_SCALARS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "None": lambda v: v is None,
    "Unset": lambda v: isinstance(v, Unset),
    "Any": lambda v: True,
    "datetime.datetime": lambda v: isinstance(v, datetime.datetime),
    "datetime.date": lambda v: (
        isinstance(v, datetime.date) and not isinstance(v, datetime.datetime)
    ),
}


def coerce_model(cls: type[ModelT], values: Mapping[str, Any], where: str) -> ModelT:
    """Build request model ``cls`` from keyword values or a plain dict, checking every field.

    Raises ``TypeError`` for a missing/unknown field or a value of the wrong type and
    ``ValueError`` for a value out of its allowed set, naming the field
    (``line_items[1].quantity``).
    """
    import attrs  # the models' library: loaded with them, on first use

    fields = {field.name: field for field in attrs.fields(cls)}  # type: ignore[arg-type]
    fields.pop("additional_properties", None)
    unknown = [key for key in values if key not in fields]
    if unknown:
        names = ", ".join(map(repr, unknown))
        raise TypeError(f"{where or cls.__name__}: unknown field(s) {names}")
    namespace = vars(sys.modules[cls.__module__])
    checked: dict[str, Any] = {}
    for name, field in fields.items():
        if name in values and not isinstance(values[name], Unset):
            where_field = _join(where, name)
            checked[name] = _check_field(namespace, str(field.type), values[name], where_field)
        elif field.default is attrs.NOTHING:
            raise TypeError(f"{where or cls.__name__}: missing required field {name!r}")
        else:
            # Send only what the caller gave: the server applies the spec's defaults itself.
            checked[name] = UNSET
    return cls(**checked)


def _check_field(namespace: Mapping[str, Any], type_string: str, value: Any, where: str) -> Any:
    """Accept one field's value: its type (and, later, its schema's constraints)."""
    return _check(namespace, type_string, value, where)


def _check(namespace: Mapping[str, Any], type_string: str, value: Any, where: str) -> Any:
    """Check ``value`` against a generated annotation string; return it, dicts made models.

    Names in the annotation resolve in ``namespace``, the generated model module's globals.
    """
    alternatives = _UNION_SPLIT.split(type_string.strip())
    for alternative in alternatives:
        try:
            return _check_one(namespace, alternative, value, where)
        except _Mismatch:
            continue
    expected = " or ".join(a for a in alternatives if a != "Unset")
    raise TypeError(f"{where}: expected {expected}, got {type(value).__name__} {value!r:.60}")


def _check_one(namespace: Mapping[str, Any], alternative: str, value: Any, where: str) -> Any:
    if alternative in _SCALARS:
        if _SCALARS[alternative](value):
            return value
        raise _Mismatch(alternative)
    if alternative == "UUID":
        if isinstance(value, uuid.UUID):
            return value
        if isinstance(value, str):
            try:
                return uuid.UUID(value)
            except ValueError:
                raise ValueError(f"{where}: {value!r:.60} is not a UUID") from None
        raise _Mismatch(alternative)
    if alternative.startswith("list[") and alternative.endswith("]"):
        if isinstance(value, Sequence) and not isinstance(value, str | bytes):
            inner = alternative[5:-1]
            return [
                _check(namespace, inner, item, f"{where}[{index}]")
                for index, item in enumerate(value)
            ]
        raise _Mismatch(alternative)
    import attrs  # see coerce_model

    target = namespace.get(alternative)
    if isinstance(target, type) and issubclass(target, enum.Enum):
        if isinstance(value, target):
            return value
        if isinstance(value, str):
            try:
                return target(value)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in target)
                raise ValueError(f"{where}: {value!r:.60} is not one of {allowed}") from None
        raise _Mismatch(alternative)
    if isinstance(target, type) and attrs.has(target):
        if isinstance(value, target):
            return value
        if isinstance(value, Mapping):
            return coerce_model(target, value, where)
        raise _Mismatch(alternative)
    raise _Mismatch(alternative)


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


# ---------------------------------------------------------------------------------------------
# The query string and wrapped responses: one rule each, for every operation.
# ---------------------------------------------------------------------------------------------


def query_params(
    values: Mapping[str, object], *, comma_separated: Sequence[str] = ()
) -> dict[str, str | list[str]]:
    """The query parameters of one call, as strings (the generated request builders use this).

    ``values`` maps each parameter's name on the wire to the caller's value; ``UNSET`` and
    ``None`` are left out. Enums are sent as their value, dates and datetimes in ISO 8601,
    UUIDs in their canonical form, booleans as ``true``/``false``. A list is sent as one
    comma-separated value when its parameter is in ``comma_separated`` (OpenAPI's ``style:
    form, explode: false``), else as the parameter repeated. Raises ``TypeError`` naming the
    parameter for a value no query string can carry.
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
    raise TypeError(f"{name}: {type(value).__name__} {value!r:.60} cannot be sent in a query")


def unwrapped(document: object, key: str) -> Any:
    """The ``key`` property of a wrapped response body (``x-sdk-unwrap`` in the contract).

    Raises ``ValueError`` (the client reports it as ``APIResponseValidationError``) when the
    body is not an object holding ``key``.
    """
    if not isinstance(document, dict) or key not in document:
        raise ValueError(f"the response body is not the documented {{{key!r}: ...}} envelope")
    return document[key]
