"""Plan-aware polling on virtual time: tasks queued behind our own are not checked until a slot frees."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.overlay.batch._virtual import FakeGateway, VirtualClock, new_journal, run_batch

pytestmark = pytest.mark.anyio


def status_checks(gateway: FakeGateway) -> int:
    return sum(
        1 for _, method, path in gateway.requests if method == "GET" and path.count("/") == 4 and "/tasks/" in path
    )


async def _run(
    tmp_path: Path, *, plan_aware: bool, queue: int | None, hint: int | None, periods: int = 12
) -> FakeGateway:
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=6.0, queue=queue, max_concurrent=hint)
    with new_journal(tmp_path / ("aware" if plan_aware else "blind"), periods, clock) as journal:
        await run_batch(gateway, journal, plan_aware=plan_aware, submissions=periods)
        assert [r.state for r in journal.summary_rows()] == ["done"] * periods
    assert len(gateway.posts) == periods
    return gateway


async def test_the_plan_limit_saves_the_checks_of_queued_tasks(tmp_path: Path) -> None:
    """12 tasks, 2 run at a time: with the plan's limit far fewer checks, and no slower a batch."""
    aware = await _run(tmp_path, plan_aware=True, queue=2, hint=2)
    blind = await _run(tmp_path, plan_aware=False, queue=2, hint=2)
    assert status_checks(aware) < 0.6 * status_checks(blind)
    assert aware.clock.now <= blind.clock.now + 2.0  # each queued task is checked soon after its slot frees


async def test_a_low_hint_still_finishes_every_task(tmp_path: Path) -> None:
    """The plan says 1 but the gateway runs all at once (others' limits differ): all done, hint raised on the way."""
    gateway = await _run(tmp_path, plan_aware=True, queue=None, hint=1, periods=6)
    assert gateway.clock.now - 1_000.0 < 6.0 + 60.0 + 10.0  # at worst one slow-cadence check late


async def test_no_plan_known_polls_every_task_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A subscription route that fails: logged at info, every task checked as without a plan."""
    with caplog.at_level(logging.INFO, logger="tradepose"):
        unknown = await _run(tmp_path, plan_aware=True, queue=2, hint=None)
    blind = await _run(tmp_path, plan_aware=False, queue=2, hint=None)
    assert status_checks(unknown) == status_checks(blind)
    assert any("concurrent-task limit unknown" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("after", [True, False])
async def test_first_checks_wait_for_the_queued_submissions(after: bool, tmp_path: Path) -> None:
    """Paced POSTs over ~12 s: with checks_after_submissions no status check is sent before the last POST."""
    from tradepose._batch._schedule import ScheduleSettings

    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0)
    settings = ScheduleSettings(first_check_wait=60.0)
    with new_journal(tmp_path / "b", 20, clock) as journal:
        await run_batch(gateway, journal, requests_per_minute=60, submissions=2, checks_after_submissions=after,
                        schedule=settings)  # fmt: skip
        assert [r.state for r in journal.summary_rows()] == ["done"] * 20
    checks = [
        at for at, method, path in gateway.requests if method == "GET" and path.count("/") == 4 and "/tasks/" in path
    ]
    assert gateway.posts[-1] - gateway.posts[0] > 5.0
    assert (min(checks) > gateway.posts[-1]) is after
