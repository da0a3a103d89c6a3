from enum import StrEnum


class ReportsBalanceSheetDetailLevel(StrEnum):
    DETAILED = "detailed"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
