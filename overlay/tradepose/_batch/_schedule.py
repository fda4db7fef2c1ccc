"""When to check which task: a pure, per-task adaptive polling schedule and a request budget.

The gateway has no batch-status endpoint, so every check is one request. The schedule spends them where
they pay off:

* a new task is checked quickly once (short tasks finish fast);
* a PENDING task is only queued behind the plan's concurrent-task limit, so it is checked ever more
  rarely (backing off to a long cap) – except that when one of our tasks finishes, the oldest pending
  ones are checked soon, because a slot just freed;
* a PROCESSING task is checked at a short interval (this bounds the lag between completion and
  download), growing slowly for long runs; no check is spent before the shortest duration already
  observed in this batch. Once enough tasks of the batch have finished, the interval follows their run
  times instead: about `residual_fraction` of the time a task of this age is still expected to run
  (between `hazard_min` and `hazard_max`), so checks cluster where tasks actually finish;
* with the plan's concurrent-task limit N (`set_concurrency`, a hint), only the first N of our unfinished
  tasks are checked as above: the others can only be queued behind ours, so they are "held" and checked
  at the slow `held_interval` (other users' tasks may change the picture; a held task found running
  raises the hint by one). When one of ours finishes, the oldest held task takes its place, checked soon.

All times are monotonic seconds passed in by the caller, so the schedule is tested without sleeping.
"""

from __future__ import annotations

import bisect
import heapq
from collections import deque
from dataclasses import dataclass, field

from tradepose_api.models.task_status import TaskStatus

from .._constants import DEFAULT_POLL_TIMEOUT, MAX_RETRY_AFTER, RETRY_JITTER
from ._budget import RequestBudget

__all__ = ["CHECK_BACKOFF_CAP", "PollSchedule", "RequestBudget", "RunLimits", "ScheduleSettings", "check_backoff"]

# Failed status checks back off from this delay, doubling, up to the cap (a gateway redeploy takes minutes).
CHECK_BACKOFF_FIRST = 1.0
CHECK_BACKOFF_CAP = 30.0


def check_backoff(failures: int, retry_after: float | None, *, jitter: float) -> float:
    """Seconds until the next check of a task after `failures` consecutive failed checks (pure).

    Exponential from `CHECK_BACKOFF_FIRST`, capped at `CHECK_BACKOFF_CAP`; `jitter` in [0, 1) takes up to
    a quarter off so tasks that failed together spread out. A server's Retry-After is honoured but capped
    at `MAX_RETRY_AFTER`, like the client's transport.
    """
    base = min(CHECK_BACKOFF_CAP, CHECK_BACKOFF_FIRST * 2.0 ** max(0, failures - 1))
    delay = base * (1.0 - RETRY_JITTER * min(max(jitter, 0.0), 1.0))
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    first_check: float = 0.5
    pending_interval: float = 1.0
    # A task can start and finish within one pending interval; at 15 s that made the p95 result lag 5-8 s
    # (bench case 2, simulated and measured); 8 s brings it under 3 s for ~10% more checks.
    pending_cap: float = 8.0
    pending_factor: float = 1.6
    processing_interval: float = 0.8
    processing_cap: float = 2.0
    processing_factor: float = 1.15
    # After a slot frees, the oldest pending tasks are checked this soon.
    promote_after: float = 0.3
    # Skip checks of a running task until this fraction of the shortest duration seen so far.
    min_duration_fraction: float = 0.8
    # Beyond the plan's concurrent-task limit: a queued task is checked this rarely (and at its deadline).
    held_interval: float = 60.0
    # While more submissions are queued, a new task's first check waits for them (`release_new`), at most
    # this long: the POSTs do not compete with status checks (bench case 4), and a short task finishing
    # during a long submission phase (bench case 2) is not left unchecked for long.
    first_check_wait: float = 3.0
    # Run times of this many finished tasks (the latest) shape the interval of running ones ...
    durations_kept: int = 256
    # ... once at least this many finished: `residual_fraction` of the expected remaining run time.
    durations_needed: int = 8
    residual_fraction: float = 0.4
    hazard_min: float = 0.8
    hazard_max: float = 2.6


@dataclass(slots=True)
class _Task:
    key: str
    added: float
    next_check: float
    interval: float
    status: int | None = None
    running_since: float | None = None
    generation: int = 0
    held: bool = False
    assumed: bool = False  # promoted into a freed slot: running_since is a guess until a check confirms it


