"""Stopping a served sandbox with delayed requests in flight is prompt and quiet (issue 14).

Each scenario runs in a fresh interpreter so its stderr is exactly what a user would see:
uvicorn's log lines, asyncio's complaints and any traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.usefixtures("no_proxy_env")

# The docs' timeout example (docs/testing.md, "A real server on 127.0.0.1"), with a short
# timeout and no retries to keep it quick; it times how long leaving the server takes.
DOCS_EXAMPLE = """
import asyncio, json, time
from thredfi_client import APITimeoutError, ThredfiClient
from thredfi_client.testing import Sandbox, SandboxServer

def slow_down(sandbox):
    path = "/v1/platform/businesses/"
    sandbox.add_fault(path, action="delay", delay=5.0, times=None)

async def main():
    sandbox = Sandbox(token_ttl=60)
    async with SandboxServer(sandbox) as server:
        async with ThredfiClient(
            partner_id=sandbox.partner_id,
            api_key=sandbox.api_key,
            base_url=server.base_url,
            timeout=0.3,
            max_retries=0,
        ) as client:
            slow_down(sandbox)
            try:
                await client.customers.create(business_id=sandbox.business_id, company_name="A")
            except APITimeoutError:
                pass
        leaving = time.monotonic()
    print(json.dumps({"exit_seconds": time.monotonic() - leaving}))

asyncio.run(main())
"""

# A client still waiting on a stalled and on a delayed request when the server is stopped.
IN_FLIGHT = """
import asyncio, json, time
import httpx
from thredfi_client.testing import Sandbox, SandboxServer

async def main():
    sandbox = Sandbox()
    sandbox.add_fault("/v1/platform/oauth2/token/", action="stall", delay=8.0)
    sandbox.add_fault("/v1/platform/oauth2/token/", action="delay", delay=8.0)
    server = SandboxServer(sandbox)
    await server.astart()
    async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
        calls = [asyncio.create_task(http.post("/v1/platform/oauth2/token/")) for _ in range(2)]
        while sandbox.requests_in_flight < 2:
            await asyncio.sleep(0.01)
        leaving = time.monotonic()
        await server.astop()
        exit_seconds = time.monotonic() - leaving
        outcomes = await asyncio.gather(*calls, return_exceptions=True)
    print(json.dumps({"exit_seconds": exit_seconds,
                      "outcomes": sorted(type(o).__name__ for o in outcomes)}))

asyncio.run(main())
"""

THREAD_MODE = """
import json, threading, time
import httpx
from thredfi_client.testing import Sandbox, SandboxServer

sandbox = Sandbox()
sandbox.add_fault("/v1/platform/oauth2/token/", action="delay", delay=8.0, after_processing=True)
errors = []
with SandboxServer(sandbox) as server:
    def call():
        try:
            httpx.post(server.base_url + "/v1/platform/oauth2/token/", timeout=20)
        except httpx.HTTPError as exc:
            errors.append(type(exc).__name__)
    caller = threading.Thread(target=call)
    caller.start()
    while sandbox.requests_in_flight < 1:
        time.sleep(0.01)
    leaving = time.monotonic()
exit_seconds = time.monotonic() - leaving
caller.join(10)
print(json.dumps({"exit_seconds": exit_seconds, "outcomes": errors}))
"""


def _run(script: str) -> tuple[dict[str, object], str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def _assert_quiet(stderr: str) -> None:
    for noise in ("Cancel", "CancelledError", "Traceback", "ERROR", "Task was destroyed"):
        assert noise not in stderr, stderr


def test_the_docs_timeout_example_stops_at_once_and_quietly() -> None:
    result, stderr = _run(DOCS_EXAMPLE)
    _assert_quiet(stderr)
    assert float(result["exit_seconds"]) < 0.5, result  # type: ignore[arg-type]


def test_stopping_with_requests_held_by_faults_ends_them_at_once() -> None:
    result, stderr = _run(IN_FLIGHT)
    _assert_quiet(stderr)
    assert float(result["exit_seconds"]) < 0.5, result  # type: ignore[arg-type]
    # the server closed both connections without an answer: the client sees a disconnect
    assert result["outcomes"] == ["RemoteProtocolError", "RemoteProtocolError"]


def test_a_thread_mode_server_stops_at_once_with_a_request_in_flight() -> None:
    result, stderr = _run(THREAD_MODE)
    _assert_quiet(stderr)
    assert float(result["exit_seconds"]) < 0.5, result  # type: ignore[arg-type]
    assert result["outcomes"] == ["RemoteProtocolError"]
