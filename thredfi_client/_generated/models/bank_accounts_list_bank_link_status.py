from enum import StrEnum


class BankAccountsListBankLinkStatus(StrEnum):
    ACTIVE = "active"
    ERROR = "error"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
