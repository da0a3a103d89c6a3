"""The payables' and the chart's rules in the sandbox (docs/sandbox.md), through the SDK in
process; every response is checked against the contract (conftest)."""

from __future__ import annotations

import datetime

import pytest

from thredfi_client import BadRequestError, ConflictError, ThredfiClient
from thredfi_client.testing import Sandbox

PAID_ON = datetime.date(2025, 3, 20)
SCHEDULED_ON = datetime.date(2099, 1, 1)


async def test_bill_payments_replay_their_key_and_move_only_along_the_transitions(
    thredfi_client: ThredfiClient, thredfi_sandbox: Sandbox
) -> None:
    client, bid = thredfi_client, thredfi_sandbox.business_id
    bill = await client.bills.create(
        bid,
        external_id="bill-1",
        vendor_external_id="acme",  # an unknown vendor is created
        line_items=[{"quantity": 1, "unit_price": 8000}],
    )
    fields = {
        "vendor_id": bill.vendor.id,
        "amount_cents": 8000,
        "payment_method": "bank_transfer",
        "payment_date": PAID_ON,
        "allocations": [{"bill_id": bill.id, "amount_cents": 8000}],
    }
    first = await client.bill_payments.with_raw_response.create(
        bid, body=fields, idempotency_key="pay-1"
    )
    again = await client.bill_payments.with_raw_response.create(
        bid, body=fields, idempotency_key="pay-1"
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.parsed.id == first.parsed.id
    assert len([p async for p in client.bill_payments.list(bid)]) == 1  # recorded once
    paid = first.parsed
    with pytest.raises(ConflictError):  # completed -> pending is not a transition
        await client.bill_payments.update(bid, paid.id, status="pending")
    returned = await client.bill_payments.update(bid, paid.id, status="returned")
    assert returned.status == "returned"
    reopened = await client.bills.get(bid, bill.id)
    assert (reopened.status, reopened.outstanding_balance) == ("open", 8000)
    with pytest.raises(ConflictError):  # returned is final
        await client.bill_payments.update(bid, paid.id, status="completed")
    with pytest.raises(BadRequestError):  # more than the bill owes
        await client.bill_payments.create(
            bid,
            body={
                **fields,
                "amount_cents": 9000,
                "allocations": [{"bill_id": bill.id, "amount_cents": 9000}],
            },
        )


async def test_a_scheduled_vendor_refund_payment_is_cancelled_with_its_refund(
    thredfi_client: ThredfiClient, thredfi_sandbox: Sandbox
) -> None:
    client, bid = thredfi_client, thredfi_sandbox.business_id
    vendor = await client.vendors.create(bid, external_id="acme", company_name="Acme")
    bill = await client.bills.create(
        bid,
        external_id="bill-1",
        vendor_id=vendor.id,
        line_items=[{"quantity": 1, "unit_price": 5000}],
    )
    await client.bill_payments.create(
        bid,
        vendor_id=vendor.id,
        amount_cents=5000,
        payment_method="cash",
        payment_date=PAID_ON,
        allocations=[{"bill_id": bill.id, "amount_cents": 5000}],
    )
    allocation = {"allocation_type": "bill", "bill_id": bill.id, "amount_cents": 2000}
    later = await client.vendor_refund_payments.create(
        bid,
        vendor_id=vendor.id,
        total_amount_cents=2000,
        refund_date=SCHEDULED_ON,
        allocations=[allocation],
    )
    assert later.payment.status == "pending"
    assert (await client.bills.get(bid, bill.id)).outstanding_balance == 2000  # reopened
    await client.vendor_refund_payments.cancel(bid, later.payment.id)
    assert (await client.bills.get(bid, bill.id)).outstanding_balance == 0
    now = await client.vendor_refund_payments.create(
        bid,
        vendor_id=vendor.id,
        total_amount_cents=2000,
        refund_date=PAID_ON,
        allocations=[allocation],
    )
    with pytest.raises(ConflictError):  # completed: it stays
        await client.vendor_refund_payments.cancel(bid, now.payment.id)
    entries = [e async for e in client.journal_entries.list(bid)]
    # bill, payment, the scheduled refund and its reversal, the refund received
    assert [e.source_type for e in entries] == [
        "bill",
        "bill_payment",
        "vendor_refund",
        "vendor_refund",
        "vendor_refund",
    ]


async def test_the_chart_finds_accounts_by_code_and_external_id_and_replays_creates(
    thredfi_client: ThredfiClient, thredfi_sandbox: Sandbox
) -> None:
    client, bid = thredfi_client, thredfi_sandbox.business_id
    codes = [a.code async for a in client.accounts.list(bid)]
    assert codes == [
        "1000",
        "1100",
        "1300",
        "2000",
        "2100",
        "2200",
        "3000",
        "3100",
        "4000",
        "5000",
        "6000",
        "6100",
    ]
    made = await client.accounts.with_raw_response.create(
        bid,
        code="1010",
        name="Savings",
        account_type="asset",
        external_id="acc-savings",
        parent_id="1000",
    )
    replay = await client.accounts.with_raw_response.create(
        bid, code="1010", name="Savings", account_type="asset", external_id="acc-savings"
    )
    assert (made.status_code, replay.status_code) == (201, 200)
    assert (await client.accounts.get(bid, "acc-savings")).id == made.parsed.id
    assert (await client.accounts.get(bid, "1010")).parent_account_code == "1000"
    with pytest.raises(BadRequestError):  # the code is taken
        await client.accounts.create(bid, code="1010", name="Other", account_type="asset")
    child = await client.accounts.create_child(bid, "acc-savings", code="1011", name="Petty")
    assert (child.account_type, child.hierarchy_level) == ("asset", 2)
    tree = await client.accounts.hierarchy(bid)
    assert tree.total_accounts == 14
    cash = next(node for node in tree.hierarchy if node.code == "1000")
    assert [c["code"] for c in cash.children] == ["1010"]
