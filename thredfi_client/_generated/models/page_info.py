from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="PageInfo")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_count": {"int_format": "int64"},
    "current_page": {"int_format": "int64"},
    "total_pages": {"int_format": "int64"},
    "page_size": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "total_count",
        "current_page",
        "total_pages",
        "page_size",
    )
)
_new = object.__new__


@_attrs_define
class PageInfo:
    """Where a page sits in the whole list.

    Attributes:
        total_count (int): Number of items in the whole list.
        current_page (int): The number of this page (1-based).
        total_pages (int): Number of pages.
        page_size (int): Items per page.
    """

    total_count: int
    current_page: int
    total_pages: int
    page_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        current_page = self.current_page

        total_pages = self.total_pages

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_count": total_count,
                "current_page": current_page,
                "total_pages": total_pages,
                "page_size": page_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        page_info = _new(cls)
        try:  # every documented field present, as in the API's responses
            page_info.total_count = src_dict["total_count"]
            page_info.current_page = src_dict["current_page"]
            page_info.total_pages = src_dict["total_pages"]
            page_info.page_size = src_dict["page_size"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            page_info.total_count = src_dict["total_count"]
            page_info.current_page = src_dict["current_page"]
            page_info.total_pages = src_dict["total_pages"]
            page_info.page_size = src_dict["page_size"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        page_info.additional_properties = additional_properties

        return page_info

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            page_info = _new(cls)
            try:  # every documented field present, as in the API's responses
                page_info.total_count = src_dict["total_count"]
                page_info.current_page = src_dict["current_page"]
                page_info.total_pages = src_dict["total_pages"]
                page_info.page_size = src_dict["page_size"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                page_info.total_count = src_dict["total_count"]
                page_info.current_page = src_dict["current_page"]
                page_info.total_pages = src_dict["total_pages"]
                page_info.page_size = src_dict["page_size"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 4
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            page_info.additional_properties = additional_properties

            append_(page_info)
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
