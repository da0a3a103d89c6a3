"""A local, stateful Thredfi sandbox for demos and tests (``pip install thredfi-client[testing]``).

In process::

    sandbox = Sandbox()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox.app),
                                 base_url="http://sandbox") as http: ...

Over a loopback socket::

    with SandboxServer(Sandbox()) as server:   # or: async with SandboxServer(...)
        server.base_url                        # http://127.0.0.1:<free port>

or from a shell: ``python -m thredfi_client.testing serve [--port N] [--token-ttl S]``.

Behaviour the documentation leaves open, as the sandbox implements it:

* Archiving an archived customer is idempotent: 200 with the original ``archived_at``.
* Create-customer ``status``: ``active`` -> ``ACTIVE``; ``archived`` -> ``ARCHIVED`` with
  ``archived_at`` = creation time; ``suspended`` -> ``SUSPENDED`` with ``is_active`` and
  ``is_archived`` both false.
* Money is integer cents and taxes are given as amounts (``rate`` is informational), so no
  rounding ever happens.
* A malformed UUID in the path is answered like an unknown id: 404 ``business_not_found``,
  ``customer_not_found``, ``invoice_not_found``, ``payment_not_found`` or
  ``refund_not_found``. Paths without the trailing slash get 404 (no redirect). A method a
  path does not serve gets 405 with an ``Allow`` header.
* Request bodies are checked as ``openapi/thredfi.yaml`` describes them: ``null`` only where a
  field is nullable, each field of its JSON type, enums, required fields. Unknown body fields
  are ignored; blank optional strings count as absent. Beyond the contract, the rules the
  documentation states in prose are applied (a customer needs ``individual_name`` or
  ``company_name``; ``country`` is an ISO 3166-1 alpha-2 code; VAT number forms), and amounts
  and quantities must not be negative nor discounts exceed what they discount.
* The partner token request may have no body; one that is sent needs ``grant_type`` and a
  ``client_id`` equal to the Basic credentials' partner.
* An unknown ``customer_external_id`` on create-invoice creates a customer whose
  ``individual_name`` (hence ``display_name``) and ``external_id`` are that value.
* ``customer_id`` on create-invoice wins over ``customer_external_id``; an id that is not a
  customer of this business is a 400 ``field_errors.customer_id``.
* Uploaded documents are accepted but not stored: ``documents`` is ``[]``, ``document`` null.
* Lists are oldest first; ``page_size`` over 100 is served as 100. Pages come in the reference
  pages' ``page_info`` envelope, or with ``page_envelope="links"`` in the pagination guide's
  ``next``/``previous`` one. Archived customers are listed with ``include_archived=true`` only.
* Payments apply to open invoices of their customer; each allocation lowers the invoice's
  ``outstanding_balance`` (``PARTIALLY_PAID``, then ``PAID`` with ``paid_at``). What is not
  allocated stays ``unapplied_amount_cents``. An allocation over the balance, to another
  customer's or a cancelled invoice, or a currency other than the sandbox's is a 400.
* ``Idempotency-Key`` on a payment: the same key and body answer 200 with the first answer and
  record nothing; the same key with another body is a 422 ``idempotency_key_reused``; only
  successes are remembered; keys are per business.
* A refund gives back money received on one invoice (all of it without ``amount_cents``) and
  reopens that much: the balance goes up; all of it given back is ``REFUNDED``. Deleting a refund
  undoes it. Nothing to refund, or a cancelled invoice: 409.
* Void sets ``CANCELLED`` (``voided_at`` stays null, as documented) with nothing outstanding;
  voiding again changes nothing. An invoice with money received on it (paid or partly paid, net
  of refunds) is not voided: 409 ``invalid_state_transition``. Update (PUT) changes the fields
  given; lines given replace the lines; a cancelled invoice cannot change (409).
* Every body may be JSON, form or multipart (the vendor offers all three): form text is read as
  the property's type; nested values travel as JSON text.
* Every operation of ``openapi/thredfi.yaml`` is served, by one engine driven by the contract;
  a resource with documented rules has a hook module (``_api/resources/``). A resource with
  none is stored as its create body plus the server-side fields of its response schema: ids,
  timestamps, defaults, the first value of an enum. Lists filter by the query parameters that
  name a field; ``include_archived`` unset hides archived records.
* Businesses are per partner: another partner's business is 404 ``business_not_found``. A
  business created through the API can be used (tokens, customers...) at once; ``_meta`` is
  ``{"created": true}`` on the first create, ``false`` on a replay.
* Payments are recorded ``completed``. ``PATCH`` changes the fields given (``status``
  included); new allocations are checked as on create. Cancelling (``POST .../delete/``) is for
  ``pending`` or ``failed`` payments only (else 409) and reverses the allocations.
* A refund's ``status`` (not in the contract's Refund) is ``pending`` until refund payments pay
  it out, ``processing`` while part of it is, ``paid`` once all of it is; a refund payment over
  what is left is a 400.
* A customer credit's allocations lower their invoices' balances like payments (listed in
  ``credit_allocations``); its ``status`` is ``draft``, or ``sent`` with ``sent_at``.

Fault controls: one method, :meth:`Sandbox.add_fault` (actions ``respond``, ``delay``, ``drop``,
``truncate``, ``malformed_json``, ``reset``, ``stall``, ``raw``), plus :meth:`Sandbox.clear_faults`
and the request log (:attr:`Sandbox.requests`, :meth:`Sandbox.request_count`). The same controls
are served over HTTP under ``/__sandbox__/`` (``GET /__sandbox__/``,
``POST|GET|DELETE /__sandbox__/faults``, ``DELETE /__sandbox__/faults/{id}``,
``GET|DELETE /__sandbox__/requests``, ``GET /__sandbox__/state``, ``POST /__sandbox__/reset``,
``POST /__sandbox__/tokens/revoke``, ``POST /__sandbox__/businesses``,
``POST /__sandbox__/clock {"advance": s}``, ``PATCH /__sandbox__/config``); a fault posted over
HTTP is a JSON object of ``add_fault``'s arguments (``path`` or ``path_regex``; ``body_base64``
and ``raw_base64`` for bytes).
"""

from ._asgi import ADMIN_PREFIX, SandboxExchange
from ._connection import SandboxConnectionDropped
from ._countries import ISO_3166_ALPHA2
from ._faults import STALL_LIMIT, Fault
from ._request_log import RequestRecord
from ._sandbox import ErrorStyle, PartnerCredentials, Sandbox
from ._server import SandboxServer

__all__ = [
    "ADMIN_PREFIX",
    "ISO_3166_ALPHA2",
    "STALL_LIMIT",
    "ErrorStyle",
    "Fault",
    "PartnerCredentials",
    "RequestRecord",
    "Sandbox",
    "SandboxConnectionDropped",
    "SandboxExchange",
    "SandboxServer",
]
