"""The `instruments` operations: a filtered, paged instrument list and one instrument by id."""

from __future__ import annotations

from typing import Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._state import ApiError

__all__ = ["HANDLERS"]


async def list_instruments(ctx: Ctx) -> Response:
    p = ctx.params
    rows = [
        row
        for row in ctx.runtime.state.instruments
        if (p["symbol"] is None or p["symbol"].lower() in row["symbol"].lower())
        and all(p[key] is None or p[key] == row[key] for key in ("account_source", "broker_type", "market_type"))
    ]
    page = rows[p["offset"] : p["offset"] + p["limit"]]
    return json_response(
        {"instruments": page, "count": len(page), "total": len(rows), "limit": p["limit"], "offset": p["offset"]}
    )


async def get_instrument(ctx: Ctx) -> Response:
    for row in ctx.runtime.state.instruments:
        if row["id"] == ctx.params["instrument_id"]:
            return json_response(row)
    raise ApiError(404, f"Instrument {ctx.params['instrument_id']} not found")


HANDLERS: Final[dict[str, Handler]] = operations(list_instruments, get_instrument)
