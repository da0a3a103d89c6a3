"""A resource added to the contract is served by the sandbox with no handler written (issue 20).

In a scratch copy of the project, a made-up resource (``widgets``: create, list, get, update) is
added to the vendor file in the vendor's style and to ``codegen/names.yaml``, and
``./codegen.sh`` regenerates the SDK there. The copy's SDK then drives the copy's sandbox over a
loopback socket, in a subprocess: the widgets are created (and replayed by ``external_id``),
listed, fetched, updated and filtered, with nothing written for them but the contract and the
names. The sandbox tests of the real resources cover the engine's rules; this one covers that a
new resource needs no code.
"""

from __future__ import annotations

import copy
import shutil
import textwrap
from pathlib import Path
from typing import Any

from .helpers import ROOT, dump, load, project_copy, run_codegen, run_python

WIDGETS = "/v1/platform/businesses/{business_id}/widgets/"
WIDGET = WIDGETS + "{widget_id}/"
NAMES = {
    "operations": {
        "create_widget": "widgets.create",
        "list_widgets": "widgets.list",
        "get_widget": "widgets.get",
        "update_widget": "widgets.update",
    },
    "models": {
        "CreateWidgetRequest": "WidgetCreate",
        "PatchedUpdateWidgetRequest": "WidgetUpdate",
        "Widget": "Widget",
        "WidgetSize": "WidgetSize",
        "PaginatedWidgetList": "PaginatedWidgetList",
    },
}
SCHEMAS: dict[str, Any] = {
    "CreateWidgetRequest": {
        "type": "object",
        "properties": {
            "external_id": {"type": "string", "minLength": 1, "description": "Your id."},
            "name": {"type": "string", "minLength": 1, "maxLength": 100},
            "size": {"$ref": "#/components/schemas/WidgetSize"},
            "weight_grams": {"type": "integer", "minimum": 0},
        },
        "required": ["external_id", "name"],
    },
    "PatchedUpdateWidgetRequest": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 100},
            "size": {"$ref": "#/components/schemas/WidgetSize"},
            "weight_grams": {"type": "integer", "minimum": 0},
        },
    },
    "WidgetSize": {"type": "string", "enum": ["small", "large"], "default": "small"},
    "Widget": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "business_id": {"type": "string", "format": "uuid"},
            "external_id": {"type": "string"},
            "name": {"type": "string"},
            "size": {"$ref": "#/components/schemas/WidgetSize"},
            "weight_grams": {"type": "integer", "nullable": True},
            "status": {"type": "string", "enum": ["active", "retired"]},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
        },
        "required": ["id", "business_id", "external_id", "name", "status", "created_at"],
    },
    "PaginatedWidgetList": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "page_info": {"$ref": "#/components/schemas/PageInfo"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
        },
        "required": ["count", "page_info", "results"],
    },
}
#: The copy's SDK against the copy's sandbox over loopback; prints "ok" when every step holds.
SCRIPT = textwrap.dedent(
    """
    import asyncio
    from thredfi_client import ThredfiClient, NotFoundError
    from thredfi_client.testing import Sandbox, SandboxServer

    async def main():
        sandbox = Sandbox()
        async with SandboxServer(sandbox) as server:
            async with ThredfiClient(
                partner_id=sandbox.partner_id, api_key=sandbox.api_key,
                base_url=server.base_url, max_retries=0,
            ) as client:
                bid = sandbox.business_id
                made = await client.widgets.with_raw_response.create(
                    business_id=bid, external_id="w-1", name="Sprocket", weight_grams=40
                )
                again = await client.widgets.with_raw_response.create(
                    business_id=bid, external_id="w-1", name="Sprocket", weight_grams=40
                )
                assert (made.status_code, again.status_code) == (201, 200)
                first = made.parsed
                assert again.parsed.id == first.id
                assert (first.name, first.size, first.status) == ("Sprocket", "small", "active")
                assert str(first.business_id) == bid and first.created_at is not None
                await client.widgets.create(
                    business_id=bid, external_id="w-2", name="Cog", size="large"
                )
                listed = [w.name async for w in client.widgets.list(business_id=bid)]
                assert listed == ["Sprocket", "Cog"], listed
                changed = await client.widgets.update(
                    business_id=bid, widget_id=first.id, size="large"
                )
                assert (changed.name, changed.size, changed.weight_grams) == (
                    "Sprocket", "large", 40)
                fetched = await client.widgets.get(business_id=bid, widget_id=first.id)
                assert fetched.size == "large" and fetched.updated_at >= first.created_at
                try:
                    await client.widgets.get(
                        business_id=bid, widget_id="3c90c3cc-0d44-4b50-8888-8dd25736052a"
                    )
                except NotFoundError as exc:
                    assert exc.body["error_code"] == "widget_not_found", exc.body
                else:
                    raise AssertionError("an unknown widget was found")
                assert sorted(w["name"] for w in sandbox.records("widgets").values()) == [
                    "Cog", "Sprocket"]
        print("ok")

    asyncio.run(main())
    """
)


