"""Authentication: the auth flow, the token source, single flight, the token stores, redaction."""
