from enum import StrEnum


class InvoiceCreateInvoiceType(StrEnum):
    INVOICE = "invoice"
    RECEIPT = "receipt"

    def __str__(self) -> str:
        return str(self.value)
