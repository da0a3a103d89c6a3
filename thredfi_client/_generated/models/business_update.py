from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.business_update_accounting_method import BusinessUpdateAccountingMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="BusinessUpdate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "legal_name": {"min_length": 1, "max_length": 255},
    "vat_number": {"max_length": 20},
    "company_number": {"max_length": 20},
    "province": {"max_length": 100},
    "eu_nace_industry_code": {"max_length": 10},
}
_KNOWN = frozenset(
    (
        "legal_name",
        "entity_type",
        "phone_number",
        "tin",
        "vat_number",
        "company_number",
        "province",
        "eu_nace_industry_code",
        "email",
        "accounting_method",
        "fiscal_year_end",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class BusinessUpdate:
    """Serializer for updating existing businesses

    Attributes:
        legal_name (str | Unset): Legal registered name of the business
        entity_type (str | Unset): Business entity type (e.g., 'limited', 'gmbh', 'bv')
        phone_number (str | Unset): Business phone number
        tin (str | Unset): Tax identification number (other than VAT)
        vat_number (str | Unset): EU VAT registration number
        company_number (str | Unset): Company registration number (e.g., Companies House number for UK)
        province (str | Unset): Province or state within the country
        eu_nace_industry_code (str | Unset): European NACE industry classification code
        email (str | Unset): Primary email address for the business
        accounting_method (BusinessUpdateAccountingMethod | Unset): Accounting method: 'cash' or 'accrual'
        fiscal_year_end (datetime.date | Unset): Last day of the business's fiscal year
        metadata (Any | Unset): Partner-specific JSON metadata
    """

    legal_name: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    tin: str | Unset = UNSET
    vat_number: str | Unset = UNSET
    company_number: str | Unset = UNSET
    province: str | Unset = UNSET
    eu_nace_industry_code: str | Unset = UNSET
    email: str | Unset = UNSET
    accounting_method: BusinessUpdateAccountingMethod | Unset = UNSET
    fiscal_year_end: datetime.date | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        legal_name = self.legal_name

        entity_type = self.entity_type

        phone_number = self.phone_number

        tin = self.tin

        vat_number = self.vat_number

        company_number = self.company_number

        province = self.province

        eu_nace_industry_code = self.eu_nace_industry_code

        email = self.email

        accounting_method: str | Unset = UNSET
        if not isinstance(self.accounting_method, Unset):
            accounting_method = self.accounting_method.value

        fiscal_year_end: str | Unset = UNSET
        if not isinstance(self.fiscal_year_end, Unset):
            fiscal_year_end = self.fiscal_year_end.isoformat()

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if entity_type is not UNSET:
            field_dict["entity_type"] = entity_type
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if tin is not UNSET:
            field_dict["tin"] = tin
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if company_number is not UNSET:
            field_dict["company_number"] = company_number
        if province is not UNSET:
            field_dict["province"] = province
        if eu_nace_industry_code is not UNSET:
            field_dict["eu_nace_industry_code"] = eu_nace_industry_code
        if email is not UNSET:
            field_dict["email"] = email
        if accounting_method is not UNSET:
            field_dict["accounting_method"] = accounting_method
        if fiscal_year_end is not UNSET:
            field_dict["fiscal_year_end"] = fiscal_year_end
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        business_update = _new(cls)
        try:  # every documented field present, as in the API's responses
            business_update.legal_name = src_dict["legal_name"]
            business_update.entity_type = src_dict["entity_type"]
            business_update.phone_number = src_dict["phone_number"]
            business_update.tin = src_dict["tin"]
            business_update.vat_number = src_dict["vat_number"]
            business_update.company_number = src_dict["company_number"]
            business_update.province = src_dict["province"]
            business_update.eu_nace_industry_code = src_dict["eu_nace_industry_code"]
            business_update.email = src_dict["email"]
            _accounting_method = src_dict["accounting_method"]
            _fiscal_year_end = src_dict["fiscal_year_end"]
            business_update.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            business_update.legal_name = src_dict.get("legal_name", UNSET)
            business_update.entity_type = src_dict.get("entity_type", UNSET)
            business_update.phone_number = src_dict.get("phone_number", UNSET)
            business_update.tin = src_dict.get("tin", UNSET)
            business_update.vat_number = src_dict.get("vat_number", UNSET)
            business_update.company_number = src_dict.get("company_number", UNSET)
            business_update.province = src_dict.get("province", UNSET)
            business_update.eu_nace_industry_code = src_dict.get("eu_nace_industry_code", UNSET)
            business_update.email = src_dict.get("email", UNSET)
            _accounting_method = src_dict.get("accounting_method", UNSET)
            _fiscal_year_end = src_dict.get("fiscal_year_end", UNSET)
            business_update.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 12
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        business_update.accounting_method = (
            UNSET
            if _accounting_method is UNSET
            else BusinessUpdateAccountingMethod(_accounting_method)
        )

        business_update.fiscal_year_end = (
            UNSET if _fiscal_year_end is UNSET else datetime.date.fromisoformat(_fiscal_year_end)
        )

        business_update.additional_properties = additional_properties
        return business_update

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
