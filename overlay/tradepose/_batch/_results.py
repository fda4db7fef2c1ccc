"""What a batch gives back: `BatchResults` over all periods, `PeriodResult` for one.

Both read the batch journal, so they are the same whether the batch is running, finished, or was
resumed after a crash. Frames are read from the result files in the work directory on first use and
cached; nothing large is kept in memory unless asked for.

Partial-failure contract: `wait()` returns once every period has finished, *even when some failed*.
Check `failed` (each with its error) or call `raise_for_failures()`; `retry_failed()` re-runs only those.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import html
import json
import logging
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from .._authoring._period import Period, PeriodLike
from .._errors import BatchFailedError, BatchTimeoutError, ConfigError, scrub
from .._version import __version__
from ._journal import Journal, PeriodRow, safe_component, write_atomic
from ._loop import BackgroundRun
from ._period_result import PeriodResult, PeriodStatus, ResultView, view_of, with_period
from ._progress import ProgressSnapshot, open_display, render_html

__all__ = ["BatchResults", "PeriodResult", "PeriodStatus", "ResultView", "RunOwner"]

_WAIT_TICK = 0.25
_STOP_TIMEOUT = 10.0
MANIFEST = "manifest.json"
logger = logging.getLogger("tradepose")


class RunOwner(Protocol):
    """What `BatchResults` needs from whoever runs its batch on the gateway (the `BatchTester`)."""

    def start_run(self, journal: Journal, *, resubmit_failed: bool, ambiguous: bool = False) -> BackgroundRun[None]:
        """Start (or continue) the journalled batch in the background."""
        ...

    def release(self, journal: Journal) -> None:
        """The results are closed: forget and close their journal."""
        ...

    def close(self) -> None:
        """Close the owner itself (used when the results own it, as `BatchTester.resume` makes them)."""
        ...


class BatchResults:
    """All periods of one batch. Returned by `BatchTester.submit` at once; fills in as tasks finish."""

    def __init__(
        self,
        journal: Journal,
        owner: RunOwner,
        *,
        owns_owner: bool = False,
        monotonic: Callable[[], float],
    ) -> None:
        self._journal = journal
        self._owner = owner
        self._owns_owner = owns_owner
        self._monotonic = monotonic
        self._started = monotonic()
        self._future: BackgroundRun[None] = owner.start_run(journal, resubmit_failed=False)
        self._cache: dict[tuple[str, str], pl.DataFrame] = {}
        self._lock = threading.Lock()
        self._closed = False

    # -- state -------------------------------------------------------------------------------------

    @property
    def workdir(self) -> Path:
        """Where the journal and every downloaded result live; pass it to `BatchTester.resume`."""
        return self._journal.workdir

    @property
    def batch_id(self) -> str:
        return self._journal.batch_id

    def _rows(self) -> list[PeriodRow]:
        return self._journal.summary_rows()

    def _results(self) -> list[PeriodResult]:
        return [PeriodResult(r, self._cache, self._lock) for r in self._rows()]

    def __len__(self) -> int:
        return len(self._rows())

    def __iter__(self) -> Iterator[PeriodResult]:
        return iter(self._results())

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.status.items())
        return f"BatchResults({len(self)} periods: {counts}; workdir={str(self.workdir)!r})"

    @property
    def status(self) -> dict[str, int]:
        """Counts of periods by status: pending, processing, completed, failed (one journal query)."""
        return self._journal.status_counts()

    @property
    def progress(self) -> float:
        """Finished (completed or failed) periods as a fraction of all of them."""
        counts = self._journal.status_counts()
        total = sum(counts.values())
        return 1.0 if total == 0 else (counts["completed"] + counts["failed"]) / total

    @property
    def is_complete(self) -> bool:
        """Every period finished, completed or failed."""
        return self.progress == 1.0

    @property
    def is_running(self) -> bool:
        """The background run is still going."""
        return not self._future.done()

    def snapshot(self) -> ProgressSnapshot:
        counts = self.status
        return ProgressSnapshot(
            total=sum(counts.values()), completed=counts["completed"], failed=counts["failed"],
            elapsed=self._monotonic() - self._started,
        )  # fmt: skip

    def _raise_background_error(self) -> None:
        if self._future.done() and not self._future.cancelled():
            error = self._future.exception()
            if error is not None and not isinstance(error, concurrent.futures.CancelledError):
                raise error

    # -- waiting -----------------------------------------------------------------------------------

    def wait(self, timeout: float | None = None, progress: bool = True) -> BatchResults:
        """Block until every period has finished; show a live progress bar unless `progress=False`.

        Returns even when some periods failed (see `failed`). Raises `BatchTimeoutError` after
        `timeout` seconds (the batch keeps running), and any error of the background run itself.
        """
        deadline = None if timeout is None else self._monotonic() + timeout
        display = open_display(f"batch {self.batch_id[:8]}") if progress else None
        try:
            while True:
                if display is not None:
                    display.update(self.snapshot())
                if self._future.done():
                    break
                remaining = None if deadline is None else deadline - self._monotonic()
                if remaining is not None and remaining <= 0:
                    counts = self.status
                    unfinished = counts["pending"] + counts["processing"]
                    raise BatchTimeoutError(
                        f"{unfinished} of {len(self)} periods still unfinished after {timeout} s; the batch keeps "
                        f"running: call wait() again, or BatchTester.resume({str(self.workdir)!r}) later"
                    )
                tick = _WAIT_TICK if remaining is None else min(_WAIT_TICK, remaining)
                # wait(), not result(): the run's own error is re-raised below, after the final display;
                # a KeyboardInterrupt in this thread propagates (the run keeps its journal for resume).
                try:
                    concurrent.futures.wait([self._future], timeout=tick)
                except KeyboardInterrupt:
                    self._interrupted()
                    raise
            if display is not None:
                display.update(self.snapshot())
        finally:
            if display is not None:
                display.close()
        self._raise_background_error()
        return self

    def _interrupted(self) -> None:
        """Ctrl+C in `wait()`: stop the run (its journal is kept) and say how to continue, in one line."""
        self._stop()
        print(
            f"tradepose: batch interrupted; its journal is kept: continue with "
            f"BatchTester.resume({str(self.workdir)!r})",
            file=sys.stderr,
        )

    def _stop(self) -> None:
        if not self._future.stop(_STOP_TIMEOUT):
            logger.warning(
                "the batch run in %s did not stop within %g s; its journal keeps every step",
                self.workdir,
                _STOP_TIMEOUT,
            )

    def raise_for_failures(self) -> BatchResults:
        """Raise `BatchFailedError` listing the failed periods, if any (opt-in strictness)."""
        failed = self.failed
        if failed:
            lines = "; ".join(f"{r.key}: {r.error}" for r in failed)
            raise BatchFailedError(f"{len(failed)} of {len(self)} periods failed: {lines}", failed=failed)
        return self

    def retry_failed(self, *, ambiguous: bool = False) -> BatchResults:
        """Run the failed periods again (only those); returns self, which keeps filling in.

        A period with a task id is polled and downloaded again under that id, never submitted again
        (unless its task ended FAILED). A period whose POST may have created a task ("ambiguous") is
        re-submitted, flagged in `duplicates`, only with `ambiguous=True` or when the tester was made
        with `resubmit_ambiguous=True`.
        """
        if self.is_running:
            raise ConfigError("the batch is still running: wait() for it before retrying its failures")
        self._future = self._owner.start_run(self._journal, resubmit_failed=True, ambiguous=ambiguous)
        return self

    # -- results -----------------------------------------------------------------------------------

    @property
    def results(self) -> dict[str, PeriodResult]:
        """Every period's result by period key."""
        return {r.key: r for r in self._results()}

    @property
    def completed(self) -> list[PeriodResult]:
        return [r for r in self._results() if r.status == "completed"]

    @property
    def failed(self) -> list[PeriodResult]:
        """Failed periods; each has `error` and `error_stage`."""
        return [r for r in self._results() if r.status == "failed"]

    @property
    def duplicates(self) -> list[PeriodResult]:
        """Periods re-submitted after a crash during their submission (the gateway may run them twice)."""
        return [r for r in self._results() if r.duplicate_risk]

    def get_period(self, period: Period | PeriodLike) -> PeriodResult:
        """One period's result, by `Period`, key, `"2024Q1"`-style text or `(start, end)`."""
        key = period.key if isinstance(period, Period) else None
        results = self.results
        if key is None and isinstance(period, str) and period in results:
            key = period
        if key is None:
            key = Period.parse(period).key
        if key not in results:
            raise KeyError(f"period {key} is not in this batch; it has: {', '.join(results)}")
        return results[key]

    def __getitem__(self, period: Period | PeriodLike) -> PeriodResult:
        return self.get_period(period)

    def _concat(self, name: str) -> pl.DataFrame:
        frames = [with_period(r.frame(name), r.key) for r in self.completed if name in r.files()]
        return pl.concat(frames, how="vertical") if frames else pl.DataFrame()

    def summary(self) -> pl.DataFrame:
        """Performance of every completed period: one row per period × strategy × blueprint × metric_type."""
        return self._concat("performance")

    def all_trades(self) -> pl.DataFrame:
        """Trades of every completed period, with a leading `period` column."""
        return self._concat("trades")

    def for_strategy(self, strategy_name: str, blueprint_name: str | None = None) -> ResultView:
        """All periods' trades and performance for one strategy (and blueprint)."""
        return view_of(self.all_trades(), self.summary(), strategy_name, blueprint_name)

    # -- persistence -------------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write a hive-partitioned Parquet dataset (`<name>/period=<key>/part-0.parquet`) and a manifest.

        Result files are copied as they are (no decode). Every path is built from sanitised period
        keys and fixed names, so nothing is written outside `path` whatever the server returned.
        """
        root = Path(path).resolve()
        if root.exists() and not root.is_dir():
            raise ConfigError(f"cannot save into {str(root)!r}: it is a file; pass a directory path")
        root.mkdir(parents=True, exist_ok=True)
        periods: list[dict[str, Any]] = []
        for result in self._results():
            entry: dict[str, Any] = {
                "period": result.key, "start": result.period.to_wire()[0], "end": result.period.to_wire()[1],
                "status": result.status, "task_id": result.task_id, "error": result.error,
                "duplicate_risk": result.duplicate_risk, "files": {},
            }  # fmt: skip
            if result.status == "completed":
                for name, source in sorted(result.files().items()):
                    target = root / safe_component(name) / f"period={safe_component(result.key)}" / "part-0.parquet"
                    if not target.resolve().is_relative_to(root):
                        raise ConfigError(f"refusing to write {str(target)!r} outside {str(root)!r}")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
                    entry["files"][name] = target.relative_to(root).as_posix()
            periods.append(entry)
        params = self._journal.params
        manifest = {
            "format": "tradepose-batch/1", "sdk_version": __version__, "batch_id": self.batch_id,
            "export_type": params.export_type, "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "strategies": [s["name"] if isinstance(s, Mapping) else s.name for s in params.strategies],
            "status": self.status, "periods": periods,
        }  # fmt: skip
        write_atomic(root / MANIFEST, lambda f: f.write(scrub(json.dumps(manifest, indent=2)).encode()))
        return root

    def scan_trades(self, path: str | Path | None = None) -> pl.LazyFrame:
        """A `pl.LazyFrame` over trades: a saved dataset (`save(path)`) or, by default, the work directory.

        Lazy all the way, so results larger than memory stay queryable (Polars, or DuckDB on the files).
        """
        if path is not None:
            root = Path(path)
            if not (root / "trades").is_dir():
                raise ConfigError(f"{str(root)!r} holds no saved trades: call save({str(root)!r}) first")
            return pl.scan_parquet(root / "trades" / "**" / "*.parquet", hive_partitioning=True)
        scans = [
            pl.scan_parquet(r.files()["trades"]).with_columns(pl.lit(r.key).alias("period"))
            for r in self.completed
            if "trades" in r.files()
        ]
        if not scans:
            raise ConfigError("no completed period has trades yet: wait() for the batch first")
        return pl.concat(scans, how="vertical")

    # -- display and lifetime ----------------------------------------------------------------------

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(r.key)}</td><td>{r.status}</td><td>{html.escape(r.task_id or '')}</td>"
            f"<td>{html.escape(r.error or '')}</td></tr>"
            for r in self._results()
        )
        return (
            render_html(self.snapshot(), f"batch {self.batch_id[:8]}")
            + '<table style="font-family:monospace"><tr><th>period</th><th>status</th><th>task</th>'
            + f"<th>error</th></tr>{rows}</table>"
        )

    def close(self) -> None:
        """Stop the background run (the journal keeps everything for `resume`) and release files.

        Returns once the run has stopped (bounded: after 10 s a warning is logged and it returns anyway).
        """
        if self._closed:
            return
        self._closed = True
        if not self._future.done():
            self._stop()
        self._owner.release(self._journal)
        if self._owns_owner:
            self._owner.close()

    def __enter__(self) -> BatchResults:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
