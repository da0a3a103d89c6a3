"""Refund payments: paying out a refund (create_refund_payment, list_refund_payments,
delete_refund_payment; API-NOTES "Receivables, the rest").

* A payment pays out part of its refund: at most what is left of it (else 400).
* The refund moves through ``pending`` (nothing paid out), ``processing`` (part of it) and
  ``paid`` (all of it), shown as the refund's ``status``; deleting a payment moves it back.
* Creates replay by ``external_id`` (the engine).
"""

from __future__ import annotations

from typing import Any

from ..._validation import FieldErrors
from ..resource import Call, Resource
from .refunds import paid_out, refunds

__all__ = ["RefundPayments"]


class RefundPayments(Resource):
    """The refund payment rules (see the module)."""

    name = "refund_payments"

    def clean(self, call: Call, body: Any) -> tuple[dict[str, Any], FieldErrors]:
        cleaned, errors = super().clean(call, body)
        if call.op.kind == "create" and not errors:
            refund = refunds(call.store).get(call.parents["refund_id"])
            assert refund is not None
            left = refund.amount - paid_out(call.store, refund)
            if cleaned["amount_cents"] > left:
                message = f"More than is left to pay out on this refund ({left})."
                errors["amount_cents"] = [message]
        return cleaned, errors

    def create(self, call: Call, cleaned: dict[str, Any]) -> Any:
        given = {
            **cleaned,
            "refunded_amount": cleaned["amount_cents"],
            "refund_processing_fee": cleaned.get("refund_processing_fee_cents", 0),
            "completed_at": cleaned.get("completed_at"),
        }
        return super().create(call, given)
