"""``Sandbox``: the facade that puts the store, the API, the admin API and the faults together.

It holds no behaviour of its own: state lives in ``_store``, the ``/v1/platform`` engine and
the resources' rules in ``_api/``, the ``/__sandbox__/`` handlers in ``_admin``, fault rules in
``_faults`` and the outer ASGI layer (request ids, the request log, faults, the response hook)
in ``_asgi``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ._admin import admin_endpoints
from ._api import new_engine
from ._api.resources.customers import new_customer, render_customer
from ._api.resources.invoices import add_invoice, invoice_customer, invoices, render_invoice
from ._api.responses import error_body
from ._api.routing import build_app
from ._asgi import ResponseHook, SandboxApp
from ._connection import StopSignal
from ._contract import contract
from ._faults import Fault, FaultAction, FaultBody, FaultBook, FaultDelay
from ._request_log import PathMatch, RequestLog, RequestRecord
from ._store import (
    Clock,
    ErrorStyle,
    PageEnvelope,
    PartnerCredentials,
    Settings,
    Store,
    canonical_uuid,
    iso,
)
from ._validation import clean_customer, clean_invoice

__all__ = ["ErrorStyle", "PageEnvelope", "PartnerCredentials", "Sandbox"]

_DEFAULT_CODES = {
    400: "validation_error",
    401: "invalid_token",
    403: "permission_denied",
    404: "not_found",
    409: "conflict",
    422: "unprocessable_entity",
    429: "rate_limited",
}


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
        token_leeway: Seconds an expired token is still accepted (clock-skew leeway; 0: none).
        token_prefix: Text every issued token starts with, e.g. a marker a secret scanner looks
            for (default: none).
        page_envelope: ``"page_info"`` (default) shapes list pages as the reference pages do,
            ``{"count", "page_info", "results"}``; ``"links"`` as the pagination guide does,
            ``{"count", "next", "previous", "results"}``.
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
        token_leeway: float = 0.0,
        token_prefix: str = "",
        page_envelope: PageEnvelope = "page_info",
    ) -> None:
        settings = Settings(
            token_ttl=token_ttl,
            token_leeway=token_leeway,
            token_prefix=token_prefix,
            require_business_token=require_business_token,
            error_style=error_style,
            currency=currency,
            page_envelope=page_envelope,
        )
        self.on_response = on_response
        self._store = Store(settings, clock)
        self._faults = FaultBook()
        self._requests = RequestLog()
        credentials = self._store.add_partner(partner_id=partner_id, api_key=api_key)
        self.partner_id = credentials.partner_id
        self.api_key = credentials.api_key
        self.business_id = self._store.add_business(self.partner_id, business_id)
        self._engine = new_engine(self._store, contract())
        admin = admin_endpoints(
            self._store,
            self._engine,
            self._faults,
            self._requests,
            identity=credentials,
            business_id=self.business_id,
            add_fault=self.add_fault,
            reset=self.reset,
        )
        self.app = SandboxApp(
            build_app(settings, [*self._engine.endpoints(), *admin]),
            faults=self._faults,
            requests=self._requests,
            stop=StopSignal(),
            error_body=self._fault_error_body,
            on_response=lambda: self.on_response,
        )

    # ------------------------------------------------------------------ settings

    @property
    def token_ttl(self) -> int:
        """``expires_in`` of tokens issued from now on, in seconds."""
        return self._store.settings.token_ttl

    @token_ttl.setter
    def token_ttl(self, value: int) -> None:
        self._store.settings.update(token_ttl=value)

    @property
    def token_leeway(self) -> float:
        """Seconds an expired token is still accepted."""
        return self._store.settings.token_leeway

    @token_leeway.setter
    def token_leeway(self, value: float) -> None:
        self._store.settings.update(token_leeway=value)

    @property
    def token_prefix(self) -> str:
        """Text every token issued from now on starts with."""
        return self._store.settings.token_prefix

    @token_prefix.setter
    def token_prefix(self, value: str) -> None:
        self._store.settings.update(token_prefix=value)

    @property
    def require_business_token(self) -> bool:
        """Whether partner tokens are refused (403) on customer and invoice endpoints."""
        return self._store.settings.require_business_token

    @require_business_token.setter
    def require_business_token(self, value: bool) -> None:
        self._store.settings.update(require_business_token=value)

    @property
    def error_style(self) -> ErrorStyle:
        """``"spec"`` or ``"guide"``: which documented error body shape is sent."""
        return self._store.settings.error_style

    @error_style.setter
    def error_style(self, value: ErrorStyle) -> None:
        self._store.settings.update(error_style=value)

    @property
    def currency(self) -> str:
        """ISO 4217 code put on every invoice."""
        return self._store.settings.currency

    @currency.setter
    def currency(self, value: str) -> None:
        self._store.settings.update(currency=value)

    @property
    def page_envelope(self) -> PageEnvelope:
        """``"page_info"`` or ``"links"``: which documented envelope list pages come in."""
        return self._store.settings.page_envelope

    @page_envelope.setter
    def page_envelope(self, value: PageEnvelope) -> None:
        self._store.settings.update(page_envelope=value)

    # ------------------------------------------------------------------ time and identities

    def now(self) -> datetime:
        """The sandbox's current time (the clock plus any :meth:`advance_clock`)."""
        return self._store.now()

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox's time forward (tokens expire, invoices fall overdue)."""
        self._store.advance_clock(seconds)

    def add_partner(
        self, *, partner_id: str | None = None, api_key: str | None = None
    ) -> PartnerCredentials:
        """Register a partner and return its credentials (random unless given)."""
        return self._store.add_partner(partner_id=partner_id, api_key=api_key)

    def add_business(self, *, partner_id: str | None = None, business_id: str | None = None) -> str:
        """Create a business owned by ``partner_id`` (default: the initial partner); its id."""
        return self._store.add_business(partner_id or self.partner_id, business_id)

    @property
    def business_ids(self) -> list[str]:
        """Every business, in creation order."""
        return list(self._store.businesses)

    # ------------------------------------------------------------------ tokens and state

    def revoke_tokens(self, token: str | None = None) -> int:
        """Forget one token, or every token (the server "dropping" them); how many went."""
        return self._store.revoke_tokens(token)

    @property
    def tokens(self) -> list[str]:
        """Tokens issued and not revoked (expired ones included), oldest first."""
        return list(self._store.tokens)

    def add_customer(self, *, business_id: str | None = None, **fields: Any) -> dict[str, Any]:
        """Create a customer directly, as a test's setup, without a request; returns its JSON.

        ``fields`` are a create-customer body (default: ``individual_name="Ada Lovelace"``),
        validated as the API would; a bad one raises ``ValueError`` listing the field errors.
        """
        cleaned, errors = clean_customer(fields or {"individual_name": "Ada Lovelace"})
        if errors:
            raise ValueError(f"invalid customer: {errors}")
        target = canonical_uuid(business_id) if business_id else self.business_id
        if target not in self._store.businesses:
            raise KeyError(f"unknown business {business_id!r}")
        return render_customer(self._store, new_customer(self._store, target, cleaned))

    def add_invoice(self, *, business_id: str | None = None, **fields: Any) -> dict[str, Any]:
        """Create an invoice directly, as a test's setup, without a request; returns its JSON.

        ``fields`` are a create-invoice body, validated as the API would; left out:
        ``external_id`` (a new one), ``sent_at`` (now), ``line_items`` (one line of 10 000
        cents) and the customer (``customer_external_id="cust-1"``, made when new). A bad body
        raises ``ValueError`` listing the field errors.
        """
        body: dict[str, Any] = {
            "external_id": f"inv-{uuid.uuid4().hex[:12]}",
            "sent_at": iso(self.now()),
            "line_items": [{"quantity": 1, "unit_price": 10000}],
        }
        if "customer_id" not in fields:
            body["customer_external_id"] = "cust-1"
        body.update(fields)
        cleaned, errors = clean_invoice(body)
        if errors:
            raise ValueError(f"invalid invoice: {errors}")
        target = canonical_uuid(business_id) if business_id else self.business_id
        if target not in self._store.businesses:
            raise KeyError(f"unknown business {business_id!r}")
        customer = invoice_customer(self._store, target, cleaned)
        if customer is None:
            raise ValueError(f"invalid invoice: no customer {fields['customer_id']!r} here")
        if invoices(self._store).by_external_id(target, cleaned["external_id"]) is not None:
            raise ValueError(f"invalid invoice: external_id {cleaned['external_id']!r} is taken")
        return render_invoice(self._store, add_invoice(self._store, target, customer, cleaned))

    @property
    def customers(self) -> dict[str, dict[str, Any]]:
        """Every customer as the API would return it, by id (a copy: mutate freely)."""
        return self.records("customers")

    @property
    def invoices(self) -> dict[str, dict[str, Any]]:
        """Every invoice as the API would return it, by id (a copy: mutate freely)."""
        return self.records("invoices")

    @property
    def payments(self) -> dict[str, dict[str, Any]]:
        """Every payment as the API would return it (unwrapped), by id (a copy)."""
        return self.records("payments")

    @property
    def refunds(self) -> dict[str, dict[str, Any]]:
        """Every refund as the API would return it, by id (a copy)."""
        return self.records("refunds")

    def records(self, resource: str) -> dict[str, dict[str, Any]]:
        """Every record of a resource as the API would return it, by id (a copy).

        ``resource`` is its name (``customers``, ``payments``, ``refund_payments``...) or its
        path in the contract (``invoices/refunds``); raises ``KeyError`` for an unknown one.
        """
        return self._engine.state_of(resource)

    def reset(self) -> None:
        """Forget customers, invoices, payments, refunds, Idempotency-Keys, tokens, faults and
        the request log (keep identities and settings)."""
        self._store.reset()
        self._faults.clear()
        self._requests.clear()

    # ------------------------------------------------------------------ faults

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
        defaults: dict[str, tuple[Any, Any]] = {
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

    # ------------------------------------------------------------------ the request log

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

    # ------------------------------------------------------------------ internals

    def _fault_error_body(self, request_id: str, status: int) -> bytes:
        return error_body(
            self._store.settings.error_style,
            request_id,
            _DEFAULT_CODES.get(status, "server_error"),
            f"Injected fault: HTTP {status}.",
            {},
        )
