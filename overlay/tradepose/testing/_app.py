"""The local gateway's ASGI application: one route per path of openapi.json, dispatched by method.

Order of work for an `/api/` request: injected faults (latency, 5xx, 429 bursts) → credential
(401/403) → the plan's requests-per-minute (429 + `Retry-After`) → validation against the
spec (422) → the operation's handler. Responses that carry a body may then be cut short by the
drop and truncate faults.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
import uuid
import zipfile
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tradepose.testing import _results
from tradepose.testing._auth import CLERK_USER_ID, USER_ID, Authenticator, AuthFailure
from tradepose.testing._faults import UNKNOWN_TASK_STATUS, FaultConfig, FaultInjector
from tradepose.testing._spec import Operation, RequestInvalid, Spec
from tradepose.testing._state import (
    COMPLETED,
    FAILED,
    OPERATION_TYPES,
    PENDING,
    PLANS,
    PROCESSING,
    ApiError,
    GatewayState,
    TaskRecord,
    now,
)

__all__ = ["GatewayConfig", "GatewayRuntime", "build_app"]

PARQUET: Final = "application/vnd.apache.parquet"
_ZIP_DATE: Final = (1980, 1, 1, 0, 0, 0)
_PERSIST_LIMIT: Final = 10_000


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    """Options of a local gateway.

    `task_duration` is the (min, max) seconds an export task takes, multiplied by `time_scale`
    (0.01 makes the default 1–3 s into 10–30 ms). `requests_per_minute` and
    `max_concurrent_tasks` override the `plan`'s limits. `api_key` fixes the primary key
    (random otherwise); `seed` makes task durations reproducible.
    """

    plan: str = "pro"
    requests_per_minute: int | None = None
    max_concurrent_tasks: int | None = None
    task_duration: tuple[float, float] = (1.0, 3.0)
    time_scale: float = 1.0
    results: _results.ResultOptions = field(default_factory=_results.ResultOptions)
    faults: FaultConfig = field(default_factory=FaultConfig)
    api_key: str | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        low, high = self.task_duration
        if low < 0 or high < low or self.time_scale < 0:
            raise ValueError("task_duration must be 0 <= min <= max and time_scale >= 0")
        if self.plan not in PLANS:
            raise ValueError(f"unknown plan {self.plan!r}; choose one of {sorted(PLANS)}")


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


class GatewayRuntime:
    """State, credentials, faults and the task workers of one running gateway."""

    def __init__(self, config: GatewayConfig, workdir: Path, spec: Spec) -> None:
        self.config = config
        self.workdir = workdir
        self.spec = spec
        self.state = GatewayState(config.plan, config.requests_per_minute, config.max_concurrent_tasks)
        self.auth = Authenticator(config.api_key)
        primary = self.state.add_key("default", self.auth.api_key)
        self.auth.api_keys[self.auth.api_key] = primary["id"]
        self.faults = FaultInjector(config.faults)
        self._random = random.Random(config.seed)
        self._workers: set[asyncio.Task[None]] = set()
        self._semaphore: asyncio.Semaphore | None = None
        self._zip_lock: asyncio.Lock | None = None

    # -- tasks -----------------------------------------------------------------------------

    def start_task(self, record: TaskRecord) -> None:
        """Run an export task in the background on the server loop."""
        worker = asyncio.get_running_loop().create_task(self._run(record))
        self._workers.add(worker)
        worker.add_done_callback(self._workers.discard)

    async def _run(self, record: TaskRecord) -> None:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.state.max_concurrent_tasks)
        low, high = self.config.task_duration
        with self.state.lock:
            total = self._random.uniform(low, high) * self.config.time_scale
        fails = self.faults.task_fails()
        await asyncio.sleep(total * 0.25)
        async with self._semaphore:
            with self.state.lock:
                record.status = PROCESSING
                record.started_at = now()
                record.worker_id = f"local-worker-{len(self._workers) % self.state.max_concurrent_tasks}"
            started = time.monotonic()
            error: str | None = None
            if fails:
                error = "Simulated worker failure (LocalGateway fault injection)"
            else:
                try:
                    await asyncio.to_thread(self._produce, record)
                except (ValueError, KeyError, TypeError, OverflowError) as problem:
                    error = f"Export failed: {problem}"
            await asyncio.sleep(max(0.0, total * 0.75 - (time.monotonic() - started)))
            with self.state.lock:
                record.status = FAILED if error else COMPLETED
                record.error_message = error
                record.completed_at = now()
                self.state.task_events.append((time.monotonic(), record.status))

    def _produce(self, record: TaskRecord) -> None:
        """Generate the task's results (runs in a worker thread)."""
        request, options = record.request, self.config.results
        directory = self.workdir / record.task_id
        directory.mkdir(parents=True, exist_ok=True)
        if record.export_type == 0:
            record.results = _results.write_backtest(directory, request, options)
            if int(request.get("persist_mode") or 0) == 1:
                self._persist(record)
        elif record.export_type == 1:
            record.json_result = _results.latest_trades(request, options)
            count = int(request.get("trade_count") or 2)
            record.results = _results.write_backtest(
                directory, request, _results.ResultOptions(trades_per_blueprint=count)
            )
        elif record.export_type == 2:
            path = directory / "enhanced_ohlcv.parquet"
            path.write_bytes(_results.enhanced_ohlcv(request, options))
            record.results = {"enhanced_ohlcv": path}
        elif record.export_type == 3:
            path = directory / "on_demand_ohlcv.parquet"
            path.write_bytes(_results.on_demand_ohlcv(request, options))
            record.results = {"on_demand_ohlcv": path}
        else:
            record.json_result = _results.validation_result(request)

    def _persist(self, record: TaskRecord) -> None:
        instruments = {str(c["name"]): str(c["base_instrument"]) for c in record.request["strategy_configs"]}
        rows = _results.persisted_trades(record.results["trades"], instruments, _PERSIST_LIMIT)
        created = now()
        with self.state.lock:
            for row in rows:
                row["id"] = str(uuid.uuid4())
                row["created_at"] = created
            self.state.trades.extend(rows)

    async def zip_path(self, record: TaskRecord) -> Path:
        """The task's result ZIP (trades.parquet + performance.parquet), built on first use."""
        if self._zip_lock is None:
            self._zip_lock = asyncio.Lock()
        async with self._zip_lock:
            target = record.results["trades"].parent / "result.zip"
            if not target.exists():
                await asyncio.to_thread(_write_zip, target, record.results["trades"], record.results["performance"])
            return target

    async def shutdown(self) -> None:
        """Cancel the task workers."""
        for worker in list(self._workers):
            worker.cancel()
        for worker in list(self._workers):
            with suppress(asyncio.CancelledError):
                await worker


