"""codegen/apply_overlay.py: Overlay 1.0 in full, strict counts, one-line errors with file:line."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from codegen.apply_overlay import OverlayError, apply_overlay, read_actions

from .helpers import ROOT

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "paths": {
        "/a/": {
            "post": {
                "parameters": [{"in": "path", "name": "id"}],
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {"schemas": {"A": {"type": "object", "properties": {"x": {"type": "string"}}}}},
}


def overlay(tmp_path: Path, actions: str) -> tuple[Path, list[Any]]:
    path = tmp_path / "corrections.overlay.yaml"
    path.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: 1.0.0}\nactions:\n" + textwrap.dedent(actions)
    )
    return path, read_actions(path)[1]


def applied(tmp_path: Path, actions: str) -> tuple[dict[str, Any], list[str]]:
    import copy

    document = copy.deepcopy(DOCUMENT)
    path, parsed = overlay(tmp_path, actions)
    notes = apply_overlay(document, parsed, overlay_path=path)
    return document, notes


def test_update_merges_objects_recursively(tmp_path: Path) -> None:
    document, notes = applied(
        tmp_path,
        """\
        - x-correction: deep
          x-expected-matches: 1
          target: $.components.schemas.A
          update:
            properties:
              x: {nullable: true}
              y: {type: integer}
        """,
    )
    assert document["components"]["schemas"]["A"]["properties"] == {
        "x": {"type": "string", "nullable": True},
        "y": {"type": "integer"},
    }
    assert notes == []


def test_update_of_an_array_target_appends_the_entry(tmp_path: Path) -> None:
    """Issue 10, failure 6: appending to an array failed with 'is not an object'."""
    document, _ = applied(
        tmp_path,
        """\
        - x-correction: payment-idempotency-key
          x-expected-matches: 1
          target: $.paths['/a/'].post.parameters
          update:
            in: header
            name: Idempotency-Key
            schema: {type: string}
        """,
    )
    assert document["paths"]["/a/"]["post"]["parameters"] == [
        {"in": "path", "name": "id"},
        {"in": "header", "name": "Idempotency-Key", "schema": {"type": "string"}},
    ]


def test_arrays_inside_an_update_are_appended_to(tmp_path: Path) -> None:
    document, _ = applied(
        tmp_path,
        """\
        - x-correction: more-params
          x-expected-matches: 1
          target: $.paths['/a/'].post
          update:
            parameters:
              - {in: query, name: page}
        """,
    )
    names = [p["name"] for p in document["paths"]["/a/"]["post"]["parameters"]]
    assert names == ["id", "page"]


def test_an_entry_already_there_is_not_added_twice_and_is_reported(tmp_path: Path) -> None:
    document, notes = applied(
        tmp_path,
        """\
        - x-correction: vendor-fixed-it
          x-expected-matches: 1
          target: $.paths['/a/'].post.parameters
          update: {in: path, name: id}
        """,
    )
    assert len(document["paths"]["/a/"]["post"]["parameters"]) == 1
    assert notes == [
        f"note: {tmp_path}/corrections.overlay.yaml:4: correction 'vendor-fixed-it' changed "
        "nothing; the vendor may have fixed it"
    ]


def test_remove_deletes_every_match(tmp_path: Path) -> None:
    document, _ = applied(
        tmp_path,
        """\
        - x-correction: drop
          x-expected-matches: 2
          target: $.paths['/a/'].post['parameters','responses']
          remove: true
        """,
    )
    assert document["paths"]["/a/"]["post"] == {}


@pytest.mark.parametrize(
    ("actions", "message"),
    [
        (
            """\
            - x-correction: gone
              x-expected-matches: 1
              target: $.components.schemas.B
              update: {nullable: true}
            """,
            ":4: correction 'gone' no longer applies: its target $.components.schemas.B "
            "matches nothing",
        ),
        (
            """\
            - x-correction: counted
              x-expected-matches: 2
              target: $.components.schemas.A
              update: {nullable: true}
            """,
            ":4: correction 'counted': its target $.components.schemas.A matches 1 node(s), not "
            "the 2 it was written for",
        ),
        (
            """\
            - x-correction: uncounted
              target: $.components.schemas.A
              update: {nullable: true}
            """,
            ":4: correction 'uncounted': x-expected-matches (how many nodes",
        ),
        (
            """\
            - target: $.components.schemas.A
              x-expected-matches: 1
              updte: {nullable: true}
            """,
            ":4: action #1: unknown field(s) updte",
        ),
        (
            """\
            - x-correction: bad-path
              x-expected-matches: 1
              target: $.components[schemas
              update: {}
            """,
            ":4: correction 'bad-path': target $.components[schemas is not valid JSONPath",
        ),
        (
            """\
            - x-correction: not-an-object
              x-expected-matches: 1
              target: $.components.schemas.A
              update: [1]
            """,
            "selects an object, so update must be an object to merge into it, not list",
        ),
        (
            """\
            - x-correction: scalar
              x-expected-matches: 1
              target: $.components.schemas.A.type
              update: {a: 1}
            """,
            "selects a str value; an update needs an object or an array",
        ),
    ],
)
def test_errors_name_the_file_the_line_and_the_action(
    tmp_path: Path, actions: str, message: str
) -> None:
    with pytest.raises(OverlayError) as caught:
        applied(tmp_path, actions)
    text = str(caught.value)
    assert text.startswith(f"{tmp_path}/corrections.overlay.yaml:"), text
    assert message in text


def test_a_yaml_typo_is_one_line_with_its_position(tmp_path: Path) -> None:
    """Issue 10, failure 6: a YAML typo in the overlay printed a raw PyYAML traceback."""
    bad = tmp_path / "typo.overlay.yaml"
    bad.write_text("overlay: 1.0.0\nactions:\n  - target: $.x\n    update:\n      a: [1, 2\n")
    out = tmp_path / "out.yaml"
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen.apply_overlay",
            "openapi/thredfi.vendor.yaml",
            str(bad),
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 1
    assert "Traceback" not in ran.stderr
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1, ran.stderr
    assert lines[0].startswith(f"codegen: {bad}:6:1: not valid YAML: expected ',' or ']'"), lines
    assert not out.exists()
