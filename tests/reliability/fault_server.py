"""A small stateful Thredfi look-alike with scripted faults, served by uvicorn on loopback.

It is independent of ``thredfi_client.testing`` on purpose: faults here are raw and exact (close
the socket, reset it mid-body, stall after committing a write), which a friendly sandbox
should not have to model.

* Tokens: ``POST /v1/platform/oauth2/token/`` checks HTTP Basic and issues
  ``tok_secret_<n>_<32 hex>`` (the prefix the session-wide leak guard looks for) with a
  configurable ``expires_in``; tokens can be revoked. Business exchange
  ``POST /v1/platform/<id>/oauth2/token/`` works too.
* Customers (create / get / archive) and invoices (create) live in a JSON store; creates with
  an ``external_id`` are idempotent (201 once, then 200 with the same resource).
* Every request is recorded per route (count, arrival time, ``Authorization`` header).
* Each route has a fault queue, consumed one fault per request (see :class:`Fault`).

How the socket-level faults work with uvicorn (h11 protocol; no httptools here): the ASGI
``send`` callable uvicorn passes is a bound method of its ``RequestResponseCycle``, whose
``transport`` attribute is the connection's ``asyncio.Transport``. Closing it gives "close
without answering"; sending ``http.response.start`` with the real ``Content-Length`` and only
part of the body, then ``SO_LINGER=0`` + ``abort()`` gives a TCP RST mid-response. After either,
the handler yields once so uvicorn's ``connection_lost`` marks the cycle disconnected and does not
try to send its own 500. A stall waits on ``receive()``, which returns ``http.disconnect`` when
the client goes away, so stalls end as soon as the client gives up (and never later than the
fault's bound).
"""

from __future__ import annotations

import asyncio
import base64
import collections
import itertools
import json
import re
import socket
import struct
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Literal

import attrs
import uvicorn

from ..conftest import API_KEY, PARTNER_ID
from ..unit.test_client import customer_json, invoice_json

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

Route = Literal[
    "token",
    "business_token",
    "create_customer",
    "get_customer",
    "archive_customer",
    "create_invoice",
    "other",
]
FaultKind = Literal["status", "delay", "stall", "close", "reset"]

_ID = r"[0-9a-fA-F-]{36}"
_ROUTES: tuple[tuple[str, re.Pattern[str], Route], ...] = (
    ("POST", re.compile(r"/v1/platform/oauth2/token/"), "token"),
    ("POST", re.compile(rf"/v1/platform/{_ID}/oauth2/token/"), "business_token"),
    ("POST", re.compile(rf"/v1/platform/businesses/(?P<b>{_ID})/customers/"), "create_customer"),
    (
        "GET",
        re.compile(rf"/v1/platform/businesses/(?P<b>{_ID})/customers/(?P<c>{_ID})/"),
        "get_customer",
    ),
    (
        "POST",
        re.compile(rf"/v1/platform/businesses/(?P<b>{_ID})/customers/(?P<c>{_ID})/archive/"),
        "archive_customer",
    ),
    ("POST", re.compile(rf"/v1/platform/businesses/(?P<b>{_ID})/invoices/"), "create_invoice"),
)
#: No fault ever waits longer than this, whatever a test asks.
MAX_FAULT_SECONDS = 10.0
#: Largest request body read.
MAX_BODY = 1 << 20
#: Placeholder in a fault body for the request's ``Authorization`` header.
ECHO_AUTHORIZATION = "{AUTHORIZATION}"


@attrs.frozen(kw_only=True)
class Fault:
    """One scripted misbehaviour, applied to one request.

    Attributes:
        kind: ``status`` answers ``status`` with ``headers``/``body`` instead of the real answer;
            ``delay`` waits ``seconds`` then answers normally; ``stall`` waits ``seconds`` or until
            the client disconnects and never answers; ``close`` closes the connection without a
            byte of answer; ``reset`` sends the real status, headers and the first half of the
            real body, then resets the connection (TCP RST).
        after_processing: apply the fault after the request was processed (a create is
            committed), rather than before.

    A ``status`` body may contain :data:`ECHO_AUTHORIZATION`, replaced by the request's own
    ``Authorization`` header, as a debugging proxy or a careless server would echo it.
    """

    kind: FaultKind
    status: int = 503
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    seconds: float = 0.0
    after_processing: bool = False


def status(
    code: int,
    body: bytes | dict[str, Any] = b"",
    *,
    content_type: str = "application/json",
    retry_after: str | None = None,
    after_processing: bool = False,
) -> Fault:
    """Answer ``code`` (with a JSON/HTML/raw body and an optional ``Retry-After``)."""
    raw = json.dumps(body).encode() if isinstance(body, dict) else body
    headers = [("content-type", content_type)]
    if retry_after is not None:
        headers.append(("retry-after", retry_after))
    return Fault(
        kind="status",
        status=code,
        headers=tuple(headers),
        body=raw,
        after_processing=after_processing,
    )


def delay(seconds: float) -> Fault:
    """Answer normally, ``seconds`` late."""
    return Fault(kind="delay", seconds=seconds)


