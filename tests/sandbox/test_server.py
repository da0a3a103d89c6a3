"""Over a real loopback socket: SandboxServer (thread and asyncio) and the ``serve`` CLI."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable

import httpx
import pytest

from thredfi_client.testing import Sandbox, SandboxServer

from .helpers import TOKEN_PATH, bearer, customers_path, invoice_body, invoices_path

pytestmark = pytest.mark.usefixtures("no_proxy_env")


async def _token(http: httpx.AsyncClient, sandbox: Sandbox) -> str:
    response = await http.post(
        TOKEN_PATH,
        auth=(sandbox.partner_id, sandbox.api_key),
        data={"grant_type": "client_credentials", "client_id": sandbox.partner_id},
    )
    token: str = response.json()["access_token"]
    return token


def test_thread_server_serves_on_loopback(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    with SandboxServer(sandbox) as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.port > 0
        response = httpx.post(
            server.base_url + TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key), timeout=5
        )
        assert response.status_code == 200
        assert response.headers["x-request-id"].startswith("req_")
        assert server.sandbox is sandbox


def test_thread_server_stops_and_frees_the_port(make_sandbox: Callable[..., Sandbox]) -> None:
    with SandboxServer(make_sandbox()) as server:
        port = server.port
        assert httpx.get(f"{server.base_url}/__sandbox__/", timeout=5).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/__sandbox__/", timeout=2)
    with pytest.raises(RuntimeError):
        _ = server.base_url


async def test_async_server(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        token = await _token(http, sandbox)
        response = await http.post(
            customers_path(sandbox.business_id),
            json={"company_name": "Acme"},
            headers=bearer(token),
        )
        assert response.status_code == 201


def test_double_start_is_refused(make_sandbox: Callable[..., Sandbox]) -> None:
    with SandboxServer(make_sandbox()) as server, pytest.raises(RuntimeError):
        server.start()


async def test_drop_connection_over_a_socket(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="drop")
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        with pytest.raises(httpx.RemoteProtocolError, match="without sending"):
            await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
        assert sandbox.tokens == []
        ok = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
        assert ok.status_code == 200


def test_drop_connection_after_processing_thread_server(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox()
    with (
        SandboxServer(sandbox) as server,
        httpx.Client(base_url=server.base_url, timeout=5) as http,
    ):
        token = http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key)).json()[
            "access_token"
        ]
        sandbox.add_fault(invoices_path(sandbox.business_id), action="drop", after_processing=True)
        with pytest.raises(httpx.RemoteProtocolError):
            http.post(
                invoices_path(sandbox.business_id), json=invoice_body(), headers=bearer(token)
            )
        assert len(sandbox.invoices) == 1
        replay = http.post(
            invoices_path(sandbox.business_id), json=invoice_body(), headers=bearer(token)
        )
        assert replay.status_code == 200
        assert len(sandbox.invoices) == 1


async def test_truncated_response_over_a_socket(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="truncate")
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        with pytest.raises(httpx.RemoteProtocolError, match=r"incomplete|complete message"):
            await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))


async def test_stall_after_processing_past_the_read_timeout(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox()
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        token = await _token(http, sandbox)
        sandbox.add_fault(
            invoices_path(sandbox.business_id), action="delay", delay=1.0, after_processing=True
        )
        with pytest.raises(httpx.ReadTimeout):
            await http.post(
                invoices_path(sandbox.business_id),
                json=invoice_body(),
                headers=bearer(token),
                timeout=0.2,
            )
        assert len(sandbox.invoices) == 1  # created, though the client never heard
        replay = await http.post(
            invoices_path(sandbox.business_id), json=invoice_body(), headers=bearer(token)
        )
        assert replay.status_code == 200
        assert len(sandbox.invoices) == 1


async def test_delay_before_processing_ends_with_the_client_and_has_no_effect(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="delay", delay=5.0)
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        with pytest.raises(httpx.ReadTimeout):
            await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key), timeout=0.1)
        # The client closed its connection: the sandbox stops waiting (long before 5 s) and,
        # like a proxy whose client left, never hands the request to the API.
        for _ in range(200):
            if sandbox.requests_in_flight == 0:
                break
            await asyncio.sleep(0.01)
        assert sandbox.requests_in_flight == 0
        (record,) = sandbox.requests
        assert (record.path, record.fault, record.status) == (TOKEN_PATH, "delay", None)
        assert sandbox.tokens == []


async def test_respond_fault_over_a_socket(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox()
    sandbox.add_fault(TOKEN_PATH, action="respond", status=503, retry_after=1, body="<h1>busy</h1>")
    async with (
        SandboxServer(sandbox) as server,
        httpx.AsyncClient(base_url=server.base_url, timeout=5) as http,
    ):
        response = await http.post(TOKEN_PATH)
        assert (response.status_code, response.headers["retry-after"]) == (503, "1")
        assert response.text == "<h1>busy</h1>"


# ---------------------------------------------------------------------- the CLI


def _start_cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "thredfi_client.testing", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _read_line(process: subprocess.Popen[str], timeout: float = 20.0) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=0.1):
                return process.stdout.readline()
            if process.poll() is not None:
                break
    raise AssertionError("the CLI printed no line in time")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_cli_prints_json_serves_and_exits_0(sig: signal.Signals) -> None:
    process = _start_cli("--port", "0", "--token-ttl", "120", "--format", "json")
    try:
        info = json.loads(_read_line(process))
        assert set(info) == {"base_url", "partner_id", "api_key", "business_id"}
        assert info["base_url"].startswith("http://127.0.0.1:")
        response = httpx.post(
            info["base_url"] + TOKEN_PATH,
            auth=(info["partner_id"], info["api_key"]),
            timeout=5,
            data={"grant_type": "client_credentials", "client_id": info["partner_id"]},
        )
        assert response.status_code == 200
        assert response.json()["expires_in"] == 120
        token = response.json()["access_token"]
        created = httpx.post(
            info["base_url"] + customers_path(info["business_id"]),
            json={"individual_name": "CLI"},
            headers=bearer(token),
            timeout=5,
        )
        assert created.status_code == 201
        process.send_signal(sig)
        assert process.wait(timeout=15) == 0
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read() == ""  # one JSON line, nothing else: a program reads it
        assert "Stop it" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=5)
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        process.stderr.close()


ENV_NAMES = ["THREDFI_BASE_URL", "THREDFI_PARTNER_ID", "THREDFI_API_KEY", "THREDFI_BUSINESS_ID"]


def test_serve_cli_prints_export_lines_and_how_to_stop_it_by_default() -> None:
    awkward_key = "sk_sandbox_it's $HOME `x`"
    process = _start_cli("--port", "0", "--api-key", awkward_key)
    try:
        assert process.stdout is not None
        first = _read_line(process)  # the rest was written with it: no wait
        lines = [first, *(process.stdout.readline() for _ in ENV_NAMES[1:])]
        assert [line.split("=", 1)[0] for line in lines] == [f"export {n}" for n in ENV_NAMES]
        # Pasted into a shell, the lines set exactly the values (quoting included).
        shown = subprocess.run(
            [
                "bash",
                "-c",
                "".join(lines) + 'printf "%s\\n" ' + " ".join(f'"${n}"' for n in ENV_NAMES),
            ],
            capture_output=True,
            text=True,
            timeout=10,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
            check=True,
        ).stdout.splitlines()
        env = dict(zip(ENV_NAMES, shown, strict=True))
        assert env["THREDFI_API_KEY"] == awkward_key
        assert env["THREDFI_BASE_URL"].startswith("http://127.0.0.1:")
        response = httpx.post(
            env["THREDFI_BASE_URL"] + TOKEN_PATH,
            auth=(env["THREDFI_PARTNER_ID"], env["THREDFI_API_KEY"]),
            timeout=5,
        )
        assert response.status_code == 200
        created = httpx.post(
            env["THREDFI_BASE_URL"] + customers_path(env["THREDFI_BUSINESS_ID"]),
            json={"individual_name": "CLI"},
            headers=bearer(response.json()["access_token"]),
            timeout=5,
        )
        assert created.status_code == 201
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read() == ""  # stdout holds the export lines only
        hint = process.stderr.read()
        assert "Stop it with Ctrl-C" in hint
        assert f"kill {process.pid}" in hint
        assert hint.startswith("# ")  # harmless if pasted along with the exports
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=5)
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        process.stderr.close()


def test_serve_cli_fixed_port_in_use_fails() -> None:
    with SandboxServer() as server:
        process = _start_cli("--port", str(server.port))
        try:
            assert process.wait(timeout=20) != 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.close()
            process.stderr.close()


def test_served_connections_send_without_nagle_delay(make_sandbox: Callable[..., Sandbox]) -> None:
    # A response is written as two segments (status line and headers, then the body). Without
    # TCP_NODELAY the second waits for the client's delayed ACK: about 40 ms per request on a
    # kept-alive connection, which made every keep-alive client of the sandbox slow.
    with (
        SandboxServer(make_sandbox()) as server,
        httpx.Client(base_url=server.base_url, timeout=5) as http,
    ):
        assert http.get("/__sandbox__/").status_code == 200
        assert server._server is not None
        connections = list(server._server.server_state.connections)
        assert connections
        for connection in connections:
            sock = connection.transport.get_extra_info("socket")
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
