from enum import StrEnum


class VendorRefundPaymentCreateRefundType(StrEnum):
    BILLING_ERROR = "billing_error"
    CREDIT_BALANCE = "credit_balance"
    DISCOUNT = "discount"
    OTHER = "other"
    OVERPAYMENT = "overpayment"
    RETURN = "return"

    def __str__(self) -> str:
        return str(self.value)
