from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="RefundAllocation")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}


@_attrs_define
class RefundAllocation:
    """Part of a refund allocated to the invoice.

    Attributes:
        refund_id (UUID | Unset): The refund's UUID.
        amount_cents (int | Unset): Amount in cents.
        allocated_at (datetime.datetime | Unset): When it was allocated.
        reference_number (str | Unset): Refund reference.
    """

    refund_id: UUID | Unset = UNSET
    amount_cents: int | Unset = UNSET
    allocated_at: datetime.datetime | Unset = UNSET
    reference_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refund_id: str | Unset = UNSET
        if not isinstance(self.refund_id, Unset):
            refund_id = str(self.refund_id)

        amount_cents = self.amount_cents

        allocated_at: str | Unset = UNSET
        if not isinstance(self.allocated_at, Unset):
            allocated_at = self.allocated_at.isoformat()

        reference_number = self.reference_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if refund_id is not UNSET:
            field_dict["refund_id"] = refund_id
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if allocated_at is not UNSET:
            field_dict["allocated_at"] = allocated_at
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _refund_id = d.pop("refund_id", UNSET)
        refund_id: UUID | Unset
        if isinstance(_refund_id, Unset):
            refund_id = UNSET
        else:
            refund_id = parse_uuid(_refund_id)

        amount_cents = d.pop("amount_cents", UNSET)

        _allocated_at = d.pop("allocated_at", UNSET)
        allocated_at: datetime.datetime | Unset
        if isinstance(_allocated_at, Unset):
            allocated_at = UNSET
        else:
            allocated_at = datetime.datetime.fromisoformat(_allocated_at)

        reference_number = d.pop("reference_number", UNSET)

        refund_allocation = cls(
            refund_id=refund_id,
            amount_cents=amount_cents,
            allocated_at=allocated_at,
            reference_number=reference_number,
        )

        refund_allocation.additional_properties = d
        return refund_allocation

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
