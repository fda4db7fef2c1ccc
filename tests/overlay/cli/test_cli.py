"""The `tradepose` command line end to end: run, show, status, Ctrl+C and resume, failures."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tradepose import __version__
from tradepose._cli import main
from tradepose.testing import FaultConfig, LocalGateway

ROOT = Path(__file__).resolve().parents[3]
STRATEGIES = [str(ROOT / "examples" / "strategies" / f"{n}.json") for n in ("ma_cross", "supertrend")]


def _env(gw: LocalGateway) -> dict[str, str]:
    return dict(os.environ, TRADEPOSE_API_KEY=gw.api_key, TRADEPOSE_SERVER_URL=gw.url, COLUMNS="120")


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tradepose", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_backtest_run_show_and_status(local_gateway: LocalGateway, tmp_path: Path) -> None:
    """`backtest run` exits 0 with a summary; `results show` and `tasks status` read what it did."""
    env = _env(local_gateway)
    out = tmp_path / "batch"
    run = _cli(["backtest", "run", *STRATEGIES, "--period", "2024Q1", "--period", "2024-05", "--out", str(out),
                "--quiet"], env)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "2024Q1" in run.stdout
    assert "2024-05" in run.stdout
    assert "ma_cross" in run.stdout
    assert "supertrend" in run.stdout
    show = _cli(["results", "show", str(out)], env)
    assert show.returncode == 0, show.stderr
    assert show.stdout.count("done") == 2
    with sqlite3.connect(out / "journal.sqlite3") as conn:
        task_id = conn.execute("SELECT task_id FROM periods LIMIT 1").fetchone()[0]
    status = _cli(["tasks", "status", task_id], env)
    assert status.returncode == 0, status.stderr
    assert f"task {task_id}: completed" in status.stdout
    raw = json.loads(_cli(["tasks", "status", task_id, "--json"], env).stdout)
    assert raw["status"] == 2 and raw["status_name"] == "completed"


def test_ctrl_c_exits_130_and_resume_finishes(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """SIGINT stops cleanly with exit 130 and prints the resume command, which then completes the batch."""
    gw = gateway_factory(time_scale=1.0, task_duration=(3.0, 4.0))
    env = _env(gw)
    out = tmp_path / "batch"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tradepose", "backtest", "run", *STRATEGIES, "--period", "2024Q1", "--period", "2024Q2",
         "--out", str(out), "--quiet"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not _all_submitted(out):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, stderr
    assert f"tradepose backtest resume {out}" in stdout
    resumed = _cli(["backtest", "resume", str(out), "--quiet"], env)
    assert resumed.returncode == 0, resumed.stderr
    assert len(gw.tasks) == 2  # nothing was submitted twice


def _all_submitted(out: Path) -> bool:
    journal = out / "journal.sqlite3"
    if not journal.exists():
        return False
    try:
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=1) as conn:
            states = [r[0] for r in conn.execute("SELECT state FROM periods")]
    except sqlite3.Error:
        return False
    return bool(states) and all(s == "submitted" for s in states)


def test_failed_periods_exit_1_and_name_the_retry(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """A batch with failed tasks exits 1, lists the errors and says how to retry only those."""
    gw = gateway_factory(faults=FaultConfig(task_failure_rate=1.0))
    run = _cli(["backtest", "run", STRATEGIES[0], "--period", "2024Q1", "--out", str(tmp_path / "b"), "--quiet"],
               _env(gw))  # fmt: skip
    assert run.returncode == 1
    assert "failed 2024Q1" in run.stdout
    assert "--retry-failed" in run.stdout


def test_bad_input_is_one_line_and_exit_1(capsys: object, tmp_path: Path) -> None:
    """A typed SDK error becomes `tradepose: error: ...` on one line, exit 1, no traceback."""
    code = main(["backtest", "run", STRATEGIES[0], "--period", "2024Q3/2024Q1", "--out", str(tmp_path / "b"),
                 "--server-url", "http://127.0.0.1:9"])  # fmt: skip
    captured = capsys.readouterr()  # type: ignore[attr-defined]
    assert code == 1
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("tradepose: error: ")
    assert "Traceback" not in captured.err


def test_version_prints_the_installed_distribution(capsys: pytest.CaptureFixture[str]) -> None:
    """`tradepose --version` prints the distribution's version and exits 0."""
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"tradepose-sdk {__version__}"
