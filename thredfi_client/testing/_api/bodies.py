"""Reading request bodies: JSON documents, and bodies offered in the vendor's three encodings.

The vendor's file offers most bodies as JSON, form and multipart with one schema. The SDK sends
JSON; a form or multipart body is read as Django REST framework reads one: text fields made the
property's type (``"12"`` for an integer, ``"true"`` for a boolean), a repeated field or a JSON
text for an array, a JSON text for an object.
"""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import json
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request

from .._store import Settings
from .._validation import Field
from .responses import Denied, invalid

__all__ = ["body_of", "json_body", "token_form"]

_ABSENT = object()


async def json_body(settings: Settings, request: Request) -> Any:
    """The JSON body (None when there is none); 400 when it does not parse."""
    raw = await request.body()
    try:
        return json.loads(raw) if raw.strip() else None
    except (ValueError, UnicodeDecodeError) as exc:
        raise Denied(
            invalid(settings, request, {"non_field_errors": [f"JSON parse error - {exc}"]})
        ) from None


async def body_of(settings: Settings, request: Request, spec: Field) -> Any:
    """The body as JSON would carry it, whichever of the three encodings it came in; None
    when there is none; 400 when it cannot be read."""
    raw = await request.body()
    if not raw.strip():
        return None
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media in ("", "application/json") or media.endswith("+json"):
        return await json_body(settings, request)
    fields: dict[str, list[str]] | None = None
    if media == "application/x-www-form-urlencoded":
        with contextlib.suppress(UnicodeDecodeError):
            fields = parse_qs(raw.decode(), keep_blank_values=True)
    elif media == "multipart/form-data":
        fields = _multipart(content_type, raw)
    if fields is None:
        message = "Send the body as JSON, form-encoded or as multipart form data."
        raise Denied(invalid(settings, request, {"non_field_errors": [message]}))
    return _typed(fields, spec)


def _typed(fields: dict[str, list[str]], spec: Field) -> dict[str, Any]:
    """Form fields (text) as the values their properties' types say.

    A form cannot carry an empty list (it has no field for it), so a required list left out of
    one is read as empty.
    """
    properties = spec.properties or {}
    out: dict[str, Any] = {
        name: [] for name in spec.required if (properties.get(name) or spec).kind == "array"
    }
    for name, values in fields.items():
        prop = properties.get(name)
        if prop is not None and prop.kind == "array":
            if len(values) == 1 and values[0].lstrip().startswith("["):
                out[name] = _json_or_text(values[0])
            else:
                out[name] = [_scalar(v, prop.items) for v in values]
        else:
            out[name] = _scalar(values[-1], prop)
    return out


def _scalar(text: str, spec: Field | None) -> Any:
    kind = spec.kind if spec is not None else "string"
    if kind == "integer" and text.strip().lstrip("-").isdigit():
        return int(text)
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if kind in ("object", "array"):
        return _json_or_text(text)
    return text


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


async def token_form(settings: Settings, request: Request) -> dict[str, Any] | None:
    """The token request's fields, from a form, JSON or multipart body; None without a body.

    The contract's body is a form; the vendor's file also offers JSON and multipart with the
    same schema, so those are read too. An unreadable body is a 400.
    """
    raw = await request.body()
    if not raw.strip():
        return None
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    fields: Any = _ABSENT
    if media in ("", "application/x-www-form-urlencoded"):
        with contextlib.suppress(UnicodeDecodeError):
            fields = {k: v[-1] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
    elif media == "application/json":
        with contextlib.suppress(ValueError):
            fields = json.loads(raw)
    elif media == "multipart/form-data":
        parts = _multipart(content_type, raw)
        fields = None if parts is None else {k: v[-1] for k, v in parts.items()}
    if not isinstance(fields, dict):
        message = "Send the body form-encoded, as JSON or as multipart form data."
        raise Denied(invalid(settings, request, {"non_field_errors": [message]}))
    return fields


def _multipart(content_type: str, raw: bytes) -> dict[str, list[str]] | None:
    # The stdlib MIME parser reads multipart/form-data; no python-multipart dependency.
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
    )
    if not message.is_multipart():
        # A form with no field at all is only its closing delimiter: an empty form.
        return {} if b"content-disposition" not in raw.lower() else None
    fields: dict[str, list[str]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            payload = part.get_payload(decode=True)
            try:
                text = payload.decode() if isinstance(payload, bytes) else ""
            except UnicodeDecodeError:
                return None
            fields.setdefault(name, []).append(text)
    return fields
