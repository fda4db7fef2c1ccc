"""The per-task polling schedule and the request budget (pure: times are passed in)."""

from __future__ import annotations

import itertools

import pytest

from tradepose._batch._schedule import PollSchedule, RequestBudget, ScheduleSettings

S = ScheduleSettings()


def test_new_task_is_checked_quickly_once() -> None:
    """A just-submitted task is due after `first_check`, not before."""
    schedule = PollSchedule()
    schedule.add("a", now=100.0)
    assert schedule.due(100.0 + S.first_check - 0.01) == []
    assert schedule.due(100.0 + S.first_check) == ["a"]
    assert schedule.due(1000.0) == []  # taken off until observed


def test_pending_backs_off_to_its_cap() -> None:
    """PENDING checks grow by the pending factor and stop growing at the cap."""
    schedule = PollSchedule()
    schedule.add("a", now=0.0)
    now, gaps = 0.0, []
    for _ in range(12):
        schedule.due(now + 1e9)
        schedule.observed("a", 0, now)
        nxt = schedule.next_time()
        assert nxt is not None
        gaps.append(nxt - now)
        now = nxt
    assert gaps[0] == S.pending_interval
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(gaps))
    assert gaps[-1] == pytest.approx(S.pending_cap)


@pytest.mark.parametrize("status", [1, 7])
def test_running_and_unknown_states_are_checked_often(status: int) -> None:
    """PROCESSING (and a state the SDK does not know) is checked at the short processing interval."""
    schedule = PollSchedule()
    schedule.add("a", now=0.0)
    schedule.due(1.0)
    schedule.observed("a", status, 1.0)
    assert schedule.next_time() == pytest.approx(1.0 + S.processing_interval)
    for step in range(20):
        schedule.due(1e9)
        schedule.observed("a", status, 10.0 + step)
    nxt = schedule.next_time()
    assert nxt is not None
    assert nxt - 29.0 == pytest.approx(S.processing_cap)


def test_finished_task_promotes_the_oldest_pending_one() -> None:
    """When a task finishes, the oldest PENDING task is checked soon: a slot just freed."""
    schedule = PollSchedule()
    for i, key in enumerate(["old", "young", "runner"]):
        schedule.add(key, now=float(i))
    for key in ("old", "young"):
        schedule.due(1e9)
        schedule.observed(key, 0, 5.0)
    for _ in range(6):  # back the pending ones off a lot
        for key in ("old", "young"):
            schedule.observed(key, 0, 5.0)
    schedule.observed("runner", 1, 5.0)
    promoted = schedule.finished("runner", now=6.0)
    assert promoted == ["old"]
    assert schedule.due(6.0 + S.promote_after) == ["old"]


def test_no_checks_before_the_shortest_observed_duration() -> None:
    """Once a task of the batch took N s, others are not checked before 0.8·N s of running."""
    schedule = PollSchedule()
    schedule.add("first", now=0.0)
    schedule.observed("first", 1, 0.0)
    schedule.finished("first", now=10.0)  # ran 10 s
    schedule.add("second", now=10.0)
    schedule.observed("second", 1, 10.0)
    nxt = schedule.next_time()
    assert nxt == pytest.approx(10.0 + 0.8 * 10.0)


def test_failed_check_and_retry_after_delay_the_next_one() -> None:
    """A failed check waits at least the pending interval, and at least the server's Retry-After."""
    schedule = PollSchedule()
    schedule.add("a", now=0.0)
    schedule.observed("a", None, 1.0, retry_after=7.0)
    assert schedule.next_time() == pytest.approx(8.0)


def test_remove_forgets_the_task() -> None:
    """remove() drops a task and its pending check."""
    schedule = PollSchedule()
    schedule.add("a", now=0.0)
    schedule.remove("a")
    assert "a" not in schedule
    assert schedule.next_time() is None
    assert schedule.due(10.0) == []


