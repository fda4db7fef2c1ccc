"""BatchTester end to end against LocalGateway: results, wire format, workflows, failures, cleanup."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.overlay.batch._batch_support import socket_count, strategy
from tradepose import (
    BatchFailedError,
    BatchTester,
    BatchTimeoutError,
    ConfigError,
    JournalError,
    Period,
    PeriodError,
    StrategyError,
    TradePoseClient,
)
from tradepose._client._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose.testing import FaultConfig, LocalGateway

STRATEGIES = [strategy("alpha"), strategy("beta", instrument="ETHUSDT"), strategy("gamma", freq="4h")]
QUARTERS = [Period.Q1(2024), Period.Q2(2024), Period.Q3(2024), Period.Q4(2024)]


@pytest.fixture
def tester(local_gateway: LocalGateway) -> Iterator[BatchTester]:
    with BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as t:
        yield t


def test_happy_path_returns_exact_frames(tester: BatchTester, local_gateway: LocalGateway, tmp_path: Path) -> None:
    """3 strategies × 4 quarters: every period's frames equal a direct download of its task, in §5 dtypes."""
    batch = tester.submit(STRATEGIES, QUARTERS, workdir=tmp_path / "b").wait(timeout=60, progress=False)
    assert batch.status == {"pending": 0, "processing": 0, "completed": 4, "failed": 0}
    assert batch.is_complete
    with TradePoseClient(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as client:
        for result in batch:
            assert result.task_id is not None
            direct_trades = client.download_trades(result.task_id)
            assert result.trades.equals(direct_trades)
            assert result.performance.equals(client.download_performance(result.task_id))
            assert dict(result.trades.schema) == dict(TRADES_SCHEMA)
            assert dict(result.performance.schema) == dict(PERFORMANCE_SCHEMA)
            assert set(result.trades["strategy_name"]) == {"alpha", "beta", "gamma"}
    summary = batch.summary()
    assert summary.columns == ["period", "period_start", "period_end", *PERFORMANCE_SCHEMA.names()]
    assert summary.schema["period_start"] == summary.schema["period_end"] == pl.Date()
    assert set(summary["period"]) == {"2024Q1", "2024Q2", "2024Q3", "2024Q4"}
    # one row per period × strategy × blueprint × metric_type
    assert summary.height == 4 * 3 * 1 * 2
    assert summary.select("period", "strategy_name", "blueprint_name", "metric_type").is_unique().all()
    trades = batch.all_trades()
    assert trades.columns[0] == "period"
    assert trades.height == sum(r.trades.height for r in batch)


def test_one_task_per_period_with_the_whole_last_day(
    tester: BatchTester, local_gateway: LocalGateway, tmp_path: Path
) -> None:
    """Each period is one export task carrying every strategy; its end is the last day's 23:59:59."""
    before = len(local_gateway.tasks)
    batch = tester.submit(STRATEGIES, ["2023Q1", "2023-02"], workdir=tmp_path / "b").wait(progress=False)
    created = local_gateway.tasks[before:]
    assert sorted((t.start_date, t.end_date) for t in created) == [
        ("2023-01-01T00:00:00", "2023-03-31T23:59:59"),
        ("2023-02-01T00:00:00", "2023-02-28T23:59:59"),
    ]
    assert all(t.strategy_names == ("alpha", "beta", "gamma") for t in created)
    q1 = batch.get_period("2023Q1").trades

    assert q1["entry_time"].min() >= pl.Series([Period.Q1(2023).start]).cast(pl.Datetime("ms"))[0]


def test_views_by_period_strategy_and_blueprint(tester: BatchTester, tmp_path: Path) -> None:
    """get_period accepts Period, label, text and tuples; strategy views filter strategy_name/blueprint_name."""
    batch = tester.submit(STRATEGIES, QUARTERS[:2], workdir=tmp_path / "b").wait(progress=False)
    q1 = batch.get_period(Period.Q1(2024))
    assert batch.get_period("2024Q1") is not q1
    assert batch.get_period("2024Q1").key == q1.key == batch.get_period(("2024-01-01", "2024-03-31")).key
    assert batch[q1.key].task_id == q1.task_id
    view = batch.for_strategy("beta", "base")
    assert set(view.trades["strategy_name"]) == {"beta"}
    assert set(view.performance["blueprint_name"]) == {"base"}
    assert view.performance.height == 2 * 2  # 2 periods × 2 metric types
    assert q1.for_strategy("alpha").trades.height == q1.trades.filter(pl.col("strategy_name") == "alpha").height
    with pytest.raises(KeyError, match="known: alpha, beta, gamma"):
        batch.for_strategy("delta")
    with pytest.raises(KeyError, match="not in this batch"):
        batch.get_period("2030Q1")


def test_save_writes_a_hive_dataset_and_manifest(tester: BatchTester, tmp_path: Path) -> None:
    """save() writes period-partitioned Parquet and a manifest; scan_trades() reads it back lazily."""
    batch = tester.submit(STRATEGIES, QUARTERS[:2], workdir=tmp_path / "b").wait(progress=False)
    root = batch.save(tmp_path / "out")
    manifest = json.loads((root / "manifest.json").read_text())
    assert manifest["status"]["completed"] == 2
    assert [p["period"] for p in manifest["periods"]] == ["2024Q1", "2024Q2"]
    assert all(p["task_id"] for p in manifest["periods"])
    lazy = batch.scan_trades(root)
    assert isinstance(lazy, pl.LazyFrame)
    saved = lazy.collect().sort("period", "strategy_name", "entry_time")
    direct = batch.all_trades().sort("period", "strategy_name", "entry_time")
    assert saved.select(direct.columns).equals(direct)
    assert batch.scan_trades().collect().height == direct.height
    assert sorted(p.name for p in (root / "trades").iterdir()) == ["period=2024Q1", "period=2024Q2"]


def test_submit_works_inside_a_running_event_loop(tester: BatchTester, tmp_path: Path) -> None:
    """As in Jupyter: submit() and wait() from inside a running loop, without nest_asyncio."""

    async def cell() -> dict[str, int]:
        return tester.submit(STRATEGIES[:1], "2024Q1", workdir=tmp_path / "b").wait(progress=False).status

    assert asyncio.run(cell())["completed"] == 1


def test_failed_tasks_are_recorded_and_retried(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """Failed periods keep the gateway's error; raise_for_failures is opt-in; retry_failed re-runs only them."""
    gw = gateway_factory(faults=FaultConfig(task_failure_rate=1.0))
    with BatchTester(api_key=gw.api_key, server_url=gw.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES[:1], QUARTERS[:2], workdir=tmp_path / "b").wait(progress=False)
        assert batch.status["failed"] == 2
        assert all(r.error and r.error_stage == "task" for r in batch.failed)
        with pytest.raises(BatchFailedError, match="2 of 2 periods failed") as caught:
            batch.raise_for_failures()
        assert len(caught.value.failed) == 2
        gw.set_faults(FaultConfig())
        batch.retry_failed().wait(progress=False)
        assert batch.status["completed"] == 2
        assert len(gw.tasks) == 4  # two failed tasks, two re-runs; nothing else


def test_other_workflows(tester: BatchTester, tmp_path: Path) -> None:
    """Enhanced OHLCV, on-demand OHLCV, validation and latest trades all work end to end."""
    enhanced = tester.submit_enhanced_ohlcv(STRATEGIES[0], ["2024-01"], workdir=tmp_path / "e").wait(progress=False)
    frame = enhanced.get_period("2024-01").ohlcv
    assert all(frame.schema[name] == dtype for name, dtype in ENHANCED_OHLCV_SCHEMA.items())
    assert "BTCUSDT_1h_ATR|14" in frame.columns

    specs = [{"freq": "1h", "indicator": {"type": "RSI", "period": 14}}]
    ohlcv = tester.submit_ohlcv("BTCUSDT", "1h", specs, ["2024-02"], workdir=tmp_path / "o").wait(progress=False)
    assert "BTCUSDT_1h_RSI|14.close" in ohlcv.get_period("2024-02").ohlcv.columns

    validation = tester.validate(STRATEGIES)
    assert validation.valid is True
    assert sorted(validation.validated_strategies) == ["alpha", "beta", "gamma"]

    latest = tester.submit_latest_trades(STRATEGIES[:2], trade_count=2)
    assert {t.strategy_name for t in latest.trades} == {"alpha", "beta"}


def test_wait_timeout_leaves_the_batch_running(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """wait(timeout) raises BatchTimeoutError (a TimeoutError); the batch finishes on a later wait()."""
    gw = gateway_factory(time_scale=0.5)
    with BatchTester(api_key=gw.api_key, server_url=gw.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES[:1], "2024Q1", workdir=tmp_path / "b")
        with pytest.raises(BatchTimeoutError, match="keeps running") as caught:
            batch.wait(timeout=0.05, progress=False)
        assert isinstance(caught.value, TimeoutError)
        assert batch.wait(timeout=30, progress=False).is_complete


@pytest.mark.parametrize(
    ("periods", "problem"),
    [
        ([], "no periods"),
        (["2024Q1", "2024Q1"], "given twice"),
        (["2024Q5"], "2024Q5"),
        ([("2024-05-01", "2024-03-01")], "after its end"),
    ],
)
def test_bad_periods_are_refused(tester: BatchTester, tmp_path: Path, periods: list[Any], problem: str) -> None:
    """Empty, duplicate, malformed and reversed periods raise a ConfigError naming the problem."""
    with pytest.raises((ConfigError, PeriodError), match=problem):
        tester.submit(STRATEGIES[:1], periods, workdir=tmp_path / "b")
    assert not (tmp_path / "b").exists()


def test_bad_strategies_and_workdirs_are_refused(tester: BatchTester, tmp_path: Path) -> None:
    """An empty strategy list, a `/` in a name and a workdir that is a file are refused before any request."""
    with pytest.raises(StrategyError, match="no strategies"):
        tester.submit([], "2024Q1", workdir=tmp_path / "a")
    with pytest.raises(StrategyError, match="/"):
        tester.submit([{**STRATEGIES[0], "name": "a/b"}], "2024Q1", workdir=tmp_path / "b")
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(JournalError, match="file"):
        tester.submit(STRATEGIES[:1], "2024Q1", workdir=afile)


def test_close_leaves_no_thread_or_socket(local_gateway: LocalGateway, tmp_path: Path) -> None:
    """After wait() and close(), the batch thread is gone and no socket of ours is open."""
    sockets = socket_count()
    threads = _client_threads()
    tester = BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None)
    batch = tester.submit(STRATEGIES[:1], QUARTERS[:2], workdir=tmp_path / "b").wait(progress=False)
    assert "tradepose-batch" in {t.name for t in threading.enumerate()}
    batch.close()
    tester.close()
    assert _client_threads() == threads
    assert socket_count() <= sockets


def _client_threads() -> set[str]:
    """Names of the threads alive, less the gateway's worker pools (they grow on demand, whichever test ran)."""
    return {t.name for t in threading.enumerate() if not t.name.startswith(("LocalGateway", "AnyIO worker"))}


def test_background_errors_reach_the_caller(local_gateway: LocalGateway, tmp_path: Path) -> None:
    """A fault of the run itself (here: its journal closed under it) is raised by wait()."""
    with BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES[:1], QUARTERS, workdir=tmp_path / "b")
        batch._journal.close()
        with pytest.raises(JournalError):
            batch.wait(timeout=30, progress=False)


@pytest.mark.parametrize("rpm", [0, -5, float("nan"), float("inf"), "60"])
def test_bad_requests_per_minute_is_refused(rpm: Any) -> None:
    """requests_per_minute of 0, a negative, NaN, infinity or a string is a ConfigError at construction."""
    with pytest.raises(ConfigError, match="requests_per_minute"):
        BatchTester(api_key="tp_test_abcdefgh", server_url="http://gw.test", env_file=None, requests_per_minute=rpm)
