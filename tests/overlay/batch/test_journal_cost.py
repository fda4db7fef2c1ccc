"""The journal's cost per event does not grow with the batch: statements, plans and SQLite VM steps per call."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.overlay._overlay_support import FakeClock
from tradepose._authoring._period import Period
from tradepose._batch._journal import JOURNAL_FILE, BatchParams, Journal, write_atomic
from tradepose._batch._journal import _journal as journal_module
from tradepose._batch._journal._schema import ensure_indexes
from tradepose._batch._journal._states import PeriodState
from tradepose._batch._period_result import status_of

STRATEGY = {"name": "ma_cross", "base_instrument": "BTCUSDT", "base_freq": "1h", "base_blueprint": {"name": "base"}}
SIZES = (10, 2_000)


def days(n: int) -> list[Period]:
    """`n` one-day periods from 2021-01-01."""
    first = date(2021, 1, 1)
    return [Period(first + timedelta(d), first + timedelta(d)) for d in range(n)]


def new_journal(workdir: Path, periods: list[Period], clock: FakeClock) -> Journal:
    """A journal over `periods` for one strategy."""
    return Journal.create(workdir, BatchParams([STRATEGY], periods, export_type=0), clock=clock)


@dataclass
class Cost:
    """What one journal call cost in SQLite: statements run, their query plans, VM instructions executed."""

    statements: list[str]
    steps: int
    plans: list[str]


class Meter:
    """Counts the statements and SQLite VM steps that run on a journal's connection while measuring."""

    def __init__(self, journal: Journal) -> None:
        self._conn: sqlite3.Connection = journal._conn
        self._statements: list[str] = []
        self._steps = 0

    def _trace(self, sql: str) -> None:
        self._statements.append(sql)

    def _step(self) -> int:
        self._steps += 1
        return 0  # go on

    def cost(self, call: Callable[[], object]) -> Cost:
        """Run `call` with tracing on; return its statements, VM steps and the plans of its statements."""
        self._statements, self._steps = [], 0
        self._conn.set_trace_callback(self._trace)
        self._conn.set_progress_handler(self._step, 1)
        try:
            call()
        finally:
            self._conn.set_progress_handler(None, 1)
            self._conn.set_trace_callback(None)
        plans = [
            str(line[3])
            for sql in self._statements
            if sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT"))
            for line in self._conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        ]
        return Cost(list(self._statements), self._steps, plans)


def fill(journal: Journal, periods: list[Period]) -> None:
    """Every other period done with two recorded results and a few events, so no table is near-empty."""
    with journal.group():
        for i, period in enumerate(periods[::2]):
            journal.mark_submitting(period)
            journal.mark_submitted(period, f"filler-{i}")
            journal.mark_status(period, 1)
            for name in ("trades", "performance"):
                journal._conn.execute(
                    "INSERT INTO results (period_key, name, path, sha256, size, recorded_at)"
                    " VALUES (?, ?, ?, ?, 1, 'now')",
                    (period.key, name, f"results/{period.key}/{name}.parquet", "0" * 64),
                )
            journal.mark_done(period)


def walk(journal: Journal, meter: Meter, target: Period) -> dict[str, Cost]:
    """Every transition once on `target` (a planned period), then the reads; the cost of each call."""
    result = write_atomic(journal.result_path(target, "trades.parquet"), lambda fh: fh.write(b"PAR1"))
    steps: list[tuple[str, Callable[[], object]]] = [
        ("mark_submitting", lambda: journal.mark_submitting(target)),
        ("mark_not_sent", lambda: journal.mark_not_sent(target, "401")),
        ("mark_submitting again", lambda: journal.mark_submitting(target)),
        ("mark_ambiguous", lambda: journal.mark_ambiguous(target, "502")),
        ("mark_submitting from ambiguous", lambda: journal.mark_submitting(target, duplicate_risk=True)),
        ("mark_submitted", lambda: journal.mark_submitted(target, "task-target")),
        ("mark_status", lambda: journal.mark_status(target, 1)),
        ("mark_timed_out", lambda: journal.mark_timed_out(target, "late")),
        ("reopen_for_download", lambda: journal.reopen_for_download(target)),
        ("record_result", lambda: journal.record_result(target, "trades", result, digest=("0" * 64, 4))),
        ("mark_done", lambda: journal.mark_done(target)),
        ("reopen done", lambda: journal.reopen_for_download(target)),
        ("mark_failed", lambda: journal.mark_failed(target, "disk full", "download")),
        ("row", lambda: journal.row(target)),
        ("task_ids", lambda: journal.task_ids(target)),
        ("status_counts", journal.status_counts),
    ]
    return {name: meter.cost(call) for name, call in steps}


