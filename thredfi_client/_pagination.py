"""Auto-pagination: what the generated method of every list operation returns.

Codegen marks an operation as a list by one rule (``codegen/prepare_spec.py``: a ``GET`` with
``page`` and ``page_size`` query parameters whose success body has a ``results`` array), and its
generated method returns an :class:`AsyncPager` instead of a coroutine. Everything else about
paging is here, the same for every list: the default page size, walking the pages, reading both
documented envelopes and knowing when to stop.

Each page is one ``Requester.call`` (the client's only way to send), so every page request gets
auth, retries and typed errors like any other call. This module imports only the runtime module
(``_operation``) and the argument errors of the exception tree (``_errors``, a leaf), as
generated code may (docs/architecture.md).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Coroutine, Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

from ._errors import ArgumentTypeError, ArgumentValueError
from ._operation import (
    NOT_GIVEN,
    UNSET,
    Body,
    Headers,
    NotGiven,
    Operation,
    Query,
    RawResponse,
    Requester,
    TimeoutTypes,
    Unset,
)

if TYPE_CHECKING:  # asyncio loads on first use (import time, docs/performance.md (d))
    import asyncio

__all__ = ["DEFAULT_PAGE_SIZE", "MAX_PAGES", "AsyncPager"]

T = TypeVar("T")
ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT")

#: The page size asked for when the caller sets none: the API's largest (API-NOTES
#: "Pagination": default 20, at most 100), so a walk takes as few requests as it can.
DEFAULT_PAGE_SIZE = 100
#: No walk fetches more pages than this (a million items at the default size): a bound on a
#: server that keeps answering with new pages and never says where the list ends.
MAX_PAGES = 10_000

logger = logging.getLogger("thredfi_client")


class AsyncPager(Generic[ItemT, PageT]):
    """A list call: await it for its first page, or iterate it for every item of every page.

    ``await client.invoices.list(...)`` returns the first page (with ``results``, ``count`` and
    ``page_info``); ``async for invoice in client.invoices.list(...)`` yields the items of every
    page in turn, fetching each page as the previous one is used up; :meth:`iter_pages` yields
    whole pages. Each is a new walk from the first page asked for (``page=``, default 1), with
    ``page_size=`` or :data:`DEFAULT_PAGE_SIZE`.

    The walk reads both envelopes the API documents, ``page_info`` (``current_page``,
    ``total_pages``, ``total_count``) and ``next``/``previous`` links (with ``count``), and
    stops at the first of: an empty page; the last page (``current_page >= total_pages``, a
    ``next`` of null, or ``count`` items seen); a page number or a page already seen (a server
    that repeats a page, logged as a warning); :data:`MAX_PAGES` pages (logged). A ``next``
    link is never requested as such: its ``page`` number is, through the client, so credentials
    only go where every other call goes.

    With ``prefetch=True`` the next page is requested as soon as a page arrives, while the
    caller works through it (see docs/pagination.md for what it gains). A walk that stops
    early cancels a request still in flight.

    Created by the generated list methods; not meant to be built by hand.
    """

    __slots__ = (
        "_arguments",
        "_extra_body",
        "_extra_headers",
        "_extra_query",
        "_max_retries",
        "_operation",
        "_prefetch",
        "_requester",
        "_timeout",
    )

    def __init__(
        self,
        requester: Requester,
        operation: Operation[PageT],
        arguments: Mapping[str, Any],
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        prefetch: bool = False,
    ) -> None:
        if not isinstance(prefetch, bool):
            raise ArgumentTypeError(
                f"prefetch must be True or False, got {prefetch!r:.60}", argument="prefetch"
            )
        self._requester = requester
        self._operation = operation
        self._arguments = dict(arguments)
        if _absent(self._arguments.get("page")):
            self._arguments["page"] = 1
        if _absent(self._arguments.get("page_size")):
            self._arguments["page_size"] = DEFAULT_PAGE_SIZE
        self._extra_headers = extra_headers
        self._extra_query = extra_query
        self._extra_body = extra_body
        self._timeout = timeout
        self._max_retries = max_retries
        self._prefetch = prefetch

    def __repr__(self) -> str:
        return f"<AsyncPager {self._operation.operation_id}>"

    # -- the first page --------------------------------------------------------------------------

    def __await__(self) -> Generator[Any, None, PageT]:
        return self._first_page().__await__()

    async def _first_page(self) -> PageT:
        return (await self.raw_first_page()).parsed

    async def raw_first_page(self) -> RawResponse[PageT]:
        """The first page with its HTTP details (what ``with_raw_response.<list>`` returns)."""
        return await self._fetch(self._arguments["page"])

    # -- every page, every item ------------------------------------------------------------------

    def iter_pages(self) -> AsyncIterator[PageT]:
        """Every page, from the first one asked for to the last (see the class docstring)."""
        return self._pages()

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self._items()

    async def _items(self) -> AsyncGenerator[ItemT, None]:
        async with contextlib.aclosing(self._pages()) as pages:
            async for page in pages:
                for item in _results(page):
                    yield item

    async def _pages(self) -> AsyncGenerator[PageT, None]:
        walk = _Walk(self._operation.operation_id, start=self._arguments["page"])
        number: int | None = walk.start
        pending: asyncio.Task[RawResponse[PageT]] | None = None
        try:
            while number is not None:
                if pending is not None:
                    raw, pending = await pending, None
                else:
                    raw = await self._fetch(number)
                page = raw.parsed
                results = _results(page)
                if walk.repeats(number, results, raw):
                    return
                number = walk.following(number, page, results)
                if number is not None and self._prefetch:
                    pending = _start(self._fetch(number))
                yield page
        finally:
            if pending is not None:
                pending.cancel()

    async def _fetch(self, number: int) -> RawResponse[PageT]:
        return await self._requester.call(
            self._operation,
            {**self._arguments, "page": number},
            timeout=self._timeout,
            max_retries=self._max_retries,
            extra_headers=self._extra_headers,
            extra_query=self._extra_query,
            extra_body=self._extra_body,
        )


class _Walk:
    """The bookkeeping of one walk through the pages: where it is, what it has seen."""

    __slots__ = ("fetched", "items", "numbers", "operation_id", "pages", "start")

    def __init__(self, operation_id: str, *, start: object) -> None:
        if isinstance(start, bool) or not isinstance(start, int) or start < 1:
            raise ArgumentValueError(
                f"page must be a positive integer, got {start!r:.60}", argument="page"
            )
        self.operation_id = operation_id
        self.start = start
        self.fetched = 0
        self.items = 0
        self.numbers: set[int] = set()
        self.pages: set[int] = set()

    def repeats(self, number: int, results: Sequence[Any], raw: RawResponse[Any]) -> bool:
        """Whether this page is one already seen (then the walk ends here, with a warning)."""
        self.fetched += 1
        self.numbers.add(number)
        if not results:
            return False
        ids = [getattr(item, "id", None) for item in results]
        if all(i is not None and not isinstance(i, Unset) for i in ids):
            fingerprint = hash(tuple(ids))
        else:
            fingerprint = hash(raw.http_response.content)
        if fingerprint in self.pages:
            logger.warning(
                "%s: page %d repeats a page already seen; stopping the iteration there",
                self.operation_id,
                number,
            )
            return True
        self.pages.add(fingerprint)
        return False

    def following(self, number: int, page: Any, results: Sequence[Any]) -> int | None:
        """The number of the page after ``number``, or None when this one is the last."""
        self.items += len(results)
        if not results:
            return None
        following = number + 1
        link = _field(page, "next")
        info = _field(page, "page_info")
        if not _absent(info):
            current = _int(_field(info, "current_page"), number)
            if current >= _int(_field(info, "total_pages"), current + 1):
                return None
        elif not isinstance(link, Unset):
            # The guide's envelope: `next` is null on the last page, and `count` is the total.
            if not link:
                return None
            count = _field(page, "count")
            if self.start == 1 and isinstance(count, int) and self.items >= count:
                return None
        if isinstance(link, str) and link:
            following = _page_number(link, following)
        if following in self.numbers:
            logger.warning(
                "%s: the page after page %d is page %d, already fetched; stopping the "
                "iteration there",
                self.operation_id,
                number,
                following,
            )
            return None
        if self.fetched >= MAX_PAGES:
            logger.warning(
                "%s: stopped after %d pages (MAX_PAGES) without reaching the end",
                self.operation_id,
                self.fetched,
            )
            return None
        return following


def _field(model: object, name: str) -> Any:
    """A field of a generated model (``UNSET`` when it has none): its attribute, or that with
    the generator's ``_`` (``next`` is ``next_``), or one of its ``additional_properties`` (a
    field its schema does not declare)."""
    for attribute in (name, f"{name}_"):
        if hasattr(model, attribute):
            return getattr(model, attribute)
    extra = getattr(model, "additional_properties", None)
    if isinstance(extra, Mapping) and name in extra:
        return extra[name]
    return UNSET


def _absent(value: object) -> bool:
    return value is None or isinstance(value, Unset)


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _page_number(link: str, default: int) -> int:
    """The ``page`` query parameter of a ``next`` link (``default`` when it has none)."""
    try:
        values = parse_qs(urlsplit(link).query).get("page", [])
        number = int(values[-1]) if values else default
    except ValueError:
        return default
    return number if number >= 1 else default


def _results(page: object) -> Sequence[Any]:
    results = _field(page, "results")
    if isinstance(results, Sequence) and not isinstance(results, str | bytes):
        return results
    return ()


def _start(work: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
    """Run ``work`` in a task; an error nobody waits for is not reported."""
    import asyncio  # only a prefetching walk needs it (import time)

    task = asyncio.ensure_future(work)
    task.add_done_callback(_quiet)
    return task


def _quiet(task: asyncio.Task[Any]) -> None:
    # A cancelled prefetch, or one whose page nobody asked for: its error is not the caller's.
    if not task.cancelled():
        task.exception()
