from enum import StrEnum


class ProfitAndLossDetailLevel(StrEnum):
    DETAILED = "detailed"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
