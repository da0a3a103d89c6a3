"""The API's paths, as the sandbox's request log and fault rules match them."""

from __future__ import annotations

from .constants import BUSINESS_ID

TOKEN_PATH = "/v1/platform/oauth2/token/"


def business_token_path(business_id: str = BUSINESS_ID) -> str:
    """The business-token exchange of a business."""
    return f"/v1/platform/{business_id}/oauth2/token/"


def customers_path(business_id: str = BUSINESS_ID) -> str:
    """The customers collection of a business."""
    return f"/v1/platform/businesses/{business_id}/customers/"


def customer_path(customer_id: str, business_id: str = BUSINESS_ID) -> str:
    """One customer (a prefix of its archive path too: match with ``method=``)."""
    return f"{customers_path(business_id)}{customer_id}/"


def invoices_path(business_id: str = BUSINESS_ID) -> str:
    """The invoices collection of a business."""
    return f"/v1/platform/businesses/{business_id}/invoices/"
