"""The sandbox's request handling follows openapi/thredfi.yaml, read from the contract itself.

These are the defects Schemathesis found (issue 11): 405 answers without ``Allow``; ``null``
accepted for non-nullable fields; a token body the contract required though it is optional in
practice; ``line_items: []`` refused though the contract did not say so. The null and type checks
walk every property of the request schemas, so a contract change shows up here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml

from thredfi_client.testing import Sandbox
from thredfi_client.testing._validation import REQUEST_SCHEMAS, Field

from .conftest import SPEC_PATH
from .helpers import (
    TOKEN_PATH,
    bearer,
    customers_path,
    field_errors,
    invoices_path,
    partner_token,
)

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

CUSTOMER_BODY: dict[str, Any] = {
    # both names: either one satisfies the "one of them is required" rule when the other is bad
    "individual_name": "Ada Lovelace",
    "company_name": "Analytical Engines Ltd",
    "document": {"file": "https://files.example/contract.pdf"},
}
INVOICE_BODY: dict[str, Any] = {
    "external_id": "inv-1",
    "sent_at": "2030-01-10T09:00:00Z",
    "customer_external_id": "cust-1",
    "line_items": [{"quantity": 2, "unit_price": 1000, "sales_taxes": [{"amount": 10}]}],
    "additional_sales_taxes": [{"amount": 5}],
    "document": {"file": "https://files.example/invoice.pdf"},
}
# Bodies of the operations that act on an invoice; "{invoice_id}" and "{customer_id}" are those
# of an invoice made for the test (paid 1000 cents before a refund).
UPDATE_BODY: dict[str, Any] = {
    "memo": "updated",
    "due_at": "2030-03-01T00:00:00Z",
    "line_items": [{"quantity": 1, "unit_price": 5000, "sales_taxes": [{"amount": 10}]}],
    "document": {"file": "https://files.example/invoice.pdf"},
}
VOID_BODY: dict[str, Any] = {"memo": "sent twice"}
PAYMENT_BODY: dict[str, Any] = {
    "customer_id": "{customer_id}",
    "total_amount_cents": 1000,
    "payment_date": "2030-01-15",
    "allocations": [{"invoice_id": "{invoice_id}", "amount_cents": 1000}],
    "metadata": {"batch": 7},
}
REFUND_BODY: dict[str, Any] = {
    "invoice_id": "{invoice_id}",
    "method": "CASH",
    "amount_cents": 100,
    "document": {"file": "https://files.example/refund.pdf"},
}
#: operation -> (its request schema in the contract, a valid body)
BODIES: dict[str, tuple[str, dict[str, Any]]] = {
    "customer": ("CustomerCreate", CUSTOMER_BODY),
    "invoice": ("InvoiceCreate", INVOICE_BODY),
    "update": ("InvoiceUpdateRequest", UPDATE_BODY),
    "void": ("InvoiceVoidRequest", VOID_BODY),
    "payment": ("CreateInvoicePaymentRequest", PAYMENT_BODY),
    "refund": ("CreateSimpleRefundRequest", REFUND_BODY),
}
# A value of another JSON type than the property's own.
WRONG_TYPE: dict[str, Any] = {
    "string": 12345,
    "integer": "12",
    "boolean": "yes",
    "array": {"not": "a list"},
    "object": "not an object",
}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None and len(schema.get("allOf", [])) == 1:
        ref = schema["allOf"][0].get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = SCHEMAS[ref.rsplit("/", 1)[1]]
    return resolved


def _properties(
    schema_name: str, prefix: str = ""
) -> Iterator[tuple[str, list[Any], dict[str, Any]]]:
    """(field path as the sandbox names it, key path into a body, property schema) of a schema,
    descending into objects and into the first item of arrays of objects."""
    schema = SCHEMAS[schema_name]
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield path, [name], prop
        target = _resolve(prop)
        nested: str | None = None
        if target is not prop and target.get("type", "object") == "object":
            nested = prop.get("$ref", prop.get("allOf", [{}])[0].get("$ref"))
            keys: list[Any] = [name]
        elif prop.get("type") == "array" and "$ref" in prop.get("items", {}):
            nested = prop["items"]["$ref"]
            keys = [name, 0]
            path += "[0]"
        if nested:
            for sub_path, sub_keys, sub_prop in _properties(nested.rsplit("/", 1)[1], path + "."):
                yield sub_path, keys + sub_keys, sub_prop


def _with(body: dict[str, Any], keys: list[Any], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(body)
    node: Any = out
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    return out


def _reachable(body: dict[str, Any], keys: list[Any]) -> bool:
    node: Any = body
    for key in keys[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError):
            return False
    return True


PROPERTIES = [
    (operation, path, keys, prop)
    for operation, (schema, body) in BODIES.items()
    for path, keys, prop in _properties(schema)
    if _reachable(body, keys)
]
CASES = [pytest.param(*p, id=f"{p[0]}:{p[1]}") for p in PROPERTIES]


def _filled(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, list):
        return [_filled(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _filled(item, ids) for key, item in value.items()}
    return value


async def _post(
    http: httpx.AsyncClient, sandbox: Sandbox, operation: str, body: dict[str, Any]
) -> httpx.Response:
    """Send ``body`` to ``operation``, after making the invoice (and payment) it acts on."""
    token = await partner_token(http, sandbox)
    bid = sandbox.business_id
    if operation in ("customer", "invoice"):
        url = (customers_path if operation == "customer" else invoices_path)(bid)
        return await http.post(url, json=body, headers=bearer(token))
    invoice = (await http.post(invoices_path(bid), json=INVOICE_BODY, headers=bearer(token))).json()
    ids = {"{invoice_id}": invoice["id"], "{customer_id}": invoice["customer"]["id"]}
    one = f"{invoices_path(bid)}{invoice['id']}/"
    if operation == "refund":
        paid = _filled(PAYMENT_BODY, ids)
        assert (
            await http.post(f"{invoices_path(bid)}payments/", json=paid, headers=bearer(token))
        ).status_code == 201
    method, url = {
        "update": ("PUT", one),
        "void": ("POST", f"{one}void/"),
        "payment": ("POST", f"{invoices_path(bid)}payments/"),
        "refund": ("POST", f"{invoices_path(bid)}refunds/"),
    }[operation]
    return await http.request(method, url, json=_filled(body, ids), headers=bearer(token))


def _base(operation: str) -> dict[str, Any]:
    return BODIES[operation][1]


@pytest.mark.parametrize("operation", list(BODIES))
async def test_the_base_bodies_are_accepted(
    http: httpx.AsyncClient, sandbox: Sandbox, operation: str
) -> None:
    response = await _post(http, sandbox, operation, _base(operation))
    assert response.status_code in (200, 201), response.text


@pytest.mark.parametrize(("operation", "path", "keys", "prop"), CASES)
async def test_null_is_refused_exactly_where_the_contract_says_not_nullable(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    operation: str,
    path: str,
    keys: list[Any],
    prop: dict[str, Any],
) -> None:
    response = await _post(http, sandbox, operation, _with(_base(operation), keys, None))
    # No `type` (e.g. `metadata: {}`) accepts any JSON value, null included.
    nullable = prop.get("nullable", False) or ("type" not in prop and "$ref" not in prop)
    if nullable:
        assert response.status_code in (200, 201), response.text
    else:
        assert field_errors(response) == {path: ["This field may not be null."]}


@pytest.mark.parametrize(
    ("operation", "path", "keys", "prop"),
    [pytest.param(*p, id=f"{p[0]}:{p[1]}") for p in PROPERTIES if p[3].get("type") in WRONG_TYPE],
)
async def test_a_value_of_another_type_is_refused_naming_the_field(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    operation: str,
    path: str,
    keys: list[Any],
    prop: dict[str, Any],
) -> None:
    wrong = WRONG_TYPE[prop["type"]]
    response = await _post(http, sandbox, operation, _with(_base(operation), keys, wrong))
    assert list(field_errors(response)) == [path]


@pytest.mark.parametrize(("operation", "schema"), [(op, s) for op, (s, _) in BODIES.items()])
async def test_every_required_field_is_required(
    http: httpx.AsyncClient, sandbox: Sandbox, operation: str, schema: str
) -> None:
    for name in SCHEMAS[schema].get("required", []):
        body = {k: v for k, v in _base(operation).items() if k != name}
        response = await _post(http, sandbox, operation, body)
        assert field_errors(response) == {name: ["This field is required."]}


def _field(schema: dict[str, Any]) -> Field:
    """The sandbox's :class:`Field` a contract schema should be declared as."""
    schema = _resolve(schema) if "$ref" in schema or "allOf" in schema else schema
    kind = schema.get("type", "object" if "properties" in schema else "any")
    properties = schema.get("properties")
    return Field(
        kind=kind,
        nullable=schema.get("nullable", False),
        enum=tuple(schema["enum"]) if "enum" in schema else None,
        min_length=schema.get("minLength"),
        min_items=schema.get("minItems"),
        minimum=schema.get("minimum"),
        format=schema.get("format"),
        items=_field(schema["items"]) if "items" in schema else None,
        properties={k: _field(v) for k, v in properties.items()} if properties else None,
        required=tuple(schema.get("required", ())),
    )


