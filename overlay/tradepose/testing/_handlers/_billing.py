"""The `billing` operations: plans, checkout, the subscription, and this month's usage against the quota."""

from __future__ import annotations

from datetime import date
from typing import Final

from starlette.responses import Response

from tradepose.testing._auth import CLERK_USER_ID
from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._state import PLANS, ApiError, now

__all__ = ["HANDLERS"]


async def list_plans(ctx: Ctx) -> Response:
    return json_response({"plans": list(PLANS.values())})


async def create_checkout(ctx: Ctx) -> Response:
    tier, cycle = ctx.body["plan_tier"], ctx.body["billing_cycle"]
    # openapi.json leaves both fields free-form strings, so an unknown value is refused with a
    # documented non-validation status rather than 422.
    if tier not in PLANS or tier == "free":
        raise ApiError(403, f"Plan tier '{tier}' cannot be purchased; choose one of: pro, enterprise")
    if cycle not in ("monthly", "yearly"):
        raise ApiError(403, f"Billing cycle '{cycle}' is not offered; choose monthly or yearly")
    variant = f"local-{tier}-{cycle}"
    return json_response({"checkout_url": f"https://checkout.local.tradepose.invalid/{variant}", "variant_id": variant})


async def get_subscription(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    plan = PLANS[state.plan]
    # The limits this gateway enforces: the plan's, with the configured overrides.
    limits = {**plan["limits"], "requests_per_minute": state.requests_per_minute,
              "max_concurrent_tasks": state.max_concurrent_tasks}  # fmt: skip
    return json_response(
        {
            "subscription": state.subscription,
            "current_plan": {**plan, "limits": limits},
            "usage_current_month": state.month_usage(),
            "usage_limit": PLANS[state.plan]["limits"]["monthly_quota"],
        }
    )


async def cancel_subscription(ctx: Ctx) -> Response:
    subscription = ctx.runtime.state.subscription
    if subscription is None or subscription["status"] != "active":
        raise ApiError(404, "No active subscription to cancel")
    subscription["status"] = "cancelled"
    subscription["updated_at"] = now()
    return json_response(
        {
            "message": "Subscription cancelled; it stays active until the end of the period",
            "status": "cancelled",
            "current_period_end": subscription["current_period_end"],
        }
    )


async def get_usage_stats(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    limits = PLANS[state.plan]["limits"]
    used, quota = state.month_usage(), int(limits["monthly_quota"])
    today = now()
    return json_response(
        {
            "current_month": {
                "user_id": CLERK_USER_ID,
                "current_month": f"{today.year:04d}-{today.month:02d}",
                "usage": used,
                "limit": quota,
                "remaining": max(0, quota - used),
                "percentage_used": min(100.0, 100.0 * used / quota),
            },
            "plan_name": PLANS[state.plan]["name"],
            "plan_tier": state.plan,
            "rate_limit_per_minute": state.requests_per_minute,
            "monthly_quota": quota,
        }
    )


async def get_usage_history(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    today = now().date()
    end = date.fromisoformat(ctx.params["end_date"]) if ctx.params["end_date"] else today
    start = date.fromisoformat(ctx.params["start_date"]) if ctx.params["start_date"] else end.replace(day=1)
    days = sorted((day, n) for day, n in state.daily_usage.items() if start <= day <= end)
    return json_response(
        {
            "user_id": CLERK_USER_ID,
            "start_date": start,
            "end_date": end,
            "total_requests": sum(n for _, n in days),
            "daily_usage": [{"usage_date": day, "requests": n} for day, n in days],
        }
    )


HANDLERS: Final[dict[str, Handler]] = operations(
    list_plans, create_checkout, get_subscription, cancel_subscription, get_usage_stats, get_usage_history
)
