from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..models.updated_business_accounting_method import UpdatedBusinessAccountingMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatedBusiness")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {"legal_name": {"max_length": 255}}
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
class UpdatedBusiness:
    """Serializer for updating existing businesses

    Attributes:
        legal_name (str | Unset): Legal registered name of the business
        entity_type (str | Unset): Business entity type
        phone_number (None | str | Unset): Business phone number
        tin (None | str | Unset): Tax identification number (other than VAT)
        vat_number (None | str | Unset): EU VAT registration number
        company_number (None | str | Unset): Company registration number
        province (None | str | Unset): Province or state within the country
        eu_nace_industry_code (None | str | Unset): European NACE industry classification code
        email (str | Unset): Primary email address for the business
        accounting_method (UpdatedBusinessAccountingMethod | Unset): Accounting method: 'cash' or 'accrual'
        fiscal_year_end (datetime.date | None | Unset): Last day of the business's fiscal year
        metadata (Any | Unset): Partner-specific JSON metadata
    """

    legal_name: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    tin: None | str | Unset = UNSET
    vat_number: None | str | Unset = UNSET
    company_number: None | str | Unset = UNSET
    province: None | str | Unset = UNSET
    eu_nace_industry_code: None | str | Unset = UNSET
    email: str | Unset = UNSET
    accounting_method: UpdatedBusinessAccountingMethod | Unset = UNSET
    fiscal_year_end: datetime.date | None | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        legal_name = self.legal_name

        entity_type = self.entity_type

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        tin: None | str | Unset
        if isinstance(self.tin, Unset):
            tin = UNSET
        else:
            tin = self.tin

        vat_number: None | str | Unset
        if isinstance(self.vat_number, Unset):
            vat_number = UNSET
        else:
            vat_number = self.vat_number

        company_number: None | str | Unset
        if isinstance(self.company_number, Unset):
            company_number = UNSET
        else:
            company_number = self.company_number

        province: None | str | Unset
        if isinstance(self.province, Unset):
            province = UNSET
        else:
            province = self.province

        eu_nace_industry_code: None | str | Unset
        if isinstance(self.eu_nace_industry_code, Unset):
            eu_nace_industry_code = UNSET
        else:
            eu_nace_industry_code = self.eu_nace_industry_code

        email = self.email

        accounting_method: str | Unset = UNSET
        if not isinstance(self.accounting_method, Unset):
            accounting_method = self.accounting_method.value

        fiscal_year_end: None | str | Unset
        if isinstance(self.fiscal_year_end, Unset):
            fiscal_year_end = UNSET
        elif isinstance(self.fiscal_year_end, datetime.date):
            fiscal_year_end = self.fiscal_year_end.isoformat()
        else:
            fiscal_year_end = self.fiscal_year_end

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
        updated_business = _new(cls)
        try:  # every documented field present, as in the API's responses
            updated_business.legal_name = src_dict["legal_name"]
            updated_business.entity_type = src_dict["entity_type"]
            updated_business.phone_number = src_dict["phone_number"]
            updated_business.tin = src_dict["tin"]
            updated_business.vat_number = src_dict["vat_number"]
            updated_business.company_number = src_dict["company_number"]
            updated_business.province = src_dict["province"]
            updated_business.eu_nace_industry_code = src_dict["eu_nace_industry_code"]
            updated_business.email = src_dict["email"]
            _accounting_method = src_dict["accounting_method"]
            _fiscal_year_end = src_dict["fiscal_year_end"]
            updated_business.metadata = src_dict["metadata"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            updated_business.legal_name = src_dict.get("legal_name", UNSET)
            updated_business.entity_type = src_dict.get("entity_type", UNSET)
            updated_business.phone_number = src_dict.get("phone_number", UNSET)
            updated_business.tin = src_dict.get("tin", UNSET)
            updated_business.vat_number = src_dict.get("vat_number", UNSET)
            updated_business.company_number = src_dict.get("company_number", UNSET)
            updated_business.province = src_dict.get("province", UNSET)
            updated_business.eu_nace_industry_code = src_dict.get("eu_nace_industry_code", UNSET)
            updated_business.email = src_dict.get("email", UNSET)
            _accounting_method = src_dict.get("accounting_method", UNSET)
            _fiscal_year_end = src_dict.get("fiscal_year_end", UNSET)
            updated_business.metadata = src_dict.get("metadata", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 12
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )

        updated_business.accounting_method = (
            UNSET
            if _accounting_method is UNSET
            else UpdatedBusinessAccountingMethod(_accounting_method)
        )

        fiscal_year_end: datetime.date | None | Unset = _fiscal_year_end
        if isinstance(_fiscal_year_end, str):
            try:
                fiscal_year_end_type_0 = datetime.date.fromisoformat(_fiscal_year_end)

                fiscal_year_end = fiscal_year_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        updated_business.fiscal_year_end = fiscal_year_end

        updated_business.additional_properties = additional_properties
        return updated_business

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
