from enum import StrEnum


class InvoicePaymentUpdateStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"
    PENDING = "pending"
    PROCESSING = "processing"
    REFUNDED = "refunded"

    def __str__(self) -> str:
        return str(self.value)
