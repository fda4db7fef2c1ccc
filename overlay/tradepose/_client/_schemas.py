"""Column schemas of the gateway's Parquet results (gateway-api.md §5), as Polars schemas.

`TRADES_SCHEMA` (46 columns), `PERFORMANCE_SCHEMA` (21 columns) and `ENHANCED_OHLCV_SCHEMA`
(53 fixed columns) list the columns in file order with their exact dtypes. They are generated from
`parquet-schemas.json` (beside openapi.json, the source of truth) into `_parquet_columns.py` by
`make generate`. Enhanced OHLCV results add one column per indicator, named by
`indicator_column_name` (§5.3); its dtype is given by `indicator_column_dtype`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import polars as pl

from ._parquet_columns import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA

__all__ = [
    "ENHANCED_OHLCV_SCHEMA",
    "PERFORMANCE_SCHEMA",
    "TRADES_SCHEMA",
    "indicator_column_dtype",
    "indicator_column_name",
    "indicator_short_name",
]

_MOVING_AVERAGES: Final = frozenset({"SMA", "EMA", "SMMA", "WMA"})
_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_STRUCT_FIELDS: Final[dict[str, tuple[tuple[str, pl.DataType], ...]]] = {
    "SuperTrend": (
        ("direction", pl.Int32()),
        ("supertrend", pl.Float64()),
        ("long", pl.Float64()),
        ("short", pl.Float64()),
    ),
    "MACD": (("macd", pl.Float64()), ("signal", pl.Float64()), ("histogram", pl.Float64())),
    "ADX": (("adx", pl.Float64()), ("plus_di", pl.Float64()), ("minus_di", pl.Float64())),
    "Stochastic": (("k", pl.Float64()), ("d", pl.Float64())),
    "BollingerBands": (
        ("upper", pl.Float64()),
        ("middle", pl.Float64()),
        ("lower", pl.Float64()),
        ("bandwidth", pl.Float64()),
    ),
    "MarketProfile": (
        ("poc", pl.Float64()),
        ("vah", pl.Float64()),
        ("val", pl.Float64()),
        ("value_area", pl.Float64()),
        (
            "tpo_distribution",
            pl.List(
                pl.Struct(
                    [
                        pl.Field("price", pl.Float64()),
                        pl.Field("count", pl.UInt32()),
                        pl.Field("periods", pl.List(pl.String())),
                    ]
                )
            ),
        ),
        ("segment_id", pl.UInt32()),
        ("profile_shape", pl.String()),
    ),
}


def _number(value: Any) -> str:
    """Render a float parameter the way the gateway does (`3` and `3.0` both become `3.0`)."""
    return str(float(value))


def _anchor_label(anchor_config: Mapping[str, Any]) -> str:
    rule = anchor_config.get("end_rule") or {}
    hhmm = f"{int(rule.get('hour', 0)):02d}{int(rule.get('minute', 0)):02d}"
    if rule.get("type") == "WeeklyTime":
        weekday = rule.get("weekday", 0)
        index = _WEEKDAYS.index(weekday) if isinstance(weekday, str) and weekday in _WEEKDAYS else weekday
        return f"W{int(index)}{hhmm}"
    return hhmm


def indicator_short_name(indicator: Mapping[str, Any]) -> str:
    """The `short_name` of an indicator config (the `indicator` object of an IndicatorSpec), §5.3.

    Missing optional parameters take the defaults of openapi.json. Raises `ValueError` for an
    unknown `type`.
    """
    kind = indicator.get("type")
    if kind in _MOVING_AVERAGES:
        return f"{kind}|{indicator['period']}.{indicator.get('column', 'close')}"
    if kind == "ATR":
        return f"ATR|{indicator['period']}"
    if kind == "AtrQuantile":
        quantile = int(float(indicator["quantile"]) * 100)
        return f"ATRQ|{indicator['atr_column']}_Q{quantile}_{indicator['window']}"
    if kind == "SuperTrend":
        return f"ST|{_number(indicator['multiplier'])}x_{indicator['volatility_column']}"
    if kind == "MACD":
        fast, slow = indicator.get("fast_period", 12), indicator.get("slow_period", 26)
        return f"MACD|{fast}_{slow}_{indicator.get('signal_period', 9)}"
    if kind == "ADX":
        return f"ADX|{indicator.get('period', 14)}"
    if kind == "RSI":
        return f"RSI|{indicator.get('period', 14)}.{indicator.get('column', 'close')}"
    if kind == "CCI":
        return f"CCI|{indicator.get('period', 20)}"
    if kind == "Stochastic":
        return f"STOCH|{indicator.get('k_period', 14)}_{indicator.get('d_period', 3)}"
    if kind == "BollingerBands":
        return f"BB|{indicator.get('period', 20)}_{_number(indicator.get('num_std', 2.0))}"
    if kind == "MarketProfile":
        anchor = indicator.get("anchor_config") or {}
        lookback = anchor.get("lookback_days", 1)
        tick = float(indicator["tick_size"])
        tick_label = str(int(tick)) if tick == int(tick) else str(tick)
        return f"MP|{_anchor_label(anchor)}_{lookback}_{tick_label}"
    if kind == "RawOhlcv":
        return str(indicator["column"])
    raise ValueError(f"unknown indicator type: {kind!r}")


def indicator_column_name(spec: Mapping[str, Any]) -> str:
    """The result column of an IndicatorSpec: `{instrument}_{freq}_{short_name}[_s{shift}]` (§5.3).

    The instrument part is left out when the spec has none; `_s{shift}` is appended only when
    shift is not 1. Example: `{"instrument": "BTCUSDT", "freq": "1D", "indicator": {"type": "ATR",
    "period": 14}}` gives `BTCUSDT_1D_ATR|14`.
    """
    parts = [str(spec["instrument"])] if spec.get("instrument") else []
    parts += [str(spec["freq"]), indicator_short_name(spec["indicator"])]
    name = "_".join(parts)
    shift = int(spec.get("shift", 1))
    return name if shift == 1 else f"{name}_s{shift}"


def indicator_column_dtype(indicator: Mapping[str, Any]) -> pl.DataType:
    """The dtype of an indicator column: Float64, or a Struct (optionally narrowed by `fields`)."""
    fields = _STRUCT_FIELDS.get(str(indicator.get("type")))
    if fields is None:
        return pl.Float64()
    wanted = indicator.get("fields")
    chosen = [(name, dtype) for name, dtype in fields if not wanted or name in wanted]
    return pl.Struct([pl.Field(name, dtype) for name, dtype in chosen or fields])
