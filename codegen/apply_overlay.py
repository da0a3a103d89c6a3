"""Apply an OpenAPI Overlay 1.0 document to an OpenAPI file, strictly.

Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0.html): actions apply in order; each
``target`` is an RFC 9535 JSONPath (evaluated by ``python-jsonpath``); ``update`` is merged into
each selected object (objects recursively, arrays appended to) or, when the target selects an
array, is one entry appended to it; ``remove: true`` deletes each selected node.

What we add, and why this is ours rather than an overlay CLI (docs/regenerating.md): every action
records how many nodes it matched when it was written (``x-expected-matches``), and matching any
other number fails, naming the correction (``x-correction``), the file and the line. A vendor
file that moved or renamed what a correction fixes then stops the build instead of being half
corrected. Errors, YAML syntax errors included, are one line each: ``file:line: message``.

One deliberate difference from a plain append: an array entry equal to one already there is not
added twice (a correction the vendor has since made itself is then reported, not duplicated).

Usage: python -m codegen.apply_overlay VENDOR.yaml OVERLAY.yaml OUT.yaml
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath
import yaml

from codegen import strict_yaml

#: The fields an action may have besides ``x-`` extensions (Overlay 1.0, Action Object).
ACTION_FIELDS = frozenset({"target", "description", "update", "remove"})


class OverlayError(Exception):
    """The overlay cannot be applied as written; the message names the file, line and action."""


@dataclass(frozen=True)
class Action:
    """One action of the overlay, with where it is written."""

    number: int
    line: int
    body: dict[str, Any]

    @property
    def name(self) -> str:
        correction = self.body.get("x-correction")
        return f"correction '{correction}'" if correction else f"action #{self.number}"


class _NoAliasDumper(yaml.SafeDumper):
    """Write shared nodes out in full: the output is read by tools that dislike YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def load_yaml(path: Path) -> Any:
    """Parse a YAML file strictly (``codegen/strict_yaml.py``: a repeated key fails); any problem
    becomes one ``OverlayError`` line naming the file and line."""
    try:
        return strict_yaml.load(path)
    except strict_yaml.YamlError as exc:
        raise OverlayError(str(exc)) from None


def read_actions(path: Path) -> tuple[dict[str, Any], list[Action]]:
    """The overlay document and its actions, each with the line it starts on."""
    document = load_yaml(path)
    if not isinstance(document, dict) or not str(document.get("overlay", "")).startswith("1."):
        raise OverlayError(f"{path}:1: not an OpenAPI Overlay 1.x document (no 'overlay: 1.0.0')")
    actions = document.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError(f"{path}:1: an overlay needs a non-empty list of 'actions'")
    lines = list(_action_lines(path, len(actions)))
    result = []
    for number, (body, line) in enumerate(zip(actions, lines, strict=True), start=1):
        if not isinstance(body, dict):
            raise OverlayError(f"{path}:{line}: action #{number} is not a mapping")
        result.append(Action(number=number, line=line, body=body))
    return document, result


