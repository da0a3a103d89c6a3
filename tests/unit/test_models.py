"""The generated models read what the live API sends (issue: tolerant models).

The examples in tests/fixtures/seed_examples/ are the vendor pages' example responses, verbatim.
Each test here depends on a correction in openapi/corrections.overlay.yaml or on the
generator's handling of unknown fields: remove the feature and the test fails.
"""

from __future__ import annotations

import copy
import datetime
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from thredfi_client.models import (
    Customer,
    DocumentFileUrl,
    Invoice,
    InvoiceStatus,
    InvoiceType,
)

EXAMPLES = Path(__file__).parent.parent / "fixtures" / "seed_examples"


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text())
    return data


def normalise(value: Any) -> Any:
    """Datetimes in canonical form, so wire JSON compares regardless of `Z` vs `+00:00`."""
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        return datetime.datetime.fromisoformat(value).isoformat()
    return value


@pytest.mark.parametrize("name", ["create_customer_201.json", "archive_customer_200.json"])
def test_seed_customer_examples_parse_and_round_trip(name: str) -> None:
    data = example(name)
    customer = Customer.from_dict(data)
    assert customer.id == uuid.UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    assert isinstance(customer.documents, list)
    assert isinstance(customer.documents[0], DocumentFileUrl)
    assert normalise(customer.to_dict()) == normalise(data)
    assert Customer.from_dict(customer.to_dict()) == customer


def test_seed_invoice_example_parses_and_round_trips() -> None:
    data = example("create_invoice_201.json")
    invoice = Invoice.from_dict(data)
    assert invoice.status is InvoiceStatus.SENT
    assert invoice.invoice_type is InvoiceType.INVOICE
    assert isinstance(invoice.customer, Customer)
    assert invoice.payment_allocations[0].payment_date == datetime.date(2023, 12, 25)
    assert normalise(invoice.to_dict()) == normalise(data)
    assert Invoice.from_dict(invoice.to_dict()) == invoice


def test_active_customer_with_nulls_parses() -> None:
    data = example("create_customer_201.json")
    data["archived_at"] = None
    # Fields a create may omit come back null (correction customer-optional-fields-nullable).
    for field in (
        "external_id",
        "individual_name",
        "vat_number",
        "payment_terms_days",
        "credit_limit",
        "credit_limit_cents",
        "email",
    ):
        data[field] = None
    del data["documents"]  # only present on retrieve (correction customer-documents-optional)
    customer = Customer.from_dict(data)
    assert customer.archived_at is None
    assert customer.credit_limit_cents is None
    assert Customer.from_dict(customer.to_dict()) == customer


def test_unpaid_invoice_without_document_parses() -> None:
    data = example("create_invoice_201.json")
    data["paid_at"] = None
    data["document"] = None
    data["customer"]["archived_at"] = None
    data["line_items"][0]["account_identifier"] = None
    data["line_items"][0]["product"] = None
    data["memo"] = None
    invoice = Invoice.from_dict(data)
    assert invoice.paid_at is None
    assert invoice.document is None
    assert invoice.line_items[0].account_identifier is None
    again = invoice.to_dict()
    assert again["paid_at"] is None
    assert again["document"] is None
    assert Invoice.from_dict(again) == invoice


def test_unknown_fields_are_kept_everywhere() -> None:
    data = example("create_invoice_201.json")
    data["dispute_reason"] = "late delivery"
    data["customer"]["loyalty_tier"] = "gold"
    data["line_items"][0]["unit"] = "hours"
    invoice = Invoice.from_dict(copy.deepcopy(data))
    assert invoice.additional_properties == {"dispute_reason": "late delivery"}
    assert invoice.customer.additional_properties == {"loyalty_tier": "gold"}
    assert invoice.line_items[0].additional_properties == {"unit": "hours"}
    assert invoice.to_dict()["dispute_reason"] == "late delivery"
    assert invoice.to_dict()["line_items"][0]["unit"] == "hours"


@pytest.mark.parametrize(
    ("field", "value"), [("status", "DISPUTED"), ("invoice_type", "credit_note")]
)
def test_unknown_enum_values_are_kept(field: str, value: str) -> None:
    data = example("create_invoice_201.json")
    data[field] = value
    invoice = Invoice.from_dict(data)
    assert getattr(invoice, field) == value
    assert not isinstance(getattr(invoice, field), InvoiceStatus | InvoiceType)
    assert invoice.to_dict()[field] == value
    assert Invoice.from_dict(invoice.to_dict()) == invoice


def test_known_enum_values_are_enums() -> None:
    for status in InvoiceStatus:
        data = example("create_invoice_201.json")
        data["status"] = status.value
        assert Invoice.from_dict(data).status is status
