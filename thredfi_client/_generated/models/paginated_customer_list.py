from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaginatedCustomerList")


@_attrs_define
class PaginatedCustomerList:
    """
    Attributes:
        count (int):  Example: 123.
        results (list[Customer]):
        page_info (PageInfo | Unset): Where a page sits in the whole list.
        next_ (None | str | Unset): URL of the next page; null on the last one (the pagination guide's envelope).
        previous (None | str | Unset): URL of the previous page; null on the first one.
    """

    count: int
    results: list[Customer]
    page_info: PageInfo | Unset = UNSET
    next_: None | str | Unset = UNSET
    previous: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        page_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.page_info, Unset):
            page_info = self.page_info.to_dict()

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        previous: None | str | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        else:
            previous = self.previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "results": results,
            }
        )
        if page_info is not UNSET:
            field_dict["page_info"] = page_info
        if next_ is not UNSET:
            field_dict["next"] = next_
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = Customer.from_dict(results_item_data)

            results.append(results_item)

        _page_info = d.pop("page_info", UNSET)
        page_info: PageInfo | Unset
        if isinstance(_page_info, Unset):
            page_info = UNSET
        else:
            page_info = PageInfo.from_dict(_page_info)

        next_: None | str | Unset = d.pop("next", UNSET)

        previous: None | str | Unset = d.pop("previous", UNSET)

        paginated_customer_list = cls(
            count=count,
            results=results,
            page_info=page_info,
            next_=next_,
            previous=previous,
        )

        paginated_customer_list.additional_properties = d
        return paginated_customer_list

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


from ..models.customer import Customer  # noqa: E402 -- after the class, so import cycles work
from ..models.page_info import PageInfo  # noqa: E402 -- after the class, so import cycles work
