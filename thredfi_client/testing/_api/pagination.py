"""Paging a list the way the documentation does, for every list operation.

Query ``page`` (1-based, default 1) and ``page_size`` (default 20, at most 100: a larger one is
served as 100). The answer is one of the two envelopes the documentation shows, as the
``page_envelope`` setting says: the reference pages' ``{"count", "page_info": {"total_count",
"current_page", "total_pages", "page_size"}, "results"}`` (default), or the pagination guide's
``{"count", "next", "previous", "results"}`` with links to the neighbouring pages (null at the
ends). ``count`` is the number of items in the whole list in both.
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
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
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
    settings: Settings,
    request: Request,
    items: Sequence[T],
    render: Callable[[T], dict[str, Any]],
) -> dict[str, Any]:
    """The page the request asks for of ``items``, each rendered by ``render``, in the
    configured envelope. Reads ``page`` and ``page_size`` itself (400 for a bad one)."""
    page, page_size = page_params(settings, request)
    start = (page - 1) * page_size
    total_pages = max(1, math.ceil(len(items) / page_size))
    results = [render(item) for item in items[start : start + page_size]]
    if settings.page_envelope == "links":

        def link(number: int) -> str:
            return str(request.url.include_query_params(page=number, page_size=page_size))

        return {
            "count": len(items),
            "next": link(page + 1) if page < total_pages else None,
            "previous": link(min(page - 1, total_pages)) if page > 1 else None,
            "results": results,
        }
    return {
        "count": len(items),
        "page_info": {
            "total_count": len(items),
            "current_page": page,
            "total_pages": total_pages,
            "page_size": page_size,
        },
        "results": results,
    }
