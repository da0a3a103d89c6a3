"""The layering rules of docs/architecture.md, checked on the import graph (DESIGN.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "thredfi_client"


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the thredfi_client modules a file imports (relative imports resolved)."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    if path.name == "__init__.py":
        package = ".".join(path.relative_to(PACKAGE.parent).parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("thredfi_client")}


#: The hand-written modules generated code may import (docs/architecture.md): the runtime of
#: every operation, and auto-pagination, which builds on it.
RUNTIME = ("thredfi_client._operation", "thredfi_client._pagination")


def _outside(modules: set[str], allowed: tuple[str, ...]) -> set[str]:
    return {m for m in modules if not any(m == a or m.startswith(a + ".") for a in allowed)}


def test_generated_code_imports_only_the_runtime_modules() -> None:
    files = list((PACKAGE / "_generated").rglob("*.py"))
    assert files
    for path in files:
        outside = _outside(imported_modules(path), ("thredfi_client._generated", *RUNTIME))
        assert not outside, f"{path.relative_to(PACKAGE)} imports {outside}"


def test_the_runtime_modules_reach_only_the_exception_tree() -> None:
    """``_operation`` imports only ``_errors`` (for the argument errors it raises, which are
    ThredfiErrors), ``_pagination`` only those two, and ``_errors`` no other layer:
    generated code reaches no client, auth, retry or token code through them
    (docs/architecture.md)."""
    imported = imported_modules(PACKAGE / "_operation.py")
    assert {m.rsplit(".", 1)[0] if m.count(".") > 1 else m for m in imported} <= {
        "thredfi_client._errors"
    }
    reached = imported_modules(PACKAGE / "_errors.py")
    assert {m for m in reached if not m.startswith("thredfi_client._extensions")} == set()
    allowed = (RUNTIME[0], "thredfi_client._errors")
    assert _outside(imported_modules(PACKAGE / "_pagination.py"), allowed) == set()
    assert imported_modules(PACKAGE / "_pagination.py")


def test_generated_list_methods_return_the_pager() -> None:
    """A list operation's facade method hands the call to ``AsyncPager`` (one rule, in
    codegen/prepare_spec.py), rather than pagination written per operation."""
    facade = (PACKAGE / "_generated" / "api" / "invoices" / "__init__.py").read_text()
    assert "-> AsyncPager[Invoice, PaginatedInvoiceList]:" in facade


#: What each hand-written layer below the client may import (DESIGN.md: data flows one way).
#: Modules of the two concern folders, ``_transports/`` and ``_auth/``, are named with their folder.
ALLOWED = {
    "_extensions": set(),
    "_errors": set(),
    # The retry layer's own leaves: reading a body, and the attempt deadline.
    "_transports._body": set(),
    "_transports._deadline": set(),
    "_retry": {"_extensions", "_transports._body", "_transports._deadline"},
    # The inner transports, below the retry layer (they find its deadline by context variable).
    "_transports._pool": {"_errors"},
    "_transports._httpx": {"_transports._deadline", "_transports._pool"},
    # _body too: it reads a small plain body whole within the cap (PrereadingTransport).
    "_transports._aiohttp": {
        "_transports._body",
        "_transports._deadline",
        "_errors",
        "_extensions",
        "_transports._pool",
    },
    "_transports._native": {
        "_transports._body",
        "_transports._deadline",
        "_errors",
        "_extensions",
        "_transports._pool",
    },
    # The bottom leaf only: its bounded parser of a server's JSON (parse_json_body).
    "_auth._redaction": {"_errors"},
    "_auth._token_store": set(),
    "_auth._redis_store": set(),
    "_auth._single_flight": set(),
    "_auth._tokens": {
        "_errors",
        "_extensions",
        "_auth._redaction",
        "_retry",
        "_auth._single_flight",
        "_auth._token_store",
    },
    "_auth._flow": {"_extensions", "_auth._tokens"},
}

#: The folders whose modules are layers of their own (a module is named with its folder).
CONCERN_FOLDERS = ("_transports", "_auth")


def _layer_of(module: str) -> str:
    parts = module.removeprefix("thredfi_client.").split(".")
    if parts[0] in CONCERN_FOLDERS and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_what_is_below_them(layer: str) -> None:
    path = PACKAGE / (layer.replace(".", "/") + ".py")
    imported = {_layer_of(m) for m in imported_modules(path)} - {layer, *CONCERN_FOLDERS}
    assert imported <= ALLOWED[layer], f"{layer} imports {imported - ALLOWED[layer]}"
    assert "_client" not in imported


def test_every_module_of_the_concern_folders_has_its_rule() -> None:
    """A module added to ``_transports/`` or ``_auth/`` gets its own import rule above."""
    for folder in CONCERN_FOLDERS:
        for path in (PACKAGE / folder).glob("_*.py"):
            if path.name != "__init__.py":
                assert f"{folder}.{path.stem}" in ALLOWED, f"{folder}/{path.name} has no rule"


def test_plain_import_pulls_no_server_dependency() -> None:
    import subprocess
    import sys

    code = (
        "import sys, thredfi_client; "
        "servers = ('starlette', 'uvicorn', 'aiohttp', 'openapi_core', 'redis', 'cryptography'); "
        "bad = [m for m in servers if m in sys.modules]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_plain_import_defers_models_and_asyncio_to_first_use() -> None:
    """Import time is benchmark (d): models and asyncio load when a call first needs them."""
    import subprocess
    import sys

    code = (
        "import sys, thredfi_client\n"
        "def loaded():\n"
        "    return sorted(m for m in sys.modules if m == 'asyncio'"
        " or m.startswith('thredfi_client._generated.models'))\n"
        "print(loaded())\n"
        "import asyncio, httpx\n"
        "from thredfi_client import ThredfiClient\n"
        "def handler(request):\n"
        "    if request.url.path.endswith('/token/'):\n"
        "        return httpx.Response(200, json={'access_token': 't', 'token_type': 'Bearer',"
        " 'expires_in': 3600})\n"
        "    return httpx.Response(200, content=open(sys.argv[1], 'rb').read())\n"
        "async def main():\n"
        "    async with ThredfiClient(partner_id='p', api_key='k',"
        " transport=httpx.MockTransport(handler)) as client:\n"
        "        customer = await client.customers.get('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',"
        " '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')\n"
        "    print(type(customer).__name__, 'asyncio' in sys.modules)\n"
        "asyncio.run(main())\n"
    )
    example = Path(__file__).parents[1] / "fixtures" / "seed_examples" / "create_customer_201.json"
    out = subprocess.run(
        [sys.executable, "-c", code, str(example)], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["[]", "Customer", "True"], out.stdout + out.stderr
