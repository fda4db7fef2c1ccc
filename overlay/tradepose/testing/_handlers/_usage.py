"""The `usage` operation: request counts over sliding windows and the remaining monthly quota."""

from __future__ import annotations

from typing import Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._state import PLANS, now

__all__ = ["HANDLERS"]


async def get_current_usage(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    quota = int(PLANS[state.plan]["limits"]["monthly_quota"])
    used = state.month_usage()
    current = now()
    return json_response(
        {
            "period_start": current.replace(day=1, hour=0, minute=0, second=0, microsecond=0),
            "last_minute": state.usage_window(60),
            "last_hour": state.usage_window(3_600),
            "last_day": state.usage_window(86_400),
            "current_period": {**state.usage_window(86_400 * 31), "total_requests": used},
            "plan": state.plan,
            "monthly_quota": quota,
            "requests_per_minute": state.requests_per_minute,
            "remaining_quota": max(0, quota - used),
            "quota_percentage_used": min(100.0, 100.0 * used / quota),
            "last_updated": current,
        }
    )


HANDLERS: Final[dict[str, Handler]] = operations(get_current_usage)
