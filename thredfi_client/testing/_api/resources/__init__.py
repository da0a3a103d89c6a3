"""The business rules of each resource, one module per resource, on top of the engine.

A resource the contract describes needs no module here: the engine serves it with the default
:class:`~..resource.Resource`. A module here holds only the rules the vendor documents for its
resource (each says where), plus the sandbox's own choices where the documentation is silent.
"""

from __future__ import annotations

from ..resource import Resource
from .accounts import AccountChildren, AccountHierarchy, Accounts
from .banking import BankAccounts, BankTransactions
from .bill_payments import BillPayments
from .bills import Bills
from .businesses import Businesses
from .customer_credits import CustomerCredits
from .customers import Customers
from .invoice_payments import InvoicePayments
from .invoices import Invoices
from .journal_entries import JournalEntries
from .refund_payments import RefundPayments
from .refunds import Refunds
from .reports import ApAging, ArAging, BalanceSheet, CashFlow, FinancialSummary, ProfitAndLoss
from .vendor_credits import VendorCredits
from .vendor_refund_payments import VendorRefundPayments
from .vendor_refunds import VendorRefunds
from .vendors import Vendors

__all__ = ["RULES"]

#: The resources with rules of their own, by their path in the contract.
RULES: dict[str, type[Resource]] = {
    "businesses": Businesses,
    "customers": Customers,
    "customer-credits": CustomerCredits,
    "invoices": Invoices,
    "invoices/payments": InvoicePayments,
    "invoices/refunds": Refunds,
    "invoices/refunds/payments": RefundPayments,
    "vendors": Vendors,
    "bills": Bills,
    "bills/payments": BillPayments,
    "vendor-credits": VendorCredits,
    "vendor-refunds": VendorRefunds,
    "vendor-refunds/payments": VendorRefundPayments,
    "general-ledger/chart-of-accounts": Accounts,
    "general-ledger/chart-of-accounts/children": AccountChildren,
    "general-ledger/chart-of-accounts/hierarchy": AccountHierarchy,
    "general-ledger/journal-entries": JournalEntries,
    "reports/profit-and-loss": ProfitAndLoss,
    "reports/balance-sheet": BalanceSheet,
    "reports/cash-flow": CashFlow,
    "insights/financial-summary": FinancialSummary,
    "insights/ar-aging": ArAging,
    "insights/ap-aging": ApAging,
    "bank-accounts": BankAccounts,
    "bank-transactions": BankTransactions,
}
