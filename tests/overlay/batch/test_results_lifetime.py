"""Results outlive their tester: every read after `close()`, offline in a new process, and read-only opens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchResults, BatchTester, ConfigError, JournalError, Period
from tradepose._batch._journal import Journal
from tradepose.testing import LocalGateway

ROOT = Path(__file__).resolve().parents[3]
STRATEGIES = [strategy("alpha"), strategy("beta", instrument="ETHUSDT")]
PERIODS = [Period.Q1(2024), Period.Q2(2024), ("2024-07-01", "2024-07-15")]

# Every read method of BatchResults, as a function of a finished batch and a scratch directory.
READS: dict[str, Callable[[BatchResults, Path], Any]] = {
    "summary": lambda b, _: b.summary().height,
    "all_trades": lambda b, _: b.all_trades().height,
    "for_strategy": lambda b, _: b.for_strategy("beta").performance.height,
    "status": lambda b, _: b.status,
    "failed": lambda b, _: b.failed,
    "completed": lambda b, _: [r.label for r in b.completed],
    "results": lambda b, _: sorted(b.results),
    "duplicates": lambda b, _: b.duplicates,
    "get_period": lambda b, _: b.get_period(Period.Q2(2024)).task_id,
    "getitem": lambda b, _: b["2024-07-01..2024-07-15"].trades.height,
    "iter": lambda b, _: [r.label for r in b],
    "len": lambda b, _: len(b),
    "repr": lambda b, _: repr(b),
    "repr_html": lambda b, _: "2024Q1" in b._repr_html_(),
    "progress": lambda b, _: (b.progress, b.is_complete, b.is_running),
    "snapshot": lambda b, _: b.snapshot().completed,
    "raise_for_failures": lambda b, _: b.raise_for_failures() is b,
    "wait": lambda b, _: b.wait(progress=False) is b,
    "save": lambda b, tmp: sorted(p.name for p in (b.save(tmp / "saved") / "trades").iterdir()),
    "scan_trades": lambda b, _: b.scan_trades().collect().height,
    "scan_saved": lambda b, tmp: b.scan_trades(b.save(tmp / "saved2")).collect().height,
    "period_frames": lambda b, _: b.get_period("2024Q1").summary().height,
}


@pytest.fixture(scope="module")
def finished(local_gateway: LocalGateway, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A finished batch, its tester closed; with every read's answer taken while the tester was open."""
    workdir = tmp_path_factory.mktemp("finished") / "work"
    scratch = tmp_path_factory.mktemp("scratch")
    with BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES, PERIODS, workdir=workdir).wait(timeout=60, progress=False)
        assert batch.status["completed"] == 3
        answers = {name: read(batch, scratch / name) for name, read in READS.items()}
    return workdir, answers


@pytest.fixture(scope="module")
def closed_batch(local_gateway: LocalGateway, tmp_path_factory: pytest.TempPathFactory) -> BatchResults:
    """A finished batch whose tester was closed by leaving `with BatchTester() as t:`."""
    workdir = tmp_path_factory.mktemp("closed") / "work"
    with BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES, PERIODS, workdir=workdir).wait(timeout=60, progress=False)
    return batch


