"""Paging a list the way the reference pages document it, for every list operation.

Query ``page`` (1-based, default 1) and ``page_size`` (default 20, at most 100); the answer is
``{"count", "page_info": {"total_count", "current_page", "total_pages", "page_size"},
"results"}``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from starlette.requests import Request

from .._store import Settings
from .._validation import FieldErrors
from .responses import Denied, invalid

__all__ = ["DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE", "page_of", "page_params"]

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
T = TypeVar("T")


def _positive_int(raw: str | None, default: int, name: str, errors: FieldErrors) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        errors[name] = ["A positive integer is required."]
        return default
    return int(raw)


def page_params(settings: Settings, request: Request) -> tuple[int, int]:
    """``(page, page_size)`` from the query (400 naming a bad one); page_size capped at 100."""
    errors: FieldErrors = {}
    page = _positive_int(request.query_params.get("page"), 1, "page", errors)
    size = _positive_int(
        request.query_params.get("page_size"), DEFAULT_PAGE_SIZE, "page_size", errors
    )
    if errors:
        raise Denied(invalid(settings, request, errors))
    return page, min(size, MAX_PAGE_SIZE)


def page_of(
    items: Sequence[T], page: int, page_size: int, render: Callable[[T], dict[str, Any]]
) -> dict[str, Any]:
    """One page of ``items`` in the ``page_info`` envelope, each rendered by ``render``."""
    start = (page - 1) * page_size
    return {
        "count": len(items),
        "page_info": {
            "total_count": len(items),
            "current_page": page,
            "total_pages": max(1, math.ceil(len(items) / page_size)),
            "page_size": page_size,
        },
        "results": [render(item) for item in items[start : start + page_size]],
    }
