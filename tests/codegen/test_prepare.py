"""The names table, the generator's view of the contract, and the generator's warnings."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from codegen.generate import CodegenError, generate, unshadowed
from codegen.names import Names, NamesError, PublicName, check_against, method_name
from codegen.names import load as load_names
from codegen.prepare_spec import PrepareError, prepare

from .helpers import ROOT, load

CONTRACT = load(ROOT / "openapi" / "thredfi.yaml")
NAMES = load_names(ROOT / "codegen" / "names.yaml")
#: Issue 22's operations (payables, the ledger, reports, banking): vendor id -> public name.
WHOLE_API_OPERATIONS = {
    "create_vendor": "vendors.create",
    "list_vendors": "vendors.list",
    "get_vendor": "vendors.get",
    "unarchive_vendor": "vendors.unarchive",
    "create_bill": "bills.create",
    "list_bills": "bills.list",
    "get_bill": "bills.get",
    "update_bill": "bills.update",
    "create_bill_payment": "bill_payments.create",
    "list_bill_payments": "bill_payments.list",
    "get_bill_payment": "bill_payments.get",
    "update_bill_payment": "bill_payments.update",
    "delete_bill_payment": "bill_payments.cancel",
    "create_vendor_credit": "vendor_credits.create",
    "list_vendor_credits": "vendor_credits.list",
    "get_vendor_credit": "vendor_credits.get",
    "create_vendor_refund": "vendor_refunds.create",
    "list_vendor_refunds": "vendor_refunds.list",
    "update_vendor_refund": "vendor_refunds.update",
    "delete_vendor_refund": "vendor_refunds.delete",
    "create_vendor_refund_payment": "vendor_refund_payments.create",
    "list_vendor_refund_payments": "vendor_refund_payments.list",
    "delete_vendor_refund_payment": "vendor_refund_payments.cancel",
    "list_chart_of_accounts": "accounts.list",
    "create_account": "accounts.create",
    "get_chart_of_accounts_hierarchy": "accounts.hierarchy",
    "get_account_detail": "accounts.get",
    "create_child_account": "accounts.create_child",
    "list_journal_entries": "journal_entries.list",
    "get_journal_entry_detail": "journal_entries.get",
    "get_profit_and_loss": "reports.profit_and_loss",
    "get_balance_sheet": "reports.balance_sheet",
    "get_cash_flow_statement": "reports.cash_flow",
    "get_financial_summary": "insights.financial_summary",
    "get_ar_aging": "insights.ar_aging",
    "get_ap_aging": "insights.ap_aging",
    "list_bank_accounts": "bank_accounts.list",
    "retrieve_bank_account": "bank_accounts.get",
    "list_bank_transactions": "bank_transactions.list",
}
#: A path and operation the contract does not have: the "new operation" of these tests.
CREDIT_NOTES = "/v1/platform/businesses/{business_id}/credit-notes/"


def contract_with(operation: dict[str, Any], path: str = CREDIT_NOTES) -> dict[str, Any]:
    contract: dict[str, Any] = copy.deepcopy(CONTRACT)
    contract["paths"][path] = {"post": operation}
    return contract


def names_with(**operations: str) -> Names:
    extra = {op: PublicName(*public.split(".")) for op, public in operations.items()}
    return Names(
        path=NAMES.path, operations={**NAMES.operations, **extra}, models=dict(NAMES.models)
    )


def credit_note(content: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "tags": ["Credit Notes"],
        "operationId": "create_credit_note",
        "parameters": [{"$ref": "#/components/parameters/BusinessId"}],
        "requestBody": {"required": True, "content": content},
        "responses": {"201": {"description": "ok"}},
        **extra,
    }


SCHEMA = {"schema": {"$ref": "#/components/schemas/CustomerCreate"}}
NAMED = names_with(create_credit_note="credit_notes.create")


def test_the_committed_table_fits_the_contract() -> None:
    check_against(NAMES, CONTRACT, {})
    prepared = prepare(CONTRACT, NAMES, {})
    assert {str(PublicName(f.resource, f.method)) for f in prepared.operations.values()} == {
        "tokens.get_partner_token",
        "tokens.get_business_token",
        "customers.create",
        "customers.get",
        "customers.archive",
        "customers.list",
        "invoices.create",
        "invoices.list",
        "invoices.get",
        "invoices.update",
        "invoices.void",
        "invoice_payments.create",
        "invoice_payments.get",
        "invoice_payments.list",
        "refunds.create",
        "refunds.get",
        "refunds.delete",
        "refunds.list",
        "businesses.list",
        "businesses.create",
        "businesses.get",
        "businesses.update",
        "refund_payments.create",
        "refund_payments.list",
        "refund_payments.delete",
        "invoice_payments.update",
        "invoice_payments.cancel",
        "customer_credits.create",
        "customer_credits.list",
    } | set(WHOLE_API_OPERATIONS.values())


def test_a_renamed_tag_changes_no_name() -> None:
    """Issue 10, failure 4: the vendor's real tag for the token operations."""
    renamed = copy.deepcopy(CONTRACT)
    for path in ("/v1/platform/oauth2/token/", "/v1/platform/{business_id}/oauth2/token/"):
        renamed["paths"][path]["post"]["tags"] = ["Oauth2 authentication - Unscoped and Scoped"]
    before = prepare(CONTRACT, NAMES, {})
    after = prepare(renamed, NAMES, {})
    assert after.operations == before.operations
    assert after.spec == before.spec  # the generator sees exactly the same contract


