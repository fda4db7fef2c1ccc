"""HTML summary cards from plain frames: key metrics, capped escaped tables, counts; BacktestResult's card."""

from __future__ import annotations

import datetime as dt
import uuid

import polars as pl
from tradepose_api.models.export_type import ExportType
from tradepose_api.models.task_metadata_response import TaskMetadataResponse
from tradepose_api.models.task_status import TaskStatus

from tradepose._client._parquet_columns import PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose._client._runner import BacktestResult
from tradepose._display import _charts
from tradepose._display._tables import KEY_METRICS, card_html, counts_text, frame_html, key_metrics


def _performance() -> pl.DataFrame:
    rows = [
        {"strategy_name": s, "blueprint_name": "base", "metric_type": m, "trades": 10, "win_ratio": 0.5, "total": t,
         "sharpe_ratio": 0.1, "profit_factor": 1.2, "sqn": 0.3, "pnl_std": 1.0}
        for s, t in (("zeta", 5.0), ("alpha", -2.5)) for m in ("pnl", "pnl_pct")
    ]  # fmt: skip
    return pl.DataFrame(rows)


def test_columns_read_are_gateway_columns() -> None:
    """Every column the summaries and charts read exists in parquet-schemas.json (the generated schemas)."""
    assert set(KEY_METRICS) <= set(PERFORMANCE_SCHEMA)
    assert {_charts.PNL, _charts.EXIT_TIME, _charts.OPEN, _charts.STRATEGY, _charts.BLUEPRINT} <= set(TRADES_SCHEMA)
    assert TRADES_SCHEMA[_charts.OPEN] == pl.Boolean() and TRADES_SCHEMA[_charts.PNL] == pl.Float64()


def test_key_metrics_keep_the_pnl_rows_and_summary_columns() -> None:
    """key_metrics(): metric_type pnl only, labels then KEY_METRICS, sorted by strategy."""
    metrics = key_metrics(_performance())
    assert metrics.columns == ["strategy_name", "blueprint_name", *KEY_METRICS]
    assert metrics["strategy_name"].to_list() == ["alpha", "zeta"]
    assert key_metrics(pl.DataFrame()).is_empty()


def test_frame_table_escapes_and_cuts_long_frames() -> None:
    """A table shows at most max_rows rows and says how many more; text is escaped."""
    frame = pl.DataFrame({"name": ["<b>x</b>"] * 5, "value": [1.23456, 0.0, 1e-5, 2.0, 3.0]})
    out = frame_html(frame, max_rows=3)
    assert out.count("<tr>") == 4 and "… 2 more rows" in out
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "<b>x</b>" not in out and "1.23" in out and "1e-05" in out


def test_card_shows_counts_facts_and_tables() -> None:
    """card_html(): title, the status bar and counts line, facts, titled tables."""
    counts = {"pending": 1, "processing": 1, "completed": 2, "failed": 0}
    assert counts_text(counts) == "2 completed, 0 failed, 1 processing, 1 pending"
    out = card_html(
        "batch <1>", counts=counts, facts=[("workdir", "/tmp/x")], tables=[("metrics", key_metrics(_performance()))]
    )
    assert "batch &lt;1&gt;" in out and "2 completed, 0 failed, 1 processing, 1 pending" in out
    assert 'title="completed: 2"' in out and "/tmp/x" in out and "sharpe_ratio" in out


def test_backtest_result_has_a_summary_card() -> None:
    """BacktestResult._repr_html_: status, trade count and key metrics, not the frames."""
    metadata = TaskMetadataResponse(
        task_id=uuid.uuid4(), user_id=uuid.uuid4(), export_type=ExportType.BACKTEST_RESULTS,
        created_at=dt.datetime(2024, 1, 1), status=TaskStatus.COMPLETED,
    )  # fmt: skip
    trades = pl.DataFrame({"pnl": [1.0] * 40})
    result = BacktestResult(str(metadata.task_id), trades, _performance(), metadata)
    out = result._repr_html_()
    assert f"backtest {metadata.task_id}" in out and "completed" in out and ">40<" in out
    assert "sharpe_ratio" in out and out.count("<tr>") < 12
