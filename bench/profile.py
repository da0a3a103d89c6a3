"""Profile one client's sequential calls, to see where per-call time goes.

    python -m bench.profile sdk-aiohttp                  # time per call, no profiler
    python -m bench.profile sdk-aiohttp --profiler cprofile
    python -m bench.profile sdk-memory --profiler pyinstrument

``sdk-memory`` sends through an in-memory transport that answers every request with the canned
customer at once: what is left is the SDK's own CPU cost per call (request building, auth, retry
layer, error mapping, parsing), with no socket and no event-loop I/O. The other clients talk to
``bench.server`` in its own process, as in ``bench.run``. Not a benchmark: one client, one run;
use ``scripts/bench`` for ratios. The CPU time per call (this process only) is steadier than the
wall time on a busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import httpx

from bench.payloads import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID, TOKEN, customer_json
from bench.payloads import token_json as token_body
from bench.run import CUSTOMER_PATH, LIMITS, local_server
from thredfi_client import ThredfiClient

CLIENTS = ("sdk-native", "sdk-aiohttp", "sdk-httpx", "sdk-memory", "raw-aiohttp", "raw-httpx")


class MemoryTransport(httpx.AsyncBaseTransport):
    """Answers a token request with a token and anything else with the canned customer."""

    def __init__(self) -> None:
        self._customer = customer_json()
        self._token = token_body()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = self._token if request.url.path.endswith("/oauth2/token/") else self._customer
        return httpx.Response(
            200,
            headers=[(b"content-type", b"application/json")],
            stream=httpx.ByteStream(body),
        )


async def _run(name: str, base_url: str, calls: int, profiler: str) -> None:
    sdk_options: dict[str, Any] = {
        "partner_id": PARTNER_ID,
        "api_key": API_KEY,
        "base_url": base_url,
    }
    closers: list[Callable[[], Awaitable[object]]] = []
    call: Callable[[], Awaitable[object]]
    if name.startswith("sdk-"):
        transport = {"sdk-native": "native", "sdk-aiohttp": "aiohttp", "sdk-httpx": "httpx"}.get(
            name
        ) or MemoryTransport()
        sdk = ThredfiClient(transport=transport, **sdk_options)  # type: ignore[arg-type]
        closers.append(sdk.aclose)

        async def call() -> object:
            return await sdk.customers.get(BUSINESS_ID, CUSTOMER_ID)

    elif name == "raw-aiohttp":
        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=100),
            headers={"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"},
        )
        closers.append(session.close)
        url = base_url + CUSTOMER_PATH

        async def call() -> object:
            async with session.get(url) as response:
                response.raise_for_status()
                return json.loads(await response.read())

    else:
        client = httpx.AsyncClient(
            limits=LIMITS, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30.0
        )
        closers.append(client.aclose)
        url = base_url + CUSTOMER_PATH

        async def call() -> object:
            response = await client.get(url)
            response.raise_for_status()
            return response.json()

    try:
        for _ in range(300):  # warm-up: token, connections, caches
            await call()
        started = time.perf_counter()
        cpu_started = time.process_time()
        if profiler == "cprofile":
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(calls):
                await call()
            profile.disable()
            elapsed = time.perf_counter() - started
            pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
            pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        elif profiler == "pyinstrument":
            from pyinstrument import Profiler

            with Profiler(interval=0.0001, async_mode="disabled") as p:
                for _ in range(calls):
                    await call()
            elapsed = time.perf_counter() - started
            p.print(show_all=False)
        else:
            for _ in range(calls):
                await call()
            elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        print(
            f"{name}: {elapsed / calls * 1e6:.1f} us per call, {cpu / calls * 1e6:.1f} us of this "
            f"process's CPU per call, over {calls} calls ({profiler})"
        )
    finally:
        for close in closers:
            await close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("client", choices=CLIENTS)
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--profiler", choices=("none", "cprofile", "pyinstrument"), default="none")
    args = parser.parse_args(argv)
    if args.client == "sdk-memory":
        asyncio.run(_run(args.client, "http://127.0.0.1:9", args.calls, args.profiler))
        return 0
    with local_server() as base_url:
        asyncio.run(_run(args.client, base_url, args.calls, args.profiler))
    return 0


if __name__ == "__main__":
    sys.exit(main())
