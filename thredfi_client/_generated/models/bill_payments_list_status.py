from enum import StrEnum


class BillPaymentsListStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"
    PENDING = "pending"
    PROCESSING = "processing"
    RETURNED = "returned"

    def __str__(self) -> str:
        return str(self.value)
