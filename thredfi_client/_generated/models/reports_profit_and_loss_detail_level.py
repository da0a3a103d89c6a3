from enum import StrEnum


class ReportsProfitAndLossDetailLevel(StrEnum):
    DETAILED = "detailed"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
