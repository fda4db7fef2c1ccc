"""Exercise the batch API's public signatures under `mypy --strict` (type-checked, never run)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import polars as pl
from tradepose_api.models.strategy_config import StrategyConfig
from tradepose_api.models.validation_result import ValidationResult

from tradepose import (
    BatchFailedError,
    BatchResults,
    BatchTester,
    BatchTimeoutError,
    BlueprintBuilder,
    IndicatorRef,
    Period,
    PeriodResult,
    ResultView,
    StrategyBuilder,
    load_strategies,
)


def build() -> StrategyConfig:
    builder = StrategyBuilder("s", "BTCUSDT", "1h")
    sma: IndicatorRef = builder.add_indicator("SMA", period=20)
    blueprint = (
        BlueprintBuilder("b", "Long", "Trend")
        .add_entry_trigger("in", conditions=[pl.col("close") > sma.col], price_expr=pl.col("open"))
        .add_exit_trigger(
            "out", conditions=[pl.col("close") < sma.col], price_expr=pl.col("open"), order_strategy="ImmediateExit"
        )
        .build()
    )
    return builder.set_base_blueprint(blueprint).build()


def run(tester: BatchTester, workdir: Path) -> None:
    strategies: list[StrategyConfig] = load_strategies([build(), "strategy.json"])
    periods = [Period.Q1(2024), Period.from_month(2024, 4), Period.parse("2024-07"), Period("2024-10-01", "2024-12-31")]
    batch: BatchResults = tester.submit(strategies, periods, workdir=workdir)
    with contextlib.suppress(BatchTimeoutError):
        batch.wait(timeout=60.0, progress=False)
    try:
        batch.raise_for_failures()
    except BatchFailedError as error:
        failed: list[PeriodResult] = error.failed
        print(failed)
    first: PeriodResult = batch.get_period("2024Q1")
    trades: pl.DataFrame = first.trades
    view: ResultView = batch.for_strategy("s", "b")
    summary: pl.DataFrame = batch.summary()
    lazy: pl.LazyFrame = batch.scan_trades(batch.save(workdir / "out"))
    resumed: BatchResults = BatchTester.resume(workdir)
    opened: BatchResults = BatchResults.open(workdir)
    also_opened: BatchResults = BatchTester.open(workdir)
    label: str = first.label + periods[0].label
    validation: ValidationResult = tester.validate(strategies)
    print(trades, view.trades, summary, lazy, resumed.status, opened, also_opened, label, validation.valid)
