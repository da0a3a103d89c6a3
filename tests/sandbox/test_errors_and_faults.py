"""Error shapes, request ids, routing, and every fault control in process and over the admin API."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import httpx
import pytest

from thredfi_client.testing import Sandbox, SandboxConnectionDropped, SandboxExchange

from .conftest import ContractRecorder
from .helpers import (
    TOKEN_PATH,
    bearer,
    create_customer,
    customers_path,
    invoice_body,
    invoices_path,
    partner_token,
)

NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


async def test_every_response_has_a_request_id(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    ok = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    bad = await http.post(TOKEN_PATH)
    admin = await http.get("/__sandbox__/")
    ids = {r.headers["x-request-id"] for r in (ok, bad, admin)}
    assert len(ids) == 3
    assert bad.json()["request_id"] == bad.headers["x-request-id"]
    assert set(bad.json()) == {"error_code", "message", "detail", "request_id"}


async def test_guide_error_style(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox(error_style="guide")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=sandbox.app), base_url="http://sandbox.test"
    ) as http:
        token = await partner_token(http, sandbox)
        response = await create_customer(http, token, sandbox.business_id, email="bad")
        assert response.status_code == 400
        assert response.json() == {
            "error": "Invalid input.",
            "error_code": "validation_error",
            "details": {"email": ["Enter a valid email address."]},
        }
        missing = await http.get(
            f"{customers_path(sandbox.business_id)}nope/", headers=bearer(token)
        )
        assert set(missing.json()) == {"error", "error_code", "details"}
        assert missing.headers["x-request-id"].startswith("req_")


async def test_unknown_route_and_missing_slash_404_json(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    response = await http.post("/v1/platform/oauth2/token")
    assert response.status_code == 404
    assert "slash" in response.json()["message"]
    assert (await http.get("/v1/platform/nothing/")).json()["error_code"] == "not_found"
    wrong_method = await http.delete(TOKEN_PATH)
    assert (wrong_method.status_code, wrong_method.json()["error_code"]) == (
        405,
        "method_not_allowed",
    )


async def test_fail_next_with_retry_after(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="respond", status=503, times=2, retry_after=3)
    auth = (sandbox.partner_id, sandbox.api_key)
    first = await http.post(TOKEN_PATH, auth=auth)
    second = await http.post(TOKEN_PATH, auth=auth)
    third = await http.post(TOKEN_PATH, auth=auth)
    assert [r.status_code for r in (first, second, third)] == [503, 503, 200]
    assert first.headers["retry-after"] == "3"
    assert first.json()["request_id"] == first.headers["x-request-id"]
    assert sandbox.tokens == [third.json()["access_token"]]
    assert sandbox.faults == []


async def test_fail_next_html_and_raw_bodies(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="respond", status=502, body=NGINX_502)
    sandbox.add_fault(TOKEN_PATH, action="respond", status=500, body=b"", content_type="text/plain")
    sandbox.add_fault(
        TOKEN_PATH, action="respond", status=429, body={"detail": "slow down"}, retry_after="1"
    )
    html = await http.post(TOKEN_PATH)
    assert html.status_code == 502
    assert html.headers["content-type"].startswith("text/html")
    assert html.text == NGINX_502
    empty = await http.post(TOKEN_PATH)
    assert (empty.status_code, empty.content) == (500, b"")
    limited = await http.post(TOKEN_PATH)
    assert (limited.status_code, limited.json()) == (429, {"detail": "slow down"})


async def test_fail_next_matches_prefix_regex_and_method(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    token = await partner_token(http, sandbox)
    sandbox.add_fault(re.compile(r"/customers/[^/]+/archive/$"), action="respond", status=500)
    sandbox.add_fault("/v1/platform/businesses/", action="respond", status=409, method="get")
    created = (await create_customer(http, token, sandbox.business_id)).json()
    listed = await http.get(customers_path(sandbox.business_id), headers=bearer(token))
    assert listed.status_code == 409
    archive = f"{customers_path(sandbox.business_id)}{created['id']}/archive/"
    assert (await http.post(archive, headers=bearer(token))).status_code == 500
    assert (await http.post(archive, headers=bearer(token))).status_code == 200


async def test_fail_always_until_cleared(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="respond", status=500, times=None)
    for _ in range(3):
        assert (await http.post(TOKEN_PATH)).status_code == 500
    sandbox.clear_faults()
    ok = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert ok.status_code == 200


async def test_fail_after_processing_creates_once(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    token = await partner_token(http, sandbox)
    sandbox.add_fault(
        invoices_path(sandbox.business_id),
        action="respond",
        status=502,
        body=NGINX_502,
        after_processing=True,
    )
    lost = await http.post(
        invoices_path(sandbox.business_id), json=invoice_body(), headers=bearer(token)
    )
    assert lost.status_code == 502
    assert len(sandbox.invoices) == 1
    retried = await http.post(
        invoices_path(sandbox.business_id), json=invoice_body(), headers=bearer(token)
    )
    assert retried.status_code == 200
    assert list(sandbox.invoices) == [retried.json()["id"]]


async def test_drop_connection_in_process(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="drop")
    with pytest.raises(SandboxConnectionDropped) as info:
        await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert isinstance(info.value, httpx.RemoteProtocolError)
    assert sandbox.tokens == []
    assert sandbox.request_count(TOKEN_PATH) == 1


async def test_drop_after_processing_in_process(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    token = await partner_token(http, sandbox)
    sandbox.add_fault(customers_path(sandbox.business_id), action="drop", after_processing=True)
    with pytest.raises(httpx.RemoteProtocolError):
        await create_customer(http, token, sandbox.business_id, external_id="x")
    assert len(sandbox.customers) == 1
    replay = await create_customer(http, token, sandbox.business_id, external_id="x")
    assert replay.status_code == 200


async def test_truncate_in_process_raises(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="truncate")
    with pytest.raises(SandboxConnectionDropped):
        await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert len(sandbox.tokens) == 1  # handled, then the answer was cut


async def test_malformed_json_200(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="malformed_json")
    response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


async def test_delay_in_process(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    sandbox.add_fault(TOKEN_PATH, action="delay", delay=0.05)
    sandbox.add_fault(TOKEN_PATH, action="delay", delay=0.05, after_processing=True)
    import time

    started = time.monotonic()
    for _ in range(2):
        response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
        assert response.status_code == 200
    assert time.monotonic() - started >= 0.1


async def test_request_counts(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    token = await partner_token(http, sandbox)
    await create_customer(http, token, sandbox.business_id)
    await create_customer(http, token, sandbox.business_id)
    await http.get("/__sandbox__/state")
    assert sandbox.request_count(TOKEN_PATH) == 1
    assert sandbox.request_count(TOKEN_PATH, method="post") == 1
    assert sandbox.request_count(customers_path(sandbox.business_id)) == 2
    assert sandbox.request_count(re.compile(r"/customers/$"), method="GET") == 0
    assert sandbox.request_count() == 3  # admin requests are not counted
    assert [r.method for r in sandbox.requests] == ["POST"] * 3


# ---------------------------------------------------------------------- admin API


async def test_admin_info_state_reset(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    info = (await http.get("/__sandbox__/")).json()
    assert info["partner_id"] == sandbox.partner_id
    assert info["api_key"] == sandbox.api_key
    assert info["business_id"] == sandbox.business_id
    token = await partner_token(http, sandbox)
    await create_customer(http, token, sandbox.business_id)
    state = (await http.get("/__sandbox__/state")).json()
    assert len(state["customers"]) == 1
    assert state["invoices"] == []
    assert (await http.post("/__sandbox__/reset")).status_code == 200
    assert sandbox.customers == {}
    assert sandbox.tokens == []


async def test_admin_faults(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    created = await http.post(
        "/__sandbox__/faults",
        json={
            "path": TOKEN_PATH,
            "status": 502,
            "body": NGINX_502,
            "content_type": "text/html",
            "retry_after": "2",
            "times": 1,
        },
    )
    assert created.status_code == 201
    assert created.json()["action"] == "respond"
    regex = await http.post(
        "/__sandbox__/faults", json={"path_regex": "oauth2/token/$", "action": "malformed_json"}
    )
    assert regex.json()["path_regex"] == "oauth2/token/$"
    listed = (await http.get("/__sandbox__/faults")).json()
    assert [f["id"] for f in listed] == [created.json()["id"], regex.json()["id"]]
    failed = await http.post(TOKEN_PATH)
    assert (failed.status_code, failed.headers["retry-after"]) == (502, "2")
    assert "nginx" in failed.text
    garbled = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert garbled.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        garbled.json()
    assert (await http.get("/__sandbox__/faults")).json() == []


async def test_admin_fault_actions_and_removal(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    for action in ("delay", "drop", "truncate"):
        body: dict[str, object] = {"path": "/v1/x/", "action": action, "times": None}
        if action == "delay":
            body["delay"] = 0.01
        response = await http.post("/__sandbox__/faults", json=body)
        assert response.status_code == 201, response.text
    assert len(sandbox.faults) == 3
    first = sandbox.faults[0].id
    assert (await http.delete(f"/__sandbox__/faults/{first}")).json() == {"removed": True}
    assert (await http.delete(f"/__sandbox__/faults/{first}")).status_code == 404
    assert (await http.delete("/__sandbox__/faults")).json() == []
    assert sandbox.faults == []
    bad = await http.post("/__sandbox__/faults", json={"path": "/", "action": "explode"})
    assert bad.status_code == 400
    missing = await http.post("/__sandbox__/faults", json={"action": "respond"})
    assert missing.status_code == 400


async def test_admin_requests_revoke_businesses_clock_config(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    token = await partner_token(http, sandbox)
    counts = (await http.get("/__sandbox__/requests")).json()
    assert counts["counts"] == {f"POST {TOKEN_PATH}": 1}
    assert (await http.delete("/__sandbox__/requests")).json()["counts"] == {}
    assert (await http.post("/__sandbox__/tokens/revoke")).json() == {"revoked": 1}
    assert (
        await http.get(customers_path(sandbox.business_id), headers=bearer(token))
    ).status_code == 401
    new_business = (await http.post("/__sandbox__/businesses")).json()["business_id"]
    assert new_business in sandbox.business_ids
    before = sandbox.now()
    moved = await http.post("/__sandbox__/clock", json={"advance": 3600})
    assert moved.status_code == 200
    assert (sandbox.now() - before).total_seconds() >= 3600
    config = (
        await http.patch(
            "/__sandbox__/config",
            json={
                "token_ttl": 7,
                "token_leeway": 2.5,
                "token_prefix": "tok_",
                "require_business_token": True,
                "error_style": "guide",
                "currency": "USD",
                "page_envelope": "links",
            },
        )
    ).json()["config"]
    assert config == {
        "token_ttl": 7,
        "token_leeway": 2.5,
        "token_prefix": "tok_",
        "require_business_token": True,
        "error_style": "guide",
        "currency": "USD",
        "page_envelope": "links",
    }
    assert sandbox.page_envelope == "links"
    response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert response.json()["expires_in"] == 7
    assert response.json()["access_token"].startswith("tok_")
    refused = await http.patch("/__sandbox__/config", json={"token_ttl": -1, "colour": "red"})
    assert refused.status_code == 400
    assert "colour" in refused.json()["error"]
    assert sandbox.token_ttl == 7


# ---------------------------------------------------------------------- the recorder itself


def _exchange(body: dict[str, object], status: int = 200) -> SandboxExchange:
    return SandboxExchange(
        method="POST",
        path=TOKEN_PATH,
        query_string="",
        request_headers={},
        request_body=b"",
        status_code=status,
        response_headers={"content-type": "application/json", "x-request-id": "req_1"},
        response_body=json.dumps(body).encode(),
        request_id="req_1",
        fault=None,
        off_contract=None,
    )


def test_recorder_flags_an_invalid_response() -> None:
    recorder = ContractRecorder()
    recorder(_exchange({"access_token": "t", "expires_in": 1}))
    recorder(_exchange({"token_type": "Bearer", "expires_in": "soon"}))
    recorder(_exchange({"error_code": "x"}, status=401))
    report = recorder.validate()
    assert report.validated == 3
    assert len(report.invalid) == 2
    assert "access_token" in report.invalid[0]
    assert "message" in report.invalid[1]


def test_recorder_flags_a_missing_request_id_header() -> None:
    recorder = ContractRecorder()
    exchange = _exchange({"access_token": "t", "expires_in": 1})
    recorder(
        SandboxExchange(
            **{**exchange.__dict__, "response_headers": {"content-type": "application/json"}}
        )
    )
    assert len(recorder.validate().invalid) == 1
