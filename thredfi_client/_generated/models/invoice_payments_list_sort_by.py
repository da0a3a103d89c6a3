from enum import StrEnum


class InvoicePaymentsListSortBy(StrEnum):
    CREATED_AT = "created_at"
    PAYMENT_DATE = "payment_date"
    TOTAL_AMOUNT_CENTS = "total_amount_cents"

    def __str__(self) -> str:
        return str(self.value)
