"""Building the sandbox's answers: JSON success bodies and the two documented error shapes."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .._store import ErrorStyle, Settings
from .._validation import FieldErrors

__all__ = ["Denied", "error", "error_body", "invalid", "ok"]


class Denied(Exception):
    """A request is refused; carries the error response to send.

    Handlers and the helpers they call raise it; the router answers with :attr:`response`.
    """

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def error_body(
    style: ErrorStyle, request_id: str, code: str, message: str, detail: dict[str, Any]
) -> bytes:
    """An error body in the spec's shape, or the error guide's (``style="guide"``)."""
    if style == "guide":
        details = detail.get("field_errors", detail)
        payload: dict[str, Any] = {"error": message, "error_code": code, "details": details}
    else:
        payload = {
            "error_code": code,
            "message": message,
            "detail": detail,
            "request_id": request_id,
        }
    return json.dumps(payload).encode()


def ok(payload: Any, status: int = 200) -> Response:
    """A JSON success response."""
    return Response(json.dumps(payload).encode(), status, media_type="application/json")


def error(
    settings: Settings,
    request: Request,
    status: int,
    code: str,
    message: str,
    detail: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """An error response in the configured style."""
    if settings.error_style == "guide":
        request.state.off_contract = "error_style=guide"
    body = error_body(settings.error_style, request.state.request_id, code, message, detail or {})
    return Response(body, status, headers=headers, media_type="application/json")


def invalid(settings: Settings, request: Request, errors: FieldErrors) -> Response:
    """A 400 ``validation_error`` listing every bad field."""
    return error(
        settings, request, 400, "validation_error", "Invalid input.", {"field_errors": errors}
    )
