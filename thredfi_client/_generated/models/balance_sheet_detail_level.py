from enum import StrEnum


class BalanceSheetDetailLevel(StrEnum):
    DETAILED = "detailed"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
