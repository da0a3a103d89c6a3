"""Write a user script that calls every generated operation, for ``mypy --strict`` to check.

Run as ``python tests/codegen/user_script.py OUT.py`` with the package under test first on
``PYTHONPATH``. The calls come from the package itself (``OPERATION_NAMES`` and each method's
keyword-fields overload), so a new operation is covered without editing this file. Each
operation is called once with values of the declared types (revealed, must type-check) and once
with a float where a string or UUID is declared (must be rejected). Prints the facts as JSON:
the expected error lines and the operations covered.

An annotation this writer has no value for makes it fail loudly: extend ``value_for``.
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import typing
from pathlib import Path

from thredfi_client import ThredfiClient
from thredfi_client._generated import OPERATION_NAMES

BID = '"0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"'
_LITERAL = re.compile(r"Literal\[\s*('[^']*'|\"[^\"]*\")")


def value_for(annotation: str) -> str:
    """A Python expression of the (first usable) type ``annotation`` declares."""
    literal = _LITERAL.search(annotation)
    if literal:
        return literal.group(1)
    first = annotation.split(" | ")[0].strip()
    if "UUID" in annotation:
        return BID
    if re.match(r"(builtins\.)?(list|Sequence)\[", first):
        return "[]"
    if "Mapping[str, Any]" in annotation:
        return "{}"
    simple = {
        "str": '"x"',
        "int": "1",
        "float": "1.5",
        "bool": "True",
        "Any": '"x"',
        "datetime.datetime": "datetime.datetime.now(datetime.UTC)",
        "datetime.date": "datetime.date(2026, 1, 1)",
    }
    if first.removeprefix("builtins.") in simple:
        return simple[first.removeprefix("builtins.")]
    raise SystemExit(f"user_script.py: no value for annotation {annotation!r}: extend value_for")


def required_parameters(method: typing.Any) -> list[inspect.Parameter]:
    """The required parameters of the keyword-fields form of a generated method."""
    forms = typing.get_overloads(method) or [method]
    fields_form = next(f for f in forms if "body" not in inspect.signature(f).parameters)
    return [
        p
        for name, p in inspect.signature(fields_form).parameters.items()
        if name != "self" and p.default is inspect.Parameter.empty
    ]


def main(out: Path) -> None:
    good: list[str] = []
    wrong: list[tuple[str, str]] = []
    client = ThredfiClient(partner_id="p", api_key="k")
    for operation_id, (resource, method_name) in sorted(OPERATION_NAMES.items()):
        method = getattr(type(getattr(client, resource)), method_name)
        params = required_parameters(method)
        arguments = {p.name: value_for(str(p.annotation)) for p in params}
        call = f"client.{resource}.{method_name}"
        rendered = ", ".join(f"{name}={value}" for name, value in arguments.items())
        good.append(f"reveal_type(await {call}({rendered}))  # {operation_id}")
        target = next((p for p in params if "str" in str(p.annotation)), None)
        if target is not None:
            broken = {**arguments, target.name: "3.5"}
            text = ", ".join(f"{name}={value}" for name, value in broken.items())
            wrong.append((operation_id, f"await {call}({text})  # wrong: {target.name}"))
    lines = [
        "from __future__ import annotations",
        "",
        "import datetime",
        "",
        "from thredfi_client import ThredfiClient",
        "",
        "",
        "async def every_operation(client: ThredfiClient) -> None:",
        *(f"    {line}" for line in good),
        "",
        "",
        "async def wrong_types(client: ThredfiClient) -> None:",
    ]
    wrong_lines = {}
    for operation_id, line in wrong:
        lines.append(f"    {line}")
        wrong_lines[len(lines)] = operation_id
    if "invoices" in {resource for resource, _ in OPERATION_NAMES.values()}:
        # A list of ints where list[str] is declared, in the resource that may have a `list`.
        lines.append(
            "    await client.invoices.create("
            f"{BID}, external_id='i', sent_at=datetime.datetime.now(datetime.UTC), "
            "line_items=[], transaction_tags=[1, 2])  # wrong: transaction_tags"
        )
        wrong_lines[len(lines)] = "create_invoice transaction_tags"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps({"operations": len(good), "wrong_lines": wrong_lines}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
