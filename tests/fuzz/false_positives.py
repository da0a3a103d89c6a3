"""The failures Schemathesis reports against the sandbox that are not defects, each with why.

Each entry names the operation and the check, and narrows it to the exact cause: for a
schema-valid request the sandbox refuses (``positive_data_acceptance``), the cause is the
``field_errors`` of its 400, and a failure is only excused when every field error it carries is
one listed here for that operation. Anything else fails the run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["FALSE_POSITIVES", "FalsePositive", "excuse"]

CUSTOMERS = "POST /v1/platform/businesses/{business_id}/customers/"
INVOICES = "POST /v1/platform/businesses/{business_id}/invoices/"
UPDATE = "PUT /v1/platform/businesses/{business_id}/invoices/{invoice_id}/"
VOID = "POST /v1/platform/businesses/{business_id}/invoices/{invoice_id}/void/"
PAYMENTS = "POST /v1/platform/businesses/{business_id}/invoices/payments/"
REFUNDS = "POST /v1/platform/businesses/{business_id}/invoices/refunds/"
TOKEN = "POST /v1/platform/oauth2/token/"
CREDITS = "POST /v1/platform/businesses/{business_id}/customer-credits/"
VENDORS = "POST /v1/platform/businesses/{business_id}/vendors/"
BILLS = "POST /v1/platform/businesses/{business_id}/bills/"
BILL_UPDATE = "PUT /v1/platform/businesses/{business_id}/bills/{bill_id}/"
VENDOR_CREDITS = "POST /v1/platform/businesses/{business_id}/vendor-credits/"
ACCOUNTS = "POST /v1/platform/businesses/{business_id}/general-ledger/chart-of-accounts/"
CHILD_ACCOUNTS = (
    "POST /v1/platform/businesses/{business_id}/general-ledger/chart-of-accounts/"
    "{account_id}/children/"
)


@dataclass(frozen=True, kw_only=True)
class FalsePositive:
    """One kind of failure that is not a defect.

    Attributes:
        id: Short stable name, shown in the summary.
        operations: Schemathesis's labels of the operations (``METHOD /path``).
        checks: The checks that report it.
        reason: Why it is not a defect (and where the rule is documented).
        field: For ``positive_data_acceptance``: a regular expression the 400's field path must
            match ``fullmatch``, with ``message`` the start of its message.
        message: See ``field``.
        response: ``(status, body) -> bool`` saying it is this case (any check).
    """

    id: str
    operations: tuple[str, ...]
    checks: tuple[str, ...]
    reason: str
    field: str | None = None
    message: str = ""
    response: Callable[[int, bytes], bool] | None = None


def _refused_by_the_http_parser(status: int, body: bytes) -> bool:
    return status == 400 and body == b"Invalid HTTP request received."


def _one_form_value_as_a_list(status: int, body: bytes) -> bool:
    """A vendor created with one text value as its ``transaction_tags``."""
    if status != 201:
        return False
    try:
        tags = json.loads(body).get("transaction_tags")
    except (ValueError, AttributeError):
        return False
    return isinstance(tags, list) and len(tags) == 1 and isinstance(tags[0], str)


_NAME_RULE = "Either individual_name or company_name is required."
_MONEY = "Ensure this value is greater than or equal to 0."

FALSE_POSITIVES: tuple[FalsePositive, ...] = (
    FalsePositive(
        id="client-id-is-the-partner",
        operations=(TOKEN,),
        checks=("positive_data_acceptance",),
        reason=(
            "client_id must be the partner of the HTTP Basic credentials (API-NOTES "
            "'Authentication'); a random UUID is schema-valid but names someone else"
        ),
        field="client_id",
        message="Does not match the partner in the Basic credentials.",
    ),
    FalsePositive(
        id="customer-needs-a-name",
        operations=(CUSTOMERS,),
        checks=("positive_data_acceptance",),
        reason=(
            "individual_name or company_name is required (create-customer.txt: 'required if "
            "company_name not provided'); the schema cannot say 'one of two'"
        ),
        field="individual_name|company_name",
        message=_NAME_RULE,
    ),
    FalsePositive(
        id="customer-country-and-vat",
        operations=(CUSTOMERS,),
        checks=("positive_data_acceptance",),
        reason=(
            "country is an ISO 3166-1 alpha-2 code and vat_number has a country's VAT form "
            "(create-customer.txt), and an email has a domain with a dot; the schema types them "
            "as plain strings"
        ),
        field="country|vat_number|email",
    ),
    FalsePositive(
        id="no-negative-amounts",
        operations=(INVOICES, CUSTOMERS, UPDATE, PAYMENTS, REFUNDS),
        checks=("positive_data_acceptance",),
        reason=(
            "amounts are integer cents of a charge, quantities count units, payment terms count "
            "days: the sandbox refuses negatives, which the contract does not rule out"
        ),
        field=r"(line_items\[\d+\]\.(quantity|unit_price|discount_amount"
        r"|sales_taxes\[\d+\]\.(amount|discount_amount))|additional_discount|tips"
        r"|additional_sales_taxes\[\d+\]\.amount|additional_sales_taxes_total"
        r"|payment_terms_days|total_amount_cents|processing_fee_cents"
        r"|refund_processing_fee_cents)",
        message=_MONEY,
    ),
    FalsePositive(
        id="money-moves",
        operations=(PAYMENTS, REFUNDS),
        checks=("positive_data_acceptance",),
        reason=(
            "a payment allocation or a refund of nothing moves no money: their amounts are at "
            "least one cent (the contract gives them no minimum)"
        ),
        field=r"allocations\[\d+\]\.amount_cents|amount_cents",
        message="Ensure this value is greater than or equal to 1.",
    ),
    FalsePositive(
        id="payment-fits-the-books",
        operations=(PAYMENTS,),
        checks=("positive_data_acceptance",),
        reason=(
            "a payment is from a customer of the business, applied to that customer's open "
            "invoices, at most what each still owes, and covers what it applies, in the "
            "business's currency (API-NOTES 'Invoice payments'); random UUIDs and amounts are "
            "schema-valid but name no such customer or invoice"
        ),
        field=r"customer_id|allocations\[\d+\]\.(invoice_id|amount_cents)|total_amount_cents"
        r"|currency",
    ),
    FalsePositive(
        id="refund-of-money-received",
        operations=(REFUNDS,),
        checks=("positive_data_acceptance",),
        reason=(
            "a refund is of an invoice of the business, and of at most what was received on it "
            "(API-NOTES 'Refunds'); a random UUID names no invoice"
        ),
        field="invoice_id|amount_cents",
    ),
    FalsePositive(
        id="update-keeps-what-was-received",
        operations=(UPDATE,),
        checks=("positive_data_acceptance",),
        reason=(
            "new lines may not bring an invoice's total below the money already received on it "
            "(a payment made earlier in a stateful run): the sandbox refuses rather than owe "
            "the customer"
        ),
        field="non_field_errors",
        message="The total would be below what has been received",
    ),
    FalsePositive(
        id="void-names-its-invoice",
        operations=(VOID,),
        checks=("positive_data_acceptance",),
        reason=(
            "the void body's invoice_number, external_id and customer_id, when given, must be "
            "the invoice's own (the overlay's InvoiceVoid says so; a safety check that the "
            "caller voids the invoice it means): random values name another invoice"
        ),
        field="invoice_number|external_id|customer_id",
        message="Does not match this invoice.",
    ),
    FalsePositive(
        id="idempotency-key-reused",
        operations=(PAYMENTS,),
        checks=("positive_data_acceptance",),
        reason=(
            "Schemathesis may send one Idempotency-Key with two different bodies; a key stands "
            "for one request, so the second is refused with 422 idempotency_key_reused (the "
            "IETF Idempotency-Key draft; documented in the sandbox)"
        ),
        response=lambda status, body: status == 422 and b'"idempotency_key_reused"' in body,
    ),
    FalsePositive(
        id="objects-in-a-form",
        operations=(UPDATE, PAYMENTS, REFUNDS),
        checks=("positive_data_acceptance",),
        reason=(
            "a form-encoded body has no way to carry an object (the vendor offers these bodies "
            "as JSON, form and multipart alike); the sandbox reads an object sent in a form "
            "field as JSON text, as multipart carries it, while Schemathesis writes a form "
            "field of a dict in Python's spelling (or its keys)"
        ),
        field=r"allocations\[\d+\]|line_items\[\d+\](\.sales_taxes\[\d+\])?|document",
        message="Invalid data. Expected a JSON object.",
    ),
    FalsePositive(
        id="objects-in-a-form-of-a-credit",
        operations=(CREDITS, BILLS, BILL_UPDATE, VENDOR_CREDITS),
        checks=("positive_data_acceptance",),
        reason=(
            "as objects-in-a-form: a form-encoded body has no way to carry an object, and "
            "Schemathesis writes a form field of a dict in Python's spelling (or its keys)"
        ),
        field=r"(tags|line_items|allocations)\[\d+\]|document",
        message="Invalid data. Expected a JSON object.",
    ),
    FalsePositive(
        id="null-in-a-form-of-a-credit",
        operations=(CREDITS, VENDOR_CREDITS),
        checks=("positive_data_acceptance",),
        reason=(
            "as objects-in-a-form: Schemathesis writes an object of a form field as text the "
            "sandbox reads as JSON, here null; a JSON body carries the object itself"
        ),
        field=r"(tags|line_items|allocations)\[\d+\]",
        message="This field may not be null.",
    ),
    FalsePositive(
        id="invoice-arithmetic",
        operations=(INVOICES, UPDATE),
        checks=("positive_data_acceptance",),
        reason=(
            "cross-field rules of an invoice the schema cannot state: a discount at most what "
            "it discounts, due_at not before sent_at, additional_sales_taxes_total the sum of "
            "additional_sales_taxes"
        ),
        field=r"line_items\[\d+\]\.(discount_amount|sales_taxes\[\d+\]\.discount_amount)"
        r"|due_at|additional_sales_taxes_total",
    ),
    FalsePositive(
        id="text-limits",
        operations=(INVOICES, UPDATE, REFUNDS),
        checks=("positive_data_acceptance",),
        reason=(
            "as Django REST framework does, text is trimmed, so a whitespace-only external_id "
            "is blank (the contract's minLength: 1 counts characters), and a refund's required "
            "method may not be blank; invoice_number is at most 100 characters (a sandbox "
            "limit; the contract sets none)"
        ),
        field="external_id|invoice_number|method",
        message="",
    ),
    FalsePositive(
        id="account-identifier-is-an-account",
        operations=(INVOICES,),
        checks=("positive_data_acceptance",),
        reason=(
            "line_items[].account_identifier is untyped in the request but an {id, type} "
            "account in the response (API-NOTES 'Known defects'): the sandbox takes an account "
            "UUID or {id: <uuid>, type} so that it can answer with one"
        ),
        field=r"line_items\[\d+\]\.account_identifier",
    ),
    FalsePositive(
        id="credit-fits-the-books",
        operations=(CREDITS,),
        checks=("positive_data_acceptance",),
        reason=(
            "a customer credit is for a customer of the business (customer_id, or "
            "customer_external_id given) and is applied to that customer's open invoices, at "
            "most what each still owes and in all at most its total, as a payment is "
            "(API-NOTES 'Receivables, the rest'); random UUIDs and amounts are schema-valid but "
            "name no such customer or invoice"
        ),
        field=r"customer_id|allocations(\[\d+\]\.(invoice_id|amount))?",
    ),
    FalsePositive(
        id="invoice-needs-a-customer",
        operations=(INVOICES, UPDATE),
        checks=("positive_data_acceptance",),
        reason=(
            "an invoice is for a customer: customer_id must be one of the business's customers, "
            "or customer_external_id given (create-invoice.txt); a random UUID is schema-valid"
        ),
        field="customer_id",
    ),
    FalsePositive(
        id="payables-name-a-vendor",
        operations=(BILLS, BILL_UPDATE, VENDOR_CREDITS),
        checks=("positive_data_acceptance",),
        reason=(
            "a bill or vendor credit is from a vendor of the business: vendor_id one of its "
            "vendors, or vendor_external_id given (API-NOTES 'Payables'); the schema cannot say "
            "'one of two', and a random UUID names no vendor"
        ),
        field="vendor_id",
    ),
    FalsePositive(
        id="bill-dates-and-balance",
        operations=(BILLS, BILL_UPDATE),
        checks=("positive_data_acceptance",),
        reason=(
            "cross-field rules of a bill the schema cannot state, as for invoices: due_at not "
            "before received_at, and new lines not below what was already applied to it (a "
            "payment or credit made earlier in a stateful run)"
        ),
        field="due_at|non_field_errors",
    ),
    FalsePositive(
        id="vendor-credit-fits-the-books",
        operations=(VENDOR_CREDITS,),
        checks=("positive_data_acceptance",),
        reason=(
            "as credit-fits-the-books: a vendor credit is applied to its vendor's open bills, at "
            "most what each still owes and in all at most its total (docs/sandbox.md); random "
            "UUIDs and amounts are schema-valid but name no such bill"
        ),
        field=r"allocations(\[\d+\]\.(bill_id|amount))?",
    ),
    FalsePositive(
        id="account-fits-the-chart",
        operations=(ACCOUNTS, CHILD_ACCOUNTS),
        checks=("positive_data_acceptance",),
        reason=(
            "an account's code is its name in the chart: not blank and not one the chart "
            "already has (docs/sandbox.md; the contract gives code no minLength), and parent_id "
            "names an account of the chart by UUID, code or external id (the create page); a "
            "random string names none"
        ),
        field="code|parent_id",
    ),
    FalsePositive(
        id="one-form-value-is-a-list-of-one",
        operations=(VENDORS,),
        checks=("negative_data_rejection",),
        reason=(
            "a form carries an array as its field repeated, so an array of one is the field "
            "given once: the sandbox reads transaction_tags sent once in a form as a list of "
            "that value (its items are untyped), which Schemathesis counts as a non-array"
        ),
        response=_one_form_value_as_a_list,
    ),
    FalsePositive(
        id="malformed-http-framing",
        operations=(
            CUSTOMERS,
            INVOICES,
            TOKEN,
            "POST /v1/platform/{business_id}/oauth2/token/",
            "GET /v1/platform/businesses/{business_id}/customers/{customer_id}/",
            "POST /v1/platform/businesses/{business_id}/customers/{customer_id}/archive/",
            "GET /v1/platform/businesses/{business_id}/customers/",
            "GET /v1/platform/businesses/{business_id}/invoices/",
            "GET /v1/platform/businesses/{business_id}/invoices/{invoice_id}/",
            UPDATE,
            VOID,
            "GET /v1/platform/businesses/{business_id}/invoices/payments/",
            PAYMENTS,
            "GET /v1/platform/businesses/{business_id}/invoices/payments/{payment_id}/",
            REFUNDS,
            "GET /v1/platform/businesses/{business_id}/invoices/refunds/{refund_id}/",
            "DELETE /v1/platform/businesses/{business_id}/invoices/refunds/{refund_id}/",
        ),
        checks=("content_type_conformance", "status_code_conformance"),
        reason=(
            "Schemathesis sometimes sends a generated Transfer-Encoding header (e.g. '<|(') next "
            "to Content-Length; HTTP/1.1 requires a server to refuse that framing (RFC 9112 "
            "6.1), and uvicorn's parser does, with its own 400 text/plain, before the sandbox "
            "sees the request. Whether a run generates it varies with unrelated changes to the "
            "process (seen first on issue 13's branch, same seed)."
        ),
        response=_refused_by_the_http_parser,
    ),
)


def _field_errors(body: bytes) -> dict[str, list[str]] | None:
    try:
        document: Any = json.loads(body)
        errors = document["detail"]["field_errors"]
    except (ValueError, TypeError, KeyError):
        return None
    return errors if isinstance(errors, dict) else None


def excuse(operation: str, check: str, status: int, body: bytes) -> list[FalsePositive] | None:
    """The false positives that explain this failure, or None when it is a real one."""
    entries = [fp for fp in FALSE_POSITIVES if operation in fp.operations and check in fp.checks]
    if not entries:
        return None
    hits = [fp for fp in entries if fp.response is not None and fp.response(status, body)]
    if hits or check != "positive_data_acceptance":
        return hits or None
    errors = _field_errors(body) if status == 400 else None
    if not errors:
        return None
    used: list[FalsePositive] = []
    for path, messages in errors.items():
        for text in messages:
            match = next(
                (
                    fp
                    for fp in entries
                    if fp.field is not None
                    and re.fullmatch(fp.field, path)
                    and text.startswith(fp.message)
                ),
                None,
            )
            if match is None:
                return None  # one unexplained error makes it a real failure
            if match not in used:
                used.append(match)
    return used
