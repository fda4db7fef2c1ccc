"""The `tasks` operations: task status and the finished task's results (Parquet, zip, JSON)."""

from __future__ import annotations

from typing import Final

from starlette.responses import FileResponse, Response

from tradepose.testing._faults import UNKNOWN_TASK_STATUS
from tradepose.testing._handlers._common import PARQUET, Ctx, Handler, json_response, operations
from tradepose.testing._handlers._records import find
from tradepose.testing._state import COMPLETED, FAILED, PENDING, PROCESSING, ApiError, TaskRecord

__all__ = ["HANDLERS"]

# The export types (gateway-api.md §4) whose tasks produce each result.
_BACKTEST: Final = (0, 1)
_RESULT_EXPORT_TYPES: Final = {
    "trades": _BACKTEST,
    "performance": _BACKTEST,
    "enhanced_ohlcv": (2,),
    "on_demand_ohlcv": (3,),
}


def _task(ctx: Ctx) -> TaskRecord:
    task_id = ctx.params["task_id"]
    return find(ctx.runtime.state.tasks, str(task_id).lower(), f"Task {task_id} not found")


def _finished(ctx: Ctx, allowed: tuple[int, ...], what: str) -> TaskRecord:
    record = _task(ctx)
    if record.export_type not in allowed:
        raise ApiError(404, f"Task {record.task_id} (export_type {record.export_type}) has no {what} result")
    if record.status == FAILED:
        raise ApiError(404, f"Task {record.task_id} failed: {record.error_message}")
    if record.status != COMPLETED:
        raise ApiError(404, f"Result not ready: task {record.task_id} has status {record.status}")
    return record


def _parquet(record: TaskRecord, key: str) -> Response:
    return FileResponse(record.results[key], media_type=PARQUET, filename=f"{key}.parquet")


async def get_task_status(ctx: Ctx) -> Response:
    record = _task(ctx)
    with ctx.runtime.state.lock:
        body = record.metadata()
    if record.status in (PENDING, PROCESSING) and ctx.runtime.faults.unknown_status():
        body["status"] = UNKNOWN_TASK_STATUS
    return json_response(body)


async def download_backtest_result(ctx: Ctx) -> Response:
    if not ctx.runtime.config.zip_route:
        raise ApiError(404, "Not Found")  # what the framework answers for a route it does not have
    record = _finished(ctx, _BACKTEST, "backtest")
    path = await ctx.runtime.zip_path(record)
    return FileResponse(path, media_type="application/zip", filename=f"{record.task_id}.zip")


async def download_enhanced_ohlcv(ctx: Ctx) -> Response:
    return _parquet(_finished(ctx, _RESULT_EXPORT_TYPES["enhanced_ohlcv"], "enhanced_ohlcv"), "enhanced_ohlcv")


async def download_on_demand_ohlcv(ctx: Ctx) -> Response:
    return _parquet(_finished(ctx, _RESULT_EXPORT_TYPES["on_demand_ohlcv"], "on_demand_ohlcv"), "on_demand_ohlcv")


async def download_task_result(ctx: Ctx) -> Response:
    kind = ctx.params["result_type"]
    return _parquet(_finished(ctx, _RESULT_EXPORT_TYPES[kind], kind), kind)


async def get_latest_trades(ctx: Ctx) -> Response:
    return json_response(_finished(ctx, (1,), "latest_trades").json_result)


async def get_validation_result(ctx: Ctx) -> Response:
    return json_response(_finished(ctx, (4,), "validation_result").json_result)


HANDLERS: Final[dict[str, Handler]] = operations(
    get_task_status,
    download_backtest_result,
    download_enhanced_ohlcv,
    download_on_demand_ohlcv,
    download_task_result,
    get_latest_trades,
    get_validation_result,
)
