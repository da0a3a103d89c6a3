from enum import StrEnum


class InvoiceType(StrEnum):
    INVOICE = "invoice"
    RECEIPT = "receipt"

    def __str__(self) -> str:
        return str(self.value)
