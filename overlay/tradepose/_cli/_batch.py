"""`tradepose backtest | tasks | results`: the batch commands of the command line.

Every long-running command goes through one runner, `run_batch`, with a thin adapter that starts
(or resumes) the batch: the runner shows progress, turns Ctrl+C into a clean stop that keeps the
journal and prints the exact resume command, and maps the outcome to the exit status
(0 every period completed, 1 something failed, 130 interrupted).
"""

from __future__ import annotations

import argparse
import json
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
from rich.console import Console
from rich.table import Table

from .._batch._journal import Journal
from .._batch._results import BatchResults
from .._batch._tester import BatchTester
from .._client._base import task_uuid
from ._report import add_report_command

__all__ = ["add_batch_commands", "run_batch"]

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 130
Starter = Callable[[BatchTester], BatchResults]


_POLL_TIMEOUT_HELP = (
    "each task's deadline from its submission (default TRADEPOSE_POLL_TIMEOUT or 300); a task past it is "
    "recorded timed out, its id kept for resume"
)


def _console() -> Console:
    return Console(stderr=False, highlight=False)


def _tester(args: argparse.Namespace) -> BatchTester:
    return BatchTester(
        server_url=args.server_url, api_key=args.api_key, poll_timeout=getattr(args, "poll_timeout", None)
    )


def run_batch(args: argparse.Namespace, start: Starter, workdir: Path) -> int:
    """Start a batch with `start`, wait with a progress bar, report; Ctrl+C stops it cleanly."""
    console = _console()
    tester = _tester(args)
    batch: BatchResults | None = None
    try:
        batch = start(tester)
        console.print(f"batch {batch.batch_id[:8]}: {len(batch)} periods, journal in {batch.workdir}")
        batch.wait(progress=not args.quiet)
        console.print(summary_table(batch))
        if not batch.is_complete:  # the run ended without finishing every period: say so, never exit 0
            console.print(f"[red]the batch stopped early[/red]: {batch}")
            console.print(f"continue with: {resume_command(workdir)}")
            return EXIT_FAILED
        if batch.failed:
            for result in batch.failed:
                console.print(f"[red]failed[/red] {result.period}: {result.error}")
            console.print(f"retry the failed periods with: {resume_command(workdir)} --retry-failed")
            return EXIT_FAILED
        return EXIT_OK
    except KeyboardInterrupt:
        console.print("\ninterrupted: every submitted task id is journalled; nothing is lost.")
        console.print(f"resume with: {resume_command(workdir)}")
        return EXIT_INTERRUPTED
    finally:
        if batch is not None:
            batch.close()
        tester.close()


def resume_command(workdir: Path) -> str:
    return f"tradepose backtest resume {shlex.quote(str(workdir))}"


def summary_table(batch: BatchResults) -> Table:
    """One row per completed period × strategy × blueprint with its pnl metrics; other periods by status."""
    table = Table(title=f"batch {batch.batch_id[:8]}: {batch.workdir}")
    numeric = ("trades", "win", "total pnl", "sharpe")
    for column in ("period", "strategy", "blueprint", *numeric):
        table.add_column(column, justify="right" if column in numeric else "left")
    for result in batch:
        label = str(result.period)
        if result.status != "completed" or "performance" not in result.files():
            table.add_row(label, f"({result.status})", "", "", "", "", "")
            continue
        pnl = result.performance.filter(pl.col("metric_type") == "pnl").sort("strategy_name", "blueprint_name")
        for row in pnl.iter_rows(named=True):
            table.add_row(
                label, row["strategy_name"], row["blueprint_name"], str(row["trades"]),
                f"{row['win_ratio']:.2f}", f"{row['total']:.2f}", f"{row['sharpe_ratio']:.2f}",
            )  # fmt: skip
    return table


# -- handlers ---------------------------------------------------------------------------------------


def _backtest_run(args: argparse.Namespace) -> int:
    workdir = Path(args.out)
    return run_batch(args, lambda t: t.submit(args.strategies, args.period, workdir=workdir), workdir)


def _backtest_resume(args: argparse.Namespace) -> int:
    workdir = Path(args.workdir)

    def start(tester: BatchTester) -> BatchResults:
        batch = tester.resume(workdir)
        if args.retry_failed:
            batch.wait(progress=False)
            batch.retry_failed()
        return batch

    return run_batch(args, start, workdir)


