"""Partner scale (issue 21): what a call costs after 1, 10,000 and 50,000 businesses.

    python -m bench.scale            # 1 / 10,000 / 50,000 businesses, 25,000 for memory, 5,000 cold
    python -m bench.scale --quick    # 1 / 1,000 / 5,000, 2,500 and 500 (CI: runs, unjudged)

One ``ThredfiClient`` (``token_scope="business"``) over an in-memory transport: no socket, so
the client's own CPU is all that is measured. Reported:

- the error path (a 400 echoing the request's token, scrubbed) and the success path (a customer
  parsed) once 1, 10,000 and 50,000 businesses hold live tokens, as ratios to one business;
- memory per cached business: Python memory blocks (``sys.getallocatedblocks``) and bytes
  (``tracemalloc``) the token cache holds per business, and the blocks kept per business once
  the cache is emptied (what outlives it: the goal is at most 0.5);
- a cold start of 5,000 businesses called at once: token-endpoint requests per business and the
  time until the last first call returned;
- listing 10,000 invoices (3 lines each, pages of 100) through the pager: CPU time per invoice,
  against ``json.loads`` of the same pages.

A crash exits non-zero; a missed goal is only reported.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import statistics
import sys
import time
import tracemalloc
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from bench.payloads import (
    API_KEY,
    BUSINESS_ID,
    CUSTOMER_ID,
    PARTNER_ID,
    customer_json,
    invoice_page_json,
)
from thredfi_client import BadRequestError, ThredfiClient

BASE_URL = "https://api.thredfi.test"
CUSTOMER = customer_json()
JSON = {"Content-Type": "application/json"}
#: Goals of issue 21, judged on a full run only.
ERROR_GOAL = 3.0
SUCCESS_GOAL = 1.3
KEPT_GOAL = 0.5


@dataclass(frozen=True)
class Counts:
    fleets: tuple[int, ...]  # businesses holding live tokens (+ the failing one) at each step
    calls: int  # calls per path per round
    rounds: int
    memory: int  # businesses for the memory figures
    cold: int  # businesses of the cold start
    listed: int = 10_000  # invoices listed through the pager (pages of PAGE_SIZE)
    listings: int = 5  # times they are listed (median)


FULL = Counts(fleets=(1, 10_000, 50_000), calls=100, rounds=9, memory=25_000, cold=5_000)
QUICK = Counts(
    fleets=(1, 1_000, 5_000), calls=20, rounds=3, memory=2_500, cold=500, listed=1_000, listings=2
)
PAGE_SIZE = 100


class InMemoryAPI(httpx.AsyncBaseTransport):
    """Token endpoints issuing a new token each time, get-customer answering the seed customer,
    and a 400 echoing the request's ``Authorization`` for business ``failing``."""

    def __init__(self, failing: str, pages: dict[int, bytes] | None = None) -> None:
        self.token_requests = 0
        self._failing = f"/businesses/{failing}/"
        self._pages = pages or {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/invoices/"):
            page = self._pages[int(request.url.params.get("page", "1"))]
            return httpx.Response(200, content=page, headers=JSON)
        if path.endswith("/oauth2/token/"):
            self.token_requests += 1
            token = f"bench-token-{self.token_requests:08d}-{'x' * 24}"
            body = json.dumps({"access_token": token, "expires_in": 3600}).encode()
            return httpx.Response(200, content=body, headers=JSON)
        if self._failing in path:
            echoed = request.headers.get("Authorization", "")
            error = {"error_code": "bad_request", "message": f"rejected {echoed}"}
            return httpx.Response(400, content=json.dumps(error).encode(), headers=JSON)
        return httpx.Response(200, content=CUSTOMER, headers=JSON)


def business_ids(start: int, count: int) -> list[str]:
    return [str(uuid.UUID(int=n + 1)) for n in range(start, start + count)]


def make_client(api: InMemoryAPI, cache: int) -> ThredfiClient:
    return ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=api,
        token_scope="business",
        token_cache_size=cache,
    )


