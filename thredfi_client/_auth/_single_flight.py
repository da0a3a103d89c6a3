"""One call in flight per key: callers asking for a key while its call runs share its outcome.

Unlike a lock per key (each waiter repeating the work after a failure, one after another), a
failure reaches every waiter at once, as the same exception; each waiter waits no longer than
its own bound; the call is cancelled when every waiter gave up; and nothing is kept per key
once its call is over.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import asyncio

__all__ = ["SingleFlight"]

K = TypeVar("K")
T = TypeVar("T")


class _Flight(Generic[T]):
    __slots__ = ("handoff", "task", "waiters")

    def __init__(self, task: asyncio.Task[T], handoff: asyncio.Lock) -> None:
        self.task = task
        self.waiters = 0
        # Waiters resume one per loop iteration, as a lock hands over: hundreds resumed at
        # once enter httpcore's pool together, which scans every queued request on each entry
        # (1000 calls across a token expiry then took minutes instead of 9 s).
        self.handoff = handoff


class SingleFlight(Generic[K, T]):
    """The calls in flight, by key."""

    def __init__(self) -> None:
        self._flights: dict[K, _Flight[T]] = {}

    def __len__(self) -> int:
        return len(self._flights)

    async def run(
        self,
        key: K,
        call: Callable[[], Coroutine[Any, Any, T]],
        bound: float,
        too_long: Callable[[], BaseException],
    ) -> T:
        """``call()``'s result, sharing a call already in flight for ``key``; raises
        ``too_long()`` if the result takes more than ``bound`` seconds to arrive."""
        import asyncio  # on first use, not at `import thredfi_client`

        flight = self._flights.get(key)
        if flight is None or flight.task.get_loop() is not asyncio.get_running_loop():
            flight = self._flights[key] = _Flight(asyncio.create_task(call()), asyncio.Lock())
            flight.task.add_done_callback(functools.partial(self._landed, key, flight))
        flight.waiters += 1
        try:
            async with asyncio.timeout(bound) as deadline:
                result = await asyncio.shield(flight.task)
        except TimeoutError:
            if not deadline.expired():
                raise
            raise too_long() from None
        finally:
            flight.waiters -= 1
            if not flight.waiters and not flight.task.done():
                flight.task.cancel()  # every caller gave up
        async with flight.handoff:  # the result is here: this wait is not bounded
            await asyncio.sleep(0)
        return result

    def _landed(self, key: K, flight: _Flight[T], _: object) -> None:
        if self._flights.get(key) is flight:
            del self._flights[key]
        if not flight.task.cancelled():
            flight.task.exception()  # retrieved: a call nobody awaits any more is no error
