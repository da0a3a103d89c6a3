"""A library stays quiet: with no logging configured, a failing call prints nothing on stderr.

Python's "last resort" handler prints WARNING records of a logger without handlers to stderr;
the ``thredfi_client`` logger has a ``NullHandler`` so that the application decides (issue 14).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

import thredfi_client

# A wrong API key: the token endpoint answers 401, which the SDK logs at WARNING and raises.
SCRIPT = textwrap.dedent("""
    import asyncio

    import httpx

    from thredfi_client import AuthenticationError, ThredfiClient


    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error_code": "invalid_client", "message": "Bad key."})


    async def main() -> None:
        async with ThredfiClient(
            partner_id="6f1c2f0e-3c57-4a7e-9d7e-2b8f4e0c1a11",
            api_key="sk_wrong_key_0000000000000000",
            base_url="https://api.thredfi.test",
            transport=httpx.MockTransport(handler),
        ) as client:
            try:
                await client.customers.get(
                    business_id="0b6f6a4e-8e2c-4d59-9f3e-6f1a2b3c4d5e",
                    customer_id="3c90c3cc-0d44-4b50-8888-8dd25736052a",
                )
            except AuthenticationError as exc:
                print("raised:", exc)


    asyncio.run(main())
""")


def test_a_failing_call_prints_nothing_on_stderr_without_logging_config() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("raised: 401 invalid_client: Bad key."), result.stdout
    assert result.stderr == ""


def test_the_library_logger_has_exactly_one_null_handler() -> None:
    handlers = logging.getLogger(thredfi_client.__name__).handlers
    # (the suite's leak guard adds a recorder of its own; it is not a NullHandler)
    assert [type(h) for h in handlers].count(logging.NullHandler) == 1
