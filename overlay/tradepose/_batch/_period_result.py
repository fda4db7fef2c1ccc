"""One period of a batch: `PeriodResult`, its status, and the per-strategy `ResultView`.

A `PeriodResult` reads one journal row; its frames load from the work directory on first use (each
file checked against its journalled sha256 first, see `_integrity`) and are cached in the cache its
`BatchResults` shares. Frames of many periods carry three leading columns: `period` (the period's
label, e.g. `2024Q1`), `period_start` and `period_end` (dates, the first and last day included).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, TypeVar

import polars as pl

from .._authoring._period import Period
from .._client._parquet_columns import PERFORMANCE_SCHEMA, TRADES_SCHEMA
from .._errors import ConfigError
from ._integrity import check_file
from ._journal import FAILED_STATES, PeriodRow, ResultFile
from ._views import period_card, view_card, view_repr

__all__ = [
    "PERIOD_COLUMNS",
    "PeriodResult",
    "PeriodStatus",
    "ResultView",
    "empty_frame",
    "status_of",
    "view_of",
    "with_period",
]

PeriodStatus = Literal["pending", "processing", "completed", "failed"]
FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)
PERIOD_COLUMNS: Final = pl.Schema({"period": pl.String(), "period_start": pl.Date(), "period_end": pl.Date()})
_SCHEMAS: Final = {"trades": TRADES_SCHEMA, "performance": PERFORMANCE_SCHEMA}


def status_of(row: PeriodRow) -> PeriodStatus:
    if row.state == "done":
        return "completed"
    if row.state in FAILED_STATES:  # failed, timed_out, ambiguous: see `PeriodResult.state`
        return "failed"
    if row.state == "submitted" and row.gateway_status not in (None, 0):
        return "processing"  # running, or completed and downloading
    return "pending"


def _period_exprs(period: Period) -> list[pl.Expr]:
    """The columns `period` (label), `period_start` and `period_end` (dates) as literals."""
    return [
        pl.lit(period.label, pl.String()).alias("period"),
        pl.lit(period.start_date, pl.Date()).alias("period_start"),
        pl.lit(period.end_date, pl.Date()).alias("period_end"),
    ]


def with_period(frame: FrameT, period: Period) -> FrameT:
    """`frame` (eager or lazy) with the leading columns `period` (label), `period_start` and `period_end`."""
    return frame.select(*_period_exprs(period), pl.all())


def empty_frame(name: str) -> pl.DataFrame:
    """No rows, but every column a frame of many periods would have: the period columns, then the gateway's."""
    return pl.DataFrame(schema=pl.Schema({**PERIOD_COLUMNS, **_SCHEMAS.get(name, pl.Schema())}))


@dataclass(frozen=True)
class ResultView:
    """Trades and performance filtered to one strategy (and optionally one blueprint)."""

    strategy_name: str
    blueprint_name: str | None
    trades: pl.DataFrame
    performance: pl.DataFrame

    def __repr__(self) -> str:
        return view_repr(self)

    def _repr_html_(self) -> str:
        return view_card(self)


def _filter(frame: pl.DataFrame, strategy: str, blueprint: str | None) -> pl.DataFrame:
    expr = pl.col("strategy_name") == strategy
    if blueprint is not None:
        expr &= pl.col("blueprint_name") == blueprint
    return frame.filter(expr)


def view_of(
    trades: pl.DataFrame,
    performance: pl.DataFrame,
    strategy: str,
    blueprint: str | None,
    batch_strategies: frozenset[str] = frozenset(),
) -> ResultView:
    """The rows of one strategy (and blueprint); a strategy of the batch with no results yet gets empty frames."""
    found = set(performance["strategy_name"].to_list()) | set(trades["strategy_name"].to_list())
    known = sorted(found | batch_strategies)
    if strategy not in known:
        raise KeyError(f"no strategy named {strategy!r} in these results; known: {', '.join(known) or 'none'}")
    if blueprint is not None:
        blueprints = sorted(set(_filter(performance, strategy, None)["blueprint_name"].to_list()))
        if blueprint not in blueprints and strategy in found:
            raise KeyError(f"strategy {strategy!r} has no blueprint {blueprint!r}; known: {', '.join(blueprints)}")
    return ResultView(
        strategy, blueprint, _filter(trades, strategy, blueprint), _filter(performance, strategy, blueprint)
    )


