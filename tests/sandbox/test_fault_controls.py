"""``Sandbox.add_fault``: every action, its arguments, and what reaches the socket."""

from __future__ import annotations

import asyncio
import base64
import gzip
import re
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from thredfi_client.testing import (
    STALL_LIMIT,
    RequestRecord,
    Sandbox,
    SandboxConnectionDropped,
    SandboxServer,
)

from .helpers import TOKEN_PATH, customers_path, partner_token

pytestmark = pytest.mark.usefixtures("no_proxy_env")

REQUEST = b"POST /v1/platform/oauth2/token/ HTTP/1.1\r\nHost: sandbox\r\nContent-Length: 0\r\n\r\n"


async def _exchange_raw(base_url: str, request: bytes = REQUEST) -> tuple[bytes, str]:
    """Send ``request`` on a fresh socket; every byte received, and how the stream ended."""
    host, port = base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(request)
    await writer.drain()
    received = b""
    ending = "eof"
    try:
        async with asyncio.timeout(5):
            while chunk := await reader.read(65536):
                received += chunk
    except ConnectionResetError:
        ending = "reset"
    finally:
        writer.close()
    return received, ending


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"action": "explode"}, ValueError, "unknown fault action 'explode'"),
        ({"action": "respond", "times": 0}, ValueError, "times must be >= 1"),
        ({"action": "respond", "times": True}, TypeError, "times must be an int"),
        ({"action": "drop", "status": 503}, ValueError, "'drop' does not use status"),
        ({"action": "delay", "body": "x", "delay": 1}, ValueError, "does not use body"),
        ({"action": "truncate", "after_processing": True}, ValueError, "after_processing"),
        ({"action": "respond", "raw": b"x"}, ValueError, "'respond' does not use raw"),
        ({"action": "respond", "status": 99}, ValueError, "status must be an HTTP status"),
        ({"action": "delay"}, ValueError, "'delay' needs delay > 0"),
        ({"action": "delay", "delay": -1}, ValueError, "delay must be >= 0"),
        ({"action": "delay", "delay": (2, 1)}, ValueError, "0 <= low <= high"),
        ({"action": "delay", "delay": "1"}, TypeError, "delay must be seconds"),
        ({"action": "raw"}, ValueError, "'raw' needs raw="),
        ({"action": "raw", "raw": "HTTP/1.1"}, TypeError, "raw must be bytes"),
        ({"action": "raw", "raw": b""}, ValueError, "raw must not be empty"),
        ({"action": "respond", "headers": {"X-A": "1\r\nX-B: 2"}}, ValueError, "CR/LF"),
        ({"action": "respond", "headers": {"Bad Name": "1"}}, ValueError, "valid HTTP token"),
        ({"action": "respond", "headers": {"Content-Length": "9"}}, ValueError, "computed"),
        ({"action": "respond", "headers": {"X-A": "€"}}, ValueError, "latin-1"),
        ({"action": "respond", "content_type": "text/€"}, ValueError, "latin-1"),
        ({"action": "respond", "retry_after": "1\r\nX: y"}, ValueError, "one line"),
        ({"action": "respond", "retry_after": 1.5}, TypeError, "retry_after"),
        ({"action": "respond", "body": 42}, TypeError, "body must be"),
        ({"action": "respond", "method": "GET POST"}, ValueError, "method must be"),
    ],
)
def test_add_fault_names_the_wrong_argument(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    sandbox = Sandbox()
    with pytest.raises(error, match=match):
        sandbox.add_fault(TOKEN_PATH, **kwargs)
    assert sandbox.faults == []


def test_add_fault_path_must_be_a_prefix_or_a_pattern() -> None:
    sandbox = Sandbox()
    with pytest.raises(ValueError, match="start with '/'"):
        sandbox.add_fault("v1/platform/", action="drop")
    with pytest.raises(TypeError, match=r"compiled re\.Pattern"):
        sandbox.add_fault(b"/v1/", action="drop")  # type: ignore[arg-type]
    fault = sandbox.add_fault(re.compile("token/$"), action="drop", times=None)
    assert (fault.path, fault.times, fault.remaining) == (re.compile("token/$"), None, None)


async def test_respond_adds_headers_and_can_build_its_body_from_the_request(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    def echo(request: RequestRecord) -> dict[str, str]:
        return {"you_sent": request.headers.get("x-trace", ""), "path": request.path}

    sandbox.add_fault(
        TOKEN_PATH,
        action="respond",
        status=418,
        body=echo,
        headers=[("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"), ("X-Extra", "yes")],
    )
    sandbox.add_fault(
        TOKEN_PATH,
        action="respond",
        status=200,
        body=b"<p>hi</p>",
        headers={"Content-Type": "application/xhtml+xml"},
    )
    teapot = await http.post(TOKEN_PATH, headers={"X-Trace": "t-42"})
    assert teapot.status_code == 418
    assert teapot.json() == {"you_sent": "t-42", "path": TOKEN_PATH}
    assert teapot.headers.get_list("set-cookie") == ["a=1", "b=2"]
    assert teapot.headers["x-extra"] == "yes"
    assert teapot.headers["content-type"] == "application/json"
    assert teapot.headers["x-request-id"].startswith("req_")
    typed = await http.post(TOKEN_PATH)
    assert typed.headers.get_list("content-type") == ["application/xhtml+xml"]
    assert typed.content == b"<p>hi</p>"
    assert [r.status for r in sandbox.requests] == [418, 200]


def test_a_delay_range_is_drawn_for_each_request() -> None:
    fault = Sandbox().add_fault(TOKEN_PATH, action="delay", delay=(0.01, 0.02), times=None)
    draws = [fault.draw_delay() for _ in range(200)]
    assert all(0.01 <= d <= 0.02 for d in draws)
    assert len(set(draws)) > 100
    assert fault.delay == (0.01, 0.02)


async def test_a_delay_range_delays_in_process(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="delay", delay=(0.05, 0.06))
    started = time.monotonic()
    response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.05


async def test_request_records_carry_headers_arrival_and_status(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    before = time.monotonic()
    await http.post(TOKEN_PATH, params={"a": "1"}, headers={"Authorization": "Basic c2VjcmV0"})
    (record,) = sandbox.requests
    assert record.headers["authorization"] == "Basic c2VjcmV0"
    assert "c2VjcmV0" not in repr(record)  # credentials stay out of reprs
    assert record.query_string == "a=1"
    assert before <= record.at <= time.monotonic()
    assert record.status == 401
    assert (sandbox.requests_in_flight, sandbox.max_requests_in_flight) == (0, 1)


@pytest.mark.parametrize("action", ["drop", "truncate", "reset", "raw", "stall"])
async def test_connection_faults_in_process_raise_a_remote_protocol_error(
    http: httpx.AsyncClient, sandbox: Sandbox, action: str
) -> None:
    extra: dict[str, Any] = {"raw": b"HTTP/1.1 200 OK\r\n"} if action == "raw" else {}
    if action == "stall":
        extra["delay"] = 0.01
    sandbox.add_fault(TOKEN_PATH, action=action, **extra)  # type: ignore[arg-type]
    with pytest.raises(SandboxConnectionDropped) as info:
        await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert isinstance(info.value, httpx.RemoteProtocolError)
    assert action in str(info.value)


# ---------------------------------------------------------------------- over a socket


@pytest.mark.parametrize(
    "raw",
    [
        b"HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nX-Broken header line\r\nContent-Length: 2\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 9000 + b"\r\nContent-Length: 2\r\n\r\n{}",
        b"\x00\xff garbage, not HTTP",
    ],
    ids=["bad-status-line", "bad-header-line", "header-over-8190-bytes", "not-http"],
)
async def test_raw_writes_exactly_its_bytes_then_closes(
    make_sandbox: Callable[..., Sandbox], raw: bytes
) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="raw", raw=raw)
    async with SandboxServer(sandbox) as server:
        received, ending = await _exchange_raw(server.base_url)
    assert (received, ending) == (raw, "eof")
    assert [(r.fault, r.status) for r in sandbox.requests] == [("raw", None)]
    assert sandbox.tokens == []


async def test_raw_after_processing_takes_effect_first(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(
        TOKEN_PATH, action="raw", raw=b"HTTP/1.1 2OO OK\r\n\r\n", after_processing=True
    )
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        with pytest.raises(httpx.RemoteProtocolError, match="illegal status line"):
            await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert len(sandbox.tokens) == 1


@pytest.mark.parametrize(("action", "ending"), [("truncate", "eof"), ("reset", "reset")])
async def test_truncate_closes_and_reset_resets_mid_body(
    make_sandbox: Callable[..., Sandbox], action: str, ending: str
) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action=action)  # type: ignore[arg-type]
    auth = base64.b64encode(f"{sandbox.partner_id}:{sandbox.api_key}".encode()).decode()
    request = REQUEST.replace(b"Host:", f"Authorization: Basic {auth}\r\nHost:".encode())
    async with SandboxServer(sandbox) as server:
        received, how = await _exchange_raw(server.base_url, request)
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    announced = int(re.search(rb"(?i)content-length: (\d+)", head)[1])  # type: ignore[index]
    assert 0 < len(body) < announced
    assert how == ending
    assert len(sandbox.tokens) == 1  # handled, then the answer was cut
    assert [(r.fault, r.status) for r in sandbox.requests] == [(action, 200)]


async def test_reset_is_a_read_error_for_httpx(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="reset")
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))


