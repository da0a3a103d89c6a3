"""The shape of ``thredfi_client.testing`` (docs/architecture.md, "The sandbox's shape")."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

TESTING = Path(__file__).resolve().parents[2] / "thredfi_client" / "testing"


def _parts(path: Path) -> tuple[list[str], bool]:
    parts = list(path.relative_to(TESTING).with_suffix("").parts)
    if parts[-1] == "__init__":
        return parts[:-1], True
    return parts, False


def _module(path: Path) -> str:
    return ".".join(_parts(path)[0]) or "<package>"


def _exists(parts: list[str]) -> bool:
    path = TESTING.joinpath(*parts)
    return bool(parts) and (path.with_suffix(".py").is_file() or (path / "__init__.py").is_file())


def _imports(path: Path) -> set[str]:
    """The testing modules ``path`` imports (relative imports; TYPE_CHECKING ones included).

    ``from . import x`` counts as importing ``x``, not the package it is in.
    """
    parts, is_package = _parts(path)
    package = parts if is_package else parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.ImportFrom) and node.level):
            continue
        base = package[: len(package) - node.level + 1]
        target = base + (node.module.split(".") if node.module else [])
        submodules = [[*target, alias.name] for alias in node.names]
        named = [".".join(m) for m in submodules if _exists(m)]
        found.update(named)
        if not named and _exists(target):
            found.add(".".join(target))
    return found - {_module(path)}


GRAPH = {_module(p): _imports(p) for p in TESTING.rglob("*.py")}


def test_the_testing_package_has_no_import_circle() -> None:
    try:
        order = list(TopologicalSorter(GRAPH).static_order())
    except CycleError as exc:
        pytest.fail(f"import circle in thredfi_client.testing: {exc.args[1]}")
    assert "_store" in order


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("_asgi", {"_sandbox", "_api", "_admin", "_store"}),
        ("_store", {"_sandbox", "_api", "_admin", "_asgi", "_server"}),
        ("_faults", {"_sandbox", "_asgi", "_store"}),
        ("_connection", {"_sandbox", "_asgi", "_faults", "_store"}),
        ("_admin", {"_sandbox"}),
    ],
)
def test_lower_modules_do_not_reach_up(module: str, forbidden: set[str]) -> None:
    reached = {m.split(".")[0] for m in GRAPH[module]}
    assert not reached & forbidden, f"{module} imports {reached & forbidden}"


def test_api_handlers_do_not_reach_the_facade_or_admin() -> None:
    for module, imported in GRAPH.items():
        if module.startswith("_api"):
            reached = {m.split(".")[0] for m in imported}
            assert not reached & {"_sandbox", "_admin", "_asgi", "_server"}, module


def test_the_store_knows_no_http() -> None:
    source = (TESTING / "_store.py").read_text(encoding="utf-8")
    assert "starlette" not in source
    assert "httpx" not in source
