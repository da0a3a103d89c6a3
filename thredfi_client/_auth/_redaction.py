"""The secrets of one client, and scrubbing them out of text built from a server's answer.

A secret can only come back in the answer to a request that carried it. An error is scrubbed
with the client's own secrets (the API key and its Basic value: :class:`Secrets`) and the
credentials of the request(s) it is about (their ``Authorization`` values): a handful of
strings, whatever the number of tokens the client has seen, and nothing kept per token.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable
from typing import Final

import httpx

from .._errors import parse_json_body

__all__ = ["Redactor", "Secrets", "carried_credentials", "redacted_response"]

#: Shorter "secrets" (e.g. a test key "k") are not redacted: replacing them would garble text.
_MIN_SECRET_CHARS: Final = 6
#: Fields of a token endpoint's JSON body that hold a secret.
_TOKEN_FIELDS: Final = frozenset({"access_token", "refresh_token", "id_token"})
#: Request headers whose values are credentials (what a request "carries").
_CREDENTIAL_HEADERS: Final = ("authorization", "proxy-authorization")
#: What a credential header says once it was scrubbed off a sent request.
_REDACTED: Final = "[redacted]"


class Redactor:
    """Replaces a fixed set of secrets in text (longest first); shows none in ``repr``."""

    __slots__ = ("_secrets",)

    def __init__(self, secrets: Iterable[str]) -> None:
        kept = {s for s in secrets if len(s) >= _MIN_SECRET_CHARS and s != _REDACTED}
        self._secrets = tuple(sorted(kept, key=len, reverse=True))

    def __repr__(self) -> str:
        return f"<Redactor: {len(self._secrets)} secrets>"

    def __len__(self) -> int:
        return len(self._secrets)

    def __call__(self, text: str) -> str:
        """``text`` with each secret replaced by ``[redacted]``."""
        for secret in self._secrets:
            text = text.replace(secret, _REDACTED)
        return text


class Secrets:
    """The secrets of one partner's client: its API key and Basic value, never in ``repr``.

    :meth:`redactor` adds the credentials of the requests an error is about; ``extra`` secrets
    of the client (e.g. proxy credentials) can be given at construction.
    """

    __slots__ = ("_credentials", "_own")

    def __init__(self, partner_id: str, api_key: str, extra: Iterable[str] = ()) -> None:
        self._credentials = (partner_id, api_key)
        basic = self.basic_authorization().removeprefix("Basic ")
        self._own = (api_key, basic, *extra)

    def __repr__(self) -> str:
        return f"<Secrets: API key and {len(self._own) - 1} more>"

    def basic_authorization(self) -> str:
        """``Basic <base64 partner_id:api_key>``, built per use (no attribute holds it)."""
        return "Basic " + base64.b64encode(":".join(self._credentials).encode()).decode("ascii")

    def also_redact(self, *secrets: str) -> None:
        """Redact these too for the client's lifetime (a proxy's credentials: a fixed few)."""
        self._own = (*self._own, *secrets)

    def redactor(
        self, *requests: httpx.Request | None, credentials: Iterable[str] = ()
    ) -> Redactor:
        """A :class:`Redactor` of the client's secrets, the credentials ``requests`` carry and
        ``credentials`` (header values such as ``Bearer <token>``, e.g. of a request whose
        header is already scrubbed)."""
        carried = [value for request in requests for value in carried_credentials(request)]
        return Redactor([*self._own, *_without_scheme([*carried, *credentials])])

    def redact(self, text: str, *requests: httpx.Request | None) -> str:
        """``text`` without the client's secrets nor the credentials ``requests`` carry."""
        return self.redactor(*requests)(text)

    def clean_response(self, response: httpx.Response, redact: Redactor) -> httpx.Response:
        """A token endpoint's ``response`` for an error to keep: token fields replaced and
        ``redact`` applied in a JSON object; any other body withheld."""
        body = parse_json_body(response.content)
        if isinstance(body, dict):
            text = redact(json.dumps(_masked(body)))
        else:
            text = f"[token endpoint body withheld: {len(response.content)} bytes]"
        return httpx.Response(
            response.status_code,
            headers={"Content-Type": response.headers.get("Content-Type", "application/json")},
            content=text.encode(),
            request=response.request,
        )


def carried_credentials(request: httpx.Request | None) -> list[str]:
    """The credential header values ``request`` carries (none once they were scrubbed)."""
    if request is None:
        return []
    headers = request.headers
    return [
        value
        for name in _CREDENTIAL_HEADERS
        for value in headers.get_list(name)
        if value != _REDACTED
    ]


def _without_scheme(values: Iterable[str]) -> list[str]:
    """The credential in each header value (``Bearer <token>``: the token), so that an echo
    still says which scheme it was (``Bearer [redacted]``)."""
    return [value.partition(" ")[2].strip() or value for value in values]


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
