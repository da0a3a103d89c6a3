"""The docs' Python examples all run in CI, except a few marked ones, in a form the site renders.

``./scripts/test`` runs every fenced Python block of ``docs/**/*.md`` and ``README.md`` against
the sandbox (``tests/docs/markdown_examples.py``). These checks keep that honest: the step is
wired up for the whole ``docs/`` directory, no example hides where the collector cannot see it,
and skipped examples are few and marked in the one syntax the docs site renders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[2]
PYTHON = {"python", "py", "python3"}
#: Blocks that may be marked notest; each one needs a reason in the text around it.
MAX_NOTEST = 3


def pages() -> list[Path]:
    return [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]


def fences() -> Iterator[tuple[str, int, str, str]]:
    """(page, line, info string, content) of every fenced or indented code block."""
    parser = MarkdownIt("commonmark")
    for page in pages():
        for token in parser.parse(page.read_text(encoding="utf-8")):
            if token.type in ("fence", "code_block") and token.map:
                name = page.relative_to(ROOT).as_posix()
                yield name, token.map[0] + 1, token.info.strip(), token.content


def language(info: str) -> tuple[str, set[str]]:
    """The language and options of an info string: ``python`` or ``{.python notest}``."""
    if info.startswith("{"):
        words = info.strip("{}").split()
        lang = next((w[1:] for w in words if w.startswith(".")), "")
        return lang, {w for w in words if not w.startswith(".")}
    words = info.split()
    return (words[0] if words else ""), set(words[1:])


def test_the_test_command_runs_the_examples_of_every_page() -> None:
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert re.search(r"pytest .*-p tests\.docs\.markdown_examples docs README\.md", script)


def test_python_examples_exist_and_use_the_syntax_the_site_renders() -> None:
    runnable = 0
    for page, line, info, _content in fences():
        lang, options = language(info)
        if lang not in PYTHON:
            continue
        # ```python notest breaks pymdownx.superfences (the block renders as text): use braces.
        assert not options or info.startswith("{"), (
            f"{page}:{line}: write ```{{.python {' '.join(sorted(options))}}}, not ```{info}"
        )
        runnable += "notest" not in options
    assert runnable >= 20


def test_few_examples_are_skipped() -> None:
    skipped = [
        f"{page}:{line}"
        for page, line, info, _content in fences()
        if language(info)[0] in PYTHON and "notest" in language(info)[1]
    ]
    assert len(skipped) <= MAX_NOTEST, f"too many examples marked notest: {skipped}"


def test_no_python_example_is_hidden_in_an_indented_block() -> None:
    # A fence indented inside an admonition (!!! note) is an indented code block to the
    # collector's CommonMark parser, so it would never run.
    hidden = [
        f"{page}:{line}"
        for page, line, info, content in fences()
        if not info and re.search(r"^```\s*(\{\.)?py(thon3?)?\b", content, re.MULTILINE)
    ]
    assert not hidden, f"Python examples the docs run cannot see (move them out): {hidden}"
