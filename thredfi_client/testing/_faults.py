"""Fault rules: what the sandbox does instead of (or to) a normal answer, and when.

A rule matches a request by path (a prefix, or a compiled regular expression) and optionally by
method, fires on the next ``times`` matching requests (``None``: until cleared), then retires.
:func:`make_fault` checks every argument up front, naming the one that is wrong, so a typo in a
test fails where it is written, not as a puzzling answer later.

The rules are touched from the event loop serving requests and from test code that may run in
another thread (``SandboxServer`` in thread mode), so the book is guarded by a
``threading.Lock`` that is never held across an ``await``.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, get_args

from ._request_log import PathMatch, RequestRecord, path_matches

__all__ = [
    "STALL_LIMIT",
    "Fault",
    "FaultAction",
    "FaultBody",
    "FaultBook",
    "FaultDelay",
    "PathMatch",
    "make_fault",
    "path_matches",
]

FaultAction = Literal[
    "respond", "delay", "drop", "truncate", "malformed_json", "reset", "stall", "raw"
]
#: Seconds: a fixed value, or a ``(low, high)`` range drawn uniformly for each request.
FaultDelay: TypeAlias = float | tuple[float, float]
_BodyValue: TypeAlias = bytes | str | dict[str, Any] | list[Any]
#: A ``respond`` body: JSON (dict/list), text or bytes, or a function of the request returning one.
FaultBody: TypeAlias = _BodyValue | Callable[[RequestRecord], _BodyValue] | None

#: The longest a ``stall`` holds a connection when its ``delay`` does not say (seconds).
STALL_LIMIT = 10.0

ACTIONS: tuple[str, ...] = get_args(FaultAction)
# The arguments each action uses besides path/method/times; any other one given is an error.
_OPTIONS: dict[str, frozenset[str]] = {
    "respond": frozenset(
        {"status", "body", "content_type", "headers", "retry_after", "delay", "after_processing"}
    ),
    "delay": frozenset({"delay", "after_processing"}),
    "drop": frozenset({"delay", "after_processing"}),
    "truncate": frozenset({"delay"}),
    "malformed_json": frozenset({"delay"}),
    "reset": frozenset({"delay"}),
    "stall": frozenset({"delay", "after_processing"}),
    "raw": frozenset({"raw", "delay", "after_processing"}),
}
# These act on the API's real answer, so the request is always handled first.
_ON_THE_ANSWER = frozenset({"truncate", "malformed_json", "reset"})
# Framing headers the sandbox computes itself; a wrong one is a job for ``raw``.
_FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding"})
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


@dataclass(kw_only=True)
class Fault:
    """One fault rule, as returned by :meth:`Sandbox.add_fault` (see there for the actions).

    Attributes:
        id: Identifier, for listing and removal over the admin API.
        path: Prefix (``str``) or regular expression (compiled) the request path must match.
        method: HTTP method to match (upper case), or None for any.
        action: What happens (``respond``, ``delay``, ``drop``, ``truncate``,
            ``malformed_json``, ``reset``, ``stall`` or ``raw``).
        times: How many matching requests it was added for (None: until cleared).
        remaining: Requests left to fire on; None means every matching request until cleared.
        status: Status code for ``respond``.
        body: Body for ``respond`` (bytes, or a function of the request); None sends the
            standard JSON error body for ``status``.
        content_type: Content-Type of ``body``; None for a function body when not given (then
            it follows what the function returns, as for a fixed body).
        headers: Extra response headers for ``respond``, in order (names may repeat).
        retry_after: Value of a ``Retry-After`` header on ``respond``, if any.
        delay: Seconds to wait before acting (a ``(low, high)`` range is drawn per request);
            for ``stall``, the longest it holds the connection (0: :data:`STALL_LIMIT`).
        after_processing: When True the request is handled first (a create takes effect) and
            the fault hits the answer; when False the request never reaches the API.
        raw: The bytes a ``raw`` fault writes to the socket before closing it.
    """

    id: int
    path: PathMatch
    method: str | None = None
    action: FaultAction
    times: int | None = 1
    remaining: int | None = 1
    status: int = 500
    body: bytes | Callable[[RequestRecord], _BodyValue] | None = None
    content_type: str | None = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    retry_after: str | None = None
    delay: FaultDelay = 0.0
    after_processing: bool = False
    raw: bytes | None = None

    def draw_delay(self) -> float:
        """The seconds to wait for one request (drawn anew each time for a range)."""
        if isinstance(self.delay, tuple):
            low, high = self.delay
            return random.uniform(low, high)
        return self.delay

    def body_for(self, request: RequestRecord) -> tuple[bytes | None, str]:
        """The ``respond`` body and its content type for one request."""
        if callable(self.body):
            return encode_body(self.body(request), self.content_type)
        return self.body, self.content_type or "application/json"

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description, as listed by the admin API."""
        return {
            "id": self.id,
            "path": self.path if isinstance(self.path, str) else None,
            "path_regex": None if isinstance(self.path, str) else self.path.pattern,
            "method": self.method,
            "action": self.action,
            "times": self.times,
            "remaining": self.remaining,
            "status": self.status,
            "content_type": self.content_type,
            "headers": [list(pair) for pair in self.headers],
            "retry_after": self.retry_after,
            "delay": list(self.delay) if isinstance(self.delay, tuple) else self.delay,
            "after_processing": self.after_processing,
            "raw_length": None if self.raw is None else len(self.raw),
        }