def test_a_renamed_operation_id_fails_naming_the_entry() -> None:
    renamed = copy.deepcopy(CONTRACT)
    renamed["paths"]["/v1/platform/oauth2/token/"]["post"]["operationId"] = "obtain_partner_token"
    with pytest.raises(PrepareError) as caught:
        prepare(renamed, NAMES, {})
    assert any(
        "operations.get_partner_token (tokens.get_partner_token): the contract has no operation "
        "'get_partner_token' any more. The contract's operations without an entry: "
        "obtain_partner_token (POST /v1/platform/oauth2/token/). If the vendor renamed it, "
        "rename this entry's key and keep its public name" in m
        for m in caught.value.messages
    ), caught.value.messages


def test_a_renamed_schema_fails_naming_the_entry_then_keeps_the_public_name() -> None:
    renamed = copy.deepcopy(CONTRACT)
    schemas = renamed["components"]["schemas"]
    schemas["OAuth2TokenResponse"] = schemas.pop("PartnerToken")
    ok = renamed["paths"]["/v1/platform/oauth2/token/"]["post"]["responses"]["200"]
    ok["content"]["application/json"]["schema"]["$ref"] = "#/components/schemas/OAuth2TokenResponse"
    with pytest.raises(PrepareError) as caught:
        prepare(renamed, NAMES, {})
    assert any(
        "models.PartnerToken (public PartnerToken): the contract has no schema 'PartnerToken'"
        " any more. The contract's schemas without an entry: OAuth2TokenResponse." in m
        for m in caught.value.messages
    ), caught.value.messages
    models = {
        ("OAuth2TokenResponse" if k == "PartnerToken" else k): v for k, v in NAMES.models.items()
    }
    fixed = Names(path=NAMES.path, operations=NAMES.operations, models=models)
    view = prepare(renamed, fixed, {}).spec
    assert "PartnerToken" in view["components"]["schemas"]
    assert "OAuth2TokenResponse" not in view["components"]["schemas"]
    ok_view = view["paths"]["/v1/platform/oauth2/token/"]["post"]["responses"]["200"]
    assert ok_view["content"]["application/json"]["schema"]["$ref"].endswith("/PartnerToken")


def test_a_new_operation_fails_with_a_suggested_entry() -> None:
    contract = contract_with(credit_note({"application/json": SCHEMA}))
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMES, {})
    assert caught.value.messages == [
        f"create_credit_note (POST {CREDIT_NOTES}) has no public name: add "
        f"'create_credit_note: credit_notes.create' under operations: in "
        f"{NAMES.path} (or list it in codegen/skipped.yaml with a reason)"
    ]


def test_json_is_chosen_among_several_content_types() -> None:
    """Issue 10, failure 1: every body offered as JSON, form and multipart was dropped."""
    content = {
        "application/x-www-form-urlencoded": SCHEMA,
        "multipart/form-data": SCHEMA,
        "application/json": SCHEMA,
    }
    prepared = prepare(contract_with(credit_note(content)), NAMED, {})
    view = prepared.spec["paths"][CREDIT_NOTES]["post"]
    assert list(view["requestBody"]["content"]) == ["application/json"]
    assert prepared.operations["credit_notes_create"].content_type == "application/json"
    # The contract itself keeps all three (Prism and the sandbox read it).
    assert (
        len(CONTRACT["paths"]["/v1/platform/oauth2/token/"]["post"]["requestBody"]["content"]) == 1
    )


