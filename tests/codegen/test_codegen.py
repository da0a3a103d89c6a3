"""codegen.sh: strict corrections, determinism, speed, and regeneration with no hand edits."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.apply_overlay import OverlayError, apply_overlay
from codegen.spec_extensions import method_name

ROOT = Path(__file__).resolve().parents[2]

VENDOR = ROOT / "openapi" / "thredfi.vendor.yaml"
OVERLAY = ROOT / "openapi" / "corrections.overlay.yaml"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def project_copy(tmp_path: Path) -> Path:
    """The files codegen.sh reads and writes, copied so a test can change the vendor file."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "codegen.sh", root / "codegen.sh")
    for folder in ("codegen", "openapi"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        ROOT / "thredfi_client",
        root / "thredfi_client",
        ignore=shutil.ignore_patterns("__pycache__", "_generated", "testing"),
    )
    return root


def run_codegen(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(root / "codegen.sh")],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def tree_digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for base in paths:
        # Bytecode caches are the interpreter's, not the generator's output.
        files = (
            [base]
            if base.is_file()
            else sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for path in files:
            digest.update(str(path.relative_to(base.parent)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# -- the overlay -----------------------------------------------------------------------------------


def test_committed_contract_is_vendor_plus_corrections() -> None:
    document = load(VENDOR)
    apply_overlay(document, load(OVERLAY))
    assert document == load(ROOT / "openapi" / "thredfi.yaml")


def test_corrections_are_in_the_effective_contract() -> None:
    spec = load(ROOT / "openapi" / "thredfi.yaml")
    schemas = spec["components"]["schemas"]
    assert schemas["Customer"]["properties"]["archived_at"]["nullable"] is True
    assert schemas["Invoice"]["properties"]["paid_at"]["nullable"] is True
    assert schemas["Invoice"]["properties"]["document"]["nullable"] is True
    archive = spec["paths"][
        "/v1/platform/businesses/{business_id}/customers/{customer_id}/archive/"
    ]
    assert "requestBody" not in archive["post"]
    assert archive["post"]["x-idempotent"] is True
    create = spec["paths"]["/v1/platform/businesses/{business_id}/customers/"]["post"]
    assert {"200", "201"} <= set(create["responses"])
    # ...while the vendor file keeps the defects as documented:
    vendor = load(VENDOR)["components"]["schemas"]
    assert "nullable" not in vendor["Customer"]["properties"]["archived_at"]


def test_every_correction_says_why_and_where_from() -> None:
    for action in load(OVERLAY)["actions"]:
        assert action.get("x-correction"), action
        assert action.get("description"), action["x-correction"]
        assert action.get("x-source"), action["x-correction"]


def test_a_correction_that_no_longer_applies_fails_loudly_by_name() -> None:
    document = load(VENDOR)
    del document["components"]["schemas"]["Invoice"]["properties"]["paid_at"]
    with pytest.raises(OverlayError, match="'invoice-paid-at-nullable' no longer applies"):
        apply_overlay(document, load(OVERLAY))


def test_a_correction_the_vendor_already_made_is_reported_not_fatal() -> None:
    document = load(VENDOR)
    document["components"]["schemas"]["Invoice"]["properties"]["paid_at"]["nullable"] = True
    notes = apply_overlay(document, load(OVERLAY))
    assert any("invoice-paid-at-nullable" in note for note in notes)


def test_codegen_fails_naming_the_correction(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    vendor = root / "openapi" / "thredfi.vendor.yaml"
    vendor.write_text(vendor.read_text().replace("archived_at:", "archived_on:"))
    result = run_codegen(root)
    assert result.returncode != 0
    assert "customer-archived-at-nullable" in result.stderr


# -- determinism and speed -------------------------------------------------------------------------


def test_codegen_is_deterministic_fast_and_matches_the_committed_output(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    outputs = (root / "thredfi_client" / "_generated", root / "openapi" / "thredfi.yaml")
    started = time.perf_counter()
    assert run_codegen(root).returncode == 0
    elapsed = time.perf_counter() - started
    first = tree_digest(*outputs)
    assert run_codegen(root).returncode == 0
    assert tree_digest(*outputs) == first
    committed = (ROOT / "thredfi_client" / "_generated", ROOT / "openapi" / "thredfi.yaml")
    assert tree_digest(*committed) == first
    assert elapsed < 60, f"codegen took {elapsed:.1f}s"


@pytest.mark.parametrize(
    ("operation_id", "tag", "expected"),
    [
        ("create_customer", "Customers", "create"),
        ("list_customers", "Customers", "list"),
        ("archive_customer", "Customers", "archive"),
        ("create_invoice", "Invoices", "create"),
        ("void_invoice_payment", "Invoices", "void_payment"),
        ("get_partner_token", "Tokens", "get_partner"),
        ("ping", "Health", "ping"),
        ("customer", "Customers", "customer"),
    ],
)
def test_method_naming_rule(operation_id: str, tag: str, expected: str) -> None:
    assert method_name(operation_id, tag) == expected


# -- regeneration: a new operation is callable with no hand edits ----------------------------------

LIST_OPERATION = {
    "get": {
        "tags": ["Customers"],
        "operationId": "list_customers",
        "summary": "List customers",
        "description": "A page of the business's customers.",
        "parameters": [
            {"$ref": "#/components/parameters/BusinessId"},
            {"in": "query", "name": "page", "schema": {"type": "integer", "minimum": 1}},
            {"in": "query", "name": "page_size", "schema": {"type": "integer", "maximum": 100}},
        ],
        "responses": {
            "200": {
                "description": "A page of customers.",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "count": {"type": "integer"},
                                "results": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Customer"},
                                },
                            },
                            "required": ["count", "results"],
                        }
                    }
                },
            },
            "404": {"$ref": "#/components/responses/NotFound"},
        },
    }
}

