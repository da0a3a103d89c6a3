"""Reading codegen's YAML inputs strictly: the vendor file, the overlay, the names and skip tables.

PyYAML's ``safe_load`` reads YAML 1.1 and forgives what would silently change the contract:

- **A repeated key keeps its last value.** A vendor file with a path, an operation's
  ``responses`` or a schema written twice loses the first without a word, and a
  ``codegen/names.yaml`` with an operation listed twice silently takes the second public name.
  Here a repeated key fails, naming the file, both lines and the key. (``<<`` merge keys still
  work: overriding a merged key is what they are for.)
- **YAML 1.1 scalars.** ``on``/``off``/``yes``/``no`` become booleans and ``2024-01-01`` a
  date, so an enum ``[on, off]`` is ``[True, False]`` and a date ``default`` is no longer the
  string OpenAPI says it is. OpenAPI 3.1 documents are YAML 1.2, where those are strings; so are
  they here (only ``true``/``false`` are booleans, and no scalar becomes a date).

Errors are ``YamlError``, one line each: ``file:line:column: message``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


class YamlError(Exception):
    """A codegen input is not YAML we accept; the message is one line naming file and line."""


class StrictLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` with YAML 1.2 booleans, no dates, and repeated keys refused."""


# YAML 1.2 (core schema) booleans only; YAML 1.1's yes/no/on/off/y/n stay strings.
StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=deep)
        try:
            first = seen.get(key)
        except TypeError:  # an unhashable key: the base constructor reports it
            continue
        if first is not None:
            raise yaml.constructor.ConstructorError(
                f"while reading the mapping that starts on line {node.start_mark.line + 1}",
                node.start_mark,
                f"the key {key!r} is repeated (first on line {first.start_mark.line + 1}); YAML "
                "keeps only the last, which would silently drop the first",
                key_node.start_mark,
            )
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load(path: Path) -> Any:
    """Parse ``path`` strictly; any problem is one ``YamlError`` line naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise YamlError(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 -- a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = "; ".join(str(part) for part in (exc.problem, exc.context) if part)
        raise YamlError(f"{where}: not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{path}: not valid YAML: {exc}".replace("\n", " ")) from None
