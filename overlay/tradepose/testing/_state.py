"""In-memory state of the local gateway: one user's strategies, keys, accounts, tasks and usage.

Handlers run on the server's event loop; `lock` guards what other threads read
(`LocalGateway.stats`, `LocalGateway.tasks`).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from tradepose.testing._auth import CLERK_USER_ID, USER_ID

__all__ = ["PLANS", "ApiError", "GatewayState", "TaskRecord", "seeded_instruments"]

PENDING, PROCESSING, COMPLETED, FAILED = 0, 1, 2, 3
OPERATION_TYPES: Final = {
    0: "backtest-results",
    1: "latest-trades",
    2: "enhanced-ohlcv",
    3: "on-demand-ohlcv",
    4: "validate-strategy",
}


class ApiError(Exception):
    """An error answer: `status` with body `{"detail": detail}` and optional headers."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def _plan(
    tier: str, name: str, price: float, rpm: int, quota: int, tasks: int, strategies: int, support: str
) -> dict[str, Any]:
    return {
        "tier": tier,
        "name": name,
        "description": f"TradePose {name} plan",
        "price_monthly": price,
        "price_yearly": round(price * 10, 2),
        "limits": {
            "requests_per_minute": rpm,
            "monthly_quota": quota,
            "max_concurrent_tasks": tasks,
            "max_strategies": strategies,
            "priority_queue": tier != "free",
            "support_level": support,
        },
        "features": [f"{tasks} concurrent backtests", f"{rpm} requests per minute"],
    }


PLANS: Final[dict[str, dict[str, Any]]] = {
    "free": _plan("free", "Free", 0.0, 60, 1_000, 2, 5, "community"),
    "pro": _plan("pro", "Pro", 49.0, 600, 100_000, 10, 100, "email"),
    "enterprise": _plan("enterprise", "Enterprise", 499.0, 6_000, 10_000_000, 50, 10_000, "dedicated"),
}

_EPOCH: Final = datetime(2025, 1, 1, tzinfo=UTC)


def seeded_instruments() -> list[dict[str, Any]]:
    """The fixed instrument list served by `/api/v1/instruments`."""
    rows = [
        ("BTCUSDT", "BINANCE", "binance", "spot", "BTC", "USDT", "0.01", "0.00001", 2, 5, "1", "1"),
        ("ETHUSDT", "BINANCE", "binance", "spot", "ETH", "USDT", "0.01", "0.0001", 2, 4, "1", "1"),
        ("SOLUSDT", "BINANCE", "binance", "spot", "SOL", "USDT", "0.001", "0.01", 3, 2, "1", "1"),
        ("BTCUSDT.P", "BINANCE", "binance", "futures", "BTC", "USDT", "0.1", "0.001", 1, 3, "1", "1"),
        ("EURUSD", "FTMO", "mt5", "forex", "EUR", "USD", "0.00001", "0.01", 5, 2, "100000", "10"),
        ("GBPUSD", "FTMO", "mt5", "forex", "GBP", "USD", "0.00001", "0.01", 5, 2, "100000", "10"),
        ("XAUUSD", "FTMO", "mt5", "forex", "XAU", "USD", "0.01", "0.01", 2, 2, "100", "1"),
        ("US500", "FIVEPERCENT", "mt5", "forex", "US500", "USD", "0.1", "0.1", 1, 1, "1", "1"),
        ("TXF_M1_SHIOAJI_FUTURE", "SHIOAJI", "shioaji", "futures", "TXF", "TWD", "1", "1", 0, 0, "200", "200"),
        ("2330", "SHIOAJI", "shioaji", "spot", "2330", "TWD", "0.5", "1000", 1, 0, "1", "1"),
        ("ES", "IB", "ib", "futures", "ES", "USD", "0.25", "1", 2, 0, "50", "50"),
        ("AAPL", "IB", "ib", "spot", "AAPL", "USD", "0.01", "1", 2, 0, "1", "1"),
    ]
    return [
        {
            "id": n + 1,
            "symbol": symbol,
            "account_source": source,
            "broker_type": broker,
            "market_type": market,
            "base_currency": base,
            "quote_currency": quote,
            "tick_size": tick,
            "lot_size": lot,
            "price_precision": price_precision,
            "quantity_precision": quantity_precision,
            "contract_size": contract,
            "point_value": point,
            "status": "active",
            "created_at": _EPOCH,
            "updated_at": _EPOCH,
        }
        for n, (
            symbol,
            source,
            broker,
            market,
            base,
            quote,
            tick,
            lot,
            price_precision,
            quantity_precision,
            contract,
            point,
        ) in enumerate(rows)
    ]


