from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints, known_uuid, remember_uuids
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Customer")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "payment_terms_days": {"int_format": "int64"},
    "credit_limit": {"int_format": "int64"},
    "credit_limit_cents": {"int_format": "int64"},
    "outstanding_balance": {"int_format": "int64"},
}
_KNOWN = frozenset(
    (
        "type",
        "id",
        "external_id",
        "reference_number",
        "individual_name",
        "company_name",
        "display_name",
        "email",
        "mobile_phone",
        "office_phone",
        "address_line1",
        "address_line2",
        "city",
        "state_county",
        "postal_code",
        "country",
        "full_address",
        "address_string",
        "vat_number",
        "tax_exempt",
        "status",
        "is_active",
        "is_archived",
        "transaction_tags",
        "notes",
        "metadata",
        "payment_terms_days",
        "credit_limit",
        "credit_limit_cents",
        "outstanding_balance",
        "created_at",
        "updated_at",
        "archived_at",
        "documents",
    )
)
_new = object.__new__


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
        customer = _new(cls)
        try:  # every documented field present, as in the API's responses
            customer.type_ = src_dict["type"]
            _id = src_dict["id"]
            customer.external_id = src_dict["external_id"]
            customer.reference_number = src_dict["reference_number"]
            customer.individual_name = src_dict["individual_name"]
            customer.company_name = src_dict["company_name"]
            customer.display_name = src_dict["display_name"]
            customer.email = src_dict["email"]
            customer.mobile_phone = src_dict["mobile_phone"]
            customer.office_phone = src_dict["office_phone"]
            customer.address_line1 = src_dict["address_line1"]
            customer.address_line2 = src_dict["address_line2"]
            customer.city = src_dict["city"]
            customer.state_county = src_dict["state_county"]
            customer.postal_code = src_dict["postal_code"]
            customer.country = src_dict["country"]
            customer.full_address = src_dict["full_address"]
            customer.address_string = src_dict["address_string"]
            customer.vat_number = src_dict["vat_number"]
            customer.tax_exempt = src_dict["tax_exempt"]
            customer.status = src_dict["status"]
            customer.is_active = src_dict["is_active"]
            customer.is_archived = src_dict["is_archived"]
            _transaction_tags = src_dict["transaction_tags"]
            customer.notes = src_dict["notes"]
            customer.metadata = src_dict["metadata"]
            customer.payment_terms_days = src_dict["payment_terms_days"]
            customer.credit_limit = src_dict["credit_limit"]
            customer.credit_limit_cents = src_dict["credit_limit_cents"]
            customer.outstanding_balance = src_dict["outstanding_balance"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            _archived_at = src_dict["archived_at"]
            _documents = src_dict["documents"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            customer.type_ = src_dict["type"]
            _id = src_dict["id"]
            customer.external_id = src_dict["external_id"]
            customer.reference_number = src_dict["reference_number"]
            customer.individual_name = src_dict["individual_name"]
            customer.company_name = src_dict["company_name"]
            customer.display_name = src_dict["display_name"]
            customer.email = src_dict["email"]
            customer.mobile_phone = src_dict["mobile_phone"]
            customer.office_phone = src_dict["office_phone"]
            customer.address_line1 = src_dict["address_line1"]
            customer.address_line2 = src_dict["address_line2"]
            customer.city = src_dict["city"]
            customer.state_county = src_dict["state_county"]
            customer.postal_code = src_dict["postal_code"]
            customer.country = src_dict["country"]
            customer.full_address = src_dict["full_address"]
            customer.address_string = src_dict["address_string"]
            customer.vat_number = src_dict["vat_number"]
            customer.tax_exempt = src_dict["tax_exempt"]
            customer.status = src_dict["status"]
            customer.is_active = src_dict["is_active"]
            customer.is_archived = src_dict["is_archived"]
            _transaction_tags = src_dict["transaction_tags"]
            customer.notes = src_dict["notes"]
            customer.metadata = src_dict["metadata"]
            customer.payment_terms_days = src_dict["payment_terms_days"]
            customer.credit_limit = src_dict["credit_limit"]
            customer.credit_limit_cents = src_dict["credit_limit_cents"]
            customer.outstanding_balance = src_dict["outstanding_balance"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            _archived_at = src_dict["archived_at"]
            _documents = src_dict.get("documents", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 34
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        customer.id = known_uuid(_id) or parse_uuid(_id)

        transaction_tags = cast(list[Any], _transaction_tags)

        customer.transaction_tags = transaction_tags

        customer.created_at = datetime.datetime.fromisoformat(_created_at)

        customer.updated_at = datetime.datetime.fromisoformat(_updated_at)

        archived_at: datetime.datetime | None = _archived_at
        if isinstance(_archived_at, str):
            try:
                archived_at_type_0 = datetime.datetime.fromisoformat(_archived_at)

                archived_at = archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        customer.archived_at = archived_at

        documents: list[DocumentFileUrl | None] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item: DocumentFileUrl | None = documents_item_data
                if isinstance(documents_item_data, dict):
                    try:
                        componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(
                            documents_item_data
                        )

                        documents_item = componentsschemas_document_file_url_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass

                documents.append(documents_item)

        customer.documents = documents

        customer.additional_properties = additional_properties

        return customer

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        remember_uuids(src_dicts, "id")  # each item's own id: parsed in one go
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            customer = _new(cls)
            try:  # every documented field present, as in the API's responses
                customer.type_ = src_dict["type"]
                _id = src_dict["id"]
                customer.external_id = src_dict["external_id"]
                customer.reference_number = src_dict["reference_number"]
                customer.individual_name = src_dict["individual_name"]
                customer.company_name = src_dict["company_name"]
                customer.display_name = src_dict["display_name"]
                customer.email = src_dict["email"]
                customer.mobile_phone = src_dict["mobile_phone"]
                customer.office_phone = src_dict["office_phone"]
                customer.address_line1 = src_dict["address_line1"]
                customer.address_line2 = src_dict["address_line2"]
                customer.city = src_dict["city"]
                customer.state_county = src_dict["state_county"]
                customer.postal_code = src_dict["postal_code"]
                customer.country = src_dict["country"]
                customer.full_address = src_dict["full_address"]
                customer.address_string = src_dict["address_string"]
                customer.vat_number = src_dict["vat_number"]
                customer.tax_exempt = src_dict["tax_exempt"]
                customer.status = src_dict["status"]
                customer.is_active = src_dict["is_active"]
                customer.is_archived = src_dict["is_archived"]
                _transaction_tags = src_dict["transaction_tags"]
                customer.notes = src_dict["notes"]
                customer.metadata = src_dict["metadata"]
                customer.payment_terms_days = src_dict["payment_terms_days"]
                customer.credit_limit = src_dict["credit_limit"]
                customer.credit_limit_cents = src_dict["credit_limit_cents"]
                customer.outstanding_balance = src_dict["outstanding_balance"]
                _created_at = src_dict["created_at"]
                _updated_at = src_dict["updated_at"]
                _archived_at = src_dict["archived_at"]
                _documents = src_dict["documents"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                customer.type_ = src_dict["type"]
                _id = src_dict["id"]
                customer.external_id = src_dict["external_id"]
                customer.reference_number = src_dict["reference_number"]
                customer.individual_name = src_dict["individual_name"]
                customer.company_name = src_dict["company_name"]
                customer.display_name = src_dict["display_name"]
                customer.email = src_dict["email"]
                customer.mobile_phone = src_dict["mobile_phone"]
                customer.office_phone = src_dict["office_phone"]
                customer.address_line1 = src_dict["address_line1"]
                customer.address_line2 = src_dict["address_line2"]
                customer.city = src_dict["city"]
                customer.state_county = src_dict["state_county"]
                customer.postal_code = src_dict["postal_code"]
                customer.country = src_dict["country"]
                customer.full_address = src_dict["full_address"]
                customer.address_string = src_dict["address_string"]
                customer.vat_number = src_dict["vat_number"]
                customer.tax_exempt = src_dict["tax_exempt"]
                customer.status = src_dict["status"]
                customer.is_active = src_dict["is_active"]
                customer.is_archived = src_dict["is_archived"]
                _transaction_tags = src_dict["transaction_tags"]
                customer.notes = src_dict["notes"]
                customer.metadata = src_dict["metadata"]
                customer.payment_terms_days = src_dict["payment_terms_days"]
                customer.credit_limit = src_dict["credit_limit"]
                customer.credit_limit_cents = src_dict["credit_limit_cents"]
                customer.outstanding_balance = src_dict["outstanding_balance"]
                _created_at = src_dict["created_at"]
                _updated_at = src_dict["updated_at"]
                _archived_at = src_dict["archived_at"]
                _documents = src_dict.get("documents", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 34
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            customer.id = known_uuid(_id) or parse_uuid(_id)

            transaction_tags = cast(list[Any], _transaction_tags)

            customer.transaction_tags = transaction_tags

            customer.created_at = datetime.datetime.fromisoformat(_created_at)

            customer.updated_at = datetime.datetime.fromisoformat(_updated_at)

            archived_at: datetime.datetime | None = _archived_at
            if isinstance(_archived_at, str):
                try:
                    archived_at_type_0 = datetime.datetime.fromisoformat(_archived_at)

                    archived_at = archived_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass

            customer.archived_at = archived_at

            documents: list[DocumentFileUrl | None] | Unset = UNSET
            if _documents is not UNSET:
                documents = []
                for documents_item_data in _documents:
                    documents_item: DocumentFileUrl | None = documents_item_data
                    if isinstance(documents_item_data, dict):
                        try:
                            componentsschemas_document_file_url_type_0 = DocumentFileUrl.from_dict(
                                documents_item_data
                            )

                            documents_item = componentsschemas_document_file_url_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass

                    documents.append(documents_item)

            customer.documents = documents

            customer.additional_properties = additional_properties

            append_(customer)
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


from ..models.document_file_url import DocumentFileUrl  # noqa: E402 -- after the class, so import cycles work
