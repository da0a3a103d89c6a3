"""Vendor-style spec changes a user might regenerate with: each one regenerates correctly or fails
codegen with one line naming the operation and what to change.

These run codegen's steps in-process (prepare, and the generator where it takes the generator to
tell); tests/codegen/test_generated_names.py regenerates a whole package for what only running
the generated code shows, tests/codegen/test_tables.py covers codegen's own YAML inputs.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from codegen.generate import CodegenError, generate
from codegen.prepare_spec import PrepareError, prepare

from .test_prepare import (
    CONTRACT,
    CREDIT_NOTES,
    NAMED,
    NAMES,
    PAYMENTS,
    SCHEMA,
    contract_with,
    credit_note,
    listing,
    names_with,
    prepared_listing,
)

LABEL = f"create_credit_note (client.credit_notes.create, POST {CREDIT_NOTES})"


def only_error(operation: dict[str, Any]) -> str:
    with pytest.raises(PrepareError) as caught:
        prepare(contract_with(operation), NAMED, {})
    (only,) = caught.value.messages
    assert "\n" not in only
    return only


# -- the contract: operationIds, credentials, security, success, enums, content types ---------


def _header(name: str, **extra: Any) -> dict[str, Any]:
    return {"in": "header", "name": name, "schema": {"type": "string"}, **extra}


def test_optional_credential_headers_are_dropped_with_a_note() -> None:
    contract = contract_with(
        credit_note(
            {"application/json": SCHEMA},
            parameters=[
                _header("X-Api-Key"),
                _header("X-Auth-Token"),
                _header("X-Partner"),  # named by an apiKey scheme below
                _header("X-Token-Count", **{"x-sdk-not-secret": True}),
                _header("X-Request-Id"),
            ],
        )
    )
    contract["components"]["securitySchemes"]["PartnerKey"] = {
        "type": "apiKey",
        "in": "header",
        "name": "x-partner",
    }
    prepared = prepare(contract, NAMED, {})
    kept = prepared.spec["paths"][CREDIT_NOTES]["post"]["parameters"]
    assert [p["name"] for p in kept] == ["X-Token-Count", "X-Request-Id"]
    dropped = [n for n in prepared.notes if "it carries a credential" in n]
    assert [n.split("'")[1] for n in dropped] == ["X-Api-Key", "X-Auth-Token", "X-Partner"]


def test_a_required_credential_header_fails_naming_it() -> None:
    only = only_error(
        credit_note({"application/json": SCHEMA}, parameters=[_header("X-Api-Key", required=True)])
    )
    assert only.startswith(f"{LABEL}: header parameter 'X-Api-Key' is required and carries a")
    assert "x-sdk-not-secret: true" in only


@pytest.mark.parametrize(
    ("security", "scheme", "fails"),
    [
        ([{"PartnerKey": []}], {"type": "apiKey", "in": "header", "name": "X-Key"}, True),
        ([{"Basic": []}], {"type": "http", "scheme": "basic"}, True),
        ([{"Mtls": []}], {"type": "mutualTLS"}, True),
        ([{"Bearer": []}], {"type": "http", "scheme": "bearer"}, False),
        ([{"Basic": []}, {"Bearer": []}], {"type": "http", "scheme": "basic"}, False),
        ([{"Basic": []}, {}], {"type": "http", "scheme": "basic"}, False),
    ],
)
def test_security_the_sdk_cannot_send_fails_naming_the_operation(
    security: list[dict[str, Any]], scheme: dict[str, Any], fails: bool
) -> None:
    contract = contract_with(credit_note({"application/json": SCHEMA}, security=security))
    schemes = contract["components"]["securitySchemes"]
    schemes[next(iter(security[0]))] = scheme
    schemes.setdefault("Bearer", {"type": "http", "scheme": "bearer"})
    if not fails:
        prepare(contract, NAMED, {})
        return
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMED, {})
    (only,) = caught.value.messages
    assert only.startswith(f"{LABEL}: its security (")
    assert "asks for credentials the SDK does not send" in only


def test_an_operation_without_a_success_response_fails_naming_it() -> None:
    operation = credit_note(
        {"application/json": SCHEMA},
        responses={"400": {"description": "bad"}, "default": {"description": "error"}},
    )
    assert only_error(operation).startswith(
        f"{LABEL}: documents no success (2xx) response (its responses: 400, default)"
    )
    ranged = credit_note({"application/json": SCHEMA}, responses={"2XX": {"description": "ok"}})
    prepare(contract_with(ranged), NAMED, {})


def _enum_body(values: list[Any], **extra: Any) -> dict[str, Any]:
    schema = {
        "type": "object",
        "properties": {"state": {"type": "string", "enum": values, **extra}},
    }
    return credit_note({"application/json": {"schema": schema}})


def test_enum_values_the_generator_would_give_one_member_name_fail() -> None:
    only = only_error(_enum_body(["in-progress", "In Progress", "done"]))
    assert only.startswith(f"{LABEL}: the enum at requestBody.content.application/json.schema")
    assert "'in-progress' and 'In Progress', which the generator would both call IN_PROGRESS" in (
        only
    )
    assert "x-enum-varnames" in only
    named = _enum_body(["in-progress", "In Progress"], **{"x-enum-varnames": ["A", "B"]})
    prepare(contract_with(named), NAMED, {})


def test_json_with_parameters_is_chosen_among_several_content_types() -> None:
    operation = credit_note(
        {
            "application/x-www-form-urlencoded": SCHEMA,
            "application/json; charset=utf-8": SCHEMA,
        }
    )
    prepared = prepare(contract_with(operation), NAMED, {})
    assert prepared.operations["credit_notes_create"].content_type == (
        "application/json; charset=utf-8"
    )


def test_a_page_built_with_all_of_or_with_an_empty_success_still_pages() -> None:
    array = {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}}
    composed = listing(["page", "page_size"], None)
    page = composed["responses"]["200"]["content"]["application/json"]
    page["schema"] = {
        "allOf": [
            {"type": "object", "properties": {"count": {"type": "integer"}}},
            {"type": "object", "properties": {"results": array}},
        ]
    }
    assert prepared_listing(composed).operations["credit_notes_list"].paginated
    with_empty = listing(["page", "page_size"], array)
    with_empty["responses"]["204"] = {"description": "Nothing to list."}
    assert prepared_listing(with_empty).operations["credit_notes_list"].paginated


def test_an_aliased_response_is_rewritten_once_per_operation() -> None:
    """A YAML alias (`responses: *payment`) shares one object between operations; the unwrap of
    the first must not leave the second with the inside of the envelope and no unwrap."""
    contract = copy.deepcopy(CONTRACT)
    payments = contract["paths"][PAYMENTS]["post"]
    operation = credit_note({"application/json": SCHEMA})
    operation["responses"] = payments["responses"]  # the same object, as an alias loads
    contract["paths"][CREDIT_NOTES] = {"post": operation}
    prepared = prepare(contract, NAMED, {})
    assert prepared.operations["invoice_payments_create"].unwrap == "payment"
    assert prepared.operations["credit_notes_create"].unwrap == "payment"


# -- what the generator would name: collisions after its snake-casing ---------------------------


def _generate(tmp_path: Path, operation: dict[str, Any], **names: str) -> CodegenError:
    prepared = prepare(contract_with(operation), names_with(**names), {})
    with pytest.raises(CodegenError) as caught:
        generate(prepared, Path(__file__).resolve().parents[2], tmp_path / "_generated")
    return caught.value


def test_two_operations_the_generator_would_name_alike_fail_naming_both(tmp_path: Path) -> None:
    error = _generate(
        tmp_path,
        credit_note({"application/json": SCHEMA}),
        create_credit_note="invoices.get_",
    )
    assert error.messages == [
        f"create_credit_note (client.invoices.get_, POST {CREDIT_NOTES}) and get_invoice "
        "(client.invoices.get, GET /v1/platform/businesses/{business_id}/invoices/{invoice_id}/)"
        " would both be generated as 'invoices_get': rename one in codegen/names.yaml"
    ]


def test_two_resources_the_generator_would_package_alike_fail_naming_both(
    tmp_path: Path,
) -> None:
    error = _generate(
        tmp_path, credit_note({"application/json": SCHEMA}), create_credit_note="customers_.make"
    )
    assert error.messages == [
        "resources 'customers' and 'customers_' would share the generated package "
        "'api/customers': rename one in codegen/names.yaml"
    ]


def test_parameters_with_one_python_name_fail_naming_the_operation(tmp_path: Path) -> None:
    operation = credit_note(
        {"application/json": SCHEMA},
        parameters=[
            {"$ref": "#/components/parameters/BusinessId"},
            {"in": "query", "name": "business-id", "schema": {"type": "string"}},
        ],
    )
    error = _generate(tmp_path, operation, create_credit_note="credit_notes.create")
    assert [m.split("; ")[0] for m in error.messages] == [
        f"{LABEL}: {location} parameter {name!r} has the Python name 'business_id' of another "
        "of its parameters"
        for location, name in (("path", "business_id"), ("query", "business-id"))
    ]
    assert (
        "the generator would call it 'business_id_query', a name that moves" in (error.messages[1])
    )


@pytest.mark.parametrize("step", ["from_dict", "build"])
def test_a_generator_crash_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    from openapi_python_client import Project
    from openapi_python_client.parser.openapi import GeneratorData

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyError("a key the generator did not expect\nand a second line")

    owner: Any = GeneratorData if step == "from_dict" else Project
    monkeypatch.setattr(owner, step, crash)
    prepared = prepare(CONTRACT, NAMES, {})
    with pytest.raises(CodegenError) as caught:
        generate(prepared, Path(__file__).resolve().parents[2], tmp_path / "_generated")
    (only,) = caught.value.messages
    assert only.startswith("the generator failed ")
    assert "KeyError: 'a key the generator did not expect\\nand a second line'" in only
    assert "\n" not in only
