from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="VendorRefundUpdate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "description",
        "memo",
        "reason",
        "metadata",
        "expected_completion_date",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundUpdate:
    """
    Attributes:
        description (str | Unset):
        memo (str | Unset):
        reason (str | Unset):
        metadata (Any | Unset): Free-form metadata.
        expected_completion_date (datetime.date | Unset):
        document (VendorRefundDocumentUpload | Unset):
    """

    description: str | Unset = UNSET
    memo: str | Unset = UNSET
    reason: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    expected_completion_date: datetime.date | Unset = UNSET
    document: VendorRefundDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        memo = self.memo

        reason = self.reason

        metadata = self.metadata

        expected_completion_date: str | Unset = UNSET
        if not isinstance(self.expected_completion_date, Unset):
            expected_completion_date = self.expected_completion_date.isoformat()

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if memo is not UNSET:
            field_dict["memo"] = memo
        if reason is not UNSET:
            field_dict["reason"] = reason
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if expected_completion_date is not UNSET:
            field_dict["expected_completion_date"] = expected_completion_date
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_update = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor_refund_update.description = src_dict["description"]
            vendor_refund_update.memo = src_dict["memo"]
            vendor_refund_update.reason = src_dict["reason"]
            vendor_refund_update.metadata = src_dict["metadata"]
            _expected_completion_date = src_dict["expected_completion_date"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor_refund_update.description = src_dict.get("description", UNSET)
            vendor_refund_update.memo = src_dict.get("memo", UNSET)
            vendor_refund_update.reason = src_dict.get("reason", UNSET)
            vendor_refund_update.metadata = src_dict.get("metadata", UNSET)
            _expected_completion_date = src_dict.get("expected_completion_date", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        vendor_refund_update.expected_completion_date = (
            UNSET
            if _expected_completion_date is UNSET
            else datetime.date.fromisoformat(_expected_completion_date)
        )

        vendor_refund_update.document = (
            UNSET if _document is UNSET else VendorRefundDocumentUpload.from_dict(_document)
        )

        vendor_refund_update.additional_properties = additional_properties
        return vendor_refund_update

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


from ..models.vendor_refund_document_upload import VendorRefundDocumentUpload  # noqa: E402 -- after the class, so import cycles work
