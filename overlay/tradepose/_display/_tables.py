"""HTML summary cards for Jupyter (`_repr_html_`) and the report: status counts, facts, small tables.

A card is a summary, never a frame dump: tables are cut at `MAX_ROWS` rows with a line saying how many
were left out. Every piece of text is escaped; styles are inline, so a card renders the same in a
notebook, in a saved notebook and inside the offline report.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import polars as pl

__all__ = ["KEY_METRICS", "MAX_ROWS", "card_html", "counts_text", "frame_html", "key_metrics", "status_bar_html"]

MAX_ROWS = 30
# The performance columns a summary shows (parquet-schemas.json `performance`), for metric_type "pnl".
KEY_METRICS = ("trades", "win_ratio", "total", "sharpe_ratio", "profit_factor", "sqn")
_LABELS = ("period", "strategy_name", "blueprint_name")
STATUSES = ("completed", "failed", "processing", "pending")
_COLOURS = {"completed": "#2e9d4f", "failed": "#c9302c", "processing": "#4a90d9", "pending": "#dddddd"}
_FONT = "font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px"


def counts_text(counts: Mapping[str, int]) -> str:
    """`"3 completed, 1 failed, 0 processing, 0 pending"` in that order (unknown keys follow)."""
    names = [*STATUSES, *(k for k in counts if k not in STATUSES)]
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in names)


def status_bar_html(counts: Mapping[str, int]) -> str:
    """A horizontal bar: completed, failed and processing segments over a grey (pending) track."""
    total = sum(counts.values())
    segments = "".join(
        f'<div title="{name}: {counts.get(name, 0)}" style="width:{counts.get(name, 0) / total * 100:.1f}%;'
        f'background:{_COLOURS[name]}"></div>'
        for name in STATUSES[:3]
        if total and counts.get(name, 0)
    )
    return f'<div style="display:flex;height:0.8em;background:{_COLOURS["pending"]};margin:0.3em 0">{segments}</div>'


def key_metrics(performance: pl.DataFrame, metric_type: str = "pnl") -> pl.DataFrame:
    """The summary columns of a performance frame: labels plus `KEY_METRICS`, rows of one metric_type."""
    if performance.is_empty() or "strategy_name" not in performance.columns:
        return pl.DataFrame()
    rows = performance
    if "metric_type" in rows.columns:
        rows = rows.filter(pl.col("metric_type") == metric_type)
    labels = [c for c in _LABELS if c in rows.columns]
    return rows.select(*labels, *(c for c in KEY_METRICS if c in rows.columns)).sort(labels)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 0.01 or value == 0 else f"{value:.3g}"
    return html.escape(str(value))


def frame_html(frame: pl.DataFrame, *, max_rows: int = MAX_ROWS) -> str:
    """A small HTML table of `frame`: at most `max_rows` rows, then a line counting the rest."""
    if frame.is_empty():
        return '<p style="color:#666">(none)</p>'
    numeric = {name for name, dtype in frame.schema.items() if dtype.is_numeric()}
    head = "".join(
        f'<th style="text-align:{"right" if c in numeric else "left"};padding:2px 8px">{html.escape(c)}</th>'
        for c in frame.columns
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="text-align:{"right" if c in numeric else "left"};padding:2px 8px">{_cell(v)}</td>'
            for c, v in zip(frame.columns, row, strict=True)
        )
        + "</tr>"
        for row in frame.head(max_rows).iter_rows()
    )
    more = frame.height - max_rows
    tail = f'<p style="color:#666">… {more} more rows</p>' if more > 0 else ""
    return f'<table style="border-collapse:collapse;{_FONT}"><tr>{head}</tr>{body}</table>{tail}'


def card_html(
    title: str,
    *,
    counts: Mapping[str, int] | None = None,
    facts: Sequence[tuple[str, str]] = (),
    tables: Sequence[tuple[str, pl.DataFrame]] = (),
) -> str:
    """A summary card: a title, the status bar and counts, key/value facts, then titled small tables."""
    parts = [f'<div style="{_FONT};max-width:60em"><b>{html.escape(title)}</b>']
    if counts is not None:
        parts.append(status_bar_html(counts) + html.escape(counts_text(counts)))
    if facts:
        rows = "".join(
            f'<tr><td style="padding:1px 8px 1px 0;color:#666">{html.escape(k)}</td><td>{html.escape(v)}</td></tr>'
            for k, v in facts
        )
        parts.append(f'<table style="{_FONT};margin:0.4em 0">{rows}</table>')
    for heading, frame in tables:
        parts.append(f'<div style="margin-top:0.6em;color:#333">{html.escape(heading)}</div>{frame_html(frame)}')
    parts.append("</div>")
    return "".join(parts)
