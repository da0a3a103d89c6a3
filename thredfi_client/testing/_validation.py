"""Validation of create bodies: every bad field is reported at once, DRF style.

Each ``clean_*`` function returns ``(cleaned, field_errors)``. ``field_errors`` maps a field path
(``email``, ``line_items[0].quantity``) to a list of messages; when it is empty, ``cleaned`` holds
the values the sandbox stores. Fields the contract does not know are ignored, as Django REST
framework serializers do.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any, Final

from ._countries import ISO_3166_ALPHA2, vat_number_error

__all__ = ["FieldErrors", "clean_customer", "clean_invoice", "is_uuid", "parse_datetime"]

FieldErrors = dict[str, list[str]]

_EMAIL_RE: Final = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z0-9-]{2,}")
_CUSTOMER_TEXT_FIELDS: Final = (
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
    "notes",
)
CUSTOMER_STATUSES: Final = ("active", "archived", "suspended")
INVOICE_TYPES: Final = ("invoice", "receipt")
REQUIRED: Final = "This field is required."


def is_uuid(value: object) -> bool:
    """Whether ``value`` is a string holding a UUID in any of its usual spellings."""
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def parse_datetime(value: object) -> datetime | None:
    """Parse an ISO 8601 date-time (``Z`` or an offset); naive values are taken as UTC."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _add(errors: FieldErrors, path: str, message: str) -> None:
    errors.setdefault(path, []).append(message)


def _is_int(value: object) -> bool:
    # bool is an int subclass, but true/false is never a valid amount.
    return isinstance(value, int) and not isinstance(value, bool)


def _text(
    body: dict[str, Any], name: str, errors: FieldErrors, path: str | None = None
) -> str | None:
    """An optional string field; null and blank strings count as absent."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        _add(errors, path or name, "Not a valid string.")
        return None
    return value if value.strip() else None


def _non_negative_int(
    value: object, path: str, errors: FieldErrors, *, required: bool = False, default: int = 0
) -> int:
    if value is None:
        if required:
            _add(errors, path, REQUIRED)
        return default
    if not _is_int(value):
        _add(errors, path, "A valid integer is required.")
        return default
    assert isinstance(value, int)
    if value < 0:
        _add(errors, path, "Ensure this value is greater than or equal to 0.")
        return default
    return value


def clean_customer(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a create-customer body."""
    errors: FieldErrors = {}
    if not isinstance(body, dict):
        return {}, {"non_field_errors": ["Invalid data. Expected a JSON object."]}
    cleaned: dict[str, Any] = {name: _text(body, name, errors) for name in _CUSTOMER_TEXT_FIELDS}

    if cleaned["individual_name"] is None and cleaned["company_name"] is None:
        for name in ("individual_name", "company_name"):
            if name not in errors:
                _add(errors, name, "Either individual_name or company_name is required.")
    email = cleaned["email"]
    if email is not None and _EMAIL_RE.fullmatch(email) is None:
        _add(errors, "email", "Enter a valid email address.")
    country = cleaned["country"]
    if country is not None:
        if country.upper() in ISO_3166_ALPHA2:
            cleaned["country"] = country.upper()
        else:
            _add(errors, "country", f"{country!r} is not an ISO 3166-1 alpha-2 country code.")
    vat = cleaned["vat_number"]
    if vat is not None and (problem := vat_number_error(vat)) is not None:
        _add(errors, "vat_number", problem)

    tax_exempt = body.get("tax_exempt", False)
    if tax_exempt is None:
        tax_exempt = False
    if not isinstance(tax_exempt, bool):
        _add(errors, "tax_exempt", "Must be a valid boolean.")
    cleaned["tax_exempt"] = tax_exempt is True

    status = body.get("status", "active")
    if status is None:
        status = "active"
    if status not in CUSTOMER_STATUSES:
        _add(errors, "status", f"{status!r} is not a valid choice: {', '.join(CUSTOMER_STATUSES)}.")
    cleaned["status"] = status

    tags = body.get("transaction_tags", [])
    if tags is None:
        tags = []
    if not isinstance(tags, list):
        _add(
            errors,
            "transaction_tags",
            f'Expected a list of items but got type "{type(tags).__name__}".',
        )
        tags = []
    cleaned["transaction_tags"] = tags
    cleaned["metadata"] = body.get("metadata")

    terms = body.get("payment_terms_days")
    cleaned["payment_terms_days"] = (
        None if terms is None else _non_negative_int(terms, "payment_terms_days", errors)
    )
    limit = body.get("credit_limit_cents")
    cleaned["credit_limit_cents"] = (
        None if limit is None else _non_negative_int(limit, "credit_limit_cents", errors)
    )

    document = body.get("document")
    if document is not None and not (isinstance(document, dict) and "file" in document):
        _add(errors, "document.file", REQUIRED)
    return cleaned, errors


