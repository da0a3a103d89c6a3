from enum import StrEnum


class InsightsArAgingGroupBy(StrEnum):
    CUSTOMER = "customer"
    TOTAL = "total"

    def __str__(self) -> str:
        return str(self.value)
