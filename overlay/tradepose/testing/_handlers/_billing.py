"""The operations of openapi.json, one async handler each, keyed by operationId in `HANDLERS`.

A handler gets validated parameters and body (`Ctx`) and returns a response; it raises
`ApiError` for `{"detail": …}` answers (404, 409, 403).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final

from starlette.responses import FileResponse, Response

from tradepose.testing._auth import CLERK_USER_ID, USER_ID
from tradepose.testing._faults import UNKNOWN_TASK_STATUS
from tradepose.testing._runtime import GatewayRuntime
from tradepose.testing._state import (
    COMPLETED,
    FAILED,
    OPERATION_TYPES,
    PENDING,
    PLANS,
    PROCESSING,
    ApiError,
    TaskRecord,
    now,
)

__all__ = ["HANDLERS", "PARQUET", "Ctx", "error_response", "json_response"]

PARQUET: Final = "application/vnd.apache.parquet"


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_response(payload: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON response (ASCII-escaped, so any input string round-trips)."""
    body = json.dumps(payload, default=_default, allow_nan=False)
    return Response(body, status_code=status, headers=dict(headers or {}), media_type="application/json")


def error_response(status: int, detail: str, headers: Mapping[str, str] | None = None) -> Response:
    """A `{"detail": …}` error response."""
    return json_response({"detail": detail}, status, headers)


@dataclass(slots=True)
class Ctx:
    """What a handler gets: validated params and body, and the runtime."""

    params: dict[str, Any]
    body: Any
    runtime: GatewayRuntime


Handler = Callable[[Ctx], Awaitable[Response]]
HANDLERS: Final[dict[str, Handler]] = {}


def operation(handler: Handler) -> Handler:
    """Register `handler` for the operationId equal to its name."""
    HANDLERS[handler.__name__] = handler
    return handler


def _strategy_list_item(strategy: dict[str, Any]) -> dict[str, Any]:
    base = strategy["base_blueprint"]
    return {
        "id": strategy["id"],
        "name": strategy["name"],
        "base_instrument": strategy["base_instrument"],
        "base_freq": strategy["base_freq"],
        "note": strategy.get("note") or "",
        "base_blueprint": {"id": base["id"], "name": base["name"]},
        "advanced_blueprints": [{"id": bp["id"], "name": bp["name"]} for bp in strategy["advanced_blueprints"]],
    }


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _task(ctx: Ctx) -> TaskRecord:
    record = ctx.runtime.state.tasks.get(str(ctx.params["task_id"]).lower())
    if record is None:
        raise ApiError(404, f"Task {ctx.params['task_id']} not found")
    return record


def _finished(ctx: Ctx, allowed: tuple[int, ...], what: str) -> TaskRecord:
    record = _task(ctx)
    if record.export_type not in allowed:
        raise ApiError(404, f"Task {record.task_id} (export_type {record.export_type}) has no {what} result")
    if record.status == FAILED:
        raise ApiError(404, f"Task {record.task_id} failed: {record.error_message}")
    if record.status != COMPLETED:
        raise ApiError(404, f"Result not ready: task {record.task_id} has status {record.status}")
    return record


@operation
async def get_task_status(ctx: Ctx) -> Response:
    record = _task(ctx)
    with ctx.runtime.state.lock:
        body = record.metadata()
    if record.status in (PENDING, PROCESSING) and ctx.runtime.faults.unknown_status():
        body["status"] = UNKNOWN_TASK_STATUS
    return json_response(body)


@operation
async def download_backtest_result(ctx: Ctx) -> Response:
    record = _finished(ctx, (0, 1), "backtest")
    path = await ctx.runtime.zip_path(record)
    return FileResponse(path, media_type="application/zip", filename=f"{record.task_id}.zip")


def _parquet(record: TaskRecord, key: str) -> Response:
    return FileResponse(record.results[key], media_type=PARQUET, filename=f"{key}.parquet")


@operation
async def download_enhanced_ohlcv(ctx: Ctx) -> Response:
    return _parquet(_finished(ctx, (2,), "enhanced_ohlcv"), "enhanced_ohlcv")