def _clean_line(item: object, at: str, errors: FieldErrors) -> dict[str, Any]:
    if not isinstance(item, dict):
        _add(errors, at, "Invalid data. Expected a JSON object.")
        return {}
    line: dict[str, Any] = {
        "quantity": _non_negative_int(
            item.get("quantity"), f"{at}.quantity", errors, required=True
        ),
        "unit_price": _non_negative_int(
            item.get("unit_price"), f"{at}.unit_price", errors, required=True
        ),
        "discount_amount": _non_negative_int(
            item.get("discount_amount"), f"{at}.discount_amount", errors
        ),
    }
    for name in ("external_id", "description", "product"):
        line[name] = _text(item, name, errors, f"{at}.{name}")

    account = item.get("account_identifier")
    if account is None:
        line["account_identifier"] = None
    elif isinstance(account, str) and is_uuid(account):
        line["account_identifier"] = {"id": account, "type": "AccountId"}
    elif isinstance(account, dict) and is_uuid(account.get("id")):
        kind = account.get("type", "AccountId")
        line["account_identifier"] = {"id": account["id"], "type": str(kind)}
    else:
        _add(
            errors,
            f"{at}.account_identifier",
            'Expected an account UUID or an object {"id": <uuid>, "type": ...}.',
        )

    taxes = item.get("sales_taxes", [])
    if taxes is None:
        taxes = []
    if not isinstance(taxes, list):
        _add(errors, f"{at}.sales_taxes", "Expected a list of items.")
        taxes = []
    cleaned_taxes = []
    for j, tax in enumerate(taxes):
        tat = f"{at}.sales_taxes[{j}]"
        if not isinstance(tax, dict):
            _add(errors, tat, "Invalid data. Expected a JSON object.")
            continue
        amount = _non_negative_int(tax.get("amount"), f"{tat}.amount", errors, required=True)
        discount = _non_negative_int(tax.get("discount_amount"), f"{tat}.discount_amount", errors)
        if discount > amount:
            _add(errors, f"{tat}.discount_amount", "Must not exceed the tax amount.")
        cleaned_taxes.append(
            {"amount": amount, "discount_amount": discount, "tax_account": tax.get("tax_account")}
        )
    line["sales_taxes"] = cleaned_taxes
    subtotal = line["quantity"] * line["unit_price"]
    if line["discount_amount"] > subtotal:
        _add(errors, f"{at}.discount_amount", "Must not exceed quantity x unit_price.")
    return line


