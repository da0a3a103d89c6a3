"""Stray responses taken as answers, and wrong answers, per transport: the window of issue 19.

    python -m bench.strays                          # every way, 3 runs
    python -m bench.strays --ways late --late-ms 10 # only strays sent up to 10 ms late

Starts ``tests/reliability/stray_server.py`` (a process of its own on 127.0.0.1) and runs the
property test's 2,500 concurrent calls (``tests/reliability/test_stray_responses.py``;
``--calls``) over each transport in turn, ``--runs`` times. A stray that comes after a request
went out and before its answer is taken by any HTTP/1.1 client; how often one finds a request
waiting depends on how soon a client reuses a connection (docs/architecture.md). Prints per
run and transport the wrong answers (another call's data), the strays taken, the calls failed
because two responses came for them (native), and the ratio of strays taken, native and aiohttp
to httpx. Reports, never fails on a figure: the test asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys

from tests.reliability.stray_server import WAYS
from tests.reliability.test_stray_responses import CALLS, SERVER, _calls, _strays_sent
from tests.support import TRANSPORTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ways", default=",".join(WAYS), help="how strays are sent (WAYS)")
    parser.add_argument("--late-ms", type=float, default=5.0, help="the latest a late stray")
    parser.add_argument("--rate", type=float, default=0.05, help="strays per answer")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--calls", type=int, default=CALLS, help="concurrent calls a run")
    options = parser.parse_args(argv)
    server = subprocess.Popen(
        [
            sys.executable,
            str(SERVER),
            *("--stray-rate", str(options.rate), "--ways", options.ways),
            *("--late-ms", str(options.late_ms), "--seconds", "900"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{int(server.stdout.readline())}"
        print(f"strays {options.ways} (late up to {options.late_ms} ms), rate {options.rate}")
        for run in range(options.runs):
            taken = {}
            for transport in TRANSPORTS:
                _strays_sent(url)
                tally = asyncio.run(_calls(url, transport, options.calls))
                sent = _strays_sent(url)
                taken[transport] = sum(tally.strays.values())
                print(
                    f"run {run} {transport:8} wrong {tally.wrong:3}  taken {taken[transport]:3} "
                    f"of {sum(sent.values()):3}  answered twice {tally.doubled:3}  "
                    f"other errors {tally.errors}"
                )
            reference = max(taken["httpx"], 1)
            print(
                f"run {run} strays taken / httpx's: native {taken['native'] / reference:.2f}, "
                f"aiohttp {taken['aiohttp'] / reference:.2f}"
            )
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
