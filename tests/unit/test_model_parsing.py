"""How the generated models parse (codegen/templates/model.py.jinja and property_templates/).

The templates change the shape of the generated parsing code for speed (docs/performance.md,
benchmark (c)); these tests pin that the behaviour is the upstream one: ``parse_uuid`` agrees
with ``uuid.UUID``, union fields still fall back to the raw value, and every model module imports
on its own even though it imports the models it refers to at its bottom.
"""

from __future__ import annotations

import ast
import json
import os
import pickle
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from thredfi_client._generated.types import parse_uuid
from thredfi_client.models import AccountIdentifier, InvoiceLineItem

MODELS = Path(__file__).parents[2] / "thredfi_client" / "_generated" / "models"

UUID_INPUTS: list[Any] = [
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}",
    "urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",
    " a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",  # int(..., 16) takes the space: so does UUID()
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4 ",
    "+a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "0_1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4g",  # not hex
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4",  # too short
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d0",  # too long
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1-2b3c4d",  # a fifth hyphen
    "0a1b2c3d04e5f04a6b08c7d09e0f1a2b3c4d",  # 36 characters, no hyphens
    "-a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "0x1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "",
    "not a uuid",
    42,
    None,
    ["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"],
]


def outcome(function: Any, value: Any) -> tuple[str, Any]:
    try:
        result = function(value)
    except Exception:  # only whether it raised matters: the client maps them all
        return ("raised", None)
    return ("value", (type(result), result.int, result.is_safe, str(result), hash(result)))


@pytest.mark.parametrize("value", UUID_INPUTS, ids=repr)
def test_parse_uuid_agrees_with_uuid(value: Any) -> None:
    parse_uuid.cache_clear()
    assert outcome(parse_uuid, value) == outcome(uuid.UUID, value)


def test_parsed_uuids_behave_like_uuids() -> None:
    text = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    parsed = parse_uuid(text)
    assert parsed == uuid.UUID(text)
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert parsed.version == 4
    assert {parsed: 1}[uuid.UUID(text)] == 1
    with pytest.raises(TypeError):
        parsed.int = 1  # type: ignore[misc]  # immutable, so sharing one object is safe


def test_parse_uuid_remembers_ids_not_errors_and_is_bounded() -> None:
    parse_uuid.cache_clear()
    text = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    assert parse_uuid(text) is parse_uuid(text)
    with pytest.raises(ValueError, match="badly formed"):
        parse_uuid("nope")
    info = parse_uuid.cache_info()
    assert (info.currsize, info.hits, info.maxsize) == (1, 1, 4096)


def test_union_fields_still_fall_back_to_the_raw_value() -> None:
    line = {"id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "quantity": 1}
    as_model = InvoiceLineItem.from_dict(
        {**line, "account_identifier": {"id": line["id"], "type": "AccountId"}}
    )
    assert isinstance(as_model.account_identifier, AccountIdentifier)
    as_null = InvoiceLineItem.from_dict({**line, "account_identifier": None})
    assert as_null.account_identifier is None
    odd = InvoiceLineItem.from_dict({**line, "account_identifier": "4000"})
    kept: object = odd.account_identifier
    assert kept == "4000"  # kept as sent (typed otherwise), as the upstream parser does
    assert odd.to_dict()["account_identifier"] == "4000"


def _functions(tree: ast.AST) -> list[ast.FunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]


@pytest.mark.parametrize("path", sorted(MODELS.glob("*.py")), ids=lambda path: path.name)
def test_model_methods_define_no_closures_and_import_nothing(path: Path) -> None:
    tree = ast.parse(path.read_text())
    for function in _functions(tree):
        for node in ast.walk(function):
            assert not isinstance(node, ast.Import | ast.ImportFrom), (path.name, function.name)
            if node is not function:
                assert not isinstance(node, ast.FunctionDef), (path.name, function.name)
    top = [node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)]
    assert len(top) == len(set(top)), f"{path.name}: a hoisted parser shadows another: {top}"


#: Imports each named model module as a fresh interpreter would: with no module of the package
#: loaded before it (every ``thredfi_client`` module is dropped from ``sys.modules`` first; the
#: third-party ones stay, as they hold no state of ours). One interpreter for all of them, not
#: one each: the same check, without paying an interpreter's start-up per module.
_IMPORT_EACH_ALONE = """
import importlib, json, sys
failures = {}
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m.partition(".")[0] == "thredfi_client"]:
        del sys.modules[loaded]
    try:
        importlib.import_module("thredfi_client._generated.models." + name)
    except Exception as exc:
        failures[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps(failures))
"""


def test_every_model_module_imports_on_its_own() -> None:
    """Each module that imports other models (at its bottom) first, with nothing of ours loaded."""
    names = sorted(
        path.stem for path in MODELS.glob("*.py") if "from ..models." in path.read_text()
    )
    assert len(names) >= 5  # the invoice and customer models refer to others
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH_ALONE, *names],
        capture_output=True,
        text=True,
        timeout=300,  # ~90 fresh imports of the package: about 40 s of CPU, more on a busy box
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}


