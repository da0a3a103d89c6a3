"""Names the generated code would lose to its own: regenerated from a vendor file with operations
that bring them, then called against a mock API.

- A body field named like a keyword of every method (``extra_headers``) or like a parameter of
  its operation (``business_id``) becomes a keyword with a trailing ``_``; the JSON keeps the name.
- A parameter named like one (``timeout``) becomes ``timeout_``; the query keeps ``timeout``.
- A model field named like a member of the model class (``to_dict``, ``additional_properties``)
  becomes ``to_dict_``; the model's methods keep working.
- A resource whose name the generator changes for its package (``credits`` is a builtin, so
  ``api/credits_``) stays ``client.credits``.
- A ``2XX`` response makes every 2xx status a success.
- A body that is one of several models (``oneOf``) is checked like a parameter: a dict is made
  the model it fits, anything else refused before sending.
- A whole-file body (``application/octet-stream``) is sent as the file's bytes, the same bytes
  on a retry.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest

from .helpers import dump, load, project_copy, run_codegen, run_python

NOTES = "/v1/platform/businesses/{business_id}/credit-notes/"
APPLY = "/v1/platform/businesses/{business_id}/credit-notes/apply/"
ATTACHMENT = "/v1/platform/businesses/{business_id}/credit-notes/{credit_note_id}/attachment/"
BUSINESS_ID = {"$ref": "#/components/parameters/BusinessId"}

OPERATIONS = {
    NOTES: {
        "post": {
            "tags": ["Credit Notes"],
            "operationId": "create_credit_note",
            "parameters": [
                BUSINESS_ID,
                {"in": "query", "name": "timeout", "schema": {"type": "integer"}},
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/NoteCreate"}}
                },
            },
            "responses": {
                "2XX": {
                    "description": "Created or accepted.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Note"}}
                    },
                }
            },
        }
    },
    APPLY: {
        "post": {
            "tags": ["Credit Notes"],
            "operationId": "apply_credit_note",
            "parameters": [BUSINESS_ID],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/NoteCreate"},
                                {"$ref": "#/components/schemas/NoteApply"},
                            ]
                        }
                    }
                },
            },
            "responses": {"204": {"description": "Applied."}},
        }
    },
    ATTACHMENT: {
        "put": {
            "tags": ["Credits"],
            "operationId": "upload_credit_note_attachment",
            "x-idempotent": True,
            "parameters": [
                BUSINESS_ID,
                {
                    "in": "path",
                    "name": "credit_note_id",
                    "required": True,
                    "schema": {"type": "string", "format": "uuid"},
                },
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            },
            "responses": {"200": {"description": "Stored."}},
        }
    },
}
SCHEMAS = {
    "NoteApply": {
        "type": "object",
        "required": ["note_id"],
        "properties": {"note_id": {"type": "string"}},
    },
    "NoteCreate": {
        "type": "object",
        "required": ["amount_cents"],
        "properties": {
            "amount_cents": {"type": "integer"},
            "business_id": {"type": "string"},
            "extra_headers": {"type": "string"},
            "to_dict": {"type": "string"},
        },
    },
    "Note": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "to_dict": {"type": "string"},
            "additional_properties": {"type": "string"},
        },
    },
}

CALLER = """
import asyncio, io, json
import httpx
from thredfi_client import ThredfiClient
from thredfi_client._generated.types import File

BID = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
NID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
seen = []

def handler(request):
    if request.url.path == "/v1/platform/oauth2/token/":
        return httpx.Response(200, json={"access_token": "tok_secret_g", "expires_in": 3600})
    seen.append({"path": request.url.path, "query": request.url.query.decode(),
                 "type": request.headers.get("content-type"), "body": request.content.decode()})
    if request.url.path.endswith("/attachment/"):
        first = sum(1 for s in seen if s["path"] == request.url.path) == 1
        return httpx.Response(503 if first else 200)
    if request.url.path.endswith("/apply/"):
        return httpx.Response(204)
    return httpx.Response(202, json={"id": "n1", "to_dict": "td", "additional_properties": "ap",
                                     "other": "x"})