@dataclass(slots=True)
class TaskRecord:
    """One export task as the gateway tracks it."""

    task_id: str
    export_type: int
    request: dict[str, Any]
    created_at: datetime
    status: int = PENDING
    started_at: datetime | None = None
    completed_at: datetime | None = None
    worker_id: str | None = None
    error_message: str | None = None
    results: dict[str, Path] = field(default_factory=dict)
    json_result: dict[str, Any] | None = None

    @property
    def start_date(self) -> str | None:
        """The `start_date` the export request carried."""
        value = self.request.get("start_date")
        return value if isinstance(value, str) else None

    @property
    def end_date(self) -> str | None:
        """The `end_date` the export request carried."""
        value = self.request.get("end_date")
        return value if isinstance(value, str) else None

    def metadata(self) -> dict[str, Any]:
        """The TaskMetadataResponse body."""
        configs = self.request.get("strategy_configs") or []
        blueprints = sum(1 + len(c.get("advanced_blueprints") or []) for c in configs)
        triggers = sum(
            len(bp.get("entry_triggers") or []) + len(bp.get("exit_triggers") or [])
            for c in configs
            for bp in [c.get("base_blueprint") or {}, *(c.get("advanced_blueprints") or [])]
        )
        return {
            "task_id": self.task_id,
            "user_id": USER_ID,
            "status": self.status,
            "export_type": self.export_type,
            "created_at": self.created_at,
            "started_at": self.started_at,
            "completed_at": self.completed_at,
            "worker_id": self.worker_id,
            "strategy_counts": len(configs),
            "blueprint_counts": blueprints,
            "indicator_counts": sum(len(c.get("indicators") or []) for c in configs),
            "trigger_counts": triggers,
            "input_rows": 0,
            "error_message": self.error_message,
        }


def now() -> datetime:
    """The current UTC time."""
    return datetime.now(UTC)


class RateLimiter:
    """A sliding one-minute window per credential."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}

    def check(self, who: str, clock: float) -> int | None:
        """None if allowed (and counted), else the seconds until the window frees a slot."""
        hits = self._hits.setdefault(who, deque())
        while hits and hits[0] <= clock - 60.0:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return max(1, int(hits[0] + 60.0 - clock + 0.999))
        hits.append(clock)
        return None


class GatewayState:
    """Everything the gateway remembers."""

    def __init__(self, plan: str, requests_per_minute: int | None, max_concurrent_tasks: int | None) -> None:
        if plan not in PLANS:
            raise ValueError(f"unknown plan {plan!r}; choose one of {sorted(PLANS)}")
        self.lock = threading.Lock()
        self.plan = plan
        limits = PLANS[plan]["limits"]
        self.requests_per_minute = requests_per_minute or int(limits["requests_per_minute"])
        self.max_concurrent_tasks = max_concurrent_tasks or int(limits["max_concurrent_tasks"])
        self.rate_limiter = RateLimiter(self.requests_per_minute)
        self.strategies: dict[str, dict[str, Any]] = {}  # by name
        self.keys: dict[str, dict[str, Any]] = {}  # by id
        self.accounts: dict[str, dict[str, Any]] = {}
        self.bindings: dict[str, dict[str, Any]] = {}
        self.portfolios: dict[str, dict[str, Any]] = {}  # by name
        self.slots: dict[tuple[int, int], dict[str, Any]] = {}
        self.trades: list[dict[str, Any]] = []
        self.instruments = seeded_instruments()
        self.tasks: dict[str, TaskRecord] = {}
        self.requests: Counter[tuple[str, int]] = Counter()
        self.daily_usage: Counter[date] = Counter()
        self.request_times: deque[float] = deque()
        self.task_events: deque[tuple[float, int]] = deque()
        created = now()
        self.subscription: dict[str, Any] | None = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "tradepose-local-subscription")),
            "user_id": USER_ID,
            "lemonsqueezy_subscription_id": "ls_sub_local",
            "lemonsqueezy_customer_id": "ls_cus_local",
            "plan": plan,
            "status": "active",
            "current_period_start": created,
            "current_period_end": created + timedelta(days=30),
            "created_at": created,
            "updated_at": created,
        }

    def add_key(self, name: str, key: str) -> dict[str, Any]:
        """Record a new API key; returns its record."""
        record: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "user_id": CLERK_USER_ID,
            "name": name,
            "revoked": False,
            "last_used": None,
            "created_at": now(),
            "api_key": key,
        }
        self.keys[record["id"]] = record
        return record

    def count_request(self, clock: float) -> None:
        """Account one authenticated API request for the usage endpoints."""
        self.daily_usage[now().date()] += 1
        self.request_times.append(clock)
        while self.request_times and self.request_times[0] <= clock - 86_400:
            self.request_times.popleft()

    def usage_window(self, seconds: float) -> dict[str, int]:
        """Requests and finished tasks in the last `seconds`."""
        clock = time.monotonic()
        return {
            "total_requests": sum(1 for t in self.request_times if t > clock - seconds),
            "completed_tasks": sum(1 for t, s in self.task_events if t > clock - seconds and s == COMPLETED),
            "failed_tasks": sum(1 for t, s in self.task_events if t > clock - seconds and s == FAILED),
        }

    def month_usage(self) -> int:
        """Requests counted this calendar month."""
        today = now().date()
        return sum(n for day, n in self.daily_usage.items() if (day.year, day.month) == (today.year, today.month))
