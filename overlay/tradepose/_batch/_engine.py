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

By concern: `_run_state` (shared fields, the plan's limits, pacing), `_downloader` (results), `_poller`
(the poll loop and status checks), this module (the run and its submissions).
"""

from __future__ import annotations

import asyncio
import itertools
from functools import partial

from .._authoring._period import Period
from .._errors import (
    AuthenticationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    TradePoseError,
)
from .._http._retry import RetryPolicy, retry_delay
from ._journal import PeriodRow
from ._kinds import BatchKind, kind_for
from ._poller import Polling
from ._run_state import describe, logger
from ._schedule import RunLimits
from ._submission import (
    AMBIGUOUS,
    credential_message,
    may_have_arrived,
    recover_task_id,
    resubmit_delay,
    undecodable_answer,
)

__all__ = ["BatchKind", "BatchRun", "RunLimits", "kind_for"]


class BatchRun(Polling):
    """One pass over a batch: finishes every period the journal says is unfinished."""

    # -- entry point -------------------------------------------------------------------------------

    async def run(self, *, resubmit_failed: bool = False, ambiguous: bool = False) -> None:
        """Submit, poll and download until every period is done or failed.

        A refused credential (401/403) stops every further submission at once; the run still polls and
        downloads what was submitted, then raises that error (typed, saying which credential to fix).
        """
        self._ambiguous_too = ambiguous
        await self._init_plan()
        for problem in await self._read(self._journal.verify_results):
            logger.warning(
                "result %s of %s is %s: downloading it again", problem.name, problem.period_key, problem.reason
            )
        to_submit: list[tuple[Period, bool]] = []
        for row in await self._read(self._journal.summary_rows):
            if row.state == "planned":
                to_submit.append((row.period, False))
            elif row.state == "submitting":  # in flight when the last run died
                to_submit.append((row.period, True))
            elif row.task_id is not None and (
                row.state == "timed_out" or (row.state == "failed" and row.error_stage in ("status", "download"))
            ):
                # Timed out, or the disk was full: the task exists, so poll and download it again.
                await self._commit(partial(self._journal.reopen_for_download, row.key))
                self._track(row.key, row.task_id, first_check=0.0)
            elif row.state in ("failed", "ambiguous") and resubmit_failed:
                await self._retry_failed(row, to_submit)
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

    async def _retry_failed(self, row: PeriodRow, to_submit: list[tuple[Period, bool]]) -> None:
        # The task may run or be done: re-poll it. An ambiguous period's id is of an earlier task that FAILED
        # (only such a period is submitted again), so it is re-submitted like one without an id.
        if row.state != "ambiguous" and row.task_id is not None and row.error_stage != "task":
            await self._commit(partial(self._journal.reopen_for_download, row.key))
            self._track(row.key, row.task_id, first_check=0.0)
        else:
            risk = row.state == "ambiguous"
            if risk and not (self._resubmit_ambiguous or self._ambiguous_too):
                return  # may have created a task: left for retry_failed(ambiguous=True)
            to_submit.append((row.period, risk))

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
                        await self._commit(partial(self._journal.mark_not_sent, period, describe(exc)))
                        return
                    except TradePoseError as exc:
                        if isinstance(exc, RateLimitError):
                            self._on_rate_limited()
                        task_id = recover_task_id(exc.response) if isinstance(exc, ResponseDecodeError) else None
                        if task_id is not None:  # a 2xx whose body did not decode: the task exists
                            await self._submitted(period, task_id)
                            return
                        ambiguous = may_have_arrived(exc)
                        logger.warning("submitting %s failed: %s", period.key, describe(exc))
                        error = (AMBIGUOUS if ambiguous else "") + describe(exc)
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
                if self._submitting == 0:
                    self._schedule.release_new(self._clock.monotonic())
                self._wake.set()

    async def _submitted(self, period: Period, task_id: str) -> None:
        self._on_success()
        await self._commit(partial(self._journal.mark_submitted, period, task_id))
        self._track(period.key, task_id)
