"""The `export` operation: create an export task (backtest, OHLCV, latest trades, validation)."""

from __future__ import annotations

import uuid
from typing import Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._state import OPERATION_TYPES, TaskRecord, now

__all__ = ["HANDLERS"]


async def create_export(ctx: Ctx) -> Response:
    body = dict(ctx.body)
    export_type = int(body["export_type"])
    body["export_type"] = export_type
    body["persist_mode"] = int(body.get("persist_mode") or 0)
    record = TaskRecord(str(uuid.uuid4()), export_type, body, now())
    with ctx.runtime.state.lock:
        ctx.runtime.state.tasks[record.task_id] = record
    ctx.runtime.start_task(record)
    operation = OPERATION_TYPES[export_type]
    return json_response(
        {"task_id": record.task_id, "message": f"{operation} task created", "operation_type": operation}
    )


HANDLERS: Final[dict[str, Handler]] = operations(create_export)
