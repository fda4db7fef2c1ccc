"""The engine's downloads on virtual time: one ZIP per backtest, the fallback, digests, journal reads."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

from tests.overlay.batch._virtual import FakeGateway, VirtualClock, new_journal, run_batch, zip_of, zip_response

pytestmark = pytest.mark.anyio
T = TypeVar("T")


def downloads(gateway: FakeGateway) -> list[str]:
    """The result routes the gateway was asked, by their last path segment(s)."""
    out = []
    for _, method, path in gateway.requests:
        if method == "GET" and path.endswith("/result"):
            out.append("zip")
        elif method == "GET" and "/results/" in path:
            out.append(path.rsplit("/", 1)[1])
    return out


async def test_a_backtest_is_downloaded_as_one_zip_and_recorded_with_its_digest(tmp_path: Path) -> None:
    """Both frames in one request per period; each file recorded with the sha256 of its bytes on disk."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0)
    with new_journal(tmp_path / "b", 3, clock) as journal:
        await run_batch(gateway, journal)
        rows = journal.summary_rows()
        assert [r.state for r in rows] == ["done"] * 3
        for row in rows:
            assert sorted(f.name for f in row.results) == ["performance", "trades"]
            for result in row.results:
                data = result.path.read_bytes()
                assert (result.sha256, result.size) == (hashlib.sha256(data).hexdigest(), len(data))
            assert not list(row.results[0].path.parent.glob("*.part"))  # no part file left behind
    assert downloads(gateway) == ["zip"] * 3


@pytest.mark.parametrize("status", [404, 405, 501])
async def test_a_gateway_without_the_zip_route_gets_the_parquet_routes_logged_once(
    status: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """ZIP route answered 404/405/501: that period and every later one use the two Parquet routes; one log line."""
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0, zip_route=status)
    with caplog.at_level(logging.INFO, logger="tradepose"), new_journal(tmp_path / "b", 4, clock) as journal:
        await run_batch(gateway, journal, downloads=1)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 4
    asked = downloads(gateway)
    zips = asked.count("zip")  # 1, or 1 + the transport's retries for a 501 (it retries 5xx)
    assert asked == ["zip"] * zips + ["trades", "performance"] * 4
    assert zips == (1 if status != 501 else 4)
    assert sum("does not serve the backtest ZIP route" in r.getMessage() for r in caplog.records) == 1


async def test_a_404_for_an_unknown_task_is_not_taken_for_a_missing_zip_route(tmp_path: Path) -> None:
    """A task whose every result route says 404 fails at 'download'; the ZIP route stays in use for the others."""
    clock = VirtualClock()
    lost: list[str] = []

    def forgets_first_task(request: httpx.Request, now: float) -> httpx.Response | None:
        parts = request.url.path.split("/")
        is_result = request.url.path.endswith("/result") or "/results/" in request.url.path
        if is_result and (not lost or parts[4] == lost[0]):
            lost[:] = [parts[4]]
            return httpx.Response(404, json={"detail": "task not found"})
        return None

    gateway = FakeGateway(clock, duration=1.0, fault=forgets_first_task)
    with new_journal(tmp_path / "b", 3, clock) as journal:
        await run_batch(gateway, journal, downloads=1)
        states = sorted(r.state for r in journal.summary_rows())
        failed = [r for r in journal.summary_rows() if r.state == "failed"]
    assert states == ["done", "done", "failed"] and failed[0].error_stage == "download"
    assert "NotFoundError" in (failed[0].error or "")
    assert downloads(gateway) == ["zip", "trades", "zip", "zip"]


ARCHIVES: dict[str, Callable[[], bytes]] = {
    "truncated": lambda: zip_response().content[:200],
    "extra member": lambda: zip_of({"trades.parquet": b"x", "performance.parquet": b"y", "more.parquet": b"z"}),
}


