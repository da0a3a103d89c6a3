"""Keys of ``httpx.Request.extensions`` that carry per-request SDK options between layers.

The client layer sets them; ``_auth`` and ``_retry`` read them. Keeping the keys in this leaf
module lets those layers cooperate without importing each other (see docs/architecture.md).
"""

from typing import Final

#: bool -- the request may be sent again without a duplicate side effect (token requests,
#: operations marked ``x-idempotent: true`` in the spec).
IDEMPOTENT: Final = "thredfi.idempotent"

#: int -- per-call override of ``RetryPolicy.max_retries``.
MAX_RETRIES: Final = "thredfi.max_retries"

#: float -- per-attempt deadline in seconds covering connect, send and reading the whole body.
TOTAL_TIMEOUT: Final = "thredfi.total_timeout"

#: str -- ``"partner"`` or ``"business"``: the token this request needs whatever the client's
#: ``token_scope`` (its operation's security in the contract says so); absent: the client's.
TOKEN_SCOPE: Final = "thredfi.token_scope"
