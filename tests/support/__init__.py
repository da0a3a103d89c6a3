"""What several test packages share, imported from here: no test package imports another.

Constants (test identities, secret markers, both transports, a fast retry policy), the API's
paths and the end-of-session secret scan's record; ``support.servers`` (imported by name, as it
loads the sandbox) serves a loopback sandbox for fixtures.
The fixtures themselves live in ``tests/conftest.py``, where pytest finds them without an import.
"""

from __future__ import annotations

from .constants import (
    API_KEY,
    BASE_URL,
    BUSINESS_ID,
    CUSTOMER_ID,
    FAST_POLICY,
    OTHER_BUSINESS_ID,
    PARTNER_ID,
    SECRET_MARKERS,
    TOKEN_PREFIX,
    TRANSPORTS,
)
from .leak_scan import find_leaks, record_for_leak_scan, recorded_texts
from .paths import TOKEN_PATH, business_token_path, customer_path, customers_path, invoices_path

__all__ = [
    "API_KEY",
    "BASE_URL",
    "BUSINESS_ID",
    "CUSTOMER_ID",
    "FAST_POLICY",
    "OTHER_BUSINESS_ID",
    "PARTNER_ID",
    "SECRET_MARKERS",
    "TOKEN_PATH",
    "TOKEN_PREFIX",
    "TRANSPORTS",
    "business_token_path",
    "customer_path",
    "customers_path",
    "find_leaks",
    "invoices_path",
    "record_for_leak_scan",
    "recorded_texts",
]
