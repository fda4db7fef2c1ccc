"""The one seam for time: every sleep and clock read in the SDK goes through a `Clock`.

Tests pass a fake clock that advances instantly, so nothing really sleeps.
"""

from __future__ import annotations

import asyncio
import threading
import time

__all__ = ["SYSTEM_CLOCK", "Clock"]


class Clock:
    """Real time. Subclass and override all five methods to fake it."""

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


SYSTEM_CLOCK = Clock()
