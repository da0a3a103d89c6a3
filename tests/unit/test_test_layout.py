"""Test packages do not import each other (DESIGN.md): shared code lives in ``tests/support``
(imported), shared fixtures in ``tests/conftest.py`` (found by pytest, never imported)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
FILES = sorted(TESTS.rglob("*.py"))


def _test_imports(path: Path, source: str | None = None) -> list[str]:
    """The modules under ``tests`` that ``path`` imports, as paths relative to ``tests``."""
    package = list(path.relative_to(TESTS).parent.parts)
    found: list[str] = []
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                if node.level - 1 > len(package):
                    continue
                found.append("/".join([*base, *(node.module or "").split(".")]).strip("/"))
            elif (node.module or "").split(".")[0] == "tests":
                found.append("/".join((node.module or "").split(".")[1:]))
        elif isinstance(node, ast.Import):
            found += [
                "/".join(a.name.split(".")[1:]) for a in node.names if a.name.startswith("tests.")
            ]
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TESTS)))
def test_a_test_module_imports_only_its_own_package_and_support(path: Path) -> None:
    own = path.relative_to(TESTS).parts[0] if len(path.relative_to(TESTS).parts) > 1 else ""
    for target in _test_imports(path):
        top = target.split("/")[0]
        if own == "support":
            assert top == "support", f"tests/support must not import test code: {target}"
        elif own:
            assert top in (own, "support"), f"imports another test package: tests/{target}"
        else:  # tests/conftest.py and tests/__init__.py
            assert top == "support", f"imports a test package: tests/{target}"


def test_the_check_sees_cross_package_imports() -> None:
    source = (
        "from ..reliability.fixtures import x\n"
        "from ..conftest import y\n"
        "from ..support import z\n"
        "from .helpers import w\n"
        "import tests.unit.test_client\n"
    )
    probe = TESTS / "security" / "test_probe.py"  # never written: only its place matters
    assert _test_imports(probe, source) == [
        "reliability/fixtures",
        "conftest",
        "support",
        "security/helpers",
        "unit/test_client",
    ]
