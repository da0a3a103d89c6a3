"""Token requests per key per expiry for a fleet of 8 worker processes: in-process vs Redis.

    python -m bench.tokens            # 8 processes x 100 concurrent calls x 3 expiries
    python -m bench.tokens --quick    # 4 processes x 20 calls x 2 expiries (CI)

Each worker is a ``ThredfiClient`` (4 businesses; half the workers with ``token_scope="business"``,
half with ``"partner"``) against one local sandbox over a loopback socket. Its calls mix the three
kinds of operation the contract's security makes (issue 22): one that follows the client's scope
(``customers.get``), a business-only one (``bank_transactions.list``: a business token even on a
partner client) and a partner-level one (``businesses.get``: the partner token even on a business
client), so every process needs the partner token and one token per business, whatever its scope.
At each round every worker sends its calls at once, just after the previous
tokens became due for refresh. Without a shared store every process fetches its own tokens
(8 per key per expiry); with ``RedisTokenStore`` the fleet should make 1. Needs ``redis-server``
(``scripts/install-redis``) for the Redis row; reports, never fails on a figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

WORKERS = 8
#: Quick mode (CI, unjudged): half the fleet, shorter token lives; it proves the benchmark runs.
QUICK_WORKERS = 4


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def redis_server() -> Iterator[str | None]:
    """A throwaway redis-server on 127.0.0.1 (None when it is not installed)."""
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        process = subprocess.Popen(
            [
                *(binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", tmp),
                *("--save", "", "--appendonly", "no", "--loglevel", "warning"),
            ],
            stdout=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=10)


def run_fleet(settings: dict[str, Any], workers_count: int = WORKERS) -> list[dict[str, int]]:
    """Start the workers, wait until all are ready, start them together, collect results."""
    workers = [
        subprocess.Popen(
            [
                *(sys.executable, "-m", "bench.tokens", "--worker"),
                json.dumps({**settings, "scope": ("business", "partner")[index % 2]}),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        for index in range(workers_count)
    ]
    try:
        deadline = time.monotonic() + 60
        for worker in workers:
            assert worker.stdout is not None
            ready, _, _ = select.select([worker.stdout], [], [], deadline - time.monotonic())
            if not ready or worker.stdout.readline().strip() != "ready":
                raise RuntimeError("a worker did not start")
        start = time.time() + 0.5
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write(f"{start}\n")
            worker.stdin.flush()
        return [json.loads(w.communicate(timeout=120)[0].splitlines()[-1]) for w in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
            worker.wait(timeout=10)


def measure(
    redis_url: str | None, ttl: int, rounds: int, calls: int, workers: int = WORKERS
) -> tuple[float, int]:
    """(token requests per key per expiry, failed calls) for one fleet run."""
    from thredfi_client import ThredfiClient
    from thredfi_client.testing import Sandbox, SandboxServer

    origin = datetime.now(UTC)
    # Half-speed server clock: tokens are accepted for twice expires_in, so calls queued on a
    # busy machine are not refused (a refused call would cost a fetch the SDK did not decide).
    sandbox = Sandbox(token_ttl=ttl, clock=lambda: origin + (datetime.now(UTC) - origin) / 2)
    with SandboxServer(sandbox) as server:
        businesses = [sandbox.business_id] + [sandbox.add_business() for _ in range(3)]

        async def setup() -> dict[str, str]:
            async with ThredfiClient(
                partner_id=sandbox.partner_id, api_key=sandbox.api_key, base_url=server.base_url
            ) as client:
                made = [await client.customers.create(b, company_name="Acme") for b in businesses]
            return {b: str(c.id) for b, c in zip(businesses, made, strict=True)}

        customers = asyncio.run(setup())
        before = len(sandbox.requests)
        results = run_fleet(
            {
                "base_url": server.base_url,
                "partner_id": sandbox.partner_id,
                "api_key": sandbox.api_key,
                "redis_url": redis_url,
                "customers": customers,
                # 1 s after the previous tokens are due, even if a busy machine delayed a fetch
                "rounds": [n * (ttl + 1.0) for n in range(rounds)],
                "calls": calls,
            },
            workers,
        )
        token_requests = [r for r in sandbox.requests[before:] if r.path.endswith("/token/")]
    failed = sum(n for result in results for kind, n in result.items() if kind != "ok")
    keys = 1 + len(businesses)  # the partner token and one token per business
    return len(token_requests) / (keys * rounds), failed


async def worker(settings: dict[str, Any]) -> dict[str, int]:
    from thredfi_client import RedisTokenStore, ThredfiClient

    store = RedisTokenStore(settings["redis_url"], timeout=5.0) if settings["redis_url"] else None
    customers: dict[str, str] = settings["customers"]
    businesses = list(customers)
    outcomes: Counter[str] = Counter()
    async with ThredfiClient(
        partner_id=settings["partner_id"],
        api_key=settings["api_key"],
        base_url=settings["base_url"],
        token_scope=settings["scope"],
        token_store=store,
    ) as client:

        async def call(n: int) -> None:
            business = businesses[n % len(businesses)]
            try:
                kind = n // len(businesses) % 3
                if kind == 0:  # follows the client's token_scope
                    await client.customers.get(business, customers[business])
                elif kind == 1:  # business-only: a business token on either client
                    await client.bank_transactions.list(business_id=business)
                else:  # partner-level: the partner token on either client
                    await client.businesses.get(business_id=business)
                outcomes["ok"] += 1
            except Exception as exc:  # counted and reported
                outcomes[type(exc).__name__] += 1

        print("ready", flush=True)
        start = float(sys.stdin.readline())
        for offset in settings["rounds"]:
            await asyncio.sleep(max(0.0, start + offset - time.time()))
            await asyncio.gather(*(call(n) for n in range(settings["calls"])))
    return dict(outcomes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small counts (CI)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)  # scripts/bench passes bench.run's options too
    if args.worker:
        print(json.dumps(asyncio.run(worker(json.loads(args.worker)))), flush=True)
        return 0
    ttl, rounds, calls, workers = (2, 2, 20, QUICK_WORKERS) if args.quick else (5, 3, 100, WORKERS)
    print(
        f"== tokens: token-endpoint requests per key per expiry, fleet of {workers} processes "
        f"x {calls} concurrent calls x {rounds} expiries (4 businesses; business and partner "
        f"scope; scope-following, business-only and partner-level calls)"
    )
    local, local_failed = measure(None, ttl, rounds, calls, workers)
    print(f"  in-process store : {local:5.2f} per key per expiry ({local_failed} calls failed)")
    with redis_server() as url:
        if url is None:
            print(
                "  Redis            : skipped (redis-server not installed: scripts/install-redis)"
            )
            return 0
        shared, shared_failed = measure(url, ttl, rounds, calls, workers)
    print(f"  RedisTokenStore  : {shared:5.2f} per key per expiry ({shared_failed} calls failed)")
    print(f"  ratio            : {local / shared:5.1f}x fewer token requests (goal: 1 per key)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
