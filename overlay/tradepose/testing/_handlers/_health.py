"""The `health` operation."""

from __future__ import annotations

from typing import Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations

__all__ = ["HANDLERS"]


async def get_health(ctx: Ctx) -> Response:
    return json_response({"status": "healthy"})


HANDLERS: Final[dict[str, Handler]] = operations(get_health)
