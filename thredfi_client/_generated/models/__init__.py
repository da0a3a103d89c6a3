"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_account_type import AccountAccountType
from .account_create import AccountCreate
from .account_create_account_subtype import AccountCreateAccountSubtype
from .account_create_account_type import AccountCreateAccountType
from .account_hierarchy import AccountHierarchy
from .account_identifier import AccountIdentifier
from .account_node import AccountNode
from .account_node_children_item import AccountNodeChildrenItem
from .account_sub_accounts_item import AccountSubAccountsItem
from .account_summary import AccountSummary
from .account_summary_account_type import AccountSummaryAccountType
from .accounting_period import AccountingPeriod
from .additional_sales_tax import AdditionalSalesTax
from .additional_sales_tax_create import AdditionalSalesTaxCreate
from .aging_buckets import AgingBuckets
from .ap_aging import ApAging
from .ap_aging_group_by import ApAgingGroupBy
from .ar_aging import ArAging
from .ar_aging_group_by import ArAgingGroupBy
from .balance_sheet import BalanceSheet
from .balance_sheet_detail_level import BalanceSheetDetailLevel
from .balance_sheet_summary import BalanceSheetSummary
from .bank_account import BankAccount
from .bank_account_summary import BankAccountSummary
from .bank_accounts_list_bank_link_status import BankAccountsListBankLinkStatus
from .bank_transaction import BankTransaction
from .bank_transaction_direction import BankTransactionDirection
from .bank_transaction_reconciliations_type_0_item import BankTransactionReconciliationsType0Item
from .bank_transactions_list_direction import BankTransactionsListDirection
from .bank_transactions_list_transaction_type import BankTransactionsListTransactionType
from .bill import Bill
from .bill_create import BillCreate
from .bill_document_upload import BillDocumentUpload
from .bill_line_item import BillLineItem
from .bill_line_item_create import BillLineItemCreate
from .bill_line_item_create_sales_taxes_item import BillLineItemCreateSalesTaxesItem
from .bill_payment import BillPayment
from .bill_payment_allocation import BillPaymentAllocation
from .bill_payment_allocation_create import BillPaymentAllocationCreate
from .bill_payment_allocation_summary import BillPaymentAllocationSummary
from .bill_payment_cancellation import BillPaymentCancellation
from .bill_payment_create import BillPaymentCreate
from .bill_payment_create_payment_method import BillPaymentCreatePaymentMethod
from .bill_payment_summary import BillPaymentSummary
from .bill_payment_update import BillPaymentUpdate
from .bill_payment_update_status import BillPaymentUpdateStatus
from .bill_payments_list_status import BillPaymentsListStatus
from .bill_update import BillUpdate
from .business import Business
from .business_create import BusinessCreate
from .business_create_accounting_method import BusinessCreateAccountingMethod
from .business_create_meta import BusinessCreateMeta
from .business_token import BusinessToken
from .business_update import BusinessUpdate
from .business_update_accounting_method import BusinessUpdateAccountingMethod
from .cash_flow_statement import CashFlowStatement
from .cash_flow_statement_detail_level import CashFlowStatementDetailLevel
from .cash_flow_summary import CashFlowSummary
from .cash_reconciliation import CashReconciliation
from .child_account_create import ChildAccountCreate
from .credit_allocation import CreditAllocation
from .customer import Customer
from .customer_aging import CustomerAging
from .customer_create import CustomerCreate
from .customer_create_status import CustomerCreateStatus
from .customer_credit import CustomerCredit
from .customer_credit_allocation import CustomerCreditAllocation
from .customer_credit_allocation_create import CustomerCreditAllocationCreate
from .customer_credit_create import CustomerCreditCreate
from .customer_credit_create_tags_item import CustomerCreditCreateTagsItem
from .customer_credit_customer import CustomerCreditCustomer
from .customer_credit_document_upload import CustomerCreditDocumentUpload
from .customer_credit_line_item import CustomerCreditLineItem
from .customer_credit_line_item_create import CustomerCreditLineItemCreate
from .customer_credit_line_item_create_metadata import CustomerCreditLineItemCreateMetadata
from .customer_credit_line_item_create_tags_item import CustomerCreditLineItemCreateTagsItem
from .customer_credit_tags_item import CustomerCreditTagsItem
from .customer_document_upload import CustomerDocumentUpload
from .document_file_url import DocumentFileUrl
from .error_response import ErrorResponse
from .error_response_detail import ErrorResponseDetail
from .financial_summary import FinancialSummary
from .financial_summary_granularity import FinancialSummaryGranularity
from .financial_summary_totals import FinancialSummaryTotals
from .financial_trend import FinancialTrend
from .insights_ap_aging_group_by import InsightsApAgingGroupBy
from .insights_ar_aging_group_by import InsightsArAgingGroupBy
from .insights_financial_summary_granularity import InsightsFinancialSummaryGranularity
from .invoice import Invoice
from .invoice_create import InvoiceCreate
from .invoice_create_invoice_type import InvoiceCreateInvoiceType
from .invoice_document_upload import InvoiceDocumentUpload
from .invoice_line_item import InvoiceLineItem
from .invoice_line_item_create import InvoiceLineItemCreate
from .invoice_payment import InvoicePayment
from .invoice_payment_allocation import InvoicePaymentAllocation
from .invoice_payment_cancellation import InvoicePaymentCancellation
from .invoice_payment_create import InvoicePaymentCreate
from .invoice_payment_create_metadata import InvoicePaymentCreateMetadata
from .invoice_payment_create_references import InvoicePaymentCreateReferences
from .invoice_payment_envelope import InvoicePaymentEnvelope
from .invoice_payment_metadata import InvoicePaymentMetadata
from .invoice_payment_status import InvoicePaymentStatus
from .invoice_payment_update import InvoicePaymentUpdate
from .invoice_payment_update_metadata import InvoicePaymentUpdateMetadata
from .invoice_payment_update_references import InvoicePaymentUpdateReferences
from .invoice_payment_update_status import InvoicePaymentUpdateStatus
from .invoice_payments_list_sort_by import InvoicePaymentsListSortBy
from .invoice_payments_list_sort_order import InvoicePaymentsListSortOrder
from .invoice_payments_list_status import InvoicePaymentsListStatus
from .invoice_status import InvoiceStatus
from .invoice_status_filter import InvoiceStatusFilter
from .invoice_type import InvoiceType
from .invoice_update import InvoiceUpdate
from .invoice_update_invoice_type import InvoiceUpdateInvoiceType
from .invoice_void import InvoiceVoid
from .journal_entry import JournalEntry
from .journal_entry_created_by import JournalEntryCreatedBy
from .journal_entry_line import JournalEntryLine
from .journal_entry_status import JournalEntryStatus
from .journal_entry_summary import JournalEntrySummary
from .operating_activities import OperatingActivities
from .page_info import PageInfo
from .paginated_account_list import PaginatedAccountList
from .paginated_bank_account_summary_list import PaginatedBankAccountSummaryList
from .paginated_bank_transaction_list import PaginatedBankTransactionList
from .paginated_bill_list import PaginatedBillList
from .paginated_bill_payment_summary_list import PaginatedBillPaymentSummaryList
from .paginated_business_list import PaginatedBusinessList
from .paginated_customer_credit_list import PaginatedCustomerCreditList
from .paginated_customer_list import PaginatedCustomerList
from .paginated_invoice_list import PaginatedInvoiceList
from .paginated_invoice_payment_list import PaginatedInvoicePaymentList
from .paginated_journal_entry_summary_list import PaginatedJournalEntrySummaryList
from .paginated_refund_list import PaginatedRefundList
from .paginated_refund_payment_list import PaginatedRefundPaymentList
from .paginated_vendor_credit_list import PaginatedVendorCreditList
from .paginated_vendor_list import PaginatedVendorList
from .paginated_vendor_refund_list import PaginatedVendorRefundList
from .paginated_vendor_refund_payment_list import PaginatedVendorRefundPaymentList
from .partner_token import PartnerToken
from .partner_token_request import PartnerTokenRequest
from .partner_token_request_grant_type import PartnerTokenRequestGrantType
from .payment_allocation import PaymentAllocation
from .payment_allocation_create import PaymentAllocationCreate
from .profit_and_loss import ProfitAndLoss
from .profit_and_loss_detail_level import ProfitAndLossDetailLevel
from .profit_and_loss_summary import ProfitAndLossSummary
from .reconciled_bank_transaction import ReconciledBankTransaction
from .refund import Refund
from .refund_allocation import RefundAllocation
from .refund_create import RefundCreate
from .refund_document_upload import RefundDocumentUpload
from .refund_invoice_allocation import RefundInvoiceAllocation
from .refund_payment import RefundPayment
from .refund_payment_create import RefundPaymentCreate
from .refund_refund_payments_item import RefundRefundPaymentsItem
from .report_line_item import ReportLineItem
from .report_section import ReportSection
from .reports_balance_sheet_detail_level import ReportsBalanceSheetDetailLevel
from .reports_cash_flow_detail_level import ReportsCashFlowDetailLevel
from .reports_profit_and_loss_detail_level import ReportsProfitAndLossDetailLevel
from .sales_tax_create import SalesTaxCreate
from .transaction_category import TransactionCategory
from .transaction_category_parent import TransactionCategoryParent
from .updated_business import UpdatedBusiness
from .updated_business_accounting_method import UpdatedBusinessAccountingMethod
from .validation_error_response import ValidationErrorResponse
from .validation_error_response_detail import ValidationErrorResponseDetail
from .vendor import Vendor
from .vendor_aging import VendorAging
from .vendor_create import VendorCreate
from .vendor_credit import VendorCredit
from .vendor_credit_allocation import VendorCreditAllocation
from .vendor_credit_allocation_create import VendorCreditAllocationCreate
from .vendor_credit_create import VendorCreditCreate
from .vendor_credit_create_tags_item import VendorCreditCreateTagsItem
from .vendor_credit_document_upload import VendorCreditDocumentUpload
from .vendor_credit_line_item import VendorCreditLineItem
from .vendor_credit_line_item_create import VendorCreditLineItemCreate
from .vendor_credit_tags_item import VendorCreditTagsItem
from .vendor_document_upload import VendorDocumentUpload
from .vendor_refund import VendorRefund
from .vendor_refund_allocation import VendorRefundAllocation
from .vendor_refund_allocation_create import VendorRefundAllocationCreate
from .vendor_refund_allocation_create_allocation_type import (
    VendorRefundAllocationCreateAllocationType,
)
from .vendor_refund_allocation_link import VendorRefundAllocationLink
from .vendor_refund_create import VendorRefundCreate
from .vendor_refund_create_refund_type import VendorRefundCreateRefundType
from .vendor_refund_document_upload import VendorRefundDocumentUpload
from .vendor_refund_payment import VendorRefundPayment
from .vendor_refund_payment_cancellation import VendorRefundPaymentCancellation
from .vendor_refund_payment_create import VendorRefundPaymentCreate
from .vendor_refund_payment_create_refund_type import VendorRefundPaymentCreateRefundType
from .vendor_refund_payment_created import VendorRefundPaymentCreated
from .vendor_refund_payment_line import VendorRefundPaymentLine
from .vendor_refund_payment_line_create import VendorRefundPaymentLineCreate
from .vendor_refund_update import VendorRefundUpdate
from .vendor_summary import VendorSummary
from .write_off import WriteOff

