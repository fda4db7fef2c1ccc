"""Clean shutdown: close() waits for the run, Ctrl+C in wait() keeps the journal, interpreter exit is silent."""

from __future__ import annotations

import concurrent.futures
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchTester, Period
from tradepose._batch import _results
from tradepose._batch._journal import Journal
from tradepose.testing import LocalGateway

CHILD = Path(__file__).with_name("_exit_child.py")
PERIODS = [Period.from_month(2022, m) for m in range(1, 5)]
RUNS = 20
PERIODS_IN_CHILD = range(6)


def _slow(gateway_factory: Callable[..., LocalGateway]) -> LocalGateway:
    return gateway_factory(time_scale=1.0, requests_per_minute=100_000)


def test_close_returns_only_after_the_run_stopped(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """BatchResults.close() on a running batch returns with the run ended, not merely asked to end."""
    gateway = _slow(gateway_factory)
    with BatchTester(api_key=gateway.api_key, server_url=gateway.url, env_file=None) as tester:
        batch = tester.submit([strategy("alpha")], PERIODS, workdir=tmp_path / "b")
        time.sleep(0.2)
        assert batch.is_running
        future = batch._future
        batch.close()
        assert future.done()
        assert isinstance(future.exception(), concurrent.futures.CancelledError)
    with Journal.open(tmp_path / "b") as journal:  # the lock is free: nothing still holds the journal
        assert {r.state for r in journal.summary_rows()} <= {"planned", "submitting", "submitted"}


def test_ctrl_c_in_wait_stops_the_run_and_prints_the_resume_call(
    gateway_factory: Callable[..., LocalGateway],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """KeyboardInterrupt in wait(): the run stops, one stderr line names the resume call, the interrupt re-raises."""
    gateway = _slow(gateway_factory)
    with BatchTester(api_key=gateway.api_key, server_url=gateway.url, env_file=None) as tester:
        batch = tester.submit([strategy("alpha")], PERIODS, workdir=tmp_path / "b")
        calls = 0

        def interrupted(fs: object, timeout: float | None = None) -> object:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise KeyboardInterrupt
            return concurrent.futures.wait(fs, timeout=timeout)  # type: ignore[arg-type]

        monkeypatch.setattr(_results.concurrent.futures, "wait", interrupted)
        with pytest.raises(KeyboardInterrupt):
            batch.wait(progress=False)
        monkeypatch.undo()
        assert batch._future.done()
        err = capsys.readouterr().err.strip().splitlines()
        assert err == [
            f"tradepose: batch interrupted; its journal is kept: continue with BatchTester.resume({str(batch.workdir)!r})"
        ]
        batch.close()
    with BatchTester(api_key=gateway.api_key, server_url=gateway.url, env_file=None, poll_interval=0.2) as tester:
        resumed = tester.resume(tmp_path / "b").wait(progress=False)
        assert resumed.status["completed"] == len(PERIODS)
        assert len(gateway.stats.tasks_created) == len(PERIODS) + len(resumed.duplicates)


def _exit_once(gateway: LocalGateway, workdir: Path, delay: float) -> tuple[float, int, str]:
    proc = subprocess.run(
        [sys.executable, str(CHILD), gateway.url, gateway.api_key, str(workdir), str(delay)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    ended = time.monotonic()
    *sizes, exiting = proc.stdout.split()
    assert sizes == [str(len(PERIODS_IN_CHILD))] * 2
    return ended - float(exiting), proc.returncode, proc.stderr


@pytest.mark.e2e
def test_exit_with_open_testers_is_prompt_and_silent(
    gateway_factory: Callable[..., LocalGateway], tmp_path: Path
) -> None:
    """20 scripts leaving two testers and unfinished batches open each exit within 2 s of their end, stderr empty."""
    gateway = _slow(gateway_factory)
    delays = [0.05 * (i % 8) for i in range(RUNS)]  # exit at different points: POSTs, checks, commits in flight
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda i: _exit_once(gateway, tmp_path / str(i), delays[i]), range(RUNS)))
    assert [(code, err) for _, code, err in outcomes] == [(0, "")] * RUNS
    assert max(elapsed for elapsed, _, _ in outcomes) < 2.0
