"""Auto-pagination (``thredfi_client._pagination``) against scripted page servers.

Each test serves pages from a handler (``httpx.MockTransport``) behind a real ``ThredfiClient``,
so every page goes through auth, retries and error mapping, and counts what was requested.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from thredfi_client import (
    ArgumentTypeError,
    ArgumentValueError,
    AsyncPager,
    InternalServerError,
    ThredfiClient,
)
from thredfi_client import _pagination as pagination
from thredfi_client._operation import Unset
from thredfi_client.models import Invoice, PaginatedInvoiceList

from ..support import API_KEY, BASE_URL, BUSINESS_ID, PARTNER_ID, record_for_leak_scan

FIXTURES = Path(__file__).parents[1] / "fixtures" / "seed_examples"
INVOICE: dict[str, Any] = json.loads((FIXTURES / "create_invoice_201.json").read_text())

Handler = Callable[[httpx.Request], httpx.Response]


def invoice(number: int) -> dict[str, Any]:
    return {**INVOICE, "id": str(uuid.UUID(int=number + 1)), "invoice_number": f"INV-{number}"}


def page_info_envelope(total: int) -> Handler:
    """The reference pages' envelope: {count, page_info, results}."""

    def handler(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["page_size"])
        numbers = range((page - 1) * size, min(page * size, total))
        info = {
            "total_count": total,
            "current_page": page,
            "total_pages": max(1, -(-total // size)),
            "page_size": size,
        }
        body = {"count": total, "page_info": info, "results": [invoice(n) for n in numbers]}
        return httpx.Response(200, json=body)

    return handler


def links_envelope(total: int, *, next_url: Callable[[int], str] | None = None) -> Handler:
    """The pagination guide's envelope: {count, next, previous, results}."""

    def handler(request: httpx.Request) -> httpx.Response:
        page, size = int(request.url.params["page"]), int(request.url.params["page_size"])
        numbers = range((page - 1) * size, min(page * size, total))
        last = page * size >= total
        link = (next_url or (lambda p: f"{BASE_URL}/whatever/?page={p}&page_size={size}"))(page + 1)
        body = {
            "count": total,
            "next": None if last else link,
            "previous": None if page == 1 else f"{BASE_URL}/whatever/?page={page - 1}",
            "results": [invoice(n) for n in numbers],
        }
        return httpx.Response(200, json=body)

    return handler


class PageServer:
    """A transport answering the token endpoint and, for the rest, ``handler``; it keeps every
    request it saw."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token/"):
            return httpx.Response(200, json={"access_token": "tok_secret_p", "expires_in": 3600})
        self.requests.append(request)
        answer: Any = self.handler(request)
        if inspect.isawaitable(answer):
            answer = await answer
        assert isinstance(answer, httpx.Response)
        return answer

    @property
    def pages(self) -> list[str]:
        """The query string of every page requested, in order."""
        return [str(r.url.query, "ascii") for r in self.requests]


@pytest.fixture
def serve() -> Callable[[Handler], tuple[ThredfiClient, PageServer]]:
    def build(handler: Handler) -> tuple[ThredfiClient, PageServer]:
        server = PageServer(handler)
        client = ThredfiClient(
            partner_id=PARTNER_ID,
            api_key=API_KEY,
            base_url=BASE_URL,
            transport=httpx.MockTransport(server),
        )
        record_for_leak_scan("client repr", repr(client))
        client.http_client._transport._sleep = lambda _: asyncio.sleep(0)  # type: ignore[attr-defined]
        return client, server

    return build


Serve = Callable[[Handler], tuple[ThredfiClient, PageServer]]


async def test_async_for_yields_every_item_of_ten_pages_in_ten_requests(serve: Serve) -> None:
    client, server = serve(page_info_envelope(1000))
    async with client:
        numbers = [i.invoice_number async for i in client.invoices.list(BUSINESS_ID)]
    assert numbers == [f"INV-{n}" for n in range(1000)]
    assert server.pages == [f"page={p}&page_size=100" for p in range(1, 11)]


async def test_await_is_the_first_page_typed_and_iter_pages_the_pages(serve: Serve) -> None:
    client, server = serve(page_info_envelope(250))
    async with client:
        pager = client.invoices.list(BUSINESS_ID, status=["sent", "overdue"])
        assert isinstance(pager, AsyncPager)
        first = await pager
        assert isinstance(first, PaginatedInvoiceList)
        assert len(first.results) == 100
        assert isinstance(first.results[0], Invoice)
        assert (first.page_info.current_page, first.page_info.total_pages) == (1, 3)  # type: ignore[union-attr]
        assert server.pages == ["page=1&page_size=100&status=sent%2Coverdue"]
        sizes = [len(page.results) async for page in pager.iter_pages()]
        raw = await client.invoices.with_raw_response.list(BUSINESS_ID, page_size=7)
    assert sizes == [100, 100, 50]
    assert raw.status_code == 200
    assert len(raw.parsed.results) == 7
    assert server.pages[-1] == "page=1&page_size=7"
    assert len(server.pages) == 5  # the first page, three pages, one raw page


async def test_the_callers_page_and_page_size_are_kept(serve: Serve) -> None:
    client, server = serve(page_info_envelope(95))
    async with client:
        numbers = [
            i.invoice_number async for i in client.invoices.list(BUSINESS_ID, page=3, page_size=20)
        ]
    assert numbers == [f"INV-{n}" for n in range(40, 95)]
    assert server.pages == ["page=3&page_size=20", "page=4&page_size=20", "page=5&page_size=20"]


async def test_the_links_envelope_ends_where_next_is_null(serve: Serve) -> None:
    client, server = serve(links_envelope(250))
    async with client:
        numbers = [i.invoice_number async for i in client.invoices.list(BUSINESS_ID)]
    assert numbers == [f"INV-{n}" for n in range(250)]
    assert server.pages == [f"page={p}&page_size=100" for p in (1, 2, 3)]


async def test_a_next_link_gives_a_page_number_never_a_url_to_follow(serve: Serve) -> None:
    """Credentials only go where every call goes: a link elsewhere is read for its page."""
    client, server = serve(
        links_envelope(300, next_url=lambda p: f"https://evil.example/steal/?page={p + 1}")
    )
    async with client:
        pages = [len(page.results) async for page in client.invoices.list(BUSINESS_ID).iter_pages()]
    assert {r.url.host for r in server.requests} == {httpx.URL(BASE_URL).host}
    # Page 1 links to "page 3", which is the last (its next is null).
    assert server.pages == ["page=1&page_size=100", "page=3&page_size=100"]
    assert pages == [100, 100]


async def test_the_links_envelope_also_ends_at_count(serve: Serve) -> None:
    def never_null(request: httpx.Request) -> httpx.Response:
        response = links_envelope(150)(request)
        body = json.loads(response.content)
        body["next"] = f"{BASE_URL}/?page={int(request.url.params['page']) + 1}"  # always a link
        return httpx.Response(200, json=body)

    client, server = serve(never_null)
    async with client:
        count = sum([1 async for _ in client.invoices.list(BUSINESS_ID)])
    assert count == 150
    assert len(server.pages) == 2


async def test_a_server_repeating_a_page_cannot_loop_forever(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    """A server that ignores `page` answers page 1 each time and never says it ends."""

    def ignores_page(request: httpx.Request) -> httpx.Response:
        body = {"count": 10**6, "results": [invoice(n) for n in range(100)], "next": "?page=2"}
        return httpx.Response(200, json=body)

    client, server = serve(ignores_page)
    with caplog.at_level(logging.WARNING, logger="thredfi_client"):
        async with client:
            count = sum([1 async for _ in client.invoices.list(BUSINESS_ID)])
    assert count == 100  # the repeat is not yielded again
    assert len(server.pages) == 2
    assert "page 2 repeats a page already seen" in caplog.text


def test_a_page_of_items_without_ids_that_repeats_is_caught_by_its_body() -> None:
    def raw(content: bytes) -> Any:
        return SimpleNamespace(http_response=SimpleNamespace(content=content))

    walk = pagination._Walk("list_things", start=1)
    items = [SimpleNamespace(name="a"), SimpleNamespace(name="b")]
    assert not walk.repeats(1, items, raw(b'{"results": ["a", "b"]}'))
    assert not walk.repeats(2, items, raw(b'{"results": ["c", "d"]}'))  # other body: new
    assert walk.repeats(3, items, raw(b'{"results": ["a", "b"]}'))


async def test_a_link_back_to_a_page_already_fetched_ends_the_walk(serve: Serve) -> None:
    def loops_back(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        body = {"count": 10**6, "results": [invoice(page)], "next": f"?page={page % 2 + 1}"}
        return httpx.Response(200, json=body)

    client, server = serve(loops_back)
    async with client:
        count = sum([1 async for _ in client.invoices.list(BUSINESS_ID)])
    assert (count, server.pages) == (2, ["page=1&page_size=100", "page=2&page_size=100"])


async def test_without_any_end_marker_an_empty_page_ends_the_walk(serve: Serve) -> None:
    def bare(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(
            200, json={"count": 0, "results": [invoice(page)] if page < 4 else []}
        )

    client, server = serve(bare)
    async with client:
        pages = [len(p.results) async for p in client.invoices.list(BUSINESS_ID).iter_pages()]
    assert pages == [1, 1, 1, 0]
    assert len(server.pages) == 4


async def test_a_server_with_endless_new_pages_is_stopped_at_max_pages(
    serve: Serve, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(pagination, "MAX_PAGES", 7)

    def endless(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(200, json={"count": 0, "results": [invoice(page)]})

    client, server = serve(endless)
    with caplog.at_level(logging.WARNING, logger="thredfi_client"):
        async with client:
            count = sum([1 async for _ in client.invoices.list(BUSINESS_ID)])
    assert (count, len(server.pages)) == (7, 7)
    assert "stopped after 7 pages (MAX_PAGES)" in caplog.text


async def test_every_page_is_retried_and_its_errors_are_typed(serve: Serve) -> None:
    attempts: dict[int, int] = {}
    inner = page_info_envelope(300)

    def flaky(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        attempts[page] = attempts.get(page, 0) + 1
        if page == 2 and attempts[page] == 1:
            return httpx.Response(503)  # retried
        if page == 3:
            return httpx.Response(500, json={"error_code": "boom", "message": "down"})
        return inner(request)

    client, server = serve(flaky)
    seen: list[str] = []

    async def walk() -> None:
        async for item in client.invoices.list(BUSINESS_ID):
            seen.append(item.invoice_number)

    async with client:
        with pytest.raises(InternalServerError) as caught:
            await walk()
    assert len(seen) == 200  # pages 1 and 2 were yielded before page 3 failed
    assert caught.value.error_code == "boom"
    assert attempts == {1: 1, 2: 2, 3: 3}  # page 3: the first try and max_retries=2
    assert all(r.headers["authorization"].startswith("Bearer ") for r in server.requests)


async def test_prefetch_asks_for_the_next_page_before_the_caller_is_done(serve: Serve) -> None:
    client, server = serve(page_info_envelope(300))
    events: list[str] = []
    async with client:
        async for page in client.invoices.list(BUSINESS_ID, prefetch=True).iter_pages():
            await asyncio.sleep(0.01)  # the caller's work on this page
            events.append(f"used page {page.page_info.current_page} after {len(server.pages)}")  # type: ignore[union-attr]
    # While page 1 was being used, page 2 had already been asked for; never beyond the end.
    assert events == ["used page 1 after 2", "used page 2 after 3", "used page 3 after 3"]
    assert server.pages == [f"page={p}&page_size=100" for p in (1, 2, 3)]


async def test_a_walk_left_early_cancels_its_prefetch(serve: Serve) -> None:
    started = asyncio.Event()
    cancelled = asyncio.Event()
    inner = page_info_envelope(1000)

    async def slow_second_page(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            started.set()
            try:
                await asyncio.sleep(30)  # only a cancel ends it early
            except asyncio.CancelledError:
                cancelled.set()
                raise
        return inner(request)

    client, server = serve(slow_second_page)  # type: ignore[arg-type]
    async with client:
        pages = client.invoices.list(BUSINESS_ID, prefetch=True).iter_pages()
        first = await anext(pages)
        await asyncio.wait_for(started.wait(), 5)  # page 2 is in flight
        await pages.aclose()  # type: ignore[attr-defined]
        await asyncio.wait_for(cancelled.wait(), 5)
    assert len(first.results) == 100
    assert len(server.pages) == 2


def test_arguments_of_the_walk_are_checked() -> None:
    client = ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL)
    with pytest.raises(ArgumentTypeError, match="prefetch must be True or False"):
        client.invoices.list(BUSINESS_ID, prefetch="yes")  # type: ignore[arg-type]


async def test_a_page_number_below_one_is_refused_before_a_walk(serve: Serve) -> None:
    client, server = serve(page_info_envelope(10))
    async with client:
        with pytest.raises(ArgumentValueError, match="page must be a positive integer"):
            async for _ in client.invoices.list(BUSINESS_ID, page=0):
                pass
    assert server.pages == []


def test_the_pager_says_what_it_lists() -> None:
    client = ThredfiClient(partner_id=PARTNER_ID, api_key=API_KEY, base_url=BASE_URL)
    assert repr(client.invoices.list(BUSINESS_ID)) == "<AsyncPager list_invoices>"


def test_envelope_fields_are_read_wherever_the_model_keeps_them() -> None:
    """A declared field; the generator's ``next_`` for ``next``; an undeclared field the
    model kept in ``additional_properties`` (a list whose schema lacks the guide's links)."""
    declared = SimpleNamespace(results=[1], next_="?page=2")
    assert pagination._field(declared, "results") == [1]
    assert pagination._field(declared, "next") == "?page=2"
    undeclared = SimpleNamespace(additional_properties={"next": None})
    assert pagination._field(undeclared, "next") is None
    assert isinstance(pagination._field(undeclared, "page_info"), Unset)
    assert pagination._results(SimpleNamespace(results="not a list")) == ()


@pytest.mark.parametrize(
    ("link", "number"),
    [
        ("https://api.thredfi.test/x/?page=7&page_size=100", 7),
        ("?page_size=100", 4),  # no page number: the one after
        ("?page=seven", 4),
        ("?page=0", 4),
        ("?page=2&page=9", 9),
    ],
)
def test_a_next_link_is_read_for_its_page_number(link: str, number: int) -> None:
    assert pagination._page_number(link, 4) == number