def _write_zip(target: Path, *members: Path) -> None:
    partial = target.with_suffix(".tmp")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=_ZIP_DATE)
            with archive.open(info, "w", force_zip64=True) as out, member.open("rb") as source:
                while block := source.read(1 << 20):
                    out.write(block)
    partial.replace(target)


# -- handlers ------------------------------------------------------------------------------------


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


async def get_task_status(ctx: Ctx) -> Response:
    record = _task(ctx)
    with ctx.runtime.state.lock:
        body = record.metadata()
    if record.status in (PENDING, PROCESSING) and ctx.runtime.faults.unknown_status():
        body["status"] = UNKNOWN_TASK_STATUS
    return json_response(body)


async def download_backtest_result(ctx: Ctx) -> Response:
    record = _finished(ctx, (0, 1), "backtest")
    path = await ctx.runtime.zip_path(record)
    return FileResponse(path, media_type="application/zip", filename=f"{record.task_id}.zip")


def _parquet(record: TaskRecord, key: str) -> Response:
    return FileResponse(record.results[key], media_type=PARQUET, filename=f"{key}.parquet")


async def download_enhanced_ohlcv(ctx: Ctx) -> Response:
    return _parquet(_finished(ctx, (2,), "enhanced_ohlcv"), "enhanced_ohlcv")


async def download_on_demand_ohlcv(ctx: Ctx) -> Response:
    return _parquet(_finished(ctx, (3,), "on_demand_ohlcv"), "on_demand_ohlcv")


async def download_task_result(ctx: Ctx) -> Response:
    kind = ctx.params["result_type"]
    allowed = {"trades": (0, 1), "performance": (0, 1), "enhanced_ohlcv": (2,), "on_demand_ohlcv": (3,)}[kind]
    return _parquet(_finished(ctx, allowed, kind), kind)


