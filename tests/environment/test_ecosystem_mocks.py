"""The ecosystem's mocks intercept the default client: docs/testing.md's pytest-httpx and respx
modules pass in a user's project, run by pytest in a subprocess, with a guard that fails them
if anything resolves a name or opens a socket (nothing may reach the network).

Each module makes one client inside its test and one in a fixture set up before the mock
starts; both call the API once, the token request included. ``scripts/check-package`` runs the
same modules in a fresh virtual environment that installed the package as a user would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTING_PAGE = ROOT / "docs" / "testing.md"
MODULES = ("test_with_pytest_httpx.py", "test_with_respx.py")

#: A user's conftest.py, added by this test only: any name lookup or connection fails the run.
NETWORK_GUARD = """
import socket

import pytest

attempts = []


def _refuse(*args, **kwargs):
    attempts.append(args[:2])
    raise OSError("the network was reached: " + repr(args[:2]))


socket.getaddrinfo = _refuse
socket.socket.connect = lambda self, address: _refuse(address)
socket.socket.connect_ex = lambda self, address: _refuse(address)


def pytest_sessionfinish(session, exitstatus):
    if attempts:
        session.exitstatus = 3
        print("NETWORK REACHED:", attempts)
"""


def documented_modules() -> dict[str, str]:
    text = TESTING_PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    found = {}
    for body in blocks:
        name = re.match(r"# (test_\w+\.py)\b", body)
        if name and name.group(1) in MODULES:
            found[name.group(1)] = body
    assert sorted(found) == sorted(MODULES), f"docs/testing.md lacks {MODULES}"
    return found


def test_the_default_client_is_intercepted_in_a_users_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "user-project"\nversion = "0"\n\n'
        '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n'
        'asyncio_default_fixture_loop_scope = "function"\n',
        encoding="utf-8",
    )
    (tmp_path / "conftest.py").write_text(NETWORK_GUARD, encoding="utf-8")
    for name, source in documented_modules().items():
        (tmp_path / name).write_text(source, encoding="utf-8")
    # Only the plugins such a project has (this environment has more, slow to load: a
    # fresh project with all of them is scripts/check-package's job).
    plugins = ["-p", "pytest_asyncio.plugin", "-p", "pytest_httpx", "-p", "respx.plugin"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-W", "error", "-q", "-p", "no:cacheprovider", *plugins],
        cwd=tmp_path,
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert re.search(r"\b4 passed\b", output), output[-4000:]
    assert "NETWORK REACHED" not in output


def test_the_fresh_project_installs_the_pinned_mocking_libraries() -> None:
    """scripts/check-package installs what the dev extra pins (one version of each to trust)."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    check_package = (ROOT / "scripts" / "check-package").read_text(encoding="utf-8")
    for name in ("pytest-httpx", "respx"):
        pin = re.search(rf'"({name}==[^"]+)"', pyproject)
        assert pin is not None, name
        assert f'"{pin.group(1)}"' in check_package, name
