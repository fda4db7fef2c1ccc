"""The state one batch run shares between its submissions, checks and downloads (see `_engine`).

Per-period entries live only while the period is in flight: a period's `Tracked` record is dropped when
its task finishes (done, failed or timed out), so a batch of 100,000 periods holds Python objects only
for the tasks being polled or downloaded.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from tradepose_api.models.strategy_config import StrategyConfig
from tradepose_api.models.task_status import TaskStatus

from .._client._async_client import AsyncTradePoseClient
from .._clock import Clock
from .._errors import AuthenticationError, PermissionDeniedError, TradePoseError
from ._commits import GroupCommitter
from ._journal import Journal
from ._kinds import kind_for
from ._schedule import PollSchedule, RequestBudget, RunLimits

__all__ = ["RunState", "Tracked", "describe", "logger", "status_name"]

logger = logging.getLogger("tradepose")
T = TypeVar("T")


def describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"


def status_name(status: int | None) -> str:
    try:
        return TaskStatus(status).name if status is not None else "unknown"
    except ValueError:
        return f"status {status}"


@dataclass(slots=True)
class Tracked:
    """A period whose task is being polled: its id, since when, failed checks, last status journalled."""

    task_id: str
    since: float
    failures: int = 0
    status: int | None = None


class RunState:
    """Fields and small helpers of `BatchRun` (split by concern: `_poller`, `_downloader`, `_engine`)."""

    def __init__(self, client: AsyncTradePoseClient, journal: Journal, *, limits: RunLimits, clock: Clock) -> None:
        self._client = client
        self._journal = journal
        self._limits = limits
        self._clock = clock
        params = journal.params
        self._kind = kind_for(params.export_type)
        self._options = dict(params.options)
        self._strategies = [
            s if isinstance(s, StrategyConfig) else StrategyConfig.from_dict(s) for s in params.strategies
        ]
        self._schedule = PollSchedule(settings=limits.schedule)
        self._budget: RequestBudget | None = None
        self._tracked: dict[str, Tracked] = {}
        self._credential_error: AuthenticationError | PermissionDeniedError | None = None
        self._resubmit_ambiguous = limits.resubmit_ambiguous
        self._ambiguous_too = False
        self._probe = asyncio.Event()
        self._poll_timeout = limits.poll_timeout
        self._random = random.Random(limits.jitter_seed)
        self._wake = asyncio.Event()
        self._submitting = 0
        self._checks: set[asyncio.Task[None]] = set()
        self._downloads: set[asyncio.Task[None]] = set()
        self._fault: BaseException | None = None  # the first error a check or download task raised
        self._download_sem = asyncio.Semaphore(limits.downloads)
        self._commits = GroupCommitter(journal, clock)
        self._zip_route = True  # until the gateway shows it does not serve the backtest ZIP

    async def _commit(self, change: Callable[[], T]) -> T:
        """Apply one journal change; it is durable when this returns (see `GroupCommitter`)."""
        return await self._commits.commit(change)

    def _spawn(self, work: Coroutine[Any, Any, None], tasks: set[asyncio.Task[None]]) -> None:
        """Run `work` as a task kept in `tasks`; when it ends it wakes the poll loop.

        The loop then waits on one event, not on every task in flight (that wait cost grew with the batch).
        A task's own error is a fault of the engine (checks and downloads journal per-period failures
        themselves): it is kept, so it is retrieved at once and the poll loop raises it.
        """
        task = asyncio.create_task(work)
        tasks.add(task)
        task.add_done_callback(partial(self._ended, tasks))

    def _ended(self, tasks: set[asyncio.Task[None]], task: asyncio.Task[None]) -> None:
        tasks.discard(task)
        if not task.cancelled():
            error = task.exception()
            if error is not None and self._fault is None:
                self._fault = error
        self._wake.set()

    async def _read(self, query: Callable[[], T]) -> T:
        """Run a journal read off the event loop (a read of a large journal is not instant)."""
        return await self._clock.offload(query)

    # -- the plan: request rate and concurrent tasks -----------------------------------------------

    async def _init_plan(self) -> None:
        """Learn the plan's request rate (usage) and concurrent-task limit (subscription); both advisory."""
        await asyncio.gather(self._init_budget(), self._init_concurrency())

    async def _init_budget(self) -> None:
        per_minute = self._limits.requests_per_minute
        if per_minute is None:
            try:
                usage = await self._client.usage.get_current_usage()
                per_minute = float(usage.requests_per_minute)
            except TradePoseError as exc:  # usage is advisory: without it, rely on 429 + Retry-After
                logger.info("plan rate unknown (%s); pacing by the gateway's 429 answers", describe(exc))
                return
        # Leave headroom for the user's other calls and for clock skew between our window and the gateway's.
        self._budget = RequestBudget(per_minute=max(1.0, per_minute * 0.8), burst=min(20.0, max(1.0, per_minute / 6)))

    async def _init_concurrency(self) -> None:
        if not self._limits.plan_aware:
            return
        try:
            detail = await self._client.billing.get_subscription()
            limit = int(detail.current_plan.limits.max_concurrent_tasks)
        except TradePoseError as exc:  # advisory: without it every task is checked, as before
            logger.info("plan's concurrent-task limit unknown (%s); checking every task", describe(exc))
            return
        if limit > 0:
            self._schedule.set_concurrency(limit)

    async def _pace(self) -> None:
        if self._budget is not None:
            wait = self._budget.take(self._clock.monotonic())
            if wait > 0:
                await self._clock.asleep(wait)

    def _on_rate_limited(self) -> None:
        if self._budget is not None:
            self._budget.slow_down(self._clock.monotonic())

    def _on_success(self) -> None:
        if self._budget is not None:
            self._budget.succeeded()

    def _jitter(self) -> float:
        return self._random.random()

    def _track(self, key: str, task_id: str, *, first_check: float | None = None) -> None:
        now = self._clock.monotonic()
        self._tracked[key] = Tracked(task_id, now)
        # A submission still queued behind this one: its POST goes first, this task's check after.
        wait = self._limits.checks_after_submissions and self._submitting > 1
        self._schedule.add(key, now, first_check=first_check, deadline=now + self._poll_timeout, wait=wait)
        self._wake.set()
