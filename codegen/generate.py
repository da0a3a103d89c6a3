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
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from codegen.apply_overlay import OverlayError, corrected_contract, render
from codegen.constraints import ConstraintError, model_constraints, param_constraints
from codegen.names import NamesError, read_table
from codegen.names import load as load_names
from codegen.prepare_spec import OperationFacts, Prepared, prepare

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


#: Keywords every generated method has besides the operation's own parameters and body fields.
SDK_KEYWORDS = ("self", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries")
#: Names a model's fields cannot have: the attrs class's own members and the locals of the
#: generated to_dict/from_dict/to_multipart. A field so named is renamed with a trailing ``_``.
MODEL_MEMBERS = frozenset(
    {
        "additional_properties",
        "additional_keys",
        "to_dict",
        "from_dict",
        "to_multipart",
        "field_dict",
        "src_dict",
        "prop_name",
        "prop",
        "prop_dict",
        "files",
        "cls",
    }
)


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
    try:
        openapi = GeneratorData.from_dict(prepared.spec, config=config)
    except Exception as exc:  # the generator's own bugs and checks (a duplicate enum key...)
        failed = f"the generator failed reading the contract: {_one_line(exc)}"
        raise CodegenError([failed]) from None
    if isinstance(openapi, GeneratorError):
        raise CodegenError([f"the generator cannot read the contract: {_reason(openapi)}"])
    # The generator snake-cases operationIds and tags (and suffixes builtins: `credits_`); what
    # it names each operation and resource is mapped back to our facts and public names here.
    operations = _by_generator_name(prepared, config)
    resources = {
        _identifier(facts.resource, "tag"): facts.resource for facts in operations.values()
    }
    problems = _check_resource_names(operations)
    _rename_model_fields(openapi, config)
    body_kwargs, more = _keyword_names(openapi, operations, config)
    problems += more
    if problems:
        raise CodegenError(problems)
    project = Project(
        openapi=openapi, config=config, custom_template_path=root / "codegen" / "templates"
    )
    methods: dict[str, list[str]] = {}
    for facts in operations.values():
        methods.setdefault(_identifier(facts.resource, "tag"), []).append(facts.method)
    project.env.globals["sdk"] = {
        op_id: {
            "vendor_id": facts.vendor_id,
            "resource": facts.resource,
            "method": facts.method,
            "idempotent": facts.idempotent,
            "paginated": facts.paginated,
            "unwrap": facts.unwrap,
            "comma_separated": facts.comma_separated,
            "sole_item": facts.sole_item,
            "token_scope": facts.token_scope,
        }
        for op_id, facts in operations.items()
    }
    project.env.globals["sdk_methods"] = methods
    project.env.globals["sdk_resource"] = resources
    project.env.globals["body_kwarg"] = lambda endpoint, prop: body_kwargs.get(
        (str(endpoint.name), str(prop.python_name)), str(prop.python_name)
    )
    project.env.filters["unshadowed"] = unshadowed
    # The schema constraints each model and operation checks before sending (codegen/constraints).
    project.env.filters["field_constraints"] = lambda model: model_constraints(model, prepared.spec)
    project.env.globals["param_constraints"] = lambda endpoint, param, location: param_constraints(
        endpoint, param, location, prepared.spec
    )
    project.env.filters["pyrepr"] = repr
    project.env.filters["identifiers"] = lambda text: set(re.findall(r"[A-Za-z_]\w*", str(text)))
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # "Generating ..." chatter
            errors = project.build()
    except ConstraintError as exc:
        raise CodegenError([str(exc)]) from None
    except Exception as exc:  # a template or the generator failing on what the view holds
        failed = f"the generator failed writing the package: {_one_line(exc)}"
        raise CodegenError([failed]) from None
    problems = [_describe(error, prepared) for error in errors]
    generated: dict[str, Any] = {
        str(endpoint.name): endpoint
        for collection in openapi.endpoint_collections_by_tag.values()
        for endpoint in collection.endpoints
    }
    for op_id, facts in operations.items():
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


def _identifier(name: str, prefix: str) -> str:
    """What the generator makes of ``name`` as a Python name (module, tag or argument)."""
    from openapi_python_client.strings import PythonIdentifier

    return str(PythonIdentifier(name, prefix=prefix))


def _by_generator_name(prepared: Prepared, config: Any) -> dict[str, OperationFacts]:
    """The operations keyed by the name the generator gives them; two that it would give the
    same name (``invoices.get_`` and ``invoices.get``) fail, naming both."""
    found: dict[str, OperationFacts] = {}
    problems = []
    for internal_id, facts in prepared.operations.items():
        name = _identifier(internal_id, config.field_prefix)
        if name in found:
            problems.append(
                f"{facts.label} and {found[name].label} would both be generated as '{name}': "
                f"rename one in codegen/names.yaml"
            )
        found[name] = facts
    if problems:
        raise CodegenError(problems)
    return found


def _check_resource_names(operations: Mapping[str, OperationFacts]) -> list[str]:
    """Two resources the generator would give one package (``customers`` and ``customers_``)."""
    packages: dict[str, str] = {}
    problems = []
    for facts in operations.values():
        package = _identifier(facts.resource, "tag")
        if packages.setdefault(package, facts.resource) != facts.resource:
            problems.append(
                f"resources '{packages[package]}' and '{facts.resource}' would share the "
                f"generated package 'api/{package}': rename one in codegen/names.yaml"
            )
    return sorted(set(problems))


def _rename_model_fields(openapi: Any, config: Any) -> None:
    """Give a field named like a member of its model class (``to_dict``, ``additional_properties``)
    or a local of its methods a trailing ``_``, as the generator does for Python's own words; a
    field whose name starts with ``_`` (``_meta``) is named without it (``meta``, not the
    generator's ``field_meta``) when no other field has that name."""
    from openapi_python_client.schema import UntrustedString

    # A request body's model is the generator's own copy of the schema's, not the one in
    # openapi.models: both are renamed alike, or the body keyword would keep the field's name.
    bodies = [
        body.prop
        for collection in openapi.endpoint_collections_by_tag.values()
        for endpoint in collection.endpoints
        for body in endpoint.bodies
        if body.prop.template == "model_property.py.jinja"
    ]
    seen: set[int] = set()
    for model in [*openapi.models, *bodies]:
        fields = [*model.required_properties, *model.optional_properties]
        taken = {str(prop.python_name) for prop in fields}
        for prop in fields:
            wire = _wire(prop.name)
            bare = _identifier(wire.lstrip("_"), config.field_prefix) if wire.strip("_") else ""
            if wire.startswith("_") and bare and bare not in taken and bare not in MODEL_MEMBERS:
                taken.discard(str(prop.python_name))
                prop.set_python_name(UntrustedString(bare), config, skip_snake_case=True)
                taken.add(bare)
            if id(prop) in seen or str(prop.python_name) not in MODEL_MEMBERS:
                continue
            seen.add(id(prop))
            name = str(prop.python_name)
            while name in taken or name in MODEL_MEMBERS:
                name += "_"
            prop.set_python_name(UntrustedString(name), config, skip_snake_case=True)
            taken.add(name)


def _keyword_names(
    openapi: Any, operations: Mapping[str, OperationFacts], config: Any
) -> tuple[dict[tuple[str, str], str], list[str]]:
    """Make every generated method's keywords unique; return the body fields' keywords that
    differ from the field's name, and the problems that cannot be settled by a rule.

    - A parameter named like one of the method's own keywords (``timeout``, ``body``,
      ``prefetch``...) gets a trailing ``_``, as Python's keywords do (``class_``).
    - A parameter the generator renamed because another one has the same Python name
      (``business_id_path``) fails: its name would move whenever the vendor adds the other one.
    - A body field named like a parameter or keyword is taken as that name with a trailing
      ``_`` (``business_id_``); its model keeps the field's own name.
    """
    from openapi_python_client.schema import UntrustedString

    body_kwargs: dict[tuple[str, str], str] = {}
    problems: list[str] = []
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            facts = operations.get(str(endpoint.name))
            if facts is None:
                continue
            own = set(SDK_KEYWORDS)
            if endpoint.bodies:
                own.add("body")
            if facts.paginated:
                own.add("prefetch")
            located = [
                (location, param)
                for location in ("path", "query", "header", "cookie")
                for param in getattr(endpoint, f"{location}_parameters")
            ]
            for location, param in located:
                plain = _identifier(_wire(param.name), config.field_prefix)
                reserved = plain in ("client", "url") and param.python_name == f"{plain}_{location}"
                if param.python_name != plain and not reserved:
                    problems.append(
                        f"{facts.label}: {location} parameter {_wire(param.name)!r}"
                        f" has the Python name {plain!r} of another of its parameters; the "
                        f"generator would call it {param.python_name!r}, a name that moves "
                        "whenever the other one comes or goes: remove or rename one in the "
                        "overlay, or skip the operation in codegen/skipped.yaml"
                    )
            names = {str(param.python_name) for _, param in located}
            for _, param in located:
                if str(param.python_name) in own:
                    name = str(param.python_name)
                    while name in own or name in names:
                        name += "_"
                    names.discard(str(param.python_name))
                    param.set_python_name(UntrustedString(name), config, skip_snake_case=True)
                    names.add(name)
            body = endpoint.bodies[0].prop if len(endpoint.bodies) == 1 else None
            fields = (
                [*body.required_properties, *body.optional_properties]
                if body is not None and body.template == "model_property.py.jinja"
                else []
            )
            taken = own | names
            for prop in fields:
                name = str(prop.python_name)
                while name in taken:
                    name += "_"
                taken.add(name)
                if name != str(prop.python_name):
                    body_kwargs[(str(endpoint.name), str(prop.python_name))] = name
    return body_kwargs, problems


def _wire(name: Any) -> str:
    """A name as the contract spells it (the generator wraps some in ``UntrustedString``)."""
    getter = getattr(name, "get_untrusted_value", None)
    return str(getter() if getter else name)


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".replace("\n", "; ")


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
