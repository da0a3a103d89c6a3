"""Texts recorded for the end-of-session secret scan (the guard is in ``tests/conftest.py``)."""

from __future__ import annotations

from .constants import SECRET_MARKERS

_recorded: list[tuple[str, str]] = []


def record_for_leak_scan(kind: str, text: str) -> None:
    """Add a text (e.g. a client repr) to the end-of-session secret scan."""
    _recorded.append((kind, text))


def recorded_texts() -> list[tuple[str, str]]:
    """Every ``(kind, text)`` recorded so far."""
    return list(_recorded)


def find_leaks(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (kind, text) pairs that contain a secret marker (tests/unit/test_leak_guard.py)."""
    return [(kind, text[:200]) for kind, text in texts for m in SECRET_MARKERS if m in text]
