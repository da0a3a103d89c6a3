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
from .invoice_status import InvoiceStatus
from .invoice_type import InvoiceType
from .partner_token import PartnerToken
from .partner_token_request import PartnerTokenRequest
from .partner_token_request_grant_type import PartnerTokenRequestGrantType
from .payment_allocation import PaymentAllocation
from .refund_allocation import RefundAllocation
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
    "InvoiceStatus",
    "InvoiceType",
    "PartnerToken",
    "PartnerTokenRequest",
    "PartnerTokenRequestGrantType",
    "PaymentAllocation",
    "RefundAllocation",
    "SalesTaxCreate",
    "ValidationErrorResponse",
    "ValidationErrorResponseDetail",
    "WriteOff",
)
