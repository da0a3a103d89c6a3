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
* A malformed UUID in the path is answered like an unknown id: 404 ``business_not_found`` or
  ``customer_not_found``. Paths without the trailing slash get 404 (no redirect).
* Unknown body fields are ignored; ``null`` or blank optional strings count as absent.
* An unknown ``customer_external_id`` on create-invoice creates a customer whose
  ``individual_name`` (hence ``display_name``) and ``external_id`` are that value.
* ``customer_id`` on create-invoice wins over ``customer_external_id``; an id that is not a
  customer of this business is a 400 ``field_errors.customer_id``.
* Uploaded documents are accepted but not stored: ``documents`` is ``[]``, ``document`` null.

Fault controls exist in Python (:meth:`Sandbox.fail_next`, :meth:`Sandbox.add_delay`,
:meth:`Sandbox.drop_connection`, :meth:`Sandbox.truncate_response`,
:meth:`Sandbox.malformed_json`, :meth:`Sandbox.request_count`) and over HTTP under
``/__sandbox__/`` (``GET /__sandbox__/``, ``POST|GET|DELETE /__sandbox__/faults``,
``DELETE /__sandbox__/faults/{id}``, ``GET|DELETE /__sandbox__/requests``,
``GET /__sandbox__/state``, ``POST /__sandbox__/reset``, ``POST /__sandbox__/tokens/revoke``,
``POST /__sandbox__/businesses``, ``POST /__sandbox__/clock {"advance": s}``,
``PATCH /__sandbox__/config``). A fault posted over HTTP is a JSON object with ``path`` (prefix)
or ``path_regex``, ``action`` (``respond`` | ``delay`` | ``drop`` | ``truncate`` |
``malformed_json``), and as relevant ``status``, ``count`` (null: always), ``method``,
``retry_after``, ``body`` (JSON value or text), ``content_type``, ``delay``,
``after_processing``.
"""

from ._asgi import ADMIN_PREFIX, SandboxConnectionDropped, SandboxExchange
from ._countries import ISO_3166_ALPHA2
from ._faults import Fault, RequestRecord
from ._sandbox import ErrorStyle, PartnerCredentials, Sandbox
from ._server import SandboxServer

__all__ = [
    "ADMIN_PREFIX",
    "ISO_3166_ALPHA2",
    "ErrorStyle",
    "Fault",
    "PartnerCredentials",
    "RequestRecord",
    "Sandbox",
    "SandboxConnectionDropped",
    "SandboxExchange",
    "SandboxServer",
]