def test_budget_allows_a_burst_then_paces() -> None:
    """The token bucket lets `burst` requests through, then spaces them at the per-minute rate."""
    budget = RequestBudget(per_minute=60.0, burst=3.0)
    assert [budget.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert budget.take(0.0) == pytest.approx(1.0)
    assert budget.take(0.0) == pytest.approx(2.0)
    assert budget.take(10.0) == 0.0  # refilled


def test_budget_slows_down_after_rate_limits() -> None:
    """slow_down halves the rate once per window, never below the floor; a non-positive rate is refused."""
    budget = RequestBudget(per_minute=4.0)
    for i in range(5):
        budget.slow_down(i * 60.0)
    assert budget.per_minute == 1.0
    with pytest.raises(ValueError, match="positive"):
        RequestBudget(per_minute=0)


def test_budget_decreases_once_per_storm_and_recovers_additively() -> None:
    """150 concurrent 429s within one window halve the rate once; successes bring it back to the plan."""
    budget = RequestBudget(per_minute=480.0)
    for i in range(150):
        budget.slow_down(100.0 + i * 0.01)  # one storm, 1.5 s long
    assert budget.per_minute == 240.0
    for i in range(50):
        budget.slow_down(100.0 + i * 11.0)  # a storm lasting ~9 minutes: one halving per window
    assert budget.per_minute == budget.floor == 48.0
    steps = 0
    while budget.per_minute < 480.0:
        budget.succeeded()
        steps += 1
    assert budget.per_minute == 480.0 and steps == 45  # +2 % of the plan per success
    budget.succeeded()
    assert budget.per_minute == 480.0  # never above the plan


# -- the plan's concurrent-task limit (a hint) ---------------------------------------------------

HELD = [
    # (limit, tasks added, keys due soon after adding them)
    (2, 5, ["t0", "t1"]),
    (5, 5, ["t0", "t1", "t2", "t3", "t4"]),
    (None, 3, ["t0", "t1", "t2"]),
    (1, 3, ["t0"]),
]


@pytest.mark.parametrize(("limit", "count", "due"), HELD)
def test_only_the_first_n_unfinished_tasks_are_checked(limit: int | None, count: int, due: list[str]) -> None:
    """With a limit of N, tasks beyond the first N are held: not due until the slow cadence."""
    schedule = PollSchedule()
    schedule.set_concurrency(limit)
    for i in range(count):
        schedule.add(f"t{i}", now=0.0)
    assert schedule.due(S.first_check) == due
    assert schedule.held == count - len(due)
    assert schedule.due(S.held_interval - 0.01) == []
    assert len(schedule.due(S.held_interval)) == count - len(due)


def test_a_finished_task_hands_its_slot_to_the_oldest_held_one() -> None:
    """When one of ours finishes, the oldest held task is assumed started and checked as a running one."""
    schedule = PollSchedule(settings=ScheduleSettings(min_duration_fraction=0.0))
    schedule.set_concurrency(2)
    for i in range(5):
        schedule.add(f"t{i}", now=float(i))
    schedule.due(10.0)
    schedule.observed("t0", 1, 10.0)
    schedule.observed("t1", 1, 10.0)
    schedule.due(12.0)  # t1's own check
    assert schedule.finished("t0", now=12.0) == ["t2"]
    assert schedule.due(12.0 + S.processing_interval - 0.01) == []
    assert schedule.due(12.0 + S.processing_interval) == ["t2"]
    assert schedule.held == 2
    schedule.remove("t1", now=13.0)  # a timed-out one frees its place too
    assert schedule.due(13.0 + S.processing_interval) == ["t3"]
    assert schedule.held == 1


STRAYS = [
    # (status seen at the slow check, held afterwards, limit raised)
    (0, True, False),  # still PENDING: stays held
    (None, True, False),  # the check failed: stays held
    (1, False, True),  # running although "queued": the hint was low, it is raised
    (7, False, True),  # a state this SDK does not know counts as running
]


@pytest.mark.parametrize(("status", "still_held", "raised"), STRAYS)
def test_the_slow_check_of_a_held_task(status: int | None, still_held: bool, raised: bool) -> None:
    """A held task seen running is checked as a running one and raises the hint by one."""
    schedule = PollSchedule()
    schedule.set_concurrency(1)
    schedule.add("a", now=0.0)
    schedule.add("b", now=0.0)
    schedule.due(S.held_interval)
    schedule.observed("b", status, S.held_interval)
    assert (schedule.held == 1) is still_held
    nxt = schedule.next_time()
    delay = S.held_interval if still_held else S.processing_interval
    assert nxt == pytest.approx(S.held_interval + delay)
    schedule.add("c", now=100.0)  # held either way: the slots (1, or 2 once raised) are taken
    assert schedule.held == (2 if still_held else 1)
    promoted = schedule.finished("a", now=101.0)
    assert promoted == (["c"] if raised else ["b"])


def test_a_held_task_is_checked_at_its_deadline_at_the_latest() -> None:
    """The slow cadence never oversleeps a task's deadline, so a timeout is recorded on time."""
    schedule = PollSchedule()
    schedule.set_concurrency(1)
    schedule.add("a", now=0.0)
    schedule.add("b", now=0.0, deadline=10.0)
    assert schedule.due(10.0) == ["a", "b"]
    schedule.observed("b", 0, 10.0, deadline=25.0)
    assert schedule.next_time() == pytest.approx(25.0)


def test_a_held_task_that_finished_raises_the_hint_and_frees_a_slot() -> None:
    """A held task found COMPLETED ran beside ours: the limit grows and the next held one is promoted."""
    schedule = PollSchedule()
    schedule.set_concurrency(1)
    for key in ("a", "b", "c"):
        schedule.add(key, now=0.0)
    schedule.due(S.held_interval)
    assert schedule.finished("b", now=S.held_interval) == ["c"]
    assert schedule.held == 0


# -- intervals learned from the batch's own run times --------------------------------------------

RESIDUAL = [
    # (age of the running task, expected delay) for finished run times 1..20 s (a fraction of the mean
    # remaining run time, clamped)
    (0.0, S.hazard_max),  # ~9.5 s left: the longest interval
    (16.0, max(S.hazard_min, S.residual_fraction * 2.5)),  # runs 17..20 remain: 2.5 s on average
    (19.5, S.hazard_min),  # about to finish: the shortest interval
    (25.0, S.processing_interval),  # older than every run seen: the processing interval again
]


@pytest.mark.parametrize(("age", "delay"), RESIDUAL)
def test_running_tasks_are_checked_by_the_expected_remaining_time(age: float, delay: float) -> None:
    """Once enough tasks finished, a running task's interval follows how long tasks of its age still ran."""
    schedule = PollSchedule(settings=ScheduleSettings(min_duration_fraction=0.0))
    for run in range(1, 21):
        key = f"done{run}"
        schedule.add(key, now=0.0)
        schedule.observed(key, 1, 0.0)
        schedule.finished(key, now=float(run))
    schedule.add("a", now=0.0)
    schedule.observed("a", 1, 0.0)  # running since 0
    schedule.due(1e9)
    schedule.observed("a", 1, age)
    assert schedule.next_time() == pytest.approx(age + delay)


def test_only_the_latest_run_times_are_kept() -> None:
    """The learned run times are bounded (`durations_kept`), the oldest dropped first."""
    settings = ScheduleSettings(durations_kept=4, durations_needed=1, min_duration_fraction=0.0)
    schedule = PollSchedule(settings=settings)
    for i, run in enumerate([100.0, 100.0, 2.0, 2.0, 2.0, 2.0]):
        schedule.add(f"k{i}", now=0.0)
        schedule.observed(f"k{i}", 1, 0.0)
        schedule.finished(f"k{i}", now=run)
    schedule.add("a", now=0.0)
    schedule.observed("a", 1, 0.0)
    schedule.due(1e9)
    schedule.observed("a", 1, 1.0)  # 1 s left on average among the kept (2 s) runs
    assert schedule.next_time() == pytest.approx(1.0 + settings.hazard_min)


def test_a_promoted_task_found_pending_lets_the_next_held_one_be_checked() -> None:
    """The freed slot went elsewhere (maybe to a held task of ours, queued in another order): the next one is checked."""
    schedule = PollSchedule(settings=ScheduleSettings(min_duration_fraction=0.0))
    schedule.set_concurrency(1)
    for key in ("a", "b", "c", "d"):
        schedule.add(key, now=0.0)
    schedule.due(1.0)
    schedule.observed("a", 1, 1.0)
    assert schedule.finished("a", now=5.0) == ["b"]  # assumed started at 5
    schedule.due(5.0 + S.processing_interval)
    schedule.observed("b", 0, 5.0 + S.processing_interval)  # still PENDING: the guess was wrong
    assert schedule.held == 1  # "c" is checked now too; "d" stays held
    assert "c" in schedule.due(5.0 + 2 * S.processing_interval)  # assumed started, checked as running


def test_waiting_first_checks_are_released_when_submissions_are_done() -> None:
    """A task added with wait=True is not checked until release_new, or `first_check_wait` at the latest."""
    schedule = PollSchedule()
    schedule.add("a", now=0.0, wait=True)
    schedule.add("b", now=0.0, wait=True)
    assert schedule.due(S.first_check_wait - 0.5) == []
    schedule.release_new(S.first_check_wait - 0.5)
    assert schedule.due(S.first_check_wait - 0.5 + S.first_check) == ["a", "b"]
    schedule.add("c", now=20.0, wait=True)  # never released: checked after the wait anyway
    assert schedule.due(20.0 + S.first_check_wait - 0.01) == []
    assert schedule.due(20.0 + S.first_check_wait) == ["c"]