@pytest.mark.parametrize("name", sorted(READS))
def test_every_read_works_after_the_tester_closed(
    name: str, closed_batch: BatchResults, finished: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """After leaving `with BatchTester()`, each read method answers as it did while the tester was open."""
    expected = finished[1][name]
    got = READS[name](closed_batch, tmp_path)
    if name in ("repr", "get_period"):  # another batch: other workdir and task ids, the same shape
        assert type(got) is type(expected)
        assert "completed=3" in got if name == "repr" else got
    else:
        assert got == expected


@pytest.mark.parametrize("name", sorted(READS))
def test_every_read_works_on_an_offline_open(name: str, finished: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """BatchResults.open(workdir) of a closed batch answers every read as the live batch did."""
    workdir, answers = finished
    with BatchResults.open(workdir) as batch:
        assert READS[name](batch, tmp_path) == answers[name]


def test_reads_in_a_new_process_without_credentials(finished: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """A new process with no TRADEPOSE_* variable reads every method of a finished batch; retry_failed refuses."""
    workdir, answers = finished
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEPOSE_")}
    env["PYTHONPATH"] = str(ROOT)
    child = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("_lifetime_child.py")), str(workdir), str(tmp_path / "out")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout)
    with BatchResults.open(workdir) as batch:
        expected_summary = batch.summary().sort("period", "strategy_name", "metric_type")
    assert pl.read_json(report["summary"].encode(), schema=expected_summary.schema).equals(expected_summary)
    assert report["all_trades"] == answers["all_trades"]
    assert report["status"] == answers["status"] == {"pending": 0, "processing": 0, "completed": 3, "failed": 0}
    assert report["failed"] == [] and report["completed"] == answers["completed"]
    assert report["results"] == answers["results"] == sorted(["2024Q1", "2024Q2", "2024-07-01..2024-07-15"])
    assert report["get_period"] == answers["get_period"]
    assert report["getitem"] == answers["getitem"]
    assert report["for_strategy"] == batch_height_of(workdir, "alpha")
    assert report["iter"] == answers["iter"] and report["len"] == answers["len"] == report["tester_open"] == 3
    assert report["repr"] == answers["repr"]
    assert report["period_repr"].startswith("PeriodResult(2024Q1, status='completed'")
    assert report["snapshot"] == 3
    assert report["scan_trades"] == report["saved_scan"] == answers["all_trades"]
    assert "BatchTester.resume(" in report["retry_failed"]


def batch_height_of(workdir: Path, strategy_name: str) -> int:
    with BatchResults.open(workdir) as batch:
        return batch.all_trades().filter(pl.col("strategy_name") == strategy_name).height


def test_retry_failed_on_closed_results_says_how_to_continue(closed_batch: BatchResults) -> None:
    """retry_failed needs the gateway: on closed results it raises a ConfigError naming BatchTester.resume."""
    with pytest.raises(ConfigError, match=r"BatchTester\.resume\(.*\)\.retry_failed\(\)"):
        closed_batch.retry_failed()
    with BatchResults.open(closed_batch.workdir) as opened, pytest.raises(ConfigError, match="read-only"):
        opened.retry_failed()


def test_close_then_read_again(finished: tuple[Path, dict[str, Any]]) -> None:
    """close() on results releases the files; a later read reopens the journal read-only."""
    workdir, answers = finished
    batch = BatchResults.open(workdir)
    batch.close()
    assert batch.status == answers["status"]
    batch.close()
    assert len(batch) == 3


def test_open_needs_no_lock_and_sees_a_running_batch(finished: tuple[Path, dict[str, Any]]) -> None:
    """While another holder has the workdir locked (a running batch), open() still reads it; resume is refused."""
    workdir, answers = finished
    with Journal.open(workdir) as holder:
        assert not holder.read_only
        with BatchResults.open(workdir) as batch:
            assert batch.status == answers["status"]
        with pytest.raises(JournalError, match="already open"):
            Journal.open(workdir)


def test_read_only_journal_refuses_changes(finished: tuple[Path, dict[str, Any]]) -> None:
    """A read-only journal reads every row and refuses every state change with a JournalError."""
    workdir, _ = finished
    with Journal.open_read_only(workdir) as journal:
        assert journal.read_only and not journal.closed
        row = journal.summary_rows()[0]
        with pytest.raises(JournalError, match="readonly"):
            journal.reopen_for_download(row.key)
    assert journal.closed


def test_open_refuses_what_is_not_a_batch(tmp_path: Path) -> None:
    """open() of a missing directory, one without a journal, or a foreign SQLite file says what to pass."""
    with pytest.raises(JournalError, match="does not exist"):
        BatchResults.open(tmp_path / "missing")
    with pytest.raises(JournalError, match="no batch journal"):
        BatchResults.open(tmp_path)
    import sqlite3

    with sqlite3.connect(tmp_path / "journal.sqlite3") as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(JournalError, match="not a TradePose batch journal"):
        BatchResults.open(tmp_path)
