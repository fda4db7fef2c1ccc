"""Deterministic result generation: §5 schemas, periods, ordering, totals, indicator names."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from gateway_helpers import export, strategy

from tradepose._client._schemas import (
    ENHANCED_OHLCV_SCHEMA,
    PERFORMANCE_SCHEMA,
    TRADES_SCHEMA,
    indicator_column_dtype,
    indicator_column_name,
)
from tradepose.testing import ResultOptions
from tradepose.testing._json_results import latest_trade_count, latest_trades, validation_result
from tradepose.testing._ohlcv import enhanced_ohlcv
from tradepose.testing._results import parse_period, write_backtest, write_zip


def _backtest(tmp_path: Path, name: str, request: dict[str, Any], options: ResultOptions) -> dict[str, Path]:
    directory = tmp_path / name
    directory.mkdir()
    return write_backtest(directory, request, options)


def test_schemas_have_the_documented_widths() -> None:
    """Trades has 46 columns, performance 21, enhanced OHLCV 53 fixed ones."""
    assert (len(TRADES_SCHEMA), len(PERFORMANCE_SCHEMA), len(ENHANCED_OHLCV_SCHEMA)) == (46, 21, 53)
    assert TRADES_SCHEMA["entry_time"] == pl.Datetime("ms") and TRADES_SCHEMA["direction"] == pl.Int32
    assert TRADES_SCHEMA["entry_idx"] == pl.UInt32 and PERFORMANCE_SCHEMA["trades"] == pl.UInt32


def test_backtest_files_are_deterministic_and_well_formed(tmp_path: Path) -> None:
    """Same request → byte-identical files; rows per (strategy, blueprint) inside the period."""
    request = export([strategy("a"), strategy("b", "ETHUSDT", "15min")])
    first = _backtest(tmp_path, "one", request, ResultOptions())
    second = _backtest(tmp_path, "two", request, ResultOptions())
    for key in ("trades", "performance"):
        assert hashlib.sha256(first[key].read_bytes()).digest() == hashlib.sha256(second[key].read_bytes()).digest()
    zips = [tmp_path / "one.zip", tmp_path / "two.zip"]
    for target, paths in zip(zips, (first, second), strict=True):
        write_zip(target, paths["trades"], paths["performance"])
    assert zips[0].read_bytes() == zips[1].read_bytes()
    trades = pl.read_parquet(first["trades"])
    assert trades.schema == TRADES_SCHEMA
    pairs = trades.group_by("strategy_name", "blueprint_name").len()
    assert pairs.height == 4 and pairs["len"].to_list() == [24] * 4
    assert trades.filter(pl.col("entry_time") >= pl.col("exit_time")).is_empty()
    assert trades["entry_time"].min() >= datetime(2024, 1, 1)  # type: ignore[operator]
    assert trades["exit_time"].max() <= datetime(2024, 3, 31)  # type: ignore[operator]
    assert (trades["exit_idx"] >= trades["entry_idx"]).all()


def test_performance_totals_agree_with_trades(tmp_path: Path) -> None:
    """Performance `trades`, `total` and `win_ratio` are computed from the trades themselves."""
    paths = _backtest(tmp_path, "p", export([strategy("a")]), ResultOptions(trades_per_blueprint=50))
    trades = pl.read_parquet(paths["trades"])
    performance = pl.read_parquet(paths["performance"])
    assert performance.schema == PERFORMANCE_SCHEMA and performance.height == 2 * 2
    for row in performance.iter_rows(named=True):
        mine = trades.filter(
            (pl.col("strategy_name") == row["strategy_name"]) & (pl.col("blueprint_name") == row["blueprint_name"])
        )[row["metric_type"]]
        assert row["trades"] == mine.len()
        assert row["total"] == pytest.approx(mine.sum())
        assert row["win_ratio"] == pytest.approx((mine > 0).mean())


def test_different_periods_give_different_trades(tmp_path: Path) -> None:
    """Trades depend on the requested period and stay inside it."""
    q2 = export([strategy("a")], start_date="2024-04-01", end_date="2024-06-30")
    trades = pl.read_parquet(_backtest(tmp_path, "q2", q2, ResultOptions())["trades"])
    assert trades["entry_time"].min() >= datetime(2024, 4, 1)  # type: ignore[operator]
    assert trades["exit_time"].max() <= datetime(2024, 6, 30)  # type: ignore[operator]


def test_total_trades_spreads_over_blueprints(tmp_path: Path) -> None:
    """`total_trades` is split across every (strategy, blueprint)."""
    paths = _backtest(tmp_path, "t", export([strategy("a"), strategy("b")]), ResultOptions(total_trades=1_001))
    counts = pl.read_parquet(paths["trades"]).group_by("strategy_name", "blueprint_name").len()["len"]
    assert counts.sum() == 1_001 and sorted(counts.to_list()) == [250, 250, 250, 251]


def test_period_parsing_accepts_dates_datetimes_and_offsets() -> None:
    """Dates, naive datetimes and offsets parse; a reversed period still has a day."""
    assert (
        parse_period("2024-01-01", "2024-01-02").end_ms - parse_period("2024-01-01", "2024-01-02").start_ms
        == 86_400_000
    )
    assert (
        parse_period("2024-01-01T00:00:00+01:00", None).start_ms == parse_period("2023-12-31T23:00:00", None).start_ms
    )
    reversed_period = parse_period("2024-02-01", "2024-01-01")
    assert reversed_period.end_ms - reversed_period.start_ms == 86_400_000
    with pytest.raises(ValueError, match="yesterday"):
        parse_period("yesterday", None)


def test_enhanced_ohlcv_names_indicator_columns() -> None:
    """Enhanced OHLCV has the 53 fixed columns then one column per indicator (§5.3 names)."""
    frame = pl.read_parquet(io.BytesIO(enhanced_ohlcv(export([strategy("a")], 2), ResultOptions(max_ohlcv_bars=50))))
    assert frame.height == 50
    assert dict(list(frame.schema.items())[:53]) == dict(ENHANCED_OHLCV_SCHEMA)
    assert frame.columns[53:] == ["BTCUSDT_1D_ATR|14", "BTCUSDT_1D_ST|3.0x_ATR_s2"]
    assert frame.schema["BTCUSDT_1D_ST|3.0x_ATR_s2"] == indicator_column_dtype({"type": "SuperTrend"})


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ({"instrument": "BTCUSDT", "freq": "1D", "indicator": {"type": "ATR", "period": 14}}, "BTCUSDT_1D_ATR|14"),
        (
            {"instrument": "BTCUSDT", "freq": "1h", "indicator": {"type": "SMA", "period": 20}},
            "BTCUSDT_1h_SMA|20.close",
        ),
        (
            {
                "instrument": "BTCUSDT",
                "freq": "1D",
                "indicator": {"type": "SuperTrend", "multiplier": 3, "volatility_column": "BTCUSDT_1D_ATR|14"},
            },
            "BTCUSDT_1D_ST|3.0x_BTCUSDT_1D_ATR|14",
        ),
        ({"freq": "1D", "shift": 2, "indicator": {"type": "ATR", "period": 14}}, "1D_ATR|14_s2"),
        (
            {"freq": "1h", "indicator": {"type": "AtrQuantile", "atr_column": "a", "window": 10, "quantile": 0.29}},
            "1h_ATRQ|a_Q28_10",
        ),
        ({"freq": "1h", "indicator": {"type": "MACD"}}, "1h_MACD|12_26_9"),
        ({"freq": "1h", "indicator": {"type": "BollingerBands"}}, "1h_BB|20_2.0"),
        ({"freq": "1h", "indicator": {"type": "Stochastic"}}, "1h_STOCH|14_3"),
        ({"freq": "1h", "indicator": {"type": "RSI", "column": "high"}}, "1h_RSI|14.high"),
        ({"freq": "1h", "indicator": {"type": "RawOhlcv", "column": "volume"}}, "1h_volume"),
        (
            {
                "freq": "1h",
                "indicator": {
                    "type": "MarketProfile",
                    "tick_size": 0.5,
                    "anchor_config": {
                        "end_rule": {"type": "WeeklyTime", "weekday": "Tue", "hour": 9, "minute": 5},
                        "lookback_days": 2,
                    },
                },
            },
            "1h_MP|W10905_2_0.5",
        ),
        (
            {
                "freq": "1h",
                "indicator": {
                    "type": "MarketProfile",
                    "tick_size": 1.0,
                    "anchor_config": {"end_rule": {"type": "DailyTime", "hour": 9, "minute": 15}, "lookback_days": 1},
                },
            },
            "1h_MP|0915_1_1",
        ),
    ],
)
def test_indicator_column_names(spec: dict[str, Any], name: str) -> None:
    """indicator_column_name follows the §5.3 display-name scheme."""
    assert indicator_column_name(spec) == name


def test_validation_reports_each_broken_expression() -> None:
    """Validation deserialises every expression and names the broken ones by field path."""
    good, bad = strategy("good"), strategy("bad")
    bad["advanced_blueprints"][0]["exit_triggers"][0]["price_expr"] = {"Nope": 1}
    bad["volatility_indicator"] = "not json"
    result = validation_result(export([good, bad], 4))
    assert result["valid"] is False and result["validated_strategies"] == ["good"]
    assert [e["field_path"] for e in result["errors"]] == [
        "volatility_indicator",
        "advanced_blueprints[0].exit_triggers[0].price_expr",
    ]


def test_latest_trades_are_capped_and_end_open() -> None:
    """Latest trades: trade_count per blueprint (capped at 1,000), the newest one still open."""
    assert latest_trade_count({"trade_count": 10**12}) == 1_000
    trades = latest_trades(export([strategy("a")], 1, trade_count=3))["trades"]
    assert len(trades) == 2 * 3
    assert [t["status"] for t in trades[:3]] == [False, False, True]
    assert trades[2]["exit_time"] is None and trades[0]["entry_time"] < trades[1]["entry_time"]
