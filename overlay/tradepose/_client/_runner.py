"""One generic operation runner – submit, poll, download – with a thin adapter per export type.

`run_export` knows the workflow (one POST, poll, fetch); each adapter only knows how to build its
`ExportRequest` and which result to fetch. Results come through the `ResultSource` protocols, so this
module knows nothing of the clients that use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import polars as pl
from tradepose_api.models.export_request import ExportRequest
from tradepose_api.models.export_type import ExportType
from tradepose_api.models.indicator_spec import IndicatorSpec
from tradepose_api.models.latest_trades_result import LatestTradesResult
from tradepose_api.models.persist_mode import PersistMode
from tradepose_api.models.strategy_config import StrategyConfig
from tradepose_api.models.task_metadata_response import TaskMetadataResponse
from tradepose_api.models.validation_result import ValidationResult
from tradepose_api.types import UNSET

from .._display._tables import card_html, key_metrics
from .._errors import InputError, StrategyError

__all__ = [
    "AsyncResultSource",
    "BacktestAdapter",
    "BacktestResult",
    "DateLike",
    "EnhancedOhlcvAdapter",
    "ExportAdapter",
    "LatestTradesAdapter",
    "OnDemandOhlcvAdapter",
    "ResultSource",
    "StrategyLike",
    "ValidationAdapter",
    "run_export",
    "run_export_async",
    "to_indicator_specs",
    "to_strategy_configs",
    "to_wire_date",
]

T_co = TypeVar("T_co", covariant=True)
DateLike = dt.date | dt.datetime | str
StrategyLike = StrategyConfig | Mapping[str, Any]

# The gateway requires dates on validation tasks although it ignores them; these are what its own client sends.
_VALIDATION_DATES = ("2024-01-01", "2024-01-02")


def to_wire_date(value: DateLike) -> str:
    """`YYYY-MM-DD` for dates, `YYYY-MM-DDTHH:MM:SS` for datetimes (aware ones converted to UTC)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed: dt.date | dt.datetime = (
                dt.datetime.fromisoformat(text) if "T" in text or " " in text else dt.date.fromisoformat(text)
            )
        except ValueError:
            raise InputError(
                f"date {value!r} is not ISO 8601 (use e.g. '2024-01-31' or '2024-01-31T00:00:00')"
            ) from None
        return to_wire_date(parsed)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise InputError(f"expected a date, datetime or ISO string, got {type(value).__name__}")


def to_strategy_configs(strategies: StrategyLike | Iterable[StrategyLike]) -> list[StrategyConfig]:
    """Accept generated `StrategyConfig` models or wire-format dicts (one or many); `StrategyError` otherwise.

    The one conversion to `StrategyConfig`: the clients and `load_strategies` (hence BatchTester) use it.
    """
    if isinstance(strategies, StrategyConfig | Mapping):
        items: list[Any] = [strategies]
    elif isinstance(strategies, Iterable) and not isinstance(strategies, str | bytes):
        items = list(strategies)
    else:
        raise StrategyError(f"expected a StrategyConfig, a dict or a list of them, got {type(strategies).__name__}")
    if not items:
        raise StrategyError("no strategies given: pass at least one StrategyConfig or dict")
    out: list[StrategyConfig] = []
    for item in items:
        if isinstance(item, StrategyConfig):
            out.append(item)
        elif isinstance(item, Mapping):
            try:
                out.append(StrategyConfig.from_dict(dict(item)))
            except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
                name = item.get("name", "?")
                raise StrategyError(
                    f"strategy {name!r} is not a valid StrategyConfig: {type(exc).__name__}: {exc}"
                ) from None
        else:
            raise StrategyError(f"expected a StrategyConfig or dict, got {type(item).__name__}")
    return out


def to_indicator_specs(specs: Iterable[IndicatorSpec | Mapping[str, Any]]) -> list[IndicatorSpec]:
    """Accept generated `IndicatorSpec` models or wire-format dicts."""
    if not isinstance(specs, Iterable) or isinstance(specs, str | bytes | Mapping):
        raise StrategyError(f"expected a list of IndicatorSpec or dicts, got {type(specs).__name__}")
    out: list[IndicatorSpec] = []
    for spec in specs:
        try:
            out.append(spec if isinstance(spec, IndicatorSpec) else IndicatorSpec.from_dict(dict(spec)))
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
            raise StrategyError(f"not a valid IndicatorSpec: {type(exc).__name__}: {exc}") from None
    return out


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """The outcome of one backtest task."""

    task_id: str
    trades: pl.DataFrame
    performance: pl.DataFrame
    metadata: TaskMetadataResponse

    def _repr_html_(self) -> str:
        return card_html(
            f"backtest {self.task_id}",
            facts=[
                ("status", getattr(self.metadata.status, "name", "unknown").lower()),
                ("trades", str(self.trades.height)),
                ("performance rows", str(self.performance.height)),
            ],
            tables=[("key metrics (metric_type pnl)", key_metrics(self.performance))],
        )


