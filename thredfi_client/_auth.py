"""Two-tier Thredfi OAuth2 as an ``httpx.Auth`` generator flow.

Thredfi issues a *partner token* (client credentials, HTTP Basic ``partner_id:api_key``) and,
optionally, *business-scoped tokens* exchanged for it per business. :class:`ThredfiAuth` obtains
them lazily, refreshes them shortly before they expire, lets many concurrent requests share one
token request, and replays a request once when the API answers 401.

Token requests are yielded through the same client as API requests, so they pass through the
retry transport below; they are marked with :data:`~thredfi_client._extensions.TOKEN_REQUEST`
and :data:`~thredfi_client._extensions.IDEMPOTENT`. When a token request fails, its response is
what the client receives, and the client layer turns it into an exception.
"""

from __future__ import annotations

import base64
import heapq
import json
import logging
import re
import time
from collections.abc import AsyncGenerator, Callable, Generator
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

import httpx

from ._extensions import IDEMPOTENT, MAX_RETRIES, TOKEN_REQUEST, TOTAL_TIMEOUT

if TYPE_CHECKING:
    import asyncio

__all__ = ["AccessToken", "ThredfiAuth", "TokenScope"]

logger = logging.getLogger("thredfi_client")

#: Which token API requests carry: the partner token, or a business-scoped one per business.
TokenScope = Literal["partner", "business"]

#: Extensions of the original request that also bound the token requests made for it.
_INHERITED_EXTENSIONS: Final = ("timeout", TOTAL_TIMEOUT, MAX_RETRIES)

#: Refresh a token this many seconds before it expires, at most (10 % of its lifetime if less).
_MAX_REFRESH_MARGIN: Final = 60.0
#: Seconds a token stays redactable after it expires: an error about a request sent with it
#: can arrive after the token left the cache. Time-bounded, so no number of newer tokens can
#: push an old one out of redact()'s memory.
REDACT_GRACE: Final = 600.0
#: Fields of a token endpoint's JSON body that hold a secret.
_TOKEN_FIELDS: Final = frozenset({"access_token", "refresh_token", "id_token"})
#: Shorter "secrets" (e.g. a test key "k") are not redacted: replacing them would garble text.
_MIN_SECRET_CHARS: Final = 6

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}

#: Business ids are UUIDs; anything outside this set is not treated as one (no path tricks).
_ID: Final = r"[A-Za-z0-9_-]+"


@dataclass(frozen=True, kw_only=True, slots=True)
class AccessToken:
    """A bearer token and when to stop using it.

    Times are readings of the clock given to :class:`ThredfiAuth` (``time.monotonic`` by
    default), not wall-clock timestamps.
    """

    #: The bearer token itself. Kept out of ``repr`` so it never reaches a log or traceback.
    value: str = field(repr=False)
    #: Clock time at which the server stops accepting the token.
    expires_at: float
    #: Clock time from which a cached token is no longer handed out (``expires_at`` minus
    #: ``min(60, 0.1 * expires_in)`` seconds).
    refresh_at: float
    #: The business the token is scoped to, or ``None`` for a partner token.
    business_id: str | None = None


