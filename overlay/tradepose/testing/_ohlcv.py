"""Deterministic OHLCV results: enhanced OHLCV (§5.3, 53 fixed columns + indicators) and on-demand OHLCV."""

from __future__ import annotations

import io
import random
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl
from polars.datatypes import DataTypeClass

from tradepose._client._schemas import ENHANCED_OHLCV_SCHEMA, indicator_column_dtype, indicator_column_name
from tradepose.testing._results import FREQ_MS, Period, ResultOptions, parse_period, request_seed, uniform

__all__ = ["enhanced_ohlcv", "on_demand_ohlcv"]


def _synthetic_value(dtype: pl.DataType | DataTypeClass, rng: random.Random, price: float) -> Any:
    if isinstance(dtype, pl.Struct):
        return {field.name: _synthetic_value(field.dtype, rng, price) for field in dtype.fields}
    if isinstance(dtype, pl.List):
        return [_synthetic_value(dtype.inner, rng, price) for _ in range(3)]
    if dtype == pl.String:
        return rng.choice(["normal", "p_shape", "b_shape"])
    if dtype.is_integer():
        return rng.choice([-1, 1]) if dtype == pl.Int32 else rng.randrange(0, 50)
    return round(price * (0.95 + 0.1 * rng.random()), 6)


def _indicator_columns(
    frame: pl.DataFrame, specs: Sequence[Mapping[str, Any]], instrument: str, seed: int
) -> pl.DataFrame:
    closes = frame["close"].to_list()
    columns = []
    for position, spec in enumerate(specs):
        filled = dict(spec)
        filled.setdefault("instrument", instrument)
        name = indicator_column_name(filled)
        if name in frame.columns:
            continue
        dtype = indicator_column_dtype(spec["indicator"])
        rng = random.Random(f"{seed}\x00{position}")
        values = [_synthetic_value(dtype, rng, close) for close in closes]
        columns.append(pl.Series(name, values, dtype=dtype))
    return frame.with_columns(columns) if columns else frame


