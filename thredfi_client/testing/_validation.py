"""Validation of request bodies: first the contract's shape, then the API's business rules.

The shape of each request schema of ``openapi/thredfi.yaml`` is declared here as :class:`Field`
specs (type, ``nullable``, required, enum, ``minLength``, ``minItems``, ``minimum``, format), and
:func:`check` applies one exactly as the contract says: ``null`` only where it is nullable, the
right JSON type, and so on (``tests/sandbox/test_contract_conformance.py`` compares these specs
with the contract itself). The ``clean_*`` functions then apply the rules the documentation
states in prose (a customer needs a name; ISO country codes; VAT number forms) and the
sandbox's own (amounts are not negative; discounts do not exceed what they discount).

Every bad field is reported at once, DRF style: each ``clean_*`` returns ``(cleaned,
field_errors)``, ``field_errors`` mapping a field path (``email``, ``line_items[0].quantity``)
to messages. Fields the contract does not know are ignored, as Django REST framework does.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final, Literal

from ._contract import Schema, contract
from ._countries import ISO_3166_ALPHA2, vat_number_error

__all__ = [
    "CUSTOMER_CREATE",
    "INVOICE_CREATE",
    "INVOICE_UPDATE",
    "INVOICE_VOID",
    "PARTNER_TOKEN_REQUEST",
    "PAYMENT_CREATE",
    "REFUND_CREATE",
    "REQUEST_SCHEMAS",
    "Field",
    "FieldErrors",
    "check",
    "clean_customer",
    "clean_invoice",
    "clean_invoice_update",
    "clean_lines",
    "clean_payment",
    "clean_refund",
    "clean_token_request",
    "clean_void",
    "field_of",
    "is_uuid",
    "parse_date",
    "parse_datetime",
]

FieldErrors = dict[str, list[str]]
Kind = Literal["string", "integer", "number", "boolean", "array", "object", "any"]

REQUIRED: Final = "This field is required."
NOT_NULL: Final = "This field may not be null."
_EMAIL_RE: Final = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z0-9-]{2,}")
_TYPE_MESSAGES: Final[dict[str, str]] = {
    "string": "Not a valid string.",
    "integer": "A valid integer is required.",
    "number": "A valid number is required.",
    "boolean": "Must be a valid boolean.",
    "array": "Expected a list of items.",
    "object": "Invalid data. Expected a JSON object.",
}


@dataclass(frozen=True, kw_only=True)
class Field:
    """The contract's description of one property (or array item, or whole body).

    Attributes:
        kind: JSON type (``any``: the contract gives none, so any value, null included).
        nullable: ``null`` is allowed.
        enum: The allowed values.
        min_length: ``minLength`` of a string.
        min_items: ``minItems`` of an array.
        minimum: ``minimum`` of an integer.
        format: ``uuid``, ``date-time``, ``date`` or ``email``.
        items: The spec of an array's items.
        max_length, maximum, max_items: ``maxLength``, ``maximum``, ``maxItems``.
        properties: An object's properties.
        required: An object's required properties.
    """

    kind: Kind
    nullable: bool = False
    enum: tuple[str, ...] | None = None
    min_length: int | None = None
    min_items: int | None = None
    minimum: int | None = None
    format: str | None = None
    items: Field | None = None
    properties: Mapping[str, Field] | None = None
    required: tuple[str, ...] = ()
    # Upper bounds, checked but left out of comparisons: tests/sandbox compares a Field with
    # the contract's lower bounds and types, as declared before the engine read the contract.
    max_length: int | None = field(default=None, compare=False)
    maximum: int | None = field(default=None, compare=False)
    max_items: int | None = field(default=None, compare=False)


#: Fields already built, by the id of their schema (kept alive here with it).
_FIELDS: dict[int, tuple[Schema, Field]] = {}


def field_of(schema: Schema) -> Field:
    """The :class:`Field` of a contract schema (``$ref`` followed), as :func:`check` applies it."""
    known = _FIELDS.get(id(schema))
    if known is None or known[0] is not schema:
        known = _FIELDS[id(schema)] = (schema, _field_of(schema))
    return known[1]


def _field_of(schema: Schema) -> Field:
    schema = contract().resolve(schema)
    properties = schema.get("properties")
    return Field(
        kind=schema.get("type", "object" if "properties" in schema else "any"),
        nullable=schema.get("nullable", False),
        enum=tuple(schema["enum"]) if "enum" in schema else None,
        min_length=schema.get("minLength"),
        min_items=schema.get("minItems"),
        minimum=schema.get("minimum"),
        format=schema.get("format"),
        items=field_of(schema["items"]) if "items" in schema else None,
        properties={k: field_of(v) for k, v in properties.items()} if properties else None,
        required=tuple(schema.get("required", ())),
        max_length=schema.get("maxLength"),
        maximum=schema.get("maximum"),
        max_items=schema.get("maxItems"),
    )


def _request_schema_names() -> list[str]:
    """The component schemas request bodies use, nested ones included."""
    spec = contract()
    found: list[str] = []

    def visit(schema: Any) -> None:
        if isinstance(schema, dict):
            name = spec.ref_name(schema)
            if name is not None and name not in found:
                found.append(name)
                visit(spec.schemas[name])
            for value in schema.values():
                visit(value)
        elif isinstance(schema, list):
            for value in schema:
                visit(value)

    for path_item in spec.spec["paths"].values():
        for raw in path_item.values():
            if isinstance(raw, dict):
                for media in (raw.get("requestBody") or {}).get("content", {}).values():
                    visit(media.get("schema"))
    return found


#: Every request schema of the contract, by its name there (nested ones included).
REQUEST_SCHEMAS: Final[dict[str, Field]] = {
    name: field_of(contract().schemas[name]) for name in _request_schema_names()
}
CUSTOMER_CREATE: Final = REQUEST_SCHEMAS["CustomerCreate"]
INVOICE_CREATE: Final = REQUEST_SCHEMAS["InvoiceCreate"]
INVOICE_UPDATE: Final = REQUEST_SCHEMAS["InvoiceUpdateRequest"]
INVOICE_VOID: Final = REQUEST_SCHEMAS["InvoiceVoidRequest"]
PAYMENT_CREATE: Final = REQUEST_SCHEMAS["CreateInvoicePaymentRequest"]
REFUND_CREATE: Final = REQUEST_SCHEMAS["CreateSimpleRefundRequest"]
PARTNER_TOKEN_REQUEST: Final = REQUEST_SCHEMAS["PartnerTokenRequest"]


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


def parse_date(value: object) -> date | None:
    """Parse a calendar date written ``YYYY-MM-DD``."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _add(errors: FieldErrors, path: str, message: str) -> None:
    errors.setdefault(path, []).append(message)


