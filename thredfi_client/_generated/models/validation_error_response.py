from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidationErrorResponse")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "error_code",
        "message",
        "detail",
        "request_id",
    )
)
_new = object.__new__


@_attrs_define
class ValidationErrorResponse:
    """Error body for invalid request data, with errors per field.

    Attributes:
        error_code (str): Machine-readable error code, e.g. `validation_error`.
        message (None | str): Human-readable message.
        detail (ValidationErrorResponseDetail): Holds `field_errors` and further context.
        request_id (str | Unset): Identifier of the request, for support.
    """

    error_code: str
    message: None | str
    detail: ValidationErrorResponseDetail
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        message: None | str
        message = self.message

        detail = self.detail.to_dict()

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error_code": error_code,
                "message": message,
                "detail": detail,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        validation_error_response = _new(cls)
        try:  # every documented field present, as in the API's responses
            validation_error_response.error_code = src_dict["error_code"]
            validation_error_response.message = src_dict["message"]
            _detail = src_dict["detail"]
            validation_error_response.request_id = src_dict["request_id"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            validation_error_response.error_code = src_dict["error_code"]
            validation_error_response.message = src_dict["message"]
            _detail = src_dict["detail"]
            validation_error_response.request_id = src_dict.get("request_id", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 4
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        validation_error_response.detail = ValidationErrorResponseDetail.from_dict(_detail)

        validation_error_response.additional_properties = additional_properties

        return validation_error_response

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            validation_error_response = _new(cls)
            try:  # every documented field present, as in the API's responses
                validation_error_response.error_code = src_dict["error_code"]
                validation_error_response.message = src_dict["message"]
                _detail = src_dict["detail"]
                validation_error_response.request_id = src_dict["request_id"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                validation_error_response.error_code = src_dict["error_code"]
                validation_error_response.message = src_dict["message"]
                _detail = src_dict["detail"]
                validation_error_response.request_id = src_dict.get("request_id", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 4
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            validation_error_response.detail = ValidationErrorResponseDetail.from_dict(_detail)

            validation_error_response.additional_properties = additional_properties

            append_(validation_error_response)
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


from ..models.validation_error_response_detail import ValidationErrorResponseDetail  # noqa: E402 -- after the class, so import cycles work
