"""Async Python SDK for the Thredfi Accounting Platform API.

>>> async with ThredfiClient(partner_id=..., api_key=...) as client:
...     customer = await client.customers.get(business_id=bid, customer_id=cid)
"""

import logging as _logging

from ._auth._flow import ThredfiAuth
from ._auth._redis_store import RedisTokenStore
from ._auth._token_store import TokenStore
from ._auth._tokens import AccessToken
from ._client import (
    DEFAULT_BASE_URL,
    DEFAULT_HTTPX_LIMITS,
    DEFAULT_LIMITS,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    ThredfiClient,
)
from ._errors import (
    STATUS_ERRORS,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ArgumentTypeError,
    ArgumentValueError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    EventLoopError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ThredfiError,
    UnprocessableEntityError,
)
from ._generated import API_VERSION
from ._operation import NOT_GIVEN, NotGiven, RawResponse
from ._pagination import AsyncPager
from ._retry import RetryPolicy, RetryTransport
from ._version import __version__

__all__ = [
    "API_VERSION",
    "DEFAULT_BASE_URL",
    "DEFAULT_HTTPX_LIMITS",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "STATUS_ERRORS",
    "USER_AGENT",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AccessToken",
    "ArgumentTypeError",
    "ArgumentValueError",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "EventLoopError",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RedisTokenStore",
    "ResponseTooLargeError",
    "RetryPolicy",
    "RetryTransport",
    "ThredfiAuth",
    "ThredfiClient",
    "ThredfiError",
    "TokenStore",
    "UnprocessableEntityError",
    "__version__",
]

# Public classes say they live here, as httpx's do: tracebacks read
# `thredfi_client.BadRequestError: ...`, not the private module's path, and pickles name the
# public path. (Only classes: constants and instances keep their module.)
for _name in __all__:
    _public = globals()[_name]
    if isinstance(_public, type):
        _public.__module__ = __name__
del _name, _public

# A library leaves output to the application (logging HOWTO): without this, Python's last-resort
# handler would print the SDK's WARNING records on stderr when no logging is configured.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
