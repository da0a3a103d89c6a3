"""codegen.sh: strict corrections, determinism, speed, and regeneration with no hand edits."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from codegen.apply_overlay import OverlayError, corrected_contract, read_actions
from codegen.names import CLIENT_ATTRIBUTES, method_name
from thredfi_client import ThredfiClient
from thredfi_client._generated import OPERATION_NAMES

from .helpers import (
    OVERLAY,
    ROOT,
    VENDOR,
    dump,
    error_lines,
    load,
    project_copy,
    run_codegen,
    type_check_all_operations,
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
    document, _ = corrected_contract(VENDOR, OVERLAY)
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


def test_every_correction_says_why_where_from_and_how_many_targets() -> None:
    _, actions = read_actions(OVERLAY)
    for action in actions:
        assert action.body.get("x-correction"), action
        assert action.body.get("description"), action.name
        assert action.body.get("x-source"), action.name
        assert action.body.get("x-expected-matches", 0) >= 1, action.name


def _apply_to(vendor: dict[str, object], tmp_path: Path) -> list[str]:
    changed = tmp_path / "vendor.yaml"
    changed.write_text(json.dumps(vendor))
    return corrected_contract(changed, OVERLAY)[1]


def test_a_correction_that_no_longer_applies_fails_loudly_by_name(tmp_path: Path) -> None:
    document = load(VENDOR)
    del document["components"]["schemas"]["Invoice"]["properties"]["paid_at"]
    with pytest.raises(OverlayError, match="'invoice-paid-at-nullable' no longer applies"):
        _apply_to(document, tmp_path)


def test_a_correction_that_lost_one_of_its_targets_fails_by_name(tmp_path: Path) -> None:
    """Issue 10, failure 4: the vendor renamed PartnerToken; the correction kept one target."""
    document = load(VENDOR)
    schemas = document["components"]["schemas"]
    schemas["OAuth2TokenResponse"] = schemas.pop("PartnerToken")
    with pytest.raises(OverlayError) as caught:
        _apply_to(document, tmp_path)
    message = str(caught.value)
    line = next(a.line for a in read_actions(OVERLAY)[1] if "PartnerToken" in a.body["target"])
    assert message.startswith(f"{OVERLAY}:{line}: ")
    assert "correction 'token-lifetime-non-negative'" in message
    assert "matches 1 node(s), not the 2 it was written for" in message


def test_a_correction_the_vendor_already_made_is_reported_not_fatal(tmp_path: Path) -> None:
    document = load(VENDOR)
    document["components"]["schemas"]["Invoice"]["properties"]["paid_at"]["nullable"] = True
    notes = _apply_to(document, tmp_path)
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
    """Run once with PYTHON=, once from an activated virtualenv (no PYTHON, no .venv/)."""
    root = project_copy(tmp_path)
    outputs = (root / "thredfi_client" / "_generated", root / "openapi" / "thredfi.yaml")
    started = time.perf_counter()
    first_run = run_codegen(root)
    assert first_run.returncode == 0, first_run.stderr
    elapsed = time.perf_counter() - started
    assert "codegen: wrote openapi/thredfi.yaml" in first_run.stdout
    first = tree_digest(*outputs)
    assert not (root / ".venv").exists()
    venv = Path(sys.prefix)
    second_run = run_codegen(
        root,
        PYTHON="",
        VIRTUAL_ENV=str(venv),
        PATH=f"{venv / 'bin'}:{os.environ['PATH']}",
    )
    assert second_run.returncode == 0, second_run.stderr
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


# -- regeneration: a new list operation is callable, and pages, with no hand edits ---------------

REFUNDS = "/v1/platform/businesses/{business_id}/invoices/refunds/"

#: A list operation the contract does not have, written as the vendor writes its lists: a `GET`
#: with `page`/`page_size`, answering {count, page_info, results}. Nothing marks it as a list.
LIST_OPERATION = {
    "get": {
        "tags": ["Refunds"],
        "operationId": "list_refunds",
        "summary": "List refunds",
        "description": "The refunds of a business, with standardized pagination.",
        "parameters": [
            {"$ref": "#/components/parameters/BusinessId"},
            {"in": "query", "name": "page", "schema": {"type": "integer"}},
            {"in": "query", "name": "page_size", "schema": {"type": "integer"}},
        ],
        "responses": {
            "200": {
                "description": "A page of refunds.",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "count": {"type": "integer"},
                                "page_info": {"$ref": "#/components/schemas/PageInfo"},
                                "results": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Refund"},
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
import asyncio, json, logging, sys
import httpx
from thredfi_client import NotFoundError, ThredfiClient

BID = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
OTHER = "1c7a7b5f-9f3d-4e6a-8a4f-7a2b3c4d5e6f"
TOTAL = 5
seen = []

def refund(n):
    return {"id": f"00000000-0000-4000-8000-{n:012d}", "refunded_amount": 100 * n,
            "customer_id": BID, "customer_name": "Ada", "allocations": [], "refund_payments": []}

def handler(request):
    path, params = request.url.path, request.url.params
    seen.append((request.method, path, str(request.url.query, "ascii"),
                 request.headers.get("authorization", "")[:6]))
    if path.endswith("/oauth2/token/"):
        return httpx.Response(200, json={"access_token": "tok_secret_x", "expires_in": 3600})
    if OTHER in path:
        return httpx.Response(404, json={"error_code": "business_not_found", "message": "No"})
    page, size = int(params["page"]), int(params["page_size"])
    if page == 2 and sum(1 for s in seen if "page=2&" in s[2]) == 1:
        return httpx.Response(503)  # the first try of page 2: retried by the client
    numbers = range((page - 1) * size + 1, min(page * size, TOTAL) + 1)
    info = {"total_count": TOTAL, "current_page": page, "total_pages": -(-TOTAL // size),
            "page_size": size}
    return httpx.Response(200, json={"count": TOTAL, "page_info": info,
                                     "results": [refund(n) for n in numbers]})

async def main():
    async with ThredfiClient(partner_id="p", api_key="k", base_url="https://api.thredfi.test",
                             transport=httpx.MockTransport(handler)) as client:
        client.http_client._transport._sleep = lambda s: asyncio.sleep(0)
        first = await client.refunds.list(BID, page_size=2)
        walked = [r.refunded_amount async for r in client.refunds.list(BID, page_size=2)]
        pages = [len(p.results) async for p in client.refunds.list(BID, page_size=2).iter_pages()]
        default = await client.refunds.list(BID)
        error = None
        try:
            async for _ in client.refunds.list(OTHER):
                pass
        except NotFoundError as exc:
            error = exc.error_code
    print(json.dumps({"first": [type(first).__name__, len(first.results), first.count],
                      "walked": walked, "pages": pages, "default": len(default.results),
                      "error": error, "seen": seen}))

asyncio.run(main())
"""


