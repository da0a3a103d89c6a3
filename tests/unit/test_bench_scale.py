"""The scale benchmark (issue 21) runs, and judges its goals on a full run only."""

from __future__ import annotations

from typing import Any

from bench import scale

TINY = scale.Counts(fleets=(1, 30), calls=2, rounds=1, memory=30, cold=20, listed=150, listings=1)


def results(error_factor: float, kept: float) -> dict[str, Any]:
    return {
        "error": {1: 0.001, 50_000: 0.001 * error_factor},
        "success": {1: 0.001, 50_000: 0.001},
        "memory": {"businesses": 25_000, "cached_blocks": 6.0, "cached_bytes": 400.0,
                   "kept_blocks": kept},
        "cold": {"businesses": 5_000, "exchanges_per_business": 1.0, "token_requests": 5_001,
                 "seconds_to_last_first_call": 1.0},
        "listing": {"invoices": 10_000, "pager": 2e-5, "json_loads": 1e-5},
    }  # fmt: skip


def test_a_full_run_judges_the_goals_and_a_quick_run_does_not() -> None:
    missed = "\n".join(scale.report(results(error_factor=1_500.0, kept=3.0), judged=True))
    assert "1500.00  MISSED (goal <= 3)" in missed
    assert "3.000 blocks per business  MISSED (goal <= 0.5)" in missed
    met = "\n".join(scale.report(results(error_factor=1.0, kept=0.0), judged=True))
    assert "MISSED" not in met
    quick = "\n".join(scale.report(results(error_factor=1_500.0, kept=3.0), judged=False))
    assert "MISSED" not in quick
    assert " met" not in quick


async def test_each_measurement_runs_on_a_tiny_fleet() -> None:
    figures: dict[str, Any] = await scale.paths(TINY)
    figures["memory"] = await scale.memory(TINY)
    figures["cold"] = await scale.cold_start(TINY)
    figures["listing"] = await scale.listing(TINY)

    assert set(figures["error"]) == set(figures["success"]) == {1, 30}
    assert figures["cold"]["exchanges_per_business"] == 1.0
    assert figures["memory"]["cached_blocks"] > 0
    assert figures["listing"]["pager"] > 0
    assert len(scale.report(figures, judged=False)) > 5
