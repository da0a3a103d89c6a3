"""Contains all the data models used in inputs/outputs"""

from .account_identifier import AccountIdentifier
from .additional_sales_tax import AdditionalSalesTax
from .additional_sales_tax_create import AdditionalSalesTaxCreate
from .business_token import BusinessToken
from .credit_allocation import CreditAllocation
from .customer import Customer
from .customer_create import CustomerCreate
from .customer_create_status import CustomerCreateStatus
from .customer_document_upload import CustomerDocumentUpload
from .document_file_url import DocumentFileUrl
from .error_response import ErrorResponse
from .error_response_detail import ErrorResponseDetail
from .invoice import Invoice
from .invoice_create import InvoiceCreate
from .invoice_create_invoice_type import InvoiceCreateInvoiceType
from .invoice_document_upload import InvoiceDocumentUpload
from .invoice_line_item import InvoiceLineItem
from .invoice_line_item_create import InvoiceLineItemCreate
from .invoice_payment import InvoicePayment
from .invoice_payment_allocation import InvoicePaymentAllocation
from .invoice_payment_create import InvoicePaymentCreate
from .invoice_payment_create_metadata import InvoicePaymentCreateMetadata
from .invoice_payment_create_references import InvoicePaymentCreateReferences
from .invoice_payment_envelope import InvoicePaymentEnvelope
from .invoice_payment_metadata import InvoicePaymentMetadata
from .invoice_payment_status import InvoicePaymentStatus
from .invoice_payments_list_sort_by import InvoicePaymentsListSortBy
from .invoice_payments_list_sort_order import InvoicePaymentsListSortOrder
from .invoice_payments_list_status import InvoicePaymentsListStatus
from .invoice_status import InvoiceStatus
from .invoice_status_filter import InvoiceStatusFilter
from .invoice_type import InvoiceType
from .invoice_update import InvoiceUpdate
from .invoice_update_invoice_type import InvoiceUpdateInvoiceType
from .invoice_void import InvoiceVoid
from .page_info import PageInfo
from .paginated_customer_list import PaginatedCustomerList
from .paginated_invoice_list import PaginatedInvoiceList
from .paginated_invoice_payment_list import PaginatedInvoicePaymentList
from .partner_token import PartnerToken
from .partner_token_request import PartnerTokenRequest
from .partner_token_request_grant_type import PartnerTokenRequestGrantType
from .payment_allocation import PaymentAllocation
from .payment_allocation_create import PaymentAllocationCreate
from .refund import Refund
from .refund_allocation import RefundAllocation
from .refund_create import RefundCreate
from .refund_document_upload import RefundDocumentUpload
from .refund_invoice_allocation import RefundInvoiceAllocation
from .refund_refund_payments_item import RefundRefundPaymentsItem
from .sales_tax_create import SalesTaxCreate
from .validation_error_response import ValidationErrorResponse
from .validation_error_response_detail import ValidationErrorResponseDetail
from .write_off import WriteOff

__all__ = (
    "AccountIdentifier",
    "AdditionalSalesTax",
    "AdditionalSalesTaxCreate",
    "BusinessToken",
    "CreditAllocation",
    "Customer",
    "CustomerCreate",
    "CustomerCreateStatus",
    "CustomerDocumentUpload",
    "DocumentFileUrl",
    "ErrorResponse",
    "ErrorResponseDetail",
    "Invoice",
    "InvoiceCreate",
    "InvoiceCreateInvoiceType",
    "InvoiceDocumentUpload",
    "InvoiceLineItem",
    "InvoiceLineItemCreate",
    "InvoicePayment",
    "InvoicePaymentAllocation",
    "InvoicePaymentCreate",
    "InvoicePaymentCreateMetadata",
    "InvoicePaymentCreateReferences",
    "InvoicePaymentEnvelope",
    "InvoicePaymentMetadata",
    "InvoicePaymentsListSortBy",
    "InvoicePaymentsListSortOrder",
    "InvoicePaymentsListStatus",
    "InvoicePaymentStatus",
    "InvoiceStatus",
    "InvoiceStatusFilter",
    "InvoiceType",
    "InvoiceUpdate",
    "InvoiceUpdateInvoiceType",
    "InvoiceVoid",
    "PageInfo",
    "PaginatedCustomerList",
    "PaginatedInvoiceList",
    "PaginatedInvoicePaymentList",
    "PartnerToken",
    "PartnerTokenRequest",
    "PartnerTokenRequestGrantType",
    "PaymentAllocation",
    "PaymentAllocationCreate",
    "Refund",
    "RefundAllocation",
    "RefundCreate",
    "RefundDocumentUpload",
    "RefundInvoiceAllocation",
    "RefundRefundPaymentsItem",
    "SalesTaxCreate",
    "ValidationErrorResponse",
    "ValidationErrorResponseDetail",
    "WriteOff",
)
