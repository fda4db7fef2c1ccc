"""One period of a batch: `PeriodResult`, its status, and the per-strategy `ResultView`.

A `PeriodResult` reads one journal row; its frames load from the work directory on first use and are
cached in the cache its `BatchResults` shares.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polars as pl

from .._authoring._period import Period
from .._errors import ConfigError
from ._journal import FAILED_STATES, PeriodRow
from ._views import period_card, view_card, view_repr

__all__ = ["PeriodResult", "PeriodStatus", "ResultView", "status_of", "view_of", "with_period"]

PeriodStatus = Literal["pending", "processing", "completed", "failed"]


def status_of(row: PeriodRow) -> PeriodStatus:
    if row.state == "done":
        return "completed"
    if row.state in FAILED_STATES:  # failed, timed_out, ambiguous: see `PeriodResult.state`
        return "failed"
    if row.state == "submitted" and row.gateway_status not in (None, 0):
        return "processing"  # running, or completed and downloading
    return "pending"


def with_period(frame: pl.DataFrame, key: str) -> pl.DataFrame:
    return frame.with_columns(pl.lit(key).alias("period")).select("period", *frame.columns)


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


def view_of(trades: pl.DataFrame, performance: pl.DataFrame, strategy: str, blueprint: str | None) -> ResultView:
    known = sorted(set(performance["strategy_name"].to_list()) | set(trades["strategy_name"].to_list()))
    if strategy not in known:
        raise KeyError(f"no strategy named {strategy!r} in these results; known: {', '.join(known) or 'none'}")
    if blueprint is not None:
        blueprints = sorted(set(_filter(performance, strategy, None)["blueprint_name"].to_list()))
        if blueprint not in blueprints:
            raise KeyError(f"strategy {strategy!r} has no blueprint {blueprint!r}; known: {', '.join(blueprints)}")
    return ResultView(
        strategy, blueprint, _filter(trades, strategy, blueprint), _filter(performance, strategy, blueprint)
    )


class PeriodResult:
    """One period of a batch (one gateway task). Frames load from the work directory on first use."""

    def __init__(self, row: PeriodRow, cache: dict[tuple[str, str], pl.DataFrame], lock: threading.Lock) -> None:
        self._row = row
        self._cache = cache
        self._lock = lock

    def __repr__(self) -> str:
        extra = f", error={self.error!r}" if self.error else ""
        return f"PeriodResult({self.period}, status={self.status!r}, task_id={self.task_id!r}{extra})"

    @property
    def period(self) -> Period:
        return self._row.period

    @property
    def key(self) -> str:
        return self._row.key

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

    def files(self) -> dict[str, Path]:
        """The recorded result files by name (e.g. `trades`, `performance`)."""
        return {f.name: f.path for f in self._row.results}

    def frame(self, name: str) -> pl.DataFrame:
        """A result frame by name; raises if the period is not completed."""
        if self.status != "completed":
            raise ConfigError(
                f"period {self.key} is {self.status}, not completed"
                + (f" ({self.error})" if self.error else ": wait() for the batch first")
            )
        files = self.files()
        if name not in files:
            raise KeyError(f"period {self.key} has no result {name!r}; it has: {', '.join(sorted(files))}")
        with self._lock:
            cached = self._cache.get((self.key, name))
            if cached is None:
                cached = pl.read_parquet(files[name])
                self._cache[(self.key, name)] = cached
        return cached

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
        """The performance frame with a leading `period` column."""
        return with_period(self.performance, self.key)

    def _repr_html_(self) -> str:
        return period_card(self)
