from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset

T = TypeVar("T", bound="VendorCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {}
_KNOWN = frozenset(
    (
        "external_id",
        "individual_name",
        "company_name",
        "email",
        "mobile_phone",
        "office_phone",
        "address_string",
        "memo",
        "transaction_tags",
        "country",
        "vat_number",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class VendorCreate:
    """Input serializer for creating a vendor

    Attributes:
        external_id (str | Unset): Your unique identifier for this vendor (used for idempotency)
        individual_name (str | Unset): Vendor individual name (required if company_name is not given)
        company_name (str | Unset): Vendor company name (required if individual_name is not given)
        email (str | Unset): Vendor email address
        mobile_phone (str | Unset): Mobile phone number (E.164 format)
        office_phone (str | Unset): Office phone number (E.164 format)
        address_string (str | Unset): Full formatted address
        memo (str | Unset): Internal notes or description for this vendor
        transaction_tags (list[Any] | Unset): List of tags for categorization
        country (str | Unset): Country code (ISO 3166-1 alpha-2)
        vat_number (str | Unset): VAT registration number
        document (VendorDocumentUpload | Unset): A document to attach to a vendor.
    """

    external_id: str | Unset = UNSET
    individual_name: str | Unset = UNSET
    company_name: str | Unset = UNSET
    email: str | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    office_phone: str | Unset = UNSET
    address_string: str | Unset = UNSET
    memo: str | Unset = UNSET
    transaction_tags: list[Any] | Unset = UNSET
    country: str | Unset = UNSET
    vat_number: str | Unset = UNSET
    document: VendorDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        individual_name = self.individual_name

        company_name = self.company_name

        email = self.email

        mobile_phone = self.mobile_phone

        office_phone = self.office_phone

        address_string = self.address_string

        memo = self.memo

        transaction_tags: list[Any] | Unset = UNSET
        if not isinstance(self.transaction_tags, Unset):
            transaction_tags = self.transaction_tags

        country = self.country

        vat_number = self.vat_number

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if individual_name is not UNSET:
            field_dict["individual_name"] = individual_name
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if email is not UNSET:
            field_dict["email"] = email
        if mobile_phone is not UNSET:
            field_dict["mobile_phone"] = mobile_phone
        if office_phone is not UNSET:
            field_dict["office_phone"] = office_phone
        if address_string is not UNSET:
            field_dict["address_string"] = address_string
        if memo is not UNSET:
            field_dict["memo"] = memo
        if transaction_tags is not UNSET:
            field_dict["transaction_tags"] = transaction_tags
        if country is not UNSET:
            field_dict["country"] = country
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        vendor_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            vendor_create.external_id = src_dict["external_id"]
            vendor_create.individual_name = src_dict["individual_name"]
            vendor_create.company_name = src_dict["company_name"]
            vendor_create.email = src_dict["email"]
            vendor_create.mobile_phone = src_dict["mobile_phone"]
            vendor_create.office_phone = src_dict["office_phone"]
            vendor_create.address_string = src_dict["address_string"]
            vendor_create.memo = src_dict["memo"]
            _transaction_tags = src_dict["transaction_tags"]
            vendor_create.country = src_dict["country"]
            vendor_create.vat_number = src_dict["vat_number"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            vendor_create.external_id = src_dict.get("external_id", UNSET)
            vendor_create.individual_name = src_dict.get("individual_name", UNSET)
            vendor_create.company_name = src_dict.get("company_name", UNSET)
            vendor_create.email = src_dict.get("email", UNSET)
            vendor_create.mobile_phone = src_dict.get("mobile_phone", UNSET)
            vendor_create.office_phone = src_dict.get("office_phone", UNSET)
            vendor_create.address_string = src_dict.get("address_string", UNSET)
            vendor_create.memo = src_dict.get("memo", UNSET)
            _transaction_tags = src_dict.get("transaction_tags", UNSET)
            vendor_create.country = src_dict.get("country", UNSET)
            vendor_create.vat_number = src_dict.get("vat_number", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 12
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        transaction_tags = cast(list[Any], _transaction_tags)

        vendor_create.transaction_tags = transaction_tags

        vendor_create.document = (
            UNSET if _document is UNSET else VendorDocumentUpload.from_dict(_document)
        )

        vendor_create.additional_properties = additional_properties
        return vendor_create

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


from ..models.vendor_document_upload import VendorDocumentUpload  # noqa: E402 -- after the class, so import cycles work
