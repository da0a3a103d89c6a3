from enum import StrEnum


class BillPaymentCreatePaymentMethod(StrEnum):
    ACH = "ach"
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"
    CHECK = "check"
    CREDIT_CARD = "credit_card"
    OTHER = "other"
    WIRE = "wire"

    def __str__(self) -> str:
        return str(self.value)
