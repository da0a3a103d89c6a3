from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="VendorAging")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_outstanding_cents": {"int_format": "int64"}
}
_KNOWN = frozenset(
    (
        "vendor_id",
        "total_outstanding_cents",
        "aging_buckets",
        "vendor_name",
    )
)
_new = object.__new__


@_attrs_define
class VendorAging:
    """
    Attributes:
        vendor_id (UUID):
        total_outstanding_cents (int):
        aging_buckets (AgingBuckets): Outstanding amounts by days overdue, in cents.
        vendor_name (str | Unset):
    """

    vendor_id: UUID
    total_outstanding_cents: int
    aging_buckets: AgingBuckets
    vendor_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vendor_id = str(self.vendor_id)

        total_outstanding_cents = self.total_outstanding_cents

        aging_buckets = self.aging_buckets.to_dict()

        vendor_name = self.vendor_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vendor_id": vendor_id,
                "total_outstanding_cents": total_outstanding_cents,
                "aging_buckets": aging_buckets,
            }
        )
        if vendor_name is not UNSET:
            field_dict["vendor_name"] = vendor_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_aging = _new(cls)
        try:  # every documented field present, as in the API's responses
            _vendor_id = src_dict["vendor_id"]
            vendor_aging.total_outstanding_cents = src_dict["total_outstanding_cents"]
            _aging_buckets = src_dict["aging_buckets"]
            vendor_aging.vendor_name = src_dict["vendor_name"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _vendor_id = src_dict["vendor_id"]
            vendor_aging.total_outstanding_cents = src_dict["total_outstanding_cents"]
            _aging_buckets = src_dict["aging_buckets"]
            vendor_aging.vendor_name = src_dict.get("vendor_name", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_aging.vendor_id = parse_uuid(_vendor_id)

        vendor_aging.aging_buckets = AgingBuckets.from_dict(_aging_buckets)

        vendor_aging.additional_properties = additional_properties
        return vendor_aging

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


from ..models.aging_buckets import AgingBuckets  # noqa: E402 -- after the class, so import cycles work
