"""The exception tree of the SDK and the mapping from HTTP failures to it.

Every exception the SDK raises on purpose derives from :class:`ThredfiError`:

* :class:`APIConnectionError` (and :class:`APITimeoutError`, :class:`ResponseTooLargeError`) --
  no usable response arrived.
* :class:`APIResponseValidationError` -- a 2xx response whose body could not be parsed.
* :class:`APIStatusError` and one subclass per documented status (see :data:`STATUS_ERRORS`).
* :class:`InvalidArgumentError` -- an argument of a call breaks the contract; nothing was sent.
  Raised as :class:`ArgumentValueError` (also a ``ValueError``) or :class:`ArgumentTypeError`
  (also a ``TypeError``), so code written for the built-in exceptions keeps working.
* :class:`EventLoopError` and :class:`ClientClosedError` -- the client was used where or when it
  cannot work (also ``RuntimeError`` subclasses).

This module imports nothing else from the SDK: the runtime module of the generated code
(``_operation``) raises the argument errors, and may import it without reaching another layer.

The messages never contain anything taken from the request other than its method and URL path,
so an ``Authorization`` header can never leak through ``str()``, ``repr()`` or a log line; a
pickled exception carries its request without credential headers.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import httpx

__all__ = [
    "AUTH_FAILURE_STATUSES",
    "STATUS_ERRORS",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "EventLoopError",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ThredfiError",
    "UnprocessableEntityError",
    "connection_error_from",
    "error_class_for_status",
    "status_error_from_response",
]

#: Deepest nesting of a server's JSON body that is parsed (deeper: kept as text).
MAX_JSON_DEPTH: Final = 64
#: Longest piece of a non-JSON body quoted in a message.
_SNIPPET_CHARS: Final = 200
#: Longest body text kept on :class:`APIResponseValidationError`.
_BODY_CHARS: Final = 2000
#: Response headers that may carry a request id when the body does not.
_REQUEST_ID_HEADERS: Final = ("x-request-id", "request-id")
#: ``str()`` of a status error names at most this many fields of ``field_errors``...
_FIELDS_SHOWN: Final = 5
#: ...each (name and messages) in at most this many characters.
_FIELD_CHARS: Final = 80
#: Request headers a pickled exception leaves out.
_CREDENTIAL_HEADERS: Final = frozenset({"authorization", "proxy-authorization", "cookie"})

_TITLE_RE: Final = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_INVISIBLE_RE: Final = re.compile(
    r"<(script|style|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_TAG_RE: Final = re.compile(r"<[^>]*>")
_SPACE_RE: Final = re.compile(r"\s+")
# A proxy that echoes the request back must not leak credentials into a message.
_CREDENTIAL_RE: Final = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}", re.IGNORECASE)


class ThredfiError(Exception):
    """Base class of every exception raised by the SDK."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its attributes, not through __init__ (whose signature differs per class),
        # and without credentials: a pickled error may travel to another process or a log store.
        state = {key: _without_credentials(value) for key, value in self.__dict__.items()}
        return (_rebuilt, (type(self), self.args), state)


class InvalidArgumentError(ThredfiError):
    """An argument of a call breaks the contract; raised before anything is sent.

    ``argument`` names it as the call spelled it: ``business_id``, ``credit_limit_cents``,
    ``line_items[1].quantity``, ``body.external_id`` (empty when the call as a whole is wrong).
    Raised as one of its two subclasses, never itself.
    """

    argument: str

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.argument = argument

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class ArgumentValueError(InvalidArgumentError, ValueError):
    """A value the contract forbids: out of range, too long, not matching, not canonical."""


class ArgumentTypeError(InvalidArgumentError, TypeError):
    """An argument of the wrong type, a missing required field or an unknown one."""


class APIConnectionError(ThredfiError):
    """The request failed before a complete response was received (DNS, connect, reset, ...).

    ``request`` is the request that failed, when known. The message names only its method and
    URL path.
    """

    request: httpx.Request | None

    def __init__(
        self, message: str = "Connection error.", *, request: httpx.Request | None
    ) -> None:
        super().__init__(message)
        self.request = request

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class APITimeoutError(APIConnectionError):
    """A connect, read, write, pool or total-attempt timeout expired."""

    def __init__(
        self, message: str = "Request timed out.", *, request: httpx.Request | None
    ) -> None:
        super().__init__(message, request=request)


