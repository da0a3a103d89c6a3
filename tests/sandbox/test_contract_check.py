"""The contract check of conftest.py fails a run with a broken response, however it is run.

Each case runs pytest in a subprocess over the archive tests, with the conftest told (by
``THREDFI_TEST_BREAK_CONTRACT_FOR``) to report the archive responses as invalid: in one
process, on xdist workers given the sandbox suite's own path (the controller loads the conftest
and adds the workers' reports up), and on xdist workers given ``tests`` (the controller never
loads this conftest, so only the teardown error of ``_contract_check`` can reach it). A control
run without the variable passes, so the failures are the injected responses' doing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ONLY_SANDBOX = [f"--ignore=tests/{d.name}" for d in (ROOT / "tests").iterdir() if d.is_dir()]
ONLY_SANDBOX = [a for a in ONLY_SANDBOX if a not in ("--ignore=tests/sandbox",)]
# One xdist worker is enough: the controller and the worker are separate processes all the same.
RUNS = {
    "one-process": ["tests/sandbox/test_customers.py"],
    "xdist-on-the-suite": ["-n", "1", "tests/sandbox/test_customers.py"],
    "xdist-on-tests": ["-n", "1", "tests", *ONLY_SANDBOX],
}
#: Only the plugins these runs need (startup with every installed plugin costs twice as much).
PLUGINS = ["-p", "xdist.plugin", "-p", "pytest_asyncio.plugin"]


def _pytest(args: list[str], *, broken: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COVERAGE_"))}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    if broken:
        env["THREDFI_TEST_BREAK_CONTRACT_FOR"] = "/archive/"
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *PLUGINS, "-q"]
    return subprocess.run(
        [*command, "-k", "archive", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("run", sorted(RUNS))
def test_a_broken_response_fails_the_run(run: str) -> None:
    result = _pytest(RUNS[run], broken=True)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "injected contract violation" in result.stdout, result.stdout[-3000:]


def test_the_same_run_passes_with_nothing_broken() -> None:
    result = _pytest(RUNS["xdist-on-tests"], broken=False)
    assert result.returncode == 0, result.stdout[-3000:]