def _action_lines(path: Path, count: int) -> Iterator[int]:
    """1-based start line of each item of the top-level ``actions`` sequence."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode)  # read_actions checked the shape
    for key, value in root.value:
        if key.value == "actions" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                yield item.start_mark.line + 1
            return
    yield from [1] * count  # pragma: no cover - read_actions found the key


def _merge(target: dict[str, Any], update: dict[str, Any]) -> bool:
    """Merge ``update`` into ``target`` in place: objects recursively, arrays appended to."""
    changed = False
    for key, value in update.items():
        current = target.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            changed |= _merge(current, value)
        elif isinstance(value, list) and isinstance(current, list):
            for item in value:
                changed |= _append(current, item)
        elif key not in target or current != value:
            target[key] = copy.deepcopy(value)
            changed = True
    return changed


def _append(array: list[Any], entry: Any) -> bool:
    if entry in array:
        return False
    array.append(copy.deepcopy(entry))
    return True


def apply_overlay(
    document: dict[str, Any], actions: list[Action], *, overlay_path: Path = Path("overlay")
) -> list[str]:
    """Apply ``actions`` to ``document`` in place; return notes for actions that changed nothing."""
    notes: list[str] = []
    for action in actions:
        where = f"{overlay_path}:{action.line}: {action.name}"
        _check_fields(action, where)
        target = action.body["target"]
        try:
            matches = list(jsonpath.finditer(target, document))
        except jsonpath.JSONPathError as exc:
            raise OverlayError(f"{where}: target {target} is not valid JSONPath: {exc}") from None
        expected = action.body["x-expected-matches"]
        if not matches:
            raise OverlayError(
                f"{where} no longer applies: its target {target} matches nothing in the vendor "
                "file. Check whether the vendor fixed or moved it, then update or delete the "
                "action."
            )
        if len(matches) != expected:
            raise OverlayError(
                f"{where}: its target {target} matches {len(matches)} node(s), not the "
                f"{expected} it was written for (x-expected-matches): the vendor file changed "
                "under it. Point the target at what it corrects now, then set "
                "x-expected-matches."
            )
        if action.body.get("remove") is True:
            # Delete deepest/last first so earlier indices stay valid.
            for match in sorted(matches, key=lambda m: m.parts, reverse=True):
                if match.parent is None:
                    raise OverlayError(f"{where}: cannot remove the document root")
                container: Any = match.parent.obj  # a dict or a list
                del container[match.parts[-1]]
            continue
        changed = False
        update = action.body["update"]
        for match in matches:
            node = match.obj
            if isinstance(node, dict):
                if not isinstance(update, dict):
                    raise OverlayError(
                        f"{where}: target {target} selects an object, so update must be an "
                        f"object to merge into it, not {type(update).__name__}"
                    )
                changed |= _merge(node, update)
            elif isinstance(node, list):
                changed |= _append(node, update)
            else:
                raise OverlayError(
                    f"{where}: target {target} selects a {type(node).__name__} value; an update "
                    "needs an object or an array (select its parent instead)"
                )
        if not changed:
            notes.append(f"note: {where} changed nothing; the vendor may have fixed it")
    return notes


def _check_fields(action: Action, where: str) -> None:
    unknown = sorted(k for k in action.body if k not in ACTION_FIELDS and not k.startswith("x-"))
    if unknown:
        raise OverlayError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if not isinstance(action.body.get("target"), str):
        raise OverlayError(f"{where}: an action needs a target (a JSONPath string)")
    remove = action.body.get("remove", False)
    if not isinstance(remove, bool):
        raise OverlayError(f"{where}: remove must be true or false")
    if not remove and "update" not in action.body:
        raise OverlayError(f"{where}: an action needs 'update' or 'remove: true'")
    expected = action.body.get("x-expected-matches")
    if isinstance(expected, bool) or not isinstance(expected, int) or expected < 1:
        raise OverlayError(
            f"{where}: x-expected-matches (how many nodes the target matched when the action was "
            f"written) must be a positive integer, got {expected!r}"
        )


def render(document: dict[str, Any]) -> str:
    """The corrected contract as written to ``openapi/thredfi.yaml``."""
    header = (
        "# GENERATED by ./codegen.sh from openapi/thredfi.vendor.yaml and\n"
        "# openapi/corrections.overlay.yaml.\n"
        "# Do not edit. This is the contract the SDK, the sandbox and the contract tests use.\n"
    )
    body = yaml.dump(
        document, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True, width=100
    )
    return header + body


def corrected_contract(vendor_path: Path, overlay_path: Path) -> tuple[dict[str, Any], list[str]]:
    """The vendor file with the overlay applied, and the notes of no-op actions."""
    document = load_yaml(vendor_path)
    if not isinstance(document, dict):
        raise OverlayError(f"{vendor_path}:1: not an OpenAPI document")
    _, actions = read_actions(overlay_path)
    notes = apply_overlay(document, actions, overlay_path=overlay_path)
    return document, notes


def main(argv: list[str]) -> int:
    vendor_path, overlay_path, out_path = (Path(arg) for arg in argv)
    try:
        document, notes = corrected_contract(vendor_path, overlay_path)
    except OverlayError as exc:
        print(f"codegen: {exc}", file=sys.stderr)
        return 1
    for note in notes:
        print(note, file=sys.stderr)
    out_path.write_text(render(document), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
