from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="CustomerAging")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_outstanding_cents": {"int_format": "int64"}
}
_KNOWN = frozenset(
    (
        "customer_id",
        "total_outstanding_cents",
        "aging_buckets",
        "customer_name",
    )
)
_new = object.__new__


@_attrs_define
class CustomerAging:
    """
    Attributes:
        customer_id (UUID):
        total_outstanding_cents (int):
        aging_buckets (AgingBuckets): Outstanding amounts by days overdue, in cents.
        customer_name (str | Unset):
    """

    customer_id: UUID
    total_outstanding_cents: int
    aging_buckets: AgingBuckets
    customer_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        total_outstanding_cents = self.total_outstanding_cents

        aging_buckets = self.aging_buckets.to_dict()

        customer_name = self.customer_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "total_outstanding_cents": total_outstanding_cents,
                "aging_buckets": aging_buckets,
            }
        )
        if customer_name is not UNSET:
            field_dict["customer_name"] = customer_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_aging = _new(cls)
        try:  # every documented field present, as in the API's responses
            _customer_id = src_dict["customer_id"]
            customer_aging.total_outstanding_cents = src_dict["total_outstanding_cents"]
            _aging_buckets = src_dict["aging_buckets"]
            customer_aging.customer_name = src_dict["customer_name"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _customer_id = src_dict["customer_id"]
            customer_aging.total_outstanding_cents = src_dict["total_outstanding_cents"]
            _aging_buckets = src_dict["aging_buckets"]
            customer_aging.customer_name = src_dict.get("customer_name", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        customer_aging.customer_id = parse_uuid(_customer_id)

        customer_aging.aging_buckets = AgingBuckets.from_dict(_aging_buckets)

        customer_aging.additional_properties = additional_properties
        return customer_aging

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
