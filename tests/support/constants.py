"""Identities and settings the suites share."""

from __future__ import annotations

import base64

from thredfi_client import RetryPolicy

PARTNER_ID = "6f1c2f0e-3c57-4a7e-9d7e-2b8f4e0c1a11"
API_KEY = "sk_test_SECRET_api_key_4c1d"
BUSINESS_ID = "0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e"
OTHER_BUSINESS_ID = "1c7a7b5f-9f3d-4e6a-8a4f-7a2b3c4d5e6f"
CUSTOMER_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
BASE_URL = "https://api.thredfi.test"

#: Every token the suites' sandboxes issue starts with this (a secret marker below).
TOKEN_PREFIX = "tok_secret_"

#: Substrings that only ever occur inside secrets in this suite.
SECRET_MARKERS = (
    "SECRET",
    TOKEN_PREFIX,
    base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode(),
)

#: Both transports the SDK offers; the reliability and security tests run over each.
TRANSPORTS = ("native", "httpx", "aiohttp")
#: A short backoff so retries are real waits, but cheap ones.
FAST_POLICY = RetryPolicy(backoff_base=0.05, backoff_cap=0.5)
