"""``ThredfiClient``: composes auth, retries and typed errors around the generated operations."""

from __future__ import annotations

import copy
import ipaddress
import logging
import math
import os
import platform
import re
import time
import uuid
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Literal, Self, TypeVar, cast, get_args

import httpx

from . import _extensions as ext
from ._auth._flow import ThredfiAuth
from ._auth._redaction import redacted_response
from ._auth._token_store import TokenStore
from ._auth._tokens import TOKEN_POOL_LIMITS, TokenSource
from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    ArgumentTypeError,
    ArgumentValueError,
    ClientClosedError,
    ResponseTooLargeError,
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
from ._transports._body import ACCEPT_ENCODING, DEFAULT_MAX_RESPONSE_BYTES, BodyTooLarge
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_HTTPX_LIMITS",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "ThredfiClient",
]

T = TypeVar("T")

logger = logging.getLogger("thredfi_client")

#: The vendor's sandbox; every current reference page uses it.
DEFAULT_BASE_URL = "https://sandbox.thredfi.com"
#: 5 s to connect, 30 s for each attempt as a whole (connect, send, and the whole body).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
#: The pool when ``limits`` is not given: 100 connections, each kept for 5 s when idle, so that
#: a burst's connections serve the next burst instead of being closed and opened again (with
#: TLS, a handshake each). Over httpx's own transport, 20 are kept, httpx's default: httpcore's
#: pool slows down with every connection it holds (docs/performance.md).
DEFAULT_LIMITS = httpx.Limits(
    max_connections=100, max_keepalive_connections=100, keepalive_expiry=5.0
)
DEFAULT_HTTPX_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

