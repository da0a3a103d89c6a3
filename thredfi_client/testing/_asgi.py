"""The outermost ASGI layer of the sandbox: request ids, the request log, faults, recording.

It wraps the sandbox's router so a fault can act where a real network or proxy would: before the
API sees the request, or after it has handled it (the resource exists) and before the client gets
the answer. It buffers each response (they are small JSON documents) so it can add the
``X-Request-ID`` header, garble or cut the body, and hand a copy to the ``on_response`` hook.
It knows nothing of the API itself: what it needs is passed in (see :class:`SandboxApp`).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from . import _connection
from ._connection import StopSignal
from ._faults import STALL_LIMIT, Fault, FaultBook
from ._request_log import RequestLog, RequestRecord

__all__ = ["ADMIN_PREFIX", "ResponseHook", "SandboxApp", "SandboxExchange"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

#: Every admin (control) endpoint lives under this prefix, never under ``/v1``.
ADMIN_PREFIX = "/__sandbox__"
_MALFORMED_JSON = b'{"error_code": "ok", "results": [{"id": '


@dataclass(frozen=True, kw_only=True)
class SandboxExchange:
    """One request and the response the sandbox sent, as given to the ``on_response`` hook.

    Attributes:
        method: HTTP method.
        path: URL path.
        query_string: Raw query string (without ``?``).
        request_headers: Request headers, names lower-cased.
        request_body: Raw request body.
        status_code: Response status.
        response_headers: Response headers, names lower-cased.
        response_body: Raw response body.
        request_id: The ``X-Request-ID`` of the response.
        fault: The fault action that shaped this response, or None for a normal answer.
        off_contract: Why this response is not expected to match the contract (a fault, the
            guide's error shape, an operation the contract lacks), or None when it must.
    """

    method: str
    path: str
    query_string: str
    request_headers: dict[str, str]
    request_body: bytes
    status_code: int
    response_headers: dict[str, str]
    response_body: bytes
    request_id: str
    fault: str | None
    off_contract: str | None

    def json(self) -> Any:
        """The response body parsed as JSON."""
        return json.loads(self.response_body)


ResponseHook = Callable[[SandboxExchange], None]


class SandboxApp:
    """ASGI callable wrapping the sandbox's router (see the module docstring).

    Args:
        inner: The router answering API and admin requests.
        faults: The fault rules consulted for every API request.
        requests: The log every API request is recorded in.
        stop: Ends pending fault waits when the serving server shuts down.
        error_body: Builds the standard error body ``(request_id, status) -> bytes`` for a
            ``respond`` fault given no body.
        on_response: Returns the current ``on_response`` hook, or None (read per response, so a
            hook set after construction is used).
    """

    def __init__(
        self,
        inner: ASGIApp,
        *,
        faults: FaultBook,
        requests: RequestLog,
        stop: StopSignal,
        error_body: Callable[[str, int], bytes],
        on_response: Callable[[], ResponseHook | None],
    ) -> None:
        self._inner = inner
        self._faults = faults
        self._requests = requests
        self.stop_signal = stop
        self._error_body = error_body
        self._on_response = on_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._inner(scope, receive, send)
            return
        request_id = f"req_{uuid.uuid4().hex}"
        scope["state"] = {"request_id": request_id, "off_contract": None}
        path: str = scope["path"]
        body = await _read_body(receive)
        if path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"):
            status, headers, out = await self._run_inner(scope, body)
            headers = await self._answer(send, status, headers, out, request_id)
            self._record(scope, body, status, headers, out, request_id, None)
            return

        method: str = scope["method"]
        fault = self._faults.take(method, path)
        record = RequestRecord(
            method=method,
            path=path,
            request_id=request_id,
            fault=fault.action if fault else None,
            query_string=scope.get("query_string", b"").decode("latin-1"),
            headers={
                k.decode("latin-1").lower(): v.decode("latin-1")
                for k, v in scope.get("headers", [])
            },
            at=time.monotonic(),
        )
        index = self._requests.begin(record)
        sent: int | None = None
        try:
            if fault is None:
                sent = await self._normal(scope, body, send, request_id)
            else:
                sent = await self._faulty(fault, record, scope, body, receive, send)
        finally:
            self._requests.finish(index, record, sent)

    async def _normal(self, scope: Scope, body: bytes, send: Send, request_id: str) -> int:
        status, headers, out = await self._run_inner(scope, body)
        headers = await self._answer(send, status, headers, out, request_id)
        self._record(scope, body, status, headers, out, request_id, None)
        return status

    async def _faulty(
        self,
        fault: Fault,
        record: RequestRecord,
        scope: Scope,
        body: bytes,
        receive: Receive,
        send: Send,
    ) -> int | None:
        """Play one fault; returns the status sent, or None when no answer went out."""
        request_id = record.request_id
        answer: tuple[int, Headers, bytes] | None = None
        if fault.after_processing:
            answer = await self._run_inner(scope, body)
        if fault.action == "stall":
            await _connection.wait(fault.draw_delay() or STALL_LIMIT, receive, self.stop_signal)
            await _connection.close(send, "stall")
            return None
        outcome = await _connection.wait(fault.draw_delay(), receive, self.stop_signal)
        if outcome == "disconnected":
            return None  # nobody to answer; a request not yet handled never will be
        if outcome == "stopping":
            await _close_quietly(send)
            return None

        if fault.action == "drop":
            await _connection.close(send, "drop")
            return None
        if fault.action == "raw":
            assert fault.raw is not None
            await _connection.write_raw(send, fault.raw)
            return None
        if fault.action == "respond":
            status, headers, out = self._fault_response(fault, record)
            headers = await self._answer(send, status, headers, out, request_id)
            self._record(scope, body, status, headers, out, request_id, fault)
            return status
        if answer is None:  # delay before processing: now handle it normally
            answer = await self._run_inner(scope, body)
        status, headers, out = answer
        if fault.action in ("truncate", "reset"):
            await self._cut(send, status, headers, out, request_id, fault.action)
            return status
        if fault.action == "malformed_json":
            status, out = 200, _MALFORMED_JSON
            headers = [(k, v) for k, v in headers if k.lower() != b"content-type"]
            headers.append((b"content-type", b"application/json"))
        headers = await self._answer(send, status, headers, out, request_id)
        self._record(scope, body, status, headers, out, request_id, fault)
        return status

    def _fault_response(self, fault: Fault, record: RequestRecord) -> tuple[int, Headers, bytes]:
        headers: Headers = []
        if fault.retry_after is not None:
            headers.append((b"retry-after", fault.retry_after.encode("latin-1")))
        body, content_type = fault.body_for(record)
        if body is None:
            body = self._error_body(record.request_id, fault.status)
            content_type = "application/json"
        names = {name.lower() for name, _ in fault.headers}
        if "content-type" not in names:
            headers.append((b"content-type", content_type.encode("latin-1")))
        headers += [(n.encode("latin-1"), v.encode("latin-1")) for n, v in fault.headers]
        return fault.status, headers, body

    async def _run_inner(self, scope: Scope, body: bytes) -> tuple[int, Headers, bytes]:
        sent_body = False

        async def replay() -> Message:
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            # The app asked again: nothing more will come, as after a client disconnect.
            return {"type": "http.disconnect"}

        status = 500
        headers: Headers = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self._inner(scope, replay, capture)
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        return status, headers, b"".join(chunks)

    @staticmethod
    async def _answer(
        send: Send, status: int, headers: Headers, body: bytes, request_id: str
    ) -> Headers:
        """Send a whole response; returns the headers as sent."""
        drop = (b"content-length", b"x-request-id")
        headers = [(k, v) for k, v in headers if k.lower() not in drop]
        headers += [
            (b"x-request-id", request_id.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})
        return headers

    @staticmethod
    async def _cut(
        send: Send,
        status: int,
        headers: Headers,
        body: bytes,
        request_id: str,
        how: str,
    ) -> None:
        _connection.require_socket(send, how)
        headers = [(k, v) for k, v in headers if k.lower() not in (b"content-length",)]
        # Announce the whole body, send half of it, then close or reset: a short read.
        headers += [
            (b"x-request-id", request_id.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        if how == "reset":
            await _connection.reset(send)
        else:
            await _connection.close(send, "truncate")

    def _record(
        self,
        scope: Scope,
        request_body: bytes,
        status: int,
        headers: Headers,
        body: bytes,
        request_id: str,
        fault: Fault | None,
    ) -> None:
        hook = self._on_response()
        if hook is None:
            return
        off_contract: str | None = scope["state"].get("off_contract")
        if fault is not None and fault.action != "delay":  # a delay leaves the answer intact
            off_contract = f"fault:{fault.action}"
        elif scope["path"].startswith(ADMIN_PREFIX):
            off_contract = "admin API"
        hook(
            SandboxExchange(
                method=scope["method"],
                path=scope["path"],
                query_string=scope.get("query_string", b"").decode("latin-1"),
                request_headers={
                    k.decode("latin-1").lower(): v.decode("latin-1")
                    for k, v in scope.get("headers", [])
                },
                request_body=request_body,
                status_code=status,
                response_headers={
                    k.decode("latin-1").lower(): v.decode("latin-1") for k, v in headers
                },
                response_body=body,
                request_id=request_id,
                fault=fault.action if fault else None,
                off_contract=off_contract,
            )
        )


async def _close_quietly(send: Send) -> None:
    """The server is stopping: close the connection (in process, nothing to close)."""
    if _connection.has_socket(send):
        await _connection.close(send, "drop")


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)
