"""Who is asking: HTTP Basic partner credentials, bearer tokens, and business scoping."""

from __future__ import annotations

import base64
import binascii
import secrets

from starlette.requests import Request

from .._store import Store, Token, canonical_uuid
from .responses import Denied, error

__all__ = ["authorize", "basic_partner", "bearer", "business"]


def basic_partner(store: Store, request: Request) -> str:
    """The partner id of valid HTTP Basic credentials (else 401)."""
    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    partner_id = api_key = None
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        if ":" in decoded:
            partner_id, api_key = decoded.split(":", 1)
    if partner_id is None:
        raise Denied(
            error(
                store.settings,
                request,
                401,
                "authentication_required",
                "Send HTTP Basic credentials: partner id and API key.",
            )
        )
    expected = store.partners.get(partner_id)
    if expected is None or not secrets.compare_digest(expected, api_key or ""):
        raise Denied(
            error(
                store.settings,
                request,
                401,
                "authentication_required",
                "Invalid partner credentials.",
            )
        )
    return partner_id


def bearer(store: Store, request: Request) -> Token:
    """The valid bearer token of the request (else 401)."""
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if not header:
        message = "Authentication credentials were not provided."
        raise Denied(error(store.settings, request, 401, "authentication_required", message))
    if scheme.lower() != "bearer" or not credentials.strip():
        message = "Send an access token: 'Authorization: Bearer <token>'."
        raise Denied(error(store.settings, request, 401, "authentication_required", message))
    token = store.valid_token(credentials.strip())
    if token is None:
        message = "The access token is invalid or has expired."
        raise Denied(error(store.settings, request, 401, "invalid_token", message))
    return token


def business(store: Store, request: Request, raw_id: str) -> str:
    """The canonical id of an existing business (else 404)."""
    business_id = canonical_uuid(raw_id)
    if business_id is None or business_id not in store.businesses:
        raise Denied(
            error(
                store.settings,
                request,
                404,
                "business_not_found",
                "Business not found.",
                {"business_id": raw_id},
            )
        )
    return business_id


def _not_yours(store: Store, request: Request, raw_id: str) -> Denied:
    return Denied(
        error(
            store.settings,
            request,
            403,
            "permission_denied",
            "This business does not belong to your partner account.",
            {"business_id": raw_id},
        )
    )


def authorize(store: Store, request: Request) -> str:
    """Check the bearer token against the URL's business; the canonical business id.

    A business-scoped token works on its own business only; a partner token on every business
    of its partner, unless ``require_business_token`` is set.
    """
    token = bearer(store, request)
    raw_id = request.path_params["business_id"]
    if token.business_id is not None:
        if canonical_uuid(raw_id) != token.business_id:
            raise Denied(
                error(
                    store.settings,
                    request,
                    403,
                    "permission_denied",
                    "This business-scoped token is not valid for this business.",
                    {"business_id": raw_id},
                )
            )
    elif store.settings.require_business_token:
        raise Denied(
            error(
                store.settings,
                request,
                403,
                "permission_denied",
                "Partner tokens cannot access this resource; exchange it for a business-scoped "
                "token at POST /v1/platform/{business_id}/oauth2/token/.",
            )
        )
    business_id = business(store, request, raw_id)
    if store.businesses[business_id] != token.partner_id:
        raise _not_yours(store, request, raw_id)
    return business_id


def partner_owns(store: Store, request: Request, token: Token, raw_id: str) -> str:
    """The canonical id of a business of the token's partner (404 / 403 otherwise)."""
    business_id = business(store, request, raw_id)
    if store.businesses[business_id] != token.partner_id:
        raise _not_yours(store, request, raw_id)
    return business_id
