"""Benchmarks of issue 5, section 4: ratios against raw clients, measured in one run.

    python -m bench.run            # full counts (the figures in docs/performance.md)
    python -m bench.run --quick    # small counts, for CI: prints the ratios as noise, unjudged

Every client talks to the same local server (``bench.server``, its own process, 127.0.0.1), so
the client is the bottleneck. Each figure is the median over rounds after a warm-up; clients are
measured in turn within each round so drift hits all of them alike. A crash exits non-zero; a
missed target is only reported.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import select
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from bench import pagination, peer
from bench.payloads import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID, TOKEN, invoice_json
from thredfi_client import DEFAULT_TIMEOUT, ThredfiClient
from thredfi_client._operation import clear_uuid_cache, decode_json
from thredfi_client.models import Invoice

ROOT = Path(__file__).resolve().parents[1]
CUSTOMER_PATH = f"/v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/"
#: The pool of every raw client: 100 connections (issue 5 (b)), httpx's default keep-alive (raw
#: aiohttp has no bound on idle connections: it keeps all 100). The SDK's clients use their
#: defaults, the same 100 connections: over the native transport all are kept when idle (for
#: 5 s), over httpx 20 (docs/performance.md, "Idle connections").
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
SERVER_START_TIMEOUT = 15.0
#: (a) calls per client per round: short rounds, taken in turn, so load from other processes
#: on the machine hits every client alike and the median shrugs it off.
ROUND_CALLS = 100
#: Bound on one measured step (a round of (a), a burst of (b)); exceeding it is a crash.
STEP_TIMEOUT = 120.0
#: Things the peer could not do at all, reported instead of a figure.
PEER_PROBLEMS: dict[str, str] = {}

Call = Callable[[], Awaitable[object]]


@dataclass(frozen=True)
class Counts:
    sequential: int  # (a) calls per client, in interleaved rounds of ROUND_CALLS
    concurrent: int  # (b) calls in flight at once
    rounds: int  # (b) bursts per client
    warmup: int
    parse_loops: int  # (c) parses per timing
    parse_repeats: int
    imports: int  # (d) fresh interpreters per module


FULL = Counts(
    sequential=5000,
    concurrent=1000,
    rounds=7,
    warmup=300,
    parse_loops=50,
    parse_repeats=15,
    imports=15,
)
QUICK = Counts(
    sequential=300, concurrent=200, rounds=2, warmup=30, parse_loops=5, parse_repeats=3, imports=2
)
QUICK_RATIOS_HEADER = (
    "Ratios (quick run: counts too small to judge, expect noise of +-0.15 or more;"
    " the targets are judged by a full run, docs/performance.md):"
)


# -- the server --------------------------------------------------------------------------------


@contextmanager
def local_server() -> Iterator[str]:
    """Start ``bench.server`` in its own process; yield its base URL; always stop it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.server"],
        cwd=ROOT,
        stdin=subprocess.PIPE,  # closing it tells the server to exit
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], SERVER_START_TIMEOUT)
        if not ready:
            raise RuntimeError(f"bench server did not start within {SERVER_START_TIMEOUT:g}s")
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


# -- the clients under test ----------------------------------------------------------------------