def stall(seconds: float, *, after_processing: bool = False) -> Fault:
    """Never answer; give up after ``seconds`` or when the client disconnects."""
    return Fault(kind="stall", seconds=seconds, after_processing=after_processing)


def close(*, after_processing: bool = False) -> Fault:
    """Close the connection without answering."""
    return Fault(kind="close", after_processing=after_processing)


def reset_mid_response() -> Fault:
    """Send headers and half the real body, then reset the connection."""
    return Fault(kind="reset", after_processing=True)


@attrs.frozen
class Seen:
    """One request as the server received it."""

    route: Route
    method: str
    path: str
    authorization: str | None
    at: float


@attrs.define
class _Token:
    value: str
    issued_at: float
    expires_in: int
    revoked: bool = False


@attrs.define
class _Answer:
    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = attrs.Factory(list)


class FaultServer:
    """The fault-injecting server. Start with :meth:`start`, always :meth:`stop`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.reset()

    # -- lifecycle -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, startup_timeout: float = 10.0) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self,
            host="127.0.0.1",
            port=self.port,
            lifespan="off",
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            http="h11",
            backlog=2048,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=3,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + startup_timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                self.stop()
                raise RuntimeError("the fault server did not start in time")
            time.sleep(0.01)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
            assert not self._thread.is_alive(), "the fault server did not stop"
        self._server = None
        self._thread = None

    def open_connections(self) -> int:
        """Connections the server currently holds open."""
        assert self._server is not None
        return len(self._server.server_state.connections)

    # -- state -----------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget everything: store, tokens, records and faults."""
        with self._lock:
            self.seen: list[Seen] = []
            self.faults: dict[Route, collections.deque[Fault]] = collections.defaultdict(
                collections.deque
            )
            self.fail_first_per_path: dict[Route, Fault] = {}
            self._paths_seen: set[str] = set()
            self.customers: dict[str, dict[str, Any]] = {}
            self.invoices: dict[str, dict[str, Any]] = {}
            self.tokens: dict[str, _Token] = {}
            self.rejected: collections.Counter[str] = collections.Counter()
            self.in_flight = 0
            #: Most requests the server was handling at once.
            self.max_in_flight = 0
            self._numbers = itertools.count(1)
            #: ``expires_in`` of the tokens issued from now on.
            self.expires_in = 3600
            #: Seconds a token is still accepted after it expired (0: expiry is enforced).
            self.expiry_grace = 0.0

    def script(self, route: Route, *faults: Fault) -> None:
        """Queue faults for the next requests to ``route``, one each."""
        with self._lock:
            self.faults[route].extend(faults)

    def count(self, route: Route) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.route == route)

    def arrivals(self, route: Route) -> list[float]:
        with self._lock:
            return [s.at for s in self.seen if s.route == route]

    def token(self, n: int) -> str:
        """The ``n``-th token issued (1-based)."""
        with self._lock:
            return list(self.tokens)[n - 1]

    def revoke_all_tokens(self) -> None:
        with self._lock:
            for token in self.tokens.values():
                token.revoked = True

    def add_customer(self, **fields: Any) -> str:
        customer_id = str(uuid.uuid4())
        with self._lock:
            self.customers[customer_id] = customer_json(id=customer_id, external_id=None, **fields)
        return customer_id

    # -- ASGI ------------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await self._handle(scope, receive, send)
        finally:
            with self._lock:
                self.in_flight -= 1

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            body += message.get("body", b"")
            if len(body) > MAX_BODY:
                await _send(send, _json(413, {"error_code": "too_large"}))
                return
            if not message.get("more_body", False):
                break
        method: str = scope["method"]
        path: str = scope["path"]
        route, params = _route(method, path)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        with self._lock:
            self.seen.append(
                Seen(route, method, path, headers.get("authorization"), time.monotonic())
            )
            fault = self.faults[route].popleft() if self.faults[route] else None
            if fault is None and route in self.fail_first_per_path and path not in self._paths_seen:
                fault = self.fail_first_per_path[route]
            self._paths_seen.add(path)

        if fault is not None and fault.kind == "delay":
            if await _client_gone_within(receive, fault.seconds):
                return
        elif fault is not None and not fault.after_processing:
            await self._apply(fault, None, headers, receive, send)
            return
        answer = self._process(route, params, headers, bytes(body))
        if fault is not None and fault.kind != "delay":
            await self._apply(fault, answer, headers, receive, send)
            return
        await _send(send, answer)

    async def _apply(
        self,
        fault: Fault,
        answer: _Answer | None,
        headers: dict[str, str],
        receive: Receive,
        send: Send,
    ) -> None:
        if fault.kind == "status":
            raw_headers = [(k.encode(), v.encode()) for k, v in fault.headers]
            echoed = headers.get("authorization", "").encode()
            body = fault.body.replace(ECHO_AUTHORIZATION.encode(), echoed)
            await _send(send, _Answer(fault.status, body, raw_headers))
        elif fault.kind == "stall":
            await _client_gone_within(receive, fault.seconds)
        elif fault.kind == "close":
            await _drop(send, rst=False)
        elif fault.kind == "reset":
            assert answer is not None, "reset needs a real answer"
            assert len(answer.body) >= 2, "reset needs a real body"
            await send(
                {
                    "type": "http.response.start",
                    "status": answer.status,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(answer.body)).encode()),
                    ],
                }
            )
            half = answer.body[: len(answer.body) // 2]
            await send({"type": "http.response.body", "body": half, "more_body": True})
            await asyncio.sleep(0.02)  # let the client read the partial body before the RST
            await _drop(send, rst=True)

    # -- the fake API ----------------------------------------------------------------------------

    def _process(
        self, route: Route, params: dict[str, str], headers: dict[str, str], body: bytes
    ) -> _Answer:
        with self._lock:
            if route == "token":
                return self._issue_token(headers)
            if route == "other":
                return _json(404, {"error_code": "not_found", "message": "no such route"})
            problem = self._check_bearer(headers)
            if problem is not None:
                self.rejected[problem] += 1
                return _json(401, {"error_code": "invalid_token", "message": problem})
            if route == "business_token":
                return self._new_token(scope="business_access")
            if route == "create_customer":
                return self._create("customer", params["b"], body)
            if route == "create_invoice":
                return self._create("invoice", params["b"], body)
            customer = self.customers.get(params["c"])
            if customer is None:
                return _json(404, {"error_code": "customer_not_found", "message": "not found"})
            if route == "archive_customer":
                customer.update(
                    status="ARCHIVED",
                    is_active=False,
                    is_archived=True,
                    archived_at="2026-11-22T09:00:00Z",
                )
            return _json(200, customer)

    def _issue_token(self, headers: dict[str, str]) -> _Answer:
        expected = base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()
        if headers.get("authorization") != f"Basic {expected}":
            self.rejected["bad client credentials"] += 1
            return _json(401, {"error_code": "invalid_client", "message": "bad credentials"})
        return self._new_token()

    def _new_token(self, **extra: str) -> _Answer:
        # As long as a real token (JWTs are hundreds of characters), and numbered for tests.
        value = f"tok_secret_{next(self._numbers)}_{uuid.uuid4().hex}"
        self.tokens[value] = _Token(value, time.monotonic(), self.expires_in)
        body: dict[str, Any] = {
            "access_token": value,
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            **extra,
        }
        return _json(200, body)

    def _check_bearer(self, headers: dict[str, str]) -> str | None:
        value = headers.get("authorization", "")
        if not value.startswith("Bearer "):
            return "missing bearer token"
        token = self.tokens.get(value.removeprefix("Bearer "))
        if token is None:
            return "unknown token"
        if token.revoked:
            return "revoked token"
        if time.monotonic() >= token.issued_at + token.expires_in + self.expiry_grace:
            return "expired token"
        return None

    def _create(
        self, kind: Literal["customer", "invoice"], business_id: str, body: bytes
    ) -> _Answer:
        try:
            fields = json.loads(body)
        except ValueError:
            return _json(400, {"error_code": "validation_error", "message": "body is not JSON"})
        if not isinstance(fields, dict):
            return _json(400, {"error_code": "validation_error", "message": "not an object"})
        store = self.customers if kind == "customer" else self.invoices
        external_id = fields.get("external_id")
        if kind == "invoice" and not external_id:
            return _json(400, {"error_code": "validation_error", "message": "external_id"})
        if external_id:
            for existing in store.values():
                if existing["external_id"] == external_id:
                    return _json(200, existing)
        new_id = str(uuid.uuid4())
        if kind == "customer":
            known = {k: v for k, v in fields.items() if k in customer_json() and k != "status"}
            store[new_id] = customer_json(**{**known, "id": new_id, "external_id": external_id})
        else:
            store[new_id] = invoice_json(
                id=new_id, external_id=external_id, business_id=business_id
            )
        return _json(201, store[new_id])


def _route(method: str, path: str) -> tuple[Route, dict[str, str]]:
    for route_method, pattern, route in _ROUTES:
        match = pattern.fullmatch(path)
        if match and method == route_method:
            return route, match.groupdict()
    return "other", {}


def _json(code: int, body: object) -> _Answer:
    return _Answer(code, json.dumps(body).encode(), [(b"content-type", b"application/json")])


async def _send(send: Send, answer: _Answer) -> None:
    headers = [*answer.headers, (b"content-length", str(len(answer.body)).encode())]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body, "more_body": False})


async def _client_gone_within(receive: Receive, seconds: float) -> bool:
    """Wait up to ``seconds``; True as soon as the client disconnects."""
    try:
        async with asyncio.timeout(min(seconds, MAX_FAULT_SECONDS)):
            message = await receive()
    except TimeoutError:
        return False
    return bool(message["type"] == "http.disconnect")


async def _drop(send: Send, *, rst: bool) -> None:
    """Close the connection under the request: FIN, or RST when ``rst``."""
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    assert isinstance(transport, asyncio.Transport), "uvicorn no longer exposes the transport"
    if rst:
        sock = transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    else:
        transport.close()
    # Let uvicorn's connection_lost run, so it does not try to answer 500 itself.
    for _ in range(3):
        await asyncio.sleep(0)
