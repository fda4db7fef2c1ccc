"""Runs inside .venv-ref (Python 3.13, tradepose-client 1.5.0): a BatchTester backtest against a URL.

Usage: python reference_driver.py URL API_KEY OUT_DIR. Submits 2 strategies x 2 periods (Q1 and Q2
2024), waits, writes each completed period's trades/performance as Parquet under OUT_DIR/<period
key>/, and prints a JSON summary on stdout. Strategies are built as plain dicts validated by the
reference client's own StrategyConfig, with expressions from the Polars in that venv.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polars as pl
from tradepose_client.batch import BatchTester, Period
from tradepose_models.strategy import StrategyConfig


def _expr(expression: pl.Expr) -> dict[str, object]:
    return json.loads(expression.meta.serialize(format="json"))


def _trigger(name: str, order_strategy: str) -> dict[str, object]:
    return {
        "name": name,
        "order_strategy": order_strategy,
        "priority": 1,
        "conditions": [_expr(pl.col("close") > pl.col("open"))],
        "price_expr": _expr(pl.col("close")),
    }


def _strategy(name: str, instrument: str) -> StrategyConfig:
    return StrategyConfig.model_validate(
        {
            "name": name,
            "base_instrument": instrument,
            "base_freq": "1h",
            "volatility_indicator": {"Column": f"{instrument}_1D_ATR|14"},
            "indicators": [{"instrument": instrument, "freq": "1D", "indicator": {"type": "ATR", "period": 14}}],
            "base_blueprint": {
                "name": "base",
                "direction": "Long",
                "trend_type": "Trend",
                "entry_first": True,
                "entry_triggers": [_trigger("entry", "ImmediateEntry")],
                "exit_triggers": [_trigger("exit", "ImmediateExit")],
            },
            "advanced_blueprints": [],
        }
    )


def main() -> int:
    url, api_key, out_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    tester = BatchTester(api_key=api_key, server_url=url, poll_interval=0.2)
    strategies = [_strategy("ref_btc", "BTCUSDT"), _strategy("ref_eth", "ETHUSDT")]
    batch = tester.submit(strategies=strategies, periods=[Period.Q1(2024), Period.Q2(2024)])
    batch.wait(timeout=60)
    summary = []
    for period in batch.periods:
        entry = {
            "key": period.period_str,
            "task_id": period.task_id,
            "status": int(period.status),
            "error": period.error,
        }
        trades, performance = period.trades, period.performance
        if trades is not None and performance is not None:
            target = out_dir / period.period_str
            target.mkdir(parents=True, exist_ok=True)
            trades.write_parquet(target / "trades.parquet")
            performance.write_parquet(target / "performance.parquet")
            entry["rows"] = trades.height
        summary.append(entry)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