@asynccontextmanager
async def clients(base_url: str) -> Any:
    """Every client, each with its own pool of 100 connections to the same server (``LIMITS``
    for the raw ones, the defaults for the SDK's): ``name -> call``."""
    auth = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
    url = base_url + CUSTOMER_PATH
    # The SDK's timeouts too: httpx's default 5 s pool timeout expires in (b) (see docs).
    # Its pool and connect timeouts as long as a step may take: with 1000 calls queued on
    # httpcore's pool, the event loop is so busy (see docs) that on a loaded machine a connection
    # can take longer than 5 s and a slot longer than 30 s, and the error would end the run.
    raw_httpx = httpx.AsyncClient(
        limits=LIMITS,
        headers=auth,
        timeout=httpx.Timeout(30.0, connect=STEP_TIMEOUT, pool=STEP_TIMEOUT),
    )
    raw_httpx_aiohttp = httpx.AsyncClient(
        transport=AiohttpTransport(limits=LIMITS), headers=auth, timeout=DEFAULT_TIMEOUT
    )
    raw_aiohttp = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=LIMITS.max_connections or 100), headers=auth
    )
    sdk_options: dict[str, Any] = {
        "partner_id": PARTNER_ID,
        "api_key": API_KEY,
        "base_url": base_url,
    }
    # The default, transport="auto": the native transport behind its per-request mock check.
    sdk_native = ThredfiClient(**sdk_options)
    sdk_httpx = ThredfiClient(transport="httpx", **sdk_options)
    sdk_aiohttp = ThredfiClient(transport="aiohttp", **sdk_options)
    peer_module = peer.load()
    peer_config = peer_module.Configuration(host=base_url, access_token=TOKEN)
    peer_config.connection_pool_maxsize = LIMITS.max_connections
    peer_api_client = peer_module.ApiClient(peer_config)
    peer_customers = peer_module.CustomersApi(peer_api_client)

    async def call_raw_httpx() -> object:
        response = await raw_httpx.get(url)
        response.raise_for_status()
        return response.json()

    async def call_raw_httpx_aiohttp() -> object:
        response = await raw_httpx_aiohttp.get(url)
        response.raise_for_status()
        return response.json()

    async def call_raw_aiohttp() -> object:
        async with raw_aiohttp.get(url) as response:
            response.raise_for_status()
            return json.loads(await response.read())

    async def call_sdk_native() -> object:
        return await sdk_native.customers.get(BUSINESS_ID, CUSTOMER_ID)

    async def call_sdk_httpx() -> object:
        return await sdk_httpx.customers.get(BUSINESS_ID, CUSTOMER_ID)

    async def call_sdk_aiohttp() -> object:
        return await sdk_aiohttp.customers.get(BUSINESS_ID, CUSTOMER_ID)

    async def call_peer() -> object:
        return await peer_customers.get_customer(BUSINESS_ID, CUSTOMER_ID)

    try:
        yield {
            "raw httpx": call_raw_httpx,
            "raw httpx + httpx-aiohttp transport": call_raw_httpx_aiohttp,
            "raw aiohttp": call_raw_aiohttp,
            "SDK, transport='native' (the default)": call_sdk_native,
            "SDK, transport='httpx'": call_sdk_httpx,
            "SDK, transport='aiohttp'": call_sdk_aiohttp,
            "peer (openapi-generator asyncio)": call_peer,
        }
    finally:
        await raw_httpx.aclose()
        await raw_httpx_aiohttp.aclose()
        await raw_aiohttp.close()
        await sdk_native.aclose()
        await sdk_httpx.aclose()
        await sdk_aiohttp.aclose()
        await peer_api_client.close()


# -- measurements ---------------------------------------------------------------------------------


@asynccontextmanager
async def _bounded(name: str, step: str) -> AsyncIterator[None]:
    try:
        async with asyncio.timeout(STEP_TIMEOUT):
            yield
    except TimeoutError:
        raise RuntimeError(f"{name}: {step} took over {STEP_TIMEOUT:g}s") from None


