"""The per-attempt deadline, and when it starts: as the request goes out, not before.

``timeout=2`` means the server has 2 s to answer: the deadline covers sending the request,
waiting for the answer and reading (and decompressing) the whole body. It does not cover waiting
for a free connection (bounded by the pool timeout) or opening one (the connect timeout), and it
never cancels the connection pool while it hands out or opens a connection: a request cancelled
there can leave a pool slot stuck for good (httpcore #1093).

:class:`~thredfi_client._retry.RetryTransport` enters an :class:`AttemptDeadline` around each
attempt. The SDK's own inner transports (:class:`DeadlineArmingTransport`) arm it with
:func:`arm_attempt_deadline` when the request's first byte is about to be written; for any
other transport it is armed at once, covering the whole attempt. The deadline in force is
found through a context variable, so the transports need no reference to it.
"""

from __future__ import annotations

from contextvars import ContextVar
from types import TracebackType
from typing import TYPE_CHECKING, Final

import httpx

if TYPE_CHECKING:
    import asyncio
    from contextvars import Token

__all__ = ["AttemptDeadline", "DeadlineArmingTransport", "arm_attempt_deadline"]

_CURRENT: Final[ContextVar[AttemptDeadline | None]] = ContextVar(
    "thredfi_attempt_deadline", default=None
)


class AttemptDeadline:
    """``with AttemptDeadline(seconds) as deadline:`` -- a deadline armed on demand, for the
    code of the current task inside the block (``async with`` works too).

    Unarmed, it never expires. :meth:`arm` starts the countdown (once; later calls do nothing).
    On expiry the block is cancelled and ``TimeoutError`` leaves it, exactly as with
    ``asyncio.timeout`` (whose bookkeeping this follows: a cancellation of the task from
    elsewhere stays a cancellation). Why not ``asyncio.timeout(None)`` and ``reschedule``: this
    is on every attempt's path, and the general-purpose class costs twice as much.
    """

    __slots__ = ("_armed", "_cancelling", "_expired", "_handle", "_seconds", "_task", "_token")

    _task: asyncio.Task[object]
    _cancelling: int
    _token: Token[AttemptDeadline | None]

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._armed = False
        self._expired = False
        self._handle: asyncio.TimerHandle | None = None

    @property
    def seconds(self) -> float:
        return self._seconds

    # A plain context manager (entered with ``with`` inside a coroutine): nothing in it awaits,
    # and ``async with`` would create and run two coroutines per attempt. ``async with`` works
    # too.
    def __enter__(self) -> AttemptDeadline:
        # asyncio is imported on first use, not by `import thredfi_client` (docs/performance.md).
        import asyncio

        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("AttemptDeadline must be used inside a task")
        self._task = task
        self._cancelling = task.cancelling()
        self._token = _CURRENT.set(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _CURRENT.reset(self._token)
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._expired:
            import asyncio

            # Ours was the cancellation (no other one is pending): it becomes the timeout.
            if self._task.uncancel() <= self._cancelling and exc_type is asyncio.CancelledError:
                raise TimeoutError from exc

    async def __aenter__(self) -> AttemptDeadline:
        return self.__enter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.__exit__(exc_type, exc, tb)

    def arm(self) -> None:
        """Start the countdown now, unless it already runs."""
        if self._armed:
            return
        self._armed = True
        loop = self._task.get_loop()
        self._handle = loop.call_at(loop.time() + self._seconds, self._expire)

    def disarm(self) -> None:
        """Stop the countdown: what it bounded is done (a cancellation already sent stays)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def expired(self) -> bool:
        """Whether the deadline expired (and cancelled the block)."""
        return self._expired

    def _expire(self) -> None:
        self._handle = None
        self._expired = True
        self._task.cancel()


def arm_attempt_deadline() -> None:
    """Arm the deadline of the attempt running in this task, if there is one."""
    deadline = _CURRENT.get()
    if deadline is not None:
        deadline.arm()


class DeadlineArmingTransport(httpx.AsyncBaseTransport):
    """Base of the inner transports that call :func:`arm_attempt_deadline` themselves.

    A subclass calls it when the request is about to be written to a connection it holds, and
    never lets a deadline interrupt waiting for, or opening, a connection.
    """