def test_form_stays_where_it_is_the_only_type_or_chosen() -> None:
    token = prepare(CONTRACT, NAMES, {}).operations["tokens_get_partner_token"]
    assert token.content_type == "application/x-www-form-urlencoded"
    content = {"application/json": SCHEMA, "multipart/form-data": SCHEMA}
    chosen = credit_note(content, **{"x-sdk-content-type": "multipart/form-data"})
    prepared = prepare(contract_with(chosen), NAMED, {})
    assert prepared.operations["credit_notes_create"].content_type == "multipart/form-data"


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (
            credit_note(
                {"application/x-www-form-urlencoded": SCHEMA, "multipart/form-data": SCHEMA}
            ),
            "its body is offered as application/x-www-form-urlencoded, multipart/form-data and "
            "none is JSON: set x-sdk-content-type",
        ),
        (credit_note({}), "its requestBody lists no content type"),
        (
            credit_note({"application/json": SCHEMA}, **{"x-sdk-content-type": "text/csv"}),
            "x-sdk-content-type 'text/csv' is not one of its body's content types",
        ),
        (
            credit_note(
                {"application/json": {"schema": {"$ref": "#/components/schemas/InvoiceRequest"}}}
            ),
            "#/components/schemas/InvoiceRequest is not defined (at "
            "requestBody.content.application/json.schema)",
        ),
        (
            credit_note(
                {"application/json": SCHEMA},
                parameters=[{"in": "cookie", "name": "session", "schema": {"type": "string"}}],
            ),
            "cookie parameter 'session' is not supported",
        ),
    ],
)
def test_what_cannot_be_generated_fails_naming_the_operation(
    operation: dict[str, Any], message: str
) -> None:
    with pytest.raises(PrepareError) as caught:
        prepare(contract_with(operation), NAMED, {})
    (only,) = caught.value.messages
    assert only.startswith(
        f"create_credit_note (client.credit_notes.create, POST {CREDIT_NOTES})"
    ), only
    assert message in only


def test_credential_header_parameters_never_become_arguments() -> None:
    headers = [
        {"in": "header", "name": name, "schema": {"type": "string"}}
        for name in ("Authorization", "cookie", "Idempotency-Key", "Proxy-Authorization")
    ]
    operation = credit_note({"application/json": SCHEMA}, parameters=headers)
    prepared = prepare(contract_with(operation), NAMED, {})
    kept = prepared.spec["paths"][CREDIT_NOTES]["post"]["parameters"]
    assert [p["name"] for p in kept] == ["Idempotency-Key"]
    assert sum("is not generated (credentials travel only" in n for n in prepared.notes) == 3


def test_skipped_operations_are_left_out_and_said() -> None:
    contract = contract_with(credit_note({"application/json": SCHEMA}))
    prepared = prepare(contract, NAMES, {"create_credit_note": "needs issue 11"})
    assert CREDIT_NOTES not in prepared.spec["paths"]
    assert prepared.notes == [
        f"skipped create_credit_note (POST {CREDIT_NOTES}): needs issue 11 (codegen/skipped.yaml)"
    ]


