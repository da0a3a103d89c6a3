"""A partner's first day: create a business, then push its first customer and invoice and pay it.

The flow of the vendor's onboarding guide (docs/onboarding.md walks through it): the business is
created with the partner token; a client with ``token_scope="business"`` then works inside it,
exchanging the partner token for a token of the new business on its first call, with no code of
its own. Run it against the local sandbox (``python -m thredfi_client.testing serve`` prints the
THREDFI_* settings to export) or any Thredfi API whose credentials are in THREDFI_*.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime

from thredfi_client import ThredfiClient


async def main() -> None:
    suffix = uuid.uuid4().hex[:8]  # fresh external ids, so every run onboards a new business
    # Business management is partner-level: these calls carry the partner token whatever the
    # client's token_scope, so one client serves both halves of the flow.
    async with ThredfiClient(token_scope="business") as client:
        created = await client.businesses.with_raw_response.create(
            external_id=f"user-{suffix}",  # your own id for the business: the idempotency key
            legal_name="Acme Solutions B.V.",
            entity_type="bv",
            email="accounting@acme.example",
            country="NL",
            base_currency="EUR",
        )
        business = created.parsed
        print(
            f"1. Created business {business.legal_name} ({business.id}): HTTP {created.status_code}"
        )

        again = await client.businesses.with_raw_response.create(
            external_id=f"user-{suffix}",
            legal_name="Acme Solutions B.V.",
            entity_type="bv",
            email="accounting@acme.example",
        )
        same = "the same business" if again.parsed.id == business.id else "a NEW business?!"
        print(f"2. Repeated the create: HTTP {again.status_code} ({same})")

        # From here on the calls are inside the business: each carries a token of that business,
        # exchanged once on the first of them and cached for its lifetime.
        customer = await client.customers.create(
            business_id=business.id,
            company_name="Bakery Jansen",
            email="ap@jansen.example",
            external_id=f"cust-{suffix}",
        )
        print(f"3. Created customer {customer.display_name} ({customer.id})")

        invoice = await client.invoices.create(
            business_id=business.id,
            external_id=f"inv-{suffix}",
            customer_id=customer.id,
            sent_at=datetime.now(UTC),
            line_items=[{"description": "Bread subscription", "quantity": 4, "unit_price": 2500}],
        )
        print(
            f"4. Created invoice {invoice.invoice_number}: {invoice.status}, "
            f"outstanding {invoice.outstanding_balance} cents"
        )

        total = invoice.total_amount
        assert isinstance(total, int)
        payment = await client.invoice_payments.create(
            business_id=business.id,
            customer_id=customer.id,
            total_amount_cents=total,
            payment_date=date.today(),
            payment_method="bank_transfer",
            allocations=[{"invoice_id": invoice.id, "amount_cents": total}],
        )
        paid = await client.invoices.get(business_id=business.id, invoice_id=invoice.id)
        print(
            f"5. Recorded payment {payment.id} ({payment.status}): invoice "
            f"{paid.invoice_number} is {paid.status}, outstanding {paid.outstanding_balance}"
        )

        updated = await client.businesses.update(
            business_id=business.id, phone_number="+31 20 123 4567"
        )
        print(
            f"6. Updated the business's phone number (only that field sent): {updated.phone_number}"
        )

        mine = [b.legal_name async for b in client.businesses.list(country="NL")]
        print(f"7. The partner's businesses in NL, every page: {len(mine)}")


if __name__ == "__main__":
    asyncio.run(main())
