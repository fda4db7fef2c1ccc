"""Write the three example strategies used by `make demo` as wire-format JSON files.

    python examples/build_strategies.py

Shows the fluent builders: indicators by type, trigger conditions as Polars expressions.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from tradepose import BlueprintBuilder, StrategyBuilder

OUT = Path(__file__).with_name("strategies")


def ma_cross() -> StrategyBuilder:
    builder = StrategyBuilder("ma_cross", "BTCUSDT", "1h", note="Fast SMA above slow SMA, long only")
    atr = builder.add_indicator("ATR", period=14)
    fast, slow = builder.add_indicator("SMA", period=10), builder.add_indicator("SMA", period=40)
    builder.set_volatility_indicator(atr)
    return builder.set_base_blueprint(
        BlueprintBuilder("trend_long", "Long", "Trend")
        .add_entry_trigger("fast_above", conditions=[fast.col > slow.col], price_expr=pl.col("open"))
        .add_exit_trigger(
            "fast_below", conditions=[fast.col < slow.col], price_expr=pl.col("open"), order_strategy="ImmediateExit"
        )
        .build()
    )


def supertrend() -> StrategyBuilder:
    builder = StrategyBuilder("supertrend", "ETHUSDT", "4h", note="SuperTrend direction flips, both sides")
    atr = builder.add_indicator("ATR", period=14)
    st = builder.add_indicator("SuperTrend", multiplier=3.0, volatility_column=atr.name)
    builder.set_volatility_indicator(atr)
    return builder.set_base_blueprint(
        BlueprintBuilder("flip", "Both", "Trend")
        .add_entry_trigger("up", conditions=[st.field("direction") == 1], price_expr=pl.col("open"))
        .add_exit_trigger(
            "down", conditions=[st.field("direction") == -1], price_expr=pl.col("open"), order_strategy="ImmediateExit"
        )
        .build()
    )


def rsi_reversal() -> StrategyBuilder:
    builder = StrategyBuilder("rsi_reversal", "BTCUSDT", "15min", note="Buy oversold, sell overbought")
    atr = builder.add_indicator("ATR", period=14)
    rsi = builder.add_indicator("RSI", period=14)
    builder.set_volatility_indicator(atr)
    return builder.set_base_blueprint(
        BlueprintBuilder("oversold", "Long", "Reversal")
        .add_entry_trigger("rsi_low", conditions=[rsi.col < 30], price_expr=pl.col("close"))
        .add_exit_trigger(
            "rsi_high", conditions=[rsi.col > 70], price_expr=pl.col("close"), order_strategy="ImmediateExit"
        )
        .build()
    )


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for make in (ma_cross, supertrend, rsi_reversal):
        config = make().build()
        path = OUT / f"{config.name}.json"
        path.write_text(json.dumps(config.to_dict(), indent=2) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
