"""Charts of batch results through Polars' own plotting (`DataFrame.plot`, which is Altair).

Needs the `plot` extra (`pip install 'tradepose-sdk[plot]'`: altair, and vl-convert-python for the
report's SVGs); without it every function here raises `MissingExtraError` saying so. The functions
return the Altair chart object: Jupyter renders it inline, `chart.save("x.html")` writes it, and the
report turns it into inline SVG.

Columns (parquet-schemas.json): an equity curve is the running sum of the trades' `pnl` in `exit_time`
order, closed trades only (`status` false = closed), one line per strategy × blueprint; the summary
bars read one metric column of the performance rows of one `metric_type`.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Literal

import polars as pl

from .._errors import InputError, MissingExtraError

if TYPE_CHECKING:
    import altair as alt

__all__ = [
    "EQUITY_LAYOUTS",
    "PNL",
    "equity_chart",
    "equity_frame",
    "require_plotting",
    "summary_chart",
    "summary_frame",
]

EquityLayout = Literal["panels", "overlay"]
EQUITY_LAYOUTS: tuple[EquityLayout, ...] = ("panels", "overlay")
PNL, EXIT_TIME, OPEN, STRATEGY, BLUEPRINT = "pnl", "exit_time", "status", "strategy_name", "blueprint_name"
PERIOD, SERIES, EQUITY = "period", "series", "cumulative_pnl"
_WIDTH = 640


def require_plotting(*modules: str) -> None:
    """Raise `MissingExtraError` unless the plot extra's modules (default: altair) are importable."""
    missing = [m for m in modules or ("altair",) if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingExtraError(
            f"charts need the `plot` extra ({', '.join(missing)} not installed): pip install 'tradepose-sdk[plot]'",
            extra="plot",
        )


def _labelled(frame: pl.DataFrame) -> pl.DataFrame:
    """`series` = "strategy / blueprint"; a `period` column (empty when the frame has none)."""
    out = frame.with_columns((pl.col(STRATEGY) + " / " + pl.col(BLUEPRINT)).alias(SERIES))
    if PERIOD not in out.columns:
        out = out.with_columns(pl.lit("").alias(PERIOD))
    return out


def equity_frame(trades: pl.DataFrame, *, layout: EquityLayout = "panels") -> pl.DataFrame:
    """Cumulative PnL per strategy × blueprint at each closed trade's exit: `period, series, exit_time, cumulative_pnl`.

    `panels` restarts the sum in each period; `overlay` carries it across periods in exit-time order
    (one equity curve over the whole batch; meaningful when the periods do not overlap).
    """
    if layout not in EQUITY_LAYOUTS:
        raise InputError(f"layout must be one of {', '.join(EQUITY_LAYOUTS)}, not {layout!r}")
    missing = [c for c in (PNL, EXIT_TIME, STRATEGY, BLUEPRINT) if c not in trades.columns]
    if missing:
        raise InputError(f"no trades to chart (columns missing: {', '.join(missing)}); wait() for the batch first")
    closed = trades.filter(pl.col(EXIT_TIME).is_not_null())
    if OPEN in closed.columns:
        closed = closed.filter(~pl.col(OPEN))
    framed = _labelled(closed).sort(EXIT_TIME, maintain_order=True)
    over = [SERIES] if layout == "overlay" else [PERIOD, SERIES]
    return framed.select(PERIOD, SERIES, EXIT_TIME, pl.col(PNL).cum_sum().over(over).alias(EQUITY))


def equity_chart(trades: pl.DataFrame, *, layout: EquityLayout = "panels") -> alt.Chart | alt.FacetChart:
    """A line per strategy × blueprint of cumulative PnL over time; one panel per period, or all overlaid."""
    require_plotting()
    data = equity_frame(trades, layout=layout)
    if data.is_empty():
        raise InputError("no closed trades to chart: the batch has no completed period with trades yet")
    chart = data.plot.line(x=f"{EXIT_TIME}:T", y=f"{EQUITY}:Q", color=f"{SERIES}:N").encode(
        tooltip=[PERIOD, SERIES, EXIT_TIME, EQUITY]
    )
    if layout == "overlay":
        return chart.properties(width=_WIDTH, height=320, title="cumulative PnL")
    # Each period has its own time range: independent x scales, a shared PnL scale to compare heights.
    panels: alt.FacetChart = (
        chart.properties(width=_WIDTH, height=180)
        .facet(row=f"{PERIOD}:N", title="cumulative PnL by period")
        .resolve_scale(x="independent")
    )
    return panels


def summary_frame(performance: pl.DataFrame, metric: str = "total", *, metric_type: str = "pnl") -> pl.DataFrame:
    """One row per period × strategy × blueprint: `period, series, <metric>` of one metric_type."""
    numeric = [n for n, d in performance.schema.items() if d.is_numeric()]
    if metric not in numeric:
        raise InputError(
            f"metric must be a numeric performance column ({', '.join(numeric) or 'none'}), not {metric!r}"
        )
    rows = (
        performance.filter(pl.col("metric_type") == metric_type)
        if "metric_type" in performance.columns
        else performance
    )
    return _labelled(rows).select(PERIOD, SERIES, metric).sort(PERIOD, SERIES)


def summary_chart(performance: pl.DataFrame, metric: str = "total", *, metric_type: str = "pnl") -> alt.Chart:
    """One bar per period × strategy (× blueprint) of `metric`, grouped by period."""
    require_plotting()
    if performance.is_empty():
        raise InputError("no performance rows to chart: the batch has no completed period yet")
    data = summary_frame(performance, metric, metric_type=metric_type)
    if data.is_empty():
        raise InputError(f"no performance rows of metric_type {metric_type!r} to chart")
    chart = data.plot.bar(x=f"{PERIOD}:N", y=f"{metric}:Q", color=f"{SERIES}:N").encode(
        xOffset=f"{SERIES}:N", tooltip=[PERIOD, SERIES, metric]
    )
    return chart.properties(width=_WIDTH, height=300, title=f"{metric} ({metric_type}) by period")
