"""Dynamic mode: random, schema-valid responses from Prism (``-d``) all parse through the SDK.

For every operation, at least ``RESPONSES_PER_OPERATION`` calls go through one ``ThredfiClient``
(auth included, so token responses are random too). ``Prefer: code=<status>`` asks Prism for the
operation's success statuses in turn; without it Prism may answer with any documented status.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import os
import time
from collections import Counter

import httpx
import pytest

from thredfi_client import APIResponseValidationError, ThredfiError
from thredfi_client._generated import OPERATION_NAMES, OPERATIONS, Resources

from .conftest import PrismServer
from .sdk_calls import call, make_client, recorded, sdk_arguments, token_http
from .spec_examples import spec_operations

pytestmark = pytest.mark.contract

RESPONSES_PER_OPERATION = int(os.environ.get("THREDFI_CONTRACT_RESPONSES", "200"))
CONCURRENCY = 8
#: Wall-clock bound per operation; Prism answers a call in a few milliseconds.
TIME_BOX = 90.0

OPERATION_IDS = [operation.operation_id for operation in OPERATIONS]
_wanted_status: contextvars.ContextVar[int] = contextvars.ContextVar("wanted_status")


async def _prefer_success(request: httpx.Request) -> None:
    # Token requests made by the auth flow only have a 200; the operation's own request asks for
    # the status its calling task chose.
    if request.url.path.endswith("/oauth2/token/"):
        request.headers["Prefer"] = "code=200"
    else:
        request.headers["Prefer"] = f"code={_wanted_status.get()}"


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
async def test_random_success_responses_parse(
    prism_dynamic: PrismServer, operation_id: str
) -> None:
    operation = next(op for op in OPERATIONS if op.operation_id == operation_id)
    statuses = sorted(operation.success_statuses)
    arguments = sdk_arguments(spec_operations()[operation_id])
    parsed: Counter[int] = Counter()
    failures: list[str] = []
    semaphore = asyncio.Semaphore(CONCURRENCY)
    deadline = time.monotonic() + TIME_BOX

    async with make_client(prism_dynamic.base_url) as client:
        client.http_client.event_hooks["request"].append(_prefer_success)
        token_http(client).event_hooks["request"].append(_prefer_success)
        recorder = recorded(client)

        async def one(index: int) -> None:
            status = statuses[index % len(statuses)]
            _wanted_status.set(status)
            async with semaphore:
                if time.monotonic() > deadline:
                    return
                try:
                    raw = await call(client, operation_id, arguments, raw=True)
                except APIResponseValidationError as exc:
                    failures.append(f"{exc}\n    body: {exc.body[:600]}")
                    return
                except ThredfiError as exc:
                    failures.append(repr(exc))
                    return
            assert raw.status_code == status
            parsed[status] += 1

        async with asyncio.timeout(TIME_BOX + 30):
            await asyncio.gather(*(one(i) for i in range(RESPONSES_PER_OPERATION)))

    assert not failures, (
        f"{len(failures)} of {RESPONSES_PER_OPERATION} schema-valid responses to {operation_id} "
        f"did not parse; first ones:\n" + "\n".join(failures[:5])
    )
    assert sum(parsed.values()) >= RESPONSES_PER_OPERATION, (
        f"only {sum(parsed.values())} responses parsed within {TIME_BOX:g}s: {dict(parsed)}"
    )
    assert set(parsed) == set(statuses)
    assert not [e for e in recorder.exchanges if e.violations and "request" in e.violations]


def _pages(operation_id: str) -> bool:
    """Whether the operation's method returns a pager (a list operation) rather than a call."""
    resource, method = OPERATION_NAMES[operation_id]
    resource_class = Resources.__annotations__[resource]
    return not inspect.iscoroutinefunction(getattr(resource_class, method))


PAGED_OPERATION_IDS = [o for o in OPERATION_IDS if _pages(o)]


def test_every_list_of_the_contract_pages() -> None:
    assert sorted(PAGED_OPERATION_IDS) == sorted([
        "list_businesses",
        "list_customer_credits",
        "list_customers",
        "list_invoice_payments",
        "list_invoices",
        "list_refund_payments",
        "list_refunds",
        # issue 22: payables, the ledger, banking
        "list_bank_accounts",
        "list_bank_transactions",
        "list_bill_payments",
        "list_bills",
        "list_chart_of_accounts",
        "list_journal_entries",
        "list_vendor_credits",
        "list_vendor_refund_payments",
        "list_vendor_refunds",
        "list_vendors",
    ])  # fmt: skip


@pytest.mark.parametrize("operation_id", PAGED_OPERATION_IDS)
async def test_random_pages_are_walked_without_error(
    prism_dynamic: PrismServer, operation_id: str
) -> None:
    """Random envelopes (page_info, next/previous links, counts) never break a walk: each page
    parses, and the walk stops by itself (here after at most MAX_WALKED pages)."""
    resource, method = OPERATION_NAMES[operation_id]
    arguments = sdk_arguments(spec_operations()[operation_id])
    walked = 0
    async with make_client(prism_dynamic.base_url) as client:
        client.http_client.event_hooks["request"].append(_prefer_ok)
        recorder = recorded(client)
        for _ in range(WALKS):
            pager = getattr(getattr(client, resource), method)(**arguments)
            async for page in pager.iter_pages():
                walked += 1
                assert isinstance(page.results, list)
                if walked % MAX_WALKED == 0:
                    break
    assert walked >= WALKS
    assert not [e for e in recorder.exchanges if e.violations and "request" in e.violations]


#: Walks per list operation, and pages taken from each at most.
WALKS = 10
MAX_WALKED = 5


async def _prefer_ok(request: httpx.Request) -> None:
    request.headers["Prefer"] = "code=200"
