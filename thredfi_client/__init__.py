"""Async Python SDK for the Thredfi Accounting Platform API.

>>> async with ThredfiClient(partner_id=..., api_key=...) as client:
...     customer = await client.customers.get(business_id=bid, customer_id=cid)
"""

from ._auth import AccessToken, ThredfiAuth
from ._client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, USER_AGENT, ThredfiClient
from ._errors import (
    STATUS_ERRORS,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
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
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "STATUS_ERRORS",
    "USER_AGENT",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AccessToken",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RetryPolicy",
    "RetryTransport",
    "ThredfiAuth",
    "ThredfiClient",
    "ThredfiError",
    "UnprocessableEntityError",
    "__version__",
]
