"""Where the API lives."""

from __future__ import annotations

__all__ = ["BUSINESS", "V1"]

#: Every API path starts here.
V1 = "/v1/platform"
#: A business's resources (customers, invoices, and later payments and refunds).
BUSINESS = f"{V1}/businesses/{{business_id}}"
