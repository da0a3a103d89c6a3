"""The request and response models of the API (generated attrs classes).

``from thredfi_client.models import Customer, InvoiceCreate``. Unknown response fields are kept
in ``model.additional_properties``; ``to_dict()`` / ``from_dict()`` convert to and from JSON.
"""

from ._generated.models import *  # noqa: F403 -- re-export whatever the contract defines
from ._generated.models import __all__ as __all__