def clean_invoice(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a create-invoice body (the customer is resolved by the caller)."""
    errors: FieldErrors = {}
    if not isinstance(body, dict):
        return {}, {"non_field_errors": ["Invalid data. Expected a JSON object."]}
    cleaned: dict[str, Any] = {}

    external_id = body.get("external_id")
    if external_id is None:
        _add(errors, "external_id", REQUIRED)
    elif not isinstance(external_id, str) or not external_id.strip():
        _add(errors, "external_id", "This field may not be blank.")
    cleaned["external_id"] = external_id

    for name in ("sent_at", "due_at"):
        raw = body.get(name)
        if raw is None:
            if name == "sent_at":
                _add(errors, name, REQUIRED)
            cleaned[name] = None
            continue
        parsed = parse_datetime(raw)
        if parsed is None:
            _add(errors, name, "Datetime has wrong format. Use ISO 8601.")
        cleaned[name] = parsed
    if cleaned["sent_at"] and cleaned["due_at"] and cleaned["due_at"] < cleaned["sent_at"]:
        _add(errors, "due_at", "Must not be before sent_at.")

    items = body.get("line_items")
    if items is None:
        _add(errors, "line_items", REQUIRED)
        items = []
    elif not isinstance(items, list):
        _add(errors, "line_items", "Expected a list of items.")
        items = []
    elif not items:
        _add(errors, "line_items", "This list may not be empty.")
    cleaned["line_items"] = [
        _clean_line(item, f"line_items[{i}]", errors) for i, item in enumerate(items)
    ]

    customer_id = body.get("customer_id")
    if customer_id is not None and not is_uuid(customer_id):
        _add(errors, "customer_id", "Must be a valid UUID.")
    cleaned["customer_id"] = customer_id
    cleaned["customer_external_id"] = _text(body, "customer_external_id", errors)
    if customer_id is None and cleaned["customer_external_id"] is None:
        _add(errors, "customer_id", "Either customer_id or customer_external_id is required.")

    for name in ("invoice_number", "memo"):
        cleaned[name] = _text(body, name, errors)
    if cleaned["invoice_number"] is not None and len(cleaned["invoice_number"]) > 100:
        _add(errors, "invoice_number", "Ensure this field has no more than 100 characters.")
    invoice_type = body.get("invoice_type", "invoice")
    if invoice_type not in INVOICE_TYPES:
        _add(errors, "invoice_type", f"{invoice_type!r} is not a valid choice.")
    cleaned["invoice_type"] = invoice_type

    cleaned["additional_discount"] = _non_negative_int(
        body.get("additional_discount"), "additional_discount", errors
    )
    cleaned["tips"] = _non_negative_int(body.get("tips"), "tips", errors)

    extra_taxes = body.get("additional_sales_taxes", [])
    if extra_taxes is None:
        extra_taxes = []
    if not isinstance(extra_taxes, list):
        _add(errors, "additional_sales_taxes", "Expected a list of items.")
        extra_taxes = []
    cleaned_extra = []
    for k, tax in enumerate(extra_taxes):
        tat = f"additional_sales_taxes[{k}]"
        if not isinstance(tax, dict):
            _add(errors, tat, "Invalid data. Expected a JSON object.")
            continue
        entry: dict[str, Any] = {
            "amount": _non_negative_int(tax.get("amount"), f"{tat}.amount", errors, required=True)
        }
        if "tax_account" in tax:
            entry["tax_account"] = tax["tax_account"]
        for name in ("rate", "name"):
            if tax.get(name) is None:
                continue
            if isinstance(tax[name], str):
                entry[name] = tax[name]
            elif _is_int(tax[name]) or isinstance(tax[name], float):
                entry[name] = str(tax[name])  # the response types rate as a string
            else:
                _add(errors, f"{tat}.{name}", "Not a valid string.")
        cleaned_extra.append(entry)
    cleaned["additional_sales_taxes"] = cleaned_extra

    given_total = body.get("additional_sales_taxes_total")
    total = _non_negative_int(given_total, "additional_sales_taxes_total", errors)
    if cleaned_extra:
        computed = sum(t["amount"] for t in cleaned_extra)
        # A total sent alongside the list must agree with it; 0 counts as "not given" (default).
        if total not in (0, computed):
            _add(
                errors,
                "additional_sales_taxes_total",
                f"Does not match the sum of additional_sales_taxes ({computed}).",
            )
        total = computed
    cleaned["additional_sales_taxes_total"] = total

    tips_account = body.get("tips_account")
    if tips_account is not None and not isinstance(tips_account, str):
        # The request takes any JSON here, the response a string: keep it as compact JSON.
        tips_account = json.dumps(tips_account, separators=(",", ":"), sort_keys=True)
    cleaned["tips_account"] = tips_account

    tags = body.get("transaction_tags", [])
    if tags is None:
        tags = []
    if not isinstance(tags, list) or not all(isinstance(t, str) and t for t in tags):
        _add(errors, "transaction_tags", "Expected a list of non-empty strings.")
    cleaned["transaction_tags"] = tags
    cleaned["metadata"] = body.get("metadata")
    document = body.get("document")
    if document is not None and not (isinstance(document, dict) and "file" in document):
        _add(errors, "document.file", REQUIRED)
    return cleaned, errors
