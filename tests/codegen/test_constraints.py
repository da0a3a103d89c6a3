"""Schema constraints come from the contract (issue 13, defect 9): codegen/constraints.py reads
them, the templates write them into the generated code, the runtime checks them.

The regeneration test adds constraints to a copy of the vendor file, runs ./codegen.sh and calls
the regenerated client: each new constraint is enforced before anything is sent, with no hand
edit anywhere.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from codegen.constraints import ConstraintError, constraints_of, resolve

from .helpers import dump, load, project_copy, run_codegen, run_python

SPEC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Cents": {"type": "integer", "minimum": 0},
            "Code": {"type": "string", "pattern": "^[A-Z]+$", "maxLength": 4},
        }
    }
}


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, {}),
        ({"type": "integer"}, {"int_format": "int64"}),
        ({"type": "integer", "format": "int32"}, {"int_format": "int32"}),
        (
            {"type": "integer", "format": "int64", "minimum": 1.0},
            {"int_format": "int64", "minimum": 1},
        ),
        # OpenAPI 3.0: a flag on the bound; 3.1 / JSON Schema: the bound itself.
        ({"type": "number", "minimum": 0, "exclusiveMinimum": True}, {"exclusive_minimum": 0}),
        ({"type": "number", "maximum": 5, "exclusiveMaximum": False}, {"maximum": 5}),
        ({"type": "number", "exclusiveMaximum": 2.5}, {"exclusive_maximum": 2.5}),
        ({"type": "number", "multipleOf": 0.5}, {"multiple_of": 0.5}),
        (
            {"type": "string", "minLength": 1, "maxLength": 3, "pattern": "^a"},
            {"min_length": 1, "max_length": 3, "pattern": "^a"},
        ),
        (
            {
                "type": "array",
                "minItems": 1,
                "maxItems": 9,
                "uniqueItems": True,
                "items": {"type": "string", "minLength": 2},
            },
            {"min_items": 1, "max_items": 9, "unique_items": True, "items": {"min_length": 2}},
        ),
        ({"type": "array", "items": {"type": "object"}}, {}),
        ({"$ref": "#/components/schemas/Cents"}, {"int_format": "int64", "minimum": 0}),
        (
            {"allOf": [{"$ref": "#/components/schemas/Cents"}], "maximum": 10, "minimum": 5},
            {"int_format": "int64", "minimum": 5, "maximum": 10},
        ),
        (
            {"allOf": [{"$ref": "#/components/schemas/Code"}], "nullable": True},
            {"pattern": "^[A-Z]+$", "max_length": 4},
        ),
        # anyOf/oneOf alternatives are not merged: a value may satisfy either.
        ({"anyOf": [{"type": "integer", "minimum": 3}, {"type": "string"}]}, {}),
        ({"$ref": "#/components/schemas/Missing"}, {}),
    ],
)
def test_constraints_read_from_a_schema(schema: dict[str, Any], expected: dict[str, Any]) -> None:
    found = constraints_of(schema, SPEC, "Model.field")
    assert found == expected
    assert all(type(v) is type(expected[k]) for k, v in found.items())


def test_a_pattern_python_cannot_check_fails_codegen_by_name() -> None:
    with pytest.raises(ConstraintError, match=r"CustomerCreate.code: its pattern '\(\?<' "):
        constraints_of({"type": "string", "pattern": "(?<"}, SPEC, "CustomerCreate.code")


def test_two_patterns_under_all_of_fail_by_name() -> None:
    schema = {"allOf": [{"pattern": "^a"}, {"pattern": "^b"}]}
    with pytest.raises(ConstraintError, match=r"Model.f: allOf gives two different pattern"):
        constraints_of(schema, SPEC, "Model.f")


def test_resolve_follows_refs_and_stops_at_a_cycle() -> None:
    spec = {"components": {"schemas": {"A": {"$ref": "#/components/schemas/A"}}}}
    assert resolve({"$ref": "#/components/schemas/A"}, spec) == {"$ref": "#/components/schemas/A"}
    assert resolve({"$ref": "#/components/schemas/Code"}, SPEC)["maxLength"] == 4


# -- a constraint added to the contract is enforced after ./codegen.sh --------------------------

CALLER = """
    import asyncio, json, sys
    import httpx
    from thredfi_client import ThredfiClient, ThredfiError

    BIZ = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
    CUS = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    sent = []

    def handler(request):
        if request.url.path.endswith("/oauth2/token/"):
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer",
                                             "expires_in": 3600})
        sent.append({"path": request.url.path, "query": request.url.query.decode(),
                     "trace": request.headers.get("x-trace-id"),
                     "body": request.content.decode()})
        return httpx.Response(500)

    async def attempt(call):
        try:
            await call
        except ThredfiError as exc:
            if isinstance(exc, (ValueError, TypeError)):
                return ["refused", getattr(exc, "argument", None), str(exc)]
            return ["sent"]
        return ["sent"]

    async def main():
        async with ThredfiClient(partner_id="p", api_key="k", max_retries=0,
                                 transport=httpx.MockTransport(handler)) as client:
            create = lambda **kw: client.customers.create(business_id=BIZ, company_name="A", **kw)
            get = lambda **kw: client.customers.get(business_id=BIZ, customer_id=CUS, **kw)
            results = {
                "too long": await attempt(create(reference_number="AB-12345")),
                "pattern": await attempt(create(reference_number="ab-1")),
                "reference ok": await attempt(create(reference_number="AB-1")),
                "at the exclusive maximum": await attempt(create(credit_limit_cents=100000000)),
                "below it": await attempt(create(credit_limit_cents=99999999)),
                "beyond int32": await attempt(create(payment_terms_days=2**31)),
                "int32 max": await attempt(create(payment_terms_days=2**31 - 1)),
                "too many tags": await attempt(create(transaction_tags=["a", "b", "c"])),
                "repeated tag": await attempt(create(transaction_tags=["a", "a"])),
                "query over its maximum": await attempt(get(audit_depth=6)),
                "query ok": await attempt(get(audit_depth=5)),
                "header too long": await attempt(get(x_trace_id="123456789")),
                "header with a line break": await attempt(get(x_trace_id="a\\r\\nX: 1")),
                "header ok": await attempt(get(x_trace_id="t-1")),
            }
        print(json.dumps({"results": results, "sent": sent}))

    asyncio.run(main())
