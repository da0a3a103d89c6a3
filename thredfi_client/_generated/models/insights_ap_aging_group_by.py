from enum import StrEnum


class InsightsApAgingGroupBy(StrEnum):
    TOTAL = "total"
    VENDOR = "vendor"

    def __str__(self) -> str:
        return str(self.value)
