"""Two-tier Thredfi OAuth2 as an ``httpx.Auth`` flow: get a token from the token source, send;
on a 401 discard that token, get a fresh one, send once more."""

from __future__ import annotations

import enum
import logging
import re
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Final, Literal

import httpx

from .._extensions import TOKEN_SCOPE
from ._tokens import AccessToken, Caller, TokenSource

__all__ = ["ThredfiAuth", "TokenScope"]

logger = logging.getLogger("thredfi_client")

#: Which token API requests carry: the partner token, or a business-scoped one per business.
TokenScope = Literal["partner", "business"]

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}
#: Business ids are UUIDs; anything outside this set is not treated as one (no path tricks).
_ID: Final = r"[A-Za-z0-9_-]+"


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme))


def _origin_text(url: httpx.URL) -> str:
    return "{}://{}:{}".format(*_origin(url))


class ThredfiAuth(httpx.Auth):
    """Authenticates requests to the Thredfi API with partner or business-scoped tokens.

    Use it as the ``auth`` of an :class:`httpx.AsyncClient` whose requests go to ``base_url``.
    Requests to any other origin are sent without credentials. Token requests go through a
    pool of their own: close it with :meth:`aclose`.

    Args:
        partner_id: The partner UUID (HTTP Basic username on the token endpoint).
        api_key: The partner API key (HTTP Basic password). Never logged or shown in ``repr``.
        base_url: The API's base URL, e.g. ``https://sandbox.thredfi.com``. Credentials are only
            sent to its origin (scheme, host, port); token endpoints are built from it.
        token_scope: ``"partner"`` sends the partner token on every request. ``"business"``
            exchanges it for a business-scoped token per business, used on URLs under
            ``/v1/platform/businesses/<business_id>/``; other URLs get the partner token.
            A request whose operation takes only one kind of token (``ThredfiClient`` says so
            in the request's extensions, from the contract) gets that kind whatever this says.
        clock: Monotonic clock in seconds, used for token expiry (replaceable in tests).
        tokens: The token source to use (``ThredfiClient`` passes one with its transport,
            retries and token store); default: one of its own with these credentials.
    """

    def __init__(
        self,
        *,
        partner_id: str,
        api_key: str,
        base_url: httpx.URL | str,
        token_scope: TokenScope = "partner",  # noqa: S107 -- a scope name, not a secret
        clock: Callable[[], float] = time.monotonic,
        tokens: TokenSource | None = None,
    ) -> None:
        if token_scope not in ("partner", "business"):
            raise ValueError(f"token_scope must be 'partner' or 'business', not {token_scope!r}")
        base = httpx.URL(base_url)
        if base.scheme not in _DEFAULT_PORTS or not base.host:
            raise ValueError("base_url must be an absolute http(s) URL")
        self._partner_id = partner_id
        self._token_scope: TokenScope = token_scope
        self._base = base
        self._origin = _origin(base)
        prefix = base.path.rstrip("/")
        self._partner_token_path = f"{prefix}/v1/platform/oauth2/token/"
        self._business_path = re.compile(
            rf"{re.escape(prefix)}/v1/platform/businesses/(?P<business_id>{_ID})(?:/|$)"
        )
        self._tokens = tokens or TokenSource(
            partner_id=partner_id, api_key=api_key, base_url=base, clock=clock
        )  # fmt: skip

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
        """``text`` with the API key, its Basic value and every token seen (until 10 minutes
        after it expires) replaced: for messages built from a server's answer."""
        return self._tokens.secrets.redact(text)

    async def invalidate(self) -> None:
        """Forget every cached token; the next request obtains fresh ones."""
        self._tokens.invalidate()
        logger.debug("Dropped all cached Thredfi tokens")

    async def aclose(self) -> None:
        """Close the token requests' connections and the token store."""
        await self._tokens.aclose()

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        """Not supported: ``ThredfiAuth`` works with ``httpx.AsyncClient`` only."""
        raise RuntimeError(
            "ThredfiAuth is async-only: use it with httpx.AsyncClient, not httpx.Client"
        )

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Send ``request`` with a token, once more on a 401; no token: a ``ThredfiError``."""
        key = self._token_key(request)
        if key is _NO_TOKEN:
            yield request
            return
        token = await self._authorize(request, key)
        response = yield request
        if response.status_code != 401:
            return
        await self._reauthorize(request, key, token)
        yield request

    async def send(
        self,
        request: httpx.Request,
        send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    ) -> httpx.Response:
        """The same flow as :meth:`async_auth_flow`, driven directly: ``send`` sends a request.

        ``ThredfiClient`` uses it (no async generator to create, step and close per call);
        the generator is kept for ``ThredfiAuth`` on the caller's own ``httpx.AsyncClient``.
        """
        key = self._token_key(request)
        if key is _NO_TOKEN:
            return await send(request)
        token = await self._authorize(request, key)
        response = await send(request)
        if response.status_code != 401:
            return response
        await self._reauthorize(request, key, token)
        return await send(request)

    def _token_key(self, request: httpx.Request) -> str | _NoToken | None:
        """Which token ``request`` needs: a business id, None for the partner token, or
        ``_NO_TOKEN`` when it is sent without one (set up here: another origin, a token
        request)."""
        if _origin(request.url) != self._origin:
            where = _origin_text(request.url), _origin_text(self._base)
            logger.warning("Sending a request to %s without Thredfi credentials: they are only "
                           "sent to the configured base URL %s", *where)  # fmt: skip
            return _NO_TOKEN
        path = request.url.path
        if request.method == "POST" and path == self._partner_token_path:
            # The caller asks for a partner token itself: credentials, nothing cached.
            request.headers["Authorization"] = self._tokens.secrets.basic_authorization()
            return _NO_TOKEN
        # The operation's own scope (from its security in the contract) before the client's.
        scope = request.extensions.get(TOKEN_SCOPE) or self._token_scope
        if scope != "business":
            return None
        # A business id for business-scoped requests, None for the partner token. Exchange paths
        # (/v1/platform/<id>/oauth2/token/) have no /businesses/ segment: they get the partner's.
        match = self._business_path.match(path)
        return match["business_id"] if match else None

    async def _authorize(self, request: httpx.Request, key: str | None) -> AccessToken:
        token = self._tokens.cached(key) or await self._tokens.get(key, Caller.of(request))
        request.headers["Authorization"] = f"Bearer {token.value}"
        return token

    async def _reauthorize(
        self, request: httpx.Request, key: str | None, rejected: AccessToken
    ) -> None:
        logger.info("Thredfi answered 401 to %s %s; replaying it with a fresh token",
                    request.method, request.url.path)  # fmt: skip
        await self._tokens.discard(key, rejected)
        token = await self._tokens.get(key, Caller.of(request))
        request.headers["Authorization"] = f"Bearer {token.value}"


class _NoToken(enum.Enum):
    """The request is sent without a token (see ``ThredfiAuth._token_key``)."""

    NO_TOKEN = enum.auto()


_NO_TOKEN: Final = _NoToken.NO_TOKEN