@dataclass
class PollSchedule:
    """Per-task next-check times. Not thread-safe: owned by the batch's event loop."""

    settings: ScheduleSettings = field(default_factory=ScheduleSettings)
    _tasks: dict[str, _Task] = field(default_factory=dict)
    _heap: list[tuple[float, int, str]] = field(default_factory=list)
    _shortest_run: float | None = None
    _limit: int | None = None
    _active: int = 0  # tracked tasks that are not held
    _held: dict[str, None] = field(default_factory=dict)  # held keys, oldest first
    _runs: deque[float] = field(default_factory=deque)  # latest run times, in finishing order
    _sorted_runs: list[float] = field(default_factory=list)
    _tails: list[float] | None = None  # _tails[i] = sum(_sorted_runs[i:]), rebuilt when runs change
    _waiting: dict[str, None] = field(default_factory=dict)  # added with wait=True, first check not yet released

    def set_concurrency(self, limit: int | None) -> None:
        """The plan's concurrent-task limit (a hint), or None to check every task as if it could run."""
        self._limit = limit if limit is None else max(1, limit)

    @property
    def held(self) -> int:
        """How many tracked tasks are held (queued behind our own, checked only at the slow cadence)."""
        return len(self._held)

    def __len__(self) -> int:
        return len(self._tasks)

    def __contains__(self, key: object) -> bool:
        return key in self._tasks

    def _push(self, task: _Task) -> None:
        task.generation += 1
        heapq.heappush(self._heap, (task.next_check, task.generation, task.key))

    def add(
        self,
        key: str,
        now: float,
        *,
        first_check: float | None = None,
        deadline: float | None = None,
        wait: bool = False,
    ) -> None:
        """Start tracking a task that was just submitted (or found submitted on resume).

        Beyond the concurrency hint the task is held: its first check comes at the slow cadence (capped by
        its `deadline`) unless one of ours finishes first. With `wait`, the first check waits for
        `release_new` (at most `first_check_wait`).
        """
        delay = self.settings.first_check if first_check is None else first_check
        task = _Task(key, added=now, next_check=now + delay, interval=self.settings.pending_interval)
        if self._limit is not None and self._active >= self._limit:
            task.held = True
            self._held[key] = None
            task.next_check = _capped(now, self.settings.held_interval, deadline)
        else:
            self._active += 1
            if wait:
                task.next_check = _capped(now, max(delay, self.settings.first_check_wait), deadline)
                self._waiting[key] = None
        if key in self._tasks:
            self._drop(key)
        self._tasks[key] = task
        self._push(task)

    def release_new(self, now: float) -> None:
        """The submissions are done: waiting first checks come `first_check` from now (or sooner)."""
        for key in self._waiting:
            task = self._tasks.get(key)
            if task is not None and task.status is None and not task.held:
                soon = now + self.settings.first_check
                if task.next_check > soon:
                    task.next_check = soon
                    self._push(task)
        self._waiting.clear()

    def due(self, now: float) -> list[str]:
        """Keys whose check is due, earliest first; each is taken off the schedule until `observed`."""
        out: list[str] = []
        while self._heap and self._heap[0][0] <= now:
            _, generation, key = heapq.heappop(self._heap)
            task = self._tasks.get(key)
            if task is not None and task.generation == generation:
                out.append(key)
        return out

    def next_time(self) -> float | None:
        """When the earliest scheduled check is due (None when nothing is scheduled)."""
        while self._heap:
            when, generation, key = self._heap[0]
            task = self._tasks.get(key)
            if task is not None and task.generation == generation:
                return when
            heapq.heappop(self._heap)
        return None

    def observed(
        self,
        key: str,
        status: int | None,
        now: float,
        *,
        retry_after: float | None = None,
        deadline: float | None = None,
    ) -> None:
        """Reschedule after a check that saw `status` (None: the check failed; unknown ints: running).

        The next check comes no later than `deadline` (the task's own), so a deadline is never overslept.
        """
        task = self._tasks[key]
        s = self.settings
        if task.held and status not in (None, TaskStatus.PENDING):
            # Running although queued behind ours: the gateway runs more of ours than the hint says.
            self._unhold(task)
            if self._limit is not None:
                self._limit += 1
        if task.assumed and status is not None:
            task.assumed = False
            if status == TaskStatus.PENDING:
                # The freed slot went to another task: maybe one of ours we hold (the gateway's queue order
                # need not be ours), so the next held one is checked too, as if the hint were one higher.
                task.running_since = None
                if self._held and self._limit is not None:
                    self._limit += 1
                    self._promote(now)
        if task.held:
            delay = s.held_interval
        elif status == TaskStatus.PENDING:
            task.interval = task.interval if task.status == TaskStatus.PENDING else s.pending_interval
            delay = task.interval
            task.interval = min(task.interval * s.pending_factor, s.pending_cap)
        elif status is None:
            delay = max(task.interval, s.pending_interval)
        else:  # PROCESSING, or a state this SDK does not know: treat as running
            if task.running_since is None:
                task.running_since = now
                task.interval = s.processing_interval
            delay = self._running_delay(task, now)
        if status is not None:
            task.status = status
        if retry_after is not None:
            delay = max(delay, retry_after)
        task.next_check = _capped(now, delay, deadline)
        self._push(task)

    def _running_delay(self, task: _Task, now: float) -> float:
        s = self.settings
        assert task.running_since is not None
        age = now - task.running_since
        residual = self._expected_remaining(age)
        if residual is not None:
            delay = min(max(s.residual_fraction * residual, s.hazard_min), s.hazard_max)
        else:
            delay = task.interval
            task.interval = min(task.interval * s.processing_factor, s.processing_cap)
        if self._shortest_run is not None:
            earliest = task.running_since + s.min_duration_fraction * self._shortest_run
            delay = max(delay, earliest - now)
        return delay

    def _expected_remaining(self, age: float) -> float | None:
        """Mean remaining run time of finished tasks that ran longer than `age` (None: too few known)."""
        runs = self._sorted_runs
        if len(runs) < self.settings.durations_needed:
            return None
        if self._tails is None:
            tails = [0.0] * (len(runs) + 1)
            for i in range(len(runs) - 1, -1, -1):
                tails[i] = tails[i + 1] + runs[i]
            self._tails = tails
        first = bisect.bisect_right(runs, age)
        longer = len(runs) - first
        if longer == 0:
            return None  # older than every task seen: fall back to the processing interval
        return self._tails[first] / longer - age

    def finished(self, key: str, now: float) -> list[str]:
        """Stop tracking a finished task; return the tasks promoted into the freed slot, checked soon."""
        task = self._tasks.get(key)
        if task is None:
            return []
        start = task.running_since if task.running_since is not None else task.added
        run = max(now - start, 0.0)
        if task.running_since is not None:
            if self._shortest_run is None or run < self._shortest_run:
                self._shortest_run = run
            self._learn(run)
        if task.held and self._limit is not None:
            self._limit += 1  # it ran although queued behind ours: the gateway runs more of ours than the hint
        self._drop(key)
        return self._promote(now)

    def _learn(self, run: float) -> None:
        self._runs.append(run)
        bisect.insort(self._sorted_runs, run)
        if len(self._runs) > self.settings.durations_kept:
            oldest = self._runs.popleft()
            del self._sorted_runs[bisect.bisect_left(self._sorted_runs, oldest)]
        self._tails = None

    def _promote(self, now: float) -> list[str]:
        promoted: list[str] = []
        soon = now + self.settings.promote_after
        while self._held and (self._limit is None or self._active < self._limit):
            candidate = self._tasks[next(iter(self._held))]
            self._unhold(candidate)
            # Next in line for the slot that just freed: assume it started now, and check it as a running
            # task (a check that finds it PENDING resets this), rather than spend a check to see it start.
            candidate.running_since, candidate.assumed = now, True
            candidate.interval = self.settings.processing_interval
            candidate.next_check = now + max(self.settings.promote_after, self._running_delay(candidate, now))
            self._push(candidate)
            promoted.append(candidate.key)
        unheld = len(promoted)
        # The gateway starts its oldest queued task: the oldest of ours seen PENDING, if any, is older still.
        oldest_pending = min(
            (
                t
                for t in self._tasks.values()
                if t.status == TaskStatus.PENDING and not t.held and t.key not in promoted
            ),
            key=lambda t: t.added,
            default=None,
        )
        if oldest_pending is not None:
            promoted.append(oldest_pending.key)
        for candidate_key in promoted[unheld:]:
            candidate = self._tasks[candidate_key]
            if candidate.next_check > soon:
                candidate.next_check = soon
                candidate.interval = self.settings.pending_interval
                self._push(candidate)
        return promoted

    def _unhold(self, task: _Task) -> None:
        task.held = False
        del self._held[task.key]
        self._active += 1

    def _drop(self, key: str) -> None:
        task = self._tasks.pop(key)
        self._waiting.pop(key, None)
        if task.held:
            del self._held[key]
        else:
            self._active -= 1

    def remove(self, key: str, now: float | None = None) -> None:
        """Stop tracking a task without learning from it (e.g. it timed out); with `now`, fill its slot."""
        task = self._tasks.get(key)
        if task is None:
            return
        freed = not task.held
        self._drop(key)
        if freed and now is not None:
            self._promote(now)


def _capped(now: float, delay: float, deadline: float | None) -> float:
    """`now + delay`, but not past `deadline` (when it lies ahead)."""
    at = now + delay
    return min(at, deadline) if deadline is not None and deadline > now else at


@dataclass(frozen=True, slots=True)
class RunLimits:
    """Concurrency and rate bounds of one batch run."""

    submissions: int = 8
    polls: int = 16
    downloads: int = 4
    requests_per_minute: float | None = None
    # Per task, counted from its submission (or from the start of a resumed run): queueing time counts.
    poll_timeout: float = DEFAULT_POLL_TIMEOUT
    # Re-send, once and flagged, a POST whose answer leaves open whether a task was created.
    resubmit_ambiguous: bool = True
    # Read the plan's concurrent-task limit and hold the checks of tasks queued behind our own.
    plan_aware: bool = True
    # New tasks are first checked once every queued submission was sent (see `first_check_wait`).
    checks_after_submissions: bool = True
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    # Seeds the back-off jitter; None draws from the OS. Virtual-time tests fix it to replay exactly.
    jitter_seed: int | None = None
