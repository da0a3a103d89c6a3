"""Reading request bodies: JSON documents, and the token request's three encodings."""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import json
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request

from .._store import Settings
from .responses import Denied, invalid

__all__ = ["json_body", "token_form"]

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
        fields = _multipart(content_type, raw)
    if not isinstance(fields, dict):
        message = "Send the body form-encoded, as JSON or as multipart form data."
        raise Denied(invalid(settings, request, {"non_field_errors": [message]}))
    return fields


def _multipart(content_type: str, raw: bytes) -> dict[str, str] | None:
    # The stdlib MIME parser reads multipart/form-data; no python-multipart dependency.
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
    )
    if not message.is_multipart():
        return None
    fields: dict[str, str] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            payload = part.get_payload(decode=True)
            try:
                fields[name] = payload.decode() if isinstance(payload, bytes) else ""
            except UnicodeDecodeError:
                return None
    return fields
