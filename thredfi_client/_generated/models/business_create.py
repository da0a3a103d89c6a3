from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.business_create_accounting_method import BusinessCreateAccountingMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="BusinessCreate")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "external_id": {"min_length": 1, "max_length": 255},
    "legal_name": {"min_length": 1, "max_length": 255},
    "entity_type": {"min_length": 1},
    "email": {"min_length": 1},
    "vat_number": {"max_length": 20},
    "company_number": {"max_length": 20},
    "country": {"min_length": 1, "max_length": 2},
    "province": {"max_length": 100},
    "eu_nace_industry_code": {"max_length": 10},
    "base_currency": {"min_length": 1, "max_length": 3},
}
_KNOWN = frozenset(
    (
        "external_id",
        "legal_name",
        "entity_type",
        "email",
        "phone_number",
        "tin",
        "vat_number",
        "company_number",
        "country",
        "province",
        "eu_nace_industry_code",
        "base_currency",
        "accounting_method",
        "fiscal_year_end",
        "coa_language",
        "metadata",
    )
)
_new = object.__new__


@_attrs_define
class BusinessCreate:
    """Serializer for creating new businesses

    Attributes:
        external_id (str): Your unique identifier for this business (used for idempotency)
        legal_name (str): Legal registered name of the business
        entity_type (str): Business entity type (e.g., 'limited', 'gmbh', 'bv'). Validated for GB, DE, NL, ES, BE. Any
            string accepted for other countries.
        email (str): Primary email address for the business
        phone_number (str | Unset): Business phone number
        tin (str | Unset): Tax identification number (other than VAT)
        vat_number (str | Unset): EU VAT registration number
        company_number (str | Unset): Company registration number (e.g., Companies House number for UK)
        country (str | Unset): ISO 3166-1 alpha-2 country code (e.g., GB, DE, NL, ES, MY, SG)
        province (str | Unset): Province or state within the country
        eu_nace_industry_code (str | Unset): European NACE industry classification code
        base_currency (str | Unset): Base currency for accounting (ISO 4217 code: EUR, GBP, USD, SEK, NOK, DKK, ISK,
            MYR, SGD)
        accounting_method (BusinessCreateAccountingMethod | Unset): Accounting method: 'cash' or 'accrual' (default:
            accrual) Default: BusinessCreateAccountingMethod.ACCRUAL.
        fiscal_year_end (datetime.date | Unset): Last day of the business's fiscal year
        coa_language (str | Unset): Chart of accounts language such as en or nl
        metadata (Any | Unset): Partner-specific JSON metadata
    """

    external_id: str
    legal_name: str
    entity_type: str
    email: str
    phone_number: str | Unset = UNSET
    tin: str | Unset = UNSET
    vat_number: str | Unset = UNSET
    company_number: str | Unset = UNSET
    country: str | Unset = UNSET
    province: str | Unset = UNSET
    eu_nace_industry_code: str | Unset = UNSET
    base_currency: str | Unset = UNSET
    accounting_method: BusinessCreateAccountingMethod | Unset = (
        BusinessCreateAccountingMethod.ACCRUAL
    )
    fiscal_year_end: datetime.date | Unset = UNSET
    coa_language: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        legal_name = self.legal_name

        entity_type = self.entity_type

        email = self.email

        phone_number = self.phone_number

        tin = self.tin

        vat_number = self.vat_number

        company_number = self.company_number

        country = self.country

        province = self.province

        eu_nace_industry_code = self.eu_nace_industry_code

        base_currency = self.base_currency

        accounting_method: str | Unset = UNSET
        if not isinstance(self.accounting_method, Unset):
            accounting_method = self.accounting_method.value

        fiscal_year_end: str | Unset = UNSET
        if not isinstance(self.fiscal_year_end, Unset):
            fiscal_year_end = self.fiscal_year_end.isoformat()

        coa_language = self.coa_language

        metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_id": external_id,
                "legal_name": legal_name,
                "entity_type": entity_type,
                "email": email,
            }
        )
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if tin is not UNSET:
            field_dict["tin"] = tin
        if vat_number is not UNSET:
            field_dict["vat_number"] = vat_number
        if company_number is not UNSET:
            field_dict["company_number"] = company_number
        if country is not UNSET:
            field_dict["country"] = country
        if province is not UNSET:
            field_dict["province"] = province
        if eu_nace_industry_code is not UNSET:
            field_dict["eu_nace_industry_code"] = eu_nace_industry_code
        if base_currency is not UNSET:
            field_dict["base_currency"] = base_currency
        if accounting_method is not UNSET:
            field_dict["accounting_method"] = accounting_method
        if fiscal_year_end is not UNSET:
            field_dict["fiscal_year_end"] = fiscal_year_end
        if coa_language is not UNSET:
            field_dict["coa_language"] = coa_language
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        business_create = _new(cls)
        try:  # every documented field present, as in the API's responses
            business_create.external_id = src_dict["external_id"]
            business_create.legal_name = src_dict["legal_name"]
            business_create.entity_type = src_dict["entity_type"]
            business_create.email = src_dict["email"]
            business_create.phone_number = src_dict["phone_number"]
            business_create.tin = src_dict["tin"]
            business_create.vat_number = src_dict["vat_number"]
            business_create.company_number = src_dict["company_number"]
            business_create.country = src_dict["country"]
            business_create.province = src_dict["province"]
            business_create.eu_nace_industry_code = src_dict["eu_nace_industry_code"]
            business_create.base_currency = src_dict["base_currency"]
            _accounting_method = src_dict["accounting_method"]
            _fiscal_year_end = src_dict["fiscal_year_end"]
            business_create.coa_language = src_dict["coa_language"]
            business_create.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            business_create.external_id = src_dict["external_id"]
            business_create.legal_name = src_dict["legal_name"]
            business_create.entity_type = src_dict["entity_type"]
            business_create.email = src_dict["email"]
            business_create.phone_number = src_dict.get("phone_number", UNSET)
            business_create.tin = src_dict.get("tin", UNSET)
            business_create.vat_number = src_dict.get("vat_number", UNSET)
            business_create.company_number = src_dict.get("company_number", UNSET)
            business_create.country = src_dict.get("country", UNSET)
            business_create.province = src_dict.get("province", UNSET)
            business_create.eu_nace_industry_code = src_dict.get("eu_nace_industry_code", UNSET)
            business_create.base_currency = src_dict.get("base_currency", UNSET)
            _accounting_method = src_dict.get("accounting_method", UNSET)
            _fiscal_year_end = src_dict.get("fiscal_year_end", UNSET)
            business_create.coa_language = src_dict.get("coa_language", UNSET)
            business_create.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 16
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        business_create.accounting_method = (
            UNSET
            if _accounting_method is UNSET
            else BusinessCreateAccountingMethod(_accounting_method)
        )

        business_create.fiscal_year_end = (
            UNSET if _fiscal_year_end is UNSET else datetime.date.fromisoformat(_fiscal_year_end)
        )

        business_create.additional_properties = additional_properties
        return business_create

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
