"""What the inner transports share about their connection pool: its event loop and its slots.

* :class:`ConnectionSlots` -- at most ``max_connections`` requests hold (or open) a connection at
  once; the others wait their turn, first come first served, for at most the pool timeout, and
  then fail with ``httpx.PoolTimeout``: never sent, so safe to retry even for a ``POST``.
  Closing the pool fails those still waiting with ``ClientClosedError``, before they are sent.
  Why a gate of our own in front of httpcore's and aiohttp's pools: the wait is then bounded by
  the pool timeout on both transports and reported the same way, cancelling it is always safe,
  and httpcore's own queue costs O(waiting x connections) per state change, which made 1,000
  concurrent calls crawl (docs/performance.md).
* :class:`LoopBinding` -- a pool's connections belong to the event loop that opened them. Use
  from another loop is refused at once with :class:`~thredfi_client.EventLoopError`, instead of
  failing later, at random, deep inside the pool.
* :class:`StrayGuard` -- once an origin has sent a response no request asked for (a stray), its
  connections are reused only after a quiet spell, for a while: the window in which a later
  stray could pass for an answer shrinks from a loop turn or two to that spell.
"""

from __future__ import annotations

import collections
import logging
from typing import TYPE_CHECKING, Final

import httpx

from .._errors import ClientClosedError, EventLoopError

if TYPE_CHECKING:
    import asyncio

__all__ = ["ConnectionSlots", "LoopBinding", "StrayGuard"]

logger = logging.getLogger("thredfi_client")

_CLOSED: Final = "the Thredfi client was closed (aclose()) before this request was sent"
_WRONG_LOOP: Final = (
    "this Thredfi client was first used in another event loop, and its connections belong to "
    "that loop: use one client per event loop (or thread), created inside it -- e.g. in the "
    "coroutine you pass to asyncio.run()"
)


class LoopBinding:
    """Remembers the event loop a pool first ran in and refuses every other one."""

    __slots__ = ("closed", "loop")

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closed = False

    def check(self) -> None:
        """Bind to the running loop on first use; raise if this is another one or closed."""
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self.loop:
            if self.loop is not None:
                raise EventLoopError(_WRONG_LOOP)
            self.loop = loop
        if self.closed:
            raise ClientClosedError("the Thredfi client was closed; make a new one")

    def owner_gone(self) -> bool:
        """Whether the pool is used from a loop other than its own, which is closed.

        Closing is then all that may happen: the pool's connections died with their loop.
        """
        import asyncio

        loop = asyncio.get_running_loop()
        if self.loop is None or loop is self.loop:
            return False
        if self.loop.is_closed():
            return True
        raise EventLoopError(_WRONG_LOOP)


class ConnectionSlots:
    """A first-come-first-served gate of ``limit`` slots (``None``: no limit) in one event loop.

    O(1) per acquire and release however many wait (``asyncio.Semaphore.locked()`` scans its
    waiters), and a released slot passes straight to the next waiter.
    """

    __slots__ = ("_closed", "_free", "_limit", "_waiters")

    def __init__(self, limit: int | None) -> None:
        self._limit = limit
        self._free = limit
        self._waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self._closed = False

    def close(self) -> None:
        """The pool is closing: every request still waiting for a slot, and every later one,
        fails with ``ClientClosedError`` (nothing of it was sent)."""
        self._closed = True
        waiters, self._waiters = self._waiters, collections.deque()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_exception(ClientClosedError(_CLOSED))

    async def acquire(self, pool_timeout: float | None) -> None:
        """Take a slot, waiting at most ``pool_timeout`` seconds (``None``: no bound).

        Raises ``httpx.PoolTimeout`` when no slot came free in time, ``ClientClosedError``
        when the pool was closed first.
        """
        if self._closed:
            raise ClientClosedError(_CLOSED)
        if self._free is None:
            return
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return
        import asyncio

        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiters.append(waiter)
        # A timer of our own rather than asyncio.timeout(): with a thousand calls queued, the
        # general-purpose one (a cancellation of the task, undone on exit) is most of the wait's
        # cost. On expiry the waiter fails with TimeoutError; the task is never cancelled.
        timer = (
            loop.call_at(loop.time() + pool_timeout, _expire, waiter)
            if pool_timeout is not None
            else None
        )
        try:
            await waiter
        except BaseException as exc:
            handed_over = waiter.done() and not waiter.cancelled() and waiter.exception() is None
            if handed_over:
                self.release()  # cancelled just as the slot came: pass it on
            elif waiter in self._waiters:  # release() may have dropped it already
                self._waiters.remove(waiter)
            if isinstance(exc, TimeoutError) and waiter.done() and not waiter.cancelled():
                raise httpx.PoolTimeout(
                    f"no connection came free within the pool timeout of {pool_timeout}s"
                ) from None
            raise
        finally:
            if timer is not None:
                timer.cancel()
        if self._closed:  # handed a slot just as the pool closed: this request is not sent
            self.release()
            raise ClientClosedError(_CLOSED)

    @property
    def held(self) -> int:
        """Slots taken now (0 without a limit: nothing is counted then)."""
        return 0 if self._limit is None or self._free is None else self._limit - self._free

    @property
    def waiting(self) -> bool:
        """Whether requests wait for a slot."""
        return bool(self._waiters)

    def release(self) -> None:
        """Give a slot back (once per successful :meth:`acquire`)."""
        if self._free is None:
            return
        waiters = self._waiters
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot goes straight to the next in line
                return
        self._free += 1


