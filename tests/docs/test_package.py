"""The built wheel works in a fresh virtual environment (runs ./scripts/check-package).

It builds the wheel and sdist, runs twine check, and installs the wheel into a new venv from
PyPI, so it needs the network and takes about half a minute. Set THREDFI_SKIP_PACKAGE_CHECK=1
to skip it in a quick local run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    os.environ.get("THREDFI_SKIP_PACKAGE_CHECK") == "1", reason="THREDFI_SKIP_PACKAGE_CHECK=1"
)
def test_wheel_installs_imports_type_checks_and_runs_the_quickstart() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check-package")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "check-package: all checks passed" in result.stdout