CALLER = """
import asyncio, json, sys
import httpx
from thredfi_client import NotFoundError, ThredfiClient

BID = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
CUSTOMER = json.loads(sys.argv[1])
seen = []

def handler(request):
    seen.append((request.method, request.url.path, str(request.url.query, "ascii"),
                 request.headers.get("authorization", "")[:6]))
    if request.url.path.endswith("/oauth2/token/"):
        return httpx.Response(200, json={"access_token": "tok_secret_x", "expires_in": 3600})
    calls = sum(1 for s in seen if s[1].endswith("/customers/"))
    if calls == 1:
        return httpx.Response(503)
    if calls == 2:
        return httpx.Response(200, json={"count": 1, "results": [CUSTOMER]})
    body = {"error_code": "business_not_found", "message": "No such business"}
    return httpx.Response(404, json=body)

async def main():
    async with ThredfiClient(partner_id="p", api_key="k", base_url="https://api.thredfi.test",
                             transport=httpx.MockTransport(handler)) as client:
        client.http_client._transport._sleep = lambda s: asyncio.sleep(0)
        page = await client.customers.list(business_id=BID, page=2, page_size=10)
        error = None
        try:
            await client.customers.list(business_id=BID)
        except NotFoundError as exc:
            error = exc.error_code
    print(json.dumps({"count": page.count, "first": page.results[0].display_name,
                      "type": type(page).__name__, "error": error, "seen": seen}))

asyncio.run(main())
"""


def test_new_operation_is_callable_through_the_layer_after_regeneration(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    vendor_path = root / "openapi" / "thredfi.vendor.yaml"
    vendor = load(vendor_path)
    vendor["paths"]["/v1/platform/businesses/{business_id}/customers/"].update(LIST_OPERATION)
    vendor_path.write_text(yaml.safe_dump(vendor, sort_keys=False))
    result = run_codegen(root)
    assert result.returncode == 0, result.stderr

    customer = json.loads(
        (ROOT / "tests" / "fixtures" / "seed_examples" / "create_customer_201.json").read_text()
    )
    script = tmp_path / "caller.py"
    script.write_text(textwrap.dedent(CALLER))
    ran = subprocess.run(
        [sys.executable, str(script), json.dumps(customer)],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    out = json.loads(ran.stdout)
    assert out["count"] == 1
    assert out["first"] == customer["display_name"]
    assert out["error"] == "business_not_found"  # typed errors
    token, first, retried, failed = out["seen"]
    assert token[1] == "/v1/platform/oauth2/token/"  # auth
    assert (first[0], first[2], first[3]) == ("GET", "page=2&page_size=10", "Bearer")
    assert retried[:3] == first[:3]  # the 503 was retried
    assert failed[2] == ""
    # The regenerated module came from the copy, not from the installed package.
    assert (
        root / "thredfi_client" / "_generated" / "api" / "customers" / "list_customers.py"
    ).exists()


# -- a user's script type-checks with the right types ----------------------------------------------

USER_SCRIPT = """
import datetime
from thredfi_client import ThredfiClient

async def main(bid: str, cid: str) -> None:
    async with ThredfiClient() as client:
        customer = await client.customers.get(business_id=bid, customer_id=cid)
        reveal_type(customer)
        raw = await client.customers.with_raw_response.create(business_id=bid, company_name="A")
        reveal_type(raw)
        invoice = await client.invoices.create(
            business_id=bid, external_id="inv-1", sent_at=datetime.datetime.now(datetime.UTC),
            customer_id=customer.id,
            line_items=[{"description": "Consulting", "quantity": 2, "unit_price": 15000}],
        )
        reveal_type(invoice.status)
        fast = client.with_options(timeout=5.0, max_retries=0)
        reveal_type(fast)
"""


def test_user_script_type_checks_under_mypy_strict(tmp_path: Path) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent(USER_SCRIPT))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file=/dev/null",
            str(script),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    out = result.stdout
    assert 'Revealed type is "thredfi_client._generated.models.customer.Customer"' in out, out
    assert "RawResponse[thredfi_client._generated.models.customer.Customer]" in out, out
    # InvoiceStatus is a str Enum, so `InvoiceStatus | str` (open enum) is simply str to mypy.
    assert 'Revealed type is "str"' in out, out
    assert 'Revealed type is "thredfi_client._client.ThredfiClient"' in out, out
    # reveal_type notes are the only findings: no errors in the user's code.
    assert out.count("error:") == 0, out
