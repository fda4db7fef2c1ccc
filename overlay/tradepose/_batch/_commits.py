"""Group commit of the batch journal: state changes queued while one group fsyncs go into the next."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from .._clock import Clock
from .._errors import JournalError
from ._journal import Journal

__all__ = ["GroupCommitter"]

T = TypeVar("T")


class GroupCommitter:
    """Applies journal changes off the event loop, many per transaction; each durable when awaited."""

    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock
        self._queued: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []
        self._committer: asyncio.Task[None] | None = None

    async def commit(self, change: Callable[[], T]) -> T:
        """Apply one journal change; it is durable when this returns.

        Changes are applied in a worker thread, so an fsync never stalls the event loop, and those that
        queue up while one group commits go together into the next (group commit): with 8 submissions in
        flight that is one fsync for many state changes, each still committed before the step it guards.
        """
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._queued.append((change, future))
        if self._committer is None or self._committer.done():
            self._committer = asyncio.create_task(self._commit_queued())
        return await future

    async def _commit_queued(self) -> None:
        while self._queued:
            batch, self._queued = self._queued, []
            changes = [change for change, _ in batch]
            try:
                outcomes = await self._clock.offload(partial(self._apply, changes))
            except asyncio.CancelledError:
                for _, future in batch:
                    future.cancel()
                raise
            except Exception as exc:  # noqa: BLE001 - no worker thread (interpreter exit): each caller gets it
                failure = JournalError(f"the journal could not be written: {exc}; resume the batch to continue")
                outcomes = [(None, failure)] * len(batch)
            for (_, future), (value, error) in zip(batch, outcomes, strict=True):
                if future.done():
                    continue
                if error is None:
                    future.set_result(value)
                else:
                    future.set_exception(error)

    def _apply(self, changes: list[Callable[[], Any]]) -> list[tuple[Any, BaseException | None]]:
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            with self._journal.group():
                for change in changes:
                    try:
                        outcomes.append((change(), None))
                    except Exception as exc:  # noqa: BLE001 - this change alone is rolled back; its caller gets the error
                        outcomes.append((None, exc))
        except JournalError as exc:  # the commit itself failed: nothing in the group is durable
            return [(None, exc)] * len(changes)
        return outcomes
