"""What a batch gives back: `BatchResults` over all periods, `PeriodResult` for one.

Both read the batch journal, so they are the same whether the batch is running, finished, or was
resumed after a crash. Frames are read from the result files in the work directory on first use and
cached; nothing large is kept in memory unless asked for.

Partial-failure contract: `wait()` returns once every period has finished, *even when some failed*.
Check `failed` (each with its error) or call `raise_for_failures()`; `retry_failed()` re-runs only those.

Lifetime: results outlive their tester. Once the run's journal is closed (`tester.close()`, leaving
`with BatchTester()`, `close()` here) every read reopens the journal read-only on demand (no workdir
lock, no credentials); `BatchResults.open(workdir)` does the same for a batch of an earlier process.
Only `retry_failed()` needs the gateway: on closed results it says to use `BatchTester.resume(workdir)`.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import polars as pl

from .._authoring._period import Period, PeriodLike
from .._clock import SYSTEM_CLOCK, Clock
from .._display._charts import EquityLayout, equity_chart, summary_chart
from .._errors import BatchFailedError, BatchTimeoutError, ConfigError
from .._version import __version__
from ._dataset import MANIFEST, save_dataset, scan_saved
from ._journal import Journal
from ._loop import BackgroundRun
from ._period_result import (
    PeriodResult,
    PeriodStatus,
    ResultView,
    empty_frame,
    view_of,
    with_period,
)
from ._progress import ProgressSnapshot, open_display
from ._reading import JournalReader
from ._report import CHARTS, ChartName, data_of, write_results_report
from ._views import batch_card

if TYPE_CHECKING:
    import altair as alt

__all__ = ["MANIFEST", "BatchResults", "PeriodResult", "PeriodStatus", "ResultView", "RunOwner"]

_WAIT_TICK = 0.25
_STOP_TIMEOUT = 10.0
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


class BatchResults(JournalReader):
    """All periods of one batch. Returned by `BatchTester.submit` at once; fills in as tasks finish."""

    def __init__(
        self,
        journal: Journal,
        owner: RunOwner | None,
        *,
        owns_owner: bool = False,
        monotonic: Callable[[], float],
    ) -> None:
        super().__init__(journal)
        self._owner = owner
        self._owns_owner = owns_owner
        self._monotonic = monotonic
        self._started = monotonic()
        self._future: concurrent.futures.Future[None]
        if owner is None:  # read-only results (`open`): nothing runs
            self._future = concurrent.futures.Future()
            self._future.set_result(None)
        else:
            self._future = owner.start_run(journal, resubmit_failed=False)
        self._closed = False

    @classmethod
    def open(cls, workdir: str | os.PathLike[str], *, clock: Clock = SYSTEM_CLOCK) -> BatchResults:
        """The results of the batch in `workdir`, read-only: no credentials, no gateway, no workdir lock.

        For a batch of an earlier process (finished, or even still running elsewhere): every read
        method works; `retry_failed()` refuses (use `BatchTester.resume(workdir)` to continue a batch).
        """
        return cls(Journal.open_read_only(workdir, clock=clock), None, monotonic=clock.monotonic)

    # -- state -------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return sum(self.status.values())

    def __iter__(self) -> Iterator[PeriodResult]:
        return iter(self._results())

    def __repr__(self) -> str:
        status = self.status
        counts = ", ".join(f"{k}={v}" for k, v in status.items())
        return f"BatchResults({sum(status.values())} periods: {counts}; workdir={str(self.workdir)!r})"

    @property
    def status(self) -> dict[str, int]:
        """Counts of periods by status: pending, processing, completed, failed (one journal query)."""
        return self._read(lambda journal: journal.status_counts())

    @property
    def progress(self) -> float:
        """Finished (completed or failed) periods as a fraction of all of them."""
        counts = self.status
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
            elapsed=self._monotonic() - self._started, processing=counts["processing"],
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
        if isinstance(self._future, BackgroundRun) and not self._future.stop(_STOP_TIMEOUT):
            logger.warning(
                "the batch run in %s did not stop within %g s; its journal keeps every step",
                self.workdir,
                _STOP_TIMEOUT,
            )

    def raise_for_failures(self) -> BatchResults:
        """Raise `BatchFailedError` listing the failed periods, if any (opt-in strictness)."""
        failed = self.failed
        if failed:
            lines = "; ".join(f"{r.label}: {r.error}" for r in failed)
            raise BatchFailedError(f"{len(failed)} of {len(self)} periods failed: {lines}", failed=failed)
        return self

    def retry_failed(self, *, ambiguous: bool = False) -> BatchResults:
        """Run the failed periods again (only those); returns self, which keeps filling in.

        A period with a task id is polled and downloaded again under that id, never submitted again
        (unless its task ended FAILED). A period whose POST may have created a task ("ambiguous") is
        re-submitted, flagged in `duplicates`, only with `ambiguous=True` or when the tester was made
        with `resubmit_ambiguous=True`. Needs the gateway: results whose tester or run has closed (or
        from `open`) raise `ConfigError` saying to continue with `BatchTester.resume(workdir)`.
        """
        if self._owner is None or self._journal.closed:
            raise ConfigError(
                f"these results are read-only (their tester or run has closed): retry the failed periods with "
                f"BatchTester.resume({str(self.workdir)!r}).retry_failed()"
            )
        if self.is_running:
            raise ConfigError("the batch is still running: wait() for it before retrying its failures")
        self._future = self._owner.start_run(self._journal, resubmit_failed=True, ambiguous=ambiguous)
        return self

    # -- results -----------------------------------------------------------------------------------

    @property
    def results(self) -> dict[str, PeriodResult]:
        """Every period's result by period label (`2024Q1`, `2024-03`, `2024-01-01..2024-02-15`, ...)."""
        return {r.label: r for r in self._results()}

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
        """One period's result, by `Period`, label, `"2024Q1"`-style text or `(start, end)`."""
        results = self.results
        label = period if isinstance(period, str) and period in results else Period.parse(period).label
        if label not in results:
            raise KeyError(f"period {label} is not in this batch; it has: {', '.join(results)}")
        return results[label]

    def __getitem__(self, period: Period | PeriodLike) -> PeriodResult:
        return self.get_period(period)

    def _concat(self, name: str) -> pl.DataFrame:
        frames = [with_period(r.frame(name), r.period) for r in self.completed if name in r.files()]
        return pl.concat(frames, how="vertical") if frames else empty_frame(name)

    def summary(self) -> pl.DataFrame:
        """Performance of every completed period: one row per period × strategy × blueprint × metric_type.

        Leading columns `period` (label), `period_start`, `period_end` (dates), then the gateway's; with
        no completed period it is empty but has every column. Raises `ResultIntegrityError` for a result
        file that no longer matches its sha256.
        """
        return self._concat("performance")

    def all_trades(self) -> pl.DataFrame:
        """Trades of every completed period, with the leading columns of `summary()` (typed even when empty)."""
        return self._concat("trades")

    def for_strategy(self, strategy_name: str, blueprint_name: str | None = None) -> ResultView:
        """All periods' trades and performance for one strategy (and blueprint), typed even when empty."""
        names = frozenset(
            str(s["name"]) if isinstance(s, Mapping) else s.name for s in self._read(lambda j: j.params).strategies
        )
        return view_of(self.all_trades(), self.summary(), strategy_name, blueprint_name, names)

    # -- persistence -------------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write a hive-partitioned Parquet dataset (`<name>/period=<label>/part-0.parquet`) and a manifest.

        Written into a fresh sibling directory and swapped in, so `path` then holds exactly this batch
        (an earlier save there is replaced whole). A non-empty directory that is not a previous save
        (no manifest of ours) is refused. Result files are copied as they are, each checked against
        its sha256 as it is copied (`ResultIntegrityError`). Every path is built from period labels and
        sanitised fixed names, so nothing is written outside `path` whatever the server returned.
        """
        params = self._read(lambda journal: journal.params)
        head = {
            "sdk_version": __version__, "batch_id": self.batch_id, "export_type": params.export_type,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "strategies": [s["name"] if isinstance(s, Mapping) else s.name for s in params.strategies],
            "status": self.status,
        }  # fmt: skip
        return save_dataset(Path(path).resolve(), self._results(), head, workdir=self.workdir)

    def scan_trades(self, path: str | Path | None = None) -> pl.LazyFrame:
        """A `pl.LazyFrame` over trades: a saved dataset (`save(path)`) or, by default, the work directory.

        Lazy all the way, so results larger than memory stay queryable (Polars, or DuckDB on the files).
        It has the leading columns of `all_trades()`. Every file is checked against its sha256 first (the
        journal's, or for a saved dataset its manifest's, which also decides the files read).
        """
        if path is not None:
            return scan_saved(Path(path))
        scans = [
            with_period(pl.scan_parquet(r.checked_file("trades")), r.period)
            for r in self.completed
            if "trades" in r.files()
        ]
        if not scans:
            raise ConfigError("no completed period has trades yet: wait() for the batch first")
        return pl.concat(scans, how="vertical")

    # -- display and lifetime ----------------------------------------------------------------------

    def close(self) -> None:
        """Stop the background run (the journal keeps everything for `resume`) and release files.

        Returns once the run has stopped (bounded: after 10 s a warning is logged and it returns anyway).
        The results stay readable: a later read reopens the journal read-only.
        """
        self._close_reader()
        if self._closed:
            return
        self._closed = True
        if not self._future.done():
            self._stop()
        if self._owner is None:
            self._journal.close()
            return
        self._owner.release(self._journal)
        if self._owns_owner:
            self._owner.close()

    def __enter__(self) -> BatchResults:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- looking at results (tradepose._display; charts and report need the `plot` extra) -----------

    def _repr_html_(self) -> str:
        return batch_card(self)

    def plot_equity(self, layout: EquityLayout = "panels") -> alt.Chart | alt.FacetChart:
        """Cumulative PnL over time per strategy × blueprint: one panel per period, or `layout="overlay"`."""
        return equity_chart(self.all_trades(), layout=layout)

    def plot_summary(self, metric: str = "total", metric_type: str = "pnl") -> alt.Chart:
        """One bar per period × strategy (× blueprint) of a performance column (`total`, `sharpe_ratio`, ...)."""
        return summary_chart(self.summary(), metric, metric_type=metric_type)

    def report(
        self, path: str | Path, *, charts: Sequence[ChartName] = CHARTS, layout: EquityLayout = "panels",
        metric: str = "total",
    ) -> Path:  # fmt: skip
        """Write one self-contained HTML report (summary tables, charts as inline SVG); returns its path."""
        return write_results_report(path, data_of(self), charts=charts, layout=layout, metric=metric)
