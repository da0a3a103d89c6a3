from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Customer")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "payment_terms_days": {"int_format": "int64"},
    "credit_limit": {"int_format": "int64"},
    "credit_limit_cents": {"int_format": "int64"},
    "outstanding_balance": {"int_format": "int64"},
}


@_attrs_define
class Customer:
    """A customer of a business.

    Attributes:
        type_ (str): Resource type, always `CustomerData`.
        id (UUID): The customer's UUID.
        external_id (None | str): Your identifier for the customer.
        reference_number (None | str): Reference shown on invoices and statements.
        individual_name (None | str): Contact person.
        company_name (None | str): Registered company name.
        display_name (str): Derived from company_name, else individual_name.
        email (None | str): Primary email address.
        mobile_phone (None | str): Mobile phone number.
        office_phone (None | str): Office phone number.
        address_line1 (None | str): Street address, first line.
        address_line2 (None | str): Street address, second line.
        city (None | str): City or town.
        state_county (None | str): State, county or region.
        postal_code (None | str): Postal or ZIP code.
        country (None | str): ISO 3166-1 alpha-2 country code.
        full_address (str): The whole address, formatted over several lines.
        address_string (str): The whole address on one line.
        vat_number (None | str): VAT registration number.
        tax_exempt (bool): Whether the customer is exempt from tax.
        status (str): ACTIVE or ARCHIVED.
        is_active (bool): Whether the customer is active.
        is_archived (bool): Whether the customer is archived.
        transaction_tags (list[Any]): Tags for categorising and filtering.
        notes (None | str): Internal notes.
        metadata (Any): Free-form JSON metadata.
        payment_terms_days (int | None): Payment terms in days.
        credit_limit (int | None): Credit limit in cents.
        credit_limit_cents (int | None): Credit limit in cents.
        outstanding_balance (int): Amount owed, in cents (computed).
        created_at (datetime.datetime): When the customer was created.
        updated_at (datetime.datetime): When the customer was last changed.
        archived_at (datetime.datetime | None): When the customer was archived; null while active.
        documents (list[DocumentFileUrl | None] | Unset): Linked documents with download URLs (on retrieve, not in
            lists).
    """

    type_: str
    id: UUID
    external_id: None | str
    reference_number: None | str
    individual_name: None | str
    company_name: None | str
    display_name: str
    email: None | str
    mobile_phone: None | str
    office_phone: None | str
    address_line1: None | str
    address_line2: None | str
    city: None | str
    state_county: None | str
    postal_code: None | str
    country: None | str
    full_address: str
    address_string: str
    vat_number: None | str
    tax_exempt: bool
    status: str
    is_active: bool
    is_archived: bool
    transaction_tags: list[Any]
    notes: None | str
    metadata: Any
    payment_terms_days: int | None
    credit_limit: int | None
    credit_limit_cents: int | None
    outstanding_balance: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    documents: list[DocumentFileUrl | None] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = str(self.id)

        external_id: None | str
        external_id = self.external_id

        reference_number: None | str
        reference_number = self.reference_number

        individual_name: None | str
        individual_name = self.individual_name

        company_name: None | str
        company_name = self.company_name

        display_name = self.display_name

        email: None | str
        email = self.email

        mobile_phone: None | str
        mobile_phone = self.mobile_phone

        office_phone: None | str
        office_phone = self.office_phone

        address_line1: None | str
        address_line1 = self.address_line1

        address_line2: None | str
        address_line2 = self.address_line2

        city: None | str
        city = self.city

        state_county: None | str
        state_county = self.state_county

        postal_code: None | str
        postal_code = self.postal_code

        country: None | str
        country = self.country

        full_address = self.full_address

        address_string = self.address_string

        vat_number: None | str
        vat_number = self.vat_number

        tax_exempt = self.tax_exempt

        status = self.status

        is_active = self.is_active

        is_archived = self.is_archived

        transaction_tags = self.transaction_tags

        notes: None | str
        notes = self.notes

        metadata = self.metadata

        payment_terms_days: int | None
        payment_terms_days = self.payment_terms_days

        credit_limit: int | None
        credit_limit = self.credit_limit

        credit_limit_cents: int | None
        credit_limit_cents = self.credit_limit_cents

        outstanding_balance = self.outstanding_balance

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        documents: list[dict[str, Any] | None] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item: dict[str, Any] | None
                if isinstance(documents_item_data, DocumentFileUrl):
                    documents_item = documents_item_data.to_dict()
                else:
                    documents_item = documents_item_data
                documents.append(documents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "external_id": external_id,
                "reference_number": reference_number,
                "individual_name": individual_name,
                "company_name": company_name,
                "display_name": display_name,
                "email": email,
                "mobile_phone": mobile_phone,
                "office_phone": office_phone,
                "address_line1": address_line1,
                "address_line2": address_line2,
                "city": city,
                "state_county": state_county,
                "postal_code": postal_code,
                "country": country,
                "full_address": full_address,
                "address_string": address_string,
                "vat_number": vat_number,
                "tax_exempt": tax_exempt,
                "status": status,
                "is_active": is_active,
                "is_archived": is_archived,
                "transaction_tags": transaction_tags,
                "notes": notes,
                "metadata": metadata,
                "payment_terms_days": payment_terms_days,
                "credit_limit": credit_limit,
                "credit_limit_cents": credit_limit_cents,
                "outstanding_balance": outstanding_balance,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
            }
        )
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = parse_uuid(d.pop("id"))

        external_id: None | str = d.pop("external_id")

        reference_number: None | str = d.pop("reference_number")

        individual_name: None | str = d.pop("individual_name")

        company_name: None | str = d.pop("company_name")

        display_name = d.pop("display_name")

        email: None | str = d.pop("email")

        mobile_phone: None | str = d.pop("mobile_phone")

        office_phone: None | str = d.pop("office_phone")

        address_line1: None | str = d.pop("address_line1")

        address_line2: None | str = d.pop("address_line2")

        city: None | str = d.pop("city")

        state_county: None | str = d.pop("state_county")

        postal_code: None | str = d.pop("postal_code")

        country: None | str = d.pop("country")

        full_address = d.pop("full_address")

        address_string = d.pop("address_string")

        vat_number: None | str = d.pop("vat_number")

        tax_exempt = d.pop("tax_exempt")

        status = d.pop("status")

        is_active = d.pop("is_active")

        is_archived = d.pop("is_archived")

        transaction_tags = cast(list[Any], d.pop("transaction_tags"))

        notes: None | str = d.pop("notes")

        metadata = d.pop("metadata")

        payment_terms_days: int | None = d.pop("payment_terms_days")

        credit_limit: int | None = d.pop("credit_limit")

        credit_limit_cents: int | None = d.pop("credit_limit_cents")

        outstanding_balance = d.pop("outstanding_balance")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        archived_at = _parse_archived_at(d.pop("archived_at"))

        _documents = d.pop("documents", UNSET)
        documents: list[DocumentFileUrl | None] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = _parse_documents_item(documents_item_data)

                documents.append(documents_item)

        customer = cls(
            type_=type_,
            id=id,
            external_id=external_id,
            reference_number=reference_number,
            individual_name=individual_name,
            company_name=company_name,
            display_name=display_name,
            email=email,
            mobile_phone=mobile_phone,
            office_phone=office_phone,
            address_line1=address_line1,
            address_line2=address_line2,
            city=city,
            state_county=state_county,
            postal_code=postal_code,
            country=country,
            full_address=full_address,
            address_string=address_string,
            vat_number=vat_number,
            tax_exempt=tax_exempt,
            status=status,
            is_active=is_active,
            is_archived=is_archived,
            transaction_tags=transaction_tags,
            notes=notes,
            metadata=metadata,
            payment_terms_days=payment_terms_days,
            credit_limit=credit_limit,
            credit_limit_cents=credit_limit_cents,
            outstanding_balance=outstanding_balance,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            documents=documents,
        )

        customer.additional_properties = d
        return customer

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


def _parse_archived_at(data: object) -> datetime.datetime | None:
    if data is None:
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        archived_at_type_0 = datetime.datetime.fromisoformat(data)

        return archived_at_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(datetime.datetime | None, data)


def _parse_documents_item(data: object) -> DocumentFileUrl | None:
    if data is None:
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(data)

        return componentsschemas_document_file_url_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(DocumentFileUrl | None, data)


from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
