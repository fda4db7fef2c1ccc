"""Request bodies and small helpers shared by the LocalGateway tests."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import polars as pl

CONDITION = json.loads((pl.col("close") > pl.col("open")).meta.serialize(format="json"))
PRICE = json.loads(pl.col("close").meta.serialize(format="json"))
BROKEN_EXPRESSION = {"NotAnExpression": {"left": 1}}


def trigger(name: str, order_strategy: str, condition: Any = CONDITION) -> dict[str, Any]:
    """A trigger with one condition and the close as price."""
    return {
        "name": name,
        "order_strategy": order_strategy,
        "priority": 1,
        "conditions": [condition],
        "price_expr": PRICE,
    }


def strategy(name: str, instrument: str = "BTCUSDT", freq: str = "1h") -> dict[str, Any]:
    """A StrategyConfig body: base blueprint, one advanced blueprint, two indicators."""
    return {
        "name": name,
        "base_instrument": instrument,
        "base_freq": freq,
        "note": "",
        "volatility_indicator": {"Column": f"{instrument}_1D_ATR|14"},
        "indicators": [
            {"instrument": instrument, "freq": "1D", "shift": 1, "indicator": {"type": "ATR", "period": 14}},
            {
                "instrument": instrument,
                "freq": "1D",
                "shift": 2,
                "indicator": {"type": "SuperTrend", "multiplier": 3.0, "volatility_column": "ATR"},
            },
        ],
        "base_blueprint": {
            "name": "base",
            "direction": "Long",
            "trend_type": "Trend",
            "entry_first": True,
            "entry_triggers": [trigger("entry", "ImmediateEntry")],
            "exit_triggers": [trigger("exit", "ImmediateExit")],
        },
        "advanced_blueprints": [
            {
                "name": "adv",
                "direction": "Short",
                "trend_type": "Range",
                "entry_first": True,
                "entry_triggers": [trigger("delay", "FavorableDelayEntry")],
                "exit_triggers": [trigger("stop", "StopLoss")],
            }
        ],
    }


def export(strategies: list[dict[str, Any]], export_type: int = 0, **fields: Any) -> dict[str, Any]:
    """An ExportRequest body over Q1 2024 unless dates are given."""
    body: dict[str, Any] = {
        "strategy_configs": strategies,
        "export_type": export_type,
        "persist_mode": 0,
        "start_date": "2024-01-01T00:00:00",
        "end_date": "2024-03-31T00:00:00",
    }
    body.update(fields)
    return body


def wait_for_task(client: httpx.Client, task_id: str, polls: int = 2_000, interval: float = 0.002) -> dict[str, Any]:
    """Poll the status until it is 2 or 3 (bounded: at most `polls` polls `interval` seconds apart)."""
    for _ in range(polls):
        response = client.get(f"/api/v1/tasks/{task_id}")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        if body["status"] in (2, 3):
            return body
        time.sleep(interval)
    raise AssertionError(f"task {task_id} did not finish")
