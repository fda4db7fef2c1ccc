"""GENERATED from parquet-schemas.json by tools/generate.py (`make generate`): do not edit.

The column schemas of the gateway's Parquet results, in file order (gateway-api.md §5).
"""

from __future__ import annotations

from typing import Final

import polars as pl

__all__ = ["ENHANCED_OHLCV_SCHEMA", "PERFORMANCE_SCHEMA", "TRADES_SCHEMA"]

TRADES_SCHEMA: Final[pl.Schema] = pl.Schema(
    [
        ("direction", pl.Int32()),
        ("status", pl.Boolean()),
        ("entry_idx", pl.UInt32()),
        ("entry_time", pl.Datetime(time_unit="ms", time_zone=None)),
        ("entry_price", pl.Float64()),
        ("entry_reason", pl.UInt32()),
        ("favorable_entry_hypo_price", pl.Float64()),
        ("adverse_entry_hypo_price", pl.Float64()),
        ("favorable_entry_strategy", pl.UInt32()),
        ("adverse_entry_strategy", pl.UInt32()),
        ("neutral_entry_strategy", pl.UInt32()),
        ("exit_idx", pl.UInt32()),
        ("exit_time", pl.Datetime(time_unit="ms", time_zone=None)),
        ("exit_price", pl.Float64()),
        ("exit_reason", pl.UInt32()),
        ("favorable_exit_hypo_price", pl.Float64()),
        ("adverse_exit_hypo_price", pl.Float64()),
        ("favorable_exit_strategy", pl.UInt32()),
        ("adverse_exit_strategy", pl.UInt32()),
        ("neutral_exit_strategy", pl.UInt32()),
        ("holding_seconds", pl.Int64()),
        ("holding_bars", pl.UInt32()),
        ("g_mfe", pl.Float64()),
        ("mae", pl.Float64()),
        ("mfe", pl.Float64()),
        ("mae_lv1", pl.Float64()),
        ("mhl", pl.Float64()),
        ("g_mfe_idx", pl.UInt32()),
        ("mae_idx", pl.UInt32()),
        ("mfe_idx", pl.UInt32()),
        ("mae_lv1_idx", pl.UInt32()),
        ("mhl_idx", pl.UInt32()),
        ("entry_volatility", pl.Float64()),
        ("exit_volatility", pl.Float64()),
        ("g_mfe_volatility", pl.Float64()),
        ("mae_volatility", pl.Float64()),
        ("mfe_volatility", pl.Float64()),
        ("mae_lv1_volatility", pl.Float64()),
        ("mhl_volatility", pl.Float64()),
        ("base_entry_time", pl.Datetime(time_unit="ms", time_zone=None)),
        ("base_entry_price", pl.Float64()),
        ("is_adv_triggered", pl.Boolean()),
        ("pnl", pl.Float64()),
        ("pnl_pct", pl.Float64()),
        ("strategy_name", pl.String()),
        ("blueprint_name", pl.String()),
    ]
)
"""trades: 46 columns."""

PERFORMANCE_SCHEMA: Final[pl.Schema] = pl.Schema(
    [
        ("strategy_name", pl.String()),
        ("blueprint_name", pl.String()),
        ("metric_type", pl.String()),
        ("trades", pl.UInt32()),
        ("win_ratio", pl.Float64()),
        ("first_entry_time", pl.Datetime(time_unit="ms", time_zone=None)),
        ("last_entry_time", pl.Datetime(time_unit="ms", time_zone=None)),
        ("last_exit_time", pl.Datetime(time_unit="ms", time_zone=None)),
        ("total", pl.Float64()),
        ("expect_payoff", pl.Float64()),
        ("pnl_std", pl.Float64()),
        ("profit_factor", pl.Float64()),
        ("sharpe_ratio", pl.Float64()),
        ("sortino_ratio", pl.Float64()),
        ("recovery_factor", pl.Float64()),
        ("risk_mae_pct_p75", pl.Float64()),
        ("risk_mae_pct_conservative", pl.Float64()),
        ("risk_mae_pct_p95", pl.Float64()),
        ("g_mfe_after_mae_pct", pl.Float64()),
        ("kelly", pl.Float64()),
        ("sqn", pl.Float64()),
    ]
)
"""performance: 21 columns."""

