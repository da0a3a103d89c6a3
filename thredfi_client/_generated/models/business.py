from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._operation import FieldConstraints
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Business")

#: The schema constraints of the fields, from the contract; checked before a request is sent.
FIELD_CONSTRAINTS: dict[str, FieldConstraints] = {
    "legal_name": {"max_length": 255},
    "country": {"max_length": 2},
    "base_currency": {"max_length": 3},
    "accounting_method": {"max_length": 20},
}
_KNOWN = frozenset(
    (
        "id",
        "legal_name",
        "country",
        "email",
        "base_currency",
        "accounting_method",
        "external_id",
        "name",
        "entity_type",
        "phone_number",
        "tin",
        "vat_number",
        "company_number",
        "province",
        "eu_nace_industry_code",
        "fiscal_year_end",
        "activation_at",
        "is_active",
        "created_at",
        "updated_at",
        "metadata",
        "_meta",
    )
)
_new = object.__new__


@_attrs_define
class Business:
    """Full business serializer for list and detail views

    Attributes:
        id (UUID): Unique identifier for the business
        legal_name (str): Legal registered name of the business
        country (None | str): ISO 3166-1 alpha-2 country code (e.g., GB, DE, NL, MY, SG)
        email (str): Primary email address for the business
        base_currency (None | str): Base currency for accounting (ISO 4217 code)
        accounting_method (str): Accounting method: 'cash' or 'accrual'
        external_id (str | Unset): Your unique identifier for this business
        name (str | Unset): Display name of the business
        entity_type (str | Unset): Business entity type
        phone_number (None | str | Unset): Business phone number
        tin (None | str | Unset): Tax identification number (other than VAT)
        vat_number (None | str | Unset): EU VAT registration number
        company_number (None | str | Unset): Company registration number
        province (None | str | Unset): Province or state within the country
        eu_nace_industry_code (None | str | Unset): European NACE industry classification code
        fiscal_year_end (datetime.date | None | Unset): Last day of the business's fiscal year
        activation_at (datetime.datetime | None | Unset): When the business was activated
        is_active (bool | Unset): Whether the business is active
        created_at (datetime.datetime | Unset): When the business was created
        updated_at (datetime.datetime | Unset): When the business was last changed
        metadata (Any | Unset): Partner-specific JSON metadata
        meta (BusinessCreateMeta | Unset): What a create says about itself: whether the business was created or an
            existing one returned (shape not published; every key is kept as it came).
    """

    id: UUID
    legal_name: str
    country: None | str
    email: str
    base_currency: None | str
    accounting_method: str
    external_id: str | Unset = UNSET
    name: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    tin: None | str | Unset = UNSET
    vat_number: None | str | Unset = UNSET
    company_number: None | str | Unset = UNSET
    province: None | str | Unset = UNSET
    eu_nace_industry_code: None | str | Unset = UNSET
    fiscal_year_end: datetime.date | None | Unset = UNSET
    activation_at: datetime.datetime | None | Unset = UNSET
    is_active: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    metadata: Any | Unset = UNSET
    meta: BusinessCreateMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        legal_name = self.legal_name

        country: None | str
        country = self.country

        email = self.email

        base_currency: None | str
        base_currency = self.base_currency

        accounting_method = self.accounting_method

        external_id = self.external_id

        name = self.name

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

        fiscal_year_end: None | str | Unset
        if isinstance(self.fiscal_year_end, Unset):
            fiscal_year_end = UNSET
        elif isinstance(self.fiscal_year_end, datetime.date):
            fiscal_year_end = self.fiscal_year_end.isoformat()
        else:
            fiscal_year_end = self.fiscal_year_end

        activation_at: None | str | Unset
        if isinstance(self.activation_at, Unset):
            activation_at = UNSET
        elif isinstance(self.activation_at, datetime.datetime):
            activation_at = self.activation_at.isoformat()
        else:
            activation_at = self.activation_at

        is_active = self.is_active

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        metadata = self.metadata

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "legal_name": legal_name,
                "country": country,
                "email": email,
                "base_currency": base_currency,
                "accounting_method": accounting_method,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if name is not UNSET:
            field_dict["name"] = name
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
        if fiscal_year_end is not UNSET:
            field_dict["fiscal_year_end"] = fiscal_year_end
        if activation_at is not UNSET:
            field_dict["activation_at"] = activation_at
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if meta is not UNSET:
            field_dict["_meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        business = _new(cls)
        try:  # every documented field present, as in the API's responses
            _id = src_dict["id"]
            business.legal_name = src_dict["legal_name"]
            business.country = src_dict["country"]
            business.email = src_dict["email"]
            business.base_currency = src_dict["base_currency"]
            business.accounting_method = src_dict["accounting_method"]
            business.external_id = src_dict["external_id"]
            business.name = src_dict["name"]
            business.entity_type = src_dict["entity_type"]
            business.phone_number = src_dict["phone_number"]
            business.tin = src_dict["tin"]
            business.vat_number = src_dict["vat_number"]
            business.company_number = src_dict["company_number"]
            business.province = src_dict["province"]
            business.eu_nace_industry_code = src_dict["eu_nace_industry_code"]
            _fiscal_year_end = src_dict["fiscal_year_end"]
            _activation_at = src_dict["activation_at"]
            business.is_active = src_dict["is_active"]
            _created_at = src_dict["created_at"]
            _updated_at = src_dict["updated_at"]
            business.metadata = src_dict["metadata"]
            _meta = src_dict["_meta"]
        except KeyError:  # one is absent: a required one raises KeyError again here
            _id = src_dict["id"]
            business.legal_name = src_dict["legal_name"]
            business.country = src_dict["country"]
            business.email = src_dict["email"]
            business.base_currency = src_dict["base_currency"]
            business.accounting_method = src_dict["accounting_method"]
            business.external_id = src_dict.get("external_id", UNSET)
            business.name = src_dict.get("name", UNSET)
            business.entity_type = src_dict.get("entity_type", UNSET)
            business.phone_number = src_dict.get("phone_number", UNSET)
            business.tin = src_dict.get("tin", UNSET)
            business.vat_number = src_dict.get("vat_number", UNSET)
            business.company_number = src_dict.get("company_number", UNSET)
            business.province = src_dict.get("province", UNSET)
            business.eu_nace_industry_code = src_dict.get("eu_nace_industry_code", UNSET)
            _fiscal_year_end = src_dict.get("fiscal_year_end", UNSET)
            _activation_at = src_dict.get("activation_at", UNSET)
            business.is_active = src_dict.get("is_active", UNSET)
            _created_at = src_dict.get("created_at", UNSET)
            _updated_at = src_dict.get("updated_at", UNSET)
            business.metadata = src_dict.get("metadata", UNSET)
            _meta = src_dict.get("_meta", UNSET)
            additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN
            }
        else:
            additional_properties = (
                {}
                if len(src_dict) == 22
                else {key: value for key, value in src_dict.items() if key not in _KNOWN}
            )
        business.id = parse_uuid(_id)

        fiscal_year_end: datetime.date | None | Unset = _fiscal_year_end
        if isinstance(_fiscal_year_end, str):
            try:
                fiscal_year_end_type_0 = datetime.date.fromisoformat(_fiscal_year_end)

                fiscal_year_end = fiscal_year_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        business.fiscal_year_end = fiscal_year_end

        activation_at: datetime.datetime | None | Unset = _activation_at
        if isinstance(_activation_at, str):
            try:
                activation_at_type_0 = datetime.datetime.fromisoformat(_activation_at)

                activation_at = activation_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        business.activation_at = activation_at

        business.created_at = (
            UNSET if _created_at is UNSET else datetime.datetime.fromisoformat(_created_at)
        )

        business.updated_at = (
            UNSET if _updated_at is UNSET else datetime.datetime.fromisoformat(_updated_at)
        )

        business.meta = UNSET if _meta is UNSET else BusinessCreateMeta.from_dict(_meta)

        business.additional_properties = additional_properties
        return business

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


from ..models.business_create_meta import BusinessCreateMeta  # noqa: E402 -- after the class, so import cycles work