class PeriodResult:
    """One period of a batch (one gateway task). Frames load from the work directory on first use."""

    def __init__(
        self, row: PeriodRow, cache: dict[tuple[str, str], pl.DataFrame], lock: threading.Lock, *, workdir: Path
    ) -> None:
        self._row = row
        self._cache = cache
        self._lock = lock
        self._workdir = workdir

    def __repr__(self) -> str:
        extra = f", error={self.error!r}" if self.error else ""
        return f"PeriodResult({self.label}, status={self.status!r}, task_id={self.task_id!r}{extra})"

    @property
    def period(self) -> Period:
        return self._row.period

    @property
    def label(self) -> str:
        """The period's label (`2024Q1`, `2024-03`, ...), as in frames, saved partitions and the CLI."""
        return self._row.period.label

    @property
    def key(self) -> str:
        """The same as `label`: `BatchResults.results` is keyed by it."""
        return self._row.period.label

    @property
    def task_id(self) -> str | None:
        return self._row.task_id

    @property
    def status(self) -> PeriodStatus:
        return status_of(self._row)

    @property
    def error(self) -> str | None:
        """Why the period failed (submission, task or download), else None."""
        return self._row.error if self._row.state in FAILED_STATES else None

    @property
    def error_stage(self) -> str | None:
        return self._row.error_stage if self._row.state in FAILED_STATES else None

    @property
    def state(self) -> str:
        """The journal state: planned, submitting, submitted, done, failed, timed_out or ambiguous.

        `status` folds it for counting: timed_out and ambiguous periods count as "failed" (finished
        without a result), so `summary()`, `status` and the progress counts agree.
        """
        return self._row.state

    @property
    def duplicate_risk(self) -> bool:
        """True if this period was re-submitted after a submission whose outcome was unknown."""
        return self._row.duplicate_risk

    @property
    def finished_at(self) -> dt.datetime | None:
        """When the result was complete on disk (or the failure recorded), UTC."""
        return dt.datetime.fromisoformat(self._row.finished_at) if self._row.finished_at else None

    def recorded(self) -> tuple[ResultFile, ...]:
        """The recorded result files with their sha256 and size, as the journal holds them."""
        return self._row.results

    def files(self) -> dict[str, Path]:
        """The recorded result files by name (e.g. `trades`, `performance`)."""
        return {f.name: f.path for f in self._row.results}

    def frame(self, name: str) -> pl.DataFrame:
        """A result frame by name; raises if the period is not completed.

        The file is checked against its journalled sha256 first (once per process, then by size and
        mtime); a missing or altered one raises `ResultIntegrityError`.
        """
        if self.status != "completed":
            raise ConfigError(
                f"period {self.label} is {self.status}, not completed"
                + (f" ({self.error})" if self.error else ": wait() for the batch first")
            )
        files = self.files()
        if name not in files:
            raise KeyError(f"period {self.label} has no result {name!r}; it has: {', '.join(sorted(files))}")
        with self._lock:
            cached = self._cache.get((self._row.key, name))
            if cached is None:
                cached = pl.read_parquet(self.checked_file(name))
                self._cache[(self._row.key, name)] = cached
        return cached

    def checked_file(self, name: str) -> Path:
        """The path of result `name` once it matches its journalled sha256 (`ResultIntegrityError` if not)."""
        recorded = {f.name: f for f in self._row.results}
        if name not in recorded:
            raise KeyError(f"period {self.label} has no result {name!r}; it has: {', '.join(sorted(recorded))}")
        return check_file(recorded[name], label=f"{self.label} {name}", workdir=self._workdir)

    @property
    def trades(self) -> pl.DataFrame:
        return self.frame("trades")

    @property
    def performance(self) -> pl.DataFrame:
        return self.frame("performance")

    @property
    def ohlcv(self) -> pl.DataFrame:
        """The enhanced or on-demand OHLCV frame of an OHLCV batch."""
        names = [n for n in ("enhanced_ohlcv", "on_demand_ohlcv") if n in self.files()]
        return self.frame(names[0] if names else "enhanced_ohlcv")

    def for_strategy(self, strategy_name: str, blueprint_name: str | None = None) -> ResultView:
        """This period's trades and performance for one strategy (and blueprint)."""
        return view_of(self.trades, self.performance, strategy_name, blueprint_name)

    def summary(self) -> pl.DataFrame:
        """The performance frame with the leading columns `period`, `period_start` and `period_end`."""
        return with_period(self.performance, self.period)

    def _repr_html_(self) -> str:
        return period_card(self)
