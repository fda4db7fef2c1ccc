"""The public tradepose-client 1.5.0 (in .venv-ref) runs a BatchTester backtest against LocalGateway."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import polars as pl
import pytest

from tradepose._client._schemas import PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose.testing import LocalGateway

pytestmark = [pytest.mark.reference, pytest.mark.e2e]

REPO = Path(__file__).resolve().parents[2]
REFERENCE_PYTHON = REPO / ".venv-ref" / "bin" / "python"
DRIVER = Path(__file__).with_name("reference_driver.py")


def _environment() -> dict[str, str]:
    if not REFERENCE_PYTHON.exists():
        pytest.fail(f"{REFERENCE_PYTHON} is missing: run `make reference-client` (needs Python 3.13 via pyenv)")
    # The reference client reads TRADEPOSE_* settings from the environment and a .env in its cwd.
    return {k: v for k, v in os.environ.items() if not k.startswith(("TRADEPOSE_", "PYTHON"))}


def test_batch_tester_round_trip(tmp_path: Path) -> None:
    """BatchTester.submit(2 strategies x 2 periods) completes and its frames have the §5 schemas."""
    environment = _environment()
    with LocalGateway(time_scale=0.05, requests_per_minute=10_000) as gateway:
        completed = subprocess.run(
            [str(REFERENCE_PYTHON), str(DRIVER), "batch", gateway.url, gateway.api_key, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env=environment,
            check=False,
        )
        stats = gateway.stats
    assert completed.returncode == 0, completed.stderr[-4000:]
    summary = json.loads(completed.stdout.strip().splitlines()[-1])
    assert sorted((p["key"], p["status"], p["rows"]) for p in summary) == [
        ("2024-01-01_2024-03-31", 2, 48),
        ("2024-04-01_2024-06-30", 2, 48),
    ]
    periods = sorted((t.start_date, t.end_date) for t in stats.tasks_created)
    assert periods == [
        ("2024-01-01T00:00:00", "2024-03-31T00:00:00"),
        ("2024-04-01T00:00:00", "2024-06-30T00:00:00"),
    ]
    for directory in sorted(p for p in tmp_path.iterdir() if p.is_dir()):
        # The frames went through the reference client's own Parquet parsing and back.
        trades = pl.read_parquet(directory / "trades.parquet")
        performance = pl.read_parquet(directory / "performance.parquet")
        assert trades.schema == TRADES_SCHEMA and performance.schema == PERFORMANCE_SCHEMA
        assert set(trades["strategy_name"].unique()) == {"ref_btc", "ref_eth"}
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 2
    assert stats.count("GET /api/v1/tasks/{task_id}/results/{result_type}", 200) >= 4


def test_every_low_level_call_is_accepted(tmp_path: Path) -> None:
    """Each TradePoseClient resource method gets an answer its own models accept (keys: JWT only)."""
    environment = _environment()
    with LocalGateway(time_scale=0.02, requests_per_minute=10_000) as gateway:
        completed = subprocess.run(
            [str(REFERENCE_PYTHON), str(DRIVER), "wire", gateway.url, gateway.api_key, gateway.jwt],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env=environment,
            check=False,
        )
    assert completed.returncode == 0, completed.stderr[-4000:]
    outcome: dict[str, str] = json.loads(completed.stdout.strip().splitlines()[-1])
    refused = outcome.pop("api_keys.create[api_key]")
    assert refused.startswith("AuthorizationError") and "JWT" in refused
    assert outcome.pop("zip.shapes") == "(24, 46)/(2, 21)"
    assert {name: result for name, result in outcome.items() if result != "ok"} == {}
    assert len(outcome) == 50  # 45 resource calls + 5 task status polls
