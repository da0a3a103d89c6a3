from enum import StrEnum


class CashFlowStatementDetailLevel(StrEnum):
    DETAILED = "detailed"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
