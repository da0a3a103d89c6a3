"""``./codegen.sh``: regenerate ``openapi/thredfi.yaml`` and ``_generated/``, strictly.

1. The contract: ``openapi/thredfi.vendor.yaml`` + ``openapi/corrections.overlay.yaml``
   (``codegen/apply_overlay.py``: each correction matches what it was written for, or fails).
2. The generator's view of it (``codegen/prepare_spec.py``): public names from
   ``codegen/names.yaml``, skips from ``codegen/skipped.yaml``, one content type per body.
3. openapi-python-client (pinned), run in this process with ``codegen/templates/`` so that every
   warning it has comes back as data: any of them fails, naming the operation and the reason.
   Codegen then checks that every operation of the view was generated, and with its body.
4. ruff (the project's pinned one) formats the output outside the tree; only then are the
   results swapped in. A failure leaves the tree as it was. Same inputs, same bytes.

Usage: python -m codegen [ROOT]   (ROOT: the project directory, default: the current one)
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from codegen.apply_overlay import OverlayError, corrected_contract, render
from codegen.constraints import ConstraintError, model_constraints, param_constraints
from codegen.names import NamesError, read_table
from codegen.names import load as load_names
from codegen.prepare_spec import Prepared, prepare

#: Builtin names that generated annotations use; a method with one of these names would hide it.
_BUILTIN_TYPES = ("list", "dict", "set", "frozenset", "tuple", "type", "str", "int", "float",
                  "bool", "bytes", "object")  # fmt: skip
_HTTP_IN_HEADER = re.compile(r"\b(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\S+)")


class CodegenError(Exception):
    """Regeneration must stop; ``messages`` are printed one per line, prefixed ``codegen:``."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = list(messages)


def unshadowed(type_string: object, method_names: Sequence[str]) -> str:
    """``type_string`` with builtins that a method of the class would hide written ``builtins.X``.

    Inside a class with a method ``list``, an annotation ``list[str]`` names the method: mypy
    then accepts anything for it. ``builtins.list[str]`` always names the type.
    """
    text = str(type_string)
    for name in _BUILTIN_TYPES:
        if name in method_names:
            # Only names used as types: not a parameter (``type: str``), not a Literal's value.
            text = re.sub(rf"(?<![\w.'\"]){name}\b(?!\s*[:=])", f"builtins.{name}", text)
    return text


def load_skips(path: Path) -> dict[str, str]:
    try:
        skips = read_table(path, ("operations",))["operations"]
    except NamesError as exc:
        raise CodegenError(exc.messages) from None
    bad = [op for op, reason in skips.items() if not isinstance(reason, str) or not reason.strip()]
    if bad:
        raise CodegenError([f"{path}: {op} needs a reason" for op in bad])
    return {str(op): str(reason) for op, reason in skips.items()}


def generate(prepared: Prepared, root: Path, out: Path) -> None:
    """Run the generator on the prepared view into ``out``; fail on any warning it reports."""
    # Imported here: codegen's other steps (and their tests) do not need the generator loaded.
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData
    from openapi_python_client.parser.errors import GeneratorError

    spec_path = out.parent / "generator-view.yaml"
    spec_path.write_text(yaml.safe_dump(prepared.spec, sort_keys=False), encoding="utf-8")
    config = Config.from_sources(
        ConfigFile.load_from_path(root / "codegen" / "config.yaml"),
        MetaType.NONE,
        spec_path,
        "utf-8",
        True,
        out,
    )
    openapi = GeneratorData.from_dict(prepared.spec, config=config)
    if isinstance(openapi, GeneratorError):
        raise CodegenError([f"the generator cannot read the contract: {_reason(openapi)}"])
    project = Project(
        openapi=openapi, config=config, custom_template_path=root / "codegen" / "templates"
    )
    methods: dict[str, list[str]] = {}
    for facts in prepared.operations.values():
        methods.setdefault(facts.resource, []).append(facts.method)
    project.env.globals["sdk"] = {
        op_id: {
            "vendor_id": facts.vendor_id,
            "resource": facts.resource,
            "method": facts.method,
            "idempotent": facts.idempotent,
            "paginated": facts.paginated,
            "unwrap": facts.unwrap,
            "comma_separated": facts.comma_separated,
        }
        for op_id, facts in prepared.operations.items()
    }
    project.env.globals["sdk_methods"] = methods
    project.env.filters["unshadowed"] = unshadowed
    # The schema constraints each model and operation checks before sending (codegen/constraints).
    project.env.filters["field_constraints"] = lambda model: model_constraints(model, prepared.spec)
    project.env.globals["param_constraints"] = lambda endpoint, param, location: param_constraints(
        endpoint, param, location, prepared.spec
    )
    project.env.filters["pyrepr"] = repr
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # "Generating ..." chatter
            errors = project.build()
    except ConstraintError as exc:
        raise CodegenError([str(exc)]) from None
    problems = [_describe(error, prepared) for error in errors]
    generated: dict[str, Any] = {
        str(endpoint.name): endpoint
        for collection in openapi.endpoint_collections_by_tag.values()
        for endpoint in collection.endpoints
    }
    for op_id, facts in prepared.operations.items():
        endpoint = generated.get(op_id)
        if endpoint is None:
            if not any(facts.label in problem for problem in problems):
                problems.append(f"{facts.label} was not generated (no reason given)")
        elif facts.content_type is not None and len(endpoint.bodies) != 1:
            problems.append(
                f"{facts.label}: its contract has a request body ({facts.content_type}) but "
                "the generated method takes no body parameters"
            )
    if problems:
        raise CodegenError(problems)


