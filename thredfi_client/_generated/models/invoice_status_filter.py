from enum import StrEnum


class InvoiceStatusFilter(StrEnum):
    CANCELLED = "cancelled"
    DRAFT = "draft"
    OVERDUE = "overdue"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    REFUNDED = "refunded"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
