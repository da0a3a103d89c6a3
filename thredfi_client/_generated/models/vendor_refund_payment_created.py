from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints

T = TypeVar("T", bound="VendorRefundPaymentCreated")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "refund",
        "payment",
        "allocations",
    )
)
_new = object.__new__


@_attrs_define
class VendorRefundPaymentCreated:
    """
    Attributes:
        refund (VendorRefund): Money a vendor refunded. Fields after vendor_refund_payments are past the stored text and
            restored from the create body.
        payment (VendorRefundPayment): A payment of a vendor refund.
        allocations (list[VendorRefundAllocation]):
    """

    refund: VendorRefund
    payment: VendorRefundPayment
    allocations: list[VendorRefundAllocation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        refund = self.refund.to_dict()

        payment = self.payment.to_dict()

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refund": refund,
                "payment": payment,
                "allocations": allocations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_refund_payment_created = _new(cls)
        try:  # every documented field present, as in the API's responses
            _refund = src_dict["refund"]
            _payment = src_dict["payment"]
            _allocations = src_dict["allocations"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _refund = src_dict["refund"]
            _payment = src_dict["payment"]
            _allocations = src_dict["allocations"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 3
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        vendor_refund_payment_created.refund = VendorRefund.from_dict(_refund)

        vendor_refund_payment_created.payment = VendorRefundPayment.from_dict(_payment)

        allocations = list(map(VendorRefundAllocation.from_dict, _allocations))

        vendor_refund_payment_created.allocations = allocations

        vendor_refund_payment_created.additional_properties = additional_properties
        return vendor_refund_payment_created

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


from ..models.vendor_refund import VendorRefund  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_refund_allocation import VendorRefundAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.vendor_refund_payment import VendorRefundPayment  # noqa: E402 -- after the class, so import cycles work
