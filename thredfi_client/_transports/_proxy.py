"""Proxy routing shared by every built-in transport: ``proxy=`` and, with ``trust_env``, the
environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``, either case).

The rules are httpx's own, reused rather than copied: ``httpx._utils.get_environment_proxies``
reads the environment, ``httpx._utils.URLPattern`` matches a URL to the most specific entry
(``NO_PROXY`` entries map to no proxy), and ``proxy=`` overrides the environment entirely, as
``httpx.AsyncClient(proxy=...)`` does. ``tests/unit/test_proxy_routes.py`` pins those private
helpers on the installed httpx.

``http://`` requests go to the proxy in absolute form; ``https://`` ones through a ``CONNECT``
tunnel, with TLS to the origin inside it. Credentials in a proxy URL
(``http://user:pass@proxy:3128``) are sent as ``Proxy-Authorization: Basic ...`` and never
shown: :attr:`ProxyRoute.url` has none, and :meth:`ProxyRoutes.secrets` lists them for the
client's redaction.
"""

from __future__ import annotations

import base64
import contextlib
import re
from typing import Final, TypeAlias

import httpx
from httpx._utils import URLPattern, get_environment_proxies

from .._errors import ArgumentTypeError, ArgumentValueError

__all__ = ["ProxyRoute", "ProxyRoutes", "ProxyTypes", "refused_by_proxy"]

ProxyTypes: TypeAlias = "str | httpx.URL | httpx.Proxy"

#: Proxy schemes every built-in transport speaks (TLS to the proxy itself, and SOCKS, are not).
_SCHEMES: Final = ("http",)
#: Origins remembered per client: a client talks to one or two (its base URL's).
_CACHE_SIZE: Final = 64
#: A header name (an HTTP token), and what a value may not hold.
_TOKEN: Final = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_UNSENDABLE: Final = re.compile(rb"[\x00\r\n]")


class ProxyRoute:
    """One proxy: its URL without credentials, and the headers to send it (its
    ``httpx.Proxy``'s ``headers``, and ``Proxy-Authorization`` for its credentials)."""

    __slots__ = ("headers", "host", "port", "proxy", "url")

    def __init__(self, proxy: httpx.Proxy) -> None:
        self.proxy = proxy
        #: The proxy's URL, without credentials: what messages name.
        self.url = str(proxy.url).rstrip("/")
        self.host = proxy.url.raw_host.decode("ascii")
        self.port = proxy.url.port or 80
        headers = list(proxy.headers.raw)
        auth = proxy.raw_auth
        if auth is not None and "proxy-authorization" not in proxy.headers:
            basic = b"Basic " + base64.b64encode(auth[0] + b":" + auth[1])
            headers.append((b"Proxy-Authorization", basic))
        for name, value in headers:
            if _TOKEN.fullmatch(name) is None or _UNSENDABLE.search(value) is not None:
                # Said without the value: it may be a credential.
                raise ArgumentValueError(
                    f"proxy: the proxy header {name[:60]!r} cannot be sent as it is (a name "
                    "must be an HTTP token, a value cannot hold CR, LF or NUL)",
                    argument="proxy",
                )
        #: Sent to the proxy only: on each forwarded ``http://`` request and each ``CONNECT``.
        self.headers: tuple[tuple[bytes, bytes], ...] = tuple(headers)

    def __repr__(self) -> str:
        return f"ProxyRoute({self.url!r})"


class ProxyRoutes:
    """Which proxy, if any, a request goes through."""

    __slots__ = ("_cache", "_patterns")

    def __init__(self, proxy: object = None, *, trust_env: bool = True) -> None:
        patterns: list[tuple[URLPattern, ProxyRoute | None]] = []
        if proxy is not None:
            patterns.append((URLPattern("all://"), _route(proxy, "proxy")))
        elif trust_env:
            for key, url in get_environment_proxies().items():
                where = f"the environment's proxy for {key}"
                patterns.append((URLPattern(key), None if url is None else _route(url, where)))
        #: Most specific first, as httpx sorts its mounts.
        self._patterns = sorted(patterns, key=lambda entry: entry[0])
        self._cache: dict[tuple[str, bytes, int | None], ProxyRoute | None] = {}

    @property
    def active(self) -> bool:
        """Whether any request may go through a proxy."""
        return any(route is not None for _, route in self._patterns)

    def route(self, url: httpx.URL) -> ProxyRoute | None:
        """The proxy for ``url``, or None to connect directly."""
        if not self._patterns:
            return None
        key = (url.scheme, url.raw_host, url.port)
        try:
            return self._cache[key]
        except KeyError:
            pass
        found: ProxyRoute | None = None
        for pattern, route in self._patterns:
            if pattern.matches(url):
                found = route
                break
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = found
        return found

    def proxies(self) -> list[ProxyRoute]:
        """Every distinct proxy a request may go through."""
        return [route for _, route in self._patterns if route is not None]

    def secrets(self) -> list[str]:
        """The proxies' passwords and ``Proxy-Authorization`` values, for redaction."""
        found: list[str] = []
        for route in self.proxies():
            if route.proxy.auth is not None:
                found.append(route.proxy.auth[1])
            for name, value in route.headers:
                if name.lower() == b"proxy-authorization":
                    text = value.decode("latin-1")
                    found += [text, text.partition(" ")[2]]
        return [secret for secret in found if secret]


def _route(value: object, where: str) -> ProxyRoute:
    url: httpx.URL | None = None
    if isinstance(value, httpx.Proxy):
        url = value.url
    elif isinstance(value, str | httpx.URL):
        with contextlib.suppress(httpx.InvalidURL, TypeError):
            url = httpx.URL(value)
        if url is None:
            # Said without the URL: it may hold a password.
            raise ArgumentValueError(
                f"{where}: not a valid proxy URL (expected http://host:port)", argument="proxy"
            )
    if url is None:
        raise ArgumentTypeError(
            f"{where} must be a str, an httpx.URL or an httpx.Proxy, not {type(value).__name__}",
            argument="proxy",
        )
    if url.scheme not in _SCHEMES or not url.host:
        scheme = f"{url.scheme}://" if url.scheme else "a URL without a scheme"
        raise ArgumentValueError(
            f"{where}: {scheme} is not a supported proxy (give an http:// proxy URL: "
            "http://host:port, with user:password@ before the host if it needs credentials)",
            argument="proxy",
        )
    return ProxyRoute(value if isinstance(value, httpx.Proxy) else httpx.Proxy(url=url))


def refused_by_proxy(
    route: ProxyRoute, status: int, reason: str, request: httpx.Request
) -> httpx.ProxyError | None:
    """The error for a proxy's answer that is the proxy's own refusal, or None.

    ``407 Proxy Authentication Required`` comes from a proxy, never from the API: through a
    proxy it is a failure to get through, not an answer of the API.
    """
    if status != 407:
        return None
    return httpx.ProxyError(
        f"the proxy {route.url} refused the request: {status} {reason}".rstrip(),
        request=request,
    )


def tunnel_refused(
    route: ProxyRoute, target: str, status: int, reason: str, request: httpx.Request
) -> httpx.ProxyError:
    """The error for a ``CONNECT`` the proxy did not grant (``status`` 0: no valid answer)."""
    answer = f"{status} {reason}" if status else reason
    return httpx.ProxyError(
        f"the proxy {route.url} refused a tunnel to {target}: {answer[:200]}".rstrip(),
        request=request,
    )
