from enum import StrEnum


class JournalEntryCreatedBy(StrEnum):
    AI = "ai"
    IMPORT = "import"
    MANUAL = "manual"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