#: What ``transport=`` accepts by name. ``"auto"`` is ``"native"``, the SDK's own transport.
TransportChoice = Literal["auto", "native", "httpx", "aiohttp"]
#: What :attr:`ThredfiClient.transport_name` reports: ``"custom"`` for a transport instance.
TransportName = Literal["native", "httpx", "aiohttp", "custom"]

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
            ``"business"`` exchanges it for a token scoped to the business in each URL. An
            operation whose contract accepts only one kind of token gets that kind whatever
            this says: the business operations and token endpoints always the partner
            token, a business-only operation a token of its business.
        timeout: Seconds per attempt (connect capped at 5 s), or an ``httpx.Timeout`` whose
            ``read`` value bounds each attempt as a whole. ``None`` is refused: no call may hang.
        max_retries: Retries after the first attempt (default 2, or ``retry_policy``'s).
        retry_policy: Full retry settings (backoff, caps, statuses); ``max_retries``, when
            given, overrides its ``max_retries``.
        transport: ``"auto"`` (the same as ``"native"``), ``"native"``, ``"httpx"``,
            ``"aiohttp"`` (needs the ``[aiohttp]`` extra), or an ``httpx.AsyncBaseTransport``
            to send through (e.g. ``httpx.ASGITransport`` for the in-process sandbox).
            Defaults to ``$THREDFI_TRANSPORT``, else ``"auto"``. ``"native"`` is the SDK's own
            HTTP/1.1 transport, responses parsed by llhttp (``httptools``): measured the
            fastest, see docs/performance.md. Auth, retries and errors apply whichever is
            used; :attr:`transport_name` says which one it is. Pass ``"httpx"`` when testing
            with pytest-httpx or respx: they mock httpx's own transport only.
        limits: Connection pool limits. Default: 100 connections, each kept for 5 s when
            idle (over ``transport="httpx"``, 20 of them: ``DEFAULT_HTTPX_LIMITS``). Token
            requests have a small pool of their own (over the same kind of transport).
        token_store: Shares tokens between processes, e.g.
            ``RedisTokenStore(url="redis://...")`` (``[redis]`` extra): one token request per
            token per expiry across a fleet. Default ``None``: tokens are cached in process.
        token_cache_size: Business-scoped tokens cached in process at most; the least recently
            used go first (default 1000).
        default_headers: Headers sent with every call (a call's own headers and its
            ``extra_headers`` take precedence). ``Authorization``, ``Proxy-Authorization``,
            ``Cookie`` and ``Idempotency-Key`` are refused with a ``ValueError``.
        max_response_bytes: The largest response body accepted, counted after decompression
            (default 32 MiB). A larger one raises :class:`~thredfi_client.ResponseTooLargeError`
            as soon as it is seen, without reading the rest.

    A client belongs to the event loop it is first used in (its connections do): using it from
    another loop or thread raises :class:`~thredfi_client.EventLoopError`, and using it after
    :meth:`aclose` raises :class:`~thredfi_client.ClientClosedError`.
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
        limits: httpx.Limits | None = None,
        default_headers: Headers | None = None,
        token_store: TokenStore | None = None,
        token_cache_size: int = 1000,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
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
        self._timeout_phases = self._timeout.as_dict()
        self._default_headers = _checked_headers(
            "default_headers", default_headers, refused=_REFUSED_DEFAULT_HEADERS
        )
        policy = retry_policy or RetryPolicy()
        self._max_retries = _checked_max_retries(
            policy.max_retries if max_retries is None else max_retries
        )
        if limits is not None and not isinstance(limits, httpx.Limits):
            raise ArgumentTypeError("limits must be an httpx.Limits", argument="limits")
        if limits is not None and limits.max_connections is not None and limits.max_connections < 1:
            raise ArgumentValueError(
                f"limits: max_connections must be >= 1 (or None: no limit), got "
                f"{limits.max_connections!r}; with none, every call waits for the pool timeout",
                argument="limits",
            )
        if transport is None:
            transport = _transport_from_environment()
        self._transport_name = name = _transport_name(transport)
        if limits is None:
            limits = DEFAULT_HTTPX_LIMITS if name == "httpx" else DEFAULT_LIMITS
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
        if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int):
            raise ValueError(f"max_response_bytes must be an int, got {max_response_bytes!r}")
        if max_response_bytes < 1:
            raise ValueError(f"max_response_bytes must be >= 1, got {max_response_bytes!r}")
        api = custom or _inner_transport(name, limits)
        self._transport = RetryTransport(api, policy, max_response_bytes=max_response_bytes)
        self._http = _HttpClient(
            failure=self._failure,
            base_url=self._base_url,
            auth=self._auth,
            transport=self._transport,
            timeout=self._timeout,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                # What the retry layer decodes (within the body cap), and nothing else.
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            follow_redirects=False,  # credentials must never follow a Location elsewhere
        )
        self._headers = self._http.headers.copy()
        # What httpx.Request adds to a request without a body (Host), added once, not per call.
        self._bodyless_headers = httpx.Headers(
            [(b"Host", self._base_url.netloc), *self._headers.raw]
        )
        self._paths = _PathJoiner(self._base_url)
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
        """The transport this client sends through: ``"native"``, ``"httpx"``, ``"aiohttp"`` or
        ``"custom"``.

        What ``transport="auto"`` (the default) resolved to, or ``"custom"`` when an
        ``httpx.AsyncBaseTransport`` was passed. Clients made by :meth:`with_options` share it.
        """
        return self._transport_name

    @property
    def http_client(self) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` over the same pool, with auth and retries installed.

        For requests the SDK has no operation for. The operations themselves skip its cookie
        jar and redirect handling, but run the event hooks installed on it. It returns error
        responses as they are (no typed error per status), and fails as the operations do:
        with a ``ThredfiError`` (``APIConnectionError``, ``APITimeoutError``, a token error...)
        that carries no credential.
        """
        return self._http

    @property
    def max_response_bytes(self) -> int:
        """The largest response body accepted, in bytes, after decompression."""
        return self._transport.max_response_bytes

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
            derived._timeout_phases = derived._timeout.as_dict()
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
            phases, total = self._timeout_phases, self._total_timeout
        else:
            checked, total = _checked_timeout(timeout)
            phases = checked.as_dict()
        retries = (
            self._max_retries
            if isinstance(max_retries, NotGiven)
            else _checked_max_retries(max_retries)
        )
        extensions: dict[str, Any] = {
            "timeout": phases,
            ext.MAX_RETRIES: retries,
            ext.TOTAL_TIMEOUT: total,
        }
        if operation.idempotent:
            extensions[ext.IDEMPOTENT] = True
        if operation.token_scope is not None:
            extensions[ext.TOKEN_SCOPE] = operation.token_scope
        request = self._build_request(request_kwargs, extensions)
        started = time.perf_counter()
        failure: ThredfiError
        try:
            response = await self._send(request)
        except Exception as exc:
            failure = _sdk_error(exc, request)
        else:
            if logger.isEnabledFor(logging.DEBUG):  # skips building the arguments (~2 us a call)
                logger.debug(
                    "%s %s -> %s in %.3fs",
                    request.method,
                    request.url.path,
                    response.status_code,
                    time.perf_counter() - started,
                    extra={
                        "operation": operation.operation_id,
                        "status_code": response.status_code,
                    },
                )
            try:
                return _parsed(operation, response)
            except ThredfiError as exc:
                failure = exc
        # Raised outside the handlers, with its chain cut: nothing below (an httpx or aiohttp
        # exception, a request holding an Authorization header) travels with it.
        raise self._scrubbed(failure)

    def _build_request(
        self, request_kwargs: dict[str, Any], extensions: dict[str, Any]
    ) -> httpx.Request:
        """The operation's request on this client's origin, with its default headers."""
        method = request_kwargs.pop("method").upper()
        url = self._paths.join(request_kwargs.pop("url"))
        extra_headers = request_kwargs.pop("headers", None)
        if not request_kwargs and not extra_headers and method in _BODYLESS_METHODS:
            # No body, query or headers of its own: the request httpx.Request would build, with
            # the headers it would add already in place (~10 us a call less; a test pins that
            # both are equal).
            request = httpx.Request(
                method, url, headers=self._bodyless_headers, stream=_NO_BODY, extensions=extensions
            )
            request._content = b""  # what Request.read() sets, without its ABC check
            return request
        headers = self._headers
        if extra_headers:
            headers = headers.copy()
            headers.update(extra_headers)
        return httpx.Request(method, url, headers=headers, extensions=extensions, **request_kwargs)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Drive the auth flow over the retry transport: ``httpx.AsyncClient.send``, lean.

        What ``AsyncClient.send`` does per request and the SDK does not use is skipped: cookie
        jar bookkeeping and redirect handling (redirects are never followed). Event hooks
        installed on :attr:`http_client` still run (a response hook sees the body already
        read). The requests and responses are httpx's own, and the transports are called as
        httpx calls them, so mocks of httpx's transport (pytest-httpx, respx) see every request.
        """
        if self._http.is_closed:
            raise ClientClosedError(_CLOSED)
        hooks = self._http.event_hooks
        if not hooks["request"] and not hooks["response"]:
            # The usual case: the auth flow driven directly (ThredfiAuth.send), no generator.
            # The retry layer sets each response's request (no step of our own in between).
            return await self._auth.send(request, self._transport.handle_async_request)
        flow = self._auth.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                for hook in hooks["request"]:  # as httpx runs them; usually there are none
                    await hook(outgoing)
                response = await self._transport.handle_async_request(outgoing)
                response.request = outgoing
                for hook in hooks["response"]:
                    await hook(response)
                try:
                    outgoing = await flow.asend(response)
                except StopAsyncIteration:
                    return response
        finally:
            await flow.aclose()

    def _failure(self, exc: Exception, request: httpx.Request) -> ThredfiError:
        """The SDK error to raise for ``exc``, raised while sending ``request``, scrubbed."""
        return self._scrubbed(_sdk_error(exc, request))

    def _scrubbed(self, exc: ThredfiError) -> ThredfiError:
        """The error without this client's secrets: none in its text, requests or chain.

        Text that came from a server is redacted; the request kept on the error (and on its
        response) is a copy without credential headers; the chain is cut.
        """
        exc.__cause__ = None
        exc.__context__ = None
        exc.__suppress_context__ = True
        request = getattr(exc, "request", None)
        if isinstance(request, httpx.Request):
            exc.request = _without_credentials(request)  # type: ignore[attr-defined]
        redact = self._auth.redact
        response = getattr(exc, "response", None)
        if isinstance(response, httpx.Response):
            kept = response._request
            clean = _without_credentials(kept) if kept is not None else None
            # The server may have echoed a credential into its body, headers or reason phrase.
            exc.response = redacted_response(response, redact, clean)  # type: ignore[attr-defined]
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


_CLOSED = "the Thredfi client was closed (aclose() or the end of its 'async with'); make a new one"


def _sdk_error(exc: Exception, request: httpx.Request) -> ThredfiError:
    """The ``ThredfiError`` for what sending ``request`` raised (not yet scrubbed)."""
    if isinstance(exc, ThredfiError):
        return exc
    if isinstance(exc, httpx.TransportError):
        return connection_error_from(exc, request)
    if isinstance(exc, BodyTooLarge):
        return ResponseTooLargeError(str(exc), request=request, limit=exc.limit)
    if isinstance(exc, httpx.DecodingError):
        return APIConnectionError(str(exc), request=request)
    return APIConnectionError(
        f"{type(exc).__name__} while sending {request.method} {request.url.path}: {exc}",
        request=request,
    )


class _HttpClient(httpx.AsyncClient):
    """:attr:`ThredfiClient.http_client`: httpx's client, failing with the SDK's errors.

    httpx's own exceptions keep the request they failed on, ``Authorization`` header included;
    what leaves this client is a scrubbed ``ThredfiError``, as from every operation.
    """

    def __init__(
        self, *, failure: Callable[[Exception, httpx.Request], ThredfiError], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._failure = failure

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self.is_closed:
            raise ClientClosedError(_CLOSED)
        try:
            return await super().send(request, **kwargs)
        except Exception as exc:
            failure = self._failure(exc, request)
        raise failure  # outside the handler: no __context__ holding httpx's exception


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
    except Exception as exc:
        # json.JSONDecodeError (a ValueError), RecursionError on absurdly nested JSON, and
        # whatever a model raises on a wrong shape (TypeError, KeyError, ...).
        reason = f"{type(exc).__name__}: {str(exc)[:200]}"
        raise APIResponseValidationError(response, reason) from None
    return RawResponse(
        status_code=response.status_code,
        headers=response.headers,
        request_id=response.headers.get("x-request-id"),
        parsed=parsed,
        http_response=response,
    )


#: Request headers that carry credentials; errors keep copies of requests without them.
_SECRET_REQUEST_HEADERS = frozenset({b"authorization", b"proxy-authorization", b"cookie"})


def _without_credentials(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` (method, URL, headers, body) whose credential headers say so."""
    headers = [
        (name, b"[redacted]" if name.lower() in _SECRET_REQUEST_HEADERS else value)
        for name, value in request.headers.raw
    ]
    try:
        content = request.content
    except httpx.RequestNotRead:
        content = b""
    timeouts = request.extensions.get("timeout")
    return httpx.Request(
        request.method,
        request.url,
        headers=headers,
        content=content,
        extensions={"timeout": timeouts} if timeouts is not None else {},
    )


#: Methods httpx.Request sends without a body or Content-Length when given none.
_BODYLESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})
_NO_BODY = httpx.ByteStream(b"")

#: A path httpx would keep exactly as it is: unreserved characters, valid escapes, slashes, and
#: no dot segment to remove.
_PLAIN_PATH = re.compile(r"(?:/(?!\.\.?(?:/|$))(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*)+")
#: The common case of it, checked in one pass: no escape and no segment starting with a dot.
_SIMPLE_PATH = re.compile(r"/[A-Za-z0-9._~/-]*")


class _PathJoiner:
    """Joins operation paths to the base URL as httpx would, without parsing every URL again.

    An operation's path is already percent-encoded (path parameters are quoted). httpx would
    parse ``base + path`` character by character (~20 us a call); for a path it would keep as
    it is, the URL is made from the base URL's parsed parts with the path replaced. Any other
    path takes httpx's parser. tests/unit/test_transport_internals.py pins that both agree.
    """

    __slots__ = ("_base", "_prefix", "_reference")

    def __init__(self, base: httpx.URL) -> None:
        self._base = str(base).rstrip("/")
        self._prefix = base.raw_path.decode("ascii").split("?")[0].rstrip("/")
        reference = getattr(base, "_uri_reference", None)
        self._reference = reference if hasattr(reference, "_replace") else None

    def join(self, path: str) -> httpx.URL:
        path = "/" + path.lstrip("/")
        if self._reference is not None and (
            _SIMPLE_PATH.fullmatch(path)
            if "%" not in path and "/." not in path
            else _PLAIN_PATH.fullmatch(path)
        ):
            url = httpx.URL.__new__(httpx.URL)
            url._uri_reference = self._reference._replace(path=self._prefix + path)
            return url
        return httpx.URL(self._base + path)


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
#: ... nor the request's framing and routing, which the transport sets: a ``Content-Length``
#: without that body hangs the server's read, a ``Host`` sends the credentials to another
#: virtual host behind the same address.
_FRAMING_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "upgrade", "te", "trailer"}
    | {"keep-alive", "expect"}
)
_REFUSED_HEADERS = _CREDENTIAL_HEADERS | _FRAMING_HEADERS
#: ``default_headers`` may not hold a key meant for one call: every call would then be a replay.
_REFUSED_DEFAULT_HEADERS = _REFUSED_HEADERS | {"idempotency-key"}
#: A header name: an HTTP token (RFC 9110, 5.6.2).
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: A header value both transports send as given: visible ASCII, with spaces or tabs only
#: inside (HTTP strips a value's edges; h11 refuses control characters, aiohttp sends them).
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[ \t]*[\x21-\x7e])*)?")


#: What ``_checked_headers`` returns for ``None`` (never mutated: saves a Headers per call).
_NO_HEADERS = httpx.Headers()


def _checked_headers(
    name: str, headers: Headers | None, *, refused: frozenset[str] = _REFUSED_HEADERS
) -> httpx.Headers:
    """Headers a caller adds, checked; the message names the header, never its value."""
    if headers is None:
        return _NO_HEADERS
    if not isinstance(headers, Mapping):
        raise ArgumentTypeError(
            f"{name} must be a mapping of header names to values", argument=name
        )
    for key, value in headers.items():
        if not isinstance(key, str) or not _HEADER_NAME.fullmatch(key):
            raise ArgumentValueError(
                f"{name}: {key!r:.60} is not a valid header name", argument=name
            )
        if key.lower() in refused:
            if key.lower() in _CREDENTIAL_HEADERS:
                why = "credentials are sent only by the client's auth"
            elif key.lower() in _FRAMING_HEADERS:
                why = "the transport frames and routes each request itself"
            else:
                why = "a key is made per call (pass idempotency_key= or extra_headers= instead)"
            raise ArgumentValueError(
                f"{name}: the {key!r} header cannot be set here: {why}", argument=name
            )
        if not isinstance(value, str):
            raise ArgumentTypeError(f"{name}: the value of {key!r} must be a str", argument=name)
        if "\r" in value or "\n" in value:
            raise ArgumentValueError(
                f"{name}: the value of {key!r} contains a line break", argument=name
            )
        if not _HEADER_VALUE.fullmatch(value):
            raise ArgumentValueError(
                f"{name}: the value of {key!r} must be visible ASCII characters, with spaces "
                "or tabs only between them (no control character, no space at either end)",
                argument=name,
            )
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
        raise ArgumentValueError(
            f"{param} must be a non-empty string, got {given!r:.60}", argument=param
        )
    return arguments


def _add_to_body(
    operation: Operation[Any], request_kwargs: dict[str, Any], extra_body: Body
) -> None:
    """Merge ``extra_body`` into the request body the operation built (JSON, form, multipart)."""
    if not isinstance(extra_body, Mapping) or not all(isinstance(k, str) for k in extra_body):
        raise ArgumentTypeError("extra_body must be a mapping with str keys", argument="extra_body")
    if "json" in request_kwargs or not ({"data", "files", "content"} & request_kwargs.keys()):
        body = request_kwargs.get("json", {})
        if not isinstance(body, dict):
            raise ArgumentTypeError(
                f"{operation.operation_id}: its JSON body is not an object", argument="extra_body"
            )
        request_kwargs["json"] = {**body, **extra_body}
    elif "data" in request_kwargs:
        request_kwargs["data"] = {**request_kwargs["data"], **extra_body}
    elif "files" in request_kwargs:
        request_kwargs["files"] = [
            *request_kwargs["files"],
            *((key, (None, str(value), "text/plain")) for key, value in extra_body.items()),
        ]
    else:
        raise ArgumentTypeError(
            f"{operation.operation_id}: extra_body needs a JSON, form or multipart body",
            argument="extra_body",
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
    """Return (per-phase timeout, per-attempt deadline); a phase that is no bound (``None``,
    infinite, NaN, zero or negative) is refused."""
    if isinstance(value, httpx.Timeout):
        phases = value.as_dict()
        if any(seconds is None for seconds in phases.values()):
            raise ArgumentValueError(
                "timeout: every phase needs a limit; None would let a call hang",
                argument="timeout",
            )
        for phase, seconds in phases.items():
            if _seconds(seconds) is None:
                raise ArgumentValueError(
                    f"timeout: the {phase} phase must be finite seconds > 0, got {seconds!r}",
                    argument="timeout",
                )
        return value, float(value.read)  # type: ignore[arg-type]  # checked above
    seconds = _seconds(value)
    if seconds is not None:
        return httpx.Timeout(seconds, connect=min(5.0, seconds)), seconds
    raise ArgumentValueError(
        f"timeout must be finite positive seconds or an httpx.Timeout, got {value!r:.60}",
        argument="timeout",
    )


def _seconds(value: object) -> float | None:
    """``value`` as finite seconds > 0, or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = float(value)
    except OverflowError:  # an int beyond any float
        return None
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def _checked_max_retries(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    raise ArgumentValueError(
        f"max_retries must be an integer from 0 to 10, got {value!r:.60}", argument="max_retries"
    )


_TRANSPORT_CHOICES: tuple[str, ...] = get_args(TransportChoice)


def _transport_from_environment() -> TransportChoice:
    """``$THREDFI_TRANSPORT`` (unset or empty: ``"auto"``), checked."""
    value = os.environ.get("THREDFI_TRANSPORT") or "auto"
    if value not in _TRANSPORT_CHOICES:
        raise ValueError(
            f"$THREDFI_TRANSPORT must be 'auto', 'native', 'httpx' or 'aiohttp', not {value!r}"
        )
    return cast(TransportChoice, value)


def _transport_name(choice: object) -> TransportName:
    """What a ``transport=`` value sends through; ``"auto"`` is resolved here, once per client."""
    if isinstance(choice, httpx.AsyncBaseTransport):
        return "custom"
    if choice == "auto":
        return "native"
    if choice == "native" or choice == "httpx" or choice == "aiohttp":
        return choice
    raise ValueError(
        "transport must be 'auto', 'native', 'httpx', 'aiohttp' or an httpx transport, not "
        f"{choice!r}"
    )


def _inner_transport(name: TransportName, limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    """The transport doing the I/O for ``"native"``, ``"httpx"`` or ``"aiohttp"``, with its own
    pool."""
    if name == "native":
        from ._transports._native import NativeTransport

        return NativeTransport(limits)
    if name == "httpx":
        from ._transports._httpx import HttpxTransport

        return HttpxTransport(limits)
    if name == "aiohttp":
        try:
            from ._transports._aiohttp import AiohttpTransport
        except ImportError as exc:
            raise ImportError(
                "transport='aiohttp' needs the extra: pip install 'thredfi-client[aiohttp]'"
            ) from exc
        return AiohttpTransport(limits)
    raise AssertionError(f"unreachable: {name!r}")  # pragma: no cover - _transport_name checks
