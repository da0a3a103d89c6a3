from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..types import parse_uuid

T = TypeVar("T", bound="DocumentFileUrl")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "expires_in": {"int_format": "int64"},
    "file_size": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "url",
        "expires_in",
        "document_id",
        "file_name",
        "file_size",
        "mime_type",
    )
)
_new = object.__new__


@_attrs_define
class DocumentFileUrl:
    """A stored document with a time-limited download URL.

    Attributes:
        url (str): Presigned download URL.
        expires_in (int): Seconds until the URL stops working.
        document_id (UUID): The document's UUID.
        file_name (str): The original file name.
        file_size (int): Size in bytes.
        mime_type (str): The document's MIME type.
    """

    url: str
    expires_in: int
    document_id: UUID
    file_name: str
    file_size: int
    mime_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        expires_in = self.expires_in

        document_id = str(self.document_id)

        file_name = self.file_name

        file_size = self.file_size

        mime_type = self.mime_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "expires_in": expires_in,
                "document_id": document_id,
                "file_name": file_name,
                "file_size": file_size,
                "mime_type": mime_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        document_file_url = _new(cls)
        try:  # every documented field present, as in the API's responses
            document_file_url.url = src_dict["url"]
            document_file_url.expires_in = src_dict["expires_in"]
            _document_id = src_dict["document_id"]
            document_file_url.file_name = src_dict["file_name"]
            document_file_url.file_size = src_dict["file_size"]
            document_file_url.mime_type = src_dict["mime_type"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            document_file_url.url = src_dict["url"]
            document_file_url.expires_in = src_dict["expires_in"]
            _document_id = src_dict["document_id"]
            document_file_url.file_name = src_dict["file_name"]
            document_file_url.file_size = src_dict["file_size"]
            document_file_url.mime_type = src_dict["mime_type"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        document_file_url.document_id = known_uuid(_document_id) or parse_uuid(_document_id)

        document_file_url.additional_properties = additional_properties

        return document_file_url

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            document_file_url = _new(cls)
            try:  # every documented field present, as in the API's responses
                document_file_url.url = src_dict["url"]
                document_file_url.expires_in = src_dict["expires_in"]
                _document_id = src_dict["document_id"]
                document_file_url.file_name = src_dict["file_name"]
                document_file_url.file_size = src_dict["file_size"]
                document_file_url.mime_type = src_dict["mime_type"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                document_file_url.url = src_dict["url"]
                document_file_url.expires_in = src_dict["expires_in"]
                _document_id = src_dict["document_id"]
                document_file_url.file_name = src_dict["file_name"]
                document_file_url.file_size = src_dict["file_size"]
                document_file_url.mime_type = src_dict["mime_type"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 6
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            document_file_url.document_id = known_uuid(_document_id) or parse_uuid(_document_id)

            document_file_url.additional_properties = additional_properties

            append_(document_file_url)
        return parsed_

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
