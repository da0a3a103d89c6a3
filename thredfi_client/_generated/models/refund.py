from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import parse_uuid

T = TypeVar("T", bound="Refund")


@_attrs_define
class Refund:
    """A refund to a customer.

    Attributes:
        id (UUID): The refund's UUID.
        refunded_amount (int): Amount refunded, in cents.
        customer_id (UUID): The customer refunded.
        customer_name (str): The customer's display name.
        allocations (list[RefundInvoiceAllocation]): The invoices the refund is allocated to.
        refund_payments (list[RefundRefundPaymentsItem]): The money movements of the refund.
    """

    id: UUID
    refunded_amount: int
    customer_id: UUID
    customer_name: str
    allocations: list[RefundInvoiceAllocation]
    refund_payments: list[RefundRefundPaymentsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        refunded_amount = self.refunded_amount

        customer_id = str(self.customer_id)

        customer_name = self.customer_name

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        refund_payments = []
        for refund_payments_item_data in self.refund_payments:
            refund_payments_item = refund_payments_item_data.to_dict()
            refund_payments.append(refund_payments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "refunded_amount": refunded_amount,
                "customer_id": customer_id,
                "customer_name": customer_name,
                "allocations": allocations,
                "refund_payments": refund_payments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = parse_uuid(d.pop("id"))

        refunded_amount = d.pop("refunded_amount")

        customer_id = parse_uuid(d.pop("customer_id"))

        customer_name = d.pop("customer_name")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:
            allocations_item = RefundInvoiceAllocation.from_dict(allocations_item_data)

            allocations.append(allocations_item)

        refund_payments = []
        _refund_payments = d.pop("refund_payments")
        for refund_payments_item_data in _refund_payments:
            refund_payments_item = RefundRefundPaymentsItem.from_dict(refund_payments_item_data)

            refund_payments.append(refund_payments_item)

        refund = cls(
            id=id,
            refunded_amount=refunded_amount,
            customer_id=customer_id,
            customer_name=customer_name,
            allocations=allocations,
            refund_payments=refund_payments,
        )

        refund.additional_properties = d
        return refund

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


from ..models.refund_invoice_allocation import RefundInvoiceAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.refund_refund_payments_item import RefundRefundPaymentsItem  # noqa: E402 -- after the class, so import cycles work
