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
