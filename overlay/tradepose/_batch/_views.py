"""What `BatchResults`, `PeriodResult` and `ResultView` show in Jupyter and in `repr`: summaries, never frame dumps.

The cards are built from the objects' public attributes only (status counts, period rows, the
performance frame) by the plain-data renderers of `tradepose._display`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import polars as pl

from .._display._tables import card_html, key_metrics
from ._progress import ProgressSnapshot, render_html

if TYPE_CHECKING:
    from ._period_result import PeriodResult, ResultView

__all__ = [
    "ShownBatch",
    "batch_card",
    "period_card",
    "period_table",
    "view_card",
    "view_repr",
]


class ShownBatch(Protocol):
    """What a batch card reads (the public surface of `BatchResults`)."""

    @property
    def batch_id(self) -> str: ...
    @property
    def workdir(self) -> Path: ...
    @property
    def status(self) -> dict[str, int]: ...
    def snapshot(self) -> ProgressSnapshot: ...
    def summary(self) -> pl.DataFrame: ...
    def __iter__(self) -> Iterator[PeriodResult]: ...


def period_table(results: Iterable[PeriodResult]) -> pl.DataFrame:
    """One row per period: its label, status, task id and error."""
    rows = [(str(r.period), r.status, r.task_id or "", r.error or "") for r in results]
    return pl.DataFrame(rows, schema=["period", "status", "task_id", "error"], orient="row")


def batch_card(batch: ShownBatch) -> str:
    """Progress and counts, the periods, and the key pnl metrics of every completed period."""
    results = list(batch)
    title = f"batch {batch.batch_id[:8]}"
    metrics = key_metrics(batch.summary())
    return render_html(batch.snapshot(), title) + card_html(
        "",
        facts=[("workdir", str(batch.workdir))],
        tables=[("periods", period_table(results)), ("key metrics (metric_type pnl)", metrics)],
    )


def period_card(result: PeriodResult) -> str:
    """One period: status, task, when it finished or why it failed, and its key metrics."""
    facts = [("status", f"{result.status} (journal state {result.state})"), ("task", result.task_id or "-")]
    if result.finished_at is not None:
        facts.append(("finished", result.finished_at.isoformat(timespec="seconds")))
    if result.error:
        facts.append(("error", f"{result.error_stage or ''}: {result.error}".lstrip(": ")))
    tables = []
    if result.status == "completed" and "performance" in result.files():
        tables.append(("key metrics (metric_type pnl)", key_metrics(result.performance)))
    return card_html(f"period {result.period}", facts=facts, tables=tables)


def _view_name(view: ResultView) -> str:
    return view.strategy_name + (f" / {view.blueprint_name}" if view.blueprint_name else "")


def _periods_of(frame: pl.DataFrame) -> int | None:
    return frame["period"].n_unique() if "period" in frame.columns else None


def view_repr(view: ResultView) -> str:
    """`ResultView(ma_cross: 96 trades, 8 performance rows, 4 periods)`."""
    periods = _periods_of(view.performance)
    tail = "" if periods is None else f", {periods} periods"
    return (
        f"ResultView({_view_name(view)}: {view.trades.height} trades, {view.performance.height} performance rows{tail})"
    )


def view_card(view: ResultView) -> str:
    """Counts, total pnl, and the key metrics per period (and blueprint)."""
    facts = [("trades", str(view.trades.height)), ("performance rows", str(view.performance.height))]
    periods = _periods_of(view.trades)
    if periods is not None:
        facts.append(("periods", str(periods)))
    if "pnl" in view.trades.columns and view.trades.height:
        facts.append(("total pnl (all trades)", f"{view.trades['pnl'].sum():,.2f}"))
    return card_html(
        f"result view {_view_name(view)}",
        facts=facts,
        tables=[("key metrics (metric_type pnl)", key_metrics(view.performance))],
    )
