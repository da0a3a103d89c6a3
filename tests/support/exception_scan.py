"""A scan of everything an exception carries, for the transport and security suites.

The scan walks the exception, its ``__cause__``/``__context__`` chain and every object reachable
from their attributes (requests, responses, headers, aiohttp request infos, ...) and collects
every string and bytes value, so a credential kept on any of them is found wherever it hides.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["carried_texts", "chain_of", "leaked"]

#: How deep the scan follows attributes; requests and headers sit at depth 2 to 4.
_SCAN_DEPTH = 8
#: Types never entered (their graphs are the event loop's or the interpreter's, not the error's).
_OPAQUE_MODULES = ("asyncio", "selectors", "socket", "ssl", "threading", "logging", "concurrent")


def carried_texts(exc: BaseException) -> list[str]:
    """Every string an exception carries: messages, reprs, attributes, its chain's."""
    texts: list[str] = []
    visited: set[int] = set()
    for error in chain_of(exc):
        texts += [str(error), repr(error)]
        _collect(error, texts, visited, _SCAN_DEPTH)
    return texts


def chain_of(exc: BaseException) -> list[BaseException]:
    """The exception and everything in its ``__cause__``/``__context__`` chain."""
    out: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or any(current is e for e in out):
            continue
        out.append(current)
        pending += [current.__cause__, current.__context__]
    return out


def _collect(value: object, texts: list[str], visited: set[int], depth: int) -> None:
    if isinstance(value, str):
        texts.append(value)
        return
    if isinstance(value, bytes | bytearray | memoryview):
        texts.append(bytes(value).decode("latin-1"))
        return
    if depth <= 0 or value is None or isinstance(value, int | float | bool | type):
        return
    if id(value) in visited:
        return
    visited.add(id(value))
    module = type(value).__module__.split(".")[0]
    if module in _OPAQUE_MODULES or (callable(value) and not hasattr(value, "__dict__")):
        return
    if isinstance(value, Mapping):
        for key, item in list(value.items()):
            _collect(key, texts, visited, depth - 1)
            _collect(item, texts, visited, depth - 1)
        return
    if isinstance(value, list | tuple | set | frozenset):
        for item in list(value):
            _collect(item, texts, visited, depth - 1)
        return
    if hasattr(value, "items") and callable(value.items):  # multidicts, httpx.Headers
        try:
            pairs = list(value.items())
        except Exception:
            pairs = []
        for key, item in pairs:
            _collect(key, texts, visited, depth - 1)
            _collect(item, texts, visited, depth - 1)
    attributes: dict[str, object] = {}
    if hasattr(value, "__dict__"):
        attributes.update(vars(value))
    for cls in type(value).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if isinstance(name, str) and hasattr(value, name):
                attributes.setdefault(name, getattr(value, name))
    if isinstance(value, BaseException):
        attributes["args"] = value.args
    for item in attributes.values():
        _collect(item, texts, visited, depth - 1)


def leaked(exc: BaseException, secrets: list[str]) -> list[tuple[str, str]]:
    """``(secret, text)`` for every carried text holding one of ``secrets``."""
    found = []
    for text in carried_texts(exc):
        for secret in secrets:
            if secret and secret in text:
                found.append((secret[:12], text[:160]))
    return found
