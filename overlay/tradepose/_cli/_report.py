"""`tradepose results report DIR [--out report.html]`: one self-contained HTML report of a batch.

DIR is a batch work directory (its journal) or a `save()` directory (its manifest.json). The report
holds the summary tables and each chart as inline SVG; it opens offline. Charts need the `plot` extra
(`--chart` may be given to choose them; `--no-charts` writes the tables alone, without the extra).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .._batch._report import CHARTS, read_results, write_results_report
from .._display._charts import EQUITY_LAYOUTS

__all__ = ["add_report_command"]


def _report(args: argparse.Namespace) -> int:
    source = Path(args.workdir)
    out = Path(args.out) if args.out is not None else source / "report.html"
    charts = () if args.no_charts else tuple(args.chart or CHARTS)
    written = write_results_report(out, read_results(source), charts=charts, layout=args.layout, metric=args.metric)
    print(f"report written to {written}")
    return 0


def add_report_command(result_actions: Any) -> None:
    """Register `results report` on the `results` command group's sub-parsers."""
    report = result_actions.add_parser("report", help="write a self-contained HTML report of a batch directory")
    report.add_argument("workdir", metavar="DIR", help="a batch work directory or a save() directory")
    report.add_argument("--out", metavar="FILE", help="where to write the report (default: DIR/report.html)")
    report.add_argument(
        "--chart", action="append", choices=CHARTS, help="a chart to include; repeatable (default: all)"
    )
    report.add_argument("--no-charts", action="store_true", help="tables only (works without the plot extra)")
    report.add_argument(
        "--layout", choices=EQUITY_LAYOUTS, default="panels", help="equity curves: one panel per period, or overlaid"
    )
    report.add_argument("--metric", default="total", help="performance column of the summary chart (default: total)")
    report.set_defaults(handler=_report)
