"""Quickstart: one tour of the SDK against a Thredfi API (by default the local sandbox).

Run it with ``./scripts/quickstart``, which starts the sandbox on 127.0.0.1 and sets
THREDFI_PARTNER_ID, THREDFI_API_KEY, THREDFI_BASE_URL and THREDFI_BUSINESS_ID.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from datetime import UTC, date, datetime

from thredfi_client import NotFoundError, ThredfiClient


def money(cents: object) -> str:
    # Line-item fields are optional in the contract, hence the check.
    return f"£{cents / 100:,.2f}" if isinstance(cents, int) else "-"


async def main() -> None:
    business_id = os.environ["THREDFI_BUSINESS_ID"]
    suffix = uuid.uuid4().hex[:8]  # fresh external ids, so every run creates new records
    async with ThredfiClient() as client:  # credentials and base URL from $THREDFI_*
        print(f"Thredfi API at {client.base_url} (transport: {client.transport_name})")

        token = await client.tokens.get_partner_token(
            body={"grant_type": "client_credentials", "client_id": os.environ["THREDFI_PARTNER_ID"]}
        )
        print(f"1. Obtained a partner token ({token.token_type}, expires in {token.expires_in} s)")

        created = await client.customers.with_raw_response.create(
            business_id=business_id,
            company_name="Acme Ltd",
            email="ap@acme.test",
            country="GB",
            vat_number="GB123456789",
            external_id=f"cust-{suffix}",
        )
        customer = created.parsed
        print(f"2. Created customer {customer.display_name} ({customer.id}):", end=" ")
        print(f"HTTP {created.status_code}")

        again = await client.customers.with_raw_response.create(
            business_id=business_id, company_name="Acme Ltd", external_id=f"cust-{suffix}"
        )
        replay = "idempotent replay" if again.status_code == 200 else "NEW record?!"
        same = "same customer" if again.parsed.id == customer.id else "a different customer"
        print(f"3. Repeated the create: HTTP {again.status_code} ({replay}, {same})")

        invoice = await client.invoices.create(
            business_id=business_id,
            external_id=f"inv-{suffix}",
            customer_id=customer.id,
            sent_at=datetime.now(UTC),
            line_items=[
                {
                    "description": "Consulting",
                    "quantity": 2,
                    "unit_price": 15000,
                    "sales_taxes": [{"amount": 6000}],
                },
                {
                    "description": "Travel",
                    "quantity": 1,
                    "unit_price": 4500,
                    "discount_amount": 500,
                },
            ],
            additional_discount=1000,
        )
        print(
            f"4. Created invoice {invoice.invoice_number} ({invoice.status}), due "
            f"{invoice.due_at:%Y-%m-%d}:"
        )
        for line in invoice.line_items:
            print(
                f"     {line.description:<12} {line.quantity} x {money(line.unit_price)}"
                f"  discount {money(line.discount_amount)}  tax {money(line.sales_taxes_total)}"
                f"  = {money(line.total_amount)}"
            )
        print(
            f"     subtotal {money(invoice.subtotal)}, invoice discount "
            f"{money(invoice.additional_discount)}, total {money(invoice.total_amount)}, "
            f"outstanding {money(invoice.outstanding_balance)}"
        )

        # Two payments: part of the total, then the rest. Each call sends a fresh
        # Idempotency-Key, so a retry after a lost answer cannot record a payment twice.
        total = invoice.total_amount
        assert isinstance(total, int)
        for step, amount in (("5", total // 2), ("6", total - total // 2)):
            payment = await client.invoice_payments.create(
                business_id=business_id,
                customer_id=customer.id,
                total_amount_cents=amount,
                payment_date=date.today(),
                payment_method="bank_transfer",
                allocations=[{"invoice_id": invoice.id, "amount_cents": amount}],
            )
            now = await client.invoices.get(business_id=business_id, invoice_id=invoice.id)
            print(
                f"{step}. Recorded payment {money(payment.total_amount_cents)} "
                f"({payment.status}): invoice {now.invoice_number} is {now.status}, "
                f"outstanding {money(now.outstanding_balance)}"
            )

        paid = [i.invoice_number async for i in client.invoices.list(business_id, status=["paid"])]
        print(f"7. Paid invoices, every page: {', '.join(str(n) for n in paid)}")

        fetched = await client.customers.get(business_id=business_id, customer_id=customer.id)
        archived = await client.customers.archive(business_id=business_id, customer_id=customer.id)
        print(
            f"8. Fetched {fetched.display_name} ({fetched.status}); archived it: "
            f"{archived.status} at {archived.archived_at:%Y-%m-%d %H:%M:%S}"
        )

        try:
            await client.customers.get(business_id=business_id, customer_id=uuid.uuid4())
        except NotFoundError as exc:
            print(
                f"9. Caught NotFoundError: error_code={exc.error_code} request_id={exc.request_id}"
            )
        else:
            raise SystemExit("expected a NotFoundError for an unknown customer")


if __name__ == "__main__":
    asyncio.run(main())