class ResultSource(Protocol):
    """Where adapters fetch a finished task's result from (the sync client)."""

    def download_trades(self, task_id: str) -> pl.DataFrame: ...
    def download_performance(self, task_id: str) -> pl.DataFrame: ...
    def download_enhanced_ohlcv(self, task_id: str) -> pl.DataFrame: ...
    def download_on_demand_ohlcv(self, task_id: str) -> pl.DataFrame: ...
    def download_latest_trades(self, task_id: str) -> LatestTradesResult: ...
    def download_validation_result(self, task_id: str) -> ValidationResult: ...


class AsyncResultSource(Protocol):
    """The awaited `ResultSource` (the async client)."""

    async def download_trades(self, task_id: str) -> pl.DataFrame: ...
    async def download_performance(self, task_id: str) -> pl.DataFrame: ...
    async def download_enhanced_ohlcv(self, task_id: str) -> pl.DataFrame: ...
    async def download_on_demand_ohlcv(self, task_id: str) -> pl.DataFrame: ...
    async def download_latest_trades(self, task_id: str) -> LatestTradesResult: ...
    async def download_validation_result(self, task_id: str) -> ValidationResult: ...


class ExportAdapter(Protocol[T_co]):
    """What differs between export types: the request, and which result to fetch once complete."""

    def build_request(self) -> ExportRequest: ...

    def fetch(self, client: ResultSource, task_id: str, metadata: TaskMetadataResponse) -> T_co: ...

    async def afetch(self, client: AsyncResultSource, task_id: str, metadata: TaskMetadataResponse) -> T_co: ...


@dataclass(frozen=True)
class BacktestAdapter:
    """export_type 0: trades and performance as Parquet frames."""

    strategies: Sequence[StrategyConfig]
    start_date: str
    end_date: str
    strategy_ids: Sequence[str] | None = None
    persist_mode: PersistMode = PersistMode.REDIS

    def build_request(self) -> ExportRequest:
        return ExportRequest(
            strategy_configs=list(self.strategies), export_type=ExportType.BACKTEST_RESULTS,
            persist_mode=self.persist_mode, start_date=self.start_date, end_date=self.end_date,
            strategy_ids=list(self.strategy_ids) if self.strategy_ids is not None else UNSET,
        )  # fmt: skip

    def fetch(self, client: ResultSource, task_id: str, metadata: TaskMetadataResponse) -> BacktestResult:
        trades, performance = client.download_trades(task_id), client.download_performance(task_id)
        return BacktestResult(task_id, trades, performance, metadata)

    async def afetch(self, client: AsyncResultSource, task_id: str, metadata: TaskMetadataResponse) -> BacktestResult:
        trades, performance = await client.download_trades(task_id), await client.download_performance(task_id)
        return BacktestResult(task_id, trades, performance, metadata)


@dataclass(frozen=True)
class EnhancedOhlcvAdapter:
    """export_type 2: OHLCV with signals for one strategy/blueprint."""

    strategies: Sequence[StrategyConfig]
    start_date: str
    end_date: str
    strategy_name: str | None = None
    blueprint_name: str | None = None
    persist_mode: PersistMode = PersistMode.REDIS

    def build_request(self) -> ExportRequest:
        return ExportRequest(
            strategy_configs=list(self.strategies), export_type=ExportType.ENHANCED_OHLCV,
            persist_mode=self.persist_mode, start_date=self.start_date, end_date=self.end_date,
            strategy_name=self.strategy_name if self.strategy_name is not None else UNSET,
            blueprint_name=self.blueprint_name if self.blueprint_name is not None else UNSET,
        )  # fmt: skip

    def fetch(self, client: ResultSource, task_id: str, metadata: TaskMetadataResponse) -> pl.DataFrame:
        return client.download_enhanced_ohlcv(task_id)

    async def afetch(self, client: AsyncResultSource, task_id: str, metadata: TaskMetadataResponse) -> pl.DataFrame:
        return await client.download_enhanced_ohlcv(task_id)


