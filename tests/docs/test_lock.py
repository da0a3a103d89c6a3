"""uv.lock pins the environment, and the lint step fails when it no longer matches pyproject.toml.

``./scripts/lint`` runs ``uv lock --check``; this proves that check can fail, on a copy of the
project whose pyproject.toml gained a dependency the lock does not have (uv resolves it against
PyPI, so this needs the network, as ``./scripts/bootstrap`` does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / "tools" / "uv" / "bin" / "uv"


def uv_lock_check(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UV_PYTHON": "python3", "UV_PYTHON_DOWNLOADS": "never"}
    return subprocess.run(
        [str(UV), "lock", "--check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_lint_runs_the_lock_check() -> None:
    assert "uv lock --check" in (ROOT / "scripts" / "lint").read_text(encoding="utf-8")


def test_the_lock_check_fails_once_pyproject_changes(tmp_path: Path) -> None:
    for name in ("pyproject.toml", "uv.lock", "README.md"):
        shutil.copy2(ROOT / name, tmp_path / name)
    assert uv_lock_check(tmp_path).returncode == 0  # the committed pair agrees

    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    attrs = '    "attrs>=23.1",\n'
    assert attrs in text
    pyproject.write_text(text.replace(attrs, attrs + '    "idna>=2",\n'), encoding="utf-8")
    result = uv_lock_check(tmp_path)
    assert result.returncode != 0
    assert "needs to be updated" in result.stderr, result.stderr
