from enum import StrEnum


class InvoiceStatus(StrEnum):
    CANCELLED = "CANCELLED"
    DRAFT = "DRAFT"
    OVERDUE = "OVERDUE"
    PAID = "PAID"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    REFUNDED = "REFUNDED"
    SENT = "SENT"

    def __str__(self) -> str:
        return str(self.value)