async def _per_call(call: Any, calls: int) -> float:
    """CPU seconds per call (the machine may be shared: CPU time, not wall time)."""
    started = time.process_time()
    for _ in range(calls):
        await call()
    return (time.process_time() - started) / calls


async def paths(counts: Counts) -> dict[str, dict[int, float]]:
    """Median seconds per call of the error and success paths at each fleet size."""
    largest = max(counts.fleets)
    failing, succeeding, *others = business_ids(0, largest + 1)
    api = InMemoryAPI(failing)
    results: dict[str, dict[int, float]] = {"error": {}, "success": {}}
    async with make_client(api, cache=largest + 10) as client:

        async def error() -> None:
            try:
                await client.customers.get(failing, CUSTOMER_ID)
            except BadRequestError as exc:
                message = exc.message
            else:
                raise AssertionError("the failing business answered 200")
            if "rejected Bearer [redacted]" not in message:
                raise AssertionError(f"the echoed token was not scrubbed: {message[:60]}")

        async def success() -> None:
            await client.customers.get(succeeding, CUSTOMER_ID)

        for _ in range(counts.calls):  # warm: modules loaded, first-use caches filled
            await error()
            await success()
        served = 1
        for fleet in counts.fleets:
            for business_id in others[served - 1 : fleet - 1]:  # the two above count too
                await client.customers.get(business_id, CUSTOMER_ID)
            served = max(served, fleet)
            samples: dict[str, list[float]] = {"error": [], "success": []}
            for _ in range(counts.rounds):  # taken in turn: drift hits both alike
                samples["error"].append(await _per_call(error, counts.calls))
                samples["success"].append(await _per_call(success, counts.calls))
            for name, values in samples.items():
                results[name][fleet] = statistics.median(values)
            print(
                f"bench.scale: {fleet:>6,} businesses: error {results['error'][fleet] * 1e3:.3f} "
                f"ms, success {results['success'][fleet] * 1e3:.3f} ms per call",
                flush=True,
            )
        assert api.token_requests == 1 + largest + 1, "one exchange per business, one partner"
    return results


async def memory(counts: Counts) -> dict[str, float]:
    """Blocks and bytes per cached business, and blocks kept per business beyond the cache."""
    businesses = business_ids(0, counts.memory)
    api = InMemoryAPI("none")
    async with make_client(api, cache=counts.memory + 10) as client:
        for business_id in businesses:  # bounded caches (ids, modules) fill up first
            await client.customers.get(business_id, CUSTOMER_ID)
        await client.auth.invalidate()
        gc.collect()
        tracemalloc.start()
        blocks_before = sys.getallocatedblocks()
        bytes_before = tracemalloc.get_traced_memory()[0]
        for business_id in businesses:  # a fresh token each, all alive and cached
            await client.customers.get(business_id, CUSTOMER_ID)
        gc.collect()
        cached_blocks = sys.getallocatedblocks() - blocks_before
        cached_bytes = tracemalloc.get_traced_memory()[0] - bytes_before
        await client.auth.invalidate()
        gc.collect()
        kept_blocks = sys.getallocatedblocks() - blocks_before
        tracemalloc.stop()
    count = len(businesses)
    return {
        "businesses": count,
        "cached_blocks": cached_blocks / count,
        "cached_bytes": cached_bytes / count,
        "kept_blocks": kept_blocks / count,
    }


async def cold_start(counts: Counts) -> dict[str, float]:
    """``counts.cold`` businesses called at once by a new client."""
    businesses = business_ids(0, counts.cold)
    api = InMemoryAPI("none")
    async with make_client(api, cache=counts.cold + 10) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client.customers.get(b, CUSTOMER_ID) for b in businesses))
        elapsed = time.perf_counter() - started
    return {
        "businesses": counts.cold,
        "exchanges_per_business": (api.token_requests - 1) / counts.cold,  # - the partner token
        "token_requests": api.token_requests,
        "seconds_to_last_first_call": elapsed,
    }


