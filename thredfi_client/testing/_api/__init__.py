"""The sandbox's ``/v1/platform`` API: a generic engine over the contract, plus rules.

* ``engine`` -- every operation of ``openapi/thredfi.yaml``, parsed and answered generically;
* ``resource`` -- a resource as the contract alone describes it (the default);
* ``resources/`` -- one module per resource with documented business rules (hooks);
* ``tokens`` -- the two token operations, by hand (not a resource);
* ``routing`` -- endpoints to a Starlette app (405 with ``Allow``, JSON 404), ``Denied``;
* ``responses``, ``auth``, ``bodies``, ``pagination``, ``filters`` -- what the engine shares.

A new resource needs nothing here: add it to the contract and the engine serves it. Its rules,
if the vendor documents any, go in a module of ``resources/``.
"""

from __future__ import annotations

from .._contract import Contract
from .._store import Store
from . import tokens
from .engine import Engine

__all__ = ["Engine", "new_engine"]


def new_engine(store: Store, contract: Contract) -> Engine:
    """The engine serving every operation of ``contract`` from ``store`` (the token
    operations by hand: they issue credentials, they are not a resource)."""
    return Engine(store, contract, tokens.endpoints(store))
