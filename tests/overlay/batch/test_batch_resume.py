"""Crash safety: a batch process killed with SIGKILL while submitting, polling or downloading resumes
to the complete result, and no period with a journalled task id is ever submitted again."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.overlay.batch._batch_child import STRATEGIES, periods
from tradepose import BatchTester, TradePoseClient
from tradepose.testing import LocalGateway

CHILD = Path(__file__).with_name("_batch_child.py")
N_PERIODS = 6
_DEADLINE = 60.0


def _states(workdir: Path) -> Counter[str]:
    journal = workdir / "journal.sqlite3"
    if not journal.exists():
        return Counter()
    try:
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=1) as conn:
            rows = conn.execute("SELECT state, (SELECT count(*) FROM results r WHERE r.period_key = p.period_key)"
                                " FROM periods p").fetchall()  # fmt: skip
    except sqlite3.Error:
        return Counter()
    counts = Counter(state for state, _ in rows)
    counts["with_results"] = sum(1 for _, n in rows if n)
    return counts


def _journalled_task_ids(workdir: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{workdir / 'journal.sqlite3'}?mode=ro", uri=True) as conn:
        return dict(conn.execute("SELECT period_key, task_id FROM periods WHERE task_id IS NOT NULL").fetchall())


KILL_POINTS: dict[str, Callable[[Counter[str]], bool]] = {
    # some periods have task ids, some are not submitted yet
    "submitting": lambda s: s["submitted"] >= 2 and s["planned"] >= 1,
    # everything submitted, nothing downloaded yet
    "polling": lambda s: s["submitted"] == N_PERIODS and s["with_results"] == 0,
    # some results on disk, not all
    "downloading": lambda s: s["with_results"] >= 1 and s["done"] < N_PERIODS,
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_sigkill_then_resume_completes_without_resubmitting(
    point: str, gateway_factory: Callable[..., LocalGateway], tmp_path: Path
) -> None:
    """SIGKILL at `point`, then resume(): every period completes; journalled periods were submitted once."""
    # Slow enough that each phase lasts long enough to be caught: every request takes 0.1 s, tasks ~1 s.
    gw = gateway_factory(time_scale=0.4, task_duration=(2.0, 3.0))
    gw.set_latency(0.1)
    workdir = tmp_path / "batch"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), gw.url, gw.api_key, str(workdir), str(N_PERIODS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + _DEADLINE
        while not KILL_POINTS[point](_states(workdir)):
            assert child.poll() is None, f"the batch finished before reaching {point}: {child.communicate()}"
            assert time.monotonic() < deadline, f"never reached {point}: {_states(workdir)}"
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    journalled = _journalled_task_ids(workdir)
    gw.set_latency(0.0)

    with BatchTester.resume(workdir, api_key=gw.api_key, server_url=gw.url, env_file=None) as batch:
        batch.wait(timeout=_DEADLINE, progress=False)
        assert batch.status["completed"] == N_PERIODS, batch.failed
        created = Counter((t.start_date, t.end_date) for t in gw.tasks)
        for period in periods(N_PERIODS):
            result = batch.get_period(period)
            if period.key in journalled:
                assert created[period.to_wire()] == 1, f"{period} had a task id and was submitted again"
                assert result.task_id == journalled[period.key]
            else:
                # In flight at the kill: sent at most twice, and a second send is always flagged.
                assert created[period.to_wire()] <= 2
                if created[period.to_wire()] == 2:
                    assert result.duplicate_risk
        with TradePoseClient(api_key=gw.api_key, server_url=gw.url, env_file=None) as client:
            for result in batch:
                assert result.task_id is not None
                assert result.trades.equals(client.download_trades(result.task_id))
        assert {"alpha", "beta"} == set(batch.summary()["strategy_name"])
    assert len(STRATEGIES) == 2
