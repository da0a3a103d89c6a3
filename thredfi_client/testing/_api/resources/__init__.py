"""The business rules of each resource, one module per resource, on top of the engine.

A resource the contract describes needs no module here: the engine serves it with the default
:class:`~..resource.Resource`. A module here holds only the rules the vendor documents for its
resource (each says where), plus the sandbox's own choices where the documentation is silent.
"""

from __future__ import annotations

from ..resource import Resource
from .bill_payments import BillPayments
from .bills import Bills
from .businesses import Businesses
from .customer_credits import CustomerCredits
from .customers import Customers
from .invoice_payments import InvoicePayments
from .invoices import Invoices
from .refund_payments import RefundPayments
from .refunds import Refunds
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
}