async def test_gzip_body_and_a_9000_byte_cookie_over_a_socket(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox()
    document = b'{"access_token": "t", "expires_in": 60}'
    sandbox.add_fault(
        TOKEN_PATH,
        action="respond",
        status=200,
        body=gzip.compress(document),
        content_type="application/json",
        headers={"Content-Encoding": "gzip", "Set-Cookie": "big=" + "c" * 8996},
    )
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        response = await http.post(TOKEN_PATH)
    assert response.content == document  # httpx undid the gzip the sandbox sent as given
    assert len(response.headers["set-cookie"]) == 9000


async def test_stall_holds_the_connection_until_the_client_gives_up(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox()
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        token = await partner_token(http, sandbox)
        sandbox.add_fault(
            customers_path(sandbox.business_id), action="stall", after_processing=True
        )
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            await http.post(
                customers_path(sandbox.business_id),
                json={"company_name": "Stalled Ltd"},
                headers={"Authorization": f"Bearer {token}"},
                timeout=0.2,
            )
        for _ in range(200):
            if sandbox.requests_in_flight == 0:
                break
            await asyncio.sleep(0.01)
        # The hold ended with the client, long before the 10 s bound.
        assert sandbox.requests_in_flight == 0
        assert time.monotonic() - started < STALL_LIMIT / 2
        assert len(sandbox.customers) == 1  # after_processing: created, never answered
        assert sandbox.requests[-1].status is None


async def test_stall_is_bounded_by_its_delay(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="stall", delay=0.2)
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        started = time.monotonic()
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
        assert 0.2 <= time.monotonic() - started < 2.0
    assert sandbox.tokens == []


# ---------------------------------------------------------------------- over the admin API


async def test_admin_api_takes_add_fault_arguments(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    posted = await http.post(
        "/__sandbox__/faults",
        json={
            "path": TOKEN_PATH,
            "method": "post",
            "action": "respond",
            "times": 2,
            "status": 200,
            "body_base64": base64.b64encode(gzip.compress(b"{}")).decode(),
            "content_type": "application/json",
            "headers": [["Content-Encoding", "gzip"], ["Set-Cookie", "x=1"]],
            "delay": [0.0, 0.01],
        },
    )
    assert posted.status_code == 201, posted.text
    described = posted.json()
    assert described["times"] == described["remaining"] == 2
    assert described["delay"] == [0.0, 0.01]
    assert described["headers"] == [["Content-Encoding", "gzip"], ["Set-Cookie", "x=1"]]
    response = await http.post(TOKEN_PATH)
    assert (response.status_code, response.json()) == (200, {})
    assert response.headers["set-cookie"] == "x=1"

    raw = await http.post(
        "/__sandbox__/faults",
        json={"path_regex": "token/$", "action": "raw", "raw": "HTTP/1.1 2OO OK\r\n\r\n"},
    )
    assert raw.json()["raw_length"] == len(b"HTTP/1.1 2OO OK\r\n\r\n")
    assert sandbox.faults[-1].raw == b"HTTP/1.1 2OO OK\r\n\r\n"
    encoded = await http.post(
        "/__sandbox__/faults",
        json={"path": "/", "action": "raw", "raw_base64": base64.b64encode(b"\x00\xff").decode()},
    )
    assert sandbox.faults[-1].raw == b"\x00\xff", encoded.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"path": "/", "action": "respond", "count": 2}, "'count' is now 'times'"),
        ({"path": "/", "action": "drop", "status": 503}, "does not use status"),
        ({"action": "respond"}, "exactly one of 'path'"),
        ({"path": "/", "path_regex": "x", "action": "drop"}, "exactly one of 'path'"),
        ({"path": "/", "action": "raw", "raw": "é€"}, "latin-1"),
        ({"path": "/", "action": "raw", "raw_base64": "!!"}, ""),
    ],
)
async def test_admin_api_refuses_bad_faults_with_the_reason(
    http: httpx.AsyncClient, sandbox: Sandbox, body: dict[str, Any], message: str
) -> None:
    response = await http.post("/__sandbox__/faults", json=body)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert sandbox.faults == []