def test_a_stale_skip_entry_fails() -> None:
    with pytest.raises(NamesError, match=r"codegen/skipped.yaml: gone_op .* delete the entry"):
        check_against(NAMES, CONTRACT, {"gone_op": "old"})


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("operations: {a_op: customers}\n", "'customers' is not 'resource.method'"),
        ("operations: {a_op: customers.class}\n", "method 'class' is not a lower_snake_case"),
        ("operations: {a_op: auth.get}\n", "resource 'auth' would hide ThredfiClient.auth"),
        ("operations: {a_op: x.with_raw_response}\n", "cannot be a method name"),
        ("operations: {a: x.get, b: x.get}\n", "operations.b and operations.a are both x.get"),
        ("models: {A: lower}\n", "'lower' is not a CamelCase class name"),
    ],
)
def test_bad_tables_are_refused(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(table)
    with pytest.raises(NamesError, match=message):
        load_names(path)


@pytest.mark.parametrize(
    ("operation_id", "tag", "expected"),
    [
        ("list_invoices", "Invoices", "list"),
        ("create_invoice_payment", "Invoice Payments", "create"),
        ("get_partner_token", "Oauth2 authentication - Unscoped and Scoped", "get_partner_token"),
    ],
)
def test_the_suggestion_rule(operation_id: str, tag: str, expected: str) -> None:
    assert method_name(operation_id, tag) == expected


def test_builtins_hidden_by_a_method_are_written_in_full() -> None:
    """Issue 10, failure 3: with a method `list`, `list[str]` named the method."""
    assert unshadowed("list[str] | Unset", ["list", "create"]) == "builtins.list[str] | Unset"
    assert unshadowed("list[str] | None", ["create"]) == "list[str] | None"
    assert unshadowed("dict[str, list[int]]", ["dict", "type"]) == "builtins.dict[str, list[int]]"
    assert unshadowed("Sequence[InvoiceType]", ["type"]) == "Sequence[InvoiceType]"
    assert unshadowed("Literal['list', \"type\"] | list[str]", ["list", "type"]) == (
        "Literal['list', \"type\"] | builtins.list[str]"
    )
    signature = "type: str | Unset = UNSET,\nmax_retries: int | NotGiven = NOT_GIVEN,"
    assert unshadowed(signature, ["type", "str", "int"]) == (
        "type: builtins.str | Unset = UNSET,\nmax_retries: builtins.int | NotGiven = NOT_GIVEN,"
    )


def test_a_generator_warning_fails_naming_the_operation(tmp_path: Path) -> None:
    """What only the generator finds (it cannot send a list in a header) fails by name."""
    operation = credit_note({"application/json": SCHEMA})
    operation["parameters"].append(
        {"in": "header", "name": "X-Tags", "schema": {"type": "array", "items": {"type": "string"}}}
    )
    prepared = prepare(contract_with(operation), NAMED, {})
    with pytest.raises(CodegenError) as caught:
        generate(prepared, ROOT, tmp_path / "_generated")
    assert caught.value.messages == [
        f"create_credit_note (client.credit_notes.create, POST {CREDIT_NOTES}) was not "
        "generated: list[str] | Unset is not allowed in header"
    ], caught.value.messages


def test_an_operation_whose_body_was_not_generated_fails(tmp_path: Path) -> None:
    """Codegen's own check, behind the generator: a contract body must become parameters."""
    prepared = prepare(CONTRACT, NAMES, {})
    create = prepared.spec["paths"]["/v1/platform/businesses/{business_id}/customers/"]["post"]
    del create["requestBody"]  # what a generator that silently dropped the body would see
    with pytest.raises(CodegenError) as caught:
        generate(prepared, ROOT, tmp_path / "_generated")
    assert caught.value.messages == [
        "create_customer (client.customers.create, POST "
        "/v1/platform/businesses/{business_id}/customers/): its contract has a request body "
        "(application/json) but the generated method takes no body parameters"
    ]


# -- the rules of issue 11: lists page, wrapped responses are unwrapped, comma-separated lists ----

INVOICES = "/v1/platform/businesses/{business_id}/invoices/"
PAYMENTS = "/v1/platform/businesses/{business_id}/invoices/payments/"
PAYMENT_ENVELOPE = "#/components/schemas/CreateInvoicePaymentResponse"


def listing(parameters: list[str], results: dict[str, Any] | None) -> dict[str, Any]:
    properties = {"count": {"type": "integer"}}
    if results is not None:
        properties["results"] = results
    return {
        "tags": ["Credit Notes"],
        "operationId": "list_credit_notes",
        "parameters": [
            {"$ref": "#/components/parameters/BusinessId"},
            *({"in": "query", "name": n, "schema": {"type": "integer"}} for n in parameters),
        ],
        "responses": {
            "200": {
                "description": "A page.",
                "content": {
                    "application/json": {"schema": {"type": "object", "properties": properties}}
                },
            }
        },
    }


def prepared_listing(operation: dict[str, Any]) -> Any:
    contract = copy.deepcopy(CONTRACT)
    contract["paths"][CREDIT_NOTES] = {"get": operation}
    return prepare(contract, names_with(list_credit_notes="credit_notes.list"), {})


def test_list_operations_are_found_by_their_shape_not_their_name() -> None:
    paginated = {
        f.vendor_id for f in prepare(CONTRACT, NAMES, {}).operations.values() if f.paginated
    }
    assert paginated == {
        "list_customers",
        "list_invoices",
        "list_invoice_payments",
        "list_businesses",
        "list_refunds",
        "list_refund_payments",
        "list_customer_credits",
    } | {vendor_id for vendor_id, name in WHOLE_API_OPERATIONS.items() if name.endswith(".list")}
    array = {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}}
    assert (
        prepared_listing(listing(["page", "page_size"], array))
        .operations["credit_notes_list"]
        .paginated
    )
    for operation in (
        listing(["page"], array),  # no page_size
        listing(["page", "page_size"], None),  # no results
        listing(["page", "page_size"], {"type": "object"}),  # results not an array
    ):
        assert not prepared_listing(operation).operations["credit_notes_list"].paginated


