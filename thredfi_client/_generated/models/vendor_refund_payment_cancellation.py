from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import parse_uuid

T = TypeVar("T", bound="VendorRefundPaymentCancellation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "message",
        "payment_id",
        "status",
        "updated_at",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundPaymentCancellation:
    """Response serializer for vendor refund payment cancellation

    Attributes:
        message (str):
        payment_id (UUID):
        status (str):
        updated_at (datetime.datetime):
    """

    message: str
    payment_id: UUID
    status: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        payment_id = str(self.payment_id)

        status = self.status

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "payment_id": payment_id,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_payment_cancellation = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor_refund_payment_cancellation.message = src_dict["message"]
            _payment_id = src_dict["payment_id"]
            vendor_refund_payment_cancellation.status = src_dict["status"]
            _updated_at = src_dict["updated_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor_refund_payment_cancellation.message = src_dict["message"]
            _payment_id = src_dict["payment_id"]
            vendor_refund_payment_cancellation.status = src_dict["status"]
            _updated_at = src_dict["updated_at"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        vendor_refund_payment_cancellation.payment_id = parse_uuid(_payment_id)

        vendor_refund_payment_cancellation.updated_at = datetime.datetime.fromisoformat(_updated_at)

        vendor_refund_payment_cancellation.additional_properties = additional_properties
        return vendor_refund_payment_cancellation

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
