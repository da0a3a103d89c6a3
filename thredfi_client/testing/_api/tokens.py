"""The two token endpoints: the partner grant (HTTP Basic) and the business-token exchange."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from .._store import Store
from .._validation import clean_token_request
from .auth import basic_partner, bearer, partner_owns
from .bodies import token_form
from .responses import Denied, error, invalid, ok
from .routing import Endpoint, bind

__all__ = ["endpoints"]

V1 = "/v1/platform"


async def partner_token(store: Store, request: Request) -> Response:
    """``POST /v1/platform/oauth2/token/``: client credentials; the body is optional."""
    partner_id = basic_partner(store, request)
    form = await token_form(store.settings, request)
    # Some guides send no body at all (the contract says it is optional); one that is sent
    # must be the contract's PartnerTokenRequest.
    if form is not None:
        errors = clean_token_request(form, partner_id)
        if errors:
            return invalid(store.settings, request, errors)
    token = store.issue_token(partner_id, None)
    return ok(
        {
            "access_token": token.value,
            "token_type": "Bearer",
            "expires_in": store.settings.token_ttl,
        }
    )


async def business_token(store: Store, request: Request) -> Response:
    """``POST /v1/platform/{business_id}/oauth2/token/``: a partner token for a business one."""
    token = bearer(store, request)
    if token.business_id is not None:
        message = "Exchange a partner token, not a business token."
        raise Denied(error(store.settings, request, 403, "permission_denied", message))
    business_id = partner_owns(store, request, token, request.path_params["business_id"])
    access = store.issue_token(token.partner_id, business_id)
    return ok(
        {
            "access_token": access.value,
            "token_type": "Bearer",
            "expires_in": store.settings.token_ttl,
            "scope": "business_access",
            "business_id": business_id,
        }
    )


def endpoints(store: Store) -> list[Endpoint]:
    """The token operations."""
    return [
        Endpoint(method="POST", path=f"{V1}/oauth2/token/", handler=bind(store, partner_token)),
        Endpoint(
            method="POST",
            path=f"{V1}/{{business_id}}/oauth2/token/",
            handler=bind(store, business_token),
        ),
    ]
