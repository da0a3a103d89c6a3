"""Fault rules (fail, delay, drop, garble) and the per-path request counter of the sandbox.

Both are touched from the event loop serving requests and from test code that may run in another
thread (``SandboxServer`` in thread mode), so they are guarded by a ``threading.Lock`` that is
never held across an ``await``.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Fault", "FaultAction", "FaultBook", "PathMatch", "RequestLog", "RequestRecord"]

FaultAction = Literal["respond", "delay", "drop", "truncate", "malformed_json"]
#: A path to match: a ``str`` matches as a prefix, a compiled pattern with ``re.search``.
PathMatch = str | re.Pattern[str]

_ACTIONS: frozenset[str] = frozenset({"respond", "delay", "drop", "truncate", "malformed_json"})


def path_matches(match: PathMatch, path: str) -> bool:
    """Whether ``path`` is selected by ``match`` (prefix for ``str``, search for a pattern)."""
    if isinstance(match, str):
        return path.startswith(match)
    return match.search(path) is not None


@dataclass(kw_only=True)
class Fault:
    """One fault rule. It fires on the next ``remaining`` matching requests, then retires.

    Attributes:
        id: Identifier, for listing and removal over the admin API.
        path: Prefix (``str``) or regular expression (compiled) the request path must match.
        method: HTTP method to match (upper case), or None for any.
        action: ``respond`` (answer with ``status``/``body``), ``delay`` (only sleep),
            ``drop`` (close the connection without answering), ``truncate`` (send the status
            line, headers and half the body, then close) or ``malformed_json`` (answer 200 with
            a body that is not valid JSON).
        remaining: Requests left to fire on; None means every matching request until cleared.
        status: Status code for ``respond``.
        body: Body for ``respond``; None sends the standard JSON error body for ``status``.
        content_type: Content-Type of ``body``.
        retry_after: Value of a ``Retry-After`` header on ``respond``, if any.
        delay: Seconds to sleep before acting (for every action, not only ``delay``).
        after_processing: When True the request is handled first (the resource is created) and
            the fault hits the answer; when False the request never reaches the API.
    """

    id: int
    path: PathMatch
    method: str | None = None
    action: FaultAction
    remaining: int | None = 1
    status: int = 500
    body: bytes | None = None
    content_type: str = "application/json"
    retry_after: str | None = None
    delay: float = 0.0
    after_processing: bool = False

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description, as listed by the admin API."""
        return {
            "id": self.id,
            "path": self.path if isinstance(self.path, str) else None,
            "path_regex": None if isinstance(self.path, str) else self.path.pattern,
            "method": self.method,
            "action": self.action,
            "remaining": self.remaining,
            "status": self.status,
            "retry_after": self.retry_after,
            "delay": self.delay,
            "after_processing": self.after_processing,
        }


class FaultBook:
    """The active fault rules, in the order they were added; the first match fires."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(self, **kwargs: Any) -> Fault:
        """Add a rule built from :class:`Fault`'s fields (except ``id``) and return it."""
        action = kwargs.get("action")
        if action not in _ACTIONS:
            raise ValueError(f"unknown fault action {action!r}; expected one of {sorted(_ACTIONS)}")
        remaining = kwargs.get("remaining", 1)
        if remaining is not None and remaining < 1:
            raise ValueError("a fault must fire at least once (count >= 1, or None for always)")
        if kwargs.get("delay", 0.0) < 0:
            raise ValueError("delay must be >= 0 seconds")
        with self._lock:
            fault = Fault(id=next(self._ids), **kwargs)
            self._faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """Consume one firing of the first rule matching the request, or return None."""
        with self._lock:
            for fault in self._faults:
                if fault.method is not None and fault.method != method:
                    continue
                if not path_matches(fault.path, path):
                    continue
                if fault.remaining is not None:
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                return fault
        return None

    def remove(self, fault_id: int) -> bool:
        """Remove one rule; False when there was none with that id."""
        with self._lock:
            for fault in self._faults:
                if fault.id == fault_id:
                    self._faults.remove(fault)
                    return True
        return False

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._faults.clear()

    def active(self) -> list[Fault]:
        """The rules that can still fire, oldest first."""
        with self._lock:
            return list(self._faults)


@dataclass(frozen=True, kw_only=True)
class RequestRecord:
    """One request the sandbox received on the API (admin requests are not recorded)."""

    method: str
    path: str
    request_id: str
    fault: FaultAction | None = None


@dataclass
class RequestLog:
    """Every API request received, in order, for assertions like "exactly one token request"."""

    _records: list[RequestRecord] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def append(self, record: RequestRecord) -> None:
        """Record one request."""
        with self._lock:
            self._records.append(record)

    def records(self) -> list[RequestRecord]:
        """A copy of the log."""
        with self._lock:
            return list(self._records)

    def count(self, path: PathMatch | None = None, method: str | None = None) -> int:
        """Requests whose path matches ``path`` (prefix or pattern) and method ``method``."""
        return sum(
            1
            for r in self.records()
            if (path is None or path_matches(path, r.path))
            and (method is None or r.method == method.upper())
        )

    def counts(self) -> Mapping[str, int]:
        """Requests per ``"METHOD /path"``."""
        out: dict[str, int] = {}
        for r in self.records():
            key = f"{r.method} {r.path}"
            out[key] = out.get(key, 0) + 1
        return out

    def clear(self) -> None:
        """Forget every request."""
        with self._lock:
            self._records.clear()
