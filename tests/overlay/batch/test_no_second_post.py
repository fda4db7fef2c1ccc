"""After every failure kind, resume() and retry_failed() send no POST for a period that has a task id.

The rule the code keeps: a period with a journalled task id is only re-polled and re-downloaded under
that id. The one exception is a task the gateway itself reported FAILED (it produced nothing):
`retry_failed()` submits that period again (a new task, the old id kept in the history); `resume()`
does not.
"""

from __future__ import annotations

import errno
from pathlib import Path

import httpx
import pytest

from tests.overlay.batch._virtual import FakeGateway, VirtualClock, new_journal, run_batch
from tradepose._batch import _downloader

pytestmark = pytest.mark.anyio
PERIODS = 3
TIMEOUT = 120.0


class Faults:
    """Gateway faults for the first pass only; `healed` turns them off for the second."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.healed = False

    def __call__(self, request: httpx.Request, now: float) -> httpx.Response | None:
        if self.healed:
            return None
        path = request.url.path
        is_status = request.method == "GET" and path.count("/") == 4 and "/tasks/" in path
        if self.kind == "status_5xx" and is_status:
            return httpx.Response(503, json={"detail": "redeploying"})
        if self.kind == "status_404" and is_status:
            return httpx.Response(404, json={"detail": "task not found"})
        if self.kind == "task_failed" and is_status:
            task_id = path.split("/")[4]
            body = {"task_id": task_id, "user_id": "6f1c2a3e-0000-4000-8000-0000000000aa", "export_type": 0,
                    "created_at": "2024-01-01T00:00:00", "status": 3, "error_message": "engine crashed"}  # fmt: skip
            return httpx.Response(200, json=body)
        return None


KINDS = ["timed_out", "status_5xx", "status_404", "download", "task_failed"]


@pytest.mark.parametrize("second", ["resume", "retry_failed"])
@pytest.mark.parametrize("kind", KINDS)
async def test_no_post_for_a_period_with_a_task_id(
    kind: str, second: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First pass fails every period after its POST; the second pass POSTs nothing for them (FAILED tasks aside)."""
    real = _downloader.publish_file
    disk_full = [kind == "download"]

    def publish(temp: Path, final: Path) -> Path:
        if disk_full[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(temp, final)

    monkeypatch.setattr(_downloader, "publish_file", publish)
    clock = VirtualClock()
    faults = Faults(kind)
    gateway = FakeGateway(clock, duration=1.0, fault=faults, pending_forever=kind == "timed_out")  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", PERIODS, clock) as journal:
        await run_batch(gateway, journal, poll_timeout=TIMEOUT)
        first = journal.summary_rows()
        assert all(r.task_id is not None for r in first)
        expected = {"timed_out": "timed_out", "status_5xx": "timed_out", "status_404": "timed_out"}
        assert {r.state for r in first} == {expected.get(kind, "failed")}
        assert len(gateway.posts) == PERIODS
        faults.healed, gateway.pending_forever, disk_full[0] = True, False, False
        await run_batch(gateway, journal, poll_timeout=TIMEOUT, resubmit_failed=second == "retry_failed")
        rows = journal.summary_rows()
        resubmitted = kind == "task_failed" and second == "retry_failed"
        assert len(gateway.posts) == PERIODS * (2 if resubmitted else 1)
        if kind == "task_failed" and second == "resume":
            assert [(r.state, r.task_id) for r in rows] == [("failed", r.task_id) for r in first]
        else:
            assert [r.state for r in rows] == ["done"] * PERIODS
            kept = [r.task_id for r in rows] == [r.task_id for r in first]
            assert kept != resubmitted  # re-polled under the same id, unless the task had FAILED
        assert not any(r.duplicate_risk for r in rows)


@pytest.mark.parametrize("second", ["resume", "retry_failed"])
async def test_ambiguous_periods_are_not_re_sent_unless_asked(second: str, tmp_path: Path) -> None:
    """An ambiguous POST (502) with resubmit_ambiguous=False: neither resume() nor retry_failed() re-sends it."""
    clock = VirtualClock()
    sent: list[float] = []

    def bad_gateway(request: httpx.Request, now: float) -> httpx.Response | None:
        if request.method == "POST" and not sent:
            sent.append(now)
            return httpx.Response(502, json={"detail": "bad gateway"})
        return None

    gateway = FakeGateway(clock, duration=1.0, fault=bad_gateway)
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal, resubmit_ambiguous=False)
        assert journal.summary_rows()[0].state == "ambiguous"
        await run_batch(gateway, journal, resubmit_ambiguous=False, resubmit_failed=second == "retry_failed")
        assert journal.summary_rows()[0].state == "ambiguous" and gateway.posts == []
        await run_batch(gateway, journal, resubmit_ambiguous=False, resubmit_failed=True, ambiguous=True)
        row = journal.summary_rows()[0]
        assert (row.state, row.duplicate_risk, len(gateway.posts)) == ("done", True, 1)


async def test_an_ambiguous_resubmission_of_a_failed_task_is_sent_again_not_re_polled(tmp_path: Path) -> None:
    """Task FAILED, its re-submission ambiguous (502): retry_failed(ambiguous=True) POSTs again, flagged."""
    clock = VirtualClock()
    faults = Faults("task_failed")
    posts: list[float] = []

    def failing_then_bad_gateway(request: httpx.Request, now: float) -> httpx.Response | None:
        if request.method == "POST":
            posts.append(now)
            if len(posts) == 2:  # the re-submission after the FAILED task: its answer is lost in a 502
                return httpx.Response(502, json={"detail": "bad gateway"})
        return faults(request, now)

    gateway = FakeGateway(clock, duration=1.0, fault=failing_then_bad_gateway)
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal, resubmit_ambiguous=False)
        failed_task = journal.summary_rows()[0].task_id
        assert journal.summary_rows()[0].state == "failed" and failed_task is not None
        faults.healed = True
        await run_batch(gateway, journal, resubmit_ambiguous=False, resubmit_failed=True)
        row = journal.summary_rows()[0]
        assert (row.state, row.task_id) == ("ambiguous", failed_task)  # the FAILED task's id, kept in history
        await run_batch(gateway, journal, resubmit_ambiguous=False, resubmit_failed=True, ambiguous=True)
        row = journal.summary_rows()[0]
        assert (row.state, row.duplicate_risk, len(posts)) == ("done", True, 3)
        assert row.task_id != failed_task
