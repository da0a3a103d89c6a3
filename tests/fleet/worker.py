"""One worker process of a fleet: ``python tests/fleet/worker.py '<json settings>'``.

Builds a ThredfiClient (sharing tokens through Redis when ``redis_url`` is set), prints
``ready``, reads the wall-clock start time from stdin, then at each round time sends
``concurrency`` calls at once, spread over the businesses. Prints one JSON line of results.
Standalone on purpose: it imports the SDK, not the tests.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from collections import Counter
from typing import Any

from thredfi_client import RedisTokenStore, ThredfiClient


async def run(settings: dict[str, Any]) -> dict[str, Any]:
    if settings.get("log"):  # for debugging a fleet run: the SDK's INFO lines on stderr
        logging.basicConfig(level=logging.INFO, format="%(created).3f %(process)d %(message)s")
    store = None
    if settings.get("redis_url"):
        store = RedisTokenStore(settings["redis_url"], **settings.get("store", {}))
    customers: dict[str, str] = settings["customers"]  # business id -> customer id
    businesses = list(customers)
    outcomes: Counter[str] = Counter()
    async with ThredfiClient(
        partner_id=settings["partner_id"],
        api_key=settings["api_key"],
        base_url=settings["base_url"],
        token_scope=settings.get("token_scope", "business"),
        token_store=store,
        transport=settings.get("transport", "auto"),
        timeout=settings.get("timeout", 30.0),
    ) as client:

        async def call(n: int) -> None:
            business = businesses[n % len(businesses)]
            try:
                await client.customers.get(business, customers[business])
                outcomes["ok"] += 1
            except Exception as exc:  # reported to the test, which asserts there are none
                outcomes[type(exc).__name__] += 1

        print("ready", flush=True)
        start = float(sys.stdin.readline())
        for offset in settings["rounds"]:
            await asyncio.sleep(max(0.0, start + offset - time.time()))
            await asyncio.gather(*(call(n) for n in range(settings["concurrency"])))
    return dict(outcomes)


def main() -> None:
    result = asyncio.run(run(json.loads(sys.argv[1])))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
