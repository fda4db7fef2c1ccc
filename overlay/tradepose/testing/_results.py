"""Deterministic result generation for the local gateway (gateway-api.md §3.4 and §5).

Every value is a pure function of the export request: a 64-bit seed is drawn from a
`random.Random` keyed by the canonical JSON of the request, and columns are filled by a
vectorised splitmix64 mixer over the row index, so the same request gives byte-identical
Parquet files and trade sets of any size can be written in row groups without holding them.
"""

from __future__ import annotations

import hashlib
import json
import random
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from tradepose._client._schemas import (
    PERFORMANCE_SCHEMA,
    TRADES_SCHEMA,
)

_U64: Final = pl.UInt64
_GOLDEN: Final = 0x9E3779B97F4A7C15
_MASK: Final = (1 << 64) - 1
_CHUNK_ROWS: Final = 100_000
_ZIP_DATE: Final = (1980, 1, 1, 0, 0, 0)
DEFAULT_PERIOD_DAYS: Final = 90
FREQ_MS: Final[dict[str, int]] = {
    "1min": 60_000,
    "5min": 300_000,
    "15min": 900_000,
    "30min": 1_800_000,
    "1h": 3_600_000,
    "4h": 14_400_000,
    "1D": 86_400_000,
    "1W": 604_800_000,
    "1M": 2_592_000_000,
}
_ORDER_CODES: Final[dict[str, int]] = {
    "ImmediateEntry": 0,
    "FavorableDelayEntry": 1,
    "AdverseDelayEntry": 2,
    "ImmediateExit": 3,
    "StopLoss": 4,
    "TakeProfit": 5,
    "TrailingStop": 6,
    "Breakeven": 7,
    "TimeoutExit": 8,
}


@dataclass(frozen=True, slots=True)
class ResultOptions:
    """Sizes of generated results.

    `trades_per_blueprint` trades are generated for every (strategy, blueprint) unless
    `total_trades` is set, which spreads that many trades over all of them (use 1_000_000 for
    benchmarks). Enhanced and on-demand OHLCV stop after `max_ohlcv_bars` bars.
    """

    trades_per_blueprint: int = 24
    total_trades: int | None = None
    max_ohlcv_bars: int = 2_000


@dataclass(frozen=True, slots=True)
class Period:
    """A half-open export period in epoch milliseconds (UTC)."""

    start_ms: int
    end_ms: int


def _parse_instant(value: str) -> datetime:
    text = value.strip().replace("Z", "+00:00")
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_period(start_date: str | None, end_date: str | None) -> Period:
    """The period of an export request; raises `ValueError` for an unparseable date.

    A missing start is 2024-01-01, a missing end is start + 90 days; an end on or before the
    start becomes start + 1 day so every (strategy, blueprint) still gets rows.
    """
    start = _parse_instant(start_date) if start_date else datetime(2024, 1, 1, tzinfo=UTC)
    end = _parse_instant(end_date) if end_date else start + timedelta(days=DEFAULT_PERIOD_DAYS)
    if end <= start:
        end = start + timedelta(days=1)
    return Period(int(start.timestamp() * 1000), int(end.timestamp() * 1000))


def request_seed(request: Mapping[str, Any]) -> int:
    """A 64-bit seed drawn from the canonical JSON of the request."""
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return random.Random(digest).getrandbits(64)