@pytest.mark.parametrize("name", sorted(REQUEST_SCHEMAS))
def test_the_sandbox_declares_each_request_schema_as_the_contract_does(name: str) -> None:
    assert REQUEST_SCHEMAS[name] == _field(SCHEMAS[name])


# ---------------------------------------------------------------------- 405 and Allow


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", TOKEN_PATH, {"POST"}),
        ("GET", TOKEN_PATH, {"POST"}),
        ("TRACE", "/v1/platform/{b}/oauth2/token/", {"POST"}),
        ("PUT", "/v1/platform/businesses/{b}/customers/{c}/", {"GET"}),
        ("HEAD", "/v1/platform/businesses/{b}/customers/{c}/", {"GET"}),
        ("GET", "/v1/platform/businesses/{b}/customers/{c}/archive/", {"POST"}),
        ("PATCH", "/v1/platform/businesses/{b}/invoices/", {"GET", "POST"}),
        ("DELETE", "/v1/platform/businesses/{b}/customers/", {"GET", "POST"}),
        ("PATCH", "/v1/platform/businesses/{b}/invoices/{c}/", {"GET", "PUT"}),
        ("GET", "/v1/platform/businesses/{b}/invoices/{c}/void/", {"POST"}),
        ("PUT", "/v1/platform/businesses/{b}/invoices/payments/", {"GET", "POST"}),
        # The contract gained PATCH here and GET on the refunds collection (issue 20).
        ("POST", "/v1/platform/businesses/{b}/invoices/payments/{c}/", {"GET", "PATCH"}),
        ("PUT", "/v1/platform/businesses/{b}/invoices/refunds/", {"GET", "POST"}),
        ("PUT", "/v1/platform/businesses/{b}/invoices/refunds/{c}/", {"GET", "DELETE"}),
    ],
)
async def test_405_says_which_methods_are_allowed(
    http: httpx.AsyncClient, sandbox: Sandbox, method: str, path: str, allowed: set[str]
) -> None:
    url = path.format(b=sandbox.business_id, c="3c90c3cc-0d44-4b50-8888-8dd25736052a")
    response = await http.request(method, url)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed
    if method != "HEAD":
        assert response.json()["error_code"] == "method_not_allowed"


