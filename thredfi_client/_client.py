"""``ThredfiClient``: composes auth, retries and typed errors around the generated operations."""

from __future__ import annotations

import copy
import functools
import ipaddress
import logging
import os
import platform
import time
import uuid
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Literal, Self, TypeVar, cast, get_args

import httpx

from . import _extensions as ext
from ._auth import ThredfiAuth
from ._errors import (
    APIResponseValidationError,
    APIStatusError,
    ThredfiError,
    connection_error_from,
    status_error_from_response,
)
from ._generated import Resources
from ._operation import (
    NOT_GIVEN,
    Body,
    Headers,
    NotGiven,
    Operation,
    Query,
    RawResponse,
    TimeoutTypes,
    Unset,
    checked_arguments,
)
from ._retry import RetryPolicy, RetryTransport
from ._token_store import TokenStore
from ._tokens import TOKEN_POOL_LIMITS, TokenSource
from ._version import __version__

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "ThredfiClient"]

T = TypeVar("T")

logger = logging.getLogger("thredfi_client")

#: The vendor's sandbox; every current reference page uses it.
DEFAULT_BASE_URL = "https://sandbox.thredfi.com"
#: 5 s to connect, 30 s for each attempt as a whole (connect, send, and the whole body).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

#: What ``transport=`` accepts by name. ``"auto"``: ``"aiohttp"`` if the extra is installed.
TransportChoice = Literal["auto", "httpx", "aiohttp"]
#: What :attr:`ThredfiClient.transport_name` reports: ``"custom"`` for a transport instance.
TransportName = Literal["httpx", "aiohttp", "custom"]

USER_AGENT = (
    f"thredfi-client/{__version__} python/{platform.python_version_tuple()[0]}."
    f"{platform.python_version_tuple()[1]} httpx/{httpx.__version__}"
)