def _reason(error: Any) -> str:
    detail = (error.detail or "").strip().replace("\n", "; ")
    return f"{error.header.strip()} {detail}".strip()


def _describe(error: Any, prepared: Prepared) -> str:
    """One line per generator warning or error, naming the operation when it is about one."""
    match = _HTTP_IN_HEADER.search(error.header or "")
    detail = (error.detail or "").strip().replace("\n", "; ") or "(no detail)"
    if match:
        facts = prepared.by_http(match.group(1), match.group(2))
        label = facts.label if facts else f"{match.group(1)} {match.group(2)}"
        if "will not be generated" in error.header:
            return f"{label} was not generated: {detail}"
        return f"{label} would be generated incompletely: {detail}"
    return f"the generator reported: {_reason(error)}"


def _ruff(*args: str) -> None:
    # The interpreter running codegen, so its environment's pinned ruff: no PATH lookup.
    subprocess.run([sys.executable, "-m", "ruff", *args], check=True, capture_output=True)  # noqa: S603


def format_package(package: Path) -> None:
    """Format with the project's pinned ruff, with isolated settings (no caller's config)."""
    common = ["--isolated", "--quiet", "--target-version", "py311", "--line-length", "100"]
    _ruff("check", *common, "--select", "F401,I", "--fix-only", "--exit-zero", str(package))
    _ruff("format", *common, str(package))
    for path in sorted(package.rglob("*.py")):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def run(root: Path) -> list[str]:
    """Regenerate the project in ``root`` (the current directory: messages name files relative
    to it); return the lines to print. Raises ``CodegenError``."""
    try:
        contract, notes = corrected_contract(
            Path("openapi/thredfi.vendor.yaml"), Path("openapi/corrections.overlay.yaml")
        )
    except OverlayError as exc:
        raise CodegenError([str(exc)]) from None
    skips = load_skips(Path("codegen/skipped.yaml"))
    try:
        names = load_names(Path("codegen/names.yaml"))
        prepared = prepare(contract, names, skips)
    except NamesError as exc:
        raise CodegenError(exc.messages) from None
    with tempfile.TemporaryDirectory(prefix="thredfi-codegen-") as work:
        out = Path(work) / "_generated"
        generate(prepared, root, out)
        format_package(out)
        for cache in out.rglob("__pycache__"):
            shutil.rmtree(cache)
        (root / "openapi" / "thredfi.yaml").write_text(render(contract), encoding="utf-8")
        target = root / "thredfi_client" / "_generated"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(out, target)
    modules = sum(1 for _ in target.rglob("*.py"))
    return [
        *notes,
        *prepared.notes,
        f"wrote openapi/thredfi.yaml and thredfi_client/_generated/ ({len(prepared.operations)} "
        f"operations, {modules} modules)",
    ]


def main(argv: Sequence[str]) -> int:
    root = Path(argv[0] if argv else ".").resolve()
    os.chdir(root)
    try:
        lines = run(root)
    except CodegenError as exc:
        for message in exc.messages:
            print(f"codegen: {message}", file=sys.stderr)
        print(
            f"codegen: failed ({len(exc.messages)} problem(s)); nothing was written",
            file=sys.stderr,
        )
        return 1
    for line in lines:
        print(f"codegen: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
