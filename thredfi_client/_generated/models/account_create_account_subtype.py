from enum import StrEnum


class AccountCreateAccountSubtype(StrEnum):
    CURRENT_ASSETS = "current_assets"
    CURRENT_LIABILITIES = "current_liabilities"
    DIRECT_COSTS = "direct_costs"
    FINANCE_COSTS = "finance_costs"
    FINANCE_INCOME = "finance_income"
    INCOME_TAX = "income_tax"
    NON_CURRENT_ASSETS = "non_current_assets"
    NON_CURRENT_LIABILITIES = "non_current_liabilities"
    OPERATING_EXPENSES = "operating_expenses"
    OTHER_OPERATING_INCOME = "other_operating_income"
    RESERVES = "reserves"
    RETAINED_EARNINGS = "retained_earnings"
    REVENUE = "revenue"
    SHARE_CAPITAL = "share_capital"
    SHARE_PREMIUM = "share_premium"

    def __str__(self) -> str:
        return str(self.value)