class ThredfiClient(Resources):
    """Async client for the Thredfi Accounting Platform API.

    Every operation of the contract is a method: ``await client.customers.get(...)``. Calls
    return the parsed model and raise a :class:`~thredfi_client.ThredfiError` subclass on any
    failure. Use it as an async context manager (or call :meth:`aclose`) to release connections.

    Args:
        partner_id: Partner UUID. Defaults to ``$THREDFI_PARTNER_ID``.
        api_key: Partner API key. Defaults to ``$THREDFI_API_KEY``. Never shown or logged.
        base_url: API origin. Defaults to ``$THREDFI_BASE_URL``, else the vendor sandbox.
            ``http://`` is refused unless the host is loopback.
        token_scope: ``"partner"`` (default) sends the partner token on every call;
            ``"business"`` exchanges it for a token scoped to the business in each URL.
        timeout: Seconds per attempt (connect capped at 5 s), or an ``httpx.Timeout`` whose
            ``read`` value bounds each attempt as a whole. ``None`` is refused: no call may hang.
        max_retries: Retries after the first attempt (default 2, or ``retry_policy``'s).
        retry_policy: Full retry settings (backoff, caps, statuses); ``max_retries``, when
            given, overrides its ``max_retries``.
        transport: ``"auto"``, ``"httpx"``, ``"aiohttp"`` (needs the ``[aiohttp]`` extra), or
            an ``httpx.AsyncBaseTransport`` to send through (e.g. ``httpx.ASGITransport`` for
            the in-process sandbox). Defaults to ``$THREDFI_TRANSPORT``, else ``"auto"``:
            ``"aiohttp"`` when the ``[aiohttp]`` extra is installed (measured much faster, see
            Performance), otherwise ``"httpx"``. Auth, retries and errors apply whichever is
            used; :attr:`transport_name` says which one it is. Pass ``"httpx"`` when testing
            with pytest-httpx or respx: they mock httpx's own transport only.
        limits: Connection pool limits (default 100 connections, 20 kept alive). Token
            requests have a small pool of their own (over the same kind of transport).
        token_store: Shares tokens between processes, e.g.
            ``RedisTokenStore(url="redis://...")`` (``[redis]`` extra): one token request per
            token per expiry across a fleet. Default ``None``: tokens are cached in process.
        token_cache_size: Business-scoped tokens cached in process at most; the least recently
            used go first (default 1000).
        default_headers: Headers sent with every call (a call's own headers and its
            ``extra_headers`` take precedence). ``Authorization``, ``Proxy-Authorization``,
            ``Cookie`` and ``Idempotency-Key`` are refused with a ``ValueError``.
    """

    def __init__(
        self,
        *,
        partner_id: str | None = None,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        token_scope: Literal["partner", "business"] = "partner",  # noqa: S107 -- not a secret
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: TransportChoice | httpx.AsyncBaseTransport | None = None,
        limits: httpx.Limits = DEFAULT_LIMITS,
        default_headers: Headers | None = None,
        token_store: TokenStore | None = None,
        token_cache_size: int = 1000,
    ) -> None:
        partner_id = partner_id or os.environ.get("THREDFI_PARTNER_ID")
        api_key = api_key or os.environ.get("THREDFI_API_KEY")
        if not partner_id:
            raise ValueError("partner_id is required (argument or $THREDFI_PARTNER_ID)")
        if not api_key:
            raise ValueError("api_key is required (argument or $THREDFI_API_KEY)")
        self._base_url = _checked_base_url(
            base_url or os.environ.get("THREDFI_BASE_URL") or DEFAULT_BASE_URL
        )
        self._timeout, self._total_timeout = _checked_timeout(timeout)
        self._default_headers = _checked_headers(
            "default_headers", default_headers, refused=_REFUSED_DEFAULT_HEADERS
        )
        policy = retry_policy or RetryPolicy()
        self._max_retries = _checked_max_retries(
            policy.max_retries if max_retries is None else max_retries
        )
        if transport is None:
            transport = _transport_from_environment()
        self._transport_name = name = _transport_name(transport)
        custom = transport if isinstance(transport, httpx.AsyncBaseTransport) else None
        tokens = TokenSource(
            partner_id=partner_id,
            api_key=api_key,
            base_url=self._base_url,
            # A transport given by the caller (e.g. in-process ASGI) carries token requests too.
            transport=custom or _inner_transport(name, TOKEN_POOL_LIMITS),
            owns_transport=custom is None,
            retry_policy=policy,
            token_store=token_store,
            cache_size=token_cache_size,
        )
        self._auth = ThredfiAuth(
            partner_id=partner_id,
            api_key=api_key,
            base_url=self._base_url,
            token_scope=token_scope,
            tokens=tokens,
        )
        api = custom or _inner_transport(name, limits)
        self._http = httpx.AsyncClient(
            base_url=self._base_url,
            auth=self._auth,
            transport=RetryTransport(api, policy),
            timeout=self._timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=False,  # credentials must never follow a Location elsewhere
        )
        self._owns_http = True
        self._bind_resources(self)

    # -- configuration -------------------------------------------------------------------------

    @property
    def base_url(self) -> httpx.URL:
        """The API origin every call goes to."""
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """Default timeout of each attempt."""
        return self._timeout

    @property
    def max_retries(self) -> int:
        """Default number of retries after the first attempt."""
        return self._max_retries

    @property
    def auth(self) -> ThredfiAuth:
        """The token handler (e.g. ``await client.auth.invalidate()`` to drop cached tokens)."""
        return self._auth

    @property
    def default_headers(self) -> Mapping[str, str]:
        """Headers sent with every call of this client (a copy)."""
        return dict(self._default_headers)

    @property
    def transport_name(self) -> TransportName:
        """The transport this client sends through: ``"httpx"``, ``"aiohttp"`` or ``"custom"``.

        What ``transport="auto"`` (the default) resolved to, or ``"custom"`` when an
        ``httpx.AsyncBaseTransport`` was passed. Clients made by :meth:`with_options` share it.
        """
        return self._transport_name

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The underlying ``httpx.AsyncClient``, with auth and retries installed."""
        return self._http

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | None = None,
    ) -> Self:
        """A client with other defaults that shares this one's connection pool and tokens.

        ``client.with_options(timeout=5.0, max_retries=0).customers.get(...)``.
        ``default_headers`` are added to this client's (same name: the new value wins).
        Closing the derived client does not close the shared pool; close the original.
        """
        derived = copy.copy(self)
        if default_headers is not None:
            merged = httpx.Headers(self._default_headers)
            merged.update(
                _checked_headers(
                    "default_headers", default_headers, refused=_REFUSED_DEFAULT_HEADERS
                )
            )
            derived._default_headers = merged
        if not isinstance(timeout, NotGiven):
            derived._timeout, derived._total_timeout = _checked_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            derived._max_retries = _checked_max_retries(max_retries)
        derived._owns_http = False
        derived._bind_resources(derived)
        return derived

    def __repr__(self) -> str:
        return (
            f"ThredfiClient(base_url={str(self._base_url)!r}, "
            f"partner_id={self._auth.partner_id!r}, token_scope={self._auth.token_scope!r})"
        )

    # -- lifecycle -----------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connection pools and the token store (a no-op on clients made by
        :meth:`with_options`)."""
        if self._owns_http:
            await self._http.aclose()
            await self._auth.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- the one path every operation takes ------------------------------------------------------

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
    ) -> RawResponse[T]:
        """Send one operation (the generated resources call this; see ``Requester``)."""
        added_headers = _checked_headers("extra_headers", extra_headers)
        arguments = _checked_path_params(operation, arguments)
        if operation.idempotency_key_param is not None:
            arguments = _with_idempotency_key(
                operation.idempotency_key_param, arguments, added_headers
            )
        request_kwargs = operation.build_request(**arguments)
        if extra_query:
            request_kwargs["params"] = {**request_kwargs.get("params", {}), **extra_query}
        if extra_body:
            _add_to_body(operation, request_kwargs, extra_body)
        if self._default_headers or added_headers:
            headers = httpx.Headers(self._default_headers)
            headers.update(request_kwargs.get("headers", {}))
            headers.update(added_headers)
            request_kwargs["headers"] = headers
        if isinstance(timeout, NotGiven):
            phases, total = self._timeout, self._total_timeout
        else:
            phases, total = _checked_timeout(timeout)
        retries = (
            self._max_retries
            if isinstance(max_retries, NotGiven)
            else _checked_max_retries(max_retries)
        )
        extensions: dict[str, Any] = {
            ext.MAX_RETRIES: retries,
            ext.TOTAL_TIMEOUT: total,
        }
        if operation.idempotent:
            extensions[ext.IDEMPOTENT] = True
        # The path is joined to the base URL here, as httpx would join them (base path + "/" +
        # path), so that httpx parses one absolute URL, not the relative one and then their join
        # (~30 us a call).
        request = self._http.build_request(
            request_kwargs.pop("method"),
            str(self._http.base_url).rstrip("/") + "/" + request_kwargs.pop("url").lstrip("/"),
            timeout=phases,
            extensions=extensions,
            **request_kwargs,
        )
        started = time.perf_counter()
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            raise self._scrubbed(connection_error_from(exc, request)) from exc
        if logger.isEnabledFor(logging.DEBUG):  # skips building the arguments (~2 us a call)
            logger.debug(
                "%s %s -> %s in %.3fs",
                request.method,
                request.url.path,
                response.status_code,
                time.perf_counter() - started,
                extra={"operation": operation.operation_id, "status_code": response.status_code},
            )
        try:
            return _parsed(operation, response)
        except ThredfiError as exc:
            raise self._scrubbed(exc) from exc.__cause__

    def _scrubbed(self, exc: ThredfiError) -> ThredfiError:
        """Remove this client's secrets from an error whose text came from a server."""
        redact = self._auth.redact
        exc.message = redact(exc.message)
        exc.args = tuple(redact(a) if isinstance(a, str) else a for a in exc.args)
        if isinstance(exc, APIStatusError):
            exc.request_id = redact(exc.request_id) if exc.request_id else exc.request_id
            exc.error_code = redact(exc.error_code) if exc.error_code else exc.error_code
            exc.body = _redact_json(exc.body, redact)
            exc.field_errors = {
                redact(k): [redact(m) for m in v] for k, v in exc.field_errors.items()
            }
        elif isinstance(exc, APIResponseValidationError):
            exc.body = redact(exc.body)
        return exc