@dataclass(frozen=True)
class OnDemandOhlcvAdapter:
    """export_type 3: OHLCV plus indicators for an instrument, no strategy needed."""

    base_instrument: str
    base_freq: str
    start_date: str
    end_date: str
    indicator_specs: Sequence[IndicatorSpec]
    persist_mode: PersistMode = PersistMode.REDIS

    def placeholder_strategy(self) -> StrategyConfig:
        # The gateway requires strategy_configs even here; this is the shape its own client sends (§2.3).
        blueprint = {"name": "_ohlcv_export_dummy", "direction": "Long", "trend_type": "Trend",
                     "entry_first": True, "entry_triggers": [], "exit_triggers": []}  # fmt: skip
        return StrategyConfig.from_dict({
            "name": f"on_demand_{self.base_instrument}_{self.base_freq}", "base_instrument": self.base_instrument,
            "base_freq": self.base_freq, "note": "On-demand OHLCV export (auto-generated)",
            "indicators": [s.to_dict() for s in self.indicator_specs], "base_blueprint": blueprint,
        })  # fmt: skip

    def build_request(self) -> ExportRequest:
        return ExportRequest(
            strategy_configs=[self.placeholder_strategy()], export_type=ExportType.ON_DEMAND_OHLCV,
            persist_mode=self.persist_mode, start_date=self.start_date, end_date=self.end_date,
            base_instrument=self.base_instrument, base_freq=self.base_freq,
            indicator_specs=list(self.indicator_specs),
        )  # fmt: skip

    def fetch(self, client: ResultSource, task_id: str, metadata: TaskMetadataResponse) -> pl.DataFrame:
        return client.download_on_demand_ohlcv(task_id)

    async def afetch(self, client: AsyncResultSource, task_id: str, metadata: TaskMetadataResponse) -> pl.DataFrame:
        return await client.download_on_demand_ohlcv(task_id)


@dataclass(frozen=True)
class LatestTradesAdapter:
    """export_type 1: the latest trades per (strategy, blueprint)."""

    strategies: Sequence[StrategyConfig]
    start_date: str
    strategy_ids: Sequence[str] | None = None
    trade_count: int | None = None
    persist_mode: PersistMode = PersistMode.REDIS

    def build_request(self) -> ExportRequest:
        return ExportRequest(
            strategy_configs=list(self.strategies), export_type=ExportType.LATEST_TRADES,
            persist_mode=self.persist_mode, start_date=self.start_date,
            strategy_ids=list(self.strategy_ids) if self.strategy_ids is not None else UNSET,
            trade_count=self.trade_count if self.trade_count is not None else UNSET,
        )  # fmt: skip

    def fetch(self, client: ResultSource, task_id: str, metadata: TaskMetadataResponse) -> LatestTradesResult:
        return client.download_latest_trades(task_id)

    async def afetch(
        self, client: AsyncResultSource, task_id: str, metadata: TaskMetadataResponse
    ) -> LatestTradesResult:
        return await client.download_latest_trades(task_id)


@dataclass(frozen=True)
class ValidationAdapter:
    """export_type 4: validate strategies without running them."""

    strategies: Sequence[StrategyConfig]

    def build_request(self) -> ExportRequest:
        return ExportRequest(
            strategy_configs=list(self.strategies), export_type=ExportType.VALIDATE_STRATEGY,
            start_date=_VALIDATION_DATES[0], end_date=_VALIDATION_DATES[1],
        )  # fmt: skip

    def fetch(self, client: ResultSource, task_id: str, metadata: TaskMetadataResponse) -> ValidationResult:
        return client.download_validation_result(task_id)

    async def afetch(self, client: AsyncResultSource, task_id: str, metadata: TaskMetadataResponse) -> ValidationResult:
        return await client.download_validation_result(task_id)


def run_export(
    adapter: ExportAdapter[T_co],
    source: ResultSource,
    *,
    submit: Callable[[ExportRequest], str],
    poll: Callable[[str], TaskMetadataResponse],
) -> T_co:
    """Submit the adapter's export once, poll it to completion, and fetch its result from `source`.

    `submit` posts the request and returns the task id; the POST is never re-sent after it may have
    reached the gateway. A TaskTimeoutError or TaskCancelledError from `poll` carries the task_id so
    the caller can resume with `poll_until_complete`.
    """
    task_id = submit(adapter.build_request())
    return adapter.fetch(source, task_id, poll(task_id))


async def run_export_async(
    adapter: ExportAdapter[T_co],
    source: AsyncResultSource,
    *,
    submit: Callable[[ExportRequest], Awaitable[str]],
    poll: Callable[[str], Awaitable[TaskMetadataResponse]],
) -> T_co:
    """Async mirror of `run_export`."""
    task_id = await submit(adapter.build_request())
    return await adapter.afetch(source, task_id, await poll(task_id))
