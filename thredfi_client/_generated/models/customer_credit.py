from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="CustomerCredit")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "total_amount": {"int_format": "int64"},
    "applied_amount": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "id",
        "status",
        "customer",
        "line_items",
        "allocations",
        "total_amount",
        "applied_amount",
        "created_at",
        "updated_at",
        "sent_at",
        "source_invoice_id",
        "tags",
        "document",
        "external_id",
        "currency",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCredit:
    """A credit note for a customer.

    Attributes:
        id (UUID): The credit's UUID.
        status (str): The credit's status, e.g. draft.
        customer (CustomerCreditCustomer): The customer credited.
        line_items (list[CustomerCreditLineItem]): The credit's lines.
        allocations (list[CustomerCreditAllocation]): The invoices the credit is applied to.
        total_amount (int): The credit's total, in cents.
        applied_amount (int): Amount applied to invoices, in cents.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        sent_at (datetime.datetime | None | Unset): When the credit was sent.
        source_invoice_id (None | Unset | UUID): The invoice the credit is raised against.
        tags (list[CustomerCreditTagsItem] | Unset): Tags for the credit.
        document (DocumentFileUrl | None | Unset): The credit's document with a download URL; null when there is none.
        external_id (None | str | Unset): Your identifier for the credit.
        currency (None | str | Unset): ISO 4217 currency code.
    """

    id: UUID
    status: str
    customer: CustomerCreditCustomer
    line_items: list[CustomerCreditLineItem]
    allocations: list[CustomerCreditAllocation]
    total_amount: int
    applied_amount: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sent_at: datetime.datetime | None | Unset = UNSET
    source_invoice_id: None | Unset | UUID = UNSET
    tags: list[CustomerCreditTagsItem] | Unset = UNSET
    document: DocumentFileUrl | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status

        customer = self.customer.to_dict()

        line_items = []
        for line_items_item_data in self.line_items:
            line_items_item = line_items_item_data.to_dict()
            line_items.append(line_items_item)

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)

        total_amount = self.total_amount

        applied_amount = self.applied_amount

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        source_invoice_id: None | str | Unset
        if isinstance(self.source_invoice_id, Unset):
            source_invoice_id = UNSET
        elif isinstance(self.source_invoice_id, UUID):
            source_invoice_id = str(self.source_invoice_id)
        else:
            source_invoice_id = self.source_invoice_id

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        document: dict[str, Any] | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        elif isinstance(self.document, DocumentFileUrl):
            document = self.document.to_dict()
        else:
            document = self.document

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "customer": customer,
                "line_items": line_items,
                "allocations": allocations,
                "total_amount": total_amount,
                "applied_amount": applied_amount,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if source_invoice_id is not UNSET:
            field_dict["source_invoice_id"] = source_invoice_id
        if tags is not UNSET:
            field_dict["tags"] = tags
        if document is not UNSET:
            field_dict["document"] = document
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_credit = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            customer_credit.status = src_dict["status"]
            _customer = src_dict["customer"]
            _line_items = src_dict["line_items"]
            _allocations = src_dict["allocations"]
            customer_credit.total_amount = src_dict["total_amount"]
            customer_credit.applied_amount = src_dict["applied_amount"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            _sent_at = src_dict["sent_at"]
            _source_invoice_id = src_dict["source_invoice_id"]
            _tags = src_dict["tags"]
            _document = src_dict["document"]
            customer_credit.external_id = src_dict["external_id"]
            customer_credit.currency = src_dict["currency"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            customer_credit.status = src_dict["status"]
            _customer = src_dict["customer"]
            _line_items = src_dict["line_items"]
            _allocations = src_dict["allocations"]
            customer_credit.total_amount = src_dict["total_amount"]
            customer_credit.applied_amount = src_dict["applied_amount"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            _sent_at = src_dict.get("sent_at", UNSET)
            _source_invoice_id = src_dict.get("source_invoice_id", UNSET)
            _tags = src_dict.get("tags", UNSET)
            _document = src_dict.get("document", UNSET)
            customer_credit.external_id = src_dict.get("external_id", UNSET)
            customer_credit.currency = src_dict.get("currency", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 15
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        customer_credit.id = parse_uuid(_id)

        customer_credit.customer = CustomerCreditCustomer.from_dict(_customer)

        line_items = list(map(CustomerCreditLineItem.from_dict, _line_items))

        customer_credit.line_items = line_items

        allocations = list(map(CustomerCreditAllocation.from_dict, _allocations))

        customer_credit.allocations = allocations

        customer_credit.created_at = datetime.datetime.fromisoformat(_created_at)

        customer_credit.updated_at = datetime.datetime.fromisoformat(_updated_at)

        sent_at: datetime.datetime | None | Unset = _sent_at
        if isinstance(_sent_at, str):
            try:
                sent_at_type_0 = datetime.datetime.fromisoformat(_sent_at)

                sent_at = sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        customer_credit.sent_at = sent_at

        source_invoice_id: None | Unset | UUID = _source_invoice_id
        if isinstance(_source_invoice_id, str):
            try:
                source_invoice_id_type_0 = parse_uuid(_source_invoice_id)

                source_invoice_id = source_invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        customer_credit.source_invoice_id = source_invoice_id

        tags: list[CustomerCreditTagsItem] | Unset = (
            UNSET if _tags is UNSET else list(map(CustomerCreditTagsItem.from_dict, _tags))
        )

        customer_credit.tags = tags

        document: DocumentFileUrl | None | Unset = _document
        if isinstance(_document, dict):
            try:
                componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(_document)

                document = componentsschemas_document_file_url_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        customer_credit.document = document

        customer_credit.additional_properties = additional_properties
        return customer_credit

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


from ..models.customer_credit_allocation import CustomerCreditAllocation  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_customer import CustomerCreditCustomer  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_line_item import CustomerCreditLineItem  # noqa: E402 -- after the class, so import cycles work
from ..models.customer_credit_tags_item import CustomerCreditTagsItem  # noqa: E402 -- after the class, so import cycles work
from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