@pytest.mark.parametrize("case", ARCHIVES)
async def test_a_bad_zip_fails_the_period_at_download_and_resume_fetches_it_again(case: str, tmp_path: Path) -> None:
    """A truncated ZIP or one with an extra member: the period fails at 'download' (typed); resume completes."""
    clock = VirtualClock()
    bad = [True]

    def broken_zip(request: httpx.Request, now: float) -> httpx.Response | None:
        if request.url.path.endswith("/result") and bad[0]:
            return httpx.Response(200, content=ARCHIVES[case](), headers={"content-type": "application/zip"})
        return None

    gateway = FakeGateway(clock, duration=1.0, fault=broken_zip)
    with new_journal(tmp_path / "b", 1, clock) as journal:
        await run_batch(gateway, journal, max_retries=1)
        row = journal.summary_rows()[0]
        assert (row.state, row.error_stage) == ("failed", "download")
        assert "ResponseDecodeError" in (row.error or "")
        assert not list((tmp_path / "b").rglob("*.part"))
        bad[0] = False
        await run_batch(gateway, journal)
        assert journal.summary_rows()[0].state == "done"
    assert len(gateway.posts) == 1


async def test_parquet_route_results_are_recorded_with_a_digest_not_rehashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal never re-reads a downloaded file to hash it: the digest comes from the download."""
    from tradepose._batch._journal import _journal

    def no_rehash(path: Path) -> tuple[str, int]:
        raise AssertionError(f"{path} was hashed again")

    monkeypatch.setattr(_journal, "sha256_file", no_rehash)
    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0, zip_route=405)
    with new_journal(tmp_path / "b", 2, clock) as journal:
        await run_batch(gateway, journal)
        rows = journal.summary_rows()
        assert [r.state for r in rows] == ["done"] * 2
        for result in (f for r in rows for f in r.results):
            assert result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()


class OffloadRecorder(VirtualClock):
    """A virtual clock that records the names of the functions it runs "off the loop"."""

    def __init__(self) -> None:
        super().__init__()
        self.offloaded: list[str] = []

    async def offload(self, fn: Callable[[], T]) -> T:
        name = getattr(fn, "__name__", None) or getattr(getattr(fn, "func", None), "__name__", "?")
        self.offloaded.append(name)
        return fn()


async def test_journal_reads_run_off_the_event_loop(tmp_path: Path) -> None:
    """verify_results, summary_rows, row and reopen_for_download go through clock.offload, not the loop."""
    clock = OffloadRecorder()
    gateway = FakeGateway(clock, duration=1.0, pending_forever=True)
    with new_journal(tmp_path / "b", 2, clock) as journal:
        await run_batch(gateway, journal, poll_timeout=30.0)  # times out: the resume reopens both
        gateway.pending_forever = False
        clock.offloaded.clear()
        await run_batch(gateway, journal)
        assert [r.state for r in journal.summary_rows()] == ["done"] * 2
    assert {"verify_results", "summary_rows", "row"} <= set(clock.offloaded)
    assert "_apply" in clock.offloaded  # the reopen goes through the committer


async def test_no_per_period_bookkeeping_is_left_once_periods_finish(tmp_path: Path) -> None:
    """After a run the engine holds no entry for any period: done, failed and timed-out ones are dropped."""
    from tests.overlay._overlay_support import API_KEY, BASE_URL
    from tradepose._batch._engine import BatchRun, RunLimits
    from tradepose._client._async_client import AsyncTradePoseClient
    from tradepose._http._config import ClientConfig

    clock = VirtualClock()
    gateway = FakeGateway(clock, duration=1.0)
    config = ClientConfig.resolve(api_key=API_KEY, server_url=BASE_URL, env={}, env_file=None)
    async with AsyncTradePoseClient(config=config, transport=httpx.MockTransport(gateway.handler), clock=clock) as c:
        with new_journal(tmp_path / "b", 6, clock) as journal:
            run = BatchRun(c, journal, limits=RunLimits(jitter_seed=0), clock=clock)
            seen: list[int] = []
            real_track = run._track

            def track(key: str, task_id: str, *, first_check: float | None = None) -> None:
                real_track(key, task_id, first_check=first_check)
                seen.append(len(run._tracked))

            run._track = track  # type: ignore[method-assign]
            await clock.drive(run.run())
            assert [r.state for r in journal.summary_rows()] == ["done"] * 6
    assert max(seen) >= 2  # several were in flight at once ...
    assert run._tracked == {} and len(run._schedule) == 0 and not run._downloads  # ... none is left
