from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.customer_create_status import CustomerCreateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "payment_terms_days": {"int_format": "int64"},
    "credit_limit_cents": {"int_format": "int64", "minimum": 0},
}
_KNOWN = frozenset(
    (
        "external_id",
        "reference_number",
        "individual_name",
        "company_name",
        "email",
        "mobile_phone",
        "office_phone",
        "address_line1",
        "address_line2",
        "city",
        "state_county",
        "postal_code",
        "country",
        "vat_number",
        "tax_exempt",
        "status",
        "transaction_tags",
        "notes",
        "metadata",
        "payment_terms_days",
        "credit_limit_cents",
        "document",
    )
)
_new = object.__new__


@_attrs_define
class CustomerCreate:
    """Fields of a new customer. Give `individual_name` or `company_name` (or both).

    Attributes:
        external_id (str | Unset): Your identifier for the customer; repeats are idempotent.
        reference_number (str | Unset): Reference shown on invoices and statements.
        individual_name (str | Unset): Contact person; required when `company_name` is absent.
        company_name (str | Unset): Registered company name; required when `individual_name` is absent.
        email (str | Unset): Primary email address.
        mobile_phone (str | Unset): Mobile phone number.
        office_phone (str | Unset): Office phone number.
        address_line1 (str | Unset): Street address, first line.
        address_line2 (str | Unset): Street address, second line.
        city (str | Unset): City or town.
        state_county (str | Unset): State, county or region.
        postal_code (str | Unset): Postal or ZIP code.
        country (str | Unset): ISO 3166-1 alpha-2 country code.
        vat_number (str | Unset): VAT registration number (UK form is GB and 9 digits).
        tax_exempt (bool | Unset): Whether the customer is exempt from tax. Default: False.
        status (CustomerCreateStatus | Unset): Initial status.
        transaction_tags (list[Any] | Unset): Tags for categorising and filtering.
        notes (str | Unset): Internal notes.
        metadata (Any | Unset): Free-form JSON metadata.
        payment_terms_days (int | Unset): Payment terms in days (30 for Net 30).
        credit_limit_cents (int | Unset): Credit limit in cents.
        document (CustomerDocumentUpload | Unset): A document to attach to a new customer.
    """

    external_id: str | Unset = UNSET
    reference_number: str | Unset = UNSET
    individual_name: str | Unset = UNSET
    company_name: str | Unset = UNSET
    email: str | Unset = UNSET
    mobile_phone: str | Unset = UNSET
    office_phone: str | Unset = UNSET
    address_line1: str | Unset = UNSET
    address_line2: str | Unset = UNSET
    city: str | Unset = UNSET
    state_county: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    country: str | Unset = UNSET
    vat_number: str | Unset = UNSET
    tax_exempt: bool | Unset = False
    status: CustomerCreateStatus | Unset = UNSET
    transaction_tags: list[Any] | Unset = UNSET
    notes: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    payment_terms_days: int | Unset = UNSET
    credit_limit_cents: int | Unset = UNSET
    document: CustomerDocumentUpload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        reference_number = self.reference_number

        individual_name = self.individual_name

        company_name = self.company_name

        email = self.email

        mobile_phone = self.mobile_phone

        office_phone = self.office_phone

        address_line1 = self.address_line1

        address_line2 = self.address_line2

        city = self.city

        state_county = self.state_county

        postal_code = self.postal_code

        country = self.country

        vat_number = self.vat_number

        tax_exempt = self.tax_exempt

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        transaction_tags: list[Any] | Unset = UNSET
        if not isinstance(self.transaction_tags, Unset):
            transaction_tags = self.transaction_tags

        notes = self.notes

        metadata = self.metadata

        payment_terms_days = self.payment_terms_days

        credit_limit_cents = self.credit_limit_cents

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number
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
        if address_line1 is not UNSET:
            field_dict["address_line1"] = address_line1
        if address_line2 is not UNSET:
            field_dict["address_line2"] = address_line2
        if city is not UNSET:
            field_dict["city"] = city
        if state_county is not UNSET:
            field_dict["state_county"] = state_county
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if country is not UNSET:
            field_dict["country"] = country
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if tax_exempt is not UNSET:
            field_dict["tax_exempt"] = tax_exempt
        if status is not UNSET:
            field_dict["status"] = status
        if transaction_tags is not UNSET:
            field_dict["transaction_tags"] = transaction_tags
        if notes is not UNSET:
            field_dict["notes"] = notes
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if payment_terms_days is not UNSET:
            field_dict["payment_terms_days"] = payment_terms_days
        if credit_limit_cents is not UNSET:
            field_dict["credit_limit_cents"] = credit_limit_cents
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        customer_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            customer_create.external_id = src_dict["external_id"]
            customer_create.reference_number = src_dict["reference_number"]
            customer_create.individual_name = src_dict["individual_name"]
            customer_create.company_name = src_dict["company_name"]
            customer_create.email = src_dict["email"]
            customer_create.mobile_phone = src_dict["mobile_phone"]
            customer_create.office_phone = src_dict["office_phone"]
            customer_create.address_line1 = src_dict["address_line1"]
            customer_create.address_line2 = src_dict["address_line2"]
            customer_create.city = src_dict["city"]
            customer_create.state_county = src_dict["state_county"]
            customer_create.postal_code = src_dict["postal_code"]
            customer_create.country = src_dict["country"]
            customer_create.vat_number = src_dict["vat_number"]
            customer_create.tax_exempt = src_dict["tax_exempt"]
            _status = src_dict["status"]
            _transaction_tags = src_dict["transaction_tags"]
            customer_create.notes = src_dict["notes"]
            customer_create.metadata = src_dict["metadata"]
            customer_create.payment_terms_days = src_dict["payment_terms_days"]
            customer_create.credit_limit_cents = src_dict["credit_limit_cents"]
            _document = src_dict["document"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            customer_create.external_id = src_dict.get("external_id", UNSET)
            customer_create.reference_number = src_dict.get("reference_number", UNSET)
            customer_create.individual_name = src_dict.get("individual_name", UNSET)
            customer_create.company_name = src_dict.get("company_name", UNSET)
            customer_create.email = src_dict.get("email", UNSET)
            customer_create.mobile_phone = src_dict.get("mobile_phone", UNSET)
            customer_create.office_phone = src_dict.get("office_phone", UNSET)
            customer_create.address_line1 = src_dict.get("address_line1", UNSET)
            customer_create.address_line2 = src_dict.get("address_line2", UNSET)
            customer_create.city = src_dict.get("city", UNSET)
            customer_create.state_county = src_dict.get("state_county", UNSET)
            customer_create.postal_code = src_dict.get("postal_code", UNSET)
            customer_create.country = src_dict.get("country", UNSET)
            customer_create.vat_number = src_dict.get("vat_number", UNSET)
            customer_create.tax_exempt = src_dict.get("tax_exempt", UNSET)
            _status = src_dict.get("status", UNSET)
            _transaction_tags = src_dict.get("transaction_tags", UNSET)
            customer_create.notes = src_dict.get("notes", UNSET)
            customer_create.metadata = src_dict.get("metadata", UNSET)
            customer_create.payment_terms_days = src_dict.get("payment_terms_days", UNSET)
            customer_create.credit_limit_cents = src_dict.get("credit_limit_cents", UNSET)
            _document = src_dict.get("document", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 22
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        customer_create.status = UNSET if _status is UNSET else CustomerCreateStatus(_status)

        transaction_tags = cast(list[Any], _transaction_tags)

        customer_create.transaction_tags = transaction_tags

        customer_create.document = (
            UNSET if _document is UNSET else CustomerDocumentUpload.from_dict(_document)
        )

        customer_create.additional_properties = additional_properties

        return customer_create

    @classmethod
    def from_dicts(cls: type[T], src_dicts: Iterable[Mapping[str, Any]]) -> list[T]:
        """``[cls.from_dict(d) for d in src_dicts]``, without a call per item (lists of models
        are parsed with it): from_dict's body in one loop."""
        parsed_: list[T] = []
        append_ = parsed_.append
        for src_dict in src_dicts:
            customer_create = _new(cls)
            try:  # every documented field present, as in the API's responses
                customer_create.external_id = src_dict["external_id"]
                customer_create.reference_number = src_dict["reference_number"]
                customer_create.individual_name = src_dict["individual_name"]
                customer_create.company_name = src_dict["company_name"]
                customer_create.email = src_dict["email"]
                customer_create.mobile_phone = src_dict["mobile_phone"]
                customer_create.office_phone = src_dict["office_phone"]
                customer_create.address_line1 = src_dict["address_line1"]
                customer_create.address_line2 = src_dict["address_line2"]
                customer_create.city = src_dict["city"]
                customer_create.state_county = src_dict["state_county"]
                customer_create.postal_code = src_dict["postal_code"]
                customer_create.country = src_dict["country"]
                customer_create.vat_number = src_dict["vat_number"]
                customer_create.tax_exempt = src_dict["tax_exempt"]
                _status = src_dict["status"]
                _transaction_tags = src_dict["transaction_tags"]
                customer_create.notes = src_dict["notes"]
                customer_create.metadata = src_dict["metadata"]
                customer_create.payment_terms_days = src_dict["payment_terms_days"]
                customer_create.credit_limit_cents = src_dict["credit_limit_cents"]
                _document = src_dict["document"]
            except KeyError:  # one is absent: a required one raises KeyError again here
                customer_create.external_id = src_dict.get("external_id", UNSET)
                customer_create.reference_number = src_dict.get("reference_number", UNSET)
                customer_create.individual_name = src_dict.get("individual_name", UNSET)
                customer_create.company_name = src_dict.get("company_name", UNSET)
                customer_create.email = src_dict.get("email", UNSET)
                customer_create.mobile_phone = src_dict.get("mobile_phone", UNSET)
                customer_create.office_phone = src_dict.get("office_phone", UNSET)
                customer_create.address_line1 = src_dict.get("address_line1", UNSET)
                customer_create.address_line2 = src_dict.get("address_line2", UNSET)
                customer_create.city = src_dict.get("city", UNSET)
                customer_create.state_county = src_dict.get("state_county", UNSET)
                customer_create.postal_code = src_dict.get("postal_code", UNSET)
                customer_create.country = src_dict.get("country", UNSET)
                customer_create.vat_number = src_dict.get("vat_number", UNSET)
                customer_create.tax_exempt = src_dict.get("tax_exempt", UNSET)
                _status = src_dict.get("status", UNSET)
                _transaction_tags = src_dict.get("transaction_tags", UNSET)
                customer_create.notes = src_dict.get("notes", UNSET)
                customer_create.metadata = src_dict.get("metadata", UNSET)
                customer_create.payment_terms_days = src_dict.get("payment_terms_days", UNSET)
                customer_create.credit_limit_cents = src_dict.get("credit_limit_cents", UNSET)
                _document = src_dict.get("document", UNSET)
                additional_properties = {
                    key: value for key, value in src_dict.items() if key not in _KNOWN
                }
            else:
                additional_properties = (
                    {}
                    if len(src_dict) == 22
                    else {key: value for key, value in src_dict.items() if key not in _KNOWN}
                )

            customer_create.status = UNSET if _status is UNSET else CustomerCreateStatus(_status)

            transaction_tags = cast(list[Any], _transaction_tags)

            customer_create.transaction_tags = transaction_tags

            customer_create.document = (
                UNSET if _document is UNSET else CustomerDocumentUpload.from_dict(_document)
            )

            customer_create.additional_properties = additional_properties

            append_(customer_create)
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


from ..models.customer_document_upload import CustomerDocumentUpload  # noqa: E402 -- after the class, so import cycles work