def test_a_marked_envelope_is_unwrapped_for_the_generator_only() -> None:
    prepared = prepare(CONTRACT, NAMES, {})
    facts = prepared.operations["invoice_payments_create"]
    assert facts.unwrap == "payment"
    responses = prepared.spec["paths"][PAYMENTS]["post"]["responses"]
    for status in ("200", "201"):
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/InvoicePayment"}
    # The contract (Prism, the sandbox) keeps the envelope.
    kept = CONTRACT["paths"][PAYMENTS]["post"]["responses"]["201"]["content"]
    assert kept["application/json"]["schema"]["$ref"] == PAYMENT_ENVELOPE


@pytest.mark.parametrize(
    ("marks", "message"),
    [
        ({"201": "payment", "200": None}, "x-sdk-unwrap must name the same property on every"),
        ({"201": "payment", "200": "data"}, "x-sdk-unwrap must name the same property on every"),
        ({"201": "paid", "200": "paid"}, "not an object with a required property 'paid'"),
    ],
)
def test_an_unwrap_that_does_not_fit_fails_naming_the_operation(
    marks: dict[str, str | None], message: str
) -> None:
    contract = copy.deepcopy(CONTRACT)
    responses = contract["paths"][PAYMENTS]["post"]["responses"]
    for status, key in marks.items():
        responses[status].pop("x-sdk-unwrap", None)
        if key is not None:
            responses[status]["x-sdk-unwrap"] = key
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMES, {})
    (only,) = caught.value.messages
    assert only.startswith("create_invoice_payment (client.invoice_payments.create, POST")
    assert message in only


def test_arrays_with_explode_false_are_sent_comma_separated() -> None:
    facts = prepare(CONTRACT, NAMES, {}).operations["invoices_list"]
    assert facts.comma_separated == ("customer_id", "status")
    contract = copy.deepcopy(CONTRACT)
    for parameter in contract["paths"][INVOICES]["get"]["parameters"]:
        if parameter.get("name") == "status":
            parameter["explode"] = True
    assert prepare(contract, NAMES, {}).operations["invoices_list"].comma_separated == (
        "customer_id",
    )


def test_a_query_style_other_than_form_fails_naming_the_parameter() -> None:
    contract = copy.deepcopy(CONTRACT)
    for parameter in contract["paths"][INVOICES]["get"]["parameters"]:
        if parameter.get("name") == "status":
            parameter["style"] = "pipeDelimited"
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMES, {})
    (only,) = caught.value.messages
    assert only.startswith("list_invoices (client.invoices.list, GET")
    assert "query parameter 'status' has style 'pipeDelimited'" in only


# -- the token each operation is sent with (issue 22) -------------------------------------------


def scope_of(security: list[dict[str, Any]], path: str = CREDIT_NOTES) -> str | None:
    operation = credit_note({"application/json": SCHEMA}, security=security)
    return (
        prepare(contract_with(operation, path), NAMED, {})
        .operations["credit_notes_create"]
        .token_scope
    )


def test_the_token_scope_comes_from_the_operations_security() -> None:
    facts = prepare(CONTRACT, NAMES, {}).operations
    assert facts["businesses_create"].token_scope == "partner"  # PartnerJWT only
    assert facts["customers_get"].token_scope is None  # partner and business schemes
    assert facts["tokens_get_partner_token"].token_scope is None  # HTTP Basic: no bearer token
    assert scope_of([{"BusinessScopedJWT": []}, {"BearerBusinessScoped": []}]) == "business"
    assert scope_of([{"PartnerJWT": []}, {"BearerUnscoped": []}]) == "partner"
    assert scope_of([{"PartnerJWT": []}, {"BusinessScopedJWT": []}]) is None
    assert scope_of([{"BusinessScopedJWT": []}, {}]) is None  # or no credentials at all


