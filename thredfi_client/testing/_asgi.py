"""The outermost ASGI layer of the sandbox: request ids, request counting, faults, recording.

It wraps the Starlette router so a fault can act where a real network or proxy would: before the
API sees the request, or after it has handled it (the resource exists) and before the client gets
the answer. It buffers each response (they are small JSON documents) so it can add the
``X-Request-ID`` header, garble or truncate the body, and hand a copy to the ``on_response`` hook.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from ._faults import Fault, RequestRecord

if TYPE_CHECKING:
    from ._sandbox import Sandbox

__all__ = ["ADMIN_PREFIX", "SandboxApp", "SandboxConnectionDropped", "SandboxExchange"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Every admin (control) endpoint lives under this prefix, never under ``/v1``.
ADMIN_PREFIX = "/__sandbox__"
_MALFORMED_JSON = b'{"error_code": "ok", "results": [{"id": '


class SandboxConnectionDropped(httpx.RemoteProtocolError):
    """Raised in process (``httpx.ASGITransport``) where a real server would close the socket.

    It subclasses :class:`httpx.RemoteProtocolError`, which is what httpx raises over a real
    socket when the server disconnects without answering, so code under test sees the same
    exception family in both modes.
    """


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


class SandboxApp:
    """ASGI callable wrapping the sandbox's Starlette router (see the module docstring)."""

    def __init__(self, sandbox: Sandbox, inner: ASGIApp) -> None:
        self._sandbox = sandbox
        self._inner = inner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._inner(scope, receive, send)
            return
        request_id = f"req_{uuid.uuid4().hex}"
        state: dict[str, Any] = {"request_id": request_id, "off_contract": None}
        scope["state"] = state
        method: str = scope["method"]
        path: str = scope["path"]
        is_admin = path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")
        body = await _read_body(receive)

        fault: Fault | None = None
        if not is_admin:
            fault = self._sandbox._faults.take(method, path)
            self._sandbox._requests.append(
                RequestRecord(
                    method=method,
                    path=path,
                    request_id=request_id,
                    fault=fault.action if fault else None,
                )
            )

        if fault is not None and not fault.after_processing:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.action == "respond":
                status, headers, out = self._fault_response(fault, request_id)
                await self._answer(send, status, headers, out)
                self._record(scope, body, status, headers, out, request_id, fault)
                return
            if fault.action == "drop":
                await _drop_connection(send)
                return

        status, headers, out = await self._run_inner(scope, body)

        if fault is not None and fault.after_processing:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.action == "respond":
                status, headers, out = self._fault_response(fault, request_id)
            elif fault.action == "drop":
                await _drop_connection(send)
                return
        if fault is not None and fault.action == "truncate":
            await self._truncated(send, status, headers, out, request_id)
            return
        if fault is not None and fault.action == "malformed_json":
            status, out = 200, _MALFORMED_JSON
            headers = [(k, v) for k, v in headers if k.lower() != b"content-type"]
            headers.append((b"content-type", b"application/json"))
        headers = [(k, v) for k, v in headers if k.lower() not in (b"x-request-id",)]
        headers.append((b"x-request-id", request_id.encode()))
        await self._answer(send, status, headers, out)
        self._record(scope, body, status, headers, out, request_id, fault)

    def _fault_response(
        self, fault: Fault, request_id: str
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        headers = [(b"x-request-id", request_id.encode())]
        if fault.retry_after is not None:
            headers.append((b"retry-after", fault.retry_after.encode()))
        if fault.body is None:
            body = self._sandbox._error_body(
                request_id,
                _DEFAULT_CODES.get(fault.status, "server_error"),
                f"Injected fault: HTTP {fault.status}.",
                {},
            )
            headers.append((b"content-type", b"application/json"))
        else:
            body = fault.body
            headers.append((b"content-type", fault.content_type.encode()))
        return fault.status, headers, body

    async def _run_inner(
        self, scope: Scope, body: bytes
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        sent_body = False

        async def replay() -> Message:
            nonlocal sent_body
            if not sent_body:
                sent_body = True
                return {"type": "http.request", "body": body, "more_body": False}
            # The app asked again: nothing more will come, as after a client disconnect.
            return {"type": "http.disconnect"}

        status = 500
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self._inner(scope, replay, capture)
        out = b"".join(chunks)
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        return status, headers, out

    @staticmethod
    async def _answer(
        send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> None:
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})

    @staticmethod
    async def _truncated(
        send: Send,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        request_id: str,
    ) -> None:
        transport = _transport_of(send)
        if transport is None:
            raise SandboxConnectionDropped(
                "Sandbox fault: peer closed connection without sending complete message body."
            )
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        # Announce the whole body, send half of it, then close: the client sees a short read.
        headers += [
            (b"content-length", str(len(body)).encode()),
            (b"x-request-id", request_id.encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
        await _drop_connection(send)

    def _record(
        self,
        scope: Scope,
        request_body: bytes,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        request_id: str,
        fault: Fault | None,
    ) -> None:
        hook = self._sandbox.on_response
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


_DEFAULT_CODES = {
    400: "validation_error",
    401: "invalid_token",
    403: "permission_denied",
    404: "not_found",
    409: "conflict",
    422: "unprocessable_entity",
    429: "rate_limited",
}


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


def _transport_of(send: Send) -> asyncio.Transport | None:
    """The socket transport behind uvicorn's ``send`` (a bound method of its request cycle).

    ASGI has no message for "close the connection without answering"; uvicorn answers 500 when
    an app fails before starting a response, so the only way to drop the socket is to close the
    transport the server's request cycle holds. Returns None for other servers (in process).
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    return transport if isinstance(transport, asyncio.Transport) else None


async def _drop_connection(send: Send) -> None:
    transport = _transport_of(send)
    if transport is None:
        raise SandboxConnectionDropped(
            "Sandbox fault: server disconnected without sending a response."
        )
    transport.close()
    cycle = getattr(send, "__self__", None)
    # Let connection_lost run so uvicorn marks the cycle disconnected and does not log or try to
    # send a 500 of its own; bounded, as it normally takes one loop iteration.
    for _ in range(20):
        if getattr(cycle, "disconnected", True):
            break
        await asyncio.sleep(0)
