"""`make demo`: the README's quick start, run against a local gateway instead of api.tradepose.com.

Starts `tradepose.testing.LocalGateway` on 127.0.0.1, backtests the three example strategies over the
four quarters of 2024 with `BatchTester`, prints the summary, saves the results, stops the gateway.
Against the real gateway, drop the LocalGateway and let `BatchTester()` read TRADEPOSE_API_KEY.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from rich.console import Console
from rich.table import Table

from tradepose import BatchTester, Period
from tradepose.testing import LocalGateway

STRATEGIES = sorted(str(p) for p in (Path(__file__).with_name("strategies")).glob("*.json"))


def summary_table(summary: pl.DataFrame) -> Table:
    table = Table(title="Backtest summary (metric: pnl)")
    headers = {"period": "period", "strategy_name": "strategy", "blueprint_name": "blueprint", "trades": "trades",
               "win_ratio": "win", "total": "total pnl", "sharpe_ratio": "sharpe"}  # fmt: skip
    for name, header in headers.items():
        table.add_column(header, justify="left" if name.endswith(("name", "period")) else "right")
    rows = summary.filter(pl.col("metric_type") == "pnl").sort("strategy_name", "period")
    for row in rows.select(list(headers)).iter_rows(named=True):
        table.add_row(*(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row.values()))
    return table


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="tradepose-demo-"))
    console = Console()
    with LocalGateway() as gateway:
        console.print(f"local gateway on {gateway.url}")
        started = time.monotonic()
        # --- what a user types against the real gateway (there: BatchTester() from the environment) ---
        with BatchTester(api_key=gateway.api_key, server_url=gateway.url) as tester:
            batch = tester.submit(
                STRATEGIES,
                [Period.Q1(2024), Period.Q2(2024), Period.Q3(2024), Period.Q4(2024)],
                workdir=out / "work",
            )
            batch.wait()
            batch.raise_for_failures()
            summary = batch.summary()
            saved = batch.save(out / "results")
        # -----------------------------------------------------------------------------------------------
        # The tester is closed; the results stay readable (the journal is reopened read-only).
        console.print(summary_table(summary))
        trades = batch.scan_trades(saved).group_by("strategy_name").agg(pl.len().alias("trades")).collect()
        console.print(f"{trades['trades'].sum()} trades across {trades.height} strategies in "
                      f"{time.monotonic() - started:.1f} s")  # fmt: skip
        console.print(f"results: {saved}")
        console.print("         (hive-partitioned Parquet + manifest.json; read it with batch.scan_trades)")
        console.print(f"journal: {batch.workdir}")
        console.print("         (BatchTester.resume(path) continues from here after a crash)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