async def get_latest_trades(ctx: Ctx) -> Response:
    return json_response(_finished(ctx, (1,), "latest_trades").json_result)


async def get_validation_result(ctx: Ctx) -> Response:
    return json_response(_finished(ctx, (4,), "validation_result").json_result)


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


async def list_strategies(ctx: Ctx) -> Response:
    archived = ctx.params["archived"]
    items = [_strategy_list_item(s) for s in ctx.runtime.state.strategies.values() if s["_archived"] == archived]
    return json_response({"strategies": items, "count": len(items)})


async def get_strategy(ctx: Ctx) -> Response:
    wanted = str(ctx.params["strategy_id"]).lower()
    for strategy in ctx.runtime.state.strategies.values():
        if strategy["id"] == wanted:
            return json_response(_public(strategy))
    raise ApiError(404, f"Strategy {ctx.params['strategy_id']} not found")


async def delete_strategy(ctx: Ctx) -> Response:
    name = ctx.params["name"]
    strategies = ctx.runtime.state.strategies
    if name not in strategies:
        raise ApiError(404, f"Strategy '{name}' not found")
    if ctx.params["archive"]:
        strategies[name]["_archived"] = True
        return json_response({"message": f"Strategy '{name}' archived"})
    del strategies[name]
    return json_response({"message": f"Strategy '{name}' deleted"})


async def create_api_key(ctx: Ctx) -> Response:
    key = ctx.runtime.auth.new_key()
    record = ctx.runtime.state.add_key(ctx.body["name"], key)
    ctx.runtime.auth.api_keys[key] = record["id"]
    fields = ("id", "user_id", "name", "api_key", "created_at")
    return json_response({k: record[k] for k in fields})


async def list_api_keys(ctx: Ctx) -> Response:
    fields = ("id", "user_id", "name", "revoked", "last_used", "created_at")
    keys = [{k: record[k] for k in fields} for record in ctx.runtime.state.keys.values()]
    return json_response({"keys": keys, "total": len(keys)})


