"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, TypeVar
from uuid import UUID, SafeUUID

from .._operation import UNSET, Unset

_new_object = object.__new__
_set_slot = object.__setattr__
_SAFE_UNKNOWN = SafeUUID.unknown


@lru_cache(maxsize=4096)
def parse_uuid(value: str) -> UUID:
    """``UUID(value)``, faster; added by codegen/templates/types.py.jinja.

    Responses repeat the same ids (an invoice's id in each of its lines, the business id in every
    object) and a ``UUID`` is immutable, so parsed ids are remembered (bounded, least recently
    used; errors are never remembered). The canonical 36-character form is converted the way
    ``UUID.__init__`` converts it (the same ``int(hex, 16)`` on the same 32 characters, then the
    same two slots), without its keyword dispatch; any other form goes to ``UUID(value)`` itself.
    tests/unit/test_model_parsing.py checks the two agree, valid input and invalid.
    """
    if len(value) == 36 and value[8] == value[13] == value[18] == value[23] == "-":
        digits = value.replace("-", "")
        if len(digits) == 32:
            uuid = _new_object(UUID)
            _set_slot(uuid, "int", int(digits, 16))
            _set_slot(uuid, "is_safe", _SAFE_UNKNOWN)
            return uuid
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
