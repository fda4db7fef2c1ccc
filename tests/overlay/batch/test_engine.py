"""The batch engine on virtual time: long outages, throttling, stuck tasks, restarts (seconds of wall time)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.overlay._overlay_support import API_KEY
from tests.overlay.batch._virtual import FakeGateway, VirtualClock, new_journal, run_batch
from tradepose._constants import MAX_RETRY_AFTER
from tradepose._errors import AuthenticationError, JournalError

pytestmark = pytest.mark.anyio


def status_route(request: httpx.Request) -> bool:
    """A status check (GET /api/v1/tasks/{id}), not a download."""
    return request.method == "GET" and request.url.path.count("/") == 4 and "/tasks/" in request.url.path


def status_checks(gateway: FakeGateway) -> list[float]:
    """When the gateway saw status checks."""
    return [
        at for at, method, path in gateway.requests if method == "GET" and path.count("/") == 4 and "/tasks/" in path
    ]


def outage(start: float, seconds: float, status: int = 503) -> object:
    """A fault answering `status` to every status check in [start, start + seconds)."""

    def fault(request: httpx.Request, now: float) -> httpx.Response | None:
        if status_route(request) and start <= now < start + seconds:
            return httpx.Response(status, json={"detail": "redeploying"})
        return None

    return fault


async def test_two_minute_status_outage_is_waited_out(tmp_path: Path) -> None:
    """A 2-minute 503 outage of the status route mid-batch: every period done, one POST per period."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=5.0, fault=outage(clock.now + 2.0, 120.0))  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 8, clock) as journal:
        await run_batch(gateway, journal, requests_per_minute=600)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 8
        assert len(gateway.posts) == 8
        assert clock.now - 1_000.0 < 122.0 + 40.0  # finishes within one capped backoff of the outage's end


async def test_two_hour_status_outage_is_waited_out(tmp_path: Path) -> None:
    """A 2-hour outage (poll_timeout 3 h): every period done, POSTs == periods, checks backed off."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=5.0, fault=outage(clock.now + 1.0, 7200.0, 502))  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 8, clock) as journal:
        await run_batch(gateway, journal, requests_per_minute=600, poll_timeout=3 * 3600.0)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 8
        assert len(gateway.posts) == 8
    # Capped exponential backoff: about one check (plus the transport's 3 retries) per task per 30 s.
    assert len(status_checks(gateway)) < 8 * 4 * (7200 / 20)


async def test_retry_after_3600_on_checks_is_capped(tmp_path: Path) -> None:
    """Retry-After: 3600 on a status check delays that task by MAX_RETRY_AFTER at most, not an hour."""
    clock = VirtualClock()
    throttled: list[float] = []

    def fault(request: httpx.Request, now: float) -> httpx.Response | None:
        if status_route(request) and not throttled:
            throttled.append(now)
            return httpx.Response(429, headers={"Retry-After": "3600"}, json={"detail": "slow down"})
        return None

    gateway = FakeGateway(clock, duration=1.0, fault=fault)
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal)
        assert journal.summary_rows()[0].state == "done"
    checks = status_checks(gateway)
    assert throttled and checks[1] - throttled[0] <= MAX_RETRY_AFTER + 1.0


async def test_task_pending_forever_times_out_with_its_id_and_is_re_polled(tmp_path: Path) -> None:
    """A task PENDING forever is timed out at the deadline with its id kept; retry_failed re-polls, no POST."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0, pending_forever=True)
    with new_journal(tmp_path / "b", 2, clock) as journal:
        await run_batch(gateway, journal, poll_timeout=600.0)
        rows = journal.summary_rows()
        assert [r.state for r in rows] == ["timed_out", "timed_out"]
        assert all(r.task_id is not None and (r.error or "").startswith("timed out") for r in rows)
        assert 600.0 <= clock.now - 1_000.0 < 660.0
        ids = [r.task_id for r in rows]
        gateway.pending_forever = False
        await run_batch(gateway, journal, poll_timeout=600.0, resubmit_failed=True)
        rows = journal.summary_rows()
        assert [r.state for r in rows] == ["done", "done"]
        assert [r.task_id for r in rows] == ids
    assert len(gateway.posts) == 2


