"""The stray-response benchmark (issue 19) runs, and prints a line per transport and a ratio."""

from __future__ import annotations

import pytest

from bench import strays


def test_one_small_run_prints_every_transport_and_the_ratios(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert strays.main(["--runs", "1", "--calls", "40", "--rate", "0.2"]) == 0
    printed = capsys.readouterr().out.splitlines()
    rows = [line.split()[2] for line in printed if " wrong " in line]
    assert rows == ["native", "httpx", "aiohttp"]
    assert printed[-1].startswith("run 0 strays taken / httpx's: native ")