def test_a_new_list_operation_pages_after_regeneration_with_no_hand_edits(tmp_path: Path) -> None:
    """Issue 11, done when: a spec copy with one more list operation paginates. The only edit
    is the operation's public name, which codegen asks for; no Python is written."""
    root = project_copy(tmp_path)
    vendor_path = root / "openapi" / "thredfi.vendor.yaml"
    vendor = load(vendor_path)
    vendor["paths"][REFUNDS].update(LIST_OPERATION)  # replaces the vendor's own list_refunds
    dump(vendor_path, vendor)
    names = root / "codegen" / "names.yaml"
    # As if the contract had no list of refunds yet: its public name is not in the table either.
    names.write_text(names.read_text().replace("  list_refunds: refunds.list\n", "", 1))
    refused = run_codegen(root)
    assert refused.returncode == 1
    assert (
        f"codegen: list_refunds (GET {REFUNDS}) has no public name: add "
        "'list_refunds: refunds.list' under operations: in codegen/names.yaml" in refused.stderr
    ), refused.stderr
    names.write_text(
        names.read_text().replace("operations:\n", "operations:\n  list_refunds: refunds.list\n", 1)
    )
    result = run_codegen(root)
    assert result.returncode == 0, result.stderr
    facade = (root / "thredfi_client/_generated/api/refunds/__init__.py").read_text()
    # The item type is the page's `results` items: `async for` infers Refund.
    assert "    ) -> AsyncPager[Refund, RefundsListResponse200]:" in facade

    script = tmp_path / "caller.py"
    script.write_text(textwrap.dedent(CALLER))
    ran = subprocess.run(
        [sys.executable, str(script)],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    out = json.loads(ran.stdout)
    assert out["first"] == ["RefundsListResponse200", 2, 5]  # await: the first page, typed
    assert out["walked"] == [100, 200, 300, 400, 500]  # async for: every item of every page
    assert out["pages"] == [2, 2, 1]  # iter_pages(): whole pages, stopping at total_pages
    assert out["default"] == 5  # page_size 100 unless given
    assert out["error"] == "business_not_found"  # typed errors
    token, *calls = out["seen"]
    assert token[1] == "/v1/platform/oauth2/token/"  # auth
    assert all(call[3] == "Bearer" for call in calls)
    refunds = [call[2] for call in calls if call[1].endswith("/refunds/")]
    walk = ["page=1&page_size=2", "page=2&page_size=2", "page=2&page_size=2", "page=3&page_size=2"]
    assert refunds[1:5] == walk  # the 503 on page 2 was retried, then the walk went on
    assert refunds[5:8] == ["page=1&page_size=2", "page=2&page_size=2", "page=3&page_size=2"]
    assert refunds[8] == "page=1&page_size=100"
    # The regenerated module came from the copy, not from the installed package.
    assert (root / "thredfi_client" / "_generated" / "api" / "refunds" / "refunds_list.py").exists()


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
        page = await client.invoices.list(business_id=bid, status=["sent", "overdue"])
        reveal_type(page)
        async for listed in client.invoices.list(business_id=bid, page_size=50):
            reveal_type(listed)
        async for whole in client.invoices.list(business_id=bid).iter_pages():
            reveal_type(whole.results)
        paid = await client.invoice_payments.create(
            business_id=bid, customer_id=cid, total_amount_cents=100,
            payment_date=datetime.date.today(),
            allocations=[{"invoice_id": invoice.id, "amount_cents": 100}],
        )
        reveal_type(paid)
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
            f"--cache-dir={tmp_path.parent / 'mypy-cache'}",  # per worker (see helpers.py)
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
    # Lists: the first page when awaited, the item type in `async for` (issue 11).
    models = "thredfi_client._generated.models"
    page = f"{models}.paginated_invoice_list.PaginatedInvoiceList"
    assert f'Revealed type is "{page}"' in out, out
    assert f'Revealed type is "{models}.invoice.Invoice"' in out, out
    assert f'Revealed type is "list[{models}.invoice.Invoice]"' in out, out
    # A wrapped response: the payment itself, not its envelope.
    assert f'Revealed type is "{models}.invoice_payment.InvoicePayment"' in out, out
    # reveal_type notes are the only findings: no errors in the user's code.
    assert out.count("error:") == 0, out


def test_every_operation_type_checks_and_wrong_argument_types_are_rejected(
    tmp_path: Path,
) -> None:
    """A user script calling every generated operation (written from OPERATION_NAMES and the
    methods' signatures by tests/codegen/user_script.py) passes mypy --strict, and the same
    calls with a wrong argument type are each rejected."""
    out, facts = type_check_all_operations(ROOT, tmp_path)
    assert facts["operations"] == len(OPERATION_NAMES)
    assert out.count("Revealed type is") == len(OPERATION_NAMES), out
    revealed = [line for line in out.splitlines() if "Revealed type" in line]
    assert not any("Any" in line for line in revealed), out
    wrong = {int(line) for line in facts["wrong_lines"]}
    assert len(wrong) >= len(OPERATION_NAMES)  # one per operation, and transaction_tags
    assert error_lines(out, "every_operation.py") == wrong, out


# -- codegen.sh finds its Python and says what is missing --------------------------------------


def test_codegen_sh_names_what_the_interpreter_lacks(tmp_path: Path) -> None:
    bare = tmp_path / "bare-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    result = run_codegen(ROOT, PYTHON=str(bare / "bin" / "python"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"codegen: {bare}/bin/python (from $PYTHON) lacks ")
    assert "openapi-python-client==0.29.1 (missing)" not in lines[0]
    assert "openapi-python-client (missing), ruff (missing)" in lines[0]
    assert "run ./scripts/bootstrap" in lines[0]


def test_codegen_sh_names_a_python_that_is_not_there(tmp_path: Path) -> None:
    result = run_codegen(ROOT, PYTHON=str(tmp_path / "nowhere" / "python"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"codegen: no Python 3.11+ at '{tmp_path}/nowhere/python' (from $PYTHON): set PYTHON=, "
        "activate a virtualenv, or run ./scripts/bootstrap"
    ]


def test_resources_cannot_hide_client_attributes() -> None:
    """names.py refuses a resource named like a ThredfiClient attribute: keep its list whole."""
    public = {n for n in dir(ThredfiClient) if not n.startswith("_")}
    assert public - set(OPERATION_NAMES_RESOURCES) <= CLIENT_ATTRIBUTES


OPERATION_NAMES_RESOURCES = {resource for resource, _ in OPERATION_NAMES.values()}
