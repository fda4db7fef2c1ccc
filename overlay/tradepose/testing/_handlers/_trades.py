"""The `trades` operation: stored trades filtered by strategy, blueprint, portfolio, time and signal, paged."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations

__all__ = ["HANDLERS"]


def _instant(text: str) -> datetime:
    """Parse an RFC 3339 date-time (already validated), tolerating `z`/`t` and leap seconds."""
    text = text.upper().replace("Z", "+00:00")
    text = re.sub(r"(T\d\d:\d\d):60", r"\1:59", text)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def list_trades(ctx: Ctx) -> Response:
    p = ctx.params
    state = ctx.runtime.state
    selected: set[tuple[str, str]] | None = None
    if p["portfolio_name"] is not None:
        # An unknown portfolio selects nothing (no 404: this is a filter).
        portfolio = state.portfolios.get(p["portfolio_name"])
        selections = portfolio["selections"] if portfolio else []
        selected = {(s["strategy_name"], s["blueprint_name"]) for s in selections}
    start = _instant(p["start_time"]) if p["start_time"] else None
    end = _instant(p["end_time"]) if p["end_time"] else None
    with state.lock:
        rows = [
            row
            for row in state.trades
            if (p["strategy_name"] is None or row["strategy_name"] == p["strategy_name"])
            and (p["blueprint_name"] is None or row["blueprint_name"] == p["blueprint_name"])
            and (selected is None or (row["strategy_name"], row["blueprint_name"]) in selected)
            and (start is None or row["entry_time"] >= start)
            and (end is None or row["entry_time"] <= end)
            and (p["has_entry_signal"] is None or row["has_entry_signal"] == p["has_entry_signal"])
            and (p["has_exit_signal"] is None or row["has_exit_signal"] == p["has_exit_signal"])
        ]
    page = rows[p["offset"] : p["offset"] + p["limit"]]
    return json_response({"trades": page, "count": len(page), "limit": p["limit"], "offset": p["offset"]})


HANDLERS: Final[dict[str, Handler]] = operations(list_trades)
