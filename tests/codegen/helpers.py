"""Shared by the codegen tests: a scratch copy of the project, and running ./codegen.sh in it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "openapi" / "thredfi.vendor.yaml"
OVERLAY = ROOT / "openapi" / "corrections.overlay.yaml"
FRAGMENTS = ROOT / "tests" / "fixtures" / "vendor_fragments"
USER_SCRIPT_WRITER = Path(__file__).with_name("user_script.py")


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def project_copy(tmp_path: Path) -> Path:
    """The files codegen.sh reads and writes, copied so a test can change the vendor file."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "codegen.sh", root / "codegen.sh")
    for folder in ("codegen", "openapi"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        ROOT / "thredfi_client",
        root / "thredfi_client",
        ignore=shutil.ignore_patterns("__pycache__", "_generated", "testing"),
    )
    return root


def run_codegen(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHON": sys.executable, **env}
    for name, value in env.items():
        if value == "":
            environment.pop(name, None)
    return subprocess.run(
        ["bash", str(root / "codegen.sh")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_python(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python with ``root``'s thredfi_client first on the path."""
    return subprocess.run(
        [sys.executable, *args],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def public_surface(root: Path, cwd: Path) -> dict[str, Any]:
    """Resources, methods and model names that ``root``'s package exposes."""
    code = (
        "import json, thredfi_client.models as m\n"
        "from thredfi_client._generated import OPERATION_NAMES\n"
        "print(json.dumps({'operations': OPERATION_NAMES, 'models': sorted(m.__all__)}))\n"
    )
    ran = run_python(root, "-c", code, cwd=cwd)
    assert ran.returncode == 0, ran.stderr
    surface: dict[str, Any] = json.loads(ran.stdout)
    return surface


def type_check_all_operations(root: Path, tmp_path: Path) -> tuple[str, dict[str, Any]]:
    """Write a user script calling every operation of ``root``'s package (right and wrong
    argument types), run ``mypy --strict`` on it; return mypy's output and the script's facts."""
    script = tmp_path / "every_operation.py"
    written = run_python(root, str(USER_SCRIPT_WRITER), str(script), cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    facts: dict[str, Any] = json.loads(written.stdout)
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            # One cache per xdist worker (tmp_path's parent is the worker's base directory):
            # the standard library's and the dependencies' types are analysed once, not per
            # test; mypy re-checks whatever changed, so the result is the same.
            f"--cache-dir={tmp_path.parent / 'mypy-cache'}",
            "--config-file=/dev/null",
            "--hide-error-context",
            "--no-error-summary",
            str(script),
        ],
        env={**os.environ, "MYPYPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    return checked.stdout, facts


def error_lines(mypy_output: str, script_name: str) -> set[int]:
    lines = set()
    for line in mypy_output.splitlines():
        if line.startswith(script_name + ":") and ": error:" in line:
            lines.add(int(line.split(":")[1]))
    return lines