async def revoke_api_key(ctx: Ctx) -> Response:
    record = ctx.runtime.state.keys.get(str(ctx.params["key_id"]).lower())
    if record is None:
        raise ApiError(404, f"API key {ctx.params['key_id']} not found")
    record["revoked"] = True
    ctx.runtime.auth.api_keys.pop(record["api_key"], None)
    return Response(status_code=204)


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
    return json_response(
        {
            "subscription": state.subscription,
            "current_plan": PLANS[state.plan],
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


def _account(ctx: Ctx) -> dict[str, Any]:
    account = ctx.runtime.state.accounts.get(str(ctx.params["account_id"]).lower())
    if account is None:
        raise ApiError(404, f"Account {ctx.params['account_id']} not found")
    return account


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


async def list_accounts(ctx: Ctx) -> Response:
    archived = ctx.params["archived"]
    items = [_public(a) for a in ctx.runtime.state.accounts.values() if a["is_archived"] == archived]
    return json_response({"accounts": items, "count": len(items)})


async def get_account(ctx: Ctx) -> Response:
    return json_response(_public(_account(ctx)))


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


async def list_bindings(ctx: Ctx) -> Response:
    items = list(ctx.runtime.state.bindings.values())
    return json_response({"bindings": items, "count": len(items)})


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


async def list_portfolios(ctx: Ctx) -> Response:
    archived = ctx.params["archived"]
    items = [_public(p) for p in ctx.runtime.state.portfolios.values() if p["_archived"] == archived]
    return json_response({"portfolios": items, "count": len(items)})


async def get_portfolio(ctx: Ctx) -> Response:
    return json_response(_public(_portfolio(ctx)))


async def update_portfolio(ctx: Ctx) -> Response:
    portfolio = _portfolio(ctx)
    for key in ("capital", "selections", "instrument_mapping"):
        if ctx.body.get(key) is not None:
            portfolio[key] = ctx.body[key]
    return json_response(_public(portfolio))


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


async def list_slots(ctx: Ctx) -> Response:
    slots = [ctx.runtime.state.slots[key] for key in sorted(ctx.runtime.state.slots)]
    return json_response({"slots": slots, "total": len(slots)})


async def get_slot(ctx: Ctx) -> Response:
    slot = ctx.runtime.state.slots.get(_slot_key(ctx))
    if slot is None:
        raise ApiError(404, "Slot {}/{} not found".format(*_slot_key(ctx)))
    return json_response(slot)


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


async def get_health(ctx: Ctx) -> Response:
    return json_response({"status": "healthy"})


HANDLERS: Final[dict[str, Handler]] = {
    name: handler
    for name, handler in globals().items()
    if not name.startswith("_")
    and callable(handler)
    and getattr(handler, "__module__", None) == __name__
    and asyncio.iscoroutinefunction(handler)
}


# -- routing -------------------------------------------------------------------------------------

_ALL_METHODS: Final = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
_PARAM: Final = re.compile(r"\{([^}]+)\}")
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@dataclass(frozen=True, slots=True)
class _Shape:
    """The operations sharing one URL shape, e.g. `GET /strategies/{strategy_id}` and
    `DELETE /strategies/{name}` (openapi.json declares both templates)."""

    route_path: str
    operations: dict[str, tuple[Operation, dict[str, str]]]

    def allowed(self, values: Mapping[str, str]) -> list[str]:
        """Methods to advertise in `Allow` for this URL.

        Where two templates share a shape, an operation whose path parameter is a UUID only
        applies when the value is UUID-shaped; otherwise only the others do.
        """
        uuid_shaped = all(_UUID.fullmatch(v) for v in values.values())
        methods = []
        for method, (op, _) in self.operations.items():
            wants_uuid = any(p.schema.get("format") == "uuid" for p in op.parameters if p.location == "path")
            if len({o.path for o, _ in self.operations.values()}) > 1 and wants_uuid != uuid_shaped:
                continue
            methods.append(method)
        if "GET" in methods:
            methods.insert(methods.index("GET") + 1, "HEAD")
        return methods


def _shapes(spec: Spec) -> list[_Shape]:
    grouped: dict[str, list[Operation]] = {}
    for op in spec.operations:
        grouped.setdefault(_PARAM.sub("{}", op.path), []).append(op)
    shapes = []
    for ops in grouped.values():
        first = ops[0].path
        route_path = _PARAM.sub(lambda m: "{" + m.group(1) + ":path}" if m.group(1) == "name" else m.group(0), first)
        if any(_PARAM.findall(op.path) != _PARAM.findall(first) for op in ops):
            route_path = first.replace("{strategy_id}", "{name:path}")
        route_names = [n.split(":")[0] for n in _PARAM.findall(route_path)]
        operations = {op.method: (op, dict(zip(route_names, _PARAM.findall(op.path), strict=True))) for op in ops}
        shapes.append(_Shape(route_path, operations))
    return shapes


def _endpoint(runtime: GatewayRuntime, shape: _Shape) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        found = shape.operations.get(method)
        if found is None:
            allow = ", ".join(shape.allowed(request.path_params))
            return error_response(405, "Method Not Allowed", {"Allow": allow})
        op, renames = found
        if method not in shape.allowed(request.path_params):
            # GET /strategies/{x} with a non-UUID x: the spec's two templates overlap here, and
            # no strategy has such an id.
            return error_response(404, f"No resource at {request.url.path}")
        path_params = {renames[name]: value for name, value in request.path_params.items()}
        try:
            return await _handle(runtime, op, request, path_params)
        except ApiError as error:
            return error_response(error.status, error.detail, error.headers)

    return endpoint


async def _handle(runtime: GatewayRuntime, op: Operation, request: Request, path_params: dict[str, str]) -> Response:
    if not op.public:
        who = runtime.auth.check(request.headers, op.jwt_only)
        if isinstance(who, AuthFailure):
            return error_response(who.status, who.detail)
        clock = time.monotonic()
        with runtime.state.lock:
            wait = runtime.state.rate_limiter.check(who, clock)
            if wait is None:
                runtime.state.count_request(clock)
                key = runtime.state.keys.get(who)
                if key is not None:
                    key["last_used"] = now()
        if wait is not None:
            detail = f"Rate limit exceeded: {runtime.state.requests_per_minute} requests per minute"
            return error_response(429, detail, {"Retry-After": str(wait)})
    body = await request.body()
    try:
        params, payload = runtime.spec.validate(op, path_params, request.query_params, body)
    except RequestInvalid as invalid:
        return json_response({"detail": invalid.errors}, 422)
    return await HANDLERS[op.operation_id](Ctx(params, payload, runtime))


def build_app(runtime: GatewayRuntime) -> ASGIApp:
    """The gateway's ASGI app for `runtime`: spec routes, `/openapi.json`, faults and stats."""
    for op in runtime.spec.operations:
        if op.operation_id not in HANDLERS:
            raise RuntimeError(f"no handler for operation {op.operation_id}")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await runtime.shutdown()

    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, redirect_slashes=False, lifespan=lifespan)

    async def openapi(request: Request) -> Response:
        return Response(runtime.spec.raw, media_type="application/json")

    app.router.routes.append(Route("/openapi.json", openapi, methods=["GET"]))
    for shape in _shapes(runtime.spec):
        # Every method reaches the endpoint, which answers 405 with an `Allow` of its own.
        app.router.routes.append(Route(shape.route_path, _endpoint(runtime, shape), methods=_ALL_METHODS))
    return GatewayMiddleware(app, runtime)


# -- faults and stats ------------------------------------------------------------------------------


class GatewayMiddleware:
    """Outermost ASGI layer: injects faults into `/api/` requests and counts every answer."""

    def __init__(self, app: FastAPI, runtime: GatewayRuntime) -> None:
        self.app = app
        self.runtime = runtime
        self._routes = [route for route in app.router.routes if isinstance(route, Route)]

    def _template(self, scope: Scope) -> str:
        partial = "(unmatched)"
        for route in self._routes:
            match, _ = route.matches(scope)
            if match == Match.FULL:
                return route.path
            if match == Match.PARTIAL and partial == "(unmatched)":
                partial = route.path
        return partial

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status: list[int] = [0]

        async def counted(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            if scope["path"].startswith("/api/"):
                await self._faulty(scope, receive, counted)
            else:
                await self.app(scope, receive, counted)
        finally:
            template = self._template(scope)
            label = f"{scope['method']} {template.replace('{name:path}', '{name}')}"
            with self.runtime.state.lock:
                self.runtime.state.requests[(label, status[0])] += 1

    async def _faulty(self, scope: Scope, receive: Receive, send: Send) -> None:
        faults = self.runtime.faults
        latency = faults.config.latency
        if latency > 0:
            await asyncio.sleep(latency)
        code = faults.server_error()
        if code is not None:
            await error_response(code, "Injected server error (LocalGateway fault injection)")(scope, receive, send)
            return
        if faults.rate_limited():
            headers = {"Retry-After": faults.retry_after_value(time.time())}
            response = error_response(429, "Too many requests (LocalGateway fault injection)", headers)
            await response(scope, receive, send)
            return
        if faults.drop_connection():
            await self.app(scope, receive, _dropping(send))
            return
        await self.app(scope, receive, _truncating(send, faults))


def _dropping(send: Send) -> Send:
    """A `send` that forwards the headers and half of the first body chunk, then nothing more.

    The app returns without completing the response, so the server closes the connection.
    """
    done = [False]

    async def wrapped(message: Message) -> None:
        if done[0]:
            return
        if message["type"] == "http.response.body":
            body: bytes = message.get("body", b"")
            done[0] = True
            await send({"type": "http.response.body", "body": body[: max(1, len(body) // 2)], "more_body": True})
            return
        await send(message)

    return wrapped


def _truncating(send: Send, faults: FaultInjector) -> Send:
    """A `send` that may cut a Parquet/ZIP body to its first half (with a matching Content-Length)."""
    state: dict[str, Any] = {"limit": None, "sent": 0, "finished": False}

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
            length = next((int(v) for k, v in headers if k.lower() == b"content-length"), None)
            is_file = content_type.startswith((PARQUET.encode(), b"application/zip"))
            if is_file and length and message["status"] == 200 and faults.truncate_body():
                state["limit"] = length // 2
                headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
                headers.append((b"content-length", str(length // 2).encode()))
                message = {**message, "headers": headers}
            await send(message)
            return
        limit = state["limit"]
        if limit is None or message["type"] != "http.response.body":
            await send(message)
            return
        if state["finished"]:
            return
        body: bytes = message.get("body", b"")
        room = limit - state["sent"]
        piece = body[:room]
        state["sent"] += len(piece)
        last = state["sent"] >= limit or not message.get("more_body", False)
        state["finished"] = last
        await send({"type": "http.response.body", "body": piece, "more_body": not last})

    return wrapped
