"""JSON results of the local gateway: latest trades, validation, and rows for the trades table.

Each is derived from the same deterministic trade generation as the Parquet results (`_results.py`),
so a latest-trades answer agrees with the backtest of the same request.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from datetime import UTC
from pathlib import Path
from typing import Any, Final

import polars as pl

from tradepose.testing._results import ResultOptions, iter_trade_chunks

MAX_LATEST_TRADES: Final = 1_000


def latest_trade_count(request: Mapping[str, Any]) -> int:
    """Trades per (strategy, blueprint) for a latest-trades export: `trade_count` (default 2, at most 1,000)."""
    return max(1, min(int(request.get("trade_count") or 2), MAX_LATEST_TRADES))


def latest_trades(request: Mapping[str, Any]) -> dict[str, Any]:
    """Latest-trades JSON: `latest_trade_count(request)` trades per (strategy, blueprint).

    They are the trades of the same request's Parquet result; the most recent one of each
    blueprint is reported still open (`status` true, no exit).
    """
    count = latest_trade_count(request)
    frames = list(iter_trade_chunks(request, ResultOptions(trades_per_blueprint=count)))
    trades: list[dict[str, Any]] = []
    for frame in frames:
        tail = frame.tail(count).to_dicts()
        for position, row in enumerate(tail):
            is_open = position == len(tail) - 1
            trades.append(
                {
                    "strategy_name": row["strategy_name"],
                    "blueprint_name": row["blueprint_name"],
                    "direction": row["direction"],
                    "status": is_open,
                    "entry_time": row["entry_time"].replace(tzinfo=UTC).isoformat(),
                    "entry_price": row["entry_price"],
                    "exit_time": None if is_open else row["exit_time"].replace(tzinfo=UTC).isoformat(),
                    "exit_price": None if is_open else row["exit_price"],
                    "pnl": None if is_open else row["pnl"],
                }
            )
    return {"trades": trades}


def _expression_error(expression: Any) -> str | None:
    """Why a Polars-expression JSON value does not deserialise, or None if it does."""
    text = expression if isinstance(expression, str) else json.dumps(expression)
    try:
        pl.Expr.deserialize(io.StringIO(text), format="json")
    except Exception as error:  # noqa: BLE001 - Polars raises several exception types for bad input
        return f"invalid Polars expression: {error}"
    return None


def validation_result(request: Mapping[str, Any]) -> dict[str, Any]:
    """Validation JSON: deserialises every trigger condition, price expression and volatility indicator."""
    errors: list[dict[str, Any]] = []
    validated: list[str] = []
    for config in request.get("strategy_configs") or []:
        name = str(config.get("name"))
        found: list[dict[str, Any]] = []
        checks: list[tuple[str, Any]] = []
        if config.get("volatility_indicator") is not None:
            checks.append(("volatility_indicator", config["volatility_indicator"]))
        blueprints = [("base_blueprint", config.get("base_blueprint") or {})]
        blueprints += [
            (f"advanced_blueprints[{n}]", bp) for n, bp in enumerate(config.get("advanced_blueprints") or [])
        ]
        for prefix, blueprint in blueprints:
            for side in ("entry_triggers", "exit_triggers"):
                for t, trigger in enumerate(blueprint.get(side) or []):
                    path = f"{prefix}.{side}[{t}]"
                    for c, condition in enumerate(trigger.get("conditions") or []):
                        checks.append((f"{path}.conditions[{c}]", condition))
                    checks.append((f"{path}.price_expr", trigger.get("price_expr")))
        for field_path, expression in checks:
            message = _expression_error(expression)
            if message is not None:
                found.append({"strategy_name": name, "field_path": field_path, "message": message})
        errors.extend(found)
        if not found:
            validated.append(name)
    return {"valid": not errors, "validated_strategies": validated, "errors": errors}


def persisted_trades(trades_path: Path, instrument_of: Mapping[str, str], limit: int) -> list[dict[str, Any]]:
    """Rows for the `/api/v1/trades` table from a trades file (at most `limit`)."""
    frame = pl.scan_parquet(trades_path).head(limit).collect()
    rows = []
    for row in frame.iter_rows(named=True):
        rows.append(
            {
                "strategy_name": row["strategy_name"],
                "blueprint_name": row["blueprint_name"],
                "instrument": instrument_of.get(row["strategy_name"], ""),
                "direction": "Long" if row["direction"] > 0 else "Short",
                "entry_time": row["entry_time"].replace(tzinfo=UTC),
                "exit_time": row["exit_time"].replace(tzinfo=UTC),
                "entry_price": row["entry_price"],
                "exit_price": row["exit_price"],
                "quantity": "1",
                "pnl": row["pnl"],
                "pnl_pct": row["pnl_pct"],
                "mae": row["mae"],
                "mfe": row["mfe"],
                "has_entry_signal": True,
                "has_exit_signal": True,
            }
        )
    return rows
