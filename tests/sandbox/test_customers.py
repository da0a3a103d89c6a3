"""Customers: create (validation, idempotency, derived fields), get, list, archive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from thredfi_client.testing import ISO_3166_ALPHA2, Sandbox

from .helpers import bearer, create_customer, customers_path, field_errors

FULL = {
    "external_id": "crm-42",
    "reference_number": "REF-42",
    "individual_name": "Grace Hopper",
    "company_name": "Hopper Ltd",
    "email": "grace@hopper.example",
    "mobile_phone": "+44 7700 900000",
    "office_phone": "+44 20 7946 0000",
    "address_line1": "1 High Street",
    "address_line2": "Suite 2",
    "city": "London",
    "state_county": "Greater London",
    "postal_code": "SW1A 1AA",
    "country": "GB",
    "vat_number": "GB123456789",
    "tax_exempt": True,
    "status": "active",
    "transaction_tags": ["vip", 7],
    "notes": "Pays early",
    "metadata": {"crm": {"id": 42}},
    "payment_terms_days": 30,
    "credit_limit_cents": 100000,
}
CUSTOMER_FIELDS = {
    "type",
    "id",
    "external_id",
    "reference_number",
    "individual_name",
    "company_name",
    "display_name",
    "email",
    "mobile_phone",
    "office_phone",
    "address_line1",
    "address_line2",
    "city",
    "state_county",
    "postal_code",
    "country",
    "full_address",
    "address_string",
    "vat_number",
    "tax_exempt",
    "status",
    "is_active",
    "is_archived",
    "transaction_tags",
    "notes",
    "metadata",
    "payment_terms_days",
    "credit_limit",
    "credit_limit_cents",
    "outstanding_balance",
    "documents",
    "created_at",
    "updated_at",
    "archived_at",
}


async def test_create_full_customer(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> None:
    response = await http.post(
        customers_path(sandbox.business_id), json=FULL, headers=bearer(token)
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == CUSTOMER_FIELDS
    assert body["type"] == "CustomerData"
    for name, value in FULL.items():
        if name != "status":
            assert body[name] == value, name
    assert body["status"] == "ACTIVE"
    assert (body["is_active"], body["is_archived"], body["archived_at"]) == (True, False, None)
    assert body["display_name"] == "Hopper Ltd"
    assert body["full_address"] == ("1 High Street\nSuite 2\nLondon\nGreater London\nSW1A 1AA\nGB")
    assert body["address_string"] == (
        "1 High Street, Suite 2, London, Greater London, SW1A 1AA, GB"
    )
    assert body["credit_limit"] == 100000
    assert body["outstanding_balance"] == 0
    assert body["documents"] == []
    assert body["created_at"] == body["updated_at"]
    assert body["created_at"].endswith("Z")
    assert sandbox.customers[body["id"]] == body


async def test_minimal_customer_has_nulls(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    response = await create_customer(http, token, sandbox.business_id)
    body = response.json()
    assert response.status_code == 201
    assert set(body) == CUSTOMER_FIELDS
    assert body["display_name"] == "Ada Lovelace"
    assert body["company_name"] is None
    assert body["email"] is None
    assert body["full_address"] == ""
    assert body["address_string"] == ""
    assert body["external_id"] is None
    assert body["tax_exempt"] is False
    assert body["transaction_tags"] == []


async def test_display_name_falls_back_to_individual_name_and_company_alone(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    company = await http.post(
        customers_path(sandbox.business_id), json={"company_name": "Acme"}, headers=bearer(token)
    )
    assert company.status_code == 201
    assert company.json()["display_name"] == "Acme"
    assert company.json()["individual_name"] is None


async def test_external_id_is_idempotent(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    first = await create_customer(http, token, sandbox.business_id, external_id="ext-1")
    again = await create_customer(
        http, token, sandbox.business_id, external_id="ext-1", individual_name="Someone Else"
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert len(sandbox.customers) == 1


async def test_external_id_scoped_per_business(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    second = sandbox.add_business()
    a = await create_customer(http, token, sandbox.business_id, external_id="same")
    b = await create_customer(http, token, second, external_id="same")
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["id"] != b.json()["id"]


async def test_without_external_id_no_dedupe(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    for _ in range(2):
        assert (await create_customer(http, token, sandbox.business_id)).status_code == 201
    assert len(sandbox.customers) == 2


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"individual_name": None}, {"individual_name", "company_name"}),
        ({"individual_name": "   "}, {"individual_name", "company_name"}),
        ({"email": "not-an-email"}, {"email"}),
        ({"email": "a@b"}, {"email"}),
        ({"credit_limit_cents": -1}, {"credit_limit_cents"}),
        ({"credit_limit_cents": "100"}, {"credit_limit_cents"}),
        ({"credit_limit_cents": True}, {"credit_limit_cents"}),
        ({"payment_terms_days": -30}, {"payment_terms_days"}),
        ({"country": "UK"}, {"country"}),
        ({"country": "GBR"}, {"country"}),
        ({"vat_number": "GB12345678"}, {"vat_number"}),
        ({"vat_number": "123456789"}, {"vat_number"}),
        ({"vat_number": "DE12345678"}, {"vat_number"}),
        ({"vat_number": "FR123456789"}, {"vat_number"}),
        ({"vat_number": "IE12345"}, {"vat_number"}),
        ({"vat_number": "QQ123456"}, {"vat_number"}),
        ({"vat_number": "US1"}, {"vat_number"}),
        ({"status": "ACTIVE"}, {"status"}),
        ({"status": "deleted"}, {"status"}),
        ({"tax_exempt": "yes"}, {"tax_exempt"}),
        ({"transaction_tags": "vip"}, {"transaction_tags"}),
        ({"email": 5}, {"email"}),
        ({"document": {"document_type": "x"}}, {"document.file"}),
    ],
)
async def test_validation_errors(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, fields: dict[str, Any], bad: set[str]
) -> None:
    response = await create_customer(http, token, sandbox.business_id, **fields)
    assert set(field_errors(response)) == bad
    assert response.json()["request_id"] == response.headers["x-request-id"]
    assert sandbox.customers == {}


async def test_every_bad_field_reported_at_once(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    response = await http.post(
        customers_path(sandbox.business_id),
        headers=bearer(token),
        json={
            "email": "nope",
            "credit_limit_cents": -5,
            "country": "ZZ",
            "vat_number": "GB1",
            "status": "gone",
        },
    )
    assert set(field_errors(response)) == {
        "individual_name",
        "company_name",
        "email",
        "credit_limit_cents",
        "country",
        "vat_number",
        "status",
    }
    assert all(isinstance(m, str) for ms in field_errors(response).values() for m in ms)


@pytest.mark.parametrize(
    "vat",
    [
        "GB123456789",
        "GB123456789012",
        "GBGD001",
        "GBHA599",
        "GB 123 4567 89",
        "XI123456789",
        "DE123456789",
        "FRAB123456789",
        "FR12123456789",
        "IE1234567T",
        "IE1234567WA",
        "IE1A23456T",
        "NL123456789B01",
        "ATU12345678",
        "EL123456789",
        "US12345",
        "CH123456789MWST",
    ],
)
async def test_valid_vat_numbers(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, vat: str
) -> None:
    response = await create_customer(http, token, sandbox.business_id, vat_number=vat)
    assert response.status_code == 201, response.text
    assert response.json()["vat_number"] == vat


async def test_country_is_upper_cased_and_the_code_list_is_complete(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    assert len(ISO_3166_ALPHA2) == 249
    assert {"GB", "IE", "DE", "FR", "US", "AX", "SS"} <= ISO_3166_ALPHA2
    assert "UK" not in ISO_3166_ALPHA2
    response = await create_customer(http, token, sandbox.business_id, country="ie")
    assert response.json()["country"] == "IE"


async def test_unknown_fields_are_ignored(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    response = await create_customer(
        http,
        token,
        sandbox.business_id,
        favourite_colour="teal",
        id="00000000-0000-4000-8000-000000000000",
        display_name="Ignored",
    )
    assert response.status_code == 201
    assert "favourite_colour" not in response.json()
    assert response.json()["id"] != "00000000-0000-4000-8000-000000000000"
    assert response.json()["display_name"] == "Ada Lovelace"


@pytest.mark.parametrize("body", [b"[1, 2]", b"{broken", b""])
async def test_body_must_be_a_json_object(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, body: bytes
) -> None:
    response = await http.post(
        customers_path(sandbox.business_id),
        content=body,
        headers={**bearer(token), "Content-Type": "application/json"},
    )
    assert set(field_errors(response)) == {"non_field_errors"}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("archived", ("ARCHIVED", False, True, True)),
        ("suspended", ("SUSPENDED", False, False, False)),
        ("active", ("ACTIVE", True, False, False)),
    ],
)
async def test_initial_status(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    token: str,
    status: str,
    expected: tuple[str, bool, bool, bool],
) -> None:
    body = (await create_customer(http, token, sandbox.business_id, status=status)).json()
    got = (body["status"], body["is_active"], body["is_archived"], body["archived_at"] is not None)
    assert got == expected
    if status == "archived":
        assert body["archived_at"] == body["created_at"]


async def test_get_customer(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> None:
    created = (await create_customer(http, token, sandbox.business_id, **FULL)).json()
    response = await http.get(
        f"{customers_path(sandbox.business_id)}{created['id']}/", headers=bearer(token)
    )
    assert response.status_code == 200
    assert response.json() == created


async def test_get_customer_uppercase_uuid(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    created = (await create_customer(http, token, sandbox.business_id)).json()
    path = f"{customers_path(sandbox.business_id.upper())}{created['id'].upper()}/"
    response = await http.get(path, headers=bearer(token))
    assert response.status_code == 200
    assert response.json()["id"] == created["id"]


async def test_get_unknown_or_foreign_customer_404(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    second = sandbox.add_business()
    foreign = (await create_customer(http, token, second)).json()["id"]
    for customer_id in (foreign, "00000000-0000-4000-8000-000000000000", "not-a-uuid"):
        response = await http.get(
            f"{customers_path(sandbox.business_id)}{customer_id}/", headers=bearer(token)
        )
        assert response.status_code == 404, customer_id
        assert response.json()["error_code"] == "customer_not_found"
        assert response.json()["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize("business_id", ["00000000-0000-4000-8000-000000000000", "nope"])
async def test_unknown_business_404(http: httpx.AsyncClient, token: str, business_id: str) -> None:
    for response in (
        await http.get(
            f"{customers_path(business_id)}00000000-0000-4000-8000-000000000001/",
            headers=bearer(token),
        ),
        await create_customer(http, token, business_id),
    ):
        assert response.status_code == 404
        assert response.json()["error_code"] == "business_not_found"


async def test_archive_customer(http: httpx.AsyncClient, sandbox: Sandbox, token: str) -> None:
    created = (await create_customer(http, token, sandbox.business_id)).json()
    sandbox.advance_clock(10)
    path = f"{customers_path(sandbox.business_id)}{created['id']}/archive/"
    response = await http.post(path, headers=bearer(token))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["is_archived"], body["is_active"]) == ("ARCHIVED", True, False)
    assert body["archived_at"] is not None
    assert body["archived_at"] == body["updated_at"] != body["created_at"]
    fetched = await http.get(
        f"{customers_path(sandbox.business_id)}{created['id']}/", headers=bearer(token)
    )
    assert fetched.json() == body


async def test_archive_twice_is_idempotent(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    created = (await create_customer(http, token, sandbox.business_id)).json()
    path = f"{customers_path(sandbox.business_id)}{created['id']}/archive/"
    first = await http.post(path, headers=bearer(token))
    sandbox.advance_clock(60)
    second = await http.post(path, headers=bearer(token))
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json() == first.json()


async def test_archive_ignores_a_body(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    created = (await create_customer(http, token, sandbox.business_id)).json()
    path = f"{customers_path(sandbox.business_id)}{created['id']}/archive/"
    response = await http.post(path, headers=bearer(token), json={"individual_name": "X"})
    assert response.status_code == 200
    assert response.json()["individual_name"] == "Ada Lovelace"


async def test_archive_unknown_customer_404(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    path = f"{customers_path(sandbox.business_id)}00000000-0000-4000-8000-000000000000/archive/"
    response = await http.post(path, headers=bearer(token))
    assert (response.status_code, response.json()["error_code"]) == (404, "customer_not_found")


async def test_list_customers_paginated(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    for i in range(25):
        await create_customer(http, token, sandbox.business_id, external_id=f"c{i}")
    await create_customer(http, token, sandbox.add_business())
    page1 = (await http.get(customers_path(sandbox.business_id), headers=bearer(token))).json()
    assert page1["count"] == 25
    assert page1["page_info"] == {
        "total_count": 25,
        "current_page": 1,
        "total_pages": 2,
        "page_size": 20,
    }
    assert [c["external_id"] for c in page1["results"]] == [f"c{i}" for i in range(20)]
    assert "documents" not in page1["results"][0]
    page2 = (
        await http.get(
            customers_path(sandbox.business_id),
            headers=bearer(token),
            params={"page": 2, "page_size": 20},
        )
    ).json()
    assert [c["external_id"] for c in page2["results"]] == [f"c{i}" for i in range(20, 25)]
    big = (
        await http.get(
            customers_path(sandbox.business_id), headers=bearer(token), params={"page_size": 500}
        )
    ).json()
    assert big["page_info"]["page_size"] == 100
    assert len(big["results"]) == 25
    beyond = (
        await http.get(
            customers_path(sandbox.business_id), headers=bearer(token), params={"page": 9}
        )
    ).json()
    assert beyond["results"] == []


async def test_list_items_match_the_customer_schema(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    await create_customer(http, token, sandbox.business_id, **FULL)
    page = (await http.get(customers_path(sandbox.business_id), headers=bearer(token))).json()
    assert set(page["results"][0]) == CUSTOMER_FIELDS - {"documents"}


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "x"}, {"page_size": "0"}])
async def test_list_bad_paging_400(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, params: dict[str, str]
) -> None:
    response = await http.get(
        customers_path(sandbox.business_id), headers=bearer(token), params=params
    )
    assert set(field_errors(response)) == set(params)


async def test_customers_view_is_a_copy(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str, make_sandbox: Callable[..., Sandbox]
) -> None:
    created = (await create_customer(http, token, sandbox.business_id, metadata={"a": 1})).json()
    view = sandbox.customers
    view[created["id"]]["metadata"]["a"] = 2
    assert sandbox.customers[created["id"]]["metadata"] == {"a": 1}
    sandbox.reset()
    assert sandbox.customers == {}


async def test_add_customer_seeds_one_without_a_request(
    http: httpx.AsyncClient, sandbox: Sandbox, token: str
) -> None:
    before = sandbox.request_count()
    default = sandbox.add_customer()
    acme = sandbox.add_customer(company_name="Acme Ltd", external_id="crm-1", country="gb")
    assert default["display_name"] == "Ada Lovelace"
    assert (acme["display_name"], acme["country"]) == ("Acme Ltd", "GB")
    assert sandbox.request_count() == before
    fetched = await http.get(
        f"{customers_path(sandbox.business_id)}{acme['id']}/", headers=bearer(token)
    )
    assert fetched.json() == acme
    replay = await create_customer(http, token, sandbox.business_id, external_id="crm-1")
    assert (replay.status_code, replay.json()["id"]) == (200, acme["id"])
    other = sandbox.add_business()
    assert sandbox.add_customer(business_id=other)["id"] in sandbox.customers
    with pytest.raises(ValueError, match="country"):
        sandbox.add_customer(individual_name="X", country="ZZ")
    with pytest.raises(KeyError):
        sandbox.add_customer(business_id="00000000-0000-4000-8000-000000000000")
