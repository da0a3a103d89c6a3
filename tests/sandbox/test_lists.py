"""Lists: invoice filters, the two documented page envelopes, archived customers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from thredfi_client.testing import Sandbox

from .helpers import (
    bearer,
    create_customer,
    customers_path,
    field_errors,
    invoice_path,
    invoices_path,
    new_invoice,
    pay,
)


@pytest.fixture
async def book(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> dict[str, Any]:
    """Four invoices of two customers, in four states."""
    bid = sandbox.business_id
    ada = await new_invoice(
        http, token, bid, external_id="a", memo="Consulting, March",
        sent_at="2030-03-01T09:00:00Z", line_items=[{"quantity": 1, "unit_price": 1000}],
    )  # fmt: skip
    paid = await new_invoice(
        http, token, bid, external_id="b", sent_at="2030-03-15T23:30:00Z",
        line_items=[{"quantity": 1, "unit_price": 5000}],
    )  # fmt: skip
    await pay(http, token, paid, 5000)
    bob = (await create_customer(http, token, bid, company_name="Babbage & Co")).json()
    theirs = await new_invoice(
        http, token, bid, external_id="c", customer_id=bob["id"], memo="Engines",
        sent_at="2030-04-01T00:00:00Z", line_items=[{"quantity": 3, "unit_price": 3000}],
    )  # fmt: skip
    cancelled = await new_invoice(http, token, bid, external_id="d", customer_id=bob["id"])
    void = f"{invoice_path(bid, cancelled['id'])}void/"
    assert (await http.post(void, headers=bearer(token))).status_code == 200
    await new_invoice(http, token, sandbox.add_business())  # another business: never listed
    return {"ada": ada, "paid": paid, "theirs": theirs, "cancelled": cancelled, "bob": bob}


async def test_invoice_filters(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, book: dict[str, Any]
) -> None:
    async def listed(**params: Any) -> list[str]:
        response = await http.get(
            invoices_path(sandbox.business_id), params=params, headers=bearer(token)
        )
        assert response.status_code == 200, response.text
        return [i["external_id"] for i in response.json()["results"]]

    ada_id, bob_id = book["ada"]["customer"]["id"], book["bob"]["id"]
    assert await listed() == ["a", "b", "c", "d"]
    assert await listed(status="sent,paid") == ["a", "b", "c"]
    assert await listed(status="paid") == ["b"]
    assert await listed(status="cancelled") == ["d"]
    assert await listed(customer_id=bob_id) == ["c", "d"]
    assert await listed(customer_id=f"{bob_id},{ada_id}") == ["a", "b", "c", "d"]
    assert await listed(customer_external_id="cust-1") == ["a", "b"]
    assert await listed(min_amount=5000) == ["b", "c"]
    assert await listed(min_amount=1000, max_amount=5000) == ["a", "b", "d"]
    assert await listed(sent_at_start="2030-03-15", sent_at_end="2030-03-31") == ["b"]
    assert await listed(due_at_start="2030-04-01T00:00:00Z", due_at_end="2030-04-30T00:00:00Z") == [
        "b"
    ]
    assert await listed(memo_contains="consulting") == ["a"]
    assert await listed(search="babbage") == ["c", "d"]
    assert await listed(search=book["paid"]["invoice_number"]) == ["b"]
    assert await listed(status="paid", search="nobody") == []


async def test_bad_filters_are_all_named(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    params = {
        "status": "sent,PAID",
        "customer_id": "not-a-uuid",
        "sent_at_start": "2030-13-01",
        "due_at_end": "soon",
        "min_amount": "1.5",
        "page": "0",
    }
    response = await http.get(
        invoices_path(sandbox.business_id), params=params, headers=bearer(token)
    )
    errors = field_errors(response)
    assert sorted(errors) == ["customer_id", "due_at_end", "min_amount", "sent_at_start", "status"]
    assert errors["status"] == [
        "'PAID' is not a valid choice: draft, sent, paid, partially_paid, overdue, cancelled, "
        "refunded."
    ]


async def test_pages_in_the_page_info_envelope(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    for n in range(5):
        await new_invoice(http, token, sandbox.business_id, external_id=f"i{n}")
    url = invoices_path(sandbox.business_id)
    second = (await http.get(url, params={"page": 2, "page_size": 2}, headers=bearer(token))).json()
    assert second["count"] == 5
    assert second["page_info"] == {
        "total_count": 5,
        "current_page": 2,
        "total_pages": 3,
        "page_size": 2,
    }
    assert [i["external_id"] for i in second["results"]] == ["i2", "i3"]
    assert "next" not in second


async def test_pages_in_the_links_envelope(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    sandbox.page_envelope = "links"
    for n in range(5):
        await new_invoice(http, token, sandbox.business_id, external_id=f"i{n}")
    url = invoices_path(sandbox.business_id)
    params: dict[str, Any] = {"status": "sent", "page_size": 2}

    async def page(number: int) -> dict[str, Any]:
        response = await http.get(url, params={**params, "page": number}, headers=bearer(token))
        body: dict[str, Any] = response.json()
        return body

    first, middle, last = await page(1), await page(2), await page(3)
    assert set(first) == {"count", "next", "previous", "results"}
    assert (first["count"], first["previous"]) == (5, None)
    following = httpx.URL(first["next"])
    assert following.path == url
    assert dict(following.params) == {"status": "sent", "page": "2", "page_size": "2"}
    assert httpx.URL(middle["previous"]).params["page"] == "1"
    assert httpx.URL(middle["next"]).params["page"] == "3"
    assert last["next"] is None
    assert [i["external_id"] for i in last["results"]] == ["i4"]
    customers = (await http.get(customers_path(sandbox.business_id), headers=bearer(token))).json()
    assert set(customers) == {"count", "next", "previous", "results"}


def test_the_page_envelope_setting_is_checked() -> None:
    with pytest.raises(ValueError, match="page_envelope must be 'page_info' or 'links'"):
        Sandbox(page_envelope="cursor")  # type: ignore[arg-type]


async def test_archived_customers_are_listed_only_when_asked(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    kept = (await create_customer(http, token, sandbox.business_id, external_id="k")).json()
    gone = (await create_customer(http, token, sandbox.business_id, external_id="g")).json()
    archive = f"{customers_path(sandbox.business_id)}{gone['id']}/archive/"
    assert (await http.post(archive, headers=bearer(token))).status_code == 200
    url = customers_path(sandbox.business_id)

    async def listed(**params: Any) -> list[str]:
        response = await http.get(url, params=params, headers=bearer(token))
        return [c["id"] for c in response.json()["results"]]

    assert await listed() == [kept["id"]]
    assert await listed(include_archived="false") == [kept["id"]]
    assert await listed(include_archived="true") == [kept["id"], gone["id"]]
    bad = await http.get(url, params={"include_archived": "maybe"}, headers=bearer(token))
    assert field_errors(bad) == {"include_archived": ["Must be a valid boolean."]}


async def test_invoices_added_directly_are_listed_as_created_ones(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    first = sandbox.add_invoice(external_id="seed-1", memo="seeded")
    second = sandbox.add_invoice(line_items=[{"quantity": 3, "unit_price": 100}])
    assert (first["total_amount"], second["total_amount"]) == (10000, 300)
    assert first["customer"]["external_id"] == "cust-1"
    response = await http.get(invoices_path(sandbox.business_id), headers=bearer(token))
    assert [i["id"] for i in response.json()["results"]] == [first["id"], second["id"]]
    assert sandbox.invoices[first["id"]]["memo"] == "seeded"
    with pytest.raises(ValueError, match="line_items"):
        sandbox.add_invoice(line_items=[])
    with pytest.raises(ValueError, match="external_id 'seed-1' is taken"):
        sandbox.add_invoice(external_id="seed-1")
    with pytest.raises(ValueError, match="no customer"):
        sandbox.add_invoice(customer_id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(KeyError, match="unknown business"):
        sandbox.add_invoice(business_id="00000000-0000-4000-8000-000000000000")


@pytest.mark.parametrize(
    ("params", "refused"),
    [
        ({"page": "²"}, ["page"]),  # a digit to str.isdigit, not to int(): was a 500
        ({"min_amount": "١٢"}, ["min_amount"]),  # Arabic-Indic digits: int() reads them
        ({"sent_at_start": ""}, ["sent_at_start"]),  # empty is no date
        ({"due_at_end": ""}, ["due_at_end"]),
        ({"page_size": ""}, ["page_size"]),
        ({"customer_id": "", "status": "", "search": ""}, []),  # empty lists and text: no filter
    ],
)
async def test_empty_and_odd_filter_values(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    token: str,
    params: dict[str, str],
    refused: list[str],
) -> None:
    await new_invoice(http, token, sandbox.business_id)
    response = await http.get(
        invoices_path(sandbox.business_id), params=params, headers=bearer(token)
    )
    if refused:
        assert list(field_errors(response)) == refused
    else:
        assert response.status_code == 200
        assert response.json()["count"] == 1
