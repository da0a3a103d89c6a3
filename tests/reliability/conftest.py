from .fixtures import _running_server, fault_server, make_client

__all__ = ["_running_server", "fault_server", "make_client"]
