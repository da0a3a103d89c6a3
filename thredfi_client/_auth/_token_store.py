"""Tokens shared between processes: the :class:`TokenStore` protocol and how tokens use it.

A store keeps opaque bytes under opaque names with a time to live, and a lock per name. It
never sees a token in clear nor a credential: :class:`SharedTokens` names entries by a hash of
the partner id, the base URL's origin and the business id, and seals each value with AES-GCM
under a key derived from the API key (HKDF-SHA256), the entry's name as associated data.

Whatever goes wrong with the store (down, slow, garbage) costs only the sharing: every
operation has a deadline, a failure switches the store off for ``recheck_interval`` seconds
(the token source carries on with its in-process cache), one warning is logged per outage,
and the store is used again as soon as it answers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

import httpx

if TYPE_CHECKING:
    import asyncio

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = ["SharedTokens", "TokenStore"]

logger = logging.getLogger("thredfi_client")
T = TypeVar("T")

#: Longest wait for another process's fetch between two looks at the store.
_POLL: float = 0.5
_VERSION = b"1"
_NONCE = 12


@runtime_checkable
class TokenStore(Protocol):
    """Where processes share tokens: a TTL key-value store with a lock per key.

    Values are opaque bytes (sealed by the SDK). Methods may raise anything on failure: the SDK
    bounds each call by :attr:`timeout` and treats any exception as "store unavailable".
    """

    #: Seconds any one operation may take before the store counts as unavailable.
    timeout: float
    #: Seconds a lock lives: how long a holder that died delays the others, at most.
    lock_ttl: float
    #: Seconds between attempts to use the store again after it failed.
    recheck_interval: float

    async def get(self, key: str) -> tuple[bytes, float] | None:
        """The value under ``key`` and its remaining time to live in seconds, or None."""

    async def set(self, key: str, value: bytes, ttl: float) -> None:
        """Store ``value`` for ``ttl`` seconds and wake the processes waiting on ``key``."""

    async def delete(self, key: str, value: bytes) -> None:
        """Remove ``key`` if it still holds ``value``."""

    async def acquire(self, key: str, ttl: float) -> str | None:
        """Take the lock of ``key`` for ``ttl`` seconds: a proof of ownership, or None if held."""

    async def release(self, key: str, owner: str) -> None:
        """Give the lock back if ``owner`` still holds it, and wake the waiting processes."""

    async def wait(self, key: str, seconds: float) -> None:
        """Return when ``key`` is set or its lock released (or at once if it is not held),
        or after ``seconds`` at most."""

    async def aclose(self) -> None:
        """Release the store's connections."""

    # Optional: ``async def extend(self, key: str, owner: str, ttl: float) -> bool`` -- give the
    # lock of ``key`` ``ttl`` more seconds if ``owner`` still holds it (False if not). With it,
    # the lock is kept while its holder's fetch runs (RedisTokenStore has it).