def _parsed(operation: Operation[T], response: httpx.Response) -> RawResponse[T]:
    """Turn the final response into a RawResponse, or raise the matching typed error."""
    if response.status_code not in operation.success_statuses:
        if response.is_success:
            raise APIResponseValidationError(
                response, f"{response.status_code} is not a documented success status"
            )
        raise status_error_from_response(response)
    try:
        parsed = operation.parse(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        # json.JSONDecodeError is a ValueError; models raise the others on a wrong shape.
        raise APIResponseValidationError(response, f"{type(exc).__name__}: {exc}") from exc
    return RawResponse(
        status_code=response.status_code,
        headers=response.headers,
        request_id=response.headers.get("x-request-id"),
        parsed=parsed,
        http_response=response,
    )


def _redact_json(value: object, redact: Callable[[str], str]) -> object:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redact_json(item, redact) for item in value]
    if isinstance(value, dict):
        return {key: _redact_json(item, redact) for key, item in value.items()}
    return value


#: Headers no caller may set through ``extra_headers``/``default_headers``: credentials travel
#: only through ``ThredfiAuth`` (compared in lower case).
_CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})
#: ``default_headers`` may not hold a key meant for one call: every call would then be a replay.
_REFUSED_DEFAULT_HEADERS = _CREDENTIAL_HEADERS | {"idempotency-key"}