ENHANCED_OHLCV_SCHEMA: Final[pl.Schema] = pl.Schema(
    [
        ("idx", pl.Int64()),
        ("ts", pl.Datetime(time_unit="ms", time_zone=None)),
        ("open", pl.Float64()),
        ("high", pl.Float64()),
        ("low", pl.Float64()),
        ("close", pl.Float64()),
        ("volume", pl.Float64()),
        ("gap_type", pl.Int64()),
        ("gap_points", pl.Float64()),
        ("gap_range_min", pl.Float64()),
        ("gap_range_max", pl.Float64()),
        ("entry_signal", pl.Boolean()),
        ("exit_signal", pl.Boolean()),
        ("cleaned_entry_signal", pl.Boolean()),
        ("cleaned_exit_signal", pl.Boolean()),
        ("base_entry_price", pl.Float64()),
        ("base_entry_strategy", pl.Int64()),
        ("base_exit_price", pl.Float64()),
        ("base_exit_strategy", pl.Int64()),
        ("base_position_id", pl.Int64()),
        (
            "base_trading_context",
            pl.Struct(
                {
                    "bars_in_position": pl.Int64(),
                    "highest_since_entry": pl.Float64(),
                    "lowest_since_entry": pl.Float64(),
                    "position_entry_price": pl.Float64(),
                }
            ),
        ),
        ("advanced_favorable_entry_hypo_price", pl.Float64()),
        ("advanced_adverse_entry_hypo_price", pl.Float64()),
        ("advanced_neutral_entry_hypo_price", pl.Float64()),
        ("advanced_favorable_entry_strategy", pl.Int64()),
        ("advanced_adverse_entry_strategy", pl.Int64()),
        ("advanced_neutral_entry_strategy", pl.Int64()),
        ("advanced_entry_price", pl.Float64()),
        ("advanced_entry_strategy", pl.Int64()),
        ("is_entry_gap_filled", pl.Boolean()),
        ("advanced_cleaned_entry_signal", pl.Boolean()),
        ("advanced_entry_position_id", pl.Int64()),
        (
            "advanced_entry_trading_context",
            pl.Struct(
                {
                    "bars_since_advanced_entry": pl.Int64(),
                    "highest_since_advanced_entry": pl.Float64(),
                    "lowest_since_advanced_entry": pl.Float64(),
                    "position_entry_price": pl.Float64(),
                }
            ),
        ),
        ("advanced_favorable_exit_hypo_price", pl.Float64()),
        ("advanced_adverse_exit_hypo_price", pl.Float64()),
        ("advanced_neutral_exit_hypo_price", pl.Float64()),
        ("advanced_favorable_exit_strategy", pl.Int64()),
        ("advanced_adverse_exit_strategy", pl.Int64()),
        ("advanced_neutral_exit_strategy", pl.Int64()),
        ("advanced_exit_price", pl.Float64()),
        ("advanced_exit_strategy", pl.Int64()),
        ("is_exit_gap_filled", pl.Boolean()),
        ("advanced_cleaned_exit_signal", pl.Boolean()),
        ("advanced_exit_position_id", pl.Int64()),
        (
            "advanced_exit_trading_context",
            pl.Struct(
                {
                    "bars_since_advanced_entry": pl.Int64(),
                    "highest_since_advanced_entry": pl.Float64(),
                    "lowest_since_advanced_entry": pl.Float64(),
                    "position_entry_price": pl.Float64(),
                }
            ),
        ),
        ("is_entry_valid", pl.Boolean()),
        ("entry_rejection_reason", pl.String()),
        ("validated_entry_signal", pl.Boolean()),
        ("validated_exit_signal", pl.Boolean()),
        ("final_position_id", pl.Int64()),
        (
            "final_trading_context",
            pl.Struct(
                {
                    "bars_in_position": pl.Int64(),
                    "highest_since_entry": pl.Float64(),
                    "lowest_since_entry": pl.Float64(),
                    "position_entry_price": pl.Float64(),
                }
            ),
        ),
        ("strategy_name", pl.String()),
        ("blueprint_name", pl.String()),
    ]
)
"""enhanced_ohlcv: 53 columns."""