# ---------------------------------------------------------------------- the contract itself


def test_the_contract_says_the_partner_token_body_is_optional() -> None:
    request_body = SPEC["paths"][TOKEN_PATH]["post"]["requestBody"]
    assert request_body.get("required", False) is False


async def test_a_token_body_if_sent_follows_the_contract(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    auth = (sandbox.partner_id, sandbox.api_key)
    assert (await http.post(TOKEN_PATH, auth=auth)).status_code == 200  # no body at all
    missing = await http.post(TOKEN_PATH, auth=auth, data={"grant_type": "client_credentials"})
    assert field_errors(missing) == {"client_id": ["This field is required."]}
    no_grant = await http.post(TOKEN_PATH, auth=auth, data={"client_id": sandbox.partner_id})
    assert field_errors(no_grant) == {"grant_type": ["This field is required."]}
    not_uuid = await http.post(
        TOKEN_PATH, auth=auth, data={"grant_type": "client_credentials", "client_id": "p-1"}
    )
    assert list(field_errors(not_uuid)) == ["client_id"]


def test_the_contract_says_an_invoice_has_at_least_one_line() -> None:
    assert SCHEMAS["InvoiceCreate"]["properties"]["line_items"].get("minItems") == 1


async def test_an_invoice_without_lines_is_refused(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    response = await _post(http, sandbox, "invoice", {**INVOICE_BODY, "line_items": []})
    assert list(field_errors(response)) == ["line_items"]
