"""``RedisTokenStore``: tokens shared through Redis (extra ``[redis]``: redis-py's asyncio client).

Why these Redis commands: a lock is ``SET NX PX`` with a random owner value, released only by
its owner (a compare-and-delete script, so an expired lock re-taken by another process is never
freed by the first), and extended by its owner while its fetch runs (compare-and-pexpire, so a
fetch slower than ``lock_ttl`` lets no second process fetch); waiting processes subscribe to
the key's channel, which ``set`` and ``release`` publish to, so they wake at once without
polling Redis in a loop; a lock outlives a holder that died by ``lock_ttl`` seconds at most.
redis and cryptography are imported when a store is made, not at ``import thredfi_client``.
"""

from __future__ import annotations

import math
import secrets
import urllib.parse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["RedisTokenStore"]

# KEYS[1]: the key, KEYS[2]: its channel; ARGV[1]: the value it must still hold.
_DELETE_IF_EQUAL = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', KEYS[2], '1')
  return 1
end
return 0
"""


# KEYS[1]: the lock; ARGV[1]: the owner it must still hold, ARGV[2]: its new TTL in ms.
_EXTEND_IF_OWNER = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""


#: Longest value read back from Redis, in bytes.
_MAX_VALUE = 64 * 1024


def _positive(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return float(value)


class RedisTokenStore:
    """A :class:`~thredfi_client.TokenStore` on Redis, for many processes sharing tokens.

    ``ThredfiClient(..., token_store=RedisTokenStore(url="redis://localhost:6379/0"))``. Keys
    name no partner or business (hashes) and values are sealed with a key derived from the API
    key. If Redis is down, slow or answers garbage, calls carry on with each process's own
    cache (see "Running many workers" in the docs).

    Args:
        url: A ``redis://`` or ``rediss://`` URL (its password is never shown in ``repr``).
        timeout: Seconds any one Redis operation may take, waiting for the event loop included
            (default 0.5).
        lock_ttl: Seconds a fetch lock lives; a process that dies holding it delays the others
            by this much at most (default 5).
        recheck_interval: Seconds between attempts to use Redis again after it failed.
        client: A ``redis.asyncio.Redis`` to use instead of one made from ``url`` (its own
            timeouts and retries then apply; it is closed by :meth:`aclose`).
    """

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        timeout: float = 0.5,
        lock_ttl: float = 5.0,
        recheck_interval: float = 5.0,
        client: Redis | None = None,
    ) -> None:
        self.timeout = _positive("timeout", timeout)
        self.lock_ttl = _positive("lock_ttl", lock_ttl)
        self.recheck_interval = _positive("recheck_interval", recheck_interval)
        try:
            from redis.asyncio import Redis
            from redis.asyncio.retry import Retry
            from redis.backoff import NoBackoff
        except ImportError as exc:
            raise ImportError(
                "RedisTokenStore needs the extra: pip install 'thredfi-client[redis]'"
            ) from exc
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("redis", "rediss", "unix"):
            raise ValueError("url must be a redis://, rediss:// or unix:// URL")
        self._where = f"{parts.scheme}://{parts.hostname or ''}:{parts.port or ''}{parts.path}"
        # No retries inside redis-py: one short attempt, then the SDK's fallback takes over.
        self._redis: Redis = client or Redis.from_url(
            url,
            socket_timeout=self.timeout,
            socket_connect_timeout=self.timeout,
            retry=Retry(NoBackoff(), 0),
        )
        self._delete_if_equal: Any = self._redis.register_script(_DELETE_IF_EQUAL)
        self._extend_if_owner: Any = self._redis.register_script(_EXTEND_IF_OWNER)

    def __repr__(self) -> str:
        return f"RedisTokenStore({self._where!r}, lock_ttl={self.lock_ttl:g})"

    async def get(self, key: str) -> tuple[bytes, float] | None:
        # At most _MAX_VALUE bytes (a sealed token is < 17 KiB): a huge value planted under the
        # key is not read whole; cut short, it fails to open and is replaced. A key of another
        # type (WRONGTYPE) is answered as absent, not as Redis failing: it is then replaced
        # too (SET overwrites any type), instead of switching sharing off for good.
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.getrange(key, 0, _MAX_VALUE - 1)
            pipe.pttl(key)
            value, pttl = await pipe.execute(raise_on_error=False)
        if not isinstance(value, bytes) or not value or not isinstance(pttl, int) or pttl <= 0:
            return None
        return value, pttl / 1000

    async def set(self, key: str, value: bytes, ttl: float) -> None:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.set(key, value, px=max(1, int(ttl * 1000)))
            pipe.publish(f"{key}:ready", 1)
            await pipe.execute()

    async def delete(self, key: str, value: bytes) -> None:
        await self._delete_if_equal(keys=[key, f"{key}:ready"], args=[value])

    async def acquire(self, key: str, ttl: float) -> str | None:
        owner = secrets.token_hex(16)
        taken = await self._redis.set(f"{key}:lock", owner, nx=True, px=max(1, int(ttl * 1000)))
        return owner if taken else None

    async def extend(self, key: str, owner: str, ttl: float) -> bool:
        """Give the lock of ``key`` ``ttl`` more seconds if ``owner`` still holds it."""
        kept = await self._extend_if_owner(
            keys=[f"{key}:lock"], args=[owner, max(1, int(ttl * 1000))]
        )
        return bool(kept)

    async def release(self, key: str, owner: str) -> None:
        await self._delete_if_equal(keys=[f"{key}:lock", f"{key}:ready"], args=[owner])

    async def wait(self, key: str, seconds: float) -> None:
        import asyncio

        pubsub = self._redis.pubsub()
        try:
            await pubsub.subscribe(f"{key}:ready")
            # Subscribed first, then looked: a release between the two cannot be missed.
            pttl = await self._redis.pttl(f"{key}:lock")
            if not isinstance(pttl, int) or pttl <= 0:
                return  # nobody holds the lock (or it never expires: do not trust it)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + min(seconds, pttl / 1000)
            while (left := deadline - loop.time()) > 0:
                if await pubsub.get_message(ignore_subscribe_messages=True, timeout=left):
                    return
        finally:
            await pubsub.aclose()  # type: ignore[no-untyped-call]

    async def aclose(self) -> None:
        await self._redis.aclose()
