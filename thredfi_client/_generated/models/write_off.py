from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="WriteOff")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"amount_cents": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "write_off_id",
        "amount_cents",
        "reason",
        "status",
        "write_off_at",
    )
)
_new = object.__new__


@_attrs_define
class WriteOff:
    """An amount written off the invoice.

    Attributes:
        write_off_id (UUID | Unset): The write-off's UUID.
        amount_cents (int | Unset): Amount in cents.
        reason (str | Unset): Why it was written off.
        status (str | Unset): State of the write-off.
        write_off_at (datetime.datetime | Unset): When it was written off.
    """

    write_off_id: UUID | Unset = UNSET
    amount_cents: int | Unset = UNSET
    reason: str | Unset = UNSET
    status: str | Unset = UNSET
    write_off_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        write_off_id: str | Unset = UNSET
        if not isinstance(self.write_off_id, Unset):
            write_off_id = str(self.write_off_id)

        amount_cents = self.amount_cents

        reason = self.reason

        status = self.status

        write_off_at: str | Unset = UNSET
        if not isinstance(self.write_off_at, Unset):
            write_off_at = self.write_off_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if write_off_id is not UNSET:
            field_dict["write_off_id"] = write_off_id
        if amount_cents is not UNSET:
            field_dict["amount_cents"] = amount_cents
        if reason is not UNSET:
            field_dict["reason"] = reason
        if status is not UNSET:
            field_dict["status"] = status
        if write_off_at is not UNSET:
            field_dict["write_off_at"] = write_off_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        write_off = _new(cls)
        try:  # every documented field present, as in the API's responses
            _write_off_id = src_dict["write_off_id"]
            write_off.amount_cents = src_dict["amount_cents"]
            write_off.reason = src_dict["reason"]
            write_off.status = src_dict["status"]
            _write_off_at = src_dict["write_off_at"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _write_off_id = src_dict.get("write_off_id", UNSET)
            write_off.amount_cents = src_dict.get("amount_cents", UNSET)
            write_off.reason = src_dict.get("reason", UNSET)
            write_off.status = src_dict.get("status", UNSET)
            _write_off_at = src_dict.get("write_off_at", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 5
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        write_off.write_off_id = (
            UNSET
            if _write_off_id is UNSET
            else (known_uuid(_write_off_id) or parse_uuid(_write_off_id))
        )

        write_off.write_off_at = (
            UNSET if _write_off_at is UNSET else datetime.datetime.fromisoformat(_write_off_at)
        )

        write_off.additional_properties = additional_properties

        return write_off

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            write_off = _new(cls)
            try:  # every documented field present, as in the API's responses
                _write_off_id = src_dict["write_off_id"]
                write_off.amount_cents = src_dict["amount_cents"]
                write_off.reason = src_dict["reason"]
                write_off.status = src_dict["status"]
                _write_off_at = src_dict["write_off_at"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _write_off_id = src_dict.get("write_off_id", UNSET)
                write_off.amount_cents = src_dict.get("amount_cents", UNSET)
                write_off.reason = src_dict.get("reason", UNSET)
                write_off.status = src_dict.get("status", UNSET)
                _write_off_at = src_dict.get("write_off_at", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 5
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            write_off.write_off_id = (
                UNSET
                if _write_off_id is UNSET
                else (known_uuid(_write_off_id) or parse_uuid(_write_off_id))
            )

            write_off.write_off_at = (
                UNSET if _write_off_at is UNSET else datetime.datetime.fromisoformat(_write_off_at)
            )

            write_off.additional_properties = additional_properties

            append_(write_off)
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
