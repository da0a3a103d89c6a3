"""Validating mode: every request the SDK sends, auth included, passes Prism's validation.

Each operation in ``OPERATIONS`` is called through ``ThredfiClient`` with arguments generated
from its schema. Every response the client receives (token requests included) is recorded; an
``sl-violations`` header or a 4xx from Prism fails the test. The negative controls prove the
detection works, per operation: a deliberately broken request is flagged.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from thredfi_client import ThredfiError
from thredfi_client._generated import OPERATIONS

from .conftest import PrismServer
from .sdk_calls import call, make_client, recorded, sdk_arguments
from .spec_examples import broken_body, example, path_arguments, resolve, spec, spec_operations

pytestmark = pytest.mark.contract

OPERATION_IDS = [operation.operation_id for operation in OPERATIONS]


def test_operations_cover_the_spec() -> None:
    assert set(OPERATION_IDS) == set(spec_operations())


@pytest.mark.parametrize("token_scope", ["partner", "business"])
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
async def test_sdk_request_passes_prism_validation(
    prism_validating: PrismServer, operation_id: str, token_scope: str
) -> None:
    operation = spec_operations()[operation_id]
    async with make_client(prism_validating.base_url, token_scope=token_scope) as client:
        recorder = recorded(client)
        try:
            result: Any = await call(client, operation_id, sdk_arguments(operation))
        except ThredfiError as exc:
            pytest.fail(f"{operation_id} failed: {exc!r}; Prism said: {recorder.problems()}")

    assert recorder.problems() == []
    # The parsed body; None only where the operation's success has no body (a 204).
    responses = spec()["paths"][operation.path][operation.method.lower()]["responses"]
    has_body = any("content" in r for s, r in responses.items() if str(s).startswith("2"))
    assert (result is not None) is has_body
    paths = [exchange.path for exchange in recorder.exchanges]
    # The operation's own request reached Prism (last), after any token requests it needed.
    assert recorder.exchanges[-1].method == operation.method
    if operation_id != "get_partner_token":
        assert any(path.endswith("/oauth2/token/") for path in paths[:-1]), paths


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
async def test_negative_control_a_broken_request_is_flagged(
    prism_validating: PrismServer, operation_id: str
) -> None:
    """Prism really validates this operation, and the recorder reports what it flags."""
    operation = spec_operations()[operation_id]
    values = {name: str(value) for name, value in path_arguments(operation).items()}
    url = operation.path.format(**values)
    send: dict[str, Any] = {}
    if operation.body is not None:
        media_type, schema = operation.body
        broken = broken_body(schema, example(schema, python=False))
        if media_type == "application/json":
            send["content"] = json.dumps(broken)
            send["headers"] = {"Content-Type": media_type}
        else:
            send["data"] = broken
    elif operation.path_params:
        # A UUID-typed one: some ids (an account's code or external_id) take any text.
        uuid_typed = [n for n, s in operation.path_params.items() if resolve(s).get("format")]
        values[uuid_typed[0]] = "not-a-uuid"
        url = operation.path.format(**values)
    elif any(resolve(s).get("minimum") == 1 for s in operation.query_params.values()):
        # No body, no path parameter (a partner-level list): a page number below the minimum.
        name = next(n for n, s in operation.query_params.items() if resolve(s).get("minimum") == 1)
        send["params"] = {name: "0"}
    else:
        pytest.fail(f"{operation_id} has neither a body nor a parameter to break")

    async with make_client(prism_validating.base_url) as client:
        recorder = recorded(client)
        # Through the client's own httpx client: same auth, same transport, same hook.
        await client.http_client.request(operation.method, url, **send)

    flagged = recorder.problems()
    assert flagged, (
        f"Prism accepted a broken {operation_id} request: it does not validate this operation, "
        f"so its contract test proves nothing ({recorder.exchanges[-1]})"
    )
    assert recorder.exchanges[-1].path in flagged[-1]


async def test_negative_control_missing_credentials_are_flagged(
    prism_validating: PrismServer,
) -> None:
    """Prism checks the security schemes, so sending no credentials is caught."""
    operation = spec_operations()["get_customer"]
    url = prism_validating.base_url + operation.path.format(**path_arguments(operation))
    async with httpx.AsyncClient() as bare:
        response = await bare.get(url)
    assert response.status_code == 401
    assert "security" in response.headers.get("sl-violations", "").lower()


QUERY_OPERATION_IDS = [o for o in OPERATION_IDS if spec_operations()[o].query_params]


@pytest.mark.parametrize("operation_id", QUERY_OPERATION_IDS)
async def test_negative_control_a_broken_query_is_flagged(
    prism_validating: PrismServer, operation_id: str
) -> None:
    """Prism validates query parameters too (comma-separated lists item by item), so the SDK's
    filters passing it above means something: a list item out of its enum or format is flagged."""
    operation = spec_operations()[operation_id]
    broken = {name: "not-a-valid-value" for name, schema in operation.query_params.items()
              if _constrained(schema.get("items"))}  # fmt: skip
    if "page" in operation.query_params:
        broken["page"] = "0"  # below the contract's minimum
    else:  # a report: its dates and enums
        broken |= {name: "not-a-valid-value" for name, schema in operation.query_params.items()
                   if _constrained(schema)}  # fmt: skip
    assert broken, f"{operation_id}: no query parameter to break"
    url = operation.path.format(**{k: str(v) for k, v in path_arguments(operation).items()})
    async with make_client(prism_validating.base_url) as client:
        recorder = recorded(client)
        await client.http_client.request(operation.method, url, params=broken)
    (flagged,) = recorder.problems()
    for name in broken:
        assert name in flagged, (name, flagged)


def _constrained(schema: Any) -> bool:
    """Whether a text like "not-a-valid-value" breaks this (item) schema: an enum or a format."""
    resolved = resolve(schema) if schema else {}
    return "enum" in resolved or resolved.get("format") in ("date", "date-time", "uuid")
