"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, TypeVar
from uuid import UUID, SafeUUID

from .._operation import UNSET, Unset

_new_object = object.__new__
# The setters of UUID's two slots: what UUID.__init__'s object.__setattr__ calls end in, called
# directly (~0.1 us less per id than object.__setattr__'s lookup by name).
_set_int = UUID.__dict__["int"].__set__
_set_is_safe = UUID.__dict__["is_safe"].__set__
_SAFE_UNKNOWN = SafeUUID.unknown


@lru_cache(maxsize=4096)
def parse_uuid(value: str) -> UUID:
    """``UUID(value)``, faster; added by codegen/templates/types.py.jinja.

    Responses repeat the same ids (an invoice's id in each of its lines, the business id in every
    object) and a ``UUID`` is immutable, so parsed ids are remembered (bounded, least recently
    used; errors are never remembered). When ``value`` without its hyphens is 32 characters that
    ``int(..., 16)`` reads, the result is what ``UUID.__init__`` makes of it (the same ``int(hex,
    16)`` on the same 32 characters, then the same two slots: ``UUID()`` only also removes
    ``urn:``, ``uuid:`` and braces, which ``int`` would have refused), without its keyword
    dispatch; anything else goes to ``UUID(value)`` itself. This is the lenient parse of
    responses, exactly ``uuid.UUID``'s; requests accept only canonical text
    (``thredfi_client._operation.canonical_uuid``). tests/unit/test_model_parsing.py checks the
    two agree, valid input and invalid.
    """
    try:
        digits = value.replace("-", "")
        if len(digits) == 32:
            uuid = _new_object(UUID)
            _set_int(uuid, int(digits, 16))
            _set_is_safe(uuid, _SAFE_UNKNOWN)
            return uuid
    except (AttributeError, TypeError, ValueError):
        pass  # not text, or not hexadecimal: UUID() raises as it does
    return UUID(value)


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@dataclass
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@dataclass
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "parse_uuid"]