def _bars(period: Period, freq_ms: int, seed: int, limit: int) -> pl.DataFrame:
    count = max(1, min(limit, (period.end_ms - period.start_ms + freq_ms - 1) // freq_ms))
    i = pl.int_range(0, count, dtype=pl.Int64)
    drift = (uniform(i, seed, 20) - 0.5) * 2.0
    close = 100.0 + drift.cum_sum()
    spread = 0.2 + uniform(i, seed, 21)
    return pl.select(
        idx=i,
        ts=(pl.lit(period.start_ms) + i * freq_ms).cast(pl.Datetime("ms")),
        open=close - drift * 0.5,
        high=close + spread,
        low=close - spread,
        close=close,
        volume=(1_000.0 + 9_000.0 * uniform(i, seed, 22)).round(0),
    )


def _enhanced_fixed_columns(bars: pl.DataFrame, seed: int, strategy: str, blueprint: str) -> pl.DataFrame:
    i = pl.col("idx")
    entry = uniform(i, seed, 30) < 0.05
    exit_ = uniform(i, seed, 31) < 0.05
    position = (entry.cast(pl.Int64).cum_sum()).alias("pos")
    base_ctx = pl.struct(
        bars_in_position=(i % 10),
        highest_since_entry=pl.col("high"),
        lowest_since_entry=pl.col("low"),
        position_entry_price=pl.col("open"),
    )

    def advanced(side: str, signal: pl.Expr) -> list[pl.Expr]:
        return [
            (pl.col("close") * 0.999).alias(f"advanced_favorable_{side}_hypo_price"),
            (pl.col("close") * 1.001).alias(f"advanced_adverse_{side}_hypo_price"),
            pl.col("close").alias(f"advanced_neutral_{side}_hypo_price"),
            pl.lit(1, pl.Int64).alias(f"advanced_favorable_{side}_strategy"),
            pl.lit(2, pl.Int64).alias(f"advanced_adverse_{side}_strategy"),
            pl.lit(0, pl.Int64).alias(f"advanced_neutral_{side}_strategy"),
            pl.when(signal).then(pl.col("close")).alias(f"advanced_{side}_price"),
            pl.when(signal).then(pl.lit(0, pl.Int64)).alias(f"advanced_{side}_strategy"),
            pl.lit(False).alias(f"is_{side}_gap_filled"),
            signal.alias(f"advanced_cleaned_{side}_signal"),
            position.alias(f"advanced_{side}_position_id"),
            pl.struct(
                bars_since_advanced_entry=(i % 7),
                highest_since_advanced_entry=pl.col("high"),
                lowest_since_advanced_entry=pl.col("low"),
                position_entry_price=pl.col("open"),
            ).alias(f"advanced_{side}_trading_context"),
        ]

    frame = bars.with_columns(
        gap_type=pl.lit(0, pl.Int64),
        gap_points=pl.lit(0.0),
        gap_range_min=pl.col("low"),
        gap_range_max=pl.col("high"),
        entry_signal=entry,
        exit_signal=exit_,
        cleaned_entry_signal=entry,
        cleaned_exit_signal=exit_,
        base_entry_price=pl.when(entry).then(pl.col("close")),
        base_entry_strategy=pl.when(entry).then(pl.lit(0, pl.Int64)),
        base_exit_price=pl.when(exit_).then(pl.col("close")),
        base_exit_strategy=pl.when(exit_).then(pl.lit(3, pl.Int64)),
        base_position_id=position,
        base_trading_context=base_ctx,
    ).with_columns(
        *advanced("entry", entry),
        *advanced("exit", exit_),
        is_entry_valid=pl.lit(True),
        entry_rejection_reason=pl.lit(None, pl.String),
        validated_entry_signal=entry,
        validated_exit_signal=exit_,
        final_position_id=position,
        final_trading_context=base_ctx,
        strategy_name=pl.lit(strategy, pl.String),
        blueprint_name=pl.lit(blueprint, pl.String),
    )
    return frame.select(ENHANCED_OHLCV_SCHEMA.names()).cast(ENHANCED_OHLCV_SCHEMA)


def _write_parquet_bytes(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd")
    return buffer.getvalue()


def enhanced_ohlcv(request: Mapping[str, Any], options: ResultOptions) -> bytes:
    """Enhanced OHLCV Parquet (§5.3) for the requested (or first) strategy and blueprint."""
    configs = list(request.get("strategy_configs") or [])
    wanted = request.get("strategy_name")
    config = next((c for c in configs if c.get("name") == wanted), configs[0] if configs else None)
    seed = request_seed(request)
    if config is None:
        return _write_parquet_bytes(pl.DataFrame(schema=ENHANCED_OHLCV_SCHEMA))
    blueprint = request.get("blueprint_name") or config["base_blueprint"]["name"]
    period = parse_period(request.get("start_date"), request.get("end_date"))
    freq_ms = FREQ_MS.get(str(config.get("base_freq")), 3_600_000)
    bars = _bars(period, freq_ms, seed, options.max_ohlcv_bars)
    frame = _enhanced_fixed_columns(bars, seed, str(config["name"]), str(blueprint))
    specs = config.get("indicators") or []
    return _write_parquet_bytes(_indicator_columns(frame, specs, str(config["base_instrument"]), seed))


def on_demand_ohlcv(request: Mapping[str, Any], options: ResultOptions) -> bytes:
    """On-demand OHLCV Parquet: ts, open, high, low, close, volume plus one column per indicator."""
    configs = list(request.get("strategy_configs") or [])
    instrument = request.get("base_instrument") or (configs[0]["base_instrument"] if configs else "UNKNOWN")
    freq = request.get("base_freq") or (configs[0]["base_freq"] if configs else "1h")
    specs = request.get("indicator_specs")
    if specs is None:
        specs = configs[0].get("indicators") or [] if configs else []
    seed = request_seed(request)
    period = parse_period(request.get("start_date"), request.get("end_date"))
    bars = _bars(period, FREQ_MS.get(str(freq), 3_600_000), seed, options.max_ohlcv_bars).drop("idx")
    return _write_parquet_bytes(_indicator_columns(bars, specs, str(instrument), seed))
