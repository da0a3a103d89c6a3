"""The pytest plugin: fixtures in this suite, and the entry point in a user's fresh suite."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from thredfi_client.testing import Sandbox

from .conftest import ContractRecorder

if TYPE_CHECKING:
    from thredfi_client import ThredfiClient


def _plugin_installed() -> bool:
    return any(
        ep.value == "thredfi_client.testing.pytest_plugin"
        for ep in importlib.metadata.entry_points(group="pytest11")
    )


pytestmark = pytest.mark.skipif(
    not _plugin_installed(), reason="thredfi-client is not pip-installed (no pytest11 entry point)"
)


def test_thredfi_sandbox_fixture_is_fresh_and_configurable(
    thredfi_sandbox: Sandbox,
    thredfi_sandbox_options: dict[str, Any],
    contract_recorder: ContractRecorder,
) -> None:
    assert isinstance(thredfi_sandbox, Sandbox)
    assert thredfi_sandbox.customers == {}
    # This suite's conftest overrides the options to record responses for the contract check.
    assert thredfi_sandbox.on_response is contract_recorder
    assert thredfi_sandbox_options["on_response"] is contract_recorder


async def test_thredfi_client_fixture_talks_to_the_sandbox(
    thredfi_client: ThredfiClient, thredfi_sandbox: Sandbox
) -> None:
    raw = await thredfi_client.customers.with_raw_response.create(
        business_id=thredfi_sandbox.business_id, company_name="Fixture Ltd", external_id="f-1"
    )
    assert raw.status_code == 201
    assert [c["display_name"] for c in thredfi_sandbox.customers.values()] == ["Fixture Ltd"]
    assert thredfi_sandbox.request_count("/v1/platform/oauth2/token/") == 1


def test_entry_point_gives_a_user_suite_the_fixtures(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent("""
        import pytest

        @pytest.fixture
        def thredfi_sandbox_options():
            return {"require_business_token": True, "token_ttl": 60}

        def test_sandbox(thredfi_sandbox):
            assert thredfi_sandbox.require_business_token
            assert thredfi_sandbox.token_ttl == 60

        async def test_client(thredfi_client, thredfi_sandbox):
            customer = await thredfi_client.customers.create(
                business_id=thredfi_sandbox.business_id, individual_name="User Test")
            assert customer.display_name == "User Test"
            # require_business_token: the fixture's client exchanged for a business token
            assert thredfi_sandbox.request_count(
                f"/v1/platform/{thredfi_sandbox.business_id}/oauth2/token/") == 1
    """)
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = auto\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
