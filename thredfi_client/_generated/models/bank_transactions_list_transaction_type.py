from enum import StrEnum


class BankTransactionsListTransactionType(StrEnum):
    ATM_WITHDRAWAL = "atm_withdrawal"
    BACS = "bacs"
    BANK_TRANSFER = "bank_transfer"
    CARD_PAYMENT = "card_payment"
    CHAPS = "chaps"
    DIRECT_DEBIT = "direct_debit"
    FEE = "fee"
    FPS = "fps"
    INTEREST = "interest"
    OTHER = "other"
    SEPA_CREDIT = "sepa_credit"
    SEPA_DEBIT = "sepa_debit"
    SEPA_INSTANT = "sepa_instant"
    STANDING_ORDER = "standing_order"

    def __str__(self) -> str:
        return str(self.value)
