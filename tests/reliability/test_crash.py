"""Crash safety at seeded points: a batch process SIGKILLed while submitting, polling or downloading resumes
to the result of an uninterrupted run; only submissions in flight at the kill may reach the gateway twice."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.overlay.batch._batch_child import STRATEGIES, periods
from tradepose import BatchTester
from tradepose.testing import LocalGateway

CHILD = Path(__file__).resolve().parents[1] / "overlay" / "batch" / "_batch_child.py"
N_PERIODS = 6
_DEADLINE = 60.0


def _journal_rows(workdir: Path) -> list[tuple[str, str, int | None, int]]:
    """(period_key, state, gateway_status, result count) per period; empty while the journal is not there."""
    journal = workdir / "journal.sqlite3"
    if not journal.exists():
        return []
    try:
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute(
                "SELECT period_key, state, gateway_status,"
                " (SELECT count(*) FROM results r WHERE r.period_key = p.period_key) FROM periods p"
            ).fetchall()
    except sqlite3.Error:
        return []


def _kill_point(phase: str, seed: int) -> Callable[[list[tuple[str, str, int | None, int]]], bool]:
    """A predicate over the journal that becomes true at a point of `phase` drawn by `random.Random(seed)`."""
    rng = random.Random(seed)
    if phase == "submitting":
        k = rng.randint(1, N_PERIODS - 1)  # k periods have task ids, at least one is not submitted yet
        return lambda rows: (
            sum(r[1] == "submitted" for r in rows) >= k and any(r[1] in ("planned", "submitting") for r in rows)
        )
    if phase == "polling":
        k = rng.randint(0, N_PERIODS - 1)  # everything submitted, k statuses seen, nothing downloaded
        return lambda rows: (
            len(rows) == N_PERIODS
            and all(r[1] == "submitted" and r[3] == 0 for r in rows)
            and sum(r[2] is not None for r in rows) >= k
        )
    k = rng.randint(1, 2 * N_PERIODS - 1)  # k result files recorded, not all
    return lambda rows: sum(r[3] for r in rows) >= k and any(r[1] != "done" for r in rows)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Any]]:
    """The same batch run without a kill, against its own fault-free gateway: the frames to reproduce."""
    with (
        LocalGateway(time_scale=0.01, requests_per_minute=100_000) as gw,
        BatchTester(api_key=gw.api_key, server_url=gw.url, env_file=None) as tester,
    ):
        batch = tester.submit(STRATEGIES, periods(N_PERIODS), workdir=tmp_path_factory.mktemp("plain") / "b")
        batch.wait(timeout=_DEADLINE, progress=False)
        assert batch.status["completed"] == N_PERIODS
        return {r.key: (r.trades, r.performance) for r in batch}


@pytest.mark.e2e
# The killed child and the resuming parent use the HTTP backend TRADEPOSE_HTTP_BACKEND names; each phase meets both.
@pytest.mark.parametrize(
    ("phase", "seed", "backend"),
    [("submitting", 1, "aiohttp"), ("submitting", 2, "httpx"), ("polling", 3, "httpx"), ("polling", 6, "aiohttp"),
     ("downloading", 4, "aiohttp"), ("downloading", 5, "httpx")],
)  # fmt: skip
def test_seeded_sigkill_then_resume_matches_an_uninterrupted_run(
    phase: str,
    seed: int,
    backend: str,
    monkeypatch: pytest.MonkeyPatch,
    uninterrupted: dict[str, tuple[Any, Any]],
    gateway_factory: Callable[..., LocalGateway],
    tmp_path: Path,
) -> None:
    """SIGKILL at a seeded point of `phase`; resume() gives equal frames and repeats only in-flight submissions."""
    monkeypatch.setenv("TRADEPOSE_HTTP_BACKEND", backend)
    gw = gateway_factory(time_scale=0.4, task_duration=(2.0, 3.0))
    gw.set_latency(0.1)
    workdir = tmp_path / "batch"
    reached = _kill_point(phase, seed)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), gw.url, gw.api_key, str(workdir), str(N_PERIODS)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + _DEADLINE
        while not reached(_journal_rows(workdir)):
            assert child.poll() is None, f"the batch finished before the {phase} kill point: {child.communicate()}"
            assert time.monotonic() < deadline, f"never reached the {phase} kill point: {_journal_rows(workdir)}"
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
        assert child.stderr is not None
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    at_kill = {key: state for key, state, _, _ in _journal_rows(workdir)}
    in_flight = {key for key, state in at_kill.items() if state == "submitting"}
    if phase != "submitting":
        assert not in_flight
    gw.set_latency(0.0)

    with BatchTester.resume(workdir, api_key=gw.api_key, server_url=gw.url, env_file=None) as batch:
        batch.wait(timeout=_DEADLINE, progress=False)
        assert batch.status["completed"] == N_PERIODS, batch.failed
        for result in batch:
            trades, performance = uninterrupted[result.key]
            assert result.trades.equals(trades), f"trades of {result.key} differ from the uninterrupted run"
            assert result.performance.equals(performance), f"performance of {result.key} differ"
        created = Counter((t.start_date, t.end_date) for t in gw.tasks)
        for result in batch:
            count = created[result.period.to_wire()]
            if result.period.key in in_flight:  # the journal's key; result.key is the label
                assert count in (1, 2) and result.duplicate_risk  # maybe sent twice, and the journal says so
            else:
                assert count == 1, (
                    f"{result.key} was {at_kill.get(result.period.key)} at the kill and was sent {count}×"
                )
                assert not result.duplicate_risk
        assert {r.period.key for r in batch.duplicates} == in_flight
