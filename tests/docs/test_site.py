"""The docs site: every page is in the nav, every nav entry exists, and it builds strictly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _nav_files(node: Any) -> Iterator[str]:
    """Every page path in an mkdocs ``nav`` tree (external links skipped)."""
    if isinstance(node, str):
        if "://" not in node:
            yield node
    elif isinstance(node, list):
        for item in node:
            yield from _nav_files(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _nav_files(value)


def _config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def _pages() -> set[str]:
    return {
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if "hooks" not in path.relative_to(DOCS).parts
    }


def test_every_page_is_in_the_nav() -> None:
    missing = _pages() - set(_nav_files(_config()["nav"]))
    assert not missing, f"pages missing from mkdocs.yml nav: {sorted(missing)}"


def test_every_nav_entry_is_a_page() -> None:
    dangling = set(_nav_files(_config()["nav"])) - _pages()
    assert not dangling, f"mkdocs.yml nav names pages that do not exist: {sorted(dangling)}"


def test_readme_links_into_the_docs_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in sorted(set(_relative_links(readme))):
        path = (ROOT / target.split("#", 1)[0]).resolve()
        assert path.exists(), f"README.md links to {target}, which does not exist"


def _relative_links(markdown: str) -> list[str]:
    """Relative link targets of a Markdown text (``[text](target)``)."""
    return [
        target
        for target in re.findall(r"\]\(([^)\s]+)\)", markdown)
        if "://" not in target and not target.startswith("#")
    ]


@pytest.mark.skipif(shutil.which("bash") is None, reason="scripts/docs is a bash script")
def test_site_builds_strictly(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ROOT / "scripts" / "docs"), str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").exists()
    assert (tmp_path / "site" / "reference" / "client" / "index.html").exists()
