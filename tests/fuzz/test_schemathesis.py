"""Schemathesis (pinned in pyproject's dev extra) against the sandbox, with every check.

It runs in process through Schemathesis's Python API (the engine its CLI drives) against a
sandbox served on 127.0.0.1: all phases (examples, coverage, fuzzing, stateful), every check,
``MAX_EXAMPLES`` test cases per operation, a fixed seed (``THREDFI_FUZZ_SEED`` overrides it),
and a wall-clock bound. It must report no failure apart from ``false_positives.py``, each entry
with its reason; the counts are printed in the session summary.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
import yaml
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import Failure
from schemathesis.engine import Status, StopReason, events, from_schema

from thredfi_client.testing import Sandbox, SandboxServer

from ..support import API_KEY, BUSINESS_ID, PARTNER_ID, TOKEN_PATH
from .false_positives import FALSE_POSITIVES, excuse

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "thredfi.yaml"
#: Test cases per operation and phase (Schemathesis's ``--max-examples``).
MAX_EXAMPLES = 30
#: The whole run must finish within this; it is stopped (and fails) otherwise. 68 operations take
#: about 62 s alone on a quiet 2-core machine (10,000+ cases), more beside the sandbox suite.
WALL_CLOCK = 240.0
SEED = int(os.environ.get("THREDFI_FUZZ_SEED", "20261201"))


@dataclass
class FuzzReport:
    """What one run did, for the assertions and the session summary."""

    operations: set[str] = field(default_factory=set)
    examples: int = 0
    checks: int = 0
    checks_by_name: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    excused: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stop_reason: str = ""


REPORT = FuzzReport()


def _config(base_url: str, token: str) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "base-url": base_url,
            "seed": SEED,
            "workers": 1,
            "continue-on-failure": True,
            "request-timeout": 5,
            "suppress-health-check": ["too_slow", "filter_too_much"],
            "cache": {"enabled": False},
            "checks": {"enabled": True},
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
            "parameters": {"path.business_id": BUSINESS_ID},
            "auth": {
                "openapi": {
                    "BasicAuth": {"username": PARTNER_ID, "password": API_KEY},
                    "PartnerJWT": {"bearer": token},
                }
            },
        }
    )


def _run(server: SandboxServer, token: str) -> FuzzReport:
    report = FuzzReport()
    schema = schemathesis.openapi.from_path(str(SPEC), config=_config(server.base_url, token))

    @schema.hook
    def filter_failure(context: Any, failure: Failure, case: Any, response: Any) -> bool:
        # Called for every failed check; False drops it (a listed false positive).
        for check in type(failure).checks or ("custom",):
            hits = excuse(case.operation.label, check, response.status_code, response.content)
            if hits:
                report.excused.update(fp.id for fp in hits)
                return False
        return True

    stream = from_schema(schema).execute()
    watchdog = threading.Timer(WALL_CLOCK, stream.stop)
    watchdog.start()
    started = time.monotonic()
    try:
        for event in stream:
            if isinstance(event, events.ScenarioFinished):
                _count(report, event)
            elif isinstance(event, events.NonFatalError | events.FatalError):
                report.errors.append(repr(event))
            elif isinstance(event, events.EngineFinished):
                report.stop_reason = event.stop_reason.value
    finally:
        watchdog.cancel()
    report.seconds = time.monotonic() - started
    return report


def _count(report: FuzzReport, event: events.ScenarioFinished) -> None:
    recorder = event.recorder
    for case_id, node in recorder.cases.items():
        report.examples += 1
        report.operations.add(node.value.operation.label)
        for check in recorder.checks.get(case_id, []):
            report.checks += 1
            report.checks_by_name[check.name] += 1
            if check.status == Status.FAILURE and check.failure_info is not None:
                failure = check.failure_info.failure
                interaction = recorder.interactions.get(case_id)
                answer = interaction.response if interaction is not None else None
                seen = (
                    f" -> {answer.status_code} {answer.content[:300]!r}"
                    if answer is not None
                    else ""
                )
                case = node.value
                query = f" query={case.query}" if case.query else ""
                media = f" ({case.media_type})" if case.media_type else ""
                report.failures.append(
                    f"{case.operation.label} [{check.name}] {failure.title}: "
                    f"{case.method} {case.formatted_path}{query} "
                    f"body{media}={str(case.body)[:300]}{seen}"
                )


@pytest.fixture(scope="module")
def served_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Any:
    # Hypothesis keeps a cache directory; keep it out of the working tree.
    set_hypothesis_home_dir(tmp_path_factory.mktemp("hypothesis"))
    sandbox = Sandbox(partner_id=PARTNER_ID, api_key=API_KEY, business_id=BUSINESS_ID)
    with SandboxServer(sandbox) as server:
        yield server
    set_hypothesis_home_dir(None)


def test_schemathesis_finds_no_defect_in_the_sandbox(
    served_sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    sandbox = served_sandbox.sandbox
    sandbox.token_ttl = 24 * 3600  # one partner token for the whole run
    token = httpx.post(
        served_sandbox.base_url + TOKEN_PATH, auth=(PARTNER_ID, API_KEY), timeout=5
    ).json()["access_token"]

    report = _run(served_sandbox, token)
    REPORT.__dict__.update(report.__dict__)

    assert report.stop_reason == StopReason.COMPLETED.value, (
        f"the run did not complete ({report.stop_reason}) within {WALL_CLOCK:.0f} s"
    )
    assert report.errors == []
    assert report.failures == []
    # Every operation of the contract was exercised, with the checks that apply to it.
    assert report.operations == _contract_operations()
    for check in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "negative_data_rejection",
        "positive_data_acceptance",
        "unsupported_method",
        "ignored_auth",
    ):
        assert report.checks_by_name[check] > 0, f"{check} never ran"


def _contract_operations() -> set[str]:
    paths = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["paths"]
    return {
        f"{method.upper()} {path}"
        for path, item in paths.items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch")
    }


def summary_lines() -> list[str]:
    """The run's counts, for the session summary (``tests/fuzz/conftest.py``)."""
    if not REPORT.stop_reason:
        return []
    lines = [
        f"seed {SEED}, max {MAX_EXAMPLES} examples per operation and phase, "
        f"{REPORT.seconds:.1f} s ({REPORT.stop_reason})",
        f"operations: {len(REPORT.operations)}, examples: {REPORT.examples}, "
        f"checks: {REPORT.checks}, failures: {len(REPORT.failures)}, "
        f"false positives dropped: {sum(REPORT.excused.values())}",
        "checks run: "
        + ", ".join(f"{name} {n}" for name, n in sorted(REPORT.checks_by_name.items())),
    ]
    for fp in FALSE_POSITIVES:
        lines.append(
            f"  {REPORT.excused[fp.id]:>4}  {fp.id}  ({', '.join(fp.checks)}: {fp.reason})"
        )
    lines += [f"FAILURE: {failure}" for failure in REPORT.failures]
    return lines
