"""Reading a response body whole: decompressed, capped, and inside the attempt's deadline.

Why not httpx's decoders: they inflate everything they are given, in one go, outside any bound,
so 0.5 MB of gzip could take seconds and a gigabyte of memory before anyone looked at it. Here
the body is inflated in pieces of bounded size, counted against ``limit`` as it grows (and as it
arrives), and control returns to the event loop between large pieces so that the deadline of
the attempt can expire while a body is inflated.

Only what the SDK advertises in ``Accept-Encoding`` is decoded: ``gzip`` (``x-gzip``) and
``deflate``, besides ``identity``.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterable
from typing import Final, Protocol

import httpx

__all__ = [
    "ACCEPT_ENCODING",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "BodyTooLarge",
    "PrereadingTransport",
    "mark_read",
    "read_body",
    "too_large",
]

#: The default cap on a response body, in bytes, after decompression: 32 MiB.
DEFAULT_MAX_RESPONSE_BYTES: Final = 32 * 1024 * 1024
#: What the SDK asks servers for: exactly what :func:`read_body` decodes.
ACCEPT_ENCODING: Final = "gzip, deflate"
#: Most output one inflate step produces.
_PIECE: Final = 256 * 1024
#: Inflated bytes between two returns to the event loop (where a deadline can expire).
_YIELD_EVERY: Final = 4 * 1024 * 1024


class _Inflater(Protocol):
    @property
    def unconsumed_tail(self) -> bytes: ...
    @property
    def eof(self) -> bool: ...
    def decompress(self, data: bytes, max_length: int = ..., /) -> bytes: ...
    def flush(self, length: int = ..., /) -> bytes: ...


def _describe(request: httpx.Request) -> str:
    return f"{request.method} {request.url.path}"


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit % (1024 * 1024) == 0 else f"{limit} bytes"


class BodyTooLarge(httpx.DecodingError):
    """A response body over the cap (the client raises ``ResponseTooLargeError`` for it).

    An httpx error, not an SDK one, so that the retry layer stays below error mapping
    (docs/architecture.md); like every ``DecodingError`` it is not retried.
    """

    def __init__(self, message: str, *, request: httpx.Request, limit: int) -> None:
        super().__init__(message, request=request)
        self.limit = limit


class PrereadingTransport(httpx.AsyncBaseTransport):
    """Base of the inner transports that may read a small body whole themselves.

    Such a transport returns a response already read (``is_stream_consumed``) only when its
    body was announced by ``Content-Length``, is at most ``preread_limit`` bytes and carries no
    ``Content-Encoding``: then nothing is left to decode, cap or time, and one read of the whole
    body costs less than a stream. Any other body is streamed, for :func:`read_body`. The
    retry layer sets ``preread_limit`` to its cap (0, the default: never read whole).
    """

    preread_limit: int = 0


def mark_read(response: httpx.Response, content: bytes) -> None:
    """Mark ``response``, whose stream is ``httpx.ByteStream(content)``, read and closed."""
    # Decoded within the cap and the deadline: httpx must not decode it a second time, which
    # it would do from the stream (the headers still say how it was encoded on the wire).
    response._content = content
    response.is_stream_consumed = True
    response.is_closed = True


def too_large(request: httpx.Request, limit: int) -> BodyTooLarge:
    return BodyTooLarge(
        f"the response to {_describe(request)} is larger than max_response_bytes "
        f"({_size(limit)}, counted after decompression); the rest was not read",
        request=request,
        limit=limit,
    )


def _undecodable(request: httpx.Request, encoding: str, why: str) -> httpx.DecodingError:
    return httpx.DecodingError(
        f"could not decode the {encoding!r} body of the response to {_describe(request)}: {why}",
        request=request,
    )


def _inflater(encoding: str) -> _Inflater | None:
    """The decompressor for a ``Content-Encoding`` value; None for identity."""
    codings = [c.strip().lower() for c in encoding.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) == 1 and codings[0] in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if len(codings) == 1 and codings[0] == "deflate":
        return _Deflate()
    raise ValueError(f"unsupported content-encoding {encoding!r} (asked for {ACCEPT_ENCODING!r})")


class _Deflate:
    """``deflate`` as servers send it: zlib-wrapped (RFC 9110) or, commonly, raw."""

    def __init__(self) -> None:
        self._inner = zlib.decompressobj()
        self._started = False

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail

    @property
    def eof(self) -> bool:
        return self._inner.eof

    def decompress(self, data: bytes, max_length: int = 0, /) -> bytes:
        if self._started:
            return self._inner.decompress(data, max_length)
        self._started = True
        try:
            return self._inner.decompress(data, max_length)
        except zlib.error:
            self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._inner.decompress(data, max_length)

    def flush(self, length: int = zlib.DEF_BUF_SIZE, /) -> bytes:
        return self._inner.flush(length)


async def read_body(
    chunks: AsyncIterable[bytes],
    content_encoding: str | None,
    limit: int,
    request: httpx.Request,
) -> bytes:
    """The whole body, decoded per ``content_encoding``, of at most ``limit`` bytes.

    Raises :class:`BodyTooLarge` as soon as the body as received or as decoded exceeds
    ``limit``, and ``httpx.DecodingError`` if it cannot be decoded. Transport errors from
    ``chunks`` propagate unchanged.
    """
    try:
        inflater = _inflater(content_encoding) if content_encoding else None
    except ValueError as exc:
        raise _undecodable(request, content_encoding or "", str(exc)) from None
    if inflater is None:
        return await _read_plain(chunks, limit, request)
    encoding = content_encoding or ""
    received = 0
    size = 0
    since_yield = 0
    pieces: list[bytes] = []
    async for chunk in chunks:
        received += len(chunk)
        if received > limit:
            raise too_large(request, limit)
        data = chunk
        while data and not inflater.eof:
            try:
                piece = inflater.decompress(data, _PIECE)
            except zlib.error as exc:
                raise _undecodable(request, encoding, str(exc)) from None
            data = inflater.unconsumed_tail
            size += len(piece)
            if size > limit:
                raise too_large(request, limit)
            pieces.append(piece)
            since_yield += len(piece)
            if since_yield >= _YIELD_EVERY:
                since_yield = 0
                await _pause()
    try:
        rest = inflater.flush(_PIECE) if not inflater.eof else b""
    except zlib.error as exc:
        raise _undecodable(request, encoding, str(exc)) from None
    if size + len(rest) > limit:
        raise too_large(request, limit)
    pieces.append(rest)
    return b"".join(pieces)


async def _read_plain(chunks: AsyncIterable[bytes], limit: int, request: httpx.Request) -> bytes:
    pieces: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise too_large(request, limit)
        pieces.append(chunk)
    if len(pieces) == 1:
        return pieces[0]
    return b"".join(pieces)


async def _pause() -> None:
    import asyncio

    await asyncio.sleep(0)
