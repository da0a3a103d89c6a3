from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RefundDocumentUpload")


@_attrs_define
class RefundDocumentUpload:
    """A document to attach to a refund.

    Attributes:
        file (str): The file content.
        document_type (str | Unset): Kind of document. Default: 'refund'.
        upload_source (str | Unset): Where the upload came from.
        metadata (Any | Unset): Free-form metadata.
        tags (Any | Unset): Free-form tags.
    """

    file: str
    document_type: str | Unset = "refund"
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
        d = dict(src_dict)
        file = d.pop("file")

        document_type = d.pop("document_type", UNSET)

        upload_source = d.pop("upload_source", UNSET)

        metadata = d.pop("metadata", UNSET)

        tags = d.pop("tags", UNSET)

        refund_document_upload = cls(
            file=file,
            document_type=document_type,
            upload_source=upload_source,
            metadata=metadata,
            tags=tags,
        )

        refund_document_upload.additional_properties = d
        return refund_document_upload

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
