"""The one seam for time: every sleep and clock read in the SDK goes through a `Clock`.

Tests pass a fake clock that advances instantly, so nothing really sleeps.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

__all__ = ["SYSTEM_CLOCK", "Clock"]


# How often an async wait for a thread's event looks at it (an asyncio task cannot block on one).
_EVENT_SLICE = 0.05


class Clock:
    """Real time. Subclass and override all seven methods to fake it."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for deadlines)."""
        return time.monotonic()

    def time(self) -> float:
        """Epoch seconds (only a fallback reference for HTTP-dates without a `Date` header)."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        """Block the thread."""
        time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        """Suspend the task; cancellable."""
        await asyncio.sleep(seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Sleep up to `seconds`, waking early when `event` is set; return whether it is set."""
        return event.wait(seconds)

    async def await_event(self, event: threading.Event, seconds: float) -> bool:
        """`wait` for a task: suspend up to `seconds`, waking early when `event` is set; cancellable."""
        deadline = self.monotonic() + seconds
        while not event.is_set():
            remaining = deadline - self.monotonic()
            if remaining <= 0:
                return False
            await asyncio.sleep(min(_EVENT_SLICE, remaining))
        return True

    async def offload(self, fn: Callable[[], T]) -> T:
        """Run blocking `fn` (an fsync) off the event loop, in a worker thread.

        A virtual clock runs it inline instead, so time only moves while every task waits on the clock.
        """
        return await asyncio.to_thread(fn)


SYSTEM_CLOCK = Clock()
