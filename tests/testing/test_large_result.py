"""The 1,000,000-trade benchmark result is generated in row groups and streamed from disk."""

from __future__ import annotations

from pathlib import Path

import httpx
import polars as pl
import pytest
from gateway_helpers import export, strategy, wait_for_task

from tradepose._client._schemas import TRADES_SCHEMA
from tradepose.testing import LocalGateway, ResultOptions

pytestmark = pytest.mark.e2e

ONE_MILLION = 1_000_000


def test_million_trade_result_is_served(tmp_path: Path) -> None:
    """A 1M-trade backtest is served as one Parquet file with 1,000,000 rows in the §5.1 schema."""
    options = ResultOptions(total_trades=ONE_MILLION)
    with (
        LocalGateway(time_scale=0.0, results=options, requests_per_minute=100_000) as gateway,
        httpx.Client(base_url=gateway.url, headers={"X-API-Key": gateway.api_key}, timeout=120) as client,
    ):
        body = export([strategy("big-a"), strategy("big-b")])
        task_id = client.post("/api/v1/export", json=body).json()["task_id"]
        assert wait_for_task(client, task_id, polls=2_400, interval=0.05)["status"] == 2
        target = tmp_path / "trades.parquet"
        with client.stream("GET", f"/api/v1/tasks/{task_id}/results/trades") as response, target.open("wb") as out:
            assert response.status_code == 200
            for chunk in response.iter_bytes(1 << 20):
                out.write(chunk)
    assert pl.scan_parquet(target).select(pl.len()).collect().item() == ONE_MILLION
    assert pl.read_parquet_schema(target) == dict(TRADES_SCHEMA)
    assert pl.read_parquet(target, n_rows=5).height == 5