def test_importing_each_model_alone_finds_a_module_that_needs_another_first(
    tmp_path: Path,
) -> None:
    """The check above can fail: a model module that only works once another was imported."""
    package = tmp_path / "thredfi_client"
    (package / "_generated" / "models").mkdir(parents=True)
    for init in (package, package / "_generated", package / "_generated" / "models"):
        (init / "__init__.py").write_text("")
    models = package / "_generated" / "models"
    (models / "base.py").write_text("import sys\nsys.modules[__name__].READY = True\n")
    # Works only if `base` was imported before (a missing import at the module's bottom).
    (models / "needy.py").write_text(
        "import sys\nassert getattr(sys.modules.get(__package__ + '.base'), 'READY', False)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH_ALONE, "base", "needy"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert list(json.loads(result.stdout)) == ["needy"]


def test_every_generated_module_defines_what_it_exports() -> None:
    import importlib

    generated = Path(__file__).parents[2] / "thredfi_client" / "_generated"
    for path in sorted(generated.rglob("*.py")):
        relative = path.relative_to(generated.parent.parent).with_suffix("")
        name = ".".join(part for part in relative.parts if part != "__init__")
        module = importlib.import_module(name)
        missing = [item for item in getattr(module, "__all__", ()) if not hasattr(module, item)]
        assert not missing, f"{name} exports names it does not define: {missing}"


# -- from_dict's two paths (model.py.jinja): every field present, or not --------------------------

LINE = {
    "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "invoice_id": "11111111-1111-4111-8111-111111111111",
    "account_identifier": {"id": "22222222-2222-4222-8222-000000000001", "type": "AccountId"},
    "description": "Widget",
    "unit_price": 1250,
    "quantity": 2,
    "subtotal": 2500,
    "discount_amount": 0,
    "sales_taxes_total": 500,
    "total_amount": 3000,
    "external_id": None,
    "product": "WIDGET",
}


def _expected_line(source: dict[str, Any], extra: dict[str, Any]) -> InvoiceLineItem:
    """The line built through attrs' __init__, as the upstream from_dict built it."""
    from thredfi_client._operation import UNSET

    def get(key: str) -> Any:
        return source.get(key, UNSET)

    account = get("account_identifier")
    if isinstance(account, dict):
        account = AccountIdentifier(id=uuid.UUID(account["id"]), type_=account["type"])
    line = InvoiceLineItem(
        id=uuid.UUID(source["id"]) if "id" in source else UNSET,
        invoice_id=uuid.UUID(source["invoice_id"]) if "invoice_id" in source else UNSET,
        account_identifier=account,
        description=get("description"),
        unit_price=get("unit_price"),
        quantity=get("quantity"),
        subtotal=get("subtotal"),
        discount_amount=get("discount_amount"),
        sales_taxes_total=get("sales_taxes_total"),
        total_amount=get("total_amount"),
        external_id=get("external_id"),
        product=get("product"),
    )
    line.additional_properties = extra
    return line


@pytest.mark.parametrize(
    ("drop", "extra"),
    [
        ((), {}),  # every field present, nothing more: the usual response
        ((), {"colour": "red"}),  # every field present and one more
        (("product", "id"), {}),  # some absent
        (("quantity",), {"colour": "red", "size": None}),  # absent and unknown at once
    ],
)
def test_from_dict_builds_what_the_constructor_builds_on_either_path(
    drop: tuple[str, ...], extra: dict[str, Any]
) -> None:
    source = {key: value for key, value in LINE.items() if key not in drop} | extra
    parsed = InvoiceLineItem.from_dict(source)
    assert parsed == _expected_line(source, extra)
    assert parsed.additional_properties == extra
    assert parsed.to_dict() == {**source, **{"account_identifier": LINE["account_identifier"]}}
    parsed["later"] = 1  # its own dict, not shared with other instances or the source
    assert "later" not in InvoiceLineItem.from_dict(source).additional_properties
    assert "later" not in source


def test_from_dict_still_raises_key_error_for_a_missing_required_field() -> None:
    from thredfi_client.models import Invoice

    with pytest.raises(KeyError, match="business_id"):  # the first absent, as upstream
        Invoice.from_dict({"type": "Invoice", "id": LINE["invoice_id"]})


def test_no_model_needs_its_init() -> None:
    """from_dict makes objects without calling __init__ (faster); that is only the same object
    while attrs' __init__ does nothing but store the values: no validator, converter or hook."""
    import attrs

    import thredfi_client.models as models

    classes = [getattr(models, name) for name in models.__all__]
    checked = [cls for cls in classes if attrs.has(cls)]
    assert len(checked) >= 20
    for cls in checked:
        for hook in ("__attrs_pre_init__", "__attrs_post_init__", "__attrs_init_subclass__"):
            assert not hasattr(cls, hook), (cls.__name__, hook)
        for field in attrs.fields(cls):
            assert field.validator is None, (cls.__name__, field.name)
            assert field.converter is None, (cls.__name__, field.name)
            assert field.on_setattr in (None, attrs.setters.NO_OP), (cls.__name__, field.name)
        assert cls.__setattr__ is object.__setattr__, cls.__name__


@pytest.mark.parametrize(
    "value",
    [
        "0x1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",  # 32 characters that int(..., 16) reads
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d-",
        "0a1b2c3d4-e5f-4a6b-8c7d-9e0f1a2b3c4d",  # hyphens elsewhere: UUID() takes them
        "{0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d}",
        "urn:uuid:0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",
        "\u0660a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4\u0661",
        b"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        uuid.UUID(int=5),
        3.5,
    ],
    ids=repr,
)
def test_parse_uuid_agrees_with_uuid_on_more_forms(value: Any) -> None:
    parse_uuid.cache_clear()
    assert outcome(parse_uuid, value) == outcome(uuid.UUID, value)
