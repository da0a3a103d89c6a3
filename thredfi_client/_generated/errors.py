"""Not used by thredfi-client: errors live in ``thredfi_client`` (``thredfi_client._errors``)."""