def _expire(waiter: asyncio.Future[None]) -> None:
    """The pool timeout of a wait for a slot: it fails, unless the slot came first."""
    if not waiter.done():
        waiter.set_exception(TimeoutError())


class StrayGuard:
    """Which origins sent a stray response lately, and how long their connections must rest.

    A stray that arrives while a connection is idle (or behind a complete response) is seen,
    and the connection closed. One that arrives after the next request went out cannot be told
    from that request's answer (HTTP/1.1 responses carry no request id); the answer behind it
    then comes apart from it, and if the connection carries yet another request by then, that
    request gets the earlier one's answer: another call's data. Both need a connection to be
    reused soon after its last response, which a fast client under load does within a loop turn
    or two. So once an origin sent one stray (``saw``), a connection to it is reused only after
    it was quiet for ``settle`` seconds since its last response: twice the latest a stray from it
    came after its response, at least ``MIN_SETTLE`` and at most ``MAX_SETTLE``. A stray that
    comes within that spell is seen, and its connection closed. Each stray starts ``WARY_FOR``
    seconds over; after that without another, connections are reused at once again.

    What the transport does while a connection rests is its own: the native one opens another
    (within ``max_connections``) or waits for the oldest to have rested; aiohttp's closes each
    connection after one request. Nothing changes for an origin that never sent a stray.
    """

    MIN_SETTLE: Final = 0.01
    MAX_SETTLE: Final = 0.25
    WARY_FOR: Final = 60.0

    __slots__ = ("_origins",)

    def __init__(self) -> None:
        # origin -> (seconds a connection must rest before reuse, loop time the wariness ends)
        self._origins: dict[tuple[str, str, int], tuple[float, float]] = {}

    def __bool__(self) -> bool:
        """Whether any origin sent a stray lately (one test per request when none did)."""
        return bool(self._origins)

    def saw(self, origin: tuple[str, str, int], lateness: float, now: float) -> None:
        """``origin`` sent bytes no request asked for, ``lateness`` seconds after its last
        response ended (0 when they came behind it)."""
        settle, until = self._origins.get(origin, (0.0, 0.0))
        fresh = until <= now
        settle = min(max(self.MIN_SETTLE, 2 * lateness, 0.0 if fresh else settle), self.MAX_SETTLE)
        self._origins[origin] = (settle, now + self.WARY_FOR)
        if fresh:
            scheme, host, port = origin
            logger.warning(
                "%s://%s:%d sent a response no request asked for (a stray, from the server or "
                "a proxy): its connections are not reused at once until %.0f s pass without "
                "another",
                scheme,
                host,
                port,
                self.WARY_FOR,
            )

    def settle(self, origin: tuple[str, str, int], now: float) -> float:
        """How long a connection to ``origin`` must have been quiet before it is reused."""
        settle, until = self._origins.get(origin, (0.0, 0.0))
        if until <= now:
            self._origins.pop(origin, None)
            return 0.0
        return settle