def _is_int(value: object) -> bool:
    # bool is an int subclass, but true/false is never an integer on the wire.
    return isinstance(value, int) and not isinstance(value, bool)


_KIND_CHECKS: Final[dict[str, Callable[[object], bool]]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_int,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def check(value: object, spec: Field, path: str, errors: FieldErrors) -> bool:
    """Check ``value`` against ``spec`` as the contract does; False (with errors) if it fails.

    Nested properties and items are checked too, each error under its own path.
    """
    if spec.kind == "any":
        return True
    if value is None:
        if not spec.nullable:
            _add(errors, path or "non_field_errors", NOT_NULL)
        return spec.nullable
    if not _KIND_CHECKS[spec.kind](value):
        _add(errors, path or "non_field_errors", _TYPE_MESSAGES[spec.kind])
        return False
    before = len(errors)
    if isinstance(value, str):
        _check_string(value, spec, path, errors)
    elif isinstance(value, int | float):
        if spec.minimum is not None and value < spec.minimum:
            _add(errors, path, f"Ensure this value is greater than or equal to {spec.minimum}.")
        if spec.maximum is not None and value > spec.maximum:
            _add(errors, path, f"Ensure this value is less than or equal to {spec.maximum}.")
    elif isinstance(value, list):
        if spec.min_items is not None and len(value) < spec.min_items:
            _add(errors, path, "This list may not be empty.")
        if spec.max_items is not None and len(value) > spec.max_items:
            _add(errors, path, f"Ensure this field has no more than {spec.max_items} elements.")
        if spec.items is not None:
            for i, item in enumerate(value):
                check(item, spec.items, f"{path}[{i}]", errors)
    elif isinstance(value, dict):
        prefix = f"{path}." if path else ""
        for name in spec.required:
            if name not in value:
                _add(errors, prefix + name, REQUIRED)
        for name, sub in (spec.properties or {}).items():
            if name in value:
                check(value[name], sub, prefix + name, errors)
    return len(errors) == before


def _check_string(value: str, spec: Field, path: str, errors: FieldErrors) -> None:
    if spec.enum is not None and value not in spec.enum:
        _add(errors, path, f"{value!r} is not a valid choice: {', '.join(spec.enum)}.")
    if spec.min_length is not None and len(value) < spec.min_length:
        _add(errors, path, "This field may not be blank.")
    if spec.max_length is not None and len(value) > spec.max_length:
        _add(errors, path, f"Ensure this field has no more than {spec.max_length} characters.")
    if spec.format == "uuid" and not is_uuid(value):
        _add(errors, path, "Must be a valid UUID.")
    elif spec.format == "date-time" and parse_datetime(value) is None:
        _add(errors, path, "Datetime has wrong format. Use ISO 8601.")
    elif spec.format == "date" and parse_date(value) is None:
        _add(errors, path, "Date has wrong format. Use YYYY-MM-DD.")
    elif spec.format == "email" and _EMAIL_RE.fullmatch(value) is None:
        _add(errors, path, "Enter a valid email address.")


def _text(body: dict[str, Any], name: str) -> str | None:
    """An optional string that passed :func:`check`; blank counts as absent."""
    value = body.get(name)
    return value if isinstance(value, str) and value.strip() else None


def _amount(value: object, path: str, errors: FieldErrors, *, default: int = 0) -> int:
    """A checked integer (or absent) that the sandbox also requires to be >= 0."""
    if not _is_int(value):
        return default
    assert isinstance(value, int)
    if value < 0:
        _add(errors, path, "Ensure this value is greater than or equal to 0.")
        return default
    return value


def clean_token_request(form: dict[str, Any], partner_id: str) -> FieldErrors:
    """Check a token request body that was sent (an absent body needs no check)."""
    errors: FieldErrors = {}
    check(form, PARTNER_TOKEN_REQUEST, "", errors)
    client_id = form.get("client_id")
    if "client_id" not in errors and client_id != partner_id:
        _add(errors, "client_id", "Does not match the partner in the Basic credentials.")
    return errors


def clean_customer(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a create-customer body."""
    errors: FieldErrors = {}
    if isinstance(body, dict) and isinstance(body.get("email"), str) and not body["email"].strip():
        body = {k: v for k, v in body.items() if k != "email"}  # blank counts as absent
    if not check(body, CUSTOMER_CREATE, "", errors) and not isinstance(body, dict):
        return {}, errors
    assert isinstance(body, dict)
    assert CUSTOMER_CREATE.properties is not None
    cleaned: dict[str, Any] = {
        name: _text(body, name)
        for name, spec in CUSTOMER_CREATE.properties.items()
        if spec.kind == "string" and name != "status"
    }
    if cleaned["individual_name"] is None and cleaned["company_name"] is None:
        for name in ("individual_name", "company_name"):
            if name not in errors:
                _add(errors, name, "Either individual_name or company_name is required.")
    email = cleaned["email"]
    if email is not None and "email" not in errors and _EMAIL_RE.fullmatch(email) is None:
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
    cleaned["tax_exempt"] = body.get("tax_exempt") is True
    status = body.get("status")
    cleaned["status"] = status if isinstance(status, str) else "active"
    tags = body.get("transaction_tags")
    cleaned["transaction_tags"] = tags if isinstance(tags, list) else []
    cleaned["metadata"] = body.get("metadata")
    for name in ("payment_terms_days", "credit_limit_cents"):
        value = body.get(name)
        cleaned[name] = _amount(value, name, errors) if _is_int(value) else None
    return cleaned, errors


def _clean_line(item: dict[str, Any], at: str, errors: FieldErrors) -> dict[str, Any]:
    line: dict[str, Any] = {
        name: _amount(item.get(name), f"{at}.{name}", errors)
        for name in ("quantity", "unit_price", "discount_amount")
    }
    for name in ("external_id", "description", "product"):
        line[name] = _text(item, name)

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

    taxes = item.get("sales_taxes")
    cleaned_taxes = []
    for j, tax in enumerate(taxes if isinstance(taxes, list) else []):
        if not isinstance(tax, dict):
            continue  # reported by check()
        tat = f"{at}.sales_taxes[{j}]"
        amount = _amount(tax.get("amount"), f"{tat}.amount", errors)
        discount = _amount(tax.get("discount_amount"), f"{tat}.discount_amount", errors)
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


def clean_lines(items: object, errors: FieldErrors) -> list[dict[str, Any]]:
    """The checked lines of an invoice body (create or update)."""
    return [
        _clean_line(item, f"line_items[{i}]", errors)
        for i, item in enumerate(items if isinstance(items, list) else [])
        if isinstance(item, dict)
    ]


def clean_invoice(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a create-invoice body (the customer is resolved by the caller)."""
    errors: FieldErrors = {}
    if not check(body, INVOICE_CREATE, "", errors) and not isinstance(body, dict):
        return {}, errors
    assert isinstance(body, dict)
    cleaned: dict[str, Any] = {"external_id": body.get("external_id")}
    if isinstance(cleaned["external_id"], str) and cleaned["external_id"].strip() == "":
        errors.setdefault("external_id", ["This field may not be blank."])

    for name in ("sent_at", "due_at"):
        cleaned[name] = parse_datetime(body.get(name))
    if cleaned["sent_at"] and cleaned["due_at"] and cleaned["due_at"] < cleaned["sent_at"]:
        _add(errors, "due_at", "Must not be before sent_at.")

    cleaned["line_items"] = clean_lines(body.get("line_items"), errors)

    customer_id = body.get("customer_id")
    cleaned["customer_id"] = customer_id if isinstance(customer_id, str) else None
    cleaned["customer_external_id"] = _text(body, "customer_external_id")
    no_customer = customer_id is None and cleaned["customer_external_id"] is None
    if no_customer and "customer_external_id" not in errors:
        _add(errors, "customer_id", "Either customer_id or customer_external_id is required.")

    for name in ("invoice_number", "memo"):
        cleaned[name] = _text(body, name)
    if cleaned["invoice_number"] is not None and len(cleaned["invoice_number"]) > 100:
        _add(errors, "invoice_number", "Ensure this field has no more than 100 characters.")
    invoice_type = body.get("invoice_type", "invoice")
    cleaned["invoice_type"] = invoice_type if isinstance(invoice_type, str) else "invoice"
    cleaned["additional_discount"] = _amount(
        body.get("additional_discount"), "additional_discount", errors
    )
    cleaned["tips"] = _amount(body.get("tips"), "tips", errors)

    extra_taxes = body.get("additional_sales_taxes")
    cleaned_extra = []
    for k, tax in enumerate(extra_taxes if isinstance(extra_taxes, list) else []):
        if not isinstance(tax, dict):
            continue  # reported by check()
        entry: dict[str, Any] = {
            "amount": _amount(tax.get("amount"), f"additional_sales_taxes[{k}].amount", errors)
        }
        if "tax_account" in tax:
            entry["tax_account"] = tax["tax_account"]
        for name in ("rate", "name"):
            if isinstance(tax.get(name), str):
                entry[name] = tax[name]
        cleaned_extra.append(entry)
    cleaned["additional_sales_taxes"] = cleaned_extra

    total = _amount(
        body.get("additional_sales_taxes_total"), "additional_sales_taxes_total", errors
    )
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
    tags = body.get("transaction_tags")
    cleaned["transaction_tags"] = tags if isinstance(tags, list) else []
    cleaned["metadata"] = body.get("metadata")
    return cleaned, errors


def _body(body: object, spec: Field, errors: FieldErrors) -> dict[str, Any] | None:
    """``body`` checked against ``spec``; None when it is not an object at all."""
    if body is None and not spec.required:
        return {}  # an optional body that was not sent
    if not check(body, spec, "", errors) and not isinstance(body, dict):
        return None
    assert isinstance(body, dict)
    return body


def clean_invoice_update(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate an update-invoice body: only the fields given, each as the contract says.

    Blank ``memo`` or ``invoice_number`` clear them; the invoice itself is checked by the caller.
    """
    errors: FieldErrors = {}
    given = _body(body, INVOICE_UPDATE, errors)
    if given is None:
        return {}, errors
    cleaned: dict[str, Any] = {}
    for name in ("invoice_number", "memo"):
        if isinstance(given.get(name), str):
            cleaned[name] = _text(given, name)
    if cleaned.get("invoice_number") and len(cleaned["invoice_number"]) > 100:
        _add(errors, "invoice_number", "Ensure this field has no more than 100 characters.")
    external_id = given.get("external_id")
    if isinstance(external_id, str):
        if not external_id.strip():
            errors.setdefault("external_id", ["This field may not be blank."])
        cleaned["external_id"] = external_id
    if isinstance(given.get("invoice_type"), str):
        cleaned["invoice_type"] = given["invoice_type"]
    if isinstance(given.get("due_at"), str):
        cleaned["due_at"] = parse_datetime(given["due_at"])
    if isinstance(given.get("customer_id"), str):
        cleaned["customer_id"] = given["customer_id"]
    if isinstance(given.get("line_items"), list):
        cleaned["line_items"] = clean_lines(given["line_items"], errors)
    for name in ("additional_discount", "additional_sales_taxes_total", "tips"):
        if _is_int(given.get(name)):
            cleaned[name] = _amount(given[name], name, errors)
    return cleaned, errors


def clean_void(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a void body (optional, every field optional)."""
    errors: FieldErrors = {}
    given = _body(body, INVOICE_VOID, errors)
    if given is None:
        return {}, errors
    cleaned = {k: v for k, v in given.items() if k in (INVOICE_VOID.properties or {})}
    return cleaned, errors


def clean_payment(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a create-payment body; the customer and the allocations are checked against
    the business by the caller."""
    errors: FieldErrors = {}
    given = _body(body, PAYMENT_CREATE, errors)
    if given is None:
        return {}, errors
    cleaned: dict[str, Any] = {
        name: _text(given, name)
        for name in (
            "currency",
            "payment_method",
            "payment_reference",
            "external_id",
            "note",
            "notes",
            "payment_processor",
        )
    }
    cleaned["customer_id"] = given.get("customer_id")
    cleaned["payment_date"] = parse_date(given.get("payment_date"))
    cleaned["total_amount_cents"] = _amount(
        given.get("total_amount_cents"), "total_amount_cents", errors
    )
    cleaned["processing_fee_cents"] = _amount(
        given.get("processing_fee_cents"), "processing_fee_cents", errors
    )
    for name in ("metadata", "references"):
        value = given.get(name)
        cleaned[name] = dict(value) if isinstance(value, dict) else {}
    # Each allocation as given (the invoices and amounts are checked against the business).
    raw = given.get("allocations")
    cleaned["allocations"] = [
        (str(uuid.UUID(item["invoice_id"])), item["amount_cents"])
        for item in (raw if isinstance(raw, list) else [])
        if isinstance(item, dict)
        and is_uuid(item.get("invoice_id"))
        and _is_int(item.get("amount_cents"))
    ]
    return cleaned, errors


def clean_refund(body: object) -> tuple[dict[str, Any], FieldErrors]:
    """Validate a create-refund body; the invoice is checked by the caller."""
    errors: FieldErrors = {}
    given = _body(body, REFUND_CREATE, errors)
    if given is None:
        return {}, errors
    cleaned: dict[str, Any] = {
        name: _text(given, name)
        for name in ("method", "external_id", "memo", "reference_number", "processor")
    }
    if isinstance(given.get("method"), str) and cleaned["method"] is None:
        errors.setdefault("method", ["This field may not be blank."])
    invoice_id = given.get("invoice_id")
    cleaned["invoice_id"] = str(uuid.UUID(invoice_id)) if is_uuid(invoice_id) else None
    cleaned["completed_at"] = parse_datetime(given.get("completed_at"))
    amount = given.get("amount_cents")
    cleaned["amount_cents"] = None
    if _is_int(amount):
        assert isinstance(amount, int)
        if amount < 1:
            _add(errors, "amount_cents", "Ensure this value is greater than or equal to 1.")
        else:
            cleaned["amount_cents"] = amount
    cleaned["refund_processing_fee_cents"] = _amount(
        given.get("refund_processing_fee_cents"), "refund_processing_fee_cents", errors
    )
    return cleaned, errors
