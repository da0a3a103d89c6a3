from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Vendor")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "type",
        "id",
        "mobile_phone",
        "office_phone",
        "address_string",
        "memo",
        "status",
        "transaction_tags",
        "documents",
        "external_id",
        "individual_name",
        "company_name",
        "email",
    )
)
_new = object.__new__


@_attrs_define
class Vendor:
    """Serializer for vendor objects returned by the vendors list endpoint

    Attributes:
        type_ (str): Resource type (always 'VendorData')
        id (UUID): Unique vendor identifier
        mobile_phone (None | str): Mobile phone number (E.164 format, e.g., +44 7700 900123)
        office_phone (None | str): Office phone number (E.164 format, e.g., +44 20 7946 0958)
        address_string (None | str): Full formatted address (read-only, auto-generated)
        memo (None | str): Internal notes or description for this vendor
        status (str): Vendor status (ACTIVE, INACTIVE, ARCHIVED, BLOCKED)
        transaction_tags (list[Any]): List of tags for categorization
        documents (list[DocumentFileUrl | None] | Unset): The vendor's documents
        external_id (None | str | Unset): Your unique identifier for this vendor
        individual_name (None | str | Unset): Vendor individual name
        company_name (None | str | Unset): Vendor company name
        email (None | str | Unset): Vendor email address
    """

    type_: str
    id: UUID
    mobile_phone: None | str
    office_phone: None | str
    address_string: None | str
    memo: None | str
    status: str
    transaction_tags: list[Any]
    documents: list[DocumentFileUrl | None] | Unset = UNSET
    external_id: None | str | Unset = UNSET
    individual_name: None | str | Unset = UNSET
    company_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = str(self.id)

        mobile_phone: None | str
        mobile_phone = self.mobile_phone

        office_phone: None | str
        office_phone = self.office_phone

        address_string: None | str
        address_string = self.address_string

        memo: None | str
        memo = self.memo

        status = self.status

        transaction_tags = self.transaction_tags

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

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        individual_name: None | str | Unset
        if isinstance(self.individual_name, Unset):
            individual_name = UNSET
        else:
            individual_name = self.individual_name

        company_name: None | str | Unset
        if isinstance(self.company_name, Unset):
            company_name = UNSET
        else:
            company_name = self.company_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "mobile_phone": mobile_phone,
                "office_phone": office_phone,
                "address_string": address_string,
                "memo": memo,
                "status": status,
                "transaction_tags": transaction_tags,
            }
        )
        if documents is not UNSET:
            field_dict["documents"] = documents
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if individual_name is not UNSET:
            field_dict["individual_name"] = individual_name
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor.type_ = src_dict["type"]
            _id = src_dict["id"]
            vendor.mobile_phone = src_dict["mobile_phone"]
            vendor.office_phone = src_dict["office_phone"]
            vendor.address_string = src_dict["address_string"]
            vendor.memo = src_dict["memo"]
            vendor.status = src_dict["status"]
            _transaction_tags = src_dict["transaction_tags"]
            _documents = src_dict["documents"]
            vendor.external_id = src_dict["external_id"]
            vendor.individual_name = src_dict["individual_name"]
            vendor.company_name = src_dict["company_name"]
            vendor.email = src_dict["email"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor.type_ = src_dict["type"]
            _id = src_dict["id"]
            vendor.mobile_phone = src_dict["mobile_phone"]
            vendor.office_phone = src_dict["office_phone"]
            vendor.address_string = src_dict["address_string"]
            vendor.memo = src_dict["memo"]
            vendor.status = src_dict["status"]
            _transaction_tags = src_dict["transaction_tags"]
            _documents = src_dict.get("documents", UNSET)
            vendor.external_id = src_dict.get("external_id", UNSET)
            vendor.individual_name = src_dict.get("individual_name", UNSET)
            vendor.company_name = src_dict.get("company_name", UNSET)
            vendor.email = src_dict.get("email", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 13
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        vendor.id = parse_uuid(_id)

        transaction_tags = cast(list[Any], _transaction_tags)

        vendor.transaction_tags = transaction_tags

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

        vendor.documents = documents

        vendor.additional_properties = additional_properties
        return vendor

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
