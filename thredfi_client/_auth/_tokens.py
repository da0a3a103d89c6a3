"""The token source: the in-process cache (bounded LRU), one fetch in flight per key, the
partner-token fetch and business-token exchange over its own ``httpx.AsyncClient`` (small pool,
retries), refresh before expiry, and tokens shared through a ``TokenStore``. A failed fetch
raises a typed ``ThredfiError`` holding nothing secret, in every caller that waited for it."""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import httpx

from .._errors import (
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    connection_error_from,
    parse_json_body,
    status_error_from_response,
)
from .._extensions import IDEMPOTENT, MAX_RETRIES, TOTAL_TIMEOUT
from .._retry import DEFAULT_RETRY_POLICY, RetryPolicy, RetryTransport
from ._redaction import Redactor, Secrets
from ._single_flight import SingleFlight
from ._token_store import SharedTokens, TokenStore

__all__ = ["TOKEN_POOL_LIMITS", "AccessToken", "Caller", "TokenSource"]

logger = logging.getLogger("thredfi_client")

#: The token requests' own pool: they are rare and short, and never queue behind API calls.
TOKEN_POOL_LIMITS: Final = httpx.Limits(max_connections=2, max_keepalive_connections=1)
#: Refresh a token this many seconds before it expires, at most (10 % of its lifetime if less).
_MAX_REFRESH_MARGIN: Final = 60.0
#: Longest lifetime believed (ten years); beyond it ``expires_in`` is garbage, not a promise.
_MAX_LIFETIME: Final = 10 * 365 * 86400
#: A usable bearer token: printable ASCII (no CR/LF, NUL, tab or non-ASCII), bounded. Spaces are
#: allowed: the contract says only "string", and Prism serves such tokens.
_TOKEN_RE: Final = re.compile(r"[\x20-\x7e]{1,16384}")
#: Added to a caller's bound: a fetch failing at its deadline fails its waiters with its error.
_SLACK: Final = 0.25
#: Seconds between sweeps of expired tokens out of the cache.
_SWEEP_EVERY: Final = 60.0


@dataclass(frozen=True, kw_only=True, slots=True)
class AccessToken:
    """A bearer token and when to stop using it (readings of the source's monotonic clock)."""

    #: The bearer token itself. Kept out of ``repr`` so it never reaches a log or traceback.
    value: str = field(repr=False)
    #: Clock time at which the server stops accepting the token.
    expires_at: float
    #: Clock time from which a cached token is no longer handed out (``expires_at`` minus
    #: ``min(60, 0.1 * expires_in)`` seconds).
    refresh_at: float
    #: The business the token is scoped to, or ``None`` for a partner token.
    business_id: str | None = None


@dataclass(frozen=True, slots=True)
class Caller:
    """What the API call needing a token allows its token requests: timeouts and retries."""

    timeout: Mapping[str, float | None] | None = None  # httpx's per-phase timeouts
    total: float | None = None  # per-attempt deadline (TOTAL_TIMEOUT)
    retries: int | None = None  # MAX_RETRIES
    user_agent: str | None = None

    @classmethod
    def of(cls, request: httpx.Request) -> Caller:
        ext = request.extensions
        return cls(
            ext.get("timeout"), ext.get(TOTAL_TIMEOUT), ext.get(MAX_RETRIES),
            request.headers.get("User-Agent"),
        )  # fmt: skip

    def bound(self, policy: RetryPolicy) -> float:
        """Seconds this caller's own fetch could take: every attempt and every backoff."""
        phases = [v for v in (self.timeout or {}).values() if v]
        attempt = self.total if self.total is not None else sum(phases) or 60.0
        retries = policy.max_retries if self.retries is None else self.retries
        waits = sum(min(policy.backoff_cap, policy.backoff_base * 2.0**n) for n in range(retries))
        return (1 + retries) * attempt + waits + _SLACK


def _kind(key: str | None) -> str:
    return "partner token" if key is None else f"business token for {key}"


