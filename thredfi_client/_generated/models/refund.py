from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
from ..types import parse_uuid

T = TypeVar("T", bound="Refund")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"refunded_amount": {"int_format": "int64"}}
_KNOWN = frozenset(
    (
        "id",
        "refunded_amount",
        "customer_id",
        "customer_name",
        "allocations",
        "refund_payments",
    )
)
_new = object.__new__


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
        refund = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            refund.refunded_amount = src_dict["refunded_amount"]
            _customer_id = src_dict["customer_id"]
            refund.customer_name = src_dict["customer_name"]
            _allocations = src_dict["allocations"]
            _refund_payments = src_dict["refund_payments"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            refund.refunded_amount = src_dict["refunded_amount"]
            _customer_id = src_dict["customer_id"]
            refund.customer_name = src_dict["customer_name"]
            _allocations = src_dict["allocations"]
            _refund_payments = src_dict["refund_payments"]
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 6
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        refund.id = known_uuid(_id) or parse_uuid(_id)

        refund.customer_id = known_uuid(_customer_id) or parse_uuid(_customer_id)

        allocations = RefundInvoiceAllocation.from_dicts(_allocations)

        refund.allocations = allocations

        refund_payments = RefundRefundPaymentsItem.from_dicts(_refund_payments)

        refund.refund_payments = refund_payments

        refund.additional_properties = additional_properties

        return refund

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            refund = _new(cls)
            try:  # every documented field present, as in the API's responses
                _id = src_dict["id"]
                refund.refunded_amount = src_dict["refunded_amount"]
                _customer_id = src_dict["customer_id"]
                refund.customer_name = src_dict["customer_name"]
                _allocations = src_dict["allocations"]
                _refund_payments = src_dict["refund_payments"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                _id = src_dict["id"]
                refund.refunded_amount = src_dict["refunded_amount"]
                _customer_id = src_dict["customer_id"]
                refund.customer_name = src_dict["customer_name"]
                _allocations = src_dict["allocations"]
                _refund_payments = src_dict["refund_payments"]
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 6
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )
            refund.id = known_uuid(_id) or parse_uuid(_id)

            refund.customer_id = known_uuid(_customer_id) or parse_uuid(_customer_id)

            allocations = RefundInvoiceAllocation.from_dicts(_allocations)

            refund.allocations = allocations

            refund_payments = RefundRefundPaymentsItem.from_dicts(_refund_payments)

            refund.refund_payments = refund_payments

            refund.additional_properties = additional_properties

            append_(refund)
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


from ..models.refund_invoice_allocation import RefundInvoiceAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.refund_refund_payments_item import RefundRefundPaymentsItem  # noqa: E402 -- after the class, so import cycles work
