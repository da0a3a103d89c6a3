"""Not used by thredfi-client: ``thredfi_client.ThredfiClient`` is the client.

The generator always writes this module; our template keeps it empty so there is one client.
"""