async def test_gateway_404_for_known_tasks_during_a_restart(tmp_path: Path) -> None:
    """404 for journalled tasks during a 10-minute restart: kept submitted, re-checked, then done."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=3.0, fault=outage(clock.now + 1.0, 600.0, 404))  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 4, clock) as journal:
        await run_batch(gateway, journal, poll_timeout=3600.0)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 4
    assert len(gateway.posts) == 4


def answer_posts(status: int, body: str, *, times: int = 1_000) -> object:
    """A fault answering the first `times` export POSTs with `status` and a raw `body`."""
    seen: list[float] = []

    def fault(request: httpx.Request, now: float) -> httpx.Response | None:
        if request.method == "POST" and request.url.path.endswith("/export") and len(seen) < times:
            seen.append(now)
            return httpx.Response(status, content=body.encode(), headers={"content-type": "application/json"})
        return None

    return fault


async def test_wrong_api_key_one_401_no_further_posts(tmp_path: Path) -> None:
    """A wrong key: one 401, no further POST, a typed error naming the credential, periods stay planned."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, fault=answer_posts(401, '{"detail": "Invalid API key"}'))  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 6, clock) as journal:
        with pytest.raises(AuthenticationError, match=r"API key \(api_key= / TRADEPOSE_API_KEY\)") as caught:
            await run_batch(gateway, journal)
        assert API_KEY not in str(caught.value)
        assert "resume" in str(caught.value)
        assert [r.state for r in journal.summary_rows()] == ["planned"] * 6
        posts = [r for r in gateway.requests if r[1] == "POST"]
        assert len(posts) == 1
        gateway.fault = None  # the key is fixed: resume continues
        await run_batch(gateway, journal)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 6
    assert len(gateway.posts) == 6


async def test_2xx_with_a_task_id_in_an_undecodable_body_is_recovered(tmp_path: Path) -> None:
    """A 202 whose body does not decode as ExportResponse but carries an id: the task is used, no re-POST."""
    clock = VirtualClock()
    gateway = FakeGateway(clock)
    task_id = "6f1c2a3e-0000-4000-8000-0000000000ff"
    gateway.tasks[task_id] = clock.now
    gateway.fault = answer_posts(202, f'{{"id": "{task_id}", "state": "queued"}}', times=1)  # type: ignore[assignment]
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal)
        row = journal.summary_rows()[0]
        assert (row.state, row.task_id, row.duplicate_risk) == ("done", task_id, False)
    assert [r[1] for r in gateway.requests].count("POST") == 1


async def test_2xx_undecodable_post_answer_is_ambiguous_and_never_silently_re_sent(tmp_path: Path) -> None:
    """A 2xx without a usable id: ambiguous with the raw answer kept; re-sent only on request, flagged."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, fault=answer_posts(200, "<html>ok</html>", times=1))  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal, resubmit_ambiguous=False)
        row = journal.summary_rows()[0]
        assert row.state == "ambiguous" and row.task_id is None
        assert "may have reached the gateway" in (row.error or "") and "<html>ok</html>" in (row.error or "")
        await run_batch(gateway, journal, resubmit_ambiguous=False, resubmit_failed=True)
        assert [r[1] for r in gateway.requests].count("POST") == 1  # retry_failed() alone does not re-send
        await run_batch(gateway, journal, resubmit_ambiguous=False, resubmit_failed=True, ambiguous=True)
        row = journal.summary_rows()[0]
        assert (row.state, row.duplicate_risk) == ("done", True)
    assert [r[1] for r in gateway.requests].count("POST") == 2


async def test_5xx_on_post_is_ambiguous_and_re_sent_once_flagged_by_default(tmp_path: Path) -> None:
    """500 on the export POST: by default re-sent once more and flagged; 503 re-sent unflagged."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, fault=answer_posts(500, '{"detail": "boom"}', times=1))  # type: ignore[arg-type]
    with new_journal(tmp_path / "a", 1, clock) as journal:
        await run_batch(gateway, journal)
        row = journal.summary_rows()[0]
        assert (row.state, row.duplicate_risk) == ("done", True)
    gateway = FakeGateway(clock, fault=answer_posts(503, '{"detail": "busy"}', times=1))  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal)
        row = journal.summary_rows()[0]
        assert (row.state, row.duplicate_risk) == ("done", False)


async def test_storm_of_150_429s_finishes_promptly_afterwards(tmp_path: Path) -> None:
    """150 consecutive 429s on a 600/min plan: the budget recovers and the batch ends soon after the storm."""
    clock = VirtualClock()
    storm: list[float] = []

    def fault(request: httpx.Request, now: float) -> httpx.Response | None:
        if len(storm) < 150:
            storm.append(now)
            return httpx.Response(429, headers={"Retry-After": "1"}, json={"detail": "slow down"})
        return None

    gateway = FakeGateway(clock, duration=2.0, fault=fault)
    with new_journal(tmp_path / "b", 16, clock) as journal:
        await run_batch(gateway, journal, requests_per_minute=600)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 16
    assert len(storm) == 150
    assert clock.now - storm[-1] < 4 * 2.0 + 10.0  # a few task durations (plus one capped check backoff)
    assert len(gateway.posts) == 16