def _operation(template: dict[str, Any], operation_id: str, summary: str) -> dict[str, Any]:
    """An operation in the vendor's style, from one of its own (tags, security, errors)."""
    out = copy.deepcopy(template)
    out.update(tags=["Widgets"], summary=summary, operationId=operation_id, description=summary)
    return out


def _add_widgets(vendor: dict[str, Any]) -> None:
    credits = vendor["paths"]["/v1/platform/businesses/{business_id}/customer-credits/"]
    create = _operation(credits["post"], "create_widget", "Create Widget")
    body = {"$ref": "#/components/schemas/CreateWidgetRequest"}
    create["requestBody"]["content"] = {
        media: {"schema": body} for media in create["requestBody"]["content"]
    }
    created = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}}}
    create["responses"]["201"] = {**created, "description": ""}
    create["responses"]["200"] = {**created, "description": "Idempotent replay (external_id)."}
    listing = _operation(credits["get"], "list_widgets", "List Widgets")
    listing["parameters"] = [
        listing["parameters"][0],
        *[p for p in listing["parameters"] if p["name"] in ("page", "page_size")],
        {"in": "query", "name": "size", "schema": {"type": "string"}, "description": "Filter."},
    ]
    page = {"$ref": "#/components/schemas/PaginatedWidgetList"}
    listing["responses"]["200"] = {
        "content": {"application/json": {"schema": page}},
        "description": "",
    }
    one_param = {
        "in": "path",
        "name": "widget_id",
        "schema": {"type": "string", "format": "uuid"},
        "required": True,
    }
    get = _operation(credits["get"], "get_widget", "Retrieve Widget")
    get["parameters"] = [get["parameters"][0], one_param]
    get["responses"]["200"] = {**created, "description": ""}
    update = _operation(create, "update_widget", "Update Widget")
    update["parameters"] = [update["parameters"][0], one_param]
    patch_body = {"$ref": "#/components/schemas/PatchedUpdateWidgetRequest"}
    update["requestBody"] = {
        "content": {media: {"schema": patch_body} for media in update["requestBody"]["content"]}
    }
    update["responses"] = {k: v for k, v in create["responses"].items() if k != "201"}
    vendor["paths"][WIDGETS] = {"post": create, "get": listing}
    vendor["paths"][WIDGET] = {"get": get, "patch": update}
    vendor["components"]["schemas"].update(copy.deepcopy(SCHEMAS))
    vendor["tags"].append({"name": "Widgets"})


def test_a_resource_added_to_the_contract_is_served_with_no_handler(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    shutil.copytree(
        ROOT / "thredfi_client" / "testing",
        root / "thredfi_client" / "testing",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    vendor_path = root / "openapi" / "thredfi.vendor.yaml"
    vendor = load(vendor_path)
    _add_widgets(vendor)
    dump(vendor_path, vendor)
    names_path = root / "codegen" / "names.yaml"
    names = load(names_path)
    for table, entries in NAMES.items():
        names[table].update(entries)
    dump(names_path, names)

    generated = run_codegen(root)
    assert generated.returncode == 0, generated.stderr[-3000:]
    ran = run_python(root, "-c", SCRIPT, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert ran.stdout.strip() == "ok"
    # No handler was written: the copy's sandbox is the project's, byte for byte.
    for source in (ROOT / "thredfi_client" / "testing").rglob("*.py"):
        copied = root / source.relative_to(ROOT)
        assert copied.read_bytes() == source.read_bytes(), copied