#: What ``_checked_headers`` returns for ``None`` (never mutated: saves a Headers per call).
_NO_HEADERS = httpx.Headers()


def _checked_headers(
    name: str, headers: Headers | None, *, refused: frozenset[str] = _CREDENTIAL_HEADERS
) -> httpx.Headers:
    """Headers a caller adds, checked; the message names the header, never its value."""
    if headers is None:
        return _NO_HEADERS
    if not isinstance(headers, Mapping):
        raise TypeError(f"{name} must be a mapping of header names to values")
    for key, value in headers.items():
        if not isinstance(key, str) or not key or not key.isascii() or not key.isprintable():
            raise ValueError(f"{name}: {key!r:.60} is not a valid header name")
        if key.lower() in refused:
            why = (
                "credentials are sent only by the client's auth"
                if key.lower() in _CREDENTIAL_HEADERS
                else "a key is made per call (pass idempotency_key= or extra_headers= instead)"
            )
            raise ValueError(f"{name}: the {key!r} header cannot be set here: {why}")
        if not isinstance(value, str):
            raise TypeError(f"{name}: the value of {key!r} must be a str")
        if "\r" in value or "\n" in value:
            raise ValueError(f"{name}: the value of {key!r} contains a line break")
    return httpx.Headers(dict(headers))


def _with_idempotency_key(
    param: str, arguments: Mapping[str, Any], added_headers: httpx.Headers
) -> Mapping[str, Any]:
    """Give the call a fresh ``Idempotency-Key`` unless the caller gave one.

    Made once per call, before the request is built: every retry of the call (the retry layer
    resends the same request) carries the same key, so the server sees one logical request.
    """
    given = arguments.get(param)
    if given is None or isinstance(given, Unset):
        if "idempotency-key" in added_headers:
            return arguments
        return {**arguments, param: str(uuid.uuid4())}
    if not isinstance(given, str) or not given.strip():
        raise ValueError(f"{param} must be a non-empty string, got {given!r:.60}")
    return arguments


def _add_to_body(
    operation: Operation[Any], request_kwargs: dict[str, Any], extra_body: Body
) -> None:
    """Merge ``extra_body`` into the request body the operation built (JSON, form, multipart)."""
    if not isinstance(extra_body, Mapping) or not all(isinstance(k, str) for k in extra_body):
        raise TypeError("extra_body must be a mapping with str keys")
    if "json" in request_kwargs or not ({"data", "files", "content"} & request_kwargs.keys()):
        body = request_kwargs.get("json", {})
        if not isinstance(body, dict):
            raise TypeError(f"{operation.operation_id}: its JSON body is not an object")
        request_kwargs["json"] = {**body, **extra_body}
    elif "data" in request_kwargs:
        request_kwargs["data"] = {**request_kwargs["data"], **extra_body}
    elif "files" in request_kwargs:
        request_kwargs["files"] = [
            *request_kwargs["files"],
            *((key, (None, str(value), "text/plain")) for key, value in extra_body.items()),
        ]
    else:
        raise TypeError(
            f"{operation.operation_id}: extra_body needs a JSON, form or multipart body"
        )


