from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.ar_aging_group_by import ArAgingGroupBy
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="ArAging")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_outstanding_cents": {"int_format": "int64"}
}
_KNOWN = frozenset(
    (
        "business_id",
        "as_of_date",
        "group_by",
        "currency",
        "total_outstanding_cents",
        "total_aging_buckets",
        "customers",
    )
)
_new = object.__new__


@_attrs_define
class ArAging:
    """
    Attributes:
        business_id (UUID):
        as_of_date (datetime.date):
        group_by (ArAgingGroupBy):
        currency (str):
        total_outstanding_cents (int):
        total_aging_buckets (AgingBuckets): Outstanding amounts by days overdue, in cents.
        customers (list[CustomerAging] | Unset):
    """

    business_id: UUID
    as_of_date: datetime.date
    group_by: ArAgingGroupBy
    currency: str
    total_outstanding_cents: int
    total_aging_buckets: AgingBuckets
    customers: list[CustomerAging] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_id = str(self.business_id)

        as_of_date = self.as_of_date.isoformat()

        group_by = self.group_by.value

        currency = self.currency

        total_outstanding_cents = self.total_outstanding_cents

        total_aging_buckets = self.total_aging_buckets.to_dict()

        customers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.customers, Unset):
            customers = []
            for customers_item_data in self.customers:
                customers_item = customers_item_data.to_dict()
                customers.append(customers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_id": business_id,
                "as_of_date": as_of_date,
                "group_by": group_by,
                "currency": currency,
                "total_outstanding_cents": total_outstanding_cents,
                "total_aging_buckets": total_aging_buckets,
            }
        )
        if customers is not UNSET:
            field_dict["customers"] = customers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        ar_aging = _new(cls)
        try:  # every documented field present, as in the API's responses
            _business_id = src_dict["business_id"]
            _as_of_date = src_dict["as_of_date"]
            _group_by = src_dict["group_by"]
            ar_aging.currency = src_dict["currency"]
            ar_aging.total_outstanding_cents = src_dict["total_outstanding_cents"]
            _total_aging_buckets = src_dict["total_aging_buckets"]
            _customers = src_dict["customers"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _business_id = src_dict["business_id"]
            _as_of_date = src_dict["as_of_date"]
            _group_by = src_dict["group_by"]
            ar_aging.currency = src_dict["currency"]
            ar_aging.total_outstanding_cents = src_dict["total_outstanding_cents"]
            _total_aging_buckets = src_dict["total_aging_buckets"]
            _customers = src_dict.get("customers", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 7
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        ar_aging.business_id = parse_uuid(_business_id)

        ar_aging.as_of_date = datetime.date.fromisoformat(_as_of_date)

        ar_aging.group_by = ArAgingGroupBy(_group_by)

        ar_aging.total_aging_buckets = AgingBuckets.from_dict(_total_aging_buckets)

        customers: list[CustomerAging] | Unset = (
            UNSET if _customers is UNSET else list(map(CustomerAging.from_dict, _customers))
        )

        ar_aging.customers = customers

        ar_aging.additional_properties = additional_properties
        return ar_aging

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
from ..models.customer_aging import CustomerAging  # noqa: E402 -- after the class, so import cycles work