def _mix(x: pl.Expr) -> pl.Expr:
    x = x ^ (x // pl.lit(1 << 30, _U64))
    x = x * pl.lit(0xBF58476D1CE4E5B9, _U64)
    x = x ^ (x // pl.lit(1 << 27, _U64))
    x = x * pl.lit(0x94D049BB133111EB, _U64)
    return x ^ (x // pl.lit(1 << 31, _U64))


def uniform(index: pl.Expr, seed: int, stream: int) -> pl.Expr:
    """Uniform [0, 1) floats, one per row index, independent per (seed, stream)."""
    offset = (seed ^ ((stream + 1) * _GOLDEN)) & _MASK
    mixed = _mix(index.cast(_U64) * pl.lit(_GOLDEN, _U64) + pl.lit(offset, _U64))
    return (mixed // pl.lit(1 << 11, _U64)).cast(pl.Float64) / float(1 << 53)


@dataclass(frozen=True, slots=True)
class _Blueprint:
    strategy: str
    name: str
    instrument: str
    freq_ms: int
    direction: int  # 1 long, -1 short, 0 both
    advanced: bool
    entry_code: int
    exit_code: int
    seed: int


def _blueprints(request: Mapping[str, Any], seed: int) -> list[_Blueprint]:
    found: list[_Blueprint] = []
    for config in request.get("strategy_configs") or []:
        blueprints = [(config["base_blueprint"], False)]
        blueprints += [(bp, True) for bp in config.get("advanced_blueprints") or []]
        for blueprint, advanced in blueprints:
            direction = {"Long": 1, "Short": -1}.get(str(blueprint.get("direction")), 0)
            entries = blueprint.get("entry_triggers") or [{}]
            exits = blueprint.get("exit_triggers") or [{}]
            key = f"{config['name']}\x00{blueprint['name']}"
            found.append(
                _Blueprint(
                    strategy=str(config["name"]),
                    name=str(blueprint["name"]),
                    instrument=str(config.get("base_instrument", "")),
                    freq_ms=FREQ_MS.get(str(config.get("base_freq")), 3_600_000),
                    direction=direction,
                    advanced=advanced,
                    entry_code=_ORDER_CODES.get(str(entries[0].get("order_strategy")), 0),
                    exit_code=_ORDER_CODES.get(str(exits[0].get("order_strategy")), 3),
                    seed=random.Random(f"{seed}\x00{key}").getrandbits(64),
                )
            )
    return found


def _trade_counts(blueprints: Sequence[_Blueprint], period: Period, options: ResultOptions) -> list[int]:
    most = max(1, (period.end_ms - period.start_ms) // 8)
    if options.total_trades is None:
        return [min(options.trades_per_blueprint, most) for _ in blueprints]
    share, extra = divmod(options.total_trades, max(1, len(blueprints)))
    return [min(share + (1 if i < extra else 0), most) for i in range(len(blueprints))]


def _trade_frame(bp: _Blueprint, period: Period, count: int, first: int, rows: int) -> pl.DataFrame:
    """Trades `first` .. `first + rows` of `count` for one blueprint: one per equal slot of the period."""
    span = period.end_ms - period.start_ms
    i = pl.int_range(first, first + rows, dtype=pl.Int64)
    u = [uniform(i, bp.seed, stream) for stream in range(12)]
    slot_start = pl.lit(period.start_ms) + (i * span) // count
    slot_len = ((i + 1) * span) // count - (i * span) // count
    entry_ms = slot_start + (u[0] * 0.25 * slot_len).cast(pl.Int64)
    exit_ms = entry_ms + pl.max_horizontal(pl.lit(1), ((0.2 + 0.5 * u[1]) * slot_len).cast(pl.Int64))
    if bp.direction:
        direction = pl.lit(bp.direction, pl.Int32)
    else:
        direction = pl.when(u[2] < 0.5).then(pl.lit(1, pl.Int32)).otherwise(pl.lit(-1, pl.Int32))
    base_price = 100.0 + (bp.seed % 9_000) / 10.0
    ret = (u[3] - 0.45) * 0.04
    frame = pl.select(
        entry_ms=entry_ms,
        exit_ms=exit_ms,
        direction=direction,
        entry_price=base_price * (0.8 + 0.4 * u[4]),
        ret=ret,
        mae_frac=u[5] * 0.02,
        mfe_extra=u[6] * 0.01,
        g_extra=u[7] * 0.5,
        pos_a=u[8],
        pos_b=u[9],
        vol=u[10],
        adv=u[11],
    )
    bar = bp.freq_ms
    entry_idx = ((pl.col("entry_ms") - period.start_ms) // bar).cast(pl.UInt32)
    exit_idx = ((pl.col("exit_ms") - period.start_ms) // bar).cast(pl.UInt32)
    between_a = entry_idx + ((exit_idx - entry_idx).cast(pl.Float64) * pl.col("pos_a")).cast(pl.UInt32)
    between_b = entry_idx + ((exit_idx - entry_idx).cast(pl.Float64) * pl.col("pos_b")).cast(pl.UInt32)
    entry_price = pl.col("entry_price")
    exit_price = entry_price * (1 + pl.col("direction").cast(pl.Float64) * pl.col("ret"))
    mae = entry_price * pl.col("mae_frac")
    mfe = entry_price * (pl.max_horizontal(pl.col("ret"), pl.lit(0.0)) + pl.col("mfe_extra"))
    volatility = entry_price * 0.01 * (1 + pl.col("vol"))
    u32 = pl.UInt32
    out = frame.select(
        direction=pl.col("direction"),
        status=pl.lit(False),
        entry_idx=entry_idx,
        entry_time=pl.col("entry_ms").cast(pl.Datetime("ms")),
        entry_price=entry_price,
        entry_reason=pl.lit(bp.entry_code, u32),
        favorable_entry_hypo_price=entry_price * 0.999,
        adverse_entry_hypo_price=entry_price * 1.001,
        favorable_entry_strategy=pl.lit(1, u32),
        adverse_entry_strategy=pl.lit(2, u32),
        neutral_entry_strategy=pl.lit(0, u32),
        exit_idx=exit_idx,
        exit_time=pl.col("exit_ms").cast(pl.Datetime("ms")),
        exit_price=exit_price,
        exit_reason=pl.lit(bp.exit_code, u32),
        favorable_exit_hypo_price=exit_price * 1.001,
        adverse_exit_hypo_price=exit_price * 0.999,
        favorable_exit_strategy=pl.lit(5, u32),
        adverse_exit_strategy=pl.lit(4, u32),
        neutral_exit_strategy=pl.lit(3, u32),
        holding_seconds=(pl.col("exit_ms") - pl.col("entry_ms")) // 1000,
        holding_bars=exit_idx - entry_idx,
        g_mfe=mfe * (1 + pl.col("g_extra")),
        mae=mae,
        mfe=mfe,
        mae_lv1=mae * 0.5,
        mhl=mae + mfe,
        g_mfe_idx=between_b,
        mae_idx=between_a,
        mfe_idx=between_b,
        mae_lv1_idx=between_a,
        mhl_idx=between_b,
        entry_volatility=volatility,
        exit_volatility=volatility * 1.05,
        g_mfe_volatility=volatility * 1.02,
        mae_volatility=volatility * 0.98,
        mfe_volatility=volatility * 1.01,
        mae_lv1_volatility=volatility * 0.99,
        mhl_volatility=volatility,
        base_entry_time=pl.col("entry_ms").cast(pl.Datetime("ms")),
        base_entry_price=entry_price,
        is_adv_triggered=pl.lit(bp.advanced) & (pl.col("adv") < 0.5),
        pnl=entry_price * pl.col("ret"),
        pnl_pct=pl.col("ret") * 100.0,
        strategy_name=pl.lit(bp.strategy, pl.String),
        blueprint_name=pl.lit(bp.name, pl.String),
    )
    return out.cast(TRADES_SCHEMA)


def iter_trade_chunks(
    request: Mapping[str, Any], options: ResultOptions, chunk_rows: int = _CHUNK_ROWS
) -> Iterator[pl.DataFrame]:
    """The trades of a backtest request in row-group sized frames, in (strategy, blueprint) order."""
    period = parse_period(request.get("start_date"), request.get("end_date"))
    blueprints = _blueprints(request, request_seed(request))
    for bp, count in zip(blueprints, _trade_counts(blueprints, period, options), strict=True):
        for first in range(0, count, chunk_rows):
            yield _trade_frame(bp, period, count, first, min(chunk_rows, count - first))


def write_trades(path: Path, request: Mapping[str, Any], options: ResultOptions) -> int:
    """Write the trades Parquet file in row groups (constant memory); returns the row count."""
    rows = 0
    writer: pq.ParquetWriter | None = None
    try:
        for chunk in iter_trade_chunks(request, options):
            table = chunk.to_arrow()
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            writer.write_table(table)
            rows += chunk.height
        if writer is None:
            pl.DataFrame(schema=TRADES_SCHEMA).write_parquet(path)
    finally:
        if writer is not None:
            writer.close()
    return rows


def performance_frame(trades: pl.LazyFrame, order: Sequence[tuple[str, str]]) -> pl.DataFrame:
    """Performance rows (§5.2) computed from the trades, one per (strategy, blueprint, metric)."""
    frames = []
    for metric in ("pnl", "pnl_pct"):
        value = pl.col(metric)
        mae_pct = pl.col("mae") / pl.col("entry_price") * 100.0
        gross_win = value.filter(value > 0).sum()
        gross_loss = -value.filter(value < 0).sum()
        wins = (value > 0).mean()
        mean = value.mean()
        std = value.std()
        downside = value.filter(value < 0).std()
        equity = value.cum_sum()
        drawdown = (equity.cum_max().clip(lower_bound=0.0) - equity).max()
        avg_win = value.filter(value > 0).mean()
        avg_loss = -value.filter(value < 0).mean()
        payoff = avg_win / avg_loss
        frame = (
            trades.sort("entry_time")
            .group_by("strategy_name", "blueprint_name")
            .agg(
                metric_type=pl.lit(metric),
                trades=pl.len().cast(pl.UInt32),
                win_ratio=wins,
                first_entry_time=pl.col("entry_time").min(),
                last_entry_time=pl.col("entry_time").max(),
                last_exit_time=pl.col("exit_time").max(),
                total=value.sum(),
                expect_payoff=mean,
                pnl_std=std,
                profit_factor=gross_win / gross_loss,
                sharpe_ratio=mean / std,
                sortino_ratio=mean / downside,
                recovery_factor=value.sum() / drawdown,
                risk_mae_pct_p75=mae_pct.quantile(0.75),
                risk_mae_pct_conservative=mae_pct.quantile(0.9),
                risk_mae_pct_p95=mae_pct.quantile(0.95),
                g_mfe_after_mae_pct=(pl.col("g_mfe") / pl.col("entry_price") * 100.0).mean(),
                kelly=wins - (1 - wins) / payoff,
                sqn=pl.len().cast(pl.Float64).sqrt() * mean / std,
            )
        )
        frames.append(frame)
    keys = pl.LazyFrame(
        {
            "strategy_name": [s for s, _ in order],
            "blueprint_name": [b for _, b in order],
            "_order": list(range(len(order))),
        },
        schema={"strategy_name": pl.String, "blueprint_name": pl.String, "_order": pl.Int64},
    )
    combined = pl.concat(frames).join(keys, on=["strategy_name", "blueprint_name"], how="left")
    result = combined.sort("_order", "metric_type").drop("_order").collect()
    return result.select(PERFORMANCE_SCHEMA.names()).cast(PERFORMANCE_SCHEMA)


def blueprint_order(request: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(strategy, blueprint) pairs of the request in request order."""
    return [(bp.strategy, bp.name) for bp in _blueprints(request, 0)]


def write_backtest(directory: Path, request: Mapping[str, Any], options: ResultOptions) -> dict[str, Path]:
    """Write trades.parquet and performance.parquet for a backtest; returns their paths.

    Trades go to disk in row groups; performance is computed from a lazy scan of the few
    columns it needs, so a million-trade result never sits in memory whole.
    """
    trades_path = directory / "trades.parquet"
    performance_path = directory / "performance.parquet"
    write_trades(trades_path, request, options)
    columns = ["strategy_name", "blueprint_name", "entry_time", "exit_time", "entry_price", "mae", "g_mfe"]
    lazy = pl.scan_parquet(trades_path).select([*columns, "pnl", "pnl_pct"])
    performance_frame(lazy, blueprint_order(request)).write_parquet(performance_path, compression="zstd")
    return {"trades": trades_path, "performance": performance_path}


def write_zip(target: Path, *members: Path) -> None:
    """Write a stored (uncompressed) ZIP of `members` with fixed timestamps, streaming each file."""
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=_ZIP_DATE)
            with archive.open(info, "w", force_zip64=True) as out, member.open("rb") as source:
                while block := source.read(1 << 20):
                    out.write(block)
    partial.replace(target)
