"""pytest plugin: run every Python example of the docs against a local sandbox (no drift).

    .venv/bin/python -m pytest -p tests.docs.markdown_examples docs README.md

(``./scripts/test`` runs exactly that.) pytest-markdown-docs (pinned in the dev extra) collects
each fenced ``python`` block of the Markdown files given (a new page under ``docs/`` is picked up
by itself) and runs it as a test; ``await`` works at the top level of a block, on
pytest-asyncio's loop. This plugin switches that collection on, for Markdown only, and gives
every block:

* a fresh ``Sandbox`` served on 127.0.0.1, with ``THREDFI_BASE_URL``, ``THREDFI_PARTNER_ID``,
  ``THREDFI_API_KEY`` and ``THREDFI_BUSINESS_ID`` pointing at it, so ``ThredfiClient()`` talks to
  it;
* the names the docs use without defining them: ``client`` (an open ``ThredfiClient``),
  ``bid``/``business_id``, ``cid``/``customer_id`` (a customer that exists),
  ``partner_id``/``PARTNER_ID``, ``api_key``/``API_KEY``, ``log`` (a ``logging.Logger``) and
  ``sandbox`` (the served ``Sandbox`` itself, for the fault-control examples);
* no network beyond loopback: resolving or connecting to any other address raises.

A block not meant to run is marked ```` ```{.python notest} ```` (the brace form, which the docs
site renders); ``tests/docs/test_examples_marked.py`` keeps such blocks few. Clients a block
leaves open are closed after it, and the SDK's logger levels are restored.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from thredfi_client import ThredfiClient
from thredfi_client.testing import Sandbox, SandboxServer

#: The names every block gets (filled per block by the fixtures below).
_NAMESPACE: dict[str, Any] = {}
#: What every block gets, in this order.
FIXTURES = ("_loopback_only", "_logger_levels", "_docs_namespace")
#: Loggers a block may reconfigure (docs/logging.md does), restored after it.
_LOGGERS = ("thredfi_client", "httpx")


def pytest_configure(config: pytest.Config) -> None:
    config.option.markdowndocs = True
    # Accept ```{.python notest}: the default syntax (```python notest) breaks the docs site.
    config.option.markdowndocs_syntax = "superfences"


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    # Only the Markdown pages: pytest-markdown-docs would also import .py files for docstrings.
    return True if collection_path.suffix == ".py" else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Set up before the block's globals are read (pytest-markdown-docs reads them before it
    # evaluates autouse fixtures, so these are requested by name instead).
    for item in items:
        if item.get_closest_marker("markdown-docs"):
            item.fixturenames = (*FIXTURES, *item.fixturenames)  # type: ignore[attr-defined]


def pytest_markdown_docs_globals() -> dict[str, Any]:
    return dict(_NAMESPACE)


def _is_loopback(host: object) -> bool:
    if host in (None, "localhost", b"localhost"):
        return True
    try:
        text = host.decode() if isinstance(host, bytes) else str(host)
        return ipaddress.ip_address(text.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An example that reaches for any other host fails at once, and sends nothing."""
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_loopback(host):
            raise socket.gaierror(socket.EAI_NONAME, f"docs examples reach 127.0.0.1 only: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            raise ConnectionRefusedError(f"docs examples reach 127.0.0.1 only: {address}")
        real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def _served_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    sandbox = Sandbox()
    with SandboxServer(sandbox) as server:
        monkeypatch.setenv("THREDFI_BASE_URL", server.base_url)
        monkeypatch.setenv("THREDFI_PARTNER_ID", sandbox.partner_id)
        monkeypatch.setenv("THREDFI_API_KEY", sandbox.api_key)
        monkeypatch.setenv("THREDFI_BUSINESS_ID", sandbox.business_id)
        monkeypatch.delenv("THREDFI_TRANSPORT", raising=False)
        yield sandbox


@pytest.fixture
def _logger_levels() -> Iterator[None]:
    levels = {name: logging.getLogger(name).level for name in _LOGGERS}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest_asyncio.fixture
async def _docs_namespace(
    _served_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[None]:
    opened: list[ThredfiClient] = []
    real_init = ThredfiClient.__init__

    def tracking_init(self: ThredfiClient, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        opened.append(self)

    monkeypatch.setattr(ThredfiClient, "__init__", tracking_init)
    sandbox = _served_sandbox
    async with ThredfiClient() as client:
        customer = await client.customers.create(
            business_id=sandbox.business_id, company_name="Acme Ltd", external_id="docs-1"
        )
        _NAMESPACE.update(
            client=client,
            bid=sandbox.business_id,
            business_id=sandbox.business_id,
            cid=str(customer.id),
            customer_id=str(customer.id),
            partner_id=sandbox.partner_id,
            PARTNER_ID=sandbox.partner_id,
            api_key=sandbox.api_key,
            API_KEY=sandbox.api_key,
            log=logging.getLogger("docs.example"),
            sandbox=sandbox,
        )
        try:
            yield
        finally:
            _NAMESPACE.clear()
            for leftover in opened:
                await leftover.aclose()