@operation
async def download_on_demand_ohlcv(ctx: Ctx) -> Response:
    return _parquet(_finished(ctx, (3,), "on_demand_ohlcv"), "on_demand_ohlcv")


@operation
async def download_task_result(ctx: Ctx) -> Response:
    kind = ctx.params["result_type"]
    allowed = {"trades": (0, 1), "performance": (0, 1), "enhanced_ohlcv": (2,), "on_demand_ohlcv": (3,)}[kind]
    return _parquet(_finished(ctx, allowed, kind), kind)


@operation
async def get_latest_trades(ctx: Ctx) -> Response:
    return json_response(_finished(ctx, (1,), "latest_trades").json_result)


@operation
async def get_validation_result(ctx: Ctx) -> Response:
    return json_response(_finished(ctx, (4,), "validation_result").json_result)


@operation
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


@operation
async def create_strategy(ctx: Ctx) -> Response:
    body = ctx.body
    strategies = ctx.runtime.state.strategies
    existing = strategies.get(body["name"])
    if existing is not None:
        return json_response(_public(existing))
    strategy = dict(body)
    strategy["id"] = str(uuid.uuid4())
    strategy.setdefault("note", "")
    strategy.setdefault("indicators", [])
    strategy["base_blueprint"] = {**body["base_blueprint"], "id": str(uuid.uuid4())}
    strategy["advanced_blueprints"] = [{**bp, "id": str(uuid.uuid4())} for bp in body.get("advanced_blueprints", [])]
    strategy["_archived"] = False
    strategies[strategy["name"]] = strategy
    return json_response(_public(strategy))


@operation
async def list_strategies(ctx: Ctx) -> Response:
    archived = ctx.params["archived"]
    items = [_strategy_list_item(s) for s in ctx.runtime.state.strategies.values() if s["_archived"] == archived]
    return json_response({"strategies": items, "count": len(items)})


@operation
async def get_strategy(ctx: Ctx) -> Response:
    wanted = str(ctx.params["strategy"]).lower()
    for strategy in ctx.runtime.state.strategies.values():
        if strategy["id"] == wanted:
            return json_response(_public(strategy))
    raise ApiError(404, f"Strategy {ctx.params['strategy']} not found")


@operation
async def delete_strategy(ctx: Ctx) -> Response:
    name = ctx.params["strategy"]
    strategies = ctx.runtime.state.strategies
    if name not in strategies:
        raise ApiError(404, f"Strategy '{name}' not found")
    if ctx.params["archive"]:
        strategies[name]["_archived"] = True
        return json_response({"message": f"Strategy '{name}' archived"})
    del strategies[name]
    return json_response({"message": f"Strategy '{name}' deleted"})


@operation
async def create_api_key(ctx: Ctx) -> Response:
    key = ctx.runtime.auth.new_key()
    record = ctx.runtime.state.add_key(ctx.body["name"], key)
    ctx.runtime.auth.api_keys[key] = record["id"]
    fields = ("id", "user_id", "name", "api_key", "created_at")
    return json_response({k: record[k] for k in fields})


@operation
async def list_api_keys(ctx: Ctx) -> Response:
    fields = ("id", "user_id", "name", "revoked", "last_used", "created_at")
    keys = [{k: record[k] for k in fields} for record in ctx.runtime.state.keys.values()]
    return json_response({"keys": keys, "total": len(keys)})


@operation
async def revoke_api_key(ctx: Ctx) -> Response:
    record = ctx.runtime.state.keys.get(str(ctx.params["key_id"]).lower())
    if record is None:
        raise ApiError(404, f"API key {ctx.params['key_id']} not found")
    record["revoked"] = True
    ctx.runtime.auth.api_keys.pop(record["api_key"], None)
    return Response(status_code=204)


@operation
async def list_plans(ctx: Ctx) -> Response:
    return json_response({"plans": list(PLANS.values())})


@operation
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


