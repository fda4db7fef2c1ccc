"""The batch engine on virtual time: long outages, throttling, stuck tasks, restarts (seconds of wall time)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.overlay.batch._virtual import FakeGateway, VirtualClock, new_journal, run_batch
from tradepose._constants import MAX_RETRY_AFTER

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
        assert [r.state for r in rows] == ["failed", "failed"]
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
