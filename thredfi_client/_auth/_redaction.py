"""The secrets of one client, and scrubbing them out of text built from a server's answer.

:class:`Redactor` knows the API key, its Basic value and every token seen, each token until
``REDACT_GRACE`` seconds after it expires. Remembering by time rather than by count means no
number of newer tokens (say, one per business) can push an old one out while it may still show
up in an error.
"""

from __future__ import annotations

import base64
import heapq
import json
import math
from collections.abc import Callable
from typing import Final

import httpx

from .._errors import parse_json_body

__all__ = ["REDACT_GRACE", "Redactor", "redacted_response"]

#: Seconds a token stays redactable after it expires: an error about a request sent with it
#: can arrive later (a call's own time bounds how much later).
REDACT_GRACE: Final = 600.0
#: Shorter "secrets" (e.g. a test key "k") are not redacted: replacing them would garble text.
_MIN_SECRET_CHARS: Final = 6
#: Fields of a token endpoint's JSON body that hold a secret.
_TOKEN_FIELDS: Final = frozenset({"access_token", "refresh_token", "id_token"})


class Redactor:
    """Every secret of one partner's client; never shows one in ``repr``."""

    __slots__ = ("_clock", "_credentials", "_others", "_queue", "_until")

    def __init__(self, partner_id: str, api_key: str, clock: Callable[[], float]) -> None:
        self._credentials = (partner_id, api_key)
        self._others: frozenset[str] = frozenset()  # e.g. a proxy's password and Basic value
        self._clock = clock
        self._until: dict[str, float] = {}  # token value -> when to forget it
        self._queue: list[tuple[float, str]] = []  # a heap of the same, soonest first

    def __repr__(self) -> str:
        return f"<Redactor: API key and {len(self._until)} tokens>"

    def basic_authorization(self) -> str:
        """``Basic <base64 partner_id:api_key>``, built per use (no attribute holds it)."""
        return "Basic " + base64.b64encode(":".join(self._credentials).encode()).decode("ascii")

    def also_redact(self, *secrets: str) -> None:
        """Redact these too for the client's lifetime (a proxy's credentials)."""
        self._others |= frozenset(secrets)

    def remember(self, token: str, expires_at: float) -> None:
        until = max(expires_at, self._clock()) + REDACT_GRACE
        if until > self._until.get(token, -math.inf):
            self._until[token] = until
            heapq.heappush(self._queue, (until, token))

    def redact(self, text: str) -> str:
        """``text`` with the API key, its Basic value and every remembered token replaced."""
        now = self._clock()
        while self._queue and self._queue[0][0] < now:
            until, token = heapq.heappop(self._queue)
            if self._until.get(token) == until:
                del self._until[token]
        basic = self.basic_authorization().removeprefix("Basic ")
        secrets = {self._credentials[1], basic, *self._others, *self._until}
        for secret in sorted((s for s in secrets if len(s) >= _MIN_SECRET_CHARS), key=len)[::-1]:
            text = text.replace(secret, "[redacted]")
        return text

    def clean_response(self, response: httpx.Response) -> httpx.Response:
        """A token endpoint's ``response`` for an error to keep: token fields replaced and
        secrets redacted in a JSON object; any other body withheld."""
        body = parse_json_body(response.content)
        if isinstance(body, dict):
            text = self.redact(json.dumps(_masked(body)))
        else:
            text = f"[token endpoint body withheld: {len(response.content)} bytes]"
        return httpx.Response(
            response.status_code,
            headers={"Content-Type": response.headers.get("Content-Type", "application/json")},
            content=text.encode(),
            request=response.request,
        )


def redacted_response(
    response: httpx.Response, redact: Callable[[str], str], request: httpx.Request | None
) -> httpx.Response:
    """A copy of ``response`` for an error to keep: ``redact`` applied to its body, its header
    values and its reason phrase, and ``request`` (a copy without credentials) as its request.

    A server (or a proxy) may echo the request's ``Authorization`` anywhere in its answer; the
    message and ``body`` of an error are redacted, and so must be the response it keeps, which
    its caller may log or pickle. The body is redacted as decoded text (in its charset) and as
    bytes, so a secret hides in neither; live transport objects (extensions other than the HTTP
    version) are not copied.
    """
    try:
        content = response.content
        text = response.text
    except httpx.ResponseNotRead:
        content, text = b"", ""
    clean = redact(text)
    if clean != text:
        content = clean.encode(response.encoding or "utf-8", errors="replace")
    # Byte for byte too (latin-1 maps every byte to one character): a body whose charset is
    # wrong still holds the secret in ASCII.
    content = redact(content.decode("latin-1")).encode("latin-1")
    headers = [
        (name, redact(value.decode("latin-1")).encode("latin-1"))
        for name, value in response.headers.raw
    ]
    extensions: dict[str, object] = {}
    reason = response.extensions.get("reason_phrase")
    if isinstance(reason, bytes):
        extensions["reason_phrase"] = redact(reason.decode("latin-1")).encode("latin-1")
    version = response.extensions.get("http_version")
    if isinstance(version, bytes):
        extensions["http_version"] = version
    # The body is already decoded (Content-Encoding still names how it travelled): it is set
    # as read, as the retry layer sets it, so that httpx does not decode it a second time.
    copy = httpx.Response(
        response.status_code,
        headers=headers,
        stream=httpx.ByteStream(content),
        extensions=extensions,
        request=request,
    )
    copy._content = content
    copy.is_stream_consumed = True
    copy.is_closed = True
    copy.default_encoding = response.default_encoding
    elapsed = getattr(response, "_elapsed", None)
    if elapsed is not None:
        copy.elapsed = elapsed
    return copy


def _masked(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: "[redacted]" if k in _TOKEN_FIELDS and v is not None else _masked(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_masked(item) for item in value]
    return value
