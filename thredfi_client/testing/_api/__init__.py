"""The sandbox's ``/v1/platform`` API: one handler module per resource, plus shared helpers.

* ``routing`` -- endpoints to a Starlette app (405 with ``Allow``, JSON 404), ``Denied``;
* ``responses`` -- success bodies and the two documented error shapes;
* ``auth`` -- Basic credentials, bearer tokens, business scoping;
* ``bodies`` -- JSON and token-form bodies; ``pagination`` -- ``page``/``page_size`` envelopes;
* ``filters`` -- a list's query parameters;
* ``tokens``, ``customers``, ``invoices``, ``payments``, ``refunds`` -- the operations, each
  module with its ``endpoints(store)`` and the JSON rendering of its resource.

A new resource is a new module with its handlers and ``endpoints(store)``, listed below.
"""

from __future__ import annotations

from .._store import Store
from . import customers, invoices, payments, refunds, tokens
from .routing import Endpoint

__all__ = ["api_endpoints"]


def api_endpoints(store: Store) -> list[Endpoint]:
    """Every ``/v1/platform`` operation the sandbox serves.

    Payments and refunds come before invoices: ``.../invoices/{invoice_id}/`` would otherwise
    match ``.../invoices/payments/`` (routes are tried in order).
    """
    return [
        *tokens.endpoints(store),
        *customers.endpoints(store),
        *payments.endpoints(store),
        *refunds.endpoints(store),
        *invoices.endpoints(store),
    ]
