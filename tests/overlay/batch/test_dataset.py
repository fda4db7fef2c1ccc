"""Honest datasets: save() swaps in exactly one batch, altered result files are never served, empty frames are typed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchResults, BatchTester, ConfigError, Period, ResultIntegrityError
from tradepose._batch import _integrity
from tradepose._client._parquet_columns import PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose.testing import FaultConfig, LocalGateway

STRATEGIES = [strategy("alpha"), strategy("beta", instrument="ETHUSDT")]


@pytest.fixture
def tester(local_gateway: LocalGateway) -> Iterator[BatchTester]:
    with BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as t:
        yield t


def _run(tester: BatchTester, periods: list[Any], workdir: Path) -> BatchResults:
    batch = tester.submit(STRATEGIES, periods, workdir=workdir).wait(timeout=60, progress=False)
    assert batch.status["completed"] == len(periods)
    return batch


def _tamper(batch: BatchResults, name: str, *, keep_mtime: bool = True) -> Path:
    """Flip one byte in the middle of a result file: same size, and the mtime put back (or moved on by 1 s)."""
    path = batch.get_period("2024Q1").files()[name]
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + (0 if keep_mtime else 10**9)))
    return path


def test_saving_twice_leaves_exactly_the_second_batch(tester: BatchTester, tmp_path: Path) -> None:
    """A second save into the same directory replaces the first whole: its partitions only, its manifest."""
    first = _run(tester, ["2024Q1", "2024Q2", "2024-07"], tmp_path / "w1")
    second = _run(tester, ["2025Q1", ("2025-02-03", "2025-02-20")], tmp_path / "w2")
    out = tmp_path / "out"
    first.save(out)
    assert sorted(p.name for p in (out / "trades").iterdir()) == ["period=2024-07", "period=2024Q1", "period=2024Q2"]
    second.save(out)
    for name in ("trades", "performance"):
        assert sorted(p.name for p in (out / name).iterdir()) == ["period=2025-02-03..2025-02-20", "period=2025Q1"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format"] == "tradepose-batch/2" and manifest["batch_id"] == second.batch_id
    listed = {f["path"] for p in manifest["periods"] for f in p["files"].values()}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*.parquet")}
    assert listed == on_disk
    scanned = second.scan_trades(out).collect()
    assert set(scanned["period"]) == {"2025Q1", "2025-02-03..2025-02-20"}
    assert scanned.height == second.all_trades().height
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "w1", "w2"]  # no temp or old directory left


def test_saved_scan_has_the_period_columns(tester: BatchTester, tmp_path: Path) -> None:
    """scan_trades(dir) has period (as text, even for years), period_start and period_end, like all_trades()."""
    batch = _run(tester, ["2023", "2024-02"], tmp_path / "w")
    saved = batch.scan_trades(batch.save(tmp_path / "out")).collect()
    direct = batch.all_trades()
    assert saved.columns == direct.columns
    assert saved.schema == direct.schema
    key = ["period", "strategy_name", "entry_time"]
    assert saved.sort(key).equals(direct.sort(key))
    assert batch.scan_trades().collect().sort(key).equals(direct.sort(key))
    assert set(saved["period"]) == {"2023", "2024-02"}


def test_save_refuses_a_directory_that_is_not_ours(tester: BatchTester, tmp_path: Path) -> None:
    """A non-empty directory without our manifest, a file, or a parent of the workdir is refused untouched."""
    batch = _run(tester, ["2024Q1"], tmp_path / "w")
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="not a saved batch"):
        batch.save(foreign)
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    (foreign / "manifest.json").write_text(json.dumps({"format": "something-else/1"}))
    with pytest.raises(ConfigError, match="not a saved batch"):
        batch.save(foreign)
    with pytest.raises(ConfigError, match="it is a file"):
        batch.save(foreign / "notes.txt")
    with pytest.raises(ConfigError, match="holds the batch's workdir"):
        batch.save(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (batch.save(empty) / "manifest.json").is_file()


@pytest.mark.parametrize("name", ["performance", "trades"])
def test_a_tampered_result_is_never_served(tester: BatchTester, tmp_path: Path, name: str) -> None:
    """A result whose bytes changed (same size and mtime) raises ResultIntegrityError from every read."""
    _integrity.forget_checks()
    batch = _run(tester, ["2024Q1", "2024Q2"], tmp_path / "w")
    path = _tamper(batch, name)
    reads: list[Callable[[], object]] = [lambda: batch.save(tmp_path / "out"), lambda: batch.for_strategy("alpha")]
    reads += [batch.all_trades, batch.scan_trades] if name == "trades" else [batch.summary]
    for read in reads:
        with pytest.raises(ResultIntegrityError, match=r"BatchTester\.resume\(") as caught:
            read()
        assert caught.value.path == str(path)
        assert str(path) in str(caught.value)
    assert not (tmp_path / "out").exists()  # the failed save left nothing behind
    with BatchResults.open(batch.workdir) as opened, pytest.raises(ResultIntegrityError):
        opened.all_trades() if name == "trades" else opened.summary()


def test_resume_repairs_a_tampered_result(tester: BatchTester, local_gateway: LocalGateway, tmp_path: Path) -> None:
    """The fix the error names works: resume() downloads the altered file again and reads pass."""
    _integrity.forget_checks()
    batch = _run(tester, ["2024Q1"], tmp_path / "w")
    expected = batch.summary()
    batch.close()
    _tamper(batch, "performance", keep_mtime=False)  # already checked once: the new mtime triggers a re-hash
    with pytest.raises(ResultIntegrityError):
        BatchResults.open(batch.workdir).summary()
    with tester.resume(batch.workdir) as resumed:
        assert resumed.wait(timeout=60, progress=False).summary().equals(expected)


def test_a_saved_scan_reads_only_the_files_the_manifest_vouches_for(tester: BatchTester, tmp_path: Path) -> None:
    """scan_trades(dir) checks each listed file's sha256 and never picks up a file dropped in later."""
    batch = _run(tester, ["2024Q1", "2024Q2"], tmp_path / "w")
    out = batch.save(tmp_path / "out")
    expected = batch.scan_trades(out).collect().height
    listed = out / "trades" / "period=2024Q1"
    stray = next(listed.glob("*.parquet"))
    (listed / "extra.parquet").write_bytes(stray.read_bytes())  # a copy, not in the manifest
    assert batch.scan_trades(out).collect().height == expected
    data = bytearray(stray.read_bytes())
    data[len(data) // 2] ^= 0xFF
    stray.write_bytes(bytes(data))
    with pytest.raises(ResultIntegrityError, match="no longer matches the sha256 its manifest lists") as caught:
        batch.scan_trades(out)
    assert caught.value.path == str(stray.resolve())
    (out / "manifest.json").unlink()
    with pytest.raises(ConfigError, match="is not a saved batch"):
        batch.scan_trades(out)


def test_a_missing_or_resized_result_is_reported(tester: BatchTester, tmp_path: Path) -> None:
    """A deleted result file, or one of another size, raises ResultIntegrityError saying which."""
    batch = _run(tester, ["2024Q1"], tmp_path / "w")
    files = batch.get_period("2024Q1").files()
    files["trades"].write_bytes(files["trades"].read_bytes() + b"x")
    with pytest.raises(ResultIntegrityError, match="bytes where the journal recorded"):
        batch.all_trades()
    files["performance"].unlink()
    with pytest.raises(ResultIntegrityError, match="is missing"):
        batch.summary()


def test_files_are_hashed_once_per_process(
    tester: BatchTester, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first read hashes a file; later reads only stat it, unless its size or mtime changed."""
    _integrity.forget_checks()
    batch = _run(tester, ["2024Q1", "2024Q2"], tmp_path / "w")
    hashed: list[Path] = []
    real = _integrity.sha256_file

    def counting(path: Path) -> tuple[str, int]:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(_integrity, "sha256_file", counting)
    for _ in range(3):
        BatchResults.open(batch.workdir).summary()
    assert len(hashed) == 2  # two performance files, each hashed once
    touched = batch.get_period("2024Q2").files()["performance"]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    BatchResults.open(batch.workdir).summary()
    assert hashed[2:] == [touched]


def test_empty_results_have_the_full_schema(gateway_factory: Callable[..., LocalGateway], tmp_path: Path) -> None:
    """An all-failed batch gives empty summary/all_trades/for_strategy frames with every column, so filters work."""
    gw = gateway_factory(faults=FaultConfig(task_failure_rate=1.0))
    with BatchTester(api_key=gw.api_key, server_url=gw.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES, [Period.Q1(2024)], workdir=tmp_path / "w").wait(progress=False)
    assert batch.status["failed"] == 1
    period_columns = {"period": pl.String(), "period_start": pl.Date(), "period_end": pl.Date()}
    summary = batch.summary()
    assert summary.is_empty()
    assert dict(summary.schema) == {**period_columns, **dict(PERFORMANCE_SCHEMA)}
    assert summary.filter(pl.col("metric_type") == "pnl").is_empty()
    trades = batch.all_trades()
    assert dict(trades.schema) == {**period_columns, **dict(TRADES_SCHEMA)}
    view = batch.for_strategy("alpha", "base")
    assert view.trades.schema == trades.schema and view.performance.schema == summary.schema
    with pytest.raises(KeyError, match="known: alpha, beta"):
        batch.for_strategy("delta")
