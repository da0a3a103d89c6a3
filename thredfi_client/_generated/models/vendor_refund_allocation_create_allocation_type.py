from enum import StrEnum


class VendorRefundAllocationCreateAllocationType(StrEnum):
    BILL = "bill"
    BILL_PAYMENT = "bill_payment"

    def __str__(self) -> str:
        return str(self.value)
