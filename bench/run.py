"""`make bench` / `make bench-quick`: every case against LocalGateway on 127.0.0.1, one table.

    python -m bench.run            # full sizes; writes bench/RESULTS.md
    python -m bench.run --quick    # smaller sizes, under two minutes; prints only

Each figure is the median of at least 3 runs (5 for import time) with min and max, except the batch-scale
case: its batches of 5,000 periods or more run once, and `--quick` runs each of its sizes once.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench import backends, imports, large_result, overhead, polling, scale, submission
from bench._common import REF_PYTHON, ROOT, Row, table

RESULTS = ROOT / "bench" / "RESULTS.md"


@dataclass(frozen=True, slots=True)
class Sizes:
    trades: int
    poll_tasks: int
    time_scale: float
    calls: int
    submissions: int
    periods: tuple[int, ...]
    reference_periods: int
    scale_runs: int
    # Case 7's small and large streamed downloads (trades in the result).
    download_trades: tuple[int, int]
    runs: int = 3


FULL = Sizes(trades=1_000_000, poll_tasks=500, time_scale=1.0, calls=2_000, submissions=200,
             periods=(100, 1_000, 10_000), reference_periods=1_000, scale_runs=3,
             download_trades=(100_000, 1_000_000))  # fmt: skip
QUICK = Sizes(trades=100_000, poll_tasks=20, time_scale=0.15, calls=200, submissions=40,
              periods=(50, 200, 500), reference_periods=200, scale_runs=1,
              download_trades=(20_000, 100_000))  # fmt: skip


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def versions() -> str:
    names = ("tradepose-sdk", "httpx", "httpx-aiohttp", "aiohttp", "polars", "pyarrow", "fastapi", "uvicorn")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    ref = subprocess.run([str(REF_PYTHON), "-c", "import importlib.metadata as m; print(m.version('tradepose-client'))"],
                         capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    return ", ".join([f"Python {platform.python_version()}", *found, f"tradepose-client {ref or '?'} (reference)"])


def run(sizes: Sizes) -> list[Row]:
    steps = [
        ("large result", lambda: large_result.bench(trades=sizes.trades, runs=sizes.runs)),
        ("polling", lambda: polling.bench(tasks=sizes.poll_tasks, scale=sizes.time_scale, runs=sizes.runs)),
        ("per-call overhead", lambda: overhead.bench(calls=sizes.calls, runs=max(sizes.runs, 5))),
        ("submission", lambda: submission.bench(submissions=sizes.submissions, runs=sizes.runs)),
        ("import time", lambda: imports.bench(runs=max(sizes.runs, 5))),
        (
            "batch scale",
            lambda: scale.bench(sizes=sizes.periods, reference_size=sizes.reference_periods, runs=sizes.scale_runs),
        ),
        ("HTTP backends", lambda: backends.bench(calls=sizes.calls, trades=sizes.download_trades, runs=sizes.runs)),
    ]
    rows: list[Row] = []
    for name, step in steps:
        started = time.monotonic()
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        rows.extend(step())
        print(f"bench: {name} done in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes; do not write RESULTS.md")
    args = parser.parse_args()
    started = time.monotonic()
    text = table(run(QUICK if args.quick else FULL))
    print(text)
    if not args.quick:
        header = (
            "# Benchmark results\n\n"
            f"`make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {cpu_model()} ({_cores()} cores), "
            f"{time.monotonic() - started:.0f} s.\n\n{versions()}.\n\n"
            "Median [min–max] of at least 3 runs; ratio = ours ÷ baseline (medians). "
            "How each case is measured: the docstrings of `bench/*.py`.\n\n"
        )
        RESULTS.write_text(header + text + "\n")
        print(f"written to {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    sys.exit(main())
