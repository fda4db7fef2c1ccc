"""`tradepose results show | batches list | batches clean`: looking at batches on disk, offline.

None of these talks to the gateway or needs a credential: a batch workdir is read through a read-only
journal (`BatchResults.open`), a `save()` directory through its manifest, and every result file is
checked against its sha256 before it is shown (`ResultIntegrityError`, one error line, exit 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
from rich.console import Console
from rich.table import Table

from .._batch._dataset import MANIFEST, read_manifest, read_saved
from .._batch._housekeeping import batches_root, clean_batches, list_batches, parse_age
from .._batch._results import BatchResults
from .._clock import SYSTEM_CLOCK
from .._errors import ConfigError
from ._report import add_report_command

__all__ = ["add_inspect_commands"]


def _console() -> Console:
    return Console(stderr=False, highlight=False)


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    return table


def _totals(summary: pl.DataFrame) -> Table | None:
    pnl = summary.filter(pl.col("metric_type") == "pnl")
    if pnl.is_empty():
        return None
    totals = pnl.group_by("strategy_name", "blueprint_name").agg(
        pl.col("trades").sum(), pl.col("total").sum().round(2).alias("total pnl"),
        pl.col("win_ratio").mean().round(3).alias("mean win"),
    ).sort("strategy_name", "blueprint_name")  # fmt: skip
    return _table("totals over completed periods (metric: pnl)", totals.columns,
                  [[str(v) for v in values] for values in totals.iter_rows()])  # fmt: skip


def _results_show(args: argparse.Namespace) -> int:
    target = Path(args.workdir)
    manifest = read_manifest(target)
    if manifest is not None:  # a save() directory
        summary = read_saved(target, "performance")
        rows = [
            [str(p.get("period")), str(p.get("status")) + (" (may have run twice)" if p.get("duplicate_risk") else ""),
             str(p.get("task_id") or ""), ", ".join(sorted(p.get("files", {}))), str(p.get("error") or "")]
            for p in manifest.get("periods", [])
        ]  # fmt: skip
        title = f"saved batch {str(manifest.get('batch_id', ''))[:8]} in {target}"
    else:
        if target.is_dir() and not (target / "journal.sqlite3").exists() and not (target / MANIFEST).exists():
            raise ConfigError(
                f"{str(target)!r} is neither a batch workdir (journal.sqlite3) nor a saved batch ({MANIFEST}): "
                f"pass the --out directory of a batch or a directory written by save()"
            )
        batch = BatchResults.open(target)
        try:
            summary = batch.summary()
            rows = [
                [r.label, r.state + (" (may have run twice)" if r.duplicate_risk else ""), r.task_id or "",
                 ", ".join(sorted(r.files())), r.error or ""]
                for r in batch
            ]  # fmt: skip
            title = f"batch {batch.batch_id[:8]} in {target}"
        finally:
            batch.close()
    console = _console()
    console.print(_table(title, ["period", "state", "task", "results", "error"], rows))
    totals = _totals(summary)
    if totals is not None:
        console.print(totals)
    return 0


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover - the loop always returns


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _batches_list(args: argparse.Namespace) -> int:
    root = batches_root()
    batches = list_batches(root)
    console = _console()
    if not batches:
        console.print(f"no batches in {root}")
        return 0
    rows = [[str(b.workdir), _when(b.created), f"{b.done}/{b.periods}", str(b.failed), _size(b.size),
             "running" if b.in_use else ""] for b in batches]  # fmt: skip
    console.print(_table(f"batches in {root}", ["workdir", "created", "done", "failed", "size", ""], rows))
    return 0


def _batches_clean(args: argparse.Namespace) -> int:
    root = batches_root()
    age = parse_age(args.older_than)
    now = dt.datetime.fromtimestamp(SYSTEM_CLOCK.time(), dt.UTC)
    outcomes = [o for o in clean_batches(root, age, now=now, dry_run=args.dry_run) if o.action != "kept"]
    console = _console()
    for outcome in outcomes:
        reason = "its lock is held by a running batch" if outcome.action == "in use" else _size(outcome.batch.size)
        verb = "kept" if outcome.action == "in use" else outcome.action
        console.print(f"{verb} {outcome.batch.workdir} (last change {_when(outcome.batch.last_activity)}; {reason})")
    removed = [o for o in outcomes if o.action in ("removed", "would remove")]
    freed = _size(sum(o.batch.size for o in removed))
    summary = "would remove" if args.dry_run else "removed"
    console.print(f"{summary} {len(removed)} batch(es) idle for {args.older_than} or more in {root} ({freed})")
    return 0


def _age(text: str) -> str:
    try:
        parse_age(text)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def add_inspect_commands(commands: Any) -> None:
    """Register `results show` and `batches list | clean`."""
    results = commands.add_parser("results", help="inspect a batch directory or a saved dataset")
    result_actions = results.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = result_actions.add_parser("show", help="summary table of a batch workdir or a save() directory")
    show.add_argument("workdir", metavar="DIR")
    show.set_defaults(handler=_results_show)
    add_report_command(result_actions)

    batches = commands.add_parser("batches", help="list or clean the batch workdirs in the cache directory")
    batch_actions = batches.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = batch_actions.add_parser("list", help="every batch workdir under the cache directory")
    listing.set_defaults(handler=_batches_list)
    clean = batch_actions.add_parser("clean", help="remove batch workdirs idle for longer than --older-than")
    clean.add_argument("--older-than", required=True, type=_age, metavar="AGE", help="e.g. 30d, 12h, 2w")
    clean.add_argument("--dry-run", action="store_true", help="only say what would be removed")
    clean.set_defaults(handler=_batches_clean)