class TokenSource:
    """Obtains, caches and refreshes the partner token and business-scoped tokens.

    ``transport`` sends the token requests under a ``RetryTransport`` (default: an httpx pool
    of :data:`TOKEN_POOL_LIMITS`), closed by :meth:`aclose` if ``owns_transport``;
    ``token_store`` shares tokens with other processes; ``cache_size`` bounds the business
    tokens kept (least recently used go first); ``clock`` is monotonic seconds.
    """

    def __init__(
        self,
        *,
        partner_id: str,
        api_key: str,
        base_url: httpx.URL,
        transport: httpx.AsyncBaseTransport | None = None,
        owns_transport: bool = True,
        retry_policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        token_store: TokenStore | None = None,
        cache_size: int = 1000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(cache_size, bool) or not isinstance(cache_size, int) or cache_size < 1:
            raise ValueError(f"token_cache_size must be an int >= 1, got {cache_size!r}")
        self._partner_id = partner_id
        self._policy = retry_policy
        self._clock = clock
        self._cache_size = cache_size
        self._owns_transport = owns_transport
        prefix = base_url.path.rstrip("/")
        self._partner_url = base_url.join(f"{prefix}/v1/platform/oauth2/token/")
        self._exchange_url = f"{prefix}/v1/platform/{{}}/oauth2/token/"
        self._base = base_url
        inner = transport or httpx.AsyncHTTPTransport(limits=TOKEN_POOL_LIMITS)
        self._http = httpx.AsyncClient(transport=RetryTransport(inner, retry_policy))
        self._tokens: OrderedDict[str | None, AccessToken] = OrderedDict()
        #: This client's secrets: ``redactor(request)``, ``basic_authorization()``.
        self.secrets = Secrets(partner_id, api_key)
        self._flights: SingleFlight[str | None, AccessToken] = SingleFlight()
        self._swept_at = clock()
        self._shared = SharedTokens(token_store, partner_id, api_key, base_url, clock)

    def __repr__(self) -> str:
        return f"TokenSource(partner_id={self._partner_id!r}, cached={len(self._tokens)})"

    # -- what the auth flow calls ----------------------------------------------------------------

    def cached(self, key: str | None) -> AccessToken | None:
        """The cached token for ``key`` (a business id, or None) if it is not due for refresh."""
        token = self._tokens.get(key)
        if token is None or self._clock() >= token.refresh_at:
            return None
        if key is not None:
            self._tokens.move_to_end(key)
        return token

    async def get(self, key: str | None, caller: Caller) -> AccessToken:
        """A usable token for ``key``: cached, or fetched once for every caller asking now.

        Waits at most as long as ``caller``'s own fetch could take; a failed fetch raises the
        same error in every caller that waited for it.
        """
        token = self.cached(key)
        if token is not None:
            return token
        return await self._flights.run(
            key,
            lambda: self._obtain(key, caller),
            caller.bound(self._policy),
            lambda: APITimeoutError(f"timed out waiting for the {_kind(key)}", request=None),
        )

    async def discard(self, key: str | None, token: AccessToken) -> None:
        """Forget ``token`` (rejected by the API) unless a newer one already replaced it."""
        if self._tokens.get(key) is token:
            del self._tokens[key]
            logger.debug("Discarded the rejected Thredfi %s", _kind(key))
        await self._shared.delete(key, token.value)

    def invalidate(self) -> None:
        self._tokens.clear()

    async def aclose(self) -> None:
        """Close the token requests' pool (unless it is shared) and the token store."""
        if self._owns_transport:
            await self._http.aclose()
        await self._shared.aclose()

    # -- obtaining -------------------------------------------------------------------------------

    async def _obtain(self, key: str | None, caller: Caller) -> AccessToken:
        try:
            shared = await self._shared.get_or_lock(key, caller.bound(self._policy))
            if shared is not None:
                value, expires_at, margin = shared
                token = self._token(value, key, expires_at, margin)
            else:
                token = await self._fetch(key, caller)
                life, margin = token.expires_at - self._clock(), token.expires_at - token.refresh_at
                await self._shared.put(key, token.value, life, margin)
        finally:
            await self._shared.unlock(key)
        if self._clock() < token.refresh_at:
            self._remember(key, token)
        return token

    async def _fetch(self, key: str | None, caller: Caller) -> AccessToken:
        if key is None:
            logger.debug("Requesting a Thredfi partner token")
            data = {"grant_type": "client_credentials", "client_id": self._partner_id}
            basic = self.secrets.basic_authorization()
            return await self._request(self._partner_url, None, basic, caller, data)
        url = self._base.join(self._exchange_url.format(key))
        cached = self.cached(None)
        partner = cached or await self.get(None, caller)
        logger.debug("Exchanging the Thredfi partner token for business %s", key)
        try:
            return await self._request(url, key, f"Bearer {partner.value}", caller)
        except AuthenticationError as exc:
            if exc.status_code != 401 or cached is None:
                raise
        # The cached partner token was rejected: refresh it and exchange once more.
        logger.info("Thredfi rejected the cached partner token; refreshing it")
        await self.discard(None, partner)
        partner = await self.get(None, caller)
        return await self._request(url, key, f"Bearer {partner.value}", caller)

    async def _request(
        self,
        url: httpx.URL,
        key: str | None,
        authorization: str,
        caller: Caller,
        data: dict[str, str] | None = None,
    ) -> AccessToken:
        options = (
            ("timeout", caller.timeout),
            (TOTAL_TIMEOUT, caller.total),
            (MAX_RETRIES, caller.retries),
        )
        extensions: dict[str, Any] = {name: value for name, value in options if value is not None}
        extensions[IDEMPOTENT] = True  # a token request has no side effect
        headers = {"Accept": "application/json", "Authorization": authorization}
        if caller.user_agent is not None:
            headers["User-Agent"] = caller.user_agent
        request = self._http.build_request(
            "POST", url, headers=headers, data=data, extensions=extensions
        )
        # The secrets this request carries: all that its answer (or failure) could show.
        redact = self.secrets.redactor(request)
        sent_at = self._clock()
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            error = connection_error_from(exc, request)
            error.message = redact(error.message)
            error.args = (error.message,)
            raise error from exc
        finally:
            # Errors keep the request (and httpx's errors their request): it shows no secret.
            request.headers["Authorization"] = "[redacted]"
        return self._parsed(response, key, sent_at, redact)

    def _parsed(
        self, response: httpx.Response, key: str | None, sent_at: float, redact: Redactor
    ) -> AccessToken:
        if not response.is_success:
            logger.warning(
                "Thredfi %s request failed with HTTP %d", _kind(key), response.status_code
            )
            raise status_error_from_response(
                self.secrets.clean_response(response, redact), auth_failure=True
            )
        body = parse_json_body(response.content)
        value = body.get("access_token") if isinstance(body, dict) else None
        expires_in = body.get("expires_in") if isinstance(body, dict) else None
        if not isinstance(value, str) or not _TOKEN_RE.fullmatch(value) or not value.strip():
            problem = "no usable access_token (printable ASCII characters)"
        elif value != value.strip():
            # A header cannot carry it as issued: HTTP strips a field value's edges (h11 even
            # refuses to send it).
            problem = "access_token has leading or trailing whitespace"
        elif isinstance(expires_in, bool) or not isinstance(expires_in, int):
            problem = "expires_in is not an integer"
        elif abs(expires_in) > _MAX_LIFETIME:
            problem = "expires_in is out of range"
        else:
            level = logging.WARNING if expires_in < 0 else logging.INFO  # < 0: already expired
            logger.log(level, "Obtained a Thredfi %s (expires_in=%d s)", _kind(key), expires_in)
            margin = min(_MAX_REFRESH_MARGIN, 0.1 * expires_in) if expires_in > 0 else 0.0
            return self._token(value, key, sent_at + expires_in, margin)
        # Never log the body: it may hold a token.
        logger.warning("Thredfi %s response (HTTP 200): %s", _kind(key), problem)
        raise APIResponseValidationError(
            self.secrets.clean_response(response, redact), f"token endpoint: {problem}"
        )

    def _token(self, value: str, key: str | None, expires_at: float, margin: float) -> AccessToken:
        refresh_at = expires_at - margin
        return AccessToken(
            value=value, expires_at=expires_at, refresh_at=refresh_at, business_id=key
        )

    def _remember(self, key: str | None, token: AccessToken) -> None:
        self._tokens[key] = token
        self._tokens.move_to_end(key)
        now = self._clock()
        if now - self._swept_at >= _SWEEP_EVERY or len(self._tokens) > self._cache_size + 1:
            self._swept_at = now
            for stale in [k for k, t in self._tokens.items() if t.expires_at <= now]:
                del self._tokens[stale]
        while len(self._tokens) > self._cache_size + 1:  # + 1: the partner token
            oldest = next(k for k in self._tokens if k is not None)
            del self._tokens[oldest]
