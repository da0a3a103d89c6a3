from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="InvoicePaymentEnvelope")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(("payment",))
_new = object.__new__


@_attrs_define
class InvoicePaymentEnvelope:
    """
    Attributes:
        payment (InvoicePayment): A payment received from a customer and applied to invoices.
    """

    payment: InvoicePayment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment = self.payment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "payment": payment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        invoice_payment_envelope = _new(cls)
        try:  # every documented field present, as in the API's responses
            _payment = src_dict["payment"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _payment = src_dict["payment"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 1
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        invoice_payment_envelope.payment = InvoicePayment.from_dict(_payment)

        invoice_payment_envelope.additional_properties = additional_properties

        return invoice_payment_envelope

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            invoice_payment_envelope = _new(cls)
            try:  # every documented field present, as in the API's responses
                _payment = src_dict["payment"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _payment = src_dict["payment"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 1
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            invoice_payment_envelope.payment = InvoicePayment.from_dict(_payment)

            invoice_payment_envelope.additional_properties = additional_properties

            append_(invoice_payment_envelope)
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


from ..models.invoice_payment import InvoicePayment  # noqa: E402 -- after the class, so import cycles work
