"""Pytest fixtures for testing code that uses thredfi-client against the local sandbox.

Registered through the ``pytest11`` entry point, so installing ``thredfi-client[testing]``
makes these fixtures available in every test suite:

* ``thredfi_sandbox`` -- a fresh in-process :class:`~thredfi_client.testing.Sandbox` per test;
* ``thredfi_client`` -- an open :class:`~thredfi_client.ThredfiClient` talking to that sandbox
  through ``httpx.ASGITransport`` (no socket), with its credentials; needs pytest-asyncio;
* ``thredfi_sandbox_options`` -- keyword arguments for ``Sandbox(...)``; override it in your
  ``conftest.py`` to configure the sandbox, e.g. ``{"require_business_token": True}``;
* ``thredfi_client_options`` -- extra keyword arguments for ``ThredfiClient(...)``.

Example::

    async def test_create(thredfi_client, thredfi_sandbox):
        await thredfi_client.customers.create(business_id=thredfi_sandbox.business_id, ...)
        assert len(thredfi_sandbox.customers) == 1

Everything heavy (Starlette, the SDK itself) is imported inside the fixtures, so this plugin costs
nothing for test suites that do not use them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from thredfi_client import ThredfiClient
    from thredfi_client.testing import Sandbox

#: The base URL the in-process client uses; any host works with ASGITransport.
# https: the in-process transport never opens a socket, and the client refuses plain http
# to non-loopback hosts.
IN_PROCESS_BASE_URL = "https://thredfi-sandbox.invalid"


@pytest.fixture
def thredfi_sandbox_options() -> dict[str, Any]:
    """Keyword arguments for the ``thredfi_sandbox`` fixture's ``Sandbox(...)``."""
    return {}


@pytest.fixture
def thredfi_client_options() -> dict[str, Any]:
    """Extra keyword arguments for the ``thredfi_client`` fixture's ``ThredfiClient(...)``."""
    return {}


@pytest.fixture
def thredfi_sandbox(thredfi_sandbox_options: dict[str, Any]) -> Sandbox:
    """A fresh in-process Thredfi sandbox (one partner, one business)."""
    from thredfi_client.testing import Sandbox

    return Sandbox(**thredfi_sandbox_options)


try:
    import pytest_asyncio
except ImportError:  # pragma: no cover - depends on the user's environment

    @pytest.fixture(name="thredfi_client")
    def _thredfi_client_unavailable() -> None:
        """Needs pytest-asyncio (``pip install pytest-asyncio``)."""
        pytest.skip("the thredfi_client fixture needs pytest-asyncio")

else:

    @pytest_asyncio.fixture(name="thredfi_client")
    async def _thredfi_client(
        thredfi_sandbox: Sandbox, thredfi_client_options: dict[str, Any]
    ) -> AsyncIterator[ThredfiClient]:
        """A ``ThredfiClient`` for the ``thredfi_sandbox`` fixture, in process."""
        import httpx

        from thredfi_client import ThredfiClient

        options: dict[str, Any] = {
            "partner_id": thredfi_sandbox.partner_id,
            "api_key": thredfi_sandbox.api_key,
            "base_url": IN_PROCESS_BASE_URL,
            "transport": httpx.ASGITransport(app=thredfi_sandbox.app),
        }
        if thredfi_sandbox.require_business_token:
            options["token_scope"] = "business"
        options.update(thredfi_client_options)
        async with ThredfiClient(**options) as client:
            yield client