class SharedTokens:
    """A client's view of a :class:`TokenStore` (or of none): names, sealing, outages."""

    def __init__(
        self,
        store: TokenStore | None,
        partner_id: str,
        api_key: str,
        base_url: httpx.URL,
        clock: Callable[[], float],
    ) -> None:
        if store is not None and not isinstance(store, TokenStore):
            raise TypeError(f"token_store must implement TokenStore, got {type(store).__name__}")
        self._store = store
        self._clock = clock
        origin = f"{base_url.scheme}://{base_url.host}:{base_url.port or ''}"
        self._space = hashlib.sha256(f"{partner_id}\0{origin}".encode()).hexdigest()
        # Derived once (importing cryptography) only when there is a store to seal for.
        self._aead = _cipher(api_key, self._space) if store is not None else None
        # key -> (store name, lock owner, the task keeping the lock while its fetch runs)
        self._owned: dict[str | None, tuple[str, str, asyncio.Task[None] | None]] = {}
        self._down_until = -math.inf
        self._outage = False

    def __repr__(self) -> str:
        return f"SharedTokens(store={type(self._store).__name__})"

    async def get_or_lock(self, key: str | None, bound: float) -> tuple[str, float, float] | None:
        """A shared token not due for refresh, as (value, expiry on the clock, refresh margin);
        or None: fetch it yourself (holding the key's lock when it could be taken)."""
        store = self._store
        if store is None:
            return None
        name = self.name(key)
        deadline = self._clock() + bound / 2  # leave half the caller's time for its own fetch
        while True:
            found = await self._fresh(name)
            if found is not None:
                return found
            owner = await self._acquire(name)
            if owner is not None:
                self._owned[key] = (name, owner, self._keep_lock(name, owner))
                return await self._fresh(name)  # it may have landed just before the lock
            left = deadline - self._clock()
            if self._clock() < self._down_until or left <= 0:
                return None  # no store, or its lock holder is too slow: fetch alone
            wait = functools.partial(store.wait, name, min(_POLL, left))
            await self._call(wait, None, extra=_POLL)

    async def _acquire(self, name: str) -> str | None:
        """Take the lock of ``name``: its owner value, or None.

        Shielded from the caller's cancellation: Redis may have taken the lock while its answer
        is on the way, and a caller that left then would leave it held for ``lock_ttl``, every
        other process waiting. The answer is awaited apart, and a lock it brings is released.
        """
        import asyncio

        store = self._store
        assert store is not None
        taking = asyncio.ensure_future(
            self._call(lambda: store.acquire(name, store.lock_ttl), None)
        )
        try:
            return await asyncio.shield(taking)
        except asyncio.CancelledError:
            taking.add_done_callback(functools.partial(self._release_late, name))
            raise

    def _release_late(self, name: str, taking: asyncio.Future[str | None]) -> None:
        """Release a lock whose taker was cancelled before it learnt it held it."""
        if taking.cancelled() or taking.exception() is not None or taking.result() is None:
            return
        store, owner = self._store, taking.result()
        assert store is not None
        assert owner is not None
        import asyncio

        releasing = asyncio.ensure_future(
            self._call(lambda: store.release(name, owner), None, force=True)
        )
        releasing.add_done_callback(_retrieved)

    async def put(self, key: str | None, value: str, remaining: float, margin: float) -> None:
        """Share a freshly fetched token for its remaining life (not one due for refresh)."""
        store = self._store
        if store is not None and remaining > margin:
            name = self.name(key)
            sealed = self._seal(name, value, margin)
            await self._call(lambda: store.set(name, sealed, remaining), None)

    async def unlock(self, key: str | None) -> None:
        owned = self._owned.pop(key, None)
        if owned is not None and self._store is not None:
            store = self._store
            name, owner, keeping = owned
            if keeping is not None:
                keeping.cancel()
            await self._call(lambda: store.release(name, owner), None, force=True)

    def _keep_lock(self, name: str, owner: str) -> asyncio.Task[None] | None:
        """Extend the lock every third of its TTL while this process's fetch runs, if the store
        can (``extend``, optional): a fetch slower than ``lock_ttl`` (a struggling token
        endpoint, the very moment sharing matters) then never lets a second process fetch
        too, and a process that dies still holds it for one ``lock_ttl`` at most."""
        store = self._store
        extend = getattr(store, "extend", None)
        if store is None or not callable(extend):
            return None
        import asyncio

        async def keep() -> None:
            while True:
                await asyncio.sleep(store.lock_ttl / 3)
                if not await self._call(lambda: extend(name, owner, store.lock_ttl), False):
                    return  # lost (expired, or Redis failed): nothing left to keep

        task = asyncio.get_running_loop().create_task(keep())
        task.add_done_callback(_retrieved)
        return task

    async def delete(self, key: str | None, value: str) -> None:
        """Remove the shared token for ``key`` if it is ``value`` (rejected by the API)."""
        store = self._store
        if store is None:
            return
        name = self.name(key)
        got = await self._call(lambda: store.get(name), None)
        if got is not None and (self._open(name, got[0]) or ("",))[0] == value:
            await self._call(lambda: store.delete(name, got[0]), None)

    async def aclose(self) -> None:
        if self._store is not None:
            await self._call(self._store.aclose, None, force=True)

    def name(self, key: str | None) -> str:
        """The store key of a token: a hash, so it names no partner, origin or business."""
        digest = hashlib.sha256(f"{self._space}\0{key or ''}".encode()).hexdigest()
        return f"thredfi:token:{digest[:40]}"

    # -- internals ---------------------------------------------------------------------------

    async def _fresh(self, name: str) -> tuple[str, float, float] | None:
        store = self._store
        assert store is not None
        asked = self._clock()  # the TTL counts from a moment after this: expiry stays safe
        got = await self._call(lambda: store.get(name), None)
        if got is None:
            return None
        ttl = got[1] if isinstance(got, tuple) and len(got) == 2 else None
        opened = self._open(name, got[0]) if isinstance(ttl, int | float) else None
        if opened is None or ttl is None:
            logger.warning("Ignoring an unreadable token in the token store (wrong API key?)")
            return None
        value, margin = opened
        expires_at = asked + ttl
        return (value, expires_at, margin) if self._clock() < expires_at - margin else None

    async def _call(
        self, op: Callable[[], Awaitable[T]], default: T, *, extra: float = 0.0, force: bool = False
    ) -> T:
        """``op()`` within the store's deadline; ``default`` if the store is off or fails."""
        assert self._store is not None
        if not force and self._clock() < self._down_until:
            return default
        import asyncio  # on first use, not at `import thredfi_client`

        try:
            async with asyncio.timeout(self._store.timeout + extra):
                result = await op()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # any store failure costs only the sharing
            if isinstance(exc, asyncio.CancelledError) and _being_cancelled():
                raise  # the caller is cancelled: not the store's doing
            # A store raising CancelledError (or another BaseException) of its own accord is a
            # broken store: it must not fail the call, nor cancel the fetch others wait for.
            self._down_until = self._clock() + self._store.recheck_interval
            if not self._outage:
                self._outage = True
                logger.warning(
                    "Token store unavailable (%s); using this process's token cache, "
                    "trying the store again every %gs",
                    type(exc).__name__,
                    self._store.recheck_interval,
                )
            return default
        self._down_until = -math.inf
        if self._outage:
            self._outage = False
            logger.warning("Token store available again; sharing tokens through it")
        return result

    def _cipher(self) -> AESGCM:
        assert self._aead is not None, "sealing is only used with a store"
        return self._aead

    def _seal(self, name: str, value: str, margin: float) -> bytes:
        nonce = os.urandom(_NONCE)
        plain = json.dumps({"v": value, "m": margin}).encode()
        return _VERSION + nonce + self._cipher().encrypt(nonce, plain, name.encode())

    def _open(self, name: str, sealed: bytes) -> tuple[str, float] | None:
        from cryptography.exceptions import InvalidTag

        if not isinstance(sealed, bytes) or not sealed.startswith(_VERSION):
            return None
        nonce, ciphertext = sealed[1 : 1 + _NONCE], sealed[1 + _NONCE :]
        try:
            data: Any = json.loads(self._cipher().decrypt(nonce, ciphertext, name.encode()))
        except (InvalidTag, ValueError, RecursionError):
            return None
        value, margin = (data.get("v"), data.get("m")) if isinstance(data, dict) else (None, None)
        if not isinstance(value, str) or not isinstance(margin, int | float):
            return None
        return value, float(margin)


def _retrieved(task: asyncio.Future[Any]) -> None:
    if not task.cancelled():
        task.exception()


def _being_cancelled() -> bool:
    """Whether the running task has a cancellation pending (``Task.cancel()`` was called)."""
    import asyncio

    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _cipher(api_key: str, space: str) -> AESGCM:
    try:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    except ImportError as exc:  # pragma: no cover - the [redis] extra brings it
        raise ImportError(
            "a token store needs 'cryptography': pip install 'thredfi-client[redis]'"
        ) from exc
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=space.encode(), info=b"thredfi-tokens")
    return AESGCM(kdf.derive(api_key.encode()))
