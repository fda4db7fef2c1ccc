"""The batch workflows: how each export type's request is built and which result files it yields."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradepose_api.models.export_request import ExportRequest
from tradepose_api.models.export_type import ExportType
from tradepose_api.models.indicator_spec import IndicatorSpec
from tradepose_api.models.persist_mode import PersistMode
from tradepose_api.models.strategy_config import StrategyConfig

from .._authoring._period import Period
from .._client._async_client import AsyncTradePoseClient
from .._client._result_files import fetch_backtest_zip, fetch_result_file
from .._client._runner import BacktestAdapter, EnhancedOhlcvAdapter, OnDemandOhlcvAdapter
from .._errors import TradePoseError

__all__ = ["BatchKind", "Bundle", "Fetch", "kind_for"]


# Downloads one result of a task into a file (verified and schema-checked); returns its (sha256, size).
Fetch = Callable[[AsyncTradePoseClient, str, Path], Awaitable[tuple[str, int]]]
# Downloads every result of a task in one request (an archive at the given path, removed afterwards) into
# the files given by name; returns each file's (sha256, size).
Bundle = Callable[[AsyncTradePoseClient, str, Path, Mapping[str, Path]], Awaitable[dict[str, tuple[str, int]]]]


def _result(name: str) -> Fetch:
    return lambda client, task_id, dest: fetch_result_file(client, task_id, name, dest)


@dataclass(frozen=True, slots=True)
class BatchKind:
    """What differs between batch workflows: the export request and the result files."""

    export_type: ExportType
    results: Mapping[str, Fetch]  # logical name -> fetcher; file `<name>.parquet`
    build: Callable[[Sequence[StrategyConfig], Period, Mapping[str, Any]], ExportRequest]
    bundle: Bundle | None = None  # all results in one request, when the gateway serves that route

    def filename(self, name: str) -> str:
        return f"{name}.parquet"


def _backtest(strategies: Sequence[StrategyConfig], period: Period, options: Mapping[str, Any]) -> ExportRequest:
    start, end = period.to_wire()
    ids = options.get("strategy_ids")
    return BacktestAdapter(strategies, start, end, ids, PersistMode(options.get("persist_mode", 0))).build_request()


def _enhanced(strategies: Sequence[StrategyConfig], period: Period, options: Mapping[str, Any]) -> ExportRequest:
    start, end = period.to_wire()
    return EnhancedOhlcvAdapter(
        strategies, start, end, options.get("strategy_name"), options.get("blueprint_name"),
        PersistMode(options.get("persist_mode", 0)),
    ).build_request()  # fmt: skip


def _on_demand(strategies: Sequence[StrategyConfig], period: Period, options: Mapping[str, Any]) -> ExportRequest:
    start, end = period.to_wire()
    specs = [IndicatorSpec.from_dict(s) for s in options["indicator_specs"]]
    return OnDemandOhlcvAdapter(
        options["base_instrument"], options["base_freq"], start, end, specs, PersistMode(options.get("persist_mode", 0))
    ).build_request()


_KINDS = {
    ExportType.BACKTEST_RESULTS: BatchKind(
        ExportType.BACKTEST_RESULTS,
        {"trades": _result("trades"), "performance": _result("performance")},
        _backtest,
        bundle=fetch_backtest_zip,
    ),
    ExportType.ENHANCED_OHLCV: BatchKind(
        ExportType.ENHANCED_OHLCV, {"enhanced_ohlcv": _result("enhanced_ohlcv")}, _enhanced
    ),
    ExportType.ON_DEMAND_OHLCV: BatchKind(
        ExportType.ON_DEMAND_OHLCV, {"on_demand_ohlcv": _result("on_demand_ohlcv")}, _on_demand
    ),
}


def kind_for(export_type: int) -> BatchKind:
    """The workflow of a journalled batch."""
    try:
        return _KINDS[ExportType(export_type)]
    except (ValueError, KeyError):
        raise TradePoseError(f"export type {export_type} is not a batch workflow this SDK can run") from None