@operation
async def get_subscription(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    return json_response(
        {
            "subscription": state.subscription,
            "current_plan": PLANS[state.plan],
            "usage_current_month": state.month_usage(),
            "usage_limit": PLANS[state.plan]["limits"]["monthly_quota"],
        }
    )


@operation
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


@operation
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


@operation
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


@operation
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


@operation
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


@operation
async def get_instrument(ctx: Ctx) -> Response:
    for row in ctx.runtime.state.instruments:
        if row["id"] == ctx.params["instrument_id"]:
            return json_response(row)
    raise ApiError(404, f"Instrument {ctx.params['instrument_id']} not found")


def _account(ctx: Ctx) -> dict[str, Any]:
    account = ctx.runtime.state.accounts.get(str(ctx.params["account_id"]).lower())
    if account is None:
        raise ApiError(404, f"Account {ctx.params['account_id']} not found")
    return account


@operation
async def create_account(ctx: Ctx) -> Response:
    body = ctx.body
    created = now()
    account = {
        "id": str(uuid.uuid4()),
        "name": body["name"],
        "broker_type": body["broker_type"],
        "available_markets": body.get("available_markets", ["spot"]),
        "default_market": body.get("default_market"),
        "environment": body.get("environment", "production"),
        "base_url": body.get("base_url"),
        "ws_url": body.get("ws_url"),
        "status": body.get("status", "inactive"),
        "account_source": body.get("account_source"),
        "is_archived": False,
        "last_validated_at": None,
        "validation_error": None,
        "created_at": created,
        "updated_at": created,
        "_credentials": body["credentials"],
    }
    ctx.runtime.state.accounts[account["id"]] = account
    return json_response(_public(account))


@operation
async def list_accounts(ctx: Ctx) -> Response:
    archived = ctx.params["archived"]
    items = [_public(a) for a in ctx.runtime.state.accounts.values() if a["is_archived"] == archived]
    return json_response({"accounts": items, "count": len(items)})


@operation
async def get_account(ctx: Ctx) -> Response:
    return json_response(_public(_account(ctx)))


@operation
async def update_account(ctx: Ctx) -> Response:
    account = _account(ctx)
    for key, value in ctx.body.items():
        if value is None:
            continue
        if key == "credentials":
            account["_credentials"] = value
        elif key in account:
            account[key] = value
    account["updated_at"] = now()
    return json_response(_public(account))


@operation
async def delete_account(ctx: Ctx) -> Response:
    account = _account(ctx)
    if ctx.params["archive"]:
        account["is_archived"] = True
        account["updated_at"] = now()
        return json_response({"message": f"Account {account['id']} archived"})
    state = ctx.runtime.state
    if any(b["account_id"] == account["id"] for b in state.bindings.values()):
        raise ApiError(409, f"Account {account['id']} has bindings; delete them first")
    if any(s.get("account_id") == account["id"] for s in state.slots.values()):
        raise ApiError(409, f"Account {account['id']} is bound to a slot; unbind it first")
    del state.accounts[account["id"]]
    return json_response({"message": f"Account {account['id']} deleted"})


@operation
async def create_binding(ctx: Ctx) -> Response:
    body = ctx.body
    state = ctx.runtime.state
    account = state.accounts.get(str(body["account_id"]).lower())
    if account is None:
        raise ApiError(404, f"Account {body['account_id']} not found")
    portfolio = state.portfolios.get(body["portfolio_name"])
    if portfolio is None:
        raise ApiError(404, f"Portfolio '{body['portfolio_name']}' not found")
    created = now()
    binding = {
        "id": str(uuid.uuid4()),
        "user_id": USER_ID,
        "account_id": account["id"],
        "portfolio_id": portfolio["_id"],
        "execution_mode": body.get("execution_mode", "signal_priority"),
        "is_active": True,
        "created_at": created,
        "updated_at": created,
    }
    state.bindings[binding["id"]] = binding
    return json_response(binding)


@operation
async def list_bindings(ctx: Ctx) -> Response:
    items = list(ctx.runtime.state.bindings.values())
    return json_response({"bindings": items, "count": len(items)})


@operation
async def delete_binding(ctx: Ctx) -> Response:
    binding_id = str(ctx.params["binding_id"]).lower()
    if ctx.runtime.state.bindings.pop(binding_id, None) is None:
        raise ApiError(404, f"Binding {ctx.params['binding_id']} not found")
    return json_response({"message": f"Binding {binding_id} deleted"})


def _portfolio(ctx: Ctx) -> dict[str, Any]:
    portfolio = ctx.runtime.state.portfolios.get(ctx.params["name"])
    if portfolio is None:
        raise ApiError(404, f"Portfolio '{ctx.params['name']}' not found")
    return portfolio


@operation
async def create_portfolio(ctx: Ctx) -> Response:
    body = ctx.body
    portfolios = ctx.runtime.state.portfolios
    if body["name"] in portfolios:
        raise ApiError(409, f"Portfolio '{body['name']}' already exists")
    portfolio = {
        "name": body["name"],
        "capital": body["capital"],
        "currency": body["currency"],
        "account_source": body["account_source"],
        "selections": body.get("selections", []),
        "instrument_mapping": body.get("instrument_mapping"),
        "_id": str(uuid.uuid4()),
        "_archived": False,
    }
    portfolios[portfolio["name"]] = portfolio
    return json_response(_public(portfolio))


@operation
async def list_portfolios(ctx: Ctx) -> Response:
    archived = ctx.params["archived"]
    items = [_public(p) for p in ctx.runtime.state.portfolios.values() if p["_archived"] == archived]
    return json_response({"portfolios": items, "count": len(items)})


@operation
async def get_portfolio(ctx: Ctx) -> Response:
    return json_response(_public(_portfolio(ctx)))


@operation
async def update_portfolio(ctx: Ctx) -> Response:
    portfolio = _portfolio(ctx)
    for key in ("capital", "selections", "instrument_mapping"):
        if ctx.body.get(key) is not None:
            portfolio[key] = ctx.body[key]
    return json_response(_public(portfolio))


@operation
async def delete_portfolio(ctx: Ctx) -> Response:
    portfolio = _portfolio(ctx)
    name = portfolio["name"]
    if ctx.params["archive"]:
        portfolio["_archived"] = True
        return json_response({"message": f"Portfolio '{name}' archived"})
    del ctx.runtime.state.portfolios[name]
    return json_response({"message": f"Portfolio '{name}' deleted"})


def _slot_key(ctx: Ctx) -> tuple[int, int]:
    return int(ctx.params["node_seq"]), int(ctx.params["slot_idx"])


@operation
async def list_slots(ctx: Ctx) -> Response:
    slots = [ctx.runtime.state.slots[key] for key in sorted(ctx.runtime.state.slots)]
    return json_response({"slots": slots, "total": len(slots)})


@operation
async def get_slot(ctx: Ctx) -> Response:
    slot = ctx.runtime.state.slots.get(_slot_key(ctx))
    if slot is None:
        raise ApiError(404, "Slot {}/{} not found".format(*_slot_key(ctx)))
    return json_response(slot)


@operation
async def bind_slot(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    account_id = str(ctx.body["account_id"]).lower()
    if account_id not in state.accounts:
        raise ApiError(404, f"Account {ctx.body['account_id']} not found")
    key = _slot_key(ctx)
    moment = now()
    slot = state.slots.get(key)
    if slot is None:
        slot = {
            "id": str(uuid.uuid4()),
            "user_id": CLERK_USER_ID,
            "node_seq": key[0],
            "slot_idx": key[1],
            "created_at": moment,
        }
        state.slots[key] = slot
    slot.update(account_id=account_id, bound_at=moment, updated_at=moment)
    return json_response(slot)


@operation
async def unbind_slot(ctx: Ctx) -> Response:
    slot = ctx.runtime.state.slots.get(_slot_key(ctx))
    if slot is None:
        raise ApiError(404, "Slot {}/{} not found".format(*_slot_key(ctx)))
    slot.update(account_id=None, bound_at=None, updated_at=now())
    return json_response(slot)


def _instant(text: str) -> datetime:
    """Parse an RFC 3339 date-time (already validated), tolerating `z`/`t` and leap seconds."""
    text = text.upper().replace("Z", "+00:00")
    text = re.sub(r"(T\d\d:\d\d):60", r"\1:59", text)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@operation
async def list_trades(ctx: Ctx) -> Response:
    p = ctx.params
    state = ctx.runtime.state
    selected: set[tuple[str, str]] | None = None
    if p["portfolio_name"] is not None:
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


@operation
async def get_health(ctx: Ctx) -> Response:
    return json_response({"status": "healthy"})
