"""Canned, contract-valid JSON bodies for the benchmarks."""

from __future__ import annotations

import json
from typing import Any

PARTNER_ID = "6f1c2f0e-3c57-4a7e-9d7e-2b8f4e0c1a11"
API_KEY = "sk_bench_not_a_secret"
BUSINESS_ID = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
CUSTOMER_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
TOKEN = "bench-token-0123456789"


def token_json() -> bytes:
    return json.dumps({"access_token": TOKEN, "token_type": "Bearer", "expires_in": 3600}).encode()


def customer() -> dict[str, Any]:
    return {
        "type": "CustomerData",
        "id": CUSTOMER_ID,
        "external_id": "crm-42",
        "reference_number": "C-0042",
        "individual_name": "Ada Lovelace",
        "company_name": "Analytical Engines Ltd",
        "display_name": "Analytical Engines Ltd",
        "email": "ada@example.com",
        "mobile_phone": "+44 7700 900123",
        "office_phone": None,
        "address_line1": "12 St James's Square",
        "address_line2": None,
        "city": "London",
        "state_county": None,
        "postal_code": "SW1Y 4JH",
        "country": "GB",
        "full_address": "12 St James's Square\nLondon\nSW1Y 4JH\nGB",
        "address_string": "12 St James's Square, London, SW1Y 4JH, GB",
        "vat_number": "GB123456789",
        "tax_exempt": False,
        "status": "ACTIVE",
        "is_active": True,
        "is_archived": False,
        "transaction_tags": ["wholesale"],
        "notes": None,
        "metadata": {"source": "bench"},
        "payment_terms_days": 30,
        "credit_limit": 500000,
        "credit_limit_cents": 500000,
        "outstanding_balance": 0,
        "documents": [],
        "created_at": "2024-05-06T07:08:09Z",
        "updated_at": "2024-05-06T07:08:09Z",
        "archived_at": None,
    }


def customer_json() -> bytes:
    return json.dumps(customer()).encode()


def invoice_json(line_items: int = 200) -> bytes:
    """An invoice with ``line_items`` lines, each with every field set."""
    lines = [
        {
            "id": f"00000000-0000-4000-8000-{index:012d}",
            "invoice_id": "11111111-1111-4111-8111-111111111111",
            "account_identifier": {  # ten ledger accounts across the lines
                "id": f"22222222-2222-4222-8222-{index % 10:012d}",
                "type": "AccountId",
            },
            "description": f"Widget #{index}",
            "unit_price": 1250,
            "quantity": 2,
            "subtotal": 2500,
            "discount_amount": 0,
            "sales_taxes_total": 500,
            "total_amount": 3000,
            "external_id": f"line-{index}",
            "product": "WIDGET",
        }
        for index in range(line_items)
    ]
    invoice = {
        "type": "Invoice",
        "id": "11111111-1111-4111-8111-111111111111",
        "business_id": BUSINESS_ID,
        "status": "SENT",
        "sent_at": "2024-05-06T07:08:09Z",
        "due_at": "2024-06-05T07:08:09Z",
        "paid_at": None,
        "voided_at": None,
        "is_overdue": False,
        "invoice_number": "INV-0001",
        "invoice_type": "invoice",
        "currency": "GBP",
        "customer": customer(),
        "line_items": lines,
        "subtotal": 2500 * line_items,
        "additional_discount": 0,
        "additional_sales_taxes": [],
        "additional_sales_taxes_total": 0,
        "tips": 0,
        "tips_account": None,
        "total_amount": 3000 * line_items,
        "outstanding_balance": 3000 * line_items,
        "payment_allocations": [],
        "credit_allocations": [],
        "refund_allocations": [],
        "write_offs": [],
        "document": None,
        "imported_at": "2024-05-06T07:08:10Z",
        "updated_at": "2024-05-06T07:08:10Z",
        "external_id": "inv-0001",
        "memo": None,
    }
    return json.dumps(invoice).encode()


#: Invoices the pagination benchmark lists (1,000: ten pages of 100).
LISTED_INVOICES = 1000


def invoice_page_json(page: int, page_size: int, total: int = LISTED_INVOICES) -> bytes:
    """One page of the invoice list (``page_info`` envelope): invoices with three lines each,
    every one with its own id (as a real list has; the pager recognises a repeated page by
    its ids)."""
    template = json.loads(invoice_json(3))
    start = (page - 1) * page_size
    results = []
    for number in range(start, min(start + page_size, total)):
        invoice = dict(template)
        invoice["id"] = f"33333333-3333-4333-8333-{number:012d}"
        invoice["invoice_number"] = f"INV-{number:06d}"
        results.append(invoice)
    info = {
        "total_count": total,
        "current_page": page,
        "total_pages": max(1, -(-total // page_size)),
        "page_size": page_size,
    }
    return json.dumps({"count": total, "page_info": info, "results": results}).encode()
