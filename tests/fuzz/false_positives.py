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
TOKEN = "POST /v1/platform/oauth2/token/"


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
        response: For other checks: ``(status, body) -> bool`` saying it is this case.
    """

    id: str
    operations: tuple[str, ...]
    checks: tuple[str, ...]
    reason: str
    field: str | None = None
    message: str = ""
    response: Callable[[int, bytes], bool] | None = None


def _list_customers(status: int, body: bytes) -> bool:
    return status in (200, 405) and (b'"page_info"' in body or b"use POST, GET" in body)


_NAME_RULE = "Either individual_name or company_name is required."
_MONEY = "Ensure this value is greater than or equal to 0."

FALSE_POSITIVES: tuple[FalsePositive, ...] = (
    FalsePositive(
        id="list-customers-not-in-contract",
        operations=(CUSTOMERS,),
        checks=("unsupported_method", "allow_header_conformance"),
        reason=(
            "GET on the customers collection is list-customers, documented (API-NOTES 'Beyond "
            "the seeds') and served by the sandbox (so also in its Allow header), but not in "
            "the contract until wave 2 adds it"
        ),
        response=_list_customers,
    ),
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
        operations=(INVOICES, CUSTOMERS),
        checks=("positive_data_acceptance",),
        reason=(
            "amounts are integer cents of a charge, quantities count units, payment terms count "
            "days: the sandbox refuses negatives, which the contract does not rule out"
        ),
        field=r"(line_items\[\d+\]\.(quantity|unit_price|discount_amount"
        r"|sales_taxes\[\d+\]\.(amount|discount_amount))|additional_discount|tips"
        r"|additional_sales_taxes\[\d+\]\.amount|additional_sales_taxes_total"
        r"|payment_terms_days)",
        message=_MONEY,
    ),
    FalsePositive(
        id="invoice-arithmetic",
        operations=(INVOICES,),
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
        operations=(INVOICES,),
        checks=("positive_data_acceptance",),
        reason=(
            "as Django REST framework does, text is trimmed, so a whitespace-only external_id "
            "is blank (the contract's minLength: 1 counts characters), and invoice_number is at "
            "most 100 characters (a sandbox limit; the contract sets none)"
        ),
        field="external_id|invoice_number",
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
        id="invoice-needs-a-customer",
        operations=(INVOICES,),
        checks=("positive_data_acceptance",),
        reason=(
            "an invoice is for a customer: customer_id must be one of the business's customers, "
            "or customer_external_id given (create-invoice.txt); a random UUID is schema-valid"
        ),
        field="customer_id",
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
    if check != "positive_data_acceptance":
        hits = [fp for fp in entries if fp.response is not None and fp.response(status, body)]
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
