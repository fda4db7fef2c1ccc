"""The engine behind `BatchTester`: submit, poll and download every period of a journalled batch.

It runs on the tester's background event loop. Every step is journalled before or as it happens, so
the engine can be killed at any point and `BatchTester.resume` finishes the batch:

* `mark_submitting` is committed before each export POST; the task id is committed as soon as it
  comes back. A period found `submitting` on resume is the only one that may be sent twice (the
  gateway has no idempotency key), and the journal flags it.
* results are written atomically inside the workdir and recorded with their sha256 before the period
  is marked done.

Per period (the transition table is `_journal._states.TRANSITIONS`; the journal refuses any other move):

    planned ─▶ submitting ─▶ submitted ─▶ done
                 │   │  ▲        ├─▶ failed     stage "task" (the gateway ran it: FAILED) or "download"
                 │   │  │        └─▶ timed_out  past `poll_timeout`, task id kept; resume re-polls it
                 │   │  └─ not sent (401/403: back to planned)
                 │   ├─▶ failed     stage "submit": provably no task (refused, or waited out to the deadline)
                 │   └─▶ ambiguous  5xx / lost answer / 2xx without an id: a task may exist
                 └─ (crash) found submitting on resume: re-sent, flagged duplicate_risk

Failures are per period and recorded with their error: the batch goes on (partial-failure contract).
Only a fault of the engine itself (a bug, a broken journal) ends the run, and it reaches the caller.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from tradepose_api.models.strategy_config import StrategyConfig
from tradepose_api.models.task_status import TaskStatus

from .._authoring._period import Period
from .._client._async_client import AsyncTradePoseClient
from .._client._polling import decode_status
from .._clock import Clock
from .._errors import (
    AuthenticationError,
    JournalError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ResultWriteError,
    TradePoseError,
)
from .._http._retry import RetryPolicy, retry_delay
from ._commits import GroupCommitter
from ._journal import Journal, PeriodRow, publish_file
from ._kinds import BatchKind, Fetch, kind_for
from ._schedule import PollSchedule, RequestBudget, RunLimits, check_backoff
from ._submission import (
    AMBIGUOUS,
    credential_message,
    may_have_arrived,
    recover_task_id,
    resubmit_delay,
    undecodable_answer,
)

__all__ = ["BatchKind", "BatchRun", "RunLimits", "kind_for"]

logger = logging.getLogger("tradepose")
T = TypeVar("T")


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"


def _status_name(status: int | None) -> str:
    try:
        return TaskStatus(status).name if status is not None else "unknown"
    except ValueError:
        return f"status {status}"


class BatchRun:
    """One pass over a batch: finishes every period the journal says is unfinished."""

    def __init__(
        self,
        client: AsyncTradePoseClient,
        journal: Journal,
        *,
        limits: RunLimits,
        clock: Clock,
    ) -> None:
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
        self._task_ids: dict[str, str] = {}
        self._check_failures: dict[str, int] = {}
        self._credential_error: AuthenticationError | PermissionDeniedError | None = None
        self._resubmit_ambiguous = limits.resubmit_ambiguous
        self._ambiguous_too = False
        self._probe = asyncio.Event()
        self._tracked_since: dict[str, float] = {}
        self._poll_timeout = limits.poll_timeout
        self._random = random.Random(limits.jitter_seed)
        self._wake = asyncio.Event()
        self._submitting = 0
        self._downloads: set[asyncio.Task[None]] = set()
        self._download_sem = asyncio.Semaphore(limits.downloads)
        self._gateway_status: dict[str, int] = {}
        self._commits = GroupCommitter(journal, clock)

    async def _commit(self, change: Callable[[], T]) -> T:
        """Apply one journal change; it is durable when this returns (see `GroupCommitter`)."""
        return await self._commits.commit(change)

    # -- entry point -------------------------------------------------------------------------------

    async def run(self, *, resubmit_failed: bool = False, ambiguous: bool = False) -> None:
        """Submit, poll and download until every period is done or failed.

        A refused credential (401/403) stops every further submission at once; the run still polls and
        downloads what was submitted, then raises that error (typed, saying which credential to fix).
        """
        self._ambiguous_too = ambiguous
        await self._init_budget()
        for problem in self._journal.verify_results():
            logger.warning(
                "result %s of %s is %s: downloading it again", problem.name, problem.period_key, problem.reason
            )
        to_submit: list[tuple[Period, bool]] = []
        for row in self._journal.summary_rows():
            if row.state == "planned":
                to_submit.append((row.period, False))
            elif row.state == "submitting":  # in flight when the last run died
                to_submit.append((row.period, True))
            elif row.task_id is not None and (
                row.state == "timed_out" or (row.state == "failed" and row.error_stage in ("status", "download"))
            ):
                # Timed out, or the disk was full: the task exists, so poll and download it again.
                self._journal.reopen_for_download(row.key)
                self._track(row.key, row.task_id, first_check=0.0)
            elif row.state in ("failed", "ambiguous") and resubmit_failed:
                self._retry_failed(row, to_submit)
            elif row.state == "submitted" and row.task_id is not None:
                self._track(row.key, row.task_id, first_check=0.0)
        submit_sem = asyncio.Semaphore(self._limits.submissions)
        self._submitting = len(to_submit)
        submitters = [
            asyncio.create_task(self._submit(period, risk, submit_sem, i == 0))
            for i, (period, risk) in enumerate(to_submit)
        ]
        try:
            await self._poll_until_idle()
            await asyncio.gather(*submitters)
        finally:
            for task in submitters:
                task.cancel()
            await asyncio.gather(*submitters, return_exceptions=True)
        if self._credential_error is not None:
            exc = self._credential_error
            message = credential_message(exc, self._client.config, str(self._journal.workdir))
            raise type(exc)(message, response=exc.response, body=exc.body) from None

    def _retry_failed(self, row: PeriodRow, to_submit: list[tuple[Period, bool]]) -> None:
        if row.task_id is not None and row.error_stage != "task":  # the task may run or be done: re-poll it
            self._journal.reopen_for_download(row.key)
            self._track(row.key, row.task_id, first_check=0.0)
        else:
            risk = row.state == "ambiguous"
            if risk and not (self._resubmit_ambiguous or self._ambiguous_too):
                return  # may have created a task: left for retry_failed(ambiguous=True)
            to_submit.append((row.period, risk))

    async def _init_budget(self) -> None:
        per_minute = self._limits.requests_per_minute
        if per_minute is None:
            try:
                usage = await self._client.usage.get_current_usage()
                per_minute = float(usage.requests_per_minute)
            except TradePoseError as exc:  # usage is advisory: without it, rely on 429 + Retry-After
                logger.info("plan rate unknown (%s); pacing by the gateway's 429 answers", _describe(exc))
                return
        # Leave headroom for the user's other calls and for clock skew between our window and the gateway's.
        self._budget = RequestBudget(per_minute=max(1.0, per_minute * 0.8), burst=min(20.0, max(1.0, per_minute / 6)))

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

    # -- submission --------------------------------------------------------------------------------

    async def _submit(self, period: Period, duplicate_risk: bool, sem: asyncio.Semaphore, first: bool) -> None:
        if not first:
            await self._probe.wait()  # the first POST tests the credential before the others are sent
        async with sem:
            try:
                request = self._kind.build(self._strategies, period, self._options)
                policy = RetryPolicy(max_retries=self._client.config.max_retries)
                deadline = self._clock.monotonic() + self._poll_timeout
                resends = 0  # of POSTs that may have created a task
                for attempt in itertools.count():
                    if self._credential_error is not None:
                        return  # the credential was refused: the period stays as it is, for resume()
                    await self._commit(partial(self._journal.mark_submitting, period, duplicate_risk=duplicate_risk))
                    try:
                        await self._pace()
                        try:
                            response = await self._client.export.create_export(body=request)
                        finally:
                            self._probe.set()
                    except (AuthenticationError, PermissionDeniedError) as exc:
                        self._credential_error = self._credential_error or exc
                        await self._commit(partial(self._journal.mark_not_sent, period, _describe(exc)))
                        return
                    except TradePoseError as exc:
                        if isinstance(exc, RateLimitError):
                            self._on_rate_limited()
                        task_id = recover_task_id(exc.response) if isinstance(exc, ResponseDecodeError) else None
                        if task_id is not None:  # a 2xx whose body did not decode: the task exists
                            await self._submitted(period, task_id)
                            return
                        ambiguous = may_have_arrived(exc)
                        logger.warning("submitting %s failed: %s", period.key, _describe(exc))
                        error = (AMBIGUOUS if ambiguous else "") + _describe(exc)
                        if isinstance(exc, ResponseDecodeError):
                            error += f" ({undecodable_answer(exc.response)})"
                        mark = (
                            partial(self._journal.mark_ambiguous, period, error)
                            if ambiguous
                            else (partial(self._journal.mark_failed, period, error, "submit"))
                        )
                        await self._commit(mark)
                        if ambiguous:
                            if not (self._resubmit_ambiguous or self._ambiguous_too) or resends >= policy.max_retries:
                                return
                            resends += 1
                            duplicate_risk = True
                            delay: float | None = retry_delay(attempt, policy=policy)
                        else:
                            # Provably no task: waited out (a storm, a redeploy) until the period's deadline.
                            delay = resubmit_delay(exc, policy, failures=attempt + 1, jitter=self._jitter())
                        if delay is None or self._clock.monotonic() + delay > deadline:
                            return
                        await self._clock.asleep(delay)
                    else:
                        await self._submitted(period, str(response.task_id))
                        return
            finally:
                self._probe.set()
                self._submitting -= 1
                self._wake.set()

    async def _submitted(self, period: Period, task_id: str) -> None:
        self._on_success()
        await self._commit(partial(self._journal.mark_submitted, period, task_id))
        self._track(period.key, task_id)

    def _jitter(self) -> float:
        return self._random.random()

    def _track(self, key: str, task_id: str, *, first_check: float | None = None) -> None:
        self._task_ids[key] = task_id
        self._tracked_since[key] = self._clock.monotonic()
        self._schedule.add(key, self._clock.monotonic(), first_check=first_check)
        self._wake.set()

    # -- polling -----------------------------------------------------------------------------------

    async def _poll_until_idle(self) -> None:
        poll_sem = asyncio.Semaphore(self._limits.polls)
        checks: set[asyncio.Task[None]] = set()
        try:
            while self._submitting > 0 or len(self._schedule) > 0 or checks or self._downloads:
                now = self._clock.monotonic()
                for key in self._schedule.due(now):
                    task = asyncio.create_task(self._check(key, poll_sem))
                    checks.add(task)
                    task.add_done_callback(checks.discard)
                nxt = self._schedule.next_time()
                timeout = None if nxt is None else max(0.0, nxt - self._clock.monotonic())
                self._wake.clear()
                if timeout is None or timeout > 0:
                    waiter = asyncio.create_task(self._wake.wait())
                    # The timeout is a sleep on the injected clock, so virtual time drives it in tests.
                    sleeper = None if timeout is None else asyncio.create_task(self._clock.asleep(timeout))
                    helpers = {waiter} if sleeper is None else {waiter, sleeper}
                    pending = {*helpers, *checks, *self._downloads}
                    done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    for helper in helpers:
                        helper.cancel()
                    await asyncio.gather(*helpers, return_exceptions=True)
                    for finished in done - helpers:
                        error = None if finished.cancelled() else finished.exception()
                        if error is not None:
                            raise error
                else:
                    await asyncio.sleep(0)
        finally:
            for task in (*checks, *self._downloads):
                task.cancel()
            await asyncio.gather(*checks, *self._downloads, return_exceptions=True)

    async def _check(self, key: str, sem: asyncio.Semaphore) -> None:
        task_id = self._task_ids[key]
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
                logger.warning("checking task %s failed (%s); will check again", task_id, _describe(exc))
                await self._check_again_later(key, task_id, exc)
                return
        self._check_failures.pop(key, None)
        self._on_success()
        now = self._clock.monotonic()
        if status is not None and self._gateway_status.get(key) != status:
            await self._commit(partial(self._journal.mark_status, key, status))
            self._gateway_status[key] = status
        if status == TaskStatus.COMPLETED:
            self._schedule.finished(key, now)
            download = asyncio.create_task(self._download(key, task_id))
            self._downloads.add(download)
            download.add_done_callback(self._downloads.discard)
        elif status == TaskStatus.FAILED:
            self._schedule.finished(key, now)
            message = metadata.error_message if isinstance(metadata.error_message, str) else None
            error = message or "the gateway reported the task as failed"
            await self._commit(partial(self._journal.mark_failed, key, error, "task"))
        elif now >= self._deadline(key):
            await self._time_out(key, task_id, f"still {_status_name(status)} after {self._poll_timeout:g} s")
        else:
            self._schedule.observed(key, status, now)
        self._wake.set()

    def _deadline(self, key: str) -> float:
        return self._tracked_since[key] + self._poll_timeout

    async def _check_again_later(self, key: str, task_id: str, exc: TradePoseError) -> None:
        now = self._clock.monotonic()
        if now >= self._deadline(key):
            await self._time_out(key, task_id, f"status checks kept failing: {_describe(exc)}")
            return
        failures = self._check_failures.get(key, 0) + 1
        self._check_failures[key] = failures
        retry_after = exc.retry_after if isinstance(exc, RateLimitError) else None
        delay = check_backoff(failures, retry_after, jitter=self._jitter())
        delay = min(delay, max(0.0, self._deadline(key) - now))
        self._schedule.observed(key, None, now, retry_after=delay)

    async def _time_out(self, key: str, task_id: str, why: str) -> None:
        """The period's deadline passed: record it, keeping the task id (resume and retry_failed re-poll)."""
        error = f"timed out: task {task_id} {why}; poll_timeout is {self._poll_timeout:g} s"
        self._schedule.remove(key)
        await self._commit(partial(self._journal.mark_timed_out, key, error))
        self._wake.set()

    # -- downloads ---------------------------------------------------------------------------------

    async def _download(self, key: str, task_id: str) -> None:
        async with self._download_sem:
            try:
                recorded = {r.name for r in self._journal.row(key).results}
                for name, fetch in self._kind.results.items():
                    if name not in recorded:
                        await self._fetch_one(key, task_id, name, fetch)
                await self._commit(partial(self._journal.mark_done, key))
            except JournalError:
                raise  # the journal itself cannot be written: that ends the run (one typed error), not a period
            except TradePoseError as exc:
                logger.warning("downloading %s of task %s failed: %s", key, task_id, _describe(exc))
                await self._commit(partial(self._journal.mark_failed, key, _describe(exc), "download"))
            finally:
                self._wake.set()

    async def _fetch_one(self, key: str, task_id: str, name: str, fetch: Fetch) -> None:
        final = self._journal.result_path(key, self._kind.filename(name))
        part = final.with_name(final.name + ".part")
        await self._pace()
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            await fetch(self._client, task_id, part)
            publish_file(part, final)
        except OSError as exc:  # disk full, unwritable path: this period fails, the batch goes on
            raise ResultWriteError(
                f"cannot write result {name} of {key} to {str(final)!r} ({exc.strerror or exc}): free disk "
                f"space or fix the path's permissions, then resume the batch",
                path=str(final),
            ) from exc
        finally:
            part.unlink(missing_ok=True)
        await self._commit(partial(self._journal.record_result, key, name, final))