def _tasks_status(args: argparse.Namespace) -> int:
    from .._client._sync_client import TradePoseClient

    with TradePoseClient(server_url=args.server_url, api_key=args.api_key) as client:
        metadata = client.tasks.get_task_status(task_id=task_uuid(args.task_id))
    data: dict[str, Any] = metadata.to_dict()
    names = {0: "pending", 1: "processing", 2: "completed", 3: "failed"}
    status = data.get("status", 0)
    if args.json:
        # The numeric status stays as the gateway sent it; its name is added beside it.
        print(json.dumps({**data, "status_name": names.get(status, "unknown")}, indent=2))
    else:
        print(f"task {data['task_id']}: {names.get(status, f'unknown ({status})')}")
        for key in ("created_at", "started_at", "completed_at", "error_message"):
            if data.get(key):
                print(f"  {key}: {data[key]}")
    return EXIT_OK


def _results_show(args: argparse.Namespace) -> int:
    workdir = Path(args.workdir)
    with Journal.open(workdir) as journal:
        rows = journal.summary_rows()
        console = _console()
        table = Table(title=f"batch {journal.batch_id[:8]} in {workdir}")
        for column in ("period", "state", "task", "results", "error"):
            table.add_column(column)
        for row in rows:
            files = ", ".join(f.name for f in row.results)
            flag = " (may have run twice)" if row.duplicate_risk else ""
            table.add_row(str(row.period), row.state + flag, row.task_id or "", files, row.error or "")
        console.print(table)
        perf = [
            pl.read_parquet(f.path).with_columns(pl.lit(str(row.period)).alias("period"))
            for row in rows
            for f in row.results
            if f.name == "performance" and row.state == "done"
        ]
    if perf:
        summary = pl.concat(perf).filter(pl.col("metric_type") == "pnl")
        totals = summary.group_by("strategy_name", "blueprint_name").agg(
            pl.col("trades").sum(), pl.col("total").sum().round(2).alias("total pnl"),
            pl.col("win_ratio").mean().round(3).alias("mean win"),
        ).sort("strategy_name", "blueprint_name")  # fmt: skip
        table = Table(title="totals over completed periods (metric: pnl)")
        for column in totals.columns:
            table.add_column(column)
        for values in totals.iter_rows():
            table.add_row(*(str(v) for v in values))
        console.print(table)
    return EXIT_OK


# -- parsers ----------------------------------------------------------------------------------------


def add_batch_commands(commands: Any, server: argparse.ArgumentParser, progress: argparse.ArgumentParser) -> None:
    """Register `backtest`, `tasks` and `results`; each command takes only the options it uses.

    `server` holds `--server-url`/`--api-key` (commands that talk to the gateway), `progress` `--quiet`.
    """
    backtest = commands.add_parser("backtest", help="run many backtests as one resumable batch")
    actions = backtest.add_subparsers(dest="action", required=True, metavar="ACTION")
    run = actions.add_parser("run", parents=[server, progress], help="backtest strategies over periods")
    run.add_argument("strategies", nargs="+", metavar="STRATEGIES.json", help="strategy JSON files (one or a list)")
    run.add_argument("--period", action="append", required=True, help="2024Q1, 2024-03, 2024 or START/END; repeatable")
    run.add_argument("--out", required=True, metavar="DIR", help="batch directory: journal and results")
    run.add_argument("--poll-timeout", type=float, metavar="SECONDS", help=_POLL_TIMEOUT_HELP)
    run.set_defaults(handler=_backtest_run)
    resume = actions.add_parser("resume", parents=[server, progress], help="continue a batch after a crash or Ctrl+C")
    resume.add_argument("workdir", metavar="DIR")
    resume.add_argument("--retry-failed", action="store_true", help="also re-run the periods that failed")
    resume.add_argument("--poll-timeout", type=float, metavar="SECONDS", help=_POLL_TIMEOUT_HELP)
    resume.set_defaults(handler=_backtest_resume)

    tasks = commands.add_parser("tasks", help="inspect gateway tasks")
    task_actions = tasks.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = task_actions.add_parser("status", parents=[server], help="show one task's status")
    status.add_argument("task_id", metavar="TASK_ID")
    status.add_argument("--json", action="store_true", help="print the raw task metadata")
    status.set_defaults(handler=_tasks_status)

    results = commands.add_parser("results", help="inspect a batch directory")
    result_actions = results.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = result_actions.add_parser("show", help="summary table of a batch directory")
    show.add_argument("workdir", metavar="DIR")
    show.set_defaults(handler=_results_show)
    add_report_command(result_actions)