def test_a_bearer_scheme_that_does_not_say_which_token_it_is_accepts_either() -> None:
    contract = copy.deepcopy(CONTRACT)
    contract["components"]["securitySchemes"]["NewJWT"] = {"type": "http", "scheme": "bearer"}
    operation = credit_note(
        {"application/json": SCHEMA}, security=[{"BusinessScopedJWT": []}, {"NewJWT": []}]
    )
    contract["paths"][CREDIT_NOTES] = {"post": operation}
    assert prepare(contract, NAMED, {}).operations["credit_notes_create"].token_scope is None


def test_a_business_only_operation_needs_a_business_in_its_path() -> None:
    with pytest.raises(PrepareError) as caught:
        scope_of([{"BusinessScopedJWT": []}], path="/v1/platform/credit-notes/")
    assert any(
        "create_credit_note (client.credit_notes.create, POST /v1/platform/credit-notes/): its "
        "security accepts only a business-scoped token, but its path names no business" in m
        for m in caught.value.messages
    ), caught.value.messages


def test_an_unknown_token_scope_fails_naming_the_scheme() -> None:
    contract = copy.deepcopy(CONTRACT)
    contract["components"]["securitySchemes"]["PartnerJWT"]["x-token-scope"] = "admin"
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMES, {})
    assert any(
        "its security scheme 'PartnerJWT' has x-token-scope 'admin'; it must be one of "
        "partner, business" in m
        for m in caught.value.messages
    ), caught.value.messages


PNL = "/v1/platform/businesses/{business_id}/reports/profit-and-loss/"


def test_a_report_of_either_shape_is_given_to_the_generator_as_the_object() -> None:
    """oneOf [report, array of it] (the overlay's report-object-or-array): the generator sees the
    report, the operation is marked sole_item, and the contract keeps both shapes."""
    prepared = prepare(CONTRACT, NAMES, {})
    reports = {f.vendor_id for f in prepared.operations.values() if f.sole_item}
    assert reports == {
        "get_profit_and_loss",
        "get_balance_sheet",
        "get_cash_flow_statement",
        "get_financial_summary",
        "get_ar_aging",
        "get_ap_aging",
    }
    given = prepared.spec["paths"][PNL]["get"]["responses"]["200"]["content"]["application/json"]
    assert given["schema"] == {"$ref": "#/components/schemas/ProfitAndLoss"}
    kept = CONTRACT["paths"][PNL]["get"]["responses"]["200"]["content"]["application/json"]
    assert [a.get("type", "$ref") for a in kept["schema"]["oneOf"]] == ["$ref", "array"]


@pytest.mark.parametrize(
    "alternatives",
    [
        [{"$ref": "#/components/schemas/ProfitAndLossReport"}, {"type": "array", "items": {}}],
        [{"$ref": "#/components/schemas/ProfitAndLossReport"}, {"type": "string"}],
    ],
    ids=["array of something else", "not an array"],
)
def test_a_oneof_that_is_not_an_object_or_an_array_of_it_is_left_to_the_generator(
    alternatives: list[dict[str, Any]],
) -> None:
    contract = copy.deepcopy(CONTRACT)
    media = contract["paths"][PNL]["get"]["responses"]["200"]["content"]["application/json"]
    media["schema"] = {"oneOf": alternatives}
    assert not prepare(contract, NAMES, {}).operations["reports_profit_and_loss"].sole_item


def test_a_report_with_one_shape_on_one_success_and_another_elsewhere_fails() -> None:
    contract = copy.deepcopy(CONTRACT)
    responses = contract["paths"][PNL]["get"]["responses"]
    responses["203"] = {
        "description": "Another success.",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMES, {})
    (only,) = caught.value.messages
    assert only.startswith("get_profit_and_loss (client.reports.profit_and_loss, GET")
    assert "one-element array around it and some are not" in only


def test_an_optional_parameters_default_is_left_to_the_api() -> None:
    """The generator never sees it: an argument not passed is not sent (and an enum default
    would need its model at import time)."""
    prepared = prepare(CONTRACT, NAMES, {})
    parameters = prepared.spec["paths"]["/v1/platform/businesses/{business_id}/insights/ap-aging/"][
        "get"
    ]["parameters"]
    group_by = next(p for p in parameters if p.get("name") == "group_by")
    assert "default" not in group_by["schema"]
    assert group_by["schema"]["enum"] == ["total", "vendor"]
    kept = CONTRACT["paths"]["/v1/platform/businesses/{business_id}/insights/ap-aging/"]["get"]
    assert next(p for p in kept["parameters"] if p["name"] == "group_by")["schema"]["default"] == (
        "vendor"
    )
