"""Tokens: partner grant, business exchange, scope, expiry, revocation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from thredfi_client.testing import Sandbox

from .helpers import (
    TOKEN_PATH,
    bearer,
    business_token,
    create_customer,
    customers_path,
    partner_token,
)


async def test_partner_token_form_body(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await http.post(
        TOKEN_PATH,
        auth=(sandbox.partner_id, sandbox.api_key),
        data={"grant_type": "client_credentials", "client_id": sandbox.partner_id},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert response.headers["x-request-id"].startswith("req_")


@pytest.mark.parametrize("kind", ["json", "none", "multipart"])
async def test_partner_token_json_multipart_and_no_body(
    http: httpx.AsyncClient, sandbox: Sandbox, kind: str
) -> None:
    fields = {"grant_type": "client_credentials", "client_id": sandbox.partner_id}
    choices: dict[str, dict[str, Any]] = {
        "json": {"json": fields},
        "none": {},
        "multipart": {"files": {name: (None, value) for name, value in fields.items()}},
    }
    kwargs = choices[kind]
    response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key), **kwargs)
    assert response.status_code == 200, (kind, response.text)


@pytest.mark.parametrize(
    ("auth", "headers"),
    [
        (None, {}),
        (("wrong", "creds"), {}),
        (None, {"Authorization": "Basic !!!notbase64"}),
        (None, {"Authorization": "Bearer something"}),
    ],
)
async def test_partner_token_bad_credentials_401(
    http: httpx.AsyncClient,
    sandbox: Sandbox,
    auth: tuple[str, str] | None,
    headers: dict[str, str],
) -> None:
    data = {"grant_type": "client_credentials"}
    if auth is None:
        response = await http.post(TOKEN_PATH, headers=headers, data=data)
    else:
        response = await http.post(TOKEN_PATH, auth=auth, headers=headers, data=data)
    assert response.status_code == 401
    assert response.json()["error_code"] == "authentication_required"


async def test_partner_token_wrong_api_key_401(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, "sk_wrong"))
    assert response.status_code == 401
    assert response.json()["error_code"] == "authentication_required"


async def test_partner_token_bad_grant_type_400(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await http.post(
        TOKEN_PATH,
        auth=(sandbox.partner_id, sandbox.api_key),
        data={"grant_type": "password", "client_id": "someone-else"},
    )
    assert response.status_code == 400
    errors = response.json()["detail"]["field_errors"]
    assert set(errors) == {"grant_type", "client_id"}


async def test_partner_token_unreadable_body_400(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await http.post(
        TOKEN_PATH,
        auth=(sandbox.partner_id, sandbox.api_key),
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400


async def test_business_token_exchange(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    ptoken = await partner_token(http, sandbox)
    response = await http.post(
        f"/v1/platform/{sandbox.business_id}/oauth2/token/", headers=bearer(ptoken)
    )
    assert response.status_code == 200
    body = response.json()
    assert body["scope"] == "business_access"
    assert body["business_id"] == sandbox.business_id
    assert body["token_type"] == "Bearer"
    assert body["access_token"] != ptoken


async def test_business_token_exchange_errors(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    ptoken = await partner_token(http, sandbox)
    btoken = await business_token(http, sandbox, partner=ptoken)
    path = f"/v1/platform/{sandbox.business_id}/oauth2/token/"
    no_auth = await http.post(path)
    assert (no_auth.status_code, no_auth.json()["error_code"]) == (401, "authentication_required")
    with_business = await http.post(path, headers=bearer(btoken))
    assert (with_business.status_code, with_business.json()["error_code"]) == (
        403,
        "permission_denied",
    )
    unknown = await http.post(
        "/v1/platform/00000000-0000-4000-8000-000000000000/oauth2/token/", headers=bearer(ptoken)
    )
    assert (unknown.status_code, unknown.json()["error_code"]) == (404, "business_not_found")
    other = sandbox.add_business(partner_id=sandbox.add_partner().partner_id)
    foreign = await http.post(f"/v1/platform/{other}/oauth2/token/", headers=bearer(ptoken))
    assert (foreign.status_code, foreign.json()["error_code"]) == (403, "permission_denied")


async def test_business_token_only_works_on_its_business(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    second = sandbox.add_business()
    btoken = await business_token(http, sandbox)
    ok = await http.get(customers_path(sandbox.business_id), headers=bearer(btoken))
    assert ok.status_code == 200
    denied = await create_customer(http, btoken, second)
    assert denied.status_code == 403
    assert denied.json()["error_code"] == "permission_denied"
    assert sandbox.customers == {}


async def test_partner_token_works_on_all_partner_businesses(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    second = sandbox.add_business()
    ptoken = await partner_token(http, sandbox)
    for bid in (sandbox.business_id, second):
        assert (await create_customer(http, ptoken, bid)).status_code == 201


async def test_partner_token_on_another_partners_business_403(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    other = sandbox.add_business(partner_id=sandbox.add_partner().partner_id)
    ptoken = await partner_token(http, sandbox)
    response = await create_customer(http, ptoken, other)
    assert (response.status_code, response.json()["error_code"]) == (403, "permission_denied")


async def test_require_business_token(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox(require_business_token=True)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=sandbox.app), base_url="http://sandbox.test"
    ) as http:
        ptoken = await partner_token(http, sandbox)
        denied = await create_customer(http, ptoken, sandbox.business_id)
        assert (denied.status_code, denied.json()["error_code"]) == (403, "permission_denied")
        btoken = await business_token(http, sandbox, partner=ptoken)
        assert (await create_customer(http, btoken, sandbox.business_id)).status_code == 201


@pytest.mark.parametrize("header", ["Bearer forged-token", "Bearer ", "Token abc"])
async def test_forged_or_malformed_token_401(
    http: httpx.AsyncClient, sandbox: Sandbox, header: str
) -> None:
    response = await http.get(
        customers_path(sandbox.business_id), headers={"Authorization": header}
    )
    assert response.status_code == 401
    assert response.json()["error_code"] in {"invalid_token", "authentication_required"}
    if header == "Bearer forged-token":
        assert response.json()["error_code"] == "invalid_token"


async def test_missing_token_401(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await http.get(customers_path(sandbox.business_id))
    assert (response.status_code, response.json()["error_code"]) == (401, "authentication_required")


async def test_token_ttl_zero_is_expired_at_once(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox(token_ttl=0)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=sandbox.app), base_url="http://sandbox.test"
    ) as http:
        response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
        assert response.json()["expires_in"] == 0
        token = response.json()["access_token"]
        expired = await http.get(customers_path(sandbox.business_id), headers=bearer(token))
        assert (expired.status_code, expired.json()["error_code"]) == (401, "invalid_token")


async def test_token_expires_with_injected_clock(make_sandbox: Callable[..., Sandbox]) -> None:
    now = [datetime(2030, 1, 1, tzinfo=UTC)]
    sandbox = make_sandbox(token_ttl=60, clock=lambda: now[0])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=sandbox.app), base_url="http://sandbox.test"
    ) as http:
        token = await partner_token(http, sandbox)
        path = customers_path(sandbox.business_id)
        now[0] = datetime(2030, 1, 1, 0, 0, 59, tzinfo=UTC)
        assert (await http.get(path, headers=bearer(token))).status_code == 200
        now[0] = datetime(2030, 1, 1, 0, 1, 0, tzinfo=UTC)
        assert (await http.get(path, headers=bearer(token))).status_code == 401


async def test_advance_clock_expires_tokens(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    token = await partner_token(http, sandbox)
    sandbox.advance_clock(3599)
    assert (
        await http.get(customers_path(sandbox.business_id), headers=bearer(token))
    ).status_code == 200
    sandbox.advance_clock(1)
    response = await http.get(customers_path(sandbox.business_id), headers=bearer(token))
    assert (response.status_code, response.json()["error_code"]) == (401, "invalid_token")


async def test_token_leeway_accepts_a_token_shortly_after_expiry(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    sandbox.token_ttl = 60
    sandbox.token_leeway = 30
    token = await partner_token(http, sandbox)
    path = customers_path(sandbox.business_id)
    sandbox.advance_clock(89)
    assert (await http.get(path, headers=bearer(token))).status_code == 200
    sandbox.advance_clock(1)
    assert (await http.get(path, headers=bearer(token))).status_code == 401


async def test_token_prefix_marks_every_token(make_sandbox: Callable[..., Sandbox]) -> None:
    sandbox = make_sandbox(token_prefix="tok_marker_")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=sandbox.app), base_url="http://sandbox.test"
    ) as http:
        ptoken = await partner_token(http, sandbox)
        btoken = await business_token(http, sandbox, partner=ptoken)
    assert ptoken.startswith("tok_marker_")
    assert btoken.startswith("tok_marker_")
    assert len(ptoken) > len("tok_marker_") + 40


@pytest.mark.parametrize(
    ("setting", "value"),
    [("token_ttl", -1), ("token_leeway", -0.5), ("error_style", "xml"), ("token_prefix", 7)],
)
def test_settings_are_checked(setting: str, value: object) -> None:
    sandbox = Sandbox()
    with pytest.raises((ValueError, TypeError), match=setting):
        setattr(sandbox, setting, value)
    with pytest.raises((ValueError, TypeError), match=setting):
        Sandbox(**{setting: value})  # type: ignore[arg-type]


async def test_token_ttl_can_change_between_requests(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    sandbox.token_ttl = 5
    response = await http.post(TOKEN_PATH, auth=(sandbox.partner_id, sandbox.api_key))
    assert response.json()["expires_in"] == 5


async def test_revoke_tokens(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    ptoken = await partner_token(http, sandbox)
    btoken = await business_token(http, sandbox, partner=ptoken)
    assert set(sandbox.tokens) == {ptoken, btoken}
    assert sandbox.revoke_tokens() == 2
    for token in (ptoken, btoken):
        response = await http.get(customers_path(sandbox.business_id), headers=bearer(token))
        assert (response.status_code, response.json()["error_code"]) == (401, "invalid_token")
    fresh = await partner_token(http, sandbox)
    assert (
        await http.get(customers_path(sandbox.business_id), headers=bearer(fresh))
    ).status_code == 200


async def test_revoke_one_token(http: httpx.AsyncClient, sandbox: Sandbox) -> None:
    first = await partner_token(http, sandbox)
    second = await partner_token(http, sandbox)
    assert sandbox.revoke_tokens(first) == 1
    assert sandbox.revoke_tokens(first) == 0
    path = customers_path(sandbox.business_id)
    assert (await http.get(path, headers=bearer(first))).status_code == 401
    assert (await http.get(path, headers=bearer(second))).status_code == 200


def test_tokens_are_random_and_opaque() -> None:
    sandbox = Sandbox()
    other = Sandbox()
    assert sandbox.partner_id != other.partner_id
    assert sandbox.api_key != other.api_key
    with pytest.raises(ValueError, match="token_ttl"):
        Sandbox(token_ttl=-1)