"""


def test_a_constraint_added_to_the_contract_is_enforced_after_codegen(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    vendor_path = root / "openapi" / "thredfi.vendor.yaml"
    vendor = load(vendor_path)
    fields = vendor["components"]["schemas"]["CustomerCreate"]["properties"]
    fields["reference_number"].update(maxLength=6, pattern="^[A-Z]{2}-[0-9]+$")
    fields["credit_limit_cents"].update(maximum=100000000, exclusiveMaximum=True)
    fields["payment_terms_days"]["format"] = "int32"
    fields["transaction_tags"].update(maxItems=2, uniqueItems=True)
    get = vendor["paths"]["/v1/platform/businesses/{business_id}/customers/{customer_id}/"]["get"]
    get["parameters"] += [
        {"in": "query", "name": "audit_depth", "schema": {"type": "integer", "minimum": 1,
                                                           "maximum": 5}},
        {"in": "header", "name": "X-Trace-Id", "schema": {"type": "string", "maxLength": 8}},
    ]  # fmt: skip
    dump(vendor_path, vendor)

    ran = run_codegen(root)
    assert ran.returncode == 0, ran.stderr

    script = tmp_path / "caller.py"
    script.write_text(textwrap.dedent(CALLER))
    called = run_python(root, str(script), cwd=tmp_path)
    assert called.returncode == 0, called.stderr
    out = json.loads(called.stdout)
    results = out["results"]
    refused = {name: result[1:] for name, result in results.items() if result[0] == "refused"}
    assert set(refused) == {
        "too long",
        "pattern",
        "at the exclusive maximum",
        "beyond int32",
        "too many tags",
        "repeated tag",
        "query over its maximum",
        "header too long",
        "header with a line break",
    }
    assert refused["too long"][0] == "reference_number"
    assert "longer than 6 character" in refused["too long"][1]
    assert "does not match the pattern '^[A-Z]{2}-[0-9]+$'" in refused["pattern"][1]
    assert "must be less than 100000000" in refused["at the exclusive maximum"][1]
    assert "int32 integers" in refused["beyond int32"][1]
    assert refused["too many tags"][0] == "transaction_tags"
    assert refused["repeated tag"][0] == "transaction_tags[1]"
    assert refused["query over its maximum"][0] == "audit_depth"
    assert "6 is more than the maximum, 5" in refused["query over its maximum"][1]
    assert refused["header too long"][0] == "x_trace_id"
    assert "line break" in refused["header with a line break"][1]
    # Only the accepted calls were sent, as given.
    assert len(out["sent"]) == 5
    bodies = [json.loads(s["body"]) for s in out["sent"] if s["body"]]
    assert [b.get("reference_number") for b in bodies][:1] == ["AB-1"]
    assert {"credit_limit_cents": 99999999}.items() <= bodies[1].items()
    assert bodies[2]["payment_terms_days"] == 2**31 - 1
    gets = [s for s in out["sent"] if not s["body"]]
    assert [(g["query"], g["trace"]) for g in gets] == [("audit_depth=5", None), ("", "t-1")]
