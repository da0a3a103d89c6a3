"""Codegen's own inputs: the overlay and the tables (codegen/names.yaml, codegen/skipped.yaml) are
read strictly, and the names table refuses names the generated code or the SDK already uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen.apply_overlay import OverlayError, load_yaml, read_actions
from codegen.generate import CodegenError, load_skips
from codegen.names import NamesError, suggested_name
from codegen.names import load as load_names
from codegen.prepare_spec import PrepareError, prepare

from .test_prepare import CREDIT_NOTES, NAMED, SCHEMA, contract_with, credit_note

# -- strict YAML: codegen's own tables and the overlay ---------------------------------------------


def _read_overlay(path: Path) -> object:
    return read_actions(path)


def _read_names(path: Path) -> object:
    return load_names(path)


def _read_skips(path: Path) -> object:
    return load_skips(path)


@pytest.mark.parametrize(
    ("reader", "error", "line", "text"),
    [
        (
            _read_overlay,
            OverlayError,
            6,
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
            "  - target: $.info\n    update: {x-a: 1}\n    update: {x-b: 2}\n",
        ),
        (
            _read_names,
            NamesError,
            4,
            "operations:\n  list_invoices: invoices.list\n  get_invoice: invoices.get\n"
            "  list_invoices: invoices.find\nmodels: {}\n",
        ),
        (_read_skips, CodegenError, 3, "operations:\n  a_op: one reason\n  a_op: another reason\n"),
    ],
    ids=["overlay", "names.yaml", "skipped.yaml"],
)
def test_a_repeated_key_fails_naming_the_file_and_both_lines(
    tmp_path: Path, reader: Any, error: type[Exception], line: int, text: str
) -> None:
    """PyYAML keeps the last of two equal keys silently: an entry would vanish without a word."""
    path = tmp_path / "table.yaml"
    path.write_text(text)
    with pytest.raises(error) as caught:
        reader(path)
    message = str(caught.value)
    if isinstance(caught.value, NamesError | CodegenError):
        (message,) = caught.value.messages
    assert message.startswith(f"{path}:{line}:"), message
    assert "is repeated (first on line" in message
    assert "\n" not in message


def test_yaml_1_1_words_and_dates_stay_the_strings_openapi_means(tmp_path: Path) -> None:
    """OpenAPI documents are YAML 1.2: `on`, `no` and `2024-01-01` are strings there."""
    path = tmp_path / "vendor.yaml"
    path.write_text("enum: [on, off, yes, no, true]\ndefault: 2024-01-01\n")
    assert load_yaml(path) == {"enum": ["on", "off", "yes", "no", True], "default": "2024-01-01"}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("operations: {a_op: x.overload}\n", "'overload' cannot be a method name"),
        ("models: {A: Mapping}\n", "'Mapping' is a name the SDK or its generated code"),
        ("models: {A: ThredfiClient}\n", "'ThredfiClient' is a name the SDK or its generated"),
        ("models: {A: CustomersResource}\n", "'CustomersResource' is a name the SDK or its"),
        ("operation: {a_op: x.get}\n", "unknown section 'operation' (expected operations, models)"),
        ("operations: [a_op]\n", "operations: must be a mapping of names, not a list"),
    ],
)
def test_names_the_generated_code_already_uses_are_refused(
    tmp_path: Path, table: str, message: str
) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(table)
    with pytest.raises(NamesError) as caught:
        load_names(path)
    assert any(message in line for line in caught.value.messages), caught.value.messages


@pytest.mark.parametrize(
    ("operation_id", "tag"),
    [("import", "1099 Forms"), ("2fa_enable", "Security"), ("get", "")],
)
def test_the_suggested_entry_is_always_one_the_table_accepts(
    tmp_path: Path, operation_id: str, tag: str
) -> None:
    suggestion = suggested_name(operation_id, tag)
    path = tmp_path / "names.yaml"
    path.write_text(f"operations:\n  {operation_id}: {suggestion}\n")
    assert str(load_names(path).operations[operation_id]) == suggestion


def test_an_operation_id_used_twice_fails_naming_both_operations() -> None:
    contract = contract_with(credit_note({"application/json": SCHEMA}))
    contract["paths"][CREDIT_NOTES]["put"] = credit_note({"application/json": SCHEMA})
    with pytest.raises(PrepareError) as caught:
        prepare(contract, NAMED, {})
    assert (
        f"operationId 'create_credit_note' is used by both PUT {CREDIT_NOTES} and POST "
        f"{CREDIT_NOTES}: operationIds are unique (OpenAPI), and the table names operations by "
        "them: give one another operationId in the overlay"
    ) in caught.value.messages