class _Secret:
    """A string that never shows itself in ``repr``/``str``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<redacted>"

    __str__ = __repr__


class _IssuedTokens:
    """Every token value obtained, kept until ``REDACT_GRACE`` seconds after it expires."""

    __slots__ = ("_clock", "_queue", "_until")

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._until: dict[str, float] = {}
        self._queue: list[tuple[float, str]] = []  # a heap of (forget at, value)

    def add(self, value: str, expires_at: float) -> None:
        until = max(expires_at, self._clock()) + REDACT_GRACE
        if until > self._until.get(value, -1.0):
            self._until[value] = until
            heapq.heappush(self._queue, (until, value))

    def values(self) -> list[str]:
        now = self._clock()
        while self._queue and self._queue[0][0] < now:
            until, value = heapq.heappop(self._queue)
            if self._until.get(value) == until:
                del self._until[value]
        return list(self._until)

    def __repr__(self) -> str:
        return f"<{len(self._until)} issued tokens>"


def redacted_token_response(response: httpx.Response) -> httpx.Response:
    """A copy of a token endpoint's ``response`` whose body shows no token.

    A JSON object keeps its shape with token fields replaced; any other body is withheld.
    """
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        content = json.dumps(_masked(body)).encode()
    else:
        content = f"[token endpoint body withheld: {len(response.content)} bytes]".encode()
    return httpx.Response(
        response.status_code,
        headers={"Content-Type": response.headers.get("Content-Type", "application/json")},
        content=content,
        request=response.request,
    )


def _masked(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: "[redacted]" if k in _TOKEN_FIELDS and v is not None else _masked(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_masked(item) for item in value]
    return value


class _Channel:
    """Carries each response back into a token sub-flow.

    Async generators cannot ``yield from``, so sub-flows are driven with ``async for`` and read
    the response to the request they yielded from here.
    """

    __slots__ = ("response",)

    def __init__(self) -> None:
        self.response: httpx.Response | None = None

    def received(self) -> httpx.Response:
        assert self.response is not None, "a token sub-flow resumed before its response arrived"
        return self.response


class _Outcome:
    """Result of obtaining a token: the token (``None`` if obtaining it failed)."""

    __slots__ = ("fetched", "token")

    def __init__(self) -> None:
        self.token: AccessToken | None = None
        #: True if the token was fetched by this flow rather than taken from the cache.
        self.fetched = False


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme))


def _origin_text(url: httpx.URL) -> str:
    scheme, host, port = _origin(url)
    return f"{scheme}://{host}:{port}"


def _kind(business_id: str | None) -> str:
    return "partner token" if business_id is None else f"business token for {business_id}"


class ThredfiAuth(httpx.Auth):
    """Authenticates requests to the Thredfi API with partner or business-scoped tokens.

    Use it as the ``auth`` of an :class:`httpx.AsyncClient` whose requests go to ``base_url``.
    Requests to any other origin are sent without credentials.

    Args:
        partner_id: The partner UUID (HTTP Basic username on the token endpoint).
        api_key: The partner API key (HTTP Basic password). Never logged or shown in ``repr``.
        base_url: The API's base URL, e.g. ``https://sandbox.thredfi.com``. Credentials are only
            sent to its origin (scheme, host, port); token endpoints are built from it.
        token_scope: ``"partner"`` sends the partner token on every request. ``"business"``
            exchanges it for a business-scoped token per business, used on URLs under
            ``/v1/platform/businesses/<business_id>/``; other URLs get the partner token.
        clock: Monotonic clock in seconds, used for token expiry (replaceable in tests).
    """

    requires_response_body = True

    def __init__(
        self,
        *,
        partner_id: str,
        api_key: str,
        base_url: httpx.URL | str,
        token_scope: TokenScope = "partner",  # noqa: S107 -- a scope name, not a secret
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if token_scope not in ("partner", "business"):
            raise ValueError(f"token_scope must be 'partner' or 'business', not {token_scope!r}")
        base = httpx.URL(base_url)
        if base.scheme not in _DEFAULT_PORTS or not base.host:
            raise ValueError("base_url must be an absolute http(s) URL")
        self._partner_id = partner_id
        self._api_key = _Secret(api_key)
        self._token_scope: TokenScope = token_scope
        self._clock = clock
        self._base = base
        self._origin = _origin(base)
        self._prefix = prefix = base.path.rstrip("/")
        self._partner_token_url = base.join(f"{prefix}/v1/platform/oauth2/token/")
        self._partner_token_path = f"{prefix}/v1/platform/oauth2/token/"
        self._business_path = re.compile(
            rf"{re.escape(prefix)}/v1/platform/businesses/(?P<business_id>{_ID})(?:/|$)"
        )
        # Cache key None is the partner token; other keys are business ids.
        self._tokens: dict[str | None, AccessToken] = {}
        # Issued token values, for redact(): a 401 may echo one already dropped.
        self._issued = _IssuedTokens(clock)
        # Locks are made inside the running loop, and remade if the client moves to another one.
        self._locks: dict[str | None, asyncio.Lock] = {}
        self._locks_loop: asyncio.AbstractEventLoop | None = None

    @property
    def partner_id(self) -> str:
        """The partner UUID these credentials belong to."""
        return self._partner_id

    @property
    def token_scope(self) -> TokenScope:
        """``"partner"`` or ``"business"``: which token API requests carry."""
        return self._token_scope

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(partner_id={self._partner_id!r}, "
            f"token_scope={self._token_scope!r}, origin={_origin_text(self._base)!r})"
        )

    def redact(self, text: str) -> str:
        """``text`` with the API key, its Basic header value and recent tokens replaced.

        For messages built from what a server sent back, which may echo a credential.
        """
        basic = self._basic_authorization().removeprefix("Basic ")
        secrets = [self._api_key.reveal(), basic, *self._issued.values()]
        for secret in sorted({s for s in secrets if len(s) >= _MIN_SECRET_CHARS}, key=len)[::-1]:
            text = text.replace(secret, "[redacted]")
        return text

    async def invalidate(self) -> None:
        """Forget every cached token; the next request obtains fresh ones."""
        self._tokens.clear()
        logger.debug("Dropped all cached Thredfi tokens")

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        """Not supported: ``ThredfiAuth`` works with ``httpx.AsyncClient`` only."""
        raise RuntimeError(
            "ThredfiAuth is async-only: use it with httpx.AsyncClient, not httpx.Client"
        )

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Attach credentials to ``request``, obtaining tokens first when needed.

        Yields the token requests it needs, then the request itself; on a 401 it replays the
        request once with a fresh token. A failed token request ends the flow, so its response
        is the one the client receives.
        """
        if _origin(request.url) != self._origin:
            logger.warning(
                "Sending a request to %s without Thredfi credentials: "
                "they are only sent to the configured base URL %s",
                _origin_text(request.url),
                _origin_text(self._base),
            )
            yield request
            return

        path = request.url.path
        if request.method == "POST" and path == self._partner_token_path:
            # The caller asks for a partner token itself: credentials, nothing cached.
            request.headers["Authorization"] = self._basic_authorization()
            yield request
            return

        # Cache key: a business id for business-scoped requests, None for the partner token.
        # Exchange paths (/v1/platform/<id>/oauth2/token/) have no /businesses/ segment, so a
        # direct call to one gets the partner token, as it must.
        key = self._business_id_in(path) if self._token_scope == "business" else None

        used = self._cached(key)  # the common case: no token request, no sub-flow to set up
        if used is None:
            channel = _Channel()
            outcome = _Outcome()
            async with aclosing(self._obtain(key, request, channel, outcome)) as token_requests:
                async for token_request in token_requests:
                    channel.response = yield token_request
            if outcome.token is None:
                return
            used = outcome.token
        request.headers["Authorization"] = f"Bearer {used.value}"
        response = yield request
        if response.status_code != 401:
            return

        logger.info(
            "Thredfi answered 401 to %s %s; replaying it once with a fresh %s",
            request.method,
            path,
            _kind(key),
        )
        self._discard(key, used)
        channel = _Channel()
        outcome = _Outcome()
        async with aclosing(self._obtain(key, request, channel, outcome)) as token_requests:
            async for token_request in token_requests:
                channel.response = yield token_request
        if outcome.token is None:
            return
        request.headers["Authorization"] = f"Bearer {outcome.token.value}"
        yield request

    # -- obtaining tokens ----------------------------------------------------------------------

    async def _obtain(
        self,
        key: str | None,
        original: httpx.Request,
        channel: _Channel,
        outcome: _Outcome,
    ) -> AsyncGenerator[httpx.Request]:
        """Put a usable token for ``key`` in ``outcome``, yielding the token requests needed.

        Single flight: the first caller to find no valid token fetches it under the key's lock;
        the others wait for the lock and then find the fresh token in the cache. The lock is held
        only while token requests are in flight, never during the API request. A failed token
        request leaves ``outcome.token`` as ``None``; its response is the last one received.
        """
        outcome.token = self._cached(key)
        if outcome.token is not None:
            return
        async with self._lock(key):
            outcome.token = self._cached(key)
            if outcome.token is not None:
                return
            if key is None:
                sent_at = self._clock()
                yield self._partner_token_request(original)
                token = await self._parse(channel.received(), None, sent_at)
            else:
                retried = False
                while True:
                    partner = _Outcome()
                    partner_flow = self._obtain(None, original, channel, partner)
                    async with aclosing(partner_flow) as token_requests:
                        async for token_request in token_requests:
                            yield token_request
                    if partner.token is None:
                        return
                    sent_at = self._clock()
                    yield self._exchange_request(key, partner.token, original)
                    response = channel.received()
                    if response.status_code == 401 and not retried and not partner.fetched:
                        # The cached partner token was rejected: refresh it, exchange once more.
                        logger.info("Thredfi rejected the cached partner token; refreshing it")
                        self._discard(None, partner.token)
                        retried = True
                        continue
                    token = await self._parse(response, key, sent_at)
                    break
            if token is None:
                return
            self._tokens[key] = token
            outcome.token = token
            outcome.fetched = True

    def _exchange_request(
        self, business_id: str, partner_token: AccessToken, original: httpx.Request
    ) -> httpx.Request:
        logger.debug("Exchanging the Thredfi partner token for business %s", business_id)
        return self._token_request(
            self._base.join(f"{self._prefix}/v1/platform/{business_id}/oauth2/token/"),
            original,
            authorization=f"Bearer {partner_token.value}",
        )

    def _partner_token_request(self, original: httpx.Request) -> httpx.Request:
        logger.debug("Requesting a Thredfi partner token")
        return self._token_request(
            self._partner_token_url,
            original,
            authorization=self._basic_authorization(),
            data={"grant_type": "client_credentials", "client_id": self._partner_id},
        )

    def _token_request(
        self,
        url: httpx.URL,
        original: httpx.Request,
        *,
        authorization: str,
        data: dict[str, str] | None = None,
    ) -> httpx.Request:
        extensions: dict[str, Any] = {
            name: original.extensions[name]
            for name in _INHERITED_EXTENSIONS
            if name in original.extensions
        }
        extensions[TOKEN_REQUEST] = True
        extensions[IDEMPOTENT] = True
        headers = {"Accept": "application/json", "Authorization": authorization}
        user_agent = original.headers.get("User-Agent")
        if user_agent is not None:
            headers["User-Agent"] = user_agent
        return httpx.Request("POST", url, headers=headers, data=data, extensions=extensions)

    async def _parse(
        self, response: httpx.Response, business_id: str | None, sent_at: float
    ) -> AccessToken | None:
        """The token in a token endpoint's response, or ``None`` if it holds no usable token."""
        await response.aread()
        if not response.is_success:
            logger.warning(
                "Thredfi %s request failed with HTTP %d", _kind(business_id), response.status_code
            )
            return None
        try:
            body = response.json()
        except ValueError:
            body = None
        value = body.get("access_token") if isinstance(body, dict) else None
        expires_in = body.get("expires_in") if isinstance(body, dict) else None
        if (
            not isinstance(value, str)
            or not value
            or not isinstance(expires_in, int)
            or isinstance(expires_in, bool)
            or expires_in < 0
        ):
            # Never log the body: it may hold a token.
            logger.warning(
                "Thredfi %s response (HTTP %d) holds no usable access_token/expires_in",
                _kind(business_id),
                response.status_code,
            )
            return None
        margin = min(_MAX_REFRESH_MARGIN, 0.1 * expires_in)
        logger.info("Obtained a Thredfi %s (expires_in=%d s)", _kind(business_id), expires_in)
        self._issued.add(value, sent_at + expires_in)
        return AccessToken(
            value=value,
            expires_at=sent_at + expires_in,
            refresh_at=sent_at + expires_in - margin,
            business_id=business_id,
        )

    # -- cache ---------------------------------------------------------------------------------

    def _cached(self, key: str | None) -> AccessToken | None:
        token = self._tokens.get(key)
        if token is not None and self._clock() < token.refresh_at:
            return token
        return None

    def _discard(self, key: str | None, token: AccessToken) -> None:
        """Drop ``token`` from the cache unless another request already replaced it."""
        if self._tokens.get(key) is token:
            del self._tokens[key]
            logger.debug("Discarded the rejected Thredfi %s", _kind(key))

    def _lock(self, key: str | None) -> asyncio.Lock:
        # asyncio is imported on first use (a token request), not by `import thredfi_client`.
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self._locks_loop:
            self._locks = {}
            self._locks_loop = loop
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        return lock

    # -- credentials and URLs ------------------------------------------------------------------

    def _basic_authorization(self) -> str:
        # Built per use so no long-lived attribute holds the encoded secret.
        raw = f"{self._partner_id}:{self._api_key.reveal()}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")

    def _business_id_in(self, path: str) -> str | None:
        match = self._business_path.match(path)
        return match["business_id"] if match else None
