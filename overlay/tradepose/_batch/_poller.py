"""The poll loop of the batch engine: checks due tasks, starts downloads, applies deadlines.

When to check which task is `PollSchedule`'s (pure) decision; this module sends the checks, journals what
they saw and hands finished tasks to the downloads. A period's bookkeeping (`Tracked`) is dropped as soon
as its task finished, failed or timed out.
"""

from __future__ import annotations

import asyncio
from functools import partial

from tradepose_api.models.task_status import TaskStatus

from .._client._polling import decode_status
from .._errors import RateLimitError, TradePoseError
from ._downloader import Downloads
from ._run_state import Tracked, describe, logger, status_name
from ._schedule import check_backoff

__all__ = ["Polling"]


class Polling(Downloads):
    """The polling half of `BatchRun`."""

    async def _poll_until_idle(self) -> None:
        poll_sem = asyncio.Semaphore(self._limits.polls)
        try:
            while self._submitting > 0 or len(self._schedule) > 0 or self._checks or self._downloads:
                self._raise_fault()
                now = self._clock.monotonic()
                for key in self._schedule.due(now):
                    self._spawn(self._check(key, poll_sem), self._checks)
                nxt = self._schedule.next_time()
                timeout = None if nxt is None else max(0.0, nxt - self._clock.monotonic())
                self._wake.clear()
                if timeout is None or timeout > 0:
                    await self._wake_or_sleep(timeout)
                else:
                    await asyncio.sleep(0)
            self._raise_fault()
        finally:
            running = (*self._checks, *self._downloads)
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)

    async def _wake_or_sleep(self, delay: float | None) -> None:
        """Until something changes (a submission, check or download ended) or the next check is due."""
        waiter = asyncio.create_task(self._wake.wait())
        # The timeout is a sleep on the injected clock, so virtual time drives it in tests.
        sleeper = None if delay is None else asyncio.create_task(self._clock.asleep(delay))
        helpers = {waiter} if sleeper is None else {waiter, sleeper}
        try:
            await asyncio.wait(helpers, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for helper in helpers:
                helper.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)

    def _raise_fault(self) -> None:
        if self._fault is not None:
            raise self._fault

    async def _check(self, key: str, sem: asyncio.Semaphore) -> None:
        tracked = self._tracked[key]
        task_id = tracked.task_id
        async with sem:
            await self._pace()
            try:
                response = await self._client.get_task_status_response(task_id)
                metadata, status = decode_status(response)
            except TradePoseError as exc:
                # A gateway that is restarting may answer 404 for a task it still has; an outage may last
                # hours. Neither is counted out: the task is checked again with backoff until its deadline.
                if isinstance(exc, RateLimitError):
                    self._on_rate_limited()
                logger.warning("checking task %s failed (%s); will check again", task_id, describe(exc))
                await self._check_again_later(key, tracked, exc)
                return
        tracked.failures = 0
        self._on_success()
        now = self._clock.monotonic()
        if status is not None and tracked.status != status:
            await self._commit(partial(self._journal.mark_status, key, status))
            tracked.status = status
        if status == TaskStatus.COMPLETED:
            self._schedule.finished(key, now)
            del self._tracked[key]
            self._start_download(key, task_id)
        elif status == TaskStatus.FAILED:
            self._schedule.finished(key, now)
            del self._tracked[key]
            message = metadata.error_message if isinstance(metadata.error_message, str) else None
            error = message or "the gateway reported the task as failed"
            await self._commit(partial(self._journal.mark_failed, key, error, "task"))
        elif now >= self._deadline(tracked):
            await self._time_out(key, task_id, f"still {status_name(status)} after {self._poll_timeout:g} s")
        else:
            self._schedule.observed(key, status, now, deadline=self._deadline(tracked))
        self._wake.set()

    def _deadline(self, tracked: Tracked) -> float:
        return tracked.since + self._poll_timeout

    async def _check_again_later(self, key: str, tracked: Tracked, exc: TradePoseError) -> None:
        now = self._clock.monotonic()
        deadline = self._deadline(tracked)
        if now >= deadline:
            await self._time_out(key, tracked.task_id, f"status checks kept failing: {describe(exc)}")
            return
        tracked.failures += 1
        retry_after = exc.retry_after if isinstance(exc, RateLimitError) else None
        delay = check_backoff(tracked.failures, retry_after, jitter=self._jitter())
        delay = min(delay, max(0.0, deadline - now))
        self._schedule.observed(key, None, now, retry_after=delay, deadline=deadline)

    async def _time_out(self, key: str, task_id: str, why: str) -> None:
        """The period's deadline passed: record it, keeping the task id (resume and retry_failed re-poll)."""
        error = f"timed out: task {task_id} {why}; poll_timeout is {self._poll_timeout:g} s"
        self._schedule.remove(key, self._clock.monotonic())
        self._tracked.pop(key, None)
        await self._commit(partial(self._journal.mark_timed_out, key, error))
        self._wake.set()
