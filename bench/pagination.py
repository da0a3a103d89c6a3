"""Auto-pagination (issue 11): the iterator against a hand-written page loop, prefetch on and off.

Every variant walks the same 1,000 invoices (ten pages of 100) from ``bench.server`` through the
SDK, so what differs is only how the pages are walked:

* ``hand-written loop``: ``await client.invoices.list(page=p, page_size=100)`` for p = 1..10,
  then a ``for`` over each page's ``results`` -- what a caller writes without the iterator;
* ``async for``: ``async for invoice in client.invoices.list(...)``;
* ``async for, prefetch``: the same with ``prefetch=True`` (the next page is requested while the
  caller works through the current one).

Each in two settings: the local server answering at once with the caller doing nothing per item
(the iterator's own cost), and a server taking ``LATENCY`` per page with the caller spending
``WORK`` per page (where prefetching can overlap the two). Medians of rounds, variants taken in
turn within each round.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench.payloads import API_KEY, BUSINESS_ID, LISTED_INVOICES, PARTNER_ID
from thredfi_client import ThredfiClient

#: A server's time to produce one page, and the caller's time to use one, in the second setting.
LATENCY = 0.010
WORK = 0.010
PAGE_SIZE = 100

Walk = Callable[[ThredfiClient, dict[str, Any], float], Awaitable[int]]


async def hand_loop(client: ThredfiClient, query: dict[str, Any], work: float) -> int:
    seen = 0
    for number in range(1, LISTED_INVOICES // PAGE_SIZE + 1):
        page = await client.invoices.list(
            BUSINESS_ID, page=number, page_size=PAGE_SIZE, extra_query=query
        )
        for invoice in page.results:
            seen += invoice.total_amount > 0
        if work:
            await asyncio.sleep(work)
    return seen


async def _iterate(
    client: ThredfiClient, query: dict[str, Any], work: float, *, prefetch: bool
) -> int:
    seen = 0
    walked = 0
    async for invoice in client.invoices.list(BUSINESS_ID, extra_query=query, prefetch=prefetch):
        seen += invoice.total_amount > 0
        walked += 1
        if work and walked % PAGE_SIZE == 0:
            await asyncio.sleep(work)  # the caller's work on the page it just finished
    return seen


async def iterator(client: ThredfiClient, query: dict[str, Any], work: float) -> int:
    return await _iterate(client, query, work, prefetch=False)


async def iterator_prefetch(client: ThredfiClient, query: dict[str, Any], work: float) -> int:
    return await _iterate(client, query, work, prefetch=True)


WALKS: dict[str, Walk] = {
    "hand-written loop": hand_loop,
    "async for": iterator,
    "async for, prefetch": iterator_prefetch,
}
SETTINGS: dict[str, tuple[float, float]] = {
    "no latency, no work": (0.0, 0.0),
    f"{LATENCY * 1e3:g} ms per page, {WORK * 1e3:g} ms work per page": (LATENCY, WORK),
}


async def measure(base_url: str, rounds: int) -> dict[str, dict[str, float]]:
    """Median seconds to walk all invoices, per setting and walk."""
    results: dict[str, dict[str, float]] = {}
    async with ThredfiClient(
        partner_id=PARTNER_ID, api_key=API_KEY, base_url=base_url, transport="aiohttp"
    ) as client:
        for setting, (latency, work) in SETTINGS.items():
            query = {"delay_ms": latency * 1e3} if latency else {}
            samples: dict[str, list[float]] = {name: [] for name in WALKS}
            for walk in WALKS.values():  # warm-up: every page rendered, connections open
                assert await walk(client, query, 0.0) == LISTED_INVOICES
            for _ in range(rounds):
                for name, walk in WALKS.items():
                    started = time.perf_counter()
                    async with asyncio.timeout(120):
                        walked = await walk(client, query, work)
                    samples[name].append(time.perf_counter() - started)
                    assert walked == LISTED_INVOICES, (name, walked)
            results[setting] = {name: statistics.median(v) for name, v in samples.items()}
    return results


def report(results: dict[str, dict[str, float]]) -> list[str]:
    lines = ["", f"Walking {LISTED_INVOICES} invoices in pages of {PAGE_SIZE} (median of rounds):"]
    ratios = []
    for setting, times in results.items():
        lines.append(f"  {setting}:")
        lines += [f"    {name:<38} {seconds * 1e3:8.1f} ms" for name, seconds in times.items()]
        hand = times["hand-written loop"]
        ratios.append((f"async for / hand-written loop ({setting})", times["async for"] / hand))
        ratios.append(
            (
                f"prefetch / no prefetch ({setting})",
                times["async for, prefetch"] / times["async for"],
            )
        )
    lines += [f"  {label:<66} {ratio:6.2f}" for label, ratio in ratios]
    return lines
