"""Support for the transport attack tests: the credentials to look for, and the scan of
everything an exception carries (``tests/support/exception_scan.py``)."""

from __future__ import annotations

import base64

from thredfi_client.testing import Sandbox

from ..support import API_KEY, PARTNER_ID
from ..support.exception_scan import carried_texts, chain_of, leaked

__all__ = ["BASIC", "carried_texts", "chain_of", "credentials", "leaked"]

BASIC = base64.b64encode(f"{PARTNER_ID}:{API_KEY}".encode()).decode()


def credentials(sandbox: Sandbox) -> list[str]:
    """The API key, its Basic value and every token the sandbox issued."""
    return [API_KEY, BASIC, *sandbox.tokens]