async def test_disk_full_fails_the_period_only_and_resume_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC while writing one result: that period fails at 'download' with ResultWriteError; resume completes."""
    import errno

    from tradepose._batch import _downloader

    real = _downloader.publish_file
    full: list[Path] = []

    def no_space(temp: Path, final: Path) -> Path:
        if not full:
            full.append(final)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(temp, final)

    monkeypatch.setattr(_downloader, "publish_file", no_space)
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0)
    with new_journal(tmp_path / "b", 3, clock) as journal:
        await run_batch(gateway, journal)
        rows = journal.summary_rows()
        failed = [r for r in rows if r.state == "failed"]
        assert len(failed) == 1 and [r.state for r in rows].count("done") == 2
        assert failed[0].error_stage == "download" and "ResultWriteError" in (failed[0].error or "")
        assert "No space left" in (failed[0].error or "") and failed[0].task_id is not None
        await run_batch(gateway, journal)  # space freed: resume downloads it again, no POST
        assert [r.state for r in journal.summary_rows()] == ["done"] * 3
    assert len(gateway.posts) == 3


async def test_resume_re_polls_a_timed_out_period_without_a_post(tmp_path: Path) -> None:
    """resume() after a timeout polls the kept task id again; the recording gateway sees no second POST."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0, pending_forever=True)
    with new_journal(tmp_path / "b", 3, clock) as journal:
        await run_batch(gateway, journal, poll_timeout=120.0)
        assert [r.state for r in journal.summary_rows()] == ["timed_out"] * 3
        gateway.pending_forever = False
        await run_batch(gateway, journal, poll_timeout=120.0)  # plain resume, no retry_failed
        assert [r.state for r in journal.summary_rows()] == ["done"] * 3
        assert all(journal.task_ids(r.key) == [r.task_id] for r in journal.summary_rows())
    assert [r[1] for r in gateway.requests].count("POST") == 3


@pytest.mark.parametrize("max_retries", [0, 2])
async def test_retry_after_date_on_checks_is_measured_against_the_response_date(
    tmp_path: Path, max_retries: int
) -> None:
    """Retry-After as an HTTP-date on a status 429 counts from the response's Date, not the (skewed) local clock."""
    from email.utils import formatdate

    clock = VirtualClock()  # local epoch: November 2023; the gateway's clock says 2020
    gateway_now = 1_577_836_800.0
    answered: list[float] = []

    def throttled_once(request: httpx.Request, now: float) -> httpx.Response | None:
        if status_route(request) and not answered:
            answered.append(now)
            headers = {
                "Date": formatdate(gateway_now, usegmt=True),
                "Retry-After": formatdate(gateway_now + 30, usegmt=True),
            }
            return httpx.Response(429, json={"detail": "slow down"}, headers=headers)
        return None

    gateway = FakeGateway(clock, duration=0.0, fault=throttled_once)  # type: ignore[arg-type]
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal, max_retries=max_retries)
        assert journal.summary_rows()[0].state == "done"
    checks = status_checks(gateway)
    assert 30.0 <= checks[1] - answered[0] <= 31.0


class _FullDisk:
    """A journal connection whose COMMITs fail once `after` of them went through (a disk that filled up)."""

    def __init__(self, conn: Any, after: int) -> None:
        self._conn = conn
        self._left = after

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            if self._left <= 0:
                raise sqlite3.OperationalError("database or disk is full")
            self._left -= 1
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.mark.parametrize("after", [1, 3, 4])
async def test_a_journal_that_cannot_be_written_ends_the_run_with_one_journal_error(tmp_path: Path, after: int) -> None:
    """A full disk under the journal: the run ends with one JournalError saying what to do, no raw OSError."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0)
    with new_journal(tmp_path / "b", 4, clock) as journal:
        real = journal._conn
        journal._conn = _FullDisk(real, after)  # type: ignore[assignment]
        with pytest.raises(JournalError, match="check free disk space and permissions, then resume the batch"):
            await run_batch(gateway, journal)
        journal._conn = real
        await run_batch(gateway, journal)  # space freed: resume completes
        assert [r.state for r in journal.summary_rows()] == ["done"] * 4