@pytest.fixture
def costs(tmp_path: Path, clock: FakeClock) -> dict[int, dict[str, Cost]]:
    """The cost of every call at each batch size in SIZES."""
    measured: dict[int, dict[str, Cost]] = {}
    for n in SIZES:
        periods = days(n)
        with new_journal(tmp_path / str(n), periods, clock) as journal:
            fill(journal, periods)
            measured[n] = walk(journal, Meter(journal), periods[2 * (n // 4) + 1])  # an odd index: still planned
    return measured


def test_statements_per_call_do_not_grow_with_the_batch(costs: dict[int, dict[str, Cost]]) -> None:
    """Each transition and read runs the same statements at 2,000 periods as at 10, and at most 7 of them."""
    small, large = (costs[n] for n in SIZES)
    for name in small:
        assert len(large[name].statements) == len(small[name].statements), name
        assert len(large[name].statements) <= 7, (name, large[name].statements)
    assert len(large["status_counts"].statements) == 1


def test_sqlite_work_per_call_does_not_grow_with_the_batch(costs: dict[int, dict[str, Cost]]) -> None:
    """SQLite VM steps per call are the same at 2,000 periods as at 10 (a full read would be 200x more)."""
    small, large = (costs[n] for n in SIZES)
    for name in small:
        if name == "status_counts":
            continue  # one aggregate pass over the periods by design; see the next test
        assert large[name].steps <= small[name].steps * 1.1 + 10, (name, small[name].steps, large[name].steps)


def test_every_call_searches_an_index_and_only_status_counts_scans(costs: dict[int, dict[str, Cost]]) -> None:
    """Query plans: per-period calls use index SEARCHes; status_counts is one SCAN of periods, nothing else."""
    for name, cost in costs[SIZES[-1]].items():
        scans = [plan for plan in cost.plans if plan.startswith("SCAN")]
        if name == "status_counts":
            assert scans == ["SCAN periods"], cost.plans
        else:
            assert scans == [], (name, cost.plans)
            assert name.startswith("record_result") or any(p.startswith("SEARCH") for p in cost.plans), name


STATES: tuple[PeriodState, ...] = ("planned", "submitting", "submitted", "done", "failed", "timed_out", "ambiguous")


def test_status_counts_fold_states_exactly_as_status_of(tmp_path: Path, clock: FakeClock) -> None:
    """status_counts() equals counting status_of() over the rows, for every state x gateway status."""
    combos = [(state, status) for state in STATES for status in (None, 0, 1, 2, 3, 4)]
    periods = days(len(combos) + 3)  # three stay planned
    with new_journal(tmp_path / "b", periods, clock) as journal:
        assert journal.status_counts() == {"pending": len(periods), "processing": 0, "completed": 0, "failed": 0}
        with journal.group():
            for period, (state, status) in zip(periods, combos, strict=False):
                journal._conn.execute(
                    "UPDATE periods SET state = ?, gateway_status = ? WHERE period_key = ?", (state, status, period.key)
                )
        expected = dict.fromkeys(("pending", "processing", "completed", "failed"), 0)
        for row in journal.summary_rows():
            expected[status_of(row)] += 1
        assert journal.status_counts() == expected
        assert expected["processing"] == 4 and expected["completed"] == 6 and expected["failed"] == 18


def test_old_journals_get_the_events_index_when_opened(tmp_path: Path, clock: FakeClock) -> None:
    """A v2 journal made before the events index existed gets it on open; task_ids() then searches it."""
    with new_journal(tmp_path / "b", days(3), clock) as journal:
        journal.mark_submitting(days(3)[0])
        journal.mark_submitted(days(3)[0], "t-1")
        journal._conn.execute("DROP INDEX events_by_period")
    with Journal.open(tmp_path / "b", clock=clock) as reopened:
        assert reopened.task_ids(days(3)[0]) == ["t-1"]
        plan = reopened._conn.execute(
            "EXPLAIN QUERY PLAN SELECT detail FROM events WHERE period_key = 'k' AND event = 'submitted' ORDER BY id"
        ).fetchall()
        assert [str(line[3]) for line in plan] == [
            "SEARCH events USING INDEX events_by_period (period_key=? AND event=?)"
        ]


def test_ensure_indexes_does_not_write_a_journal_that_has_them_or_is_read_only(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Opening needs no write when the index exists, and a read-only journal without it still opens."""
    with new_journal(tmp_path / "b", days(2), clock):
        pass
    path = tmp_path / "b" / JOURNAL_FILE
    statements: list[str] = []
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        read_only.set_trace_callback(statements.append)
        ensure_indexes(read_only)
        assert [s.split()[0] for s in statements] == ["SELECT"]
    finally:
        read_only.close()
    writable = sqlite3.connect(path)
    writable.execute("DROP INDEX events_by_period")
    writable.close()
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        ensure_indexes(read_only)  # cannot add it: no error, the journal is just slower to query
        assert read_only.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    finally:
        read_only.close()


def test_verify_results_hashes_without_holding_the_journal_lock(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While verify_results() re-hashes files, another thread can take the journal lock (and read)."""
    periods = days(3)
    with new_journal(tmp_path / "b", periods, clock) as journal:
        for i, period in enumerate(periods):
            journal.mark_submitting(period)
            journal.mark_submitted(period, f"t-{i}")
            path = write_atomic(journal.result_path(period, "trades.parquet"), lambda fh: fh.write(b"PAR1"))
            journal.record_result(period, "trades", path)
            journal.mark_done(period)
        path.write_bytes(b"changed")
        lock_free: list[bool] = []
        real_hash = journal_module.sha256_file

        def hash_and_probe(file: Path) -> Any:
            def probe() -> None:
                taken = journal._mutex.acquire(timeout=0)
                if taken:
                    journal._mutex.release()
                lock_free.append(taken)

            other = threading.Thread(target=probe)
            other.start()
            other.join(5)
            return real_hash(file)

        monkeypatch.setattr(journal_module, "sha256_file", hash_and_probe)
        problems = journal.verify_results()
        assert lock_free == [True, True, True]
        assert [(p.period_key, p.reason) for p in problems] == [(periods[-1].key, "changed")]
        assert journal.row(periods[-1]).state == "submitted"


def test_a_result_recorded_again_while_verify_hashes_it_is_kept(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """verify_results() forgets a changed file only if its row is unchanged; a fresh recording survives."""
    period = days(1)[0]
    with new_journal(tmp_path / "b", [period], clock) as journal:
        journal.mark_submitting(period)
        journal.mark_submitted(period, "t-1")
        target = journal.result_path(period, "trades.parquet")
        journal.record_result(period, "trades", write_atomic(target, lambda fh: fh.write(b"PAR1")))
        journal.mark_done(period)
        target.write_bytes(b"damaged")
        real_hash = journal_module.sha256_file

        def hash_then_rerecord(file: Path) -> Any:
            digest = real_hash(file)  # sees the damaged bytes
            fresh = write_atomic(target, lambda fh: fh.write(b"PAR1 fresh"))
            journal.record_result(period, "trades", fresh, digest=real_hash(fresh))  # a download finishing meanwhile
            return digest

        monkeypatch.setattr(journal_module, "sha256_file", hash_then_rerecord)
        assert journal.verify_results() == []
        row = journal.row(period)
        assert (row.state, [f.size for f in row.results]) == ("done", [len(b"PAR1 fresh")])