async def sequential(calls: dict[str, Call], counts: Counts) -> dict[str, float]:
    """(a) Median seconds per call, one call at a time."""
    per_round = min(ROUND_CALLS, counts.sequential)
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for call in calls.values():
        for _ in range(counts.warmup):
            await call()
    for _ in range(max(1, counts.sequential // per_round)):
        for name, call in calls.items():
            started = time.perf_counter()
            async with _bounded(name, "sequential round"):
                for _ in range(per_round):
                    await call()
            samples[name].append((time.perf_counter() - started) / per_round)
    return {name: statistics.median(values) for name, values in samples.items()}


async def concurrent(calls: dict[str, Call], counts: Counts) -> dict[str, float]:
    """(b) Median calls per second with ``counts.concurrent`` calls in flight (100 connections).

    Each burst starts from a collected heap (``gc.collect()`` before the clock starts): all the
    clients share this process's garbage collector, and a full collection (about 80 ms with this
    process's heap) falls on whichever burst crosses its threshold, owed mostly to the bursts
    before. Without it, bursts of the same client took either about 0.09 s or about 0.17 s, and
    the ratio of two medians swung from 0.6 to 1.8 between runs of the same code. Each burst
    still pays every collection its own allocations trigger (docs/performance.md).
    """
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for name, call in calls.items():
        async with _bounded(name, "warm-up burst"):
            await asyncio.gather(*(call() for _ in range(min(counts.concurrent, 200))))
    for round_number in range(counts.rounds):
        for name, call in calls.items():
            gc.collect()
            started = time.perf_counter()
            async with _bounded(name, f"burst {round_number + 1}"):
                await asyncio.gather(*(call() for _ in range(counts.concurrent)))
            elapsed = time.perf_counter() - started
            samples[name].append(counts.concurrent / elapsed)
            print(f"bench: (b) {name}: burst {round_number + 1} in {elapsed:.2f}s", flush=True)
    return {name: statistics.median(values) for name, values in samples.items()}


def parsing(counts: Counts) -> dict[str, float]:
    """(c) Median seconds to parse a 200-line invoice: json.loads alone vs the SDK from bytes to
    its models (its JSON decoder, then ``Invoice.from_dict``)."""
    body = invoice_json(200)
    peer_invoice = peer.load().Invoice

    def loads_only() -> None:
        json.loads(body)

    def sdk_model() -> None:
        # The SDK's own path from bytes to a model: its decoder (msgspec, issue 21), from_dict.
        Invoice.from_dict(decode_json(body))

    def peer_model() -> None:
        peer_invoice.from_dict(json.loads(body))

    sdk_model()  # the SDK parses this body at all: fail loudly before timing anything
    functions = {"json.loads": loads_only, "SDK model": sdk_model, "peer model": peer_model}
    try:
        peer_model()
    except RecursionError as exc:
        # openapi-generator names the wrapper of Invoice.status (anyOf [InvoiceStatus, string])
        # InvoiceStatus too, shadowing the enum: the wrapper recurses into itself. Not ours.
        PEER_PROBLEMS["parse"] = f"peer cannot parse an invoice at all: {type(exc).__name__}"
        del functions["peer model"]
    # Every SDK parse starts with an empty UUID cache (cleared outside the timed region), so each
    # one costs what the first sight of an invoice costs, not a re-parse of ids already seen.
    before = {"SDK model": clear_uuid_cache}
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(counts.parse_repeats):
        for name, function in functions.items():
            prepare = before.get(name)
            elapsed = 0.0
            for _ in range(counts.parse_loops):
                if prepare is not None:
                    prepare()
                started = time.perf_counter()
                function()
                elapsed += time.perf_counter() - started
            samples[name].append(elapsed / counts.parse_loops)
    return {name: statistics.median(values) for name, values in samples.items()}


_IMPORT_PROBE = (
    "import time{preload}; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
)


#: Makes ``import click`` / ``import rich`` fail, as in an install of the runtime dependencies
#: only: httpx imports its command-line interface (click + rich, ~60 ms) whenever both are
#: importable, and this dev venv has them (for the docs and codegen tools).
_HIDE_CLI_DEPS = "; import sys; sys.modules['click'] = sys.modules['rich'] = None"


def importing(counts: Counts) -> dict[str, float]:
    """(d) Median seconds for ``import <module>`` in a fresh interpreter (startup excluded)."""
    # Three settings, each for both modules: this venv as it is; as a runtime-only install
    # (httpx's optional CLI dependencies hidden: the smaller denominator, so the stricter
    # ratio); and with asyncio already imported, as in any async application.
    probes = {
        "httpx": ("httpx", ""),
        "thredfi_client": ("thredfi_client", ""),
        "httpx (runtime deps only)": ("httpx", _HIDE_CLI_DEPS),
        "thredfi_client (runtime deps only)": ("thredfi_client", _HIDE_CLI_DEPS),
        "httpx (asyncio preloaded)": ("httpx", ", asyncio"),
        "thredfi_client (asyncio preloaded)": ("thredfi_client", ", asyncio"),
    }
    # With bytecode, as an installed package has it (pip compiles on install): the caches go to
    # a prefix of their own, so even with PYTHONDONTWRITEBYTECODE set (as on this machine) no
    # module is timed compiling from source, and the source tree gets no __pycache__.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / ".bench" / "pycache")
    samples: dict[str, list[float]] = {name: [] for name in probes}
    for round_number in range(counts.imports + 1):  # round 0 writes the caches, untimed
        for name, (module, preload) in probes.items():
            result = subprocess.run(
                [sys.executable, "-c", _IMPORT_PROBE.format(module=module, preload=preload)],
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
                cwd=ROOT,
                env=env,
            )
            if round_number:
                samples[name].append(float(result.stdout.strip()))
    return {name: statistics.median(values) for name, values in samples.items()}


# -- report ---------------------------------------------------------------------------------------


def _verdict(ratio: float, target: float, *, at_most: bool, judged: bool = True) -> str:
    goal = f"(target {'<=' if at_most else '>='} {target:g})"
    if not judged:  # a quick run's counts are too small to tell a miss from noise
        return goal
    met = ratio <= target if at_most else ratio >= target
    return f"{'met' if met else 'MISSED'} {goal}"


def report(results: dict[str, Any], *, judged: bool = True) -> list[str]:
    seq, conc, parse, imp = (results[k] for k in ("sequential", "concurrent", "parse", "import"))
    sdk, sdk_aio = "SDK, transport='httpx'", "SDK, transport='aiohttp'"
    sdk_native = "SDK, transport='native' (the default)"
    raw, raw_aio = "raw httpx", "raw httpx + httpx-aiohttp transport"
    peer_name = "peer (openapi-generator asyncio)"
    lines = ["", "Per call, sequential (median of rounds):"]
    lines += [f"  {name:<40} {seconds * 1e3:8.3f} ms" for name, seconds in seq.items()]
    lines += ["", "Throughput, concurrent calls over 100 connections (median of rounds):"]
    lines += [f"  {name:<40} {rate:8.0f} calls/s" for name, rate in conc.items()]
    lines += ["", "Parsing a 200-line invoice:"]
    lines += [f"  {name:<40} {seconds * 1e3:8.3f} ms" for name, seconds in parse.items()]
    if "parse" in PEER_PROBLEMS:
        lines.append(f"  {'peer model':<40} {PEER_PROBLEMS['parse']}")
        results["peer_problems"] = dict(PEER_PROBLEMS)
    lines += ["", "import in a fresh interpreter (interpreter start-up excluded):"]
    lines += [f"  {name:<40} {seconds * 1e3:8.1f} ms" for name, seconds in imp.items()]
    lines.append(f"  (load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())})")
    # Issue 13: the SDK through its default transport against the physical limit, raw aiohttp.
    sdk_default = {"native": sdk_native, "httpx": sdk, "aiohttp": sdk_aio}[
        results.get("default_transport", "native")
    ]
    physical = "raw aiohttp"
    ratios = [
        (
            "(13a) per call SDK default transport/raw aiohttp",
            seq[sdk_default] / seq[physical],
            1.4,
            True,
        ),
        (
            "(13b) concurrent SDK default/raw aiohttp",
            conc[sdk_default] / conc[physical],
            0.75,
            False,
        ),
        ("(13) per call SDK aiohttp/raw aiohttp", seq[sdk_aio] / seq[physical], 1.4, True),
        ("(13) concurrent SDK aiohttp/raw aiohttp", conc[sdk_aio] / conc[physical], 0.75, False),
        ("(a) per call SDK/raw httpx, transport='httpx'", seq[sdk] / seq[raw], 1.10, True),
        ("(a) per call SDK aiohttp/raw httpx-aiohttp", seq[sdk_aio] / seq[raw_aio], 1.10, True),
        ("(b) throughput SDK/raw httpx, transport='httpx'", conc[sdk] / conc[raw], 0.90, False),
        ("(b) throughput SDK aiohttp/raw httpx-aiohttp", conc[sdk_aio] / conc[raw_aio], 0.9, False),
        # Issue 13 tightened (c) from <= 3 to <= 2.0, issue 21 to <= 1.3.
        ("(c) parse model/json.loads", parse["SDK model"] / parse["json.loads"], 1.3, True),
        ("(d) import thredfi_client/httpx", imp["thredfi_client"] / imp["httpx"], 1.5, True),
        (
            "(d) same, runtime deps only",
            imp["thredfi_client (runtime deps only)"] / imp["httpx (runtime deps only)"],
            1.5,
            True,
        ),
        (
            "(d) same, asyncio preloaded",
            imp["thredfi_client (asyncio preloaded)"] / imp["httpx (asyncio preloaded)"],
            1.5,
            True,
        ),
        ("peer: SDK native per call / peer", seq[sdk_native] / seq[peer_name], 0.7, True),
        ("peer: SDK httpx per call / peer", seq[sdk] / seq[peer_name], 0.7, True),
        ("peer: SDK aiohttp per call / peer", seq[sdk_aio] / seq[peer_name], 0.7, True),
    ]
    lines += ["", "Ratios:" if judged else QUICK_RATIOS_HEADER]
    lines += [
        f"  {label:<48} {ratio:6.2f}  {_verdict(ratio, target, at_most=at_most, judged=judged)}"
        for label, ratio, target, at_most in ratios
    ]
    results["ratios"] = {label: ratio for label, ratio, _, _ in ratios}
    return lines


async def _network(base_url: str, counts: Counts) -> dict[str, Any]:
    async with clients(base_url) as calls:
        for name, call in calls.items():
            try:
                await call()
            except Exception as exc:
                raise RuntimeError(f"{name} cannot call the bench server: {exc!r}") from exc
        results: dict[str, Any] = {"sequential": await sequential(calls, counts)}
        # What ThredfiClient() picks when no transport is named (issue 13's "default transport").
        results["default_transport"] = ThredfiClient(
            partner_id=PARTNER_ID, api_key=API_KEY, base_url=base_url
        ).transport_name
        print("bench: (a) done", flush=True)
        results["concurrent"] = await concurrent(calls, counts)
        return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small counts (CI)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    counts = QUICK if args.quick else FULL
    started = time.perf_counter()
    print(f"bench: {'quick' if args.quick else 'full'} mode, {counts}", flush=True)
    print(
        f"bench: Python {platform.python_version()}, httpx {httpx.__version__}, "
        f"aiohttp {aiohttp.__version__}, {platform.machine()}",
        flush=True,
    )
    peer.generate()
    with local_server() as base_url:
        results = asyncio.run(_network(base_url, counts))
        # Auto-pagination (issue 11): the iterator against a page loop; prefetch on and off.
        results["pagination"] = asyncio.run(pagination.measure(base_url, 1 if args.quick else 7))
    results["parse"] = parsing(counts)
    results["import"] = importing(counts)
    lines = [*report(results, judged=not args.quick), *pagination.report(results["pagination"])]
    for line in lines:
        print(line)
    print(f"\nbench: finished in {time.perf_counter() - started:.1f}s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