def encode_body(body: _BodyValue | None, content_type: str | None) -> tuple[bytes | None, str]:
    """Bytes and content type of a fault body: JSON for dict/list, as-is for text/bytes."""
    if body is None:
        return None, content_type or "application/json"
    if isinstance(body, dict | list):
        return json.dumps(body).encode(), content_type or "application/json"
    if isinstance(body, str):
        return body.encode(), content_type or "text/html; charset=utf-8"
    if isinstance(body, bytes | bytearray):
        return bytes(body), content_type or "text/html; charset=utf-8"
    raise TypeError(f"body must be bytes, str, a dict or a list, not {type(body).__name__}")


def _check_delay(delay: object) -> FaultDelay:
    if isinstance(delay, bool):
        raise TypeError("delay must be seconds (a number) or a (low, high) pair, not a bool")
    if isinstance(delay, int | float):
        if delay < 0:
            raise ValueError(f"delay must be >= 0 seconds, not {delay}")
        return float(delay)
    if isinstance(delay, Sequence) and not isinstance(delay, str) and len(delay) == 2:
        low, high = delay
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)):
            raise TypeError(f"delay range must hold two numbers, not {delay!r}")
        if not 0 <= low <= high:
            raise ValueError(f"delay range must satisfy 0 <= low <= high, not {tuple(delay)}")
        return (float(low), float(high))
    raise TypeError(f"delay must be seconds (a number) or a (low, high) pair, not {delay!r}")


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _check_headers(
    headers: Mapping[str, str] | Sequence[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
    out: list[tuple[str, str]] = []
    for pair in pairs:
        if not (isinstance(pair, tuple | list) and len(pair) == 2):
            raise TypeError(f"headers must be a mapping or (name, value) pairs, not {pair!r}")
        name, value = pair
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            raise ValueError(f"header name {name!r} is not a valid HTTP token (use raw=...)")
        if not isinstance(value, str) or any(c in value for c in "\r\n\0"):
            raise ValueError(f"header {name!r} value must be a str without CR/LF (use raw=...)")
        if not _latin1(value):
            raise ValueError(f"header {name!r} value must be latin-1 text (HTTP headers are bytes)")
        if name.lower() in _FRAMING_HEADERS:
            raise ValueError(
                f"header {name!r} is computed by the sandbox; send a wrong one with raw=..."
            )
        out.append((name, value))
    return tuple(out)


def make_fault(
    *,
    fault_id: int,
    path: PathMatch,
    method: str | None,
    action: str,
    times: int | None,
    given: Mapping[str, Any],
) -> Fault:
    """Build a checked :class:`Fault`; ``given`` holds only the options the caller set.

    Raises ``ValueError``/``TypeError`` naming the argument that is wrong or that ``action``
    does not use.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown fault action {action!r}; expected one of {', '.join(ACTIONS)}")
    if not isinstance(path, str | re.Pattern):
        raise TypeError(f"path must be a str prefix or a compiled re.Pattern, not {path!r}")
    if isinstance(path, str) and not path.startswith("/"):
        raise ValueError(f"path must start with '/', not {path!r}")
    if method is not None and (not isinstance(method, str) or not _TOKEN.fullmatch(method)):
        raise ValueError(f"method must be an HTTP method name, not {method!r}")
    if times is not None and (not isinstance(times, int) or isinstance(times, bool)):
        raise TypeError(f"times must be an int or None, not {times!r}")
    if times is not None and times < 1:
        raise ValueError("times must be >= 1 (a fault fires at least once), or None for always")
    unused = sorted(set(given) - _OPTIONS[action])
    if unused:
        raise ValueError(f"action {action!r} does not use {', '.join(unused)}")

    options: dict[str, Any] = {}
    if "status" in given:
        status = given["status"]
        if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
            raise ValueError(f"status must be an HTTP status code (100-599), not {status!r}")
        options["status"] = status
    content_type = given.get("content_type")
    if content_type is not None and not isinstance(content_type, str):
        raise TypeError(f"content_type must be a str, not {content_type!r}")
    if content_type is not None and (not _latin1(content_type) or "\n" in content_type):
        raise ValueError(f"content_type must be one line of latin-1 text, not {content_type!r}")
    body = given.get("body")
    if callable(body):
        options["body"] = body
        options["content_type"] = content_type
    else:
        options["body"], options["content_type"] = encode_body(body, content_type)
    if "headers" in given:
        options["headers"] = _check_headers(given["headers"])
    if "retry_after" in given:
        value = given["retry_after"]
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError(f"retry_after must be a str or an int, not {value!r}")
        if not _latin1(str(value)) or "\n" in str(value):
            raise ValueError(f"retry_after must be one line of latin-1 text, not {value!r}")
        options["retry_after"] = str(value)
    if "delay" in given:
        options["delay"] = _check_delay(given["delay"])
    if action == "delay" and options.get("delay", 0.0) in (0.0, (0.0, 0.0)):
        raise ValueError("action 'delay' needs delay > 0 (seconds, or a (low, high) range)")
    if "raw" in given:
        raw = given["raw"]
        if not isinstance(raw, bytes | bytearray):
            raise TypeError(f"raw must be bytes, not {type(raw).__name__}")
        if not raw:
            raise ValueError("raw must not be empty (use action='drop' to send nothing)")
        options["raw"] = bytes(raw)
    elif action == "raw":
        raise ValueError("action 'raw' needs raw=b'...' (the bytes to write to the socket)")
    options["after_processing"] = action in _ON_THE_ANSWER or bool(
        given.get("after_processing", False)
    )
    return Fault(
        id=fault_id,
        path=path,
        method=method.upper() if method else None,
        action=action,  # type: ignore[arg-type]  # checked against ACTIONS above
        times=times,
        remaining=times,
        **options,
    )


class FaultBook:
    """The active fault rules, in the order they were added; the first match fires."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(
        self,
        *,
        path: PathMatch,
        method: str | None,
        action: str,
        times: int | None,
        given: Mapping[str, Any],
    ) -> Fault:
        """Check and add a rule (see :func:`make_fault`); return it."""
        with self._lock:
            fault = make_fault(
                fault_id=next(self._ids),
                path=path,
                method=method,
                action=action,
                times=times,
                given=given,
            )
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
