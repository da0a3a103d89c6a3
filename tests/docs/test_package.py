"""Every documented way to install the package works (runs ./scripts/check-package, one part each).

* ``wheel``: the built wheel and sdist pass twine; the wheel works in a fresh venv, with and
  without the ``[testing]`` extra (imports, ``mypy --strict``, the quickstart);
* ``source``: ``pip install ".[testing]"`` from this checkout, then a fresh user project with
  docs/testing.md's pytest configuration and test modules passes under ``pytest -W error``;
* ``git``: ``pip install "thredfi-client @ git+file://..."`` (the git URL form);
* ``uv``: ``uv add <this checkout>`` in a fresh uv project.

They install from PyPI into new environments, so they need the network and take from a few
seconds to about half a minute each; the parts are separate tests so pytest-xdist can run them
side by side. Set THREDFI_SKIP_PACKAGE_CHECK=1 to skip them in a quick local run.
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
@pytest.mark.parametrize("part", ["wheel", "source", "git", "uv"])
def test_installing_the_package_works(part: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check-package"), "--part", part],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "check-package: all checks passed" in result.stdout
