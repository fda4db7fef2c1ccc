"""Exercise the public signatures under `mypy --strict` (type-checked by `make typecheck`, never run)."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

import polars as pl
from tradepose_api.models.latest_trades_result import LatestTradesResult
from tradepose_api.models.task_metadata_response import TaskMetadataResponse
from tradepose_api.models.validation_result import ValidationResult

from tradepose import (
    APIResponse,
    APIStatusError,
    AsyncTradePoseClient,
    BacktestResult,
    ClientConfig,
    FieldError,
    RateLimitError,
    TradePoseClient,
    TradePoseError,
    UnprocessableEntityError,
)


def on_progress(meta: TaskMetadataResponse) -> None:
    print(meta.status)


def sync_usage() -> None:
    config: ClientConfig = ClientConfig.resolve(api_key="tp_test_x", env_file=None)
    with TradePoseClient(config=config) as client:
        healthy: bool = client.health_check()
        status = client.tasks.get_task_status(task_id=uuid.UUID("6f1c2a3e-0000-4000-8000-000000000001"))
        raw: APIResponse[object] = client.strategies.with_response.list_strategies()
        retries: int = raw.retries_taken
        meta: TaskMetadataResponse = client.poll_until_complete(
            "6f1c2a3e-0000-4000-8000-000000000001", timeout=60.0, on_progress=on_progress, cancel=threading.Event()
        )
        trades: pl.DataFrame = client.download_trades(meta.task_id)
        lazy: pl.LazyFrame = client.download_performance(meta.task_id, lazy=True)
        kept: pl.DataFrame = client.download_trades(meta.task_id, path="trades.parquet")
        pair: tuple[pl.DataFrame, pl.DataFrame] = client.download_backtest_zip(meta.task_id)
        result: BacktestResult = client.export_backtest_results(
            [{"name": "s"}], dt.date(2024, 1, 1), "2024-03-31", on_progress=on_progress
        )
        ohlcv: pl.DataFrame = client.export_on_demand_ohlcv("BTCUSDT", "1h", dt.datetime(2024, 1, 1), "2024-02-01", [])
        latest: LatestTradesResult = client.export_latest_trades([], trade_count=3)
        validation: ValidationResult = client.validate_strategies([{"name": "s"}], timeout=30.0)
        print(healthy, status, retries, trades, lazy, kept, pair, result.trades, ohlcv, latest, validation)


async def async_usage() -> None:
    async with AsyncTradePoseClient(api_key="tp_test_x", server_url="http://127.0.0.1:8000") as client:
        healthy: bool = await client.health_check()
        status = await client.tasks.get_task_status(task_id=uuid.UUID("6f1c2a3e-0000-4000-8000-000000000001"))
        raw: APIResponse[object] = await client.strategies.with_response.list_strategies()
        meta: TaskMetadataResponse = await client.poll_until_complete("6f1c2a3e-0000-4000-8000-000000000001")
        trades: pl.DataFrame = await client.download_trades(meta.task_id)
        lazy: pl.LazyFrame = await client.download_trades(meta.task_id, lazy=True)
        enhanced: pl.DataFrame = await client.export_enhanced_ohlcv([], "2024-01-01", "2024-01-31", strategy_name="s")
        print(healthy, status, raw.request_id, trades, lazy, enhanced)


def error_handling() -> None:
    try:
        sync_usage()
    except UnprocessableEntityError as exc:
        fields: list[FieldError] = exc.errors
        print([f.field for f in fields])
    except RateLimitError as exc:
        wait: float | None = exc.retry_after
        print(wait)
    except APIStatusError as exc:
        code: int = exc.status_code
        request_id: str | None = exc.request_id
        print(code, request_id, exc.body)
    except TradePoseError as exc:
        print(exc.retries_taken)