async def listing(counts: Counts) -> dict[str, float]:
    """CPU seconds per invoice listed through the pager, and per invoice of ``json.loads``."""
    numbers = range(1, -(-counts.listed // PAGE_SIZE) + 1)
    pages = {n: invoice_page_json(n, PAGE_SIZE, total=counts.listed) for n in numbers}
    api = InMemoryAPI("none", pages)
    pager: list[float] = []
    loads: list[float] = []
    async with make_client(api, cache=10) as client:
        for round_number in range(counts.listings + 1):  # the first one warms up
            started = time.process_time()
            listed = 0
            async for _invoice in client.invoices.list(BUSINESS_ID, page_size=PAGE_SIZE):
                listed += 1
            elapsed = time.process_time() - started
            assert listed == counts.listed, listed
            started = time.process_time()
            for body in pages.values():
                json.loads(body)
            if round_number:
                pager.append(elapsed / listed)
                loads.append((time.process_time() - started) / listed)
    return {
        "invoices": counts.listed,
        "pager": statistics.median(pager),
        "json_loads": statistics.median(loads),
    }


def _verdict(value: float, goal: float, judged: bool) -> str:
    if not judged:
        return ""
    return f"  {'met' if value <= goal else 'MISSED'} (goal <= {goal:g})"


def report(results: dict[str, Any], *, judged: bool = True) -> list[str]:
    lines = ["", "== scale (issue 21): one client, token_scope='business', in-memory transport"]
    if not judged:
        lines.append("   (quick run: small fleets, unjudged; the goals are judged by a full run)")
    one = min(results["error"])
    for path, goal in (("error", ERROR_GOAL), ("success", SUCCESS_GOAL)):
        base = results[path][one]
        lines.append(f"  {path} path, 1 business: {base * 1e3:.3f} ms per call")
        for fleet, seconds in sorted(results[path].items()):
            if fleet == one:
                continue
            ratio = seconds / base
            lines.append(
                f"  {path} path, {fleet:>6,} businesses / 1: {ratio:6.2f}"
                + _verdict(ratio, goal, judged and fleet == max(results[path]))
            )
    mem = results["memory"]
    lines.append(
        f"  memory, {mem['businesses']:,} live businesses: {mem['cached_blocks']:.2f} blocks "
        f"({mem['cached_bytes']:.0f} bytes) cached per business; kept beyond the cache: "
        f"{mem['kept_blocks']:.3f} blocks per business"
        + _verdict(mem["kept_blocks"], KEPT_GOAL, judged)
    )
    cold = results["cold"]
    lines.append(
        f"  cold start, {cold['businesses']:,} businesses at once: "
        f"{cold['exchanges_per_business']:.3f} exchanges per business "
        f"({cold['token_requests']:,} token requests), last first call after "
        f"{cold['seconds_to_last_first_call']:.2f} s"
    )
    listed = results["listing"]
    lines.append(
        f"  listing {listed['invoices']:,} invoices (3 lines each) through the pager: "
        f"{listed['pager'] * 1e6:.1f} us per invoice, json.loads of the same pages "
        f"{listed['json_loads'] * 1e6:.1f} us: {listed['pager'] / listed['json_loads']:.2f}x"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small counts (CI)")
    parser.add_argument("--json", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)  # scripts/bench passes bench.run's options too
    counts = QUICK if args.quick else FULL
    logging.getLogger("thredfi_client").setLevel(logging.WARNING)  # no record per business
    started = time.perf_counter()
    results: dict[str, Any] = asyncio.run(paths(counts))
    results["memory"] = asyncio.run(memory(counts))
    results["cold"] = asyncio.run(cold_start(counts))
    results["listing"] = asyncio.run(listing(counts))
    for line in report(results, judged=not args.quick):
        print(line)
    print(f"\nbench.scale: finished in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
