from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillDocumentUpload")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "file",
        "document_type",
        "upload_source",
        "metadata",
        "tags",
    )
)
_new = object.__new__


@_attrs_define
class BillDocumentUpload:
    """A purchase invoice document to attach to a bill.

    Attributes:
        file (str): The file content.
        document_type (str | Unset): Kind of document. Default: 'purchase_invoice'.
        upload_source (str | Unset): Where the upload came from.
        metadata (Any | Unset): Free-form metadata.
        tags (Any | Unset): Free-form tags.
    """

    file: str
    document_type: str | Unset = "purchase_invoice"
    upload_source: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    tags: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        document_type = self.document_type

        upload_source = self.upload_source

        metadata = self.metadata

        tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if upload_source is not UNSET:
            field_dict["upload_source"] = upload_source
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        bill_document_upload = _new(cls)
        try:  # every documented field present, as in the API's responses
            bill_document_upload.file = src_dict["file"]
            bill_document_upload.document_type = src_dict["document_type"]
            bill_document_upload.upload_source = src_dict["upload_source"]
            bill_document_upload.metadata = src_dict["metadata"]
            bill_document_upload.tags = src_dict["tags"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            bill_document_upload.file = src_dict["file"]
            bill_document_upload.document_type = src_dict.get("document_type", UNSET)
            bill_document_upload.upload_source = src_dict.get("upload_source", UNSET)
            bill_document_upload.metadata = src_dict.get("metadata", UNSET)
            bill_document_upload.tags = src_dict.get("tags", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        bill_document_upload.additional_properties = additional_properties
        return bill_document_upload

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
