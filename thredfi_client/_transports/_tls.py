"""TLS settings shared by every built-in transport: ``verify=``, ``cert=`` and ``trust_env``,
spelled and resolved as httpx spells and resolves them.

``verify`` is ``True`` (certifi's roots, or ``$SSL_CERT_FILE``/``$SSL_CERT_DIR`` when
``trust_env``: ``httpx.create_ssl_context``), ``False`` (no verification), a CA bundle file or a
directory of CA certificates, or an ``ssl.SSLContext`` used as it is. ``cert`` is a client
certificate for mutual TLS: a PEM file holding the certificate and its key, or a tuple
``(certfile, keyfile)`` or ``(certfile, keyfile, password)``. Bad values are refused when the
client is made, naming the argument.
"""

from __future__ import annotations

import os
import ssl
from typing import TypeAlias

import httpx

from .._errors import ArgumentTypeError, ArgumentValueError

__all__ = ["CertTypes", "TlsSettings", "VerifyTypes"]

#: What ``httpx.create_ssl_context`` reads when ``trust_env`` (and ``verify=True``).
_FROM_ENVIRONMENT = frozenset({"SSL_CERT_FILE", "SSL_CERT_DIR"})

_Path: TypeAlias = "str | os.PathLike[str]"
VerifyTypes: TypeAlias = "bool | str | os.PathLike[str] | ssl.SSLContext"
CertTypes: TypeAlias = (
    "str | os.PathLike[str] | tuple[_Path, _Path] | tuple[_Path, _Path, str | None]"
)


class TlsSettings:
    """The SSL context of one client's transports (API calls and token requests alike).

    The default context (``verify=True``, no ``cert``) is made on first use, so that making a
    client costs no certificate loading (a ``$SSL_CERT_FILE`` it will read is checked to exist);
    any other is made, and so checked, at once.
    """

    __slots__ = ("_cert", "_context", "_trust_env", "_verify")

    def __init__(
        self, verify: VerifyTypes = True, cert: CertTypes | None = None, *, trust_env: bool = True
    ) -> None:
        self._verify = _checked_verify(verify)
        self._cert = _checked_cert(cert)
        self._trust_env = trust_env
        self._context: ssl.SSLContext | None = None
        if verify is not True or cert is not None:
            self._context = self._made()
        elif trust_env and os.environ.get("SSL_CERT_FILE"):
            path = os.environ["SSL_CERT_FILE"]
            if not os.path.isfile(path):
                raise ArgumentValueError(
                    f"verify (from $SSL_CERT_FILE): no CA bundle file at {path!r} (pass "
                    "trust_env=False to ignore the environment)",
                    argument="verify",
                )

    def context(self) -> ssl.SSLContext:
        """The SSL context for ``https://`` connections (made once)."""
        if self._context is None:
            self._context = self._made()
        return self._context

    def _made(self) -> ssl.SSLContext:
        verify = self._verify
        try:
            if isinstance(verify, ssl.SSLContext):
                context = verify
            elif isinstance(verify, bool):
                context = httpx.create_ssl_context(verify=verify, trust_env=self._trust_env)
            elif os.path.isdir(verify):
                context = ssl.create_default_context(capath=verify)
            else:
                context = ssl.create_default_context(cafile=verify)
        except (OSError, ValueError) as exc:  # ssl.SSLError is an OSError
            given = [f"${name}" for name in sorted(_FROM_ENVIRONMENT) if os.environ.get(name)]
            source = (
                "verify"
                if verify is not True or not self._trust_env or not given
                else (f"verify (from {' / '.join(given)})")
            )
            raise ArgumentValueError(
                f"{source}: cannot load the CA certificates ({type(exc).__name__}: {exc})",
                argument="verify",
            ) from None
        if self._cert is not None:
            certfile, keyfile, password = self._cert
            try:
                context.load_cert_chain(certfile, keyfile, password)
            except (OSError, ValueError) as exc:
                # Never the password: only what failed.
                raise ArgumentValueError(
                    f"cert: cannot load the client certificate {certfile!r} ({type(exc).__name__})",
                    argument="cert",
                ) from None
        return context


def _checked_verify(verify: object) -> bool | str | ssl.SSLContext:
    if isinstance(verify, bool | ssl.SSLContext):
        return verify
    if isinstance(verify, str | os.PathLike):
        path = os.fspath(verify)
        if not isinstance(path, str) or not os.path.exists(path):
            raise ArgumentValueError(
                f"verify: no CA bundle file or directory at {path!r}", argument="verify"
            )
        return path
    raise ArgumentTypeError(
        "verify must be True, False, a path to a CA bundle file or directory, or an "
        f"ssl.SSLContext, not {type(verify).__name__}",
        argument="verify",
    )


def _checked_cert(cert: object) -> tuple[str, str | None, str | None] | None:
    if cert is None:
        return None
    if isinstance(cert, str | os.PathLike):
        return _existing_file(cert), None, None
    if isinstance(cert, tuple) and len(cert) in (2, 3):
        password = cert[2] if len(cert) == 3 else None
        if password is not None and not isinstance(password, str):
            raise ArgumentTypeError("cert: the key's password must be a str", argument="cert")
        return _existing_file(cert[0]), _existing_file(cert[1]), password
    raise ArgumentTypeError(
        "cert must be a path to a PEM file (certificate and key), or a tuple (certfile, "
        f"keyfile) or (certfile, keyfile, password), not {type(cert).__name__}",
        argument="cert",
    )


def _existing_file(value: object) -> str:
    if not isinstance(value, str | os.PathLike):
        raise ArgumentTypeError(
            f"cert: a path must be a str or os.PathLike, not {type(value).__name__}",
            argument="cert",
        )
    path = os.fspath(value)
    if not isinstance(path, str) or not os.path.isfile(path):
        raise ArgumentValueError(f"cert: no file at {path!r}", argument="cert")
    return path
