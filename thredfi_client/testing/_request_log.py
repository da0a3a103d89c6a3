"""The sandbox's log of API requests: what arrived, when, with which headers, and the answer.

Written from the event loop serving requests and read from test code that may run in another
thread (``SandboxServer`` in thread mode), so it is guarded by a ``threading.Lock`` that is never
held across an ``await``.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

__all__ = ["PathMatch", "RequestLog", "RequestRecord", "path_matches"]

#: A path to match: a ``str`` matches as a prefix, a compiled pattern with ``re.search``.
PathMatch: TypeAlias = str | re.Pattern[str]


def path_matches(match: PathMatch, path: str) -> bool:
    """Whether ``path`` is selected by ``match`` (prefix for ``str``, search for a pattern)."""
    if isinstance(match, str):
        return path.startswith(match)
    return match.search(path) is not None


@dataclass(frozen=True, kw_only=True)
class RequestRecord:
    """One request the sandbox received on the API (admin requests are not recorded).

    Attributes:
        method: HTTP method.
        path: URL path.
        request_id: The ``X-Request-ID`` the sandbox gave it.
        fault: The action of the fault rule that fired on it, or None.
        query_string: Raw query string (without ``?``).
        headers: Request headers, names lower-cased (left out of ``repr``: they hold
            credentials).
        at: Arrival time, from ``time.monotonic()``.
        status: Status code of the answer sent (for ``truncate`` and ``reset``, of its status
            line), or None while the request is in flight and when no status line was sent
            (``drop``, ``stall``, ``raw``, or the client left during a fault's wait).
    """

    method: str
    path: str
    request_id: str
    fault: str | None = None
    query_string: str = ""
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    at: float = 0.0
    status: int | None = None


class RequestLog:
    """Every API request received, in order, for assertions like "exactly one token request".

    It also counts the requests being handled at this moment, and the most at once since the
    log was last cleared (``max_in_flight``), to check a client's connection limit.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []
        self._in_flight = 0
        self._max_in_flight = 0

    def begin(self, record: RequestRecord) -> int:
        """Record an arriving request; returns its index for :meth:`finish`."""
        with self._lock:
            self._records.append(record)
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
            return len(self._records) - 1

    def finish(self, index: int, record: RequestRecord, status: int | None) -> None:
        """The request at ``index`` is done; ``status`` is what was sent (None: nothing)."""
        with self._lock:
            self._in_flight -= 1
            if index < len(self._records) and self._records[index] is record:
                self._records[index] = dataclasses.replace(record, status=status)

    def records(self) -> list[RequestRecord]:
        """A copy of the log."""
        with self._lock:
            return list(self._records)

    @property
    def in_flight(self) -> int:
        """Requests being handled now."""
        with self._lock:
            return self._in_flight

    @property
    def max_in_flight(self) -> int:
        """The most requests handled at once since the log was cleared."""
        with self._lock:
            return self._max_in_flight

    def count(self, path: PathMatch | None = None, method: str | None = None) -> int:
        """Requests whose path matches ``path`` (prefix or pattern) and method ``method``."""
        return sum(
            1
            for r in self.records()
            if (path is None or path_matches(path, r.path))
            and (method is None or r.method == method.upper())
        )

    def counts(self) -> dict[str, int]:
        """Requests per ``"METHOD /path"``."""
        out: dict[str, int] = {}
        for r in self.records():
            key = f"{r.method} {r.path}"
            out[key] = out.get(key, 0) + 1
        return out

    def clear(self) -> None:
        """Forget every request and reset ``max_in_flight`` to the requests in flight now."""
        with self._lock:
            self._records.clear()
            self._max_in_flight = self._in_flight