class ResponseTooLargeError(APIConnectionError):
    """The response body was larger than ``max_response_bytes`` (counted after decompression).

    The rest of the body was not read and its connection was closed. Not retried: the same
    request would get the same answer. ``limit`` is the cap in bytes.
    """

    limit: int

    def __init__(self, message: str, *, request: httpx.Request | None, limit: int) -> None:
        super().__init__(message, request=request)
        self.limit = limit


class EventLoopError(ThredfiError, RuntimeError):
    """The client was used from an event loop other than the one it first ran in.

    A client's connections belong to one event loop. Create one client per event loop (or
    thread), inside the loop that uses it.
    """


class ClientClosedError(ThredfiError, RuntimeError):
    """The client was closed (a call in flight then may have reached the server).

    Also raised by clients derived with ``with_options`` from a closed one.
    """


class APIResponseValidationError(ThredfiError):
    """A successful (2xx) response arrived but its body could not be parsed into the model.

    ``body`` holds the response text, truncated; ``response`` the full response.
    """

    response: httpx.Response
    status_code: int
    body: str

    def __init__(self, response: httpx.Response, reason: str) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = _truncate(_safe_text(response), _BODY_CHARS)
        super().__init__(
            f"could not parse {response.status_code} response from "
            f"{_describe_request(response)}: {reason}"
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"


class APIStatusError(ThredfiError):
    """The API answered with an error status (4xx or 5xx).

    Raised as is for a status without a dedicated subclass (e.g. 418); otherwise one of the
    subclasses listed in :data:`STATUS_ERRORS`.

    Attributes:
        status_code: the HTTP status.
        error_code: the machine-readable ``error_code`` of the body, if any.
        message: the human-readable message (from the body, else the reason phrase and a snippet).
        field_errors: messages per request field, from ``detail.field_errors`` or ``details``.
        request_id: the body's ``request_id``, else an ``x-request-id``/``request-id`` header.
        body: the parsed JSON body, or its text when it is not JSON.
        response: the response itself.
    """

    status_code: int
    error_code: str | None
    field_errors: dict[str, list[str]]
    request_id: str | None
    body: object
    response: httpx.Response

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object = None,
        error_code: str | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.error_code = error_code
        self.field_errors = dict(field_errors or {})
        self.request_id = request_id

    def __str__(self) -> str:
        # e.g. "400 validation_error: Invalid input. (email: Enter a valid email address.)
        # (request_id=req_1)": the traceback names the class already, so the text does not.
        code = f" {self.error_code}" if self.error_code else ""
        fields = _describe_field_errors(self.field_errors)
        rid = f" (request_id={self.request_id})" if self.request_id else ""
        return f"{self.status_code}{code}: {self.message}{fields}{rid}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, "
            f"error_code={self.error_code!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError):
    """400: the request was malformed or failed validation (see ``field_errors``)."""


class AuthenticationError(APIStatusError):
    """401, or any 400/401/403 from a token endpoint: credentials or token were rejected."""


class PermissionDeniedError(APIStatusError):
    """403: the token is valid but may not access this resource (e.g. another business)."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist or is not visible to this token."""


class ConflictError(APIStatusError):
    """409: a duplicate (e.g. ``external_id``) or an invalid state transition. Never retried."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried by the retry layer before reaching the caller."""


class InternalServerError(APIStatusError):
    """Any 5xx status: the server or a proxy in front of it failed."""


#: Status code -> exception class. The entry for 500 stands for every status >= 500; any other
#: status missing here maps to :class:`APIStatusError` itself.
STATUS_ERRORS: Final[Mapping[int, type[APIStatusError]]] = MappingProxyType(
    {
        400: BadRequestError,
        401: AuthenticationError,
        403: PermissionDeniedError,
        404: NotFoundError,
        409: ConflictError,
        422: UnprocessableEntityError,
        429: RateLimitError,
        500: InternalServerError,
    }
)

#: Statuses that mean "authentication failed" when they come from a token endpoint.
AUTH_FAILURE_STATUSES: Final = frozenset({400, 401, 403})


def error_class_for_status(status_code: int, *, auth_failure: bool = False) -> type[APIStatusError]:
    """Return the exception class for ``status_code``, looked up in :data:`STATUS_ERRORS`.

    With ``auth_failure=True`` (the response came from a token endpoint) 400, 401 and 403 all
    map to :class:`AuthenticationError`.
    """
    if auth_failure and status_code in AUTH_FAILURE_STATUSES:
        return AuthenticationError
    return STATUS_ERRORS.get(500 if status_code >= 500 else status_code, APIStatusError)


def status_error_from_response(
    response: httpx.Response, *, auth_failure: bool = False
) -> APIStatusError:
    """Build (not raise) the exception describing an error ``response``.

    The response body should have been read already; an unread streaming body is treated as
    empty. Both documented body shapes are understood -- the spec's
    ``{"error_code", "message", "detail": {"field_errors"}, "request_id"}`` and the guide's
    ``{"error", "error_code", "details": {field: [messages]}}`` -- and any other body (HTML,
    empty, a JSON list, ...) still yields the right class and a readable message. This function
    never raises.

    Args:
        response: the error response.
        auth_failure: the response answered a token request; 400/401/403 then become
            :class:`AuthenticationError`.
    """
    text = _safe_text(response)
    body = _parse_json(text)
    error_code: str | None = None
    message: str | None = None
    field_errors: dict[str, list[str]] = {}
    request_id: str | None = None
    if isinstance(body, dict):
        error_code = _nonempty_str(body.get("error_code"))
        message = _nonempty_str(body.get("message")) or _nonempty_str(body.get("error"))
        detail = body.get("detail")
        if isinstance(detail, dict):
            field_errors.update(_field_errors(detail.get("field_errors")))
        elif message is None:
            # Some frameworks answer {"detail": "Not found."}.
            message = _nonempty_str(detail)
        details = body.get("details")
        if isinstance(details, dict):
            field_errors.update(_field_errors(details))
        request_id = _nonempty_str(body.get("request_id"))
    elif body is None and text.strip().lower() != "null":
        body = text
    if request_id is None:
        request_id = _request_id_header(response)
    if message is None:
        # With an error_code the raw JSON would only repeat it; otherwise quote what came back.
        message = _fallback_message(response, "" if error_code else text)
    cls = error_class_for_status(response.status_code, auth_failure=auth_failure)
    return cls(
        _redact(message),
        response=response,
        body=body,
        error_code=error_code,
        field_errors={
            _redact(field): [_redact(m) for m in messages]
            for field, messages in field_errors.items()
        },
        request_id=request_id,
    )


def connection_error_from(
    exc: httpx.TransportError, request: httpx.Request | None = None
) -> APIConnectionError:
    """Build (not raise) the SDK exception for an httpx transport failure.

    ``httpx.TimeoutException`` becomes :class:`APITimeoutError` whose message says which
    timeout expired (and its configured length when known); anything else becomes
    :class:`APIConnectionError`. Raise the result ``from exc`` to keep the cause. ``request``
    defaults to the one attached to ``exc``.
    """
    if request is None:
        request = _exception_request(exc)
    where = f" ({request.method} {request.url.path})" if request is not None else ""
    detail = str(exc).strip()
    suffix = f": {_redact(detail)}" if detail else ""
    if isinstance(exc, httpx.TimeoutException):
        kind = _timeout_kind(exc)
        seconds = _configured_timeout(request, kind)
        after = f" after {seconds:g}s" if seconds is not None else ""
        return APITimeoutError(f"{kind} timed out{after}{where}{suffix}", request=request)
    return APIConnectionError(f"{type(exc).__name__}{where}{suffix}", request=request)


def _timeout_kind(exc: httpx.TimeoutException) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "connect"
    if isinstance(exc, httpx.WriteTimeout):
        return "write"
    if isinstance(exc, httpx.PoolTimeout):
        return "pool"
    return "read"


def _configured_timeout(request: httpx.Request | None, kind: str) -> float | None:
    if request is None:
        return None
    timeouts = request.extensions.get("timeout")
    if not isinstance(timeouts, Mapping):
        return None
    value = timeouts.get(kind)
    return float(value) if isinstance(value, int | float) else None


def _exception_request(exc: httpx.TransportError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:  # httpx raises this when no request was attached
        return None


def _describe_request(response: httpx.Response) -> str:
    try:
        request = response.request
    except RuntimeError:  # a response built by hand may have no request
        return "the server"
    return f"{request.method} {request.url.path}"


def _safe_text(response: httpx.Response) -> str:
    try:
        return response.text
    except httpx.ResponseNotRead:
        return ""


def _parse_json(text: str) -> object:
    if not text.strip():
        return None
    return parse_json_body(text)


def parse_json_body(data: str | bytes) -> object:
    """The JSON value of a server's body, or None if it is not JSON or nests deeper than
    :data:`MAX_JSON_DEPTH` levels.

    ``json`` itself parses ~1000 levels, but everything that walks a parsed body afterwards
    (redaction, masking, pickling) recurses per level: a body a few hundred levels deep would
    raise ``RecursionError`` there, far from any handler. No API body nests beyond a few levels.
    """
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return value if _nesting_within(value, MAX_JSON_DEPTH) else None


def _nesting_within(value: object, limit: int) -> bool:
    """Whether ``value`` nests at most ``limit`` containers deep (walked without recursion)."""
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return False
        pending.extend((child, depth + 1) for child in children)
    return True


def _nonempty_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _field_errors(value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        return {}
    result: dict[str, list[str]] = {}
    for key, messages in value.items():
        if isinstance(messages, str):
            result[str(key)] = [messages]
        elif isinstance(messages, list):
            result[str(key)] = [m if isinstance(m, str) else json.dumps(m) for m in messages]
    return result


def _rebuilt(cls: type[ThredfiError], args: tuple[object, ...]) -> ThredfiError:
    """Unpickle an exception: a bare instance; pickle then restores its attributes."""
    return cls.__new__(cls, *args)


def _describe_field_errors(field_errors: Mapping[str, list[str]]) -> str:
    """`` (field: message; other: message)`` for ``str()``, bounded in length; ``""`` if none."""
    if not field_errors:
        return ""
    parts = [
        _truncate(f"{field}: {' '.join(messages)}", _FIELD_CHARS)
        for field, messages in list(field_errors.items())[:_FIELDS_SHOWN]
    ]
    if len(field_errors) > _FIELDS_SHOWN:
        parts.append(f"and {len(field_errors) - _FIELDS_SHOWN} more fields")
    return f" ({'; '.join(parts)})"


def _without_credentials(value: object) -> object:
    """``value``, or for an httpx request/response a copy whose request has no credential."""
    if isinstance(value, httpx.Request):
        headers = [
            (name, header)
            for name, header in value.headers.multi_items()
            if name.lower() not in _CREDENTIAL_HEADERS
        ]
        return httpx.Request(value.method, value.url, headers=headers)
    if isinstance(value, httpx.Response):
        clone = copy.copy(value)  # httpx's own pickling state: status, headers, content
        with contextlib.suppress(RuntimeError):  # a response built by hand may have no request
            clone.request = _without_credentials(value.request)  # type: ignore[assignment]
        return clone
    return value


def _request_id_header(response: httpx.Response) -> str | None:
    for name in _REQUEST_ID_HEADERS:
        value: str = response.headers.get(name, "").strip()
        if value:
            return value
    return None


def _fallback_message(response: httpx.Response, text: str) -> str:
    reason = response.reason_phrase or f"HTTP {response.status_code}"
    snippet = _snippet(text)
    # nginx pages are titled "502 Bad Gateway": repeating the reason adds nothing.
    if snippet.lower() in {"", reason.lower(), f"{response.status_code} {reason}".lower()}:
        return reason
    return f"{reason}: {snippet}"


def _snippet(text: str) -> str:
    title = _TITLE_RE.search(text)
    text = title.group(1) if title else _TAG_RE.sub(" ", _INVISIBLE_RE.sub(" ", text))
    return _truncate(_SPACE_RE.sub(" ", text).strip(), _SNIPPET_CHARS)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _redact(text: str) -> str:
    return _CREDENTIAL_RE.sub(r"\1 [redacted]", text)