__all__ = (
    "Account",
    "AccountAccountType",
    "AccountCreate",
    "AccountCreateAccountSubtype",
    "AccountCreateAccountType",
    "AccountHierarchy",
    "AccountIdentifier",
    "AccountingPeriod",
    "AccountNode",
    "AccountNodeChildrenItem",
    "AccountSubAccountsItem",
    "AccountSummary",
    "AccountSummaryAccountType",
    "AdditionalSalesTax",
    "AdditionalSalesTaxCreate",
    "AgingBuckets",
    "ApAging",
    "ApAgingGroupBy",
    "ArAging",
    "ArAgingGroupBy",
    "BalanceSheet",
    "BalanceSheetDetailLevel",
    "BalanceSheetSummary",
    "BankAccount",
    "BankAccountsListBankLinkStatus",
    "BankAccountSummary",
    "BankTransaction",
    "BankTransactionDirection",
    "BankTransactionReconciliationsType0Item",
    "BankTransactionsListDirection",
    "BankTransactionsListTransactionType",
    "Bill",
    "BillCreate",
    "BillDocumentUpload",
    "BillLineItem",
    "BillLineItemCreate",
    "BillLineItemCreateSalesTaxesItem",
    "BillPayment",
    "BillPaymentAllocation",
    "BillPaymentAllocationCreate",
    "BillPaymentAllocationSummary",
    "BillPaymentCancellation",
    "BillPaymentCreate",
    "BillPaymentCreatePaymentMethod",
    "BillPaymentsListStatus",
    "BillPaymentSummary",
    "BillPaymentUpdate",
    "BillPaymentUpdateStatus",
    "BillUpdate",
    "Business",
    "BusinessCreate",
    "BusinessCreateAccountingMethod",
    "BusinessCreateMeta",
    "BusinessToken",
    "BusinessUpdate",
    "BusinessUpdateAccountingMethod",
    "CashFlowStatement",
    "CashFlowStatementDetailLevel",
    "CashFlowSummary",
    "CashReconciliation",
    "ChildAccountCreate",
    "CreditAllocation",
    "Customer",
    "CustomerAging",
    "CustomerCreate",
    "CustomerCreateStatus",
    "CustomerCredit",
    "CustomerCreditAllocation",
    "CustomerCreditAllocationCreate",
    "CustomerCreditCreate",
    "CustomerCreditCreateTagsItem",
    "CustomerCreditCustomer",
    "CustomerCreditDocumentUpload",
    "CustomerCreditLineItem",
    "CustomerCreditLineItemCreate",
    "CustomerCreditLineItemCreateMetadata",
    "CustomerCreditLineItemCreateTagsItem",
    "CustomerCreditTagsItem",
    "CustomerDocumentUpload",
    "DocumentFileUrl",
    "ErrorResponse",
    "ErrorResponseDetail",
    "FinancialSummary",
    "FinancialSummaryGranularity",
    "FinancialSummaryTotals",
    "FinancialTrend",
    "InsightsApAgingGroupBy",
    "InsightsArAgingGroupBy",
    "InsightsFinancialSummaryGranularity",
    "Invoice",
    "InvoiceCreate",
    "InvoiceCreateInvoiceType",
    "InvoiceDocumentUpload",
    "InvoiceLineItem",
    "InvoiceLineItemCreate",
    "InvoicePayment",
    "InvoicePaymentAllocation",
    "InvoicePaymentCancellation",
    "InvoicePaymentCreate",
    "InvoicePaymentCreateMetadata",
    "InvoicePaymentCreateReferences",
    "InvoicePaymentEnvelope",
    "InvoicePaymentMetadata",
    "InvoicePaymentsListSortBy",
    "InvoicePaymentsListSortOrder",
    "InvoicePaymentsListStatus",
    "InvoicePaymentStatus",
    "InvoicePaymentUpdate",
    "InvoicePaymentUpdateMetadata",
    "InvoicePaymentUpdateReferences",
    "InvoicePaymentUpdateStatus",
    "InvoiceStatus",
    "InvoiceStatusFilter",
    "InvoiceType",
    "InvoiceUpdate",
    "InvoiceUpdateInvoiceType",
    "InvoiceVoid",
    "JournalEntry",
    "JournalEntryCreatedBy",
    "JournalEntryLine",
    "JournalEntryStatus",
    "JournalEntrySummary",
    "OperatingActivities",
    "PageInfo",
    "PaginatedAccountList",
    "PaginatedBankAccountSummaryList",
    "PaginatedBankTransactionList",
    "PaginatedBillList",
    "PaginatedBillPaymentSummaryList",
    "PaginatedBusinessList",
    "PaginatedCustomerCreditList",
    "PaginatedCustomerList",
    "PaginatedInvoiceList",
    "PaginatedInvoicePaymentList",
    "PaginatedJournalEntrySummaryList",
    "PaginatedRefundList",
    "PaginatedRefundPaymentList",
    "PaginatedVendorCreditList",
    "PaginatedVendorList",
    "PaginatedVendorRefundList",
    "PaginatedVendorRefundPaymentList",
    "PartnerToken",
    "PartnerTokenRequest",
    "PartnerTokenRequestGrantType",
    "PaymentAllocation",
    "PaymentAllocationCreate",
    "ProfitAndLoss",
    "ProfitAndLossDetailLevel",
    "ProfitAndLossSummary",
    "ReconciledBankTransaction",
    "Refund",
    "RefundAllocation",
    "RefundCreate",
    "RefundDocumentUpload",
    "RefundInvoiceAllocation",
    "RefundPayment",
    "RefundPaymentCreate",
    "RefundRefundPaymentsItem",
    "ReportLineItem",
    "ReportsBalanceSheetDetailLevel",
    "ReportsCashFlowDetailLevel",
    "ReportSection",
    "ReportsProfitAndLossDetailLevel",
    "SalesTaxCreate",
    "TransactionCategory",
    "TransactionCategoryParent",
    "UpdatedBusiness",
    "UpdatedBusinessAccountingMethod",
    "ValidationErrorResponse",
    "ValidationErrorResponseDetail",
    "Vendor",
    "VendorAging",
    "VendorCreate",
    "VendorCredit",
    "VendorCreditAllocation",
    "VendorCreditAllocationCreate",
    "VendorCreditCreate",
    "VendorCreditCreateTagsItem",
    "VendorCreditDocumentUpload",
    "VendorCreditLineItem",
    "VendorCreditLineItemCreate",
    "VendorCreditTagsItem",
    "VendorDocumentUpload",
    "VendorRefund",
    "VendorRefundAllocation",
    "VendorRefundAllocationCreate",
    "VendorRefundAllocationCreateAllocationType",
    "VendorRefundAllocationLink",
    "VendorRefundCreate",
    "VendorRefundCreateRefundType",
    "VendorRefundDocumentUpload",
    "VendorRefundPayment",
    "VendorRefundPaymentCancellation",
    "VendorRefundPaymentCreate",
    "VendorRefundPaymentCreated",
    "VendorRefundPaymentCreateRefundType",
    "VendorRefundPaymentLine",
    "VendorRefundPaymentLineCreate",
    "VendorRefundUpdate",
    "VendorSummary",
    "WriteOff",
)
