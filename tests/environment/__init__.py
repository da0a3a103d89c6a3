"""The environment suite: proxies, TLS settings, look-alike host names and the ecosystem's mocks."""
