"""`BatchResults.report(path)` and `tradepose results report DIR`: one self-contained HTML file.

The report reads a running or finished batch, a batch work directory (its journal) or a `save()`
directory (its manifest), and shows: the status counts, one row per period, the key pnl metrics of
every completed period, and each requested chart as inline SVG (`tradepose._display._report`).
Charts need the `plot` extra; `charts=()` writes the tables alone without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import polars as pl

from .._display._charts import EquityLayout, equity_chart, summary_chart, summary_frame
from .._display._report import report_html, write_report
from .._display._tables import card_html, key_metrics
from .._errors import ConfigError, InputError
from .._version import __version__
from ._dataset import MANIFEST, read_manifest, read_saved
from ._journal import JOURNAL_FILE
from ._views import ShownBatch, period_table

if TYPE_CHECKING:
    import altair as alt

__all__ = [
    "CHARTS",
    "ChartName",
    "ReportData",
    "ReportedBatch",
    "build_report",
    "data_of",
    "read_results",
    "write_results_report",
]

ChartName = Literal["equity", "summary"]
CHARTS: tuple[ChartName, ...] = ("equity", "summary")


class ReportedBatch(ShownBatch, Protocol):
    """What a report reads from a live batch (the public surface of `BatchResults`)."""

    def all_trades(self) -> pl.DataFrame: ...


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, as plain data; `trades`/`performance` carry period keys in `period`."""

    title: str
    source: str
    counts: dict[str, int]
    periods: pl.DataFrame
    trades: pl.DataFrame
    performance: pl.DataFrame


def data_of(batch: ReportedBatch) -> ReportData:
    """A live batch's report data (completed periods' frames, every period's status)."""
    return ReportData(
        f"batch {batch.batch_id[:8]}", f"batch work directory {batch.workdir}", batch.status,
        period_table(batch), batch.all_trades(), batch.summary(),
    )  # fmt: skip


def _concat(frames: list[pl.DataFrame]) -> pl.DataFrame:
    return pl.concat(frames, how="vertical") if frames else pl.DataFrame()


def _counts(statuses: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(("pending", "processing", "completed", "failed"), 0)
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts


def _read_saved(root: Path, manifest: dict[str, Any]) -> ReportData:
    entries: list[dict[str, Any]] = [e for e in manifest.get("periods", []) if isinstance(e, dict)]
    periods = [
        (str(e.get("period", "")), str(e.get("status", "")), e.get("task_id") or "", e.get("error") or "")
        for e in entries
    ]
    return ReportData(
        f"batch {str(manifest.get('batch_id', ''))[:8]}", f"saved results {root}", _counts(p[1] for p in periods),
        pl.DataFrame(periods, schema=["period", "status", "task_id", "error"], orient="row"),
        read_saved(root, "trades"), read_saved(root, "performance"),
    )  # fmt: skip


def read_results(path: str | Path) -> ReportData:
    """Report data from a batch work directory (journal) or a `save()` directory (manifest.json).

    Both are read as `tradepose results show` reads them: the journal read-only (so a running batch can
    be reported from another process), every result file checked against its recorded sha256.
    """
    from ._results import BatchResults  # the results module builds reports too: import at call time

    root = Path(path)
    manifest = read_manifest(root)
    if manifest is not None:
        return _read_saved(root, manifest)
    if (root / JOURNAL_FILE).is_file():
        with BatchResults.open(root) as batch:
            return data_of(batch)
    raise ConfigError(
        f"{str(root)!r} is neither a batch work directory ({JOURNAL_FILE}) nor a saved results directory "
        f"({MANIFEST}): pass the directory submit() printed or the one given to save()"
    )


def build_report(
    data: ReportData,
    *,
    charts: Sequence[ChartName] = CHARTS,
    layout: EquityLayout = "panels",
    metric: str = "total",
) -> str:
    """The report document: the summary card, then one inline SVG per chart in `charts`.

    A chart with nothing to draw (no completed period yet) is left out with a note saying why.
    """
    unknown = [c for c in charts if c not in CHARTS]
    if unknown:
        raise InputError(f"unknown chart {unknown[0]!r}: choose from {', '.join(CHARTS)}")
    if "summary" in charts and not data.performance.is_empty():
        summary_frame(data.performance, metric)  # a wrong metric name is the caller's mistake: raise, not a note
    card = card_html(
        data.title,
        counts=data.counts,
        facts=[("source", data.source)],
        tables=[("periods", data.periods), ("key metrics (metric_type pnl)", key_metrics(data.performance))],
    )
    figures: list[tuple[str, alt.TopLevelMixin]] = []
    notes: list[str] = []
    for name in dict.fromkeys(charts):
        try:
            if name == "equity":
                figures.append(
                    (
                        "cumulative PnL per strategy × blueprint",
                        equity_chart(data.trades, layout=layout),
                    )
                )
            else:
                figures.append((f"{metric} per period × strategy", summary_chart(data.performance, metric)))
        except InputError as exc:  # nothing to draw yet (no completed period): say so in the report
            notes.append(f"{name} chart left out: {exc}")
    return report_html(
        data.title, cards=[card], charts=figures, notes=notes, generated_by=f"tradepose-sdk {__version__}"
    )


def write_results_report(
    path: str | Path,
    data: ReportData,
    *,
    charts: Sequence[ChartName] = CHARTS,
    layout: EquityLayout = "panels",
    metric: str = "total",
) -> Path:
    """Build the report and write it to `path`; returns the absolute path of the file."""
    return write_report(path, build_report(data, charts=charts, layout=layout, metric=metric))
