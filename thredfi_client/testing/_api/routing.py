"""From endpoints to a Starlette app: one route per path, 404 and 405 answered as the API would.

Each path gets a single route that dispatches on the method, so a method the path does not
serve is answered ``405`` with an ``Allow`` header listing exactly the ones it does (RFC 9110),
and ``HEAD`` is not silently mapped to ``GET``. A handler (or a helper it calls) refuses a
request by raising :class:`~thredfi_client.testing._api.responses.Denied`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .._store import Settings, Store
from .responses import Denied, error

__all__ = ["Endpoint", "Handler", "bind", "build_app"]

Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True, kw_only=True)
class Endpoint:
    """One operation: ``method`` on ``path`` (Starlette path syntax) answered by ``handler``.

    ``off_contract`` says why its answers are not expected to match the contract (e.g. an
    operation the contract does not have yet); None when they must.
    """

    method: str
    path: str
    handler: Handler
    off_contract: str | None = None


def bind(store: Store, handler: Callable[[Store, Request], Awaitable[Response]]) -> Handler:
    """A handler written as ``f(store, request)`` as a Starlette endpoint."""
    return partial(handler, store)


def build_app(settings: Settings, endpoints: Sequence[Endpoint]) -> Starlette:
    """The Starlette app serving ``endpoints`` (no slash redirects)."""
    by_path: dict[str, dict[str, Endpoint]] = {}
    for endpoint in endpoints:
        methods = by_path.setdefault(endpoint.path, {})
        if endpoint.method in methods:
            raise ValueError(f"two handlers for {endpoint.method} {endpoint.path}")
        methods[endpoint.method] = endpoint
    routes = [Route(path, _PathApp(settings, methods)) for path, methods in by_path.items()]

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail
        if exc.status_code == 404 and not request.url.path.endswith("/"):
            message = "Not found. API paths end with a slash."
        request.state.off_contract = f"HTTP {exc.status_code} from routing"
        return error(settings, request, exc.status_code, "not_found", message)

    # No slash redirects: the real API's paths all end with '/', and a 307 would hide an SDK
    # that builds paths without it.
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found})
    app.router.redirect_slashes = False
    return app


class _PathApp:
    """The ASGI app of one path: dispatches on the method (an app, not a function endpoint, so
    Starlette leaves every method to it instead of answering 405 without our body)."""

    def __init__(self, settings: Settings, methods: dict[str, Endpoint]) -> None:
        self._settings = settings
        self._methods = methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self._respond(request)
        await response(scope, receive, send)

    async def _respond(self, request: Request) -> Response:
        endpoint = self._methods.get(request.method)
        if endpoint is None:
            request.state.off_contract = "HTTP 405 from routing"
            allow = ", ".join(self._methods)
            return error(
                self._settings,
                request,
                405,
                "method_not_allowed",
                f"Method {request.method} not allowed; use {allow}.",
                headers={"Allow": allow},
            )
        if endpoint.off_contract is not None:
            request.state.off_contract = endpoint.off_contract
        try:
            return await endpoint.handler(request)
        except Denied as denied:
            return denied.response
