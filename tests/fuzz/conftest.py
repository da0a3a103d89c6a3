"""Prints Schemathesis's counts in the session summary."""

from __future__ import annotations

from typing import Any

from .test_schemathesis import summary_lines


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines = summary_lines()
    if lines:
        terminalreporter.section("Schemathesis against the sandbox")
        for line in lines:
            terminalreporter.write_line(line)
