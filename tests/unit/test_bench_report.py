"""The benchmark report: a quick run (CI) prints ratios as noise, never a verdict (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from bench import run

CLIENTS = (
    "raw httpx",
    "raw httpx + httpx-aiohttp transport",
    "raw aiohttp",
    "SDK, transport='native' (the default)",
    "SDK, transport='httpx'",
    "SDK, transport='aiohttp'",
    "peer (openapi-generator asyncio)",
)
IMPORTS = ("httpx", "thredfi_client")
SETTINGS = ("", " (runtime deps only)", " (asyncio preloaded)")


def results(sdk_factor: float) -> dict[str, Any]:
    """Figures in which the SDK is ``sdk_factor`` times slower than everything else."""
    slow = {name: (sdk_factor if name.startswith("SDK") else 1.0) for name in CLIENTS}
    return {
        "sequential": {name: 0.001 * factor for name, factor in slow.items()},
        "concurrent": {name: 1000 / factor for name, factor in slow.items()},
        "parse": {"json.loads": 0.001, "SDK model": 0.001 * sdk_factor},
        "import": {
            f"{module}{setting}": 0.1 * (sdk_factor if module == "thredfi_client" else 1.0)
            for module in IMPORTS
            for setting in SETTINGS
        },
    }


@pytest.mark.parametrize("sdk_factor", [0.5, 5.0])
def test_a_quick_run_reports_ratios_without_verdicts(sdk_factor: float) -> None:
    text = "\n".join(run.report(results(sdk_factor), judged=False))
    assert "MISSED" not in text
    assert " met" not in text
    assert "noise" in text  # says why there is no verdict
    assert f"{sdk_factor:6.2f}" in text  # the ratios themselves are still printed


def test_a_full_run_still_judges_each_ratio() -> None:
    text = "\n".join(run.report(results(5.0), judged=True))
    assert "MISSED (target <= 1.1)" in text
    text = "\n".join(run.report(results(0.5), judged=True))
    assert "met (target <= 1.1)" in text


def test_issue_13_ratios_measure_the_default_transport() -> None:
    figures = results(1.0)
    figures["sequential"]["SDK, transport='native' (the default)"] = 0.0013  # 1.3 x raw aiohttp
    figures["default_transport"] = "native"
    text = "\n".join(run.report(figures, judged=True))
    assert "(13a) per call SDK default transport/raw aiohttp   1.30  met" in text
    figures["default_transport"] = "httpx"
    text = "\n".join(run.report(figures, judged=True))
    assert "(13a) per call SDK default transport/raw aiohttp   1.00  met" in text