async def main():
    async with ThredfiClient(partner_id="6f1c2f0e-3c57-4a7e-9d7e-2b8f4e0c1a11", api_key="k",
                             base_url="https://api.thredfi.test",
                             transport=httpx.MockTransport(handler)) as client:
        client.http_client._transport._sleep = lambda s: asyncio.sleep(0)
        note = await client.credit_notes.create(
            BID, amount_cents=5, business_id_="b", extra_headers_="e", to_dict_="t", timeout_=3,
            extra_headers={"X-Trace": "t-1"})
        applied = await client.credit_notes.apply(BID, body={"note_id": "n1"})
        try:
            await client.credit_notes.apply(BID, body=5)
        except TypeError as exc:
            refused = [type(exc).__name__, str(exc)]
        stored = await client.credits.upload(BID, NID, body=File(payload=io.BytesIO(b"%PDF-1")))
    print(json.dumps({
        "note": [type(note).__name__, note.id, note.to_dict_, note.additional_properties_,
                 note.additional_properties, note.to_dict()],
        "applied": applied, "refused": refused, "stored": stored, "seen": seen}))

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("generated-names")
    root = project_copy(tmp)
    vendor_path = root / "openapi" / "thredfi.vendor.yaml"
    vendor = load(vendor_path)
    vendor["paths"].update(OPERATIONS)
    vendor["components"]["schemas"].update(SCHEMAS)
    dump(vendor_path, vendor)
    names = root / "codegen" / "names.yaml"
    table = names.read_text()
    table = table.replace(
        "operations:\n",
        "operations:\n  create_credit_note: credit_notes.create\n"
        "  apply_credit_note: credit_notes.apply\n"
        "  upload_credit_note_attachment: credits.upload\n",
        1,
    )
    table = table.replace(
        "models:\n", "models:\n  NoteCreate: NoteCreate\n  NoteApply: NoteApply\n  Note: Note\n", 1
    )
    names.write_text(table)
    run = run_codegen(root)
    assert run.returncode == 0, run.stderr
    script = tmp / "caller.py"
    script.write_text(textwrap.dedent(CALLER))
    ran = run_python(root, str(script), cwd=tmp)
    assert ran.returncode == 0, ran.stderr
    out: dict[str, Any] = json.loads(ran.stdout)
    return {"root": root, "out": out}


def test_body_fields_and_parameters_named_like_keywords_get_a_trailing_underscore(
    regenerated: dict[str, Any],
) -> None:
    create, *_ = regenerated["out"]["seen"]
    assert create["query"] == "timeout=3"
    assert json.loads(create["body"]) == {
        "amount_cents": 5,
        "business_id": "b",
        "extra_headers": "e",
        "to_dict": "t",
    }


def test_model_fields_named_like_its_members_get_a_trailing_underscore(
    regenerated: dict[str, Any],
) -> None:
    name, note_id, to_dict, additional, extra, as_dict = regenerated["out"]["note"]
    assert (name, note_id, to_dict, additional, extra) == ("Note", "n1", "td", "ap", {"other": "x"})
    assert as_dict == {"id": "n1", "to_dict": "td", "additional_properties": "ap", "other": "x"}


def test_a_2xx_range_and_a_renamed_package_work(regenerated: dict[str, Any]) -> None:
    """The note came back on a 202 (`2XX`); `client.credits` lives in `api/credits_`."""
    assert regenerated["out"]["note"][0] == "Note"
    assert (regenerated["root"] / "thredfi_client/_generated/api/credits_").is_dir()


def test_a_whole_file_body_is_sent_as_its_bytes_on_every_attempt(
    regenerated: dict[str, Any],
) -> None:
    *_, failed, stored = regenerated["out"]["seen"]
    assert regenerated["out"]["stored"] is None
    assert failed["path"] == stored["path"]
    assert failed["type"] == stored["type"] == "application/octet-stream"
    assert failed["body"] == stored["body"] == "%PDF-1"


def test_a_union_body_is_checked_and_a_dict_made_the_model_it_fits(
    regenerated: dict[str, Any],
) -> None:
    """`{"note_id": ...}` is no NoteCreate (it lacks amount_cents) but is a NoteApply; `5` is
    neither, refused before anything is sent."""
    _, applied, *_ = regenerated["out"]["seen"]
    assert regenerated["out"]["applied"] is None
    assert applied["path"].endswith("/credit-notes/apply/")
    assert json.loads(applied["body"]) == {"note_id": "n1"}
    name, message = regenerated["out"]["refused"]
    assert name == "ArgumentTypeError"
    assert message == "body: expected NoteApply or NoteCreate, got int 5"
    assert len(regenerated["out"]["seen"]) == 4  # create, apply, and the upload twice
