from enum import StrEnum


class InvoiceUpdateInvoiceType(StrEnum):
    INVOICE = "invoice"
    RECEIPT = "receipt"

    def __str__(self) -> str:
        return str(self.value)
