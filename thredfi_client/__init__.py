"""Async Python SDK for the Thredfi Accounting Platform API.

>>> async with ThredfiClient(partner_id=..., api_key=...) as client:
...     customer = await client.customers.get(business_id=bid, customer_id=cid)
"""

from ._auth import ThredfiAuth
from ._client import (
    DEFAULT_BASE_URL,
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
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    EventLoopError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ThredfiError,
    UnprocessableEntityError,
)
from ._generated import API_VERSION
from ._operation import NOT_GIVEN, NotGiven, RawResponse
from ._redis_store import RedisTokenStore
from ._retry import RetryPolicy, RetryTransport
from ._token_store import TokenStore
from ._tokens import AccessToken
from ._version import __version__

__all__ = [
    "API_VERSION",
    "DEFAULT_BASE_URL",
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
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "EventLoopError",
    "InternalServerError",
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