def _checked_path_params(operation: Operation[Any], arguments: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the parameters before anything is sent; UUID ones become ``uuid.UUID``.

    The checks are the runtime module's (``checked_arguments``): path segments, canonical UUIDs
    only, and the contract's types and constraints of query and header parameters.
    """
    return checked_arguments(operation, arguments)


def _checked_base_url(value: str | httpx.URL) -> httpx.URL:
    url = httpx.URL(str(value).rstrip("/"))
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an absolute http(s) URL, got {str(value)!r}")
    if url.query or url.fragment:
        raise ValueError(f"base_url must not have a query or fragment, got {str(value)!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ValueError(
            f"base_url {str(value)!r}: plain http:// is only allowed for loopback hosts; "
            "use https:// so credentials are never sent in clear text"
        )
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _checked_timeout(value: object) -> tuple[httpx.Timeout, float]:
    """Return (per-phase timeout, per-attempt deadline); ``None`` anywhere is refused."""
    if isinstance(value, httpx.Timeout):
        phases = (value.connect, value.read, value.write, value.pool)
        if any(phase is None for phase in phases):
            raise ValueError("timeout: every phase needs a limit; None would let a call hang")
        return value, float(value.read)  # type: ignore[arg-type]  # checked non-None above
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        seconds = float(value)
        return httpx.Timeout(seconds, connect=min(5.0, seconds)), seconds
    raise ValueError(f"timeout must be positive seconds or an httpx.Timeout, got {value!r}")


def _checked_max_retries(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    raise ValueError(f"max_retries must be an integer from 0 to 10, got {value!r}")


_TRANSPORT_CHOICES: tuple[str, ...] = get_args(TransportChoice)  # ("auto", "httpx", "aiohttp")


def _transport_from_environment() -> TransportChoice:
    """``$THREDFI_TRANSPORT`` (unset or empty: ``"auto"``), checked."""
    value = os.environ.get("THREDFI_TRANSPORT") or "auto"
    if value not in _TRANSPORT_CHOICES:
        raise ValueError(f"$THREDFI_TRANSPORT must be 'auto', 'httpx' or 'aiohttp', not {value!r}")
    return cast(TransportChoice, value)


def _transport_name(choice: object) -> TransportName:
    """What a ``transport=`` value sends through; ``"auto"`` is resolved here, once per client."""
    if isinstance(choice, httpx.AsyncBaseTransport):
        return "custom"
    if choice == "auto":
        return "aiohttp" if _aiohttp_extra_installed() else "httpx"
    if choice == "httpx" or choice == "aiohttp":
        return choice
    raise ValueError(
        f"transport must be 'auto', 'httpx', 'aiohttp' or an httpx transport, not {choice!r}"
    )


@functools.cache
def _aiohttp_extra_installed() -> bool:
    """Whether the ``[aiohttp]`` extra imports (checked on first use, not at package import).

    Cached: a missing extra is not searched for again by every client. Tests that simulate its
    absence call ``_aiohttp_extra_installed.cache_clear()``.
    """
    try:
        from ._aiohttp import SafeAiohttpTransport  # noqa: F401 -- imported to see that it can be
    except ImportError:
        return False
    return True


def _inner_transport(name: TransportName, limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    if name == "httpx":
        return httpx.AsyncHTTPTransport(limits=limits)
    if name == "aiohttp":
        try:
            from ._aiohttp import SafeAiohttpTransport
        except ImportError as exc:
            raise ImportError(
                "transport='aiohttp' needs the extra: pip install 'thredfi-client[aiohttp]'"
            ) from exc
        return SafeAiohttpTransport(limits=limits)
    raise AssertionError(f"unreachable: {name!r}")  # pragma: no cover - _transport_name checks
