"""The sandbox's state and its HTTP API (the ``/v1/platform`` operations and the admin API)."""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
import email.parser
import email.policy
import json
import math
import re
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ._asgi import ADMIN_PREFIX, ResponseHook, SandboxApp
from ._connection import StopSignal
from ._faults import Fault, FaultAction, FaultBody, FaultBook, FaultDelay
from ._request_log import PathMatch, RequestLog, RequestRecord
from ._validation import FieldErrors, clean_customer, clean_invoice

__all__ = ["ErrorStyle", "PartnerCredentials", "Sandbox"]

ErrorStyle = Literal["spec", "guide"]
Clock = Callable[[], datetime]

_V1 = "/v1/platform"
_DEFAULT_DUE_DAYS = 30


@dataclass(frozen=True)
class PartnerCredentials:
    """A partner's HTTP Basic credentials for the token endpoint."""

    partner_id: str
    api_key: str


@dataclass(kw_only=True)
class _Token:
    partner_id: str
    business_id: str | None  # None: a partner (unscoped) token
    expires_at: datetime


@dataclass(kw_only=True)
class _Customer:
    id: str
    business_id: str
    fields: dict[str, Any]
    status: str
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None = None


@dataclass(kw_only=True)
class _Invoice:
    id: str
    business_id: str
    customer_id: str
    data: dict[str, Any]
    created_at: datetime
    extra: dict[str, Any] = field(default_factory=dict)


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _canonical_uuid(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


class _Denied(Exception):
    """Internal: a request is refused; carries the error response to send."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class Sandbox:
    """A stateful, in-memory stand-in for the Thredfi API.

    One partner (``partner_id``/``api_key``) owning one business (``business_id``) exists from
    the start; add more with :meth:`add_partner` and :meth:`add_business`. Serve :attr:`app`
    in process with ``httpx.ASGITransport(app=sandbox.app)`` or over a loopback socket with
    :class:`~thredfi_client.testing.SandboxServer`.

    Args:
        token_ttl: ``expires_in`` of issued tokens, in seconds (0 issues already-expired tokens).
        require_business_token: When True, partner tokens get 403 ``permission_denied`` on
            customer and invoice endpoints (the authentication guides' reading of the docs);
            when False (default) they work on every business of their partner (the reference
            pages' reading).
        error_style: ``"spec"`` (default) answers errors as
            ``{"error_code", "message", "detail", "request_id"}``; ``"guide"`` uses the error
            guide's ``{"error", "error_code", "details"}``.
        currency: ISO 4217 code put on every invoice.
        clock: Returns the current time as an aware datetime; default: the system clock in UTC.
            :meth:`advance_clock` moves the sandbox's time forward on top of it.
        on_response: Called with a :class:`SandboxExchange` for every response sent (e.g. to
            validate each against the contract). It runs on the serving event loop: keep it fast.
        partner_id: The initial partner's id (a random UUID when omitted).
        api_key: The initial partner's API key (random when omitted).
        business_id: The initial business's id (a random UUID when omitted).
    """

    def __init__(
        self,
        *,
        token_ttl: int = 3600,
        require_business_token: bool = False,
        error_style: ErrorStyle = "spec",
        currency: str = "GBP",
        clock: Clock | None = None,
        on_response: ResponseHook | None = None,
        partner_id: str | None = None,
        api_key: str | None = None,
        business_id: str | None = None,
    ) -> None:
        if token_ttl < 0:
            raise ValueError("token_ttl must be >= 0")
        if error_style not in ("spec", "guide"):
            raise ValueError("error_style must be 'spec' or 'guide'")
        self.token_ttl = token_ttl
        self.require_business_token = require_business_token
        self.error_style: ErrorStyle = error_style
        self.currency = currency
        self.on_response = on_response
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._clock_offset = timedelta()
        # Handlers never await while holding it, so it never blocks; it documents (and keeps
        # safe, should a handler ever await) the read-check-write of idempotent creates.
        self._lock = asyncio.Lock()
        self._faults = FaultBook()
        self._requests = RequestLog()
        self._partners: dict[str, str] = {}
        self._businesses: dict[str, str] = {}
        self._tokens: dict[str, _Token] = {}
        self._customers: dict[str, _Customer] = {}
        self._invoices: dict[str, _Invoice] = {}
        self._invoice_numbers: dict[str, int] = {}
        credentials = self.add_partner(partner_id=partner_id, api_key=api_key)
        self.partner_id = credentials.partner_id
        self.api_key = credentials.api_key
        self.business_id = self.add_business(business_id=business_id)
        self.app = SandboxApp(
            self._build_router(),
            faults=self._faults,
            requests=self._requests,
            stop=StopSignal(),
            error_body=lambda request_id, status: self._error_body(
                request_id,
                _DEFAULT_CODES.get(status, "server_error"),
                f"Injected fault: HTTP {status}.",
                {},
            ),
            on_response=lambda: self.on_response,
        )

    # ------------------------------------------------------------------ Python control API

    def now(self) -> datetime:
        """The sandbox's current time (the clock plus any :meth:`advance_clock`)."""
        return self._clock().astimezone(UTC) + self._clock_offset

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox's time forward (tokens expire, invoices fall overdue)."""
        self._clock_offset += timedelta(seconds=seconds)

    def add_partner(
        self, *, partner_id: str | None = None, api_key: str | None = None
    ) -> PartnerCredentials:
        """Register a partner and return its credentials (random unless given)."""
        pid = partner_id or str(uuid.uuid4())
        key = api_key or f"sk_sandbox_{secrets.token_urlsafe(24)}"
        self._partners[pid] = key
        return PartnerCredentials(pid, key)

    def add_business(self, *, partner_id: str | None = None, business_id: str | None = None) -> str:
        """Create a business owned by ``partner_id`` (default: the initial partner); its id."""
        owner = partner_id or self.partner_id
        if owner not in self._partners:
            raise KeyError(f"unknown partner {owner!r}")
        bid = _canonical_uuid(business_id) if business_id else str(uuid.uuid4())
        if bid is None:
            raise ValueError("business_id must be a UUID")
        self._businesses[bid] = owner
        return bid

    @property
    def business_ids(self) -> list[str]:
        """Every business, in creation order."""
        return list(self._businesses)

    def revoke_tokens(self, token: str | None = None) -> int:
        """Forget one token, or every token (the server "dropping" them); how many went."""
        if token is not None:
            return 1 if self._tokens.pop(token, None) is not None else 0
        count = len(self._tokens)
        self._tokens.clear()
        return count

    @property
    def tokens(self) -> list[str]:
        """Tokens issued and not revoked (expired ones included)."""
        return list(self._tokens)

    @property
    def customers(self) -> dict[str, dict[str, Any]]:
        """Every customer as the API would return it, by id (a copy: mutate freely)."""
        return {cid: self._customer_json(c) for cid, c in self._customers.items()}

    @property
    def invoices(self) -> dict[str, dict[str, Any]]:
        """Every invoice as the API would return it, by id (a copy: mutate freely)."""
        return {iid: self._invoice_json(i) for iid, i in self._invoices.items()}

    def reset(self) -> None:
        """Forget customers, invoices, tokens, faults and the request log (keep identities)."""
        self._customers.clear()
        self._invoices.clear()
        self._invoice_numbers.clear()
        self._tokens.clear()
        self._faults.clear()
        self._requests.clear()

    def add_fault(
        self,
        path: PathMatch,
        *,
        method: str | None = None,
        action: FaultAction,
        times: int | None = 1,
        status: int = 500,
        body: FaultBody = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | Sequence[tuple[str, str]] | None = None,
        retry_after: str | int | None = None,
        delay: FaultDelay = 0.0,
        after_processing: bool = False,
        raw: bytes | None = None,
    ) -> Fault:
        """Make the next ``times`` requests matching ``path`` (and ``method``) misbehave.

        ``path`` is a prefix (``str``) or a compiled regular expression (``re.search``);
        ``times=None`` fires on every match until :meth:`clear_faults`. Rules fire in the order
        they were added, so two rules for one path script two requests in turn.

        ``action``:

        * ``respond``: answer ``status`` (default 500) with ``body``: None sends the standard
          JSON error body; a dict or list is sent as JSON; ``str``/``bytes`` as they are, with
          ``content_type`` (default ``text/html``); or a function of the request
          (:class:`RequestRecord`, e.g. to echo one of its headers) returning one of those.
          ``headers`` are added (e.g. ``{"Content-Encoding": "gzip"}`` with gzip bytes as
          ``body``, a ``Location``, a 9000-byte ``Set-Cookie``); ``retry_after`` adds
          ``Retry-After``.
        * ``delay``: wait ``delay`` seconds, then answer normally.
        * ``drop``: close the connection without answering.
        * ``truncate``: handle the request, send the status line, headers and half the body
          (``Content-Length`` announces all of it), then close.
        * ``reset``: as ``truncate``, but end with a TCP RST (``connection reset by peer``).
        * ``malformed_json``: handle the request, then answer 200 with a body that is not JSON.
        * ``stall``: hold the connection without answering until the client gives up, then
          close it; ``delay`` bounds the hold (default :data:`STALL_LIMIT`, 10 s).
        * ``raw``: write ``raw`` to the socket as it is, then close: a malformed status line
          (``b"HTTP/1.1 2OO OK\\r\\n"``), a bad header line, a header over 8190 bytes...

        ``delay`` (seconds, or a ``(low, high)`` range drawn uniformly for each request) is
        waited before any action. ``after_processing=True`` handles the request first (a create
        takes effect) and the fault hits the answer; ``truncate``, ``reset`` and
        ``malformed_json`` always do. A wait ends early when the client disconnects (a request
        not yet handled then never is) or the server stops.

        Over a socket (:class:`SandboxServer`) the connection-level actions do to the socket
        what their names say. In process (``httpx.ASGITransport``) there is no socket:
        ``drop``, ``truncate``, ``reset``, ``stall`` and ``raw`` raise
        :class:`SandboxConnectionDropped`, an ``httpx.RemoteProtocolError``.

        Raises ``ValueError``/``TypeError`` naming any argument that is wrong or that ``action``
        does not use.
        """
        defaults: dict[str, Any] = {
            "status": (status, 500),
            "body": (body, None),
            "content_type": (content_type, None),
            "headers": (headers, None),
            "retry_after": (retry_after, None),
            "delay": (delay, 0.0),
            "after_processing": (after_processing, False),
            "raw": (raw, None),
        }
        given = {
            name: value
            for name, (value, default) in defaults.items()
            if value is not default and value != default
        }
        return self._faults.add(path=path, method=method, action=action, times=times, given=given)

    def clear_faults(self) -> None:
        """Remove every fault rule."""
        self._faults.clear()

    @property
    def faults(self) -> list[Fault]:
        """The fault rules that can still fire, oldest first."""
        return self._faults.active()

    def request_count(self, path: PathMatch | None = None, method: str | None = None) -> int:
        """API requests received whose path matches ``path`` (prefix or pattern) and method."""
        return self._requests.count(path, method)

    @property
    def requests(self) -> list[RequestRecord]:
        """Every API request received (admin requests excluded), oldest first."""
        return self._requests.records()

    @property
    def requests_in_flight(self) -> int:
        """API requests being handled (or held by a fault) right now."""
        return self._requests.in_flight

    @property
    def max_requests_in_flight(self) -> int:
        """The most API requests handled at once since the request log was last cleared."""
        return self._requests.max_in_flight

    # ------------------------------------------------------------------ responses

    def _error_body(
        self,
        request_id: str,
        code: str,
        message: str,
        detail: dict[str, Any],
    ) -> bytes:
        if self.error_style == "guide":
            details = detail.get("field_errors", detail)
            payload: dict[str, Any] = {"error": message, "error_code": code, "details": details}
        else:
            payload = {
                "error_code": code,
                "message": message,
                "detail": detail,
                "request_id": request_id,
            }
        return json.dumps(payload).encode()

    def _error(
        self,
        request: Request,
        status: int,
        code: str,
        message: str,
        detail: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        if self.error_style == "guide":
            request.state.off_contract = "error_style=guide"
        body = self._error_body(request.state.request_id, code, message, detail or {})
        return Response(body, status, headers=headers, media_type="application/json")

    def _invalid(self, request: Request, errors: FieldErrors) -> Response:
        return self._error(
            request, 400, "validation_error", "Invalid input.", {"field_errors": errors}
        )

    @staticmethod
    def _ok(payload: Any, status: int = 200) -> Response:
        return Response(json.dumps(payload).encode(), status, media_type="application/json")

    # ------------------------------------------------------------------ auth

    def _issue(self, partner_id: str, business_id: str | None) -> tuple[str, int]:
        token = secrets.token_urlsafe(32)
        ttl = self.token_ttl
        self._tokens[token] = _Token(
            partner_id=partner_id,
            business_id=business_id,
            expires_at=self.now() + timedelta(seconds=ttl),
        )
        return token, ttl

    def _bearer(self, request: Request) -> _Token:
        header = request.headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        if not header:
            raise _Denied(
                self._error(
                    request,
                    401,
                    "authentication_required",
                    "Authentication credentials were not provided.",
                )
            )
        if scheme.lower() != "bearer" or not credentials.strip():
            raise _Denied(
                self._error(
                    request,
                    401,
                    "authentication_required",
                    "Send an access token: 'Authorization: Bearer <token>'.",
                )
            )
        token = self._tokens.get(credentials.strip())
        if token is None or self.now() >= token.expires_at:
            raise _Denied(
                self._error(
                    request, 401, "invalid_token", "The access token is invalid or has expired."
                )
            )
        return token

    def _business(self, request: Request, raw_id: str) -> str:
        """The canonical business id, if it exists (else 404)."""
        business_id = _canonical_uuid(raw_id)
        if business_id is None or business_id not in self._businesses:
            raise _Denied(
                self._error(
                    request,
                    404,
                    "business_not_found",
                    "Business not found.",
                    {"business_id": raw_id},
                )
            )
        return business_id

    def _authorize(self, request: Request) -> str:
        """Check the bearer token against the URL's business; the canonical business id."""
        token = self._bearer(request)
        raw_id = request.path_params["business_id"]
        canonical = _canonical_uuid(raw_id)
        if token.business_id is not None:
            if canonical != token.business_id:
                raise _Denied(
                    self._error(
                        request,
                        403,
                        "permission_denied",
                        "This business-scoped token is not valid for this business.",
                        {"business_id": raw_id},
                    )
                )
        elif self.require_business_token:
            raise _Denied(
                self._error(
                    request,
                    403,
                    "permission_denied",
                    "Partner tokens cannot access this resource; exchange it for a business-scoped "
                    "token at POST /v1/platform/{business_id}/oauth2/token/.",
                )
            )
        business_id = self._business(request, raw_id)
        if self._businesses[business_id] != token.partner_id:
            raise _Denied(
                self._error(
                    request,
                    403,
                    "permission_denied",
                    "This business does not belong to your partner account.",
                    {"business_id": raw_id},
                )
            )
        return business_id

    # ------------------------------------------------------------------ token endpoints

    async def _partner_token(self, request: Request) -> Response:
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
            return self._error(
                request,
                401,
                "authentication_required",
                "Send HTTP Basic credentials: partner id and API key.",
            )
        if self._partners.get(partner_id) is None or not secrets.compare_digest(
            self._partners[partner_id], api_key or ""
        ):
            return self._error(
                request, 401, "authentication_required", "Invalid partner credentials."
            )
        form = await _token_form(request)
        if form is None:
            return self._invalid(
                request,
                {
                    "non_field_errors": [
                        "Send the body form-encoded, as JSON or as multipart form data."
                    ]
                },
            )
        errors: FieldErrors = {}
        grant_type = form.get("grant_type")
        # Some guides send no body at all: a missing grant_type means client_credentials.
        if grant_type is not None and grant_type != "client_credentials":
            errors["grant_type"] = [
                f"Unsupported grant type {grant_type!r}; use 'client_credentials'."
            ]
        client_id = form.get("client_id")
        if client_id is not None and client_id != partner_id:
            errors["client_id"] = ["Does not match the partner in the Basic credentials."]
        if errors:
            return self._invalid(request, errors)
        token, ttl = self._issue(partner_id, None)
        return self._ok({"access_token": token, "token_type": "Bearer", "expires_in": ttl})

    async def _business_token(self, request: Request) -> Response:
        try:
            token = self._bearer(request)
            raw_id = request.path_params["business_id"]
            if token.business_id is not None:
                raise _Denied(
                    self._error(
                        request,
                        403,
                        "permission_denied",
                        "Exchange a partner token, not a business token.",
                    )
                )
            business_id = self._business(request, raw_id)
            if self._businesses[business_id] != token.partner_id:
                raise _Denied(
                    self._error(
                        request,
                        403,
                        "permission_denied",
                        "This business does not belong to your partner account.",
                        {"business_id": raw_id},
                    )
                )
        except _Denied as denied:
            return denied.response
        access, ttl = self._issue(token.partner_id, business_id)
        return self._ok(
            {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": ttl,
                "scope": "business_access",
                "business_id": business_id,
            }
        )

    # ------------------------------------------------------------------ customers

    def _customer_json(self, customer: _Customer, *, documents: bool = True) -> dict[str, Any]:
        f = customer.fields
        address = [
            f[k]
            for k in (
                "address_line1",
                "address_line2",
                "city",
                "state_county",
                "postal_code",
                "country",
            )
            if f[k]
        ]
        balance = sum(
            inv.data["outstanding_balance"]
            for inv in self._invoices.values()
            if inv.customer_id == customer.id
        )
        out: dict[str, Any] = {
            "type": "CustomerData",
            "id": customer.id,
            "external_id": f["external_id"],
            "reference_number": f["reference_number"],
            "individual_name": f["individual_name"],
            "company_name": f["company_name"],
            "display_name": f["company_name"] or f["individual_name"],
            "email": f["email"],
            "mobile_phone": f["mobile_phone"],
            "office_phone": f["office_phone"],
            "address_line1": f["address_line1"],
            "address_line2": f["address_line2"],
            "city": f["city"],
            "state_county": f["state_county"],
            "postal_code": f["postal_code"],
            "country": f["country"],
            "full_address": "\n".join(address),
            "address_string": ", ".join(address),
            "vat_number": f["vat_number"],
            "tax_exempt": f["tax_exempt"],
            "status": customer.status,
            "is_active": customer.status == "ACTIVE",
            "is_archived": customer.status == "ARCHIVED",
            "transaction_tags": copy.deepcopy(f["transaction_tags"]),
            "notes": f["notes"],
            "metadata": copy.deepcopy(f["metadata"]),
            "payment_terms_days": f["payment_terms_days"],
            "credit_limit": f["credit_limit_cents"],
            "credit_limit_cents": f["credit_limit_cents"],
            "outstanding_balance": balance,
            "created_at": _iso(customer.created_at),
            "updated_at": _iso(customer.updated_at),
            "archived_at": _iso(customer.archived_at),
        }
        if documents:
            # Uploaded documents are not stored by the sandbox; the list is always empty.
            out["documents"] = []
        return out

    def _new_customer(self, business_id: str, fields: dict[str, Any]) -> _Customer:
        now = self.now()
        status = fields.pop("status", "active").upper()
        customer = _Customer(
            id=str(uuid.uuid4()),
            business_id=business_id,
            fields=fields,
            status=status,
            created_at=now,
            updated_at=now,
            archived_at=now if status == "ARCHIVED" else None,
        )
        self._customers[customer.id] = customer
        return customer

    def _customer_by_external_id(self, business_id: str, external_id: str) -> _Customer | None:
        for customer in self._customers.values():
            if (
                customer.business_id == business_id
                and customer.fields["external_id"] == external_id
            ):
                return customer
        return None

    def _customer_in(self, request: Request, business_id: str) -> _Customer:
        raw_id = request.path_params["customer_id"]
        customer = self._customers.get(_canonical_uuid(raw_id) or "")
        if customer is None or customer.business_id != business_id:
            raise _Denied(
                self._error(
                    request,
                    404,
                    "customer_not_found",
                    "Customer not found.",
                    {"customer_id": raw_id},
                )
            )
        return customer

    async def _create_customer(self, request: Request) -> Response:
        try:
            business_id = self._authorize(request)
            body = await _json_body(self, request)
        except _Denied as denied:
            return denied.response
        cleaned, errors = clean_customer(body)
        if errors:
            return self._invalid(request, errors)
        async with self._lock:
            external_id = cleaned["external_id"]
            if external_id is not None:
                existing = self._customer_by_external_id(business_id, external_id)
                if existing is not None:
                    return self._ok(self._customer_json(existing), 200)
            customer = self._new_customer(business_id, cleaned)
            return self._ok(self._customer_json(customer), 201)

    async def _list_customers(self, request: Request) -> Response:
        # The contract has no list operation yet; the shape is the reference pages' pagination.
        request.state.off_contract = "list customers is not in the contract"
        try:
            business_id = self._authorize(request)
        except _Denied as denied:
            return denied.response
        errors: FieldErrors = {}
        page = _positive_int(request.query_params.get("page"), 1, "page", errors)
        page_size = min(
            _positive_int(request.query_params.get("page_size"), 20, "page_size", errors), 100
        )
        if errors:
            return self._invalid(request, errors)
        mine = [c for c in self._customers.values() if c.business_id == business_id]
        start = (page - 1) * page_size
        results = [self._customer_json(c, documents=False) for c in mine[start : start + page_size]]
        return self._ok(
            {
                "count": len(mine),
                "page_info": {
                    "total_count": len(mine),
                    "current_page": page,
                    "total_pages": max(1, math.ceil(len(mine) / page_size)),
                    "page_size": page_size,
                },
                "results": results,
            }
        )

    async def _get_customer(self, request: Request) -> Response:
        try:
            business_id = self._authorize(request)
            customer = self._customer_in(request, business_id)
        except _Denied as denied:
            return denied.response
        return self._ok(self._customer_json(customer))

    async def _archive_customer(self, request: Request) -> Response:
        try:
            business_id = self._authorize(request)
            customer = self._customer_in(request, business_id)
        except _Denied as denied:
            return denied.response
        async with self._lock:
            # Idempotent: archiving an archived customer changes nothing and answers 200 with
            # the original archived_at, so a retried archive cannot fail or move the timestamp.
            if customer.status != "ARCHIVED":
                now = self.now()
                customer.status = "ARCHIVED"
                customer.archived_at = now
                customer.updated_at = now
            return self._ok(self._customer_json(customer))

    # ------------------------------------------------------------------ invoices

    def _invoice_json(self, invoice: _Invoice) -> dict[str, Any]:
        d = invoice.data
        overdue = d["outstanding_balance"] > 0 and d["due_at"] < self.now()
        return {
            "type": "InvoiceData",
            "id": invoice.id,
            "business_id": invoice.business_id,
            "status": "OVERDUE" if overdue else "SENT",
            "sent_at": _iso(d["sent_at"]),
            "due_at": _iso(d["due_at"]),
            "paid_at": None,
            "voided_at": None,
            "is_overdue": overdue,
            "invoice_number": d["invoice_number"],
            "invoice_type": d["invoice_type"],
            "currency": self.currency,
            "customer": self._customer_json(self._customers[invoice.customer_id]),
            "line_items": copy.deepcopy(d["line_items"]),
            "subtotal": d["subtotal"],
            "additional_discount": d["additional_discount"],
            "additional_sales_taxes": copy.deepcopy(d["additional_sales_taxes"]),
            "additional_sales_taxes_total": d["additional_sales_taxes_total"],
            "tips": d["tips"],
            "tips_account": d["tips_account"],
            "total_amount": d["total_amount"],
            "outstanding_balance": d["outstanding_balance"],
            "payment_allocations": [],
            "credit_allocations": [],
            "refund_allocations": [],
            "write_offs": [],
            "document": None,
            "imported_at": _iso(invoice.created_at),
            "updated_at": _iso(invoice.created_at),
            "external_id": d["external_id"],
            "memo": d["memo"],
        }

    def _next_invoice_number(self, business_id: str) -> str:
        taken = {
            i.data["invoice_number"]
            for i in self._invoices.values()
            if i.business_id == business_id
        }
        while True:
            self._invoice_numbers[business_id] = self._invoice_numbers.get(business_id, 0) + 1
            number = f"INV-{self._invoice_numbers[business_id]:06d}"
            if number not in taken:
                return number

    async def _create_invoice(self, request: Request) -> Response:
        try:
            business_id = self._authorize(request)
            body = await _json_body(self, request)
        except _Denied as denied:
            return denied.response
        cleaned, errors = clean_invoice(body)
        if errors:
            return self._invalid(request, errors)
        async with self._lock:
            for existing in self._invoices.values():
                if (
                    existing.business_id == business_id
                    and existing.data["external_id"] == cleaned["external_id"]
                ):
                    return self._ok(self._invoice_json(existing), 200)
            if cleaned["customer_id"] is not None:
                customer = self._customers.get(_canonical_uuid(cleaned["customer_id"]) or "")
                if customer is None or customer.business_id != business_id:
                    return self._invalid(
                        request, {"customer_id": ["No customer with this id in this business."]}
                    )
            else:
                ext = cleaned["customer_external_id"]
                found = self._customer_by_external_id(business_id, ext)
                # An unknown customer_external_id creates a customer named after it.
                customer = found or self._new_customer(business_id, _bare_customer(ext))
            invoice_id = str(uuid.uuid4())
            data = _compute_invoice(invoice_id, cleaned)
            data["invoice_number"] = cleaned["invoice_number"] or self._next_invoice_number(
                business_id
            )
            invoice = _Invoice(
                id=invoice_id,
                business_id=business_id,
                customer_id=customer.id,
                data=data,
                created_at=self.now(),
                extra={
                    "transaction_tags": cleaned["transaction_tags"],
                    "metadata": cleaned["metadata"],
                },
            )
            self._invoices[invoice_id] = invoice
            return self._ok(self._invoice_json(invoice), 201)

    # ------------------------------------------------------------------ admin API

    async def _admin_info(self, request: Request) -> Response:
        return self._ok(
            {
                "partner_id": self.partner_id,
                "api_key": self.api_key,
                "business_id": self.business_id,
                "business_ids": self.business_ids,
                "now": _iso(self.now()),
                "config": {
                    "token_ttl": self.token_ttl,
                    "require_business_token": self.require_business_token,
                    "error_style": self.error_style,
                    "currency": self.currency,
                },
            }
        )

    async def _admin_config(self, request: Request) -> Response:
        body = await _admin_json(request)
        if "token_ttl" in body:
            self.token_ttl = int(body["token_ttl"])
        if "require_business_token" in body:
            self.require_business_token = bool(body["require_business_token"])
        if body.get("error_style") in ("spec", "guide"):
            self.error_style = body["error_style"]
        if "currency" in body:
            self.currency = str(body["currency"])
        return await self._admin_info(request)

    async def _admin_state(self, request: Request) -> Response:
        return self._ok(
            {"customers": list(self.customers.values()), "invoices": list(self.invoices.values())}
        )

    async def _admin_reset(self, request: Request) -> Response:
        self.reset()
        return self._ok({"reset": True})

    async def _admin_faults(self, request: Request) -> Response:
        if request.method == "GET":
            return self._ok([f.describe() for f in self.faults])
        if request.method == "DELETE":
            self.clear_faults()
            return self._ok([])
        body = await _admin_json(request)
        try:
            fault = _fault_from_json(self, body)
        except (ValueError, TypeError, re.error, binascii.Error) as exc:
            return self._ok({"error": str(exc)}, 400)
        return self._ok(fault.describe(), 201)

    async def _admin_fault(self, request: Request) -> Response:
        removed = self._faults.remove(int(request.path_params["fault_id"]))
        return self._ok({"removed": removed}, 200 if removed else 404)

    async def _admin_requests(self, request: Request) -> Response:
        if request.method == "DELETE":
            self._requests.clear()
        return self._ok(
            {
                "counts": dict(self._requests.counts()),
                "requests": [
                    {
                        "method": r.method,
                        "path": r.path,
                        "request_id": r.request_id,
                        "fault": r.fault,
                    }
                    for r in self._requests.records()
                ],
            }
        )

    async def _admin_revoke(self, request: Request) -> Response:
        body = await _admin_json(request)
        return self._ok({"revoked": self.revoke_tokens(body.get("token"))})

    async def _admin_businesses(self, request: Request) -> Response:
        return self._ok({"business_id": self.add_business()}, 201)

    async def _admin_clock(self, request: Request) -> Response:
        body = await _admin_json(request)
        self.advance_clock(float(body.get("advance", 0)))
        return self._ok({"now": _iso(self.now())})

    # ------------------------------------------------------------------ wiring

    def _build_router(self) -> Starlette:
        a = ADMIN_PREFIX
        routes = [
            Route(f"{_V1}/oauth2/token/", self._partner_token, methods=["POST"]),
            Route(f"{_V1}/{{business_id}}/oauth2/token/", self._business_token, methods=["POST"]),
            Route(
                f"{_V1}/businesses/{{business_id}}/customers/",
                self._create_customer,
                methods=["POST"],
            ),
            Route(
                f"{_V1}/businesses/{{business_id}}/customers/",
                self._list_customers,
                methods=["GET"],
            ),
            Route(
                f"{_V1}/businesses/{{business_id}}/customers/{{customer_id}}/",
                self._get_customer,
                methods=["GET"],
            ),
            Route(
                f"{_V1}/businesses/{{business_id}}/customers/{{customer_id}}/archive/",
                self._archive_customer,
                methods=["POST"],
            ),
            Route(
                f"{_V1}/businesses/{{business_id}}/invoices/",
                self._create_invoice,
                methods=["POST"],
            ),
            Route(f"{a}/", self._admin_info, methods=["GET"]),
            Route(f"{a}/config", self._admin_config, methods=["PATCH", "POST"]),
            Route(f"{a}/state", self._admin_state, methods=["GET"]),
            Route(f"{a}/reset", self._admin_reset, methods=["POST"]),
            Route(f"{a}/faults", self._admin_faults, methods=["GET", "POST", "DELETE"]),
            Route(f"{a}/faults/{{fault_id:int}}", self._admin_fault, methods=["DELETE"]),
            Route(f"{a}/requests", self._admin_requests, methods=["GET", "DELETE"]),
            Route(f"{a}/tokens/revoke", self._admin_revoke, methods=["POST"]),
            Route(f"{a}/businesses", self._admin_businesses, methods=["POST"]),
            Route(f"{a}/clock", self._admin_clock, methods=["POST"]),
        ]

        async def http_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, HTTPException)
            code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
            message = exc.detail
            if exc.status_code == 404 and not request.url.path.endswith("/"):
                message = "Not found. API paths end with a slash."
            request.state.off_contract = f"HTTP {exc.status_code} from routing"
            return self._error(request, exc.status_code, code, message)

        # No slash redirects: the real API's paths all end with '/', and a 307 would hide an
        # SDK that builds paths without it.
        app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
        app.router.redirect_slashes = False
        return app


# ---------------------------------------------------------------------- helpers


def _bare_customer(external_id: str) -> dict[str, Any]:
    cleaned, _ = clean_customer({"individual_name": external_id, "external_id": external_id})
    return cleaned


def _compute_invoice(invoice_id: str, cleaned: dict[str, Any]) -> dict[str, Any]:
    """Totals in integer cents. Taxes are amounts, not rates, so nothing is ever rounded."""
    lines = []
    for item in cleaned["line_items"]:
        subtotal = item["quantity"] * item["unit_price"]
        taxes = sum(t["amount"] - t["discount_amount"] for t in item["sales_taxes"])
        lines.append(
            {
                "id": str(uuid.uuid4()),
                "invoice_id": invoice_id,
                "account_identifier": item["account_identifier"],
                "description": item["description"],
                "unit_price": item["unit_price"],
                "quantity": item["quantity"],
                "subtotal": subtotal,
                "discount_amount": item["discount_amount"],
                "sales_taxes_total": taxes,
                "total_amount": subtotal - item["discount_amount"] + taxes,
                "external_id": item["external_id"],
                "product": item["product"],
            }
        )
    total = (
        sum(line["total_amount"] for line in lines)
        - cleaned["additional_discount"]
        + cleaned["additional_sales_taxes_total"]
        + cleaned["tips"]
    )
    sent_at = cleaned["sent_at"]
    return {
        "external_id": cleaned["external_id"],
        "sent_at": sent_at,
        "due_at": cleaned["due_at"] or sent_at + timedelta(days=_DEFAULT_DUE_DAYS),
        "invoice_type": cleaned["invoice_type"],
        "memo": cleaned["memo"],
        "line_items": lines,
        "subtotal": sum(line["subtotal"] for line in lines),
        "additional_discount": cleaned["additional_discount"],
        "additional_sales_taxes": cleaned["additional_sales_taxes"],
        "additional_sales_taxes_total": cleaned["additional_sales_taxes_total"],
        "tips": cleaned["tips"],
        "tips_account": cleaned["tips_account"],
        "total_amount": total,
        "outstanding_balance": total,
    }


def _positive_int(raw: str | None, default: int, name: str, errors: FieldErrors) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        errors[name] = ["A positive integer is required."]
        return default
    return int(raw)


async def _json_body(sandbox: Sandbox, request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw) if raw.strip() else None
    except (ValueError, UnicodeDecodeError) as exc:
        raise _Denied(
            sandbox._invalid(request, {"non_field_errors": [f"JSON parse error - {exc}"]})
        ) from None


async def _admin_json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    body = json.loads(raw)
    return body if isinstance(body, dict) else {}


async def _token_form(request: Request) -> dict[str, str] | None:
    """The token request's fields from a form, JSON or multipart body; None if unreadable."""
    raw = await request.body()
    if not raw.strip():
        return {}
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media in ("", "application/x-www-form-urlencoded"):
        try:
            return {k: v[-1] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
        except UnicodeDecodeError:
            return None
    if media == "application/json":
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None
    if media == "multipart/form-data":
        # The stdlib MIME parser reads multipart/form-data; no python-multipart dependency.
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
        )
        if not message.is_multipart():
            return None
        fields: dict[str, str] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if isinstance(name, str):
                payload = part.get_payload(decode=True)
                fields[name] = payload.decode() if isinstance(payload, bytes) else ""
        return fields
    return None


_DEFAULT_CODES = {
    400: "validation_error",
    401: "invalid_token",
    403: "permission_denied",
    404: "not_found",
    409: "conflict",
    422: "unprocessable_entity",
    429: "rate_limited",
}
_FAULT_FIELDS = frozenset(
    {
        "path",
        "path_regex",
        "method",
        "action",
        "times",
        "status",
        "body",
        "body_base64",
        "content_type",
        "headers",
        "retry_after",
        "delay",
        "after_processing",
        "raw",
        "raw_base64",
    }
)


def _fault_from_json(sandbox: Sandbox, body: dict[str, Any]) -> Fault:
    """Build a fault from the admin API's JSON: :meth:`Sandbox.add_fault`'s arguments, plus
    ``path_regex`` (instead of ``path``), ``body_base64`` and ``raw_base64`` for binary bodies,
    and ``raw`` as text whose characters are bytes 0-255 (latin-1)."""
    unknown = sorted(set(body) - _FAULT_FIELDS)
    if unknown:
        hint = " ('count' is now 'times')" if "count" in unknown else ""
        raise ValueError(f"unknown fault field(s): {', '.join(unknown)}{hint}")
    if ("path" in body) == ("path_regex" in body):
        raise ValueError("give exactly one of 'path' (a prefix) and 'path_regex'")
    path: PathMatch = re.compile(str(body["path_regex"])) if "path_regex" in body else body["path"]
    options = {k: v for k, v in body.items() if k not in ("path", "path_regex", "action")}
    if "body_base64" in options:
        if "body" in options:
            raise ValueError("give at most one of 'body' and 'body_base64'")
        options["body"] = base64.b64decode(options.pop("body_base64"), validate=True)
    if "raw_base64" in options:
        if "raw" in options:
            raise ValueError("give at most one of 'raw' and 'raw_base64'")
        options["raw"] = base64.b64decode(options.pop("raw_base64"), validate=True)
    elif isinstance(options.get("raw"), str):
        options["raw"] = options["raw"].encode("latin-1")
    if isinstance(options.get("delay"), list):
        options["delay"] = tuple(options["delay"])
    if isinstance(options.get("headers"), list):
        options["headers"] = [tuple(pair) for pair in options["headers"]]
    return sandbox.add_fault(path, action=body.get("action", "respond"), **options)
