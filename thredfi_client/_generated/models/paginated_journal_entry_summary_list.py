from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaginatedJournalEntrySummaryList")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"count": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "count",
        "results",
        "page_info",
        "next",
        "previous",
    )
)
_new = object.__new__


@_attrs_define
class PaginatedJournalEntrySummaryList:
    """
    Attributes:
        count (int):  Example: 123.
        results (list[JournalEntrySummary]):
        page_info (PageInfo | Unset): Where a page sits in the whole list.
        next_ (None | str | Unset): URL of the next page; null on the last one (the pagination guide's envelope).
        previous (None | str | Unset): URL of the previous page; null on the first one.
    """

    count: int
    results: list[JournalEntrySummary]
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
        paginated_journal_entry_summary_list = _new(cls)
        try:  # every documented field present, as in the API's responses
            paginated_journal_entry_summary_list.count = src_dict["count"]
            _results = src_dict["results"]
            _page_info = src_dict["page_info"]
            paginated_journal_entry_summary_list.next_ = src_dict["next"]
            paginated_journal_entry_summary_list.previous = src_dict["previous"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            paginated_journal_entry_summary_list.count = src_dict["count"]
            _results = src_dict["results"]
            _page_info = src_dict.get("page_info", UNSET)
            paginated_journal_entry_summary_list.next_ = src_dict.get("next", UNSET)
            paginated_journal_entry_summary_list.previous = src_dict.get("previous", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        results = list(map(JournalEntrySummary.from_dict, _results))

        paginated_journal_entry_summary_list.results = results

        paginated_journal_entry_summary_list.page_info = (
            UNSET if _page_info is UNSET else PageInfo.from_dict(_page_info)
        )

        paginated_journal_entry_summary_list.additional_properties = additional_properties
        return paginated_journal_entry_summary_list

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


from ..models.journal_entry_summary import JournalEntrySummary  # noqa: E402 -- after the class, so import cycles work
from ..models.page_info import PageInfo  # noqa: E402 -- after the class, so import cycles work
