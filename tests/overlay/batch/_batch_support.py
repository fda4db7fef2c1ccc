"""Strategies and helpers shared by the BatchTester tests."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import polars as pl

from tradepose import BlueprintBuilder, StrategyBuilder


def strategy(name: str, *, instrument: str = "BTCUSDT", freq: str = "1h") -> dict[str, Any]:
    """A small real strategy in wire format, built with the SDK's own builders."""
    builder = StrategyBuilder(name, instrument, freq)
    atr = builder.add_indicator("ATR", period=14)
    sma = builder.add_indicator("SMA", period=20)
    builder.set_volatility_indicator(atr)
    blueprint = (
        BlueprintBuilder("base", "Long", "Trend")
        .add_entry_trigger("up", conditions=[pl.col("close") > sma.col], price_expr=pl.col("open"))
        .add_exit_trigger(
            "down", conditions=[pl.col("close") < sma.col], price_expr=pl.col("open"), order_strategy="ImmediateExit"
        )
        .build()
    )
    builder.set_base_blueprint(blueprint)
    return copy.deepcopy(builder.build().to_dict())


def socket_count() -> int:
    """Open sockets of this process (Linux /proc), to prove nothing is left open."""
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            if os.readlink(fd).startswith("socket:"):
                count += 1
        except OSError:
            continue
    return count
