"""The generated `tradepose_api` client: requests it builds and responses it parses (respx, no server)."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
import respx
import tradepose_api.api
from tradepose_api import AuthenticatedClient
from tradepose_api.api.accounts import update_account
from tradepose_api.api.billing import get_usage_history
from tradepose_api.api.bindings import create_binding
from tradepose_api.api.export import create_export
from tradepose_api.api.health import get_health
from tradepose_api.api.instruments import list_instruments
from tradepose_api.api.keys import list_api_keys
from tradepose_api.api.portfolios import get_portfolio
from tradepose_api.api.slots import bind_slot
from tradepose_api.api.strategies import create_strategy, delete_strategy
from tradepose_api.api.tasks import download_task_result, get_task_status
from tradepose_api.api.trades import list_trades
from tradepose_api.api.usage import get_current_usage
from tradepose_api.models import (
    AccountStatus,
    AccountUpdateRequest,
    APIKeyListResponse,
    BindingCreateRequest,
    Blueprint,
    DetailedUsageResponse,
    ErrorResponse,
    ExportRequest,
    ExportType,
    MarketType,
    PersistMode,
    ResultType,
    SlotBindRequest,
    StrategyConfig,
    TaskMetadataResponse,
    TaskStatus,
    TradeDirection,
    Trigger,
)
from tradepose_api.types import File, Unset

BASE = "http://gateway.test"
TASK_ID = "6f1c7a6e-5d55-4b0c-9d8e-3f2a1b0c9d8e"
USER_ID = "0b6f7e80-1c1e-4a5e-8d3c-2f9a4b7c6d5e"


def _client() -> AuthenticatedClient:
    return AuthenticatedClient(base_url=BASE, token="tp_test_secret", prefix="", auth_header_name="X-API-Key")


def _operation_modules() -> list[str]:
    names = []
    for tag in pkgutil.iter_modules(tradepose_api.api.__path__):
        package = importlib.import_module(f"tradepose_api.api.{tag.name}")
        names += [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    return sorted(names)


STRATEGY: dict[str, Any] = {
    "name": "ma_cross",
    "base_instrument": "BTCUSDT",
    "base_freq": "1h",
    "note": "",
    "volatility_indicator": {"Column": "BTCUSDT_1h_ATR|14"},
    "indicators": [
        {"instrument": "BTCUSDT", "freq": "1h", "shift": 1, "indicator": {"type": "ATR", "period": 14}},
        {
            "instrument": "BTCUSDT",
            "freq": "1h",
            "shift": 1,
            "indicator": {"type": "SMA", "period": 20, "column": "close"},
        },
    ],
    "base_blueprint": {
        "name": "base",
        "direction": "Long",
        "trend_type": "Trend",
        "entry_first": True,
        "note": "",
        "entry_triggers": [
            {
                "name": "up",
                "order_strategy": "ImmediateEntry",
                "priority": 1,
                "note": None,
                "conditions": [{"BinaryExpr": {"left": {"Column": "close"}, "op": "Gt", "right": {"Column": "open"}}}],
                "price_expr": {"Column": "open"},
            }
        ],
        "exit_triggers": [
            {
                "name": "down",
                "order_strategy": "ImmediateExit",
                "priority": 1,
                "note": None,
                "conditions": [{"BinaryExpr": {"left": {"Column": "close"}, "op": "Lt", "right": {"Column": "open"}}}],
                "price_expr": {"Column": "open"},
            }
        ],
    },
    "advanced_blueprints": [],
}


def test_every_operation_module_imports() -> None:
    """Every operation of openapi.json has a module (43 today) exposing the four call styles."""
    modules = _operation_modules()
    spec = json.loads((Path(__file__).resolve().parents[2] / "openapi.json").read_text())
    tags_ops = {f"tradepose_api.api.{op['tags'][0]}.{op['operationId']}" for item in spec["paths"].values()
                for op in item.values()}  # fmt: skip
    assert len(tags_ops) == 43
    assert tags_ops <= set(modules)  # a regenerated client may have more (tools/check_regeneration.py)
    for name in modules:
        module = importlib.import_module(name)
        for fn in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, fn)), f"{name}.{fn}"


@respx.mock
def test_task_status_parses_integer_status_datetimes_nulls_and_extra_fields() -> None:
    """status 2 becomes TaskStatus.COMPLETED; datetimes parse; nulls stay None; unknown fields are kept."""
    body = {
        "task_id": TASK_ID,
        "user_id": USER_ID,
        "status": 2,
        "export_type": 0,
        "created_at": "2024-05-01T12:00:00Z",
        "started_at": "2024-05-01T12:00:01.250000+00:00",
        "completed_at": None,
        "worker_id": None,
        "strategy_counts": 2,
        "error_message": None,
        "queue_position": 3,
    }
    route = respx.get(f"{BASE}/api/v1/tasks/{TASK_ID}").respond(200, json=body)
    with _client() as client:
        result = get_task_status.sync(UUID(TASK_ID), client=client)
    assert isinstance(result, TaskMetadataResponse)
    assert result.status is TaskStatus.COMPLETED
    assert result.export_type is ExportType.BACKTEST_RESULTS
    assert result.created_at == dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC)
    assert isinstance(result.started_at, dt.datetime) and result.started_at.microsecond == 250000
    assert result.completed_at is None and result.error_message is None
    assert isinstance(result.indicator_counts, Unset)
    assert result.additional_properties == {"queue_position": 3}
    assert route.calls.last.request.headers["X-API-Key"] == "tp_test_secret"


@respx.mock
def test_documented_error_status_parses_into_error_body() -> None:
    """A documented 404 parses into ErrorResponse with its detail."""
    respx.get(f"{BASE}/api/v1/tasks/{TASK_ID}").respond(404, json={"detail": "Task not found"})
    with _client() as client:
        response = get_task_status.sync_detailed(UUID(TASK_ID), client=client)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse) and response.parsed.detail == "Task not found"


@respx.mock
def test_create_export_sends_integer_enums_and_nested_strategy() -> None:
    """POST /api/v1/export carries integer export_type/persist_mode and the strategy as wire JSON."""
    route = respx.post(f"{BASE}/api/v1/export").respond(
        200, json={"task_id": TASK_ID, "message": "queued", "operation_type": "backtest-results"}
    )
    request = ExportRequest(
        strategy_configs=[StrategyConfig.from_dict(STRATEGY)],
        export_type=ExportType.BACKTEST_RESULTS,
        persist_mode=PersistMode.PSQL,
        start_date="2024-01-01T00:00:00",
        end_date="2024-03-31T23:59:59",
    )
    with _client() as client:
        result = create_export.sync(client=client, body=request)
    sent = json.loads(route.calls.last.request.content)
    assert route.calls.last.request.method == "POST"
    assert sent == {
        "strategy_configs": [STRATEGY],
        "export_type": 0,
        "persist_mode": 1,
        "start_date": "2024-01-01T00:00:00",
        "end_date": "2024-03-31T23:59:59",
    }
    assert result is not None and not isinstance(result, ErrorResponse)
    assert str(result.task_id) == TASK_ID  # type: ignore[union-attr]


@respx.mock
def test_create_strategy_round_trips_blueprint_and_triggers() -> None:
    """A nested StrategyConfig with blueprint and triggers is sent and parsed back losslessly."""
    stored = {**STRATEGY, "id": "9d0f5e3c-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "base_instrument_id": 7}
    route = respx.post(f"{BASE}/api/v1/strategies").respond(200, json=stored)
    with _client() as client:
        result = create_strategy.sync(client=client, body=StrategyConfig.from_dict(STRATEGY))
    assert json.loads(route.calls.last.request.content) == STRATEGY
    assert isinstance(result, StrategyConfig)
    assert isinstance(result.base_blueprint, Blueprint)
    assert result.base_blueprint.direction is TradeDirection.LONG
    trigger = result.base_blueprint.entry_triggers[0]
    assert isinstance(trigger, Trigger) and trigger.priority == 1
    assert trigger.conditions[0].to_dict() == STRATEGY["base_blueprint"]["entry_triggers"][0]["conditions"][0]
    assert result.base_instrument_id == 7
    assert result.to_dict() == stored


@respx.mock
def test_delete_strategy_percent_encodes_the_name() -> None:
    """DELETE by name encodes `/` and sends archive=false as `false`."""
    route = respx.delete(f"{BASE}/api/v1/strategies/a%2Fb%20c").respond(200, json={"message": "deleted"})
    with _client() as client:
        delete_strategy.sync(strategy="a/b c", client=client, archive=False)
    assert route.calls.last.request.url.params["archive"] == "false"


@respx.mock
def test_download_task_result_is_binary() -> None:
    """A Parquet result comes back as a File with the raw bytes."""
    respx.get(f"{BASE}/api/v1/tasks/{TASK_ID}/results/trades").respond(
        200, content=b"PAR1...PAR1", headers={"Content-Type": "application/vnd.apache.parquet"}
    )
    with _client() as client:
        result = download_task_result.sync(UUID(TASK_ID), ResultType.TRADES, client=client)
    assert isinstance(result, File)
    assert result.payload.read() == b"PAR1...PAR1"


@respx.mock
def test_list_api_keys_keeps_null_last_used() -> None:
    """`last_used: null` parses to None; `revoked` to a bool."""
    respx.get(f"{BASE}/api/v1/keys").respond(
        200,
        json={
            "keys": [
                {"id": TASK_ID, "user_id": "user_2x", "name": "ci", "revoked": False, "last_used": None,
                 "created_at": "2024-01-01T00:00:00Z"}
            ],
            "total": 1,
        },
    )  # fmt: skip
    with _client() as client:
        result = list_api_keys.sync(client=client)
    assert isinstance(result, APIKeyListResponse)
    assert result.keys[0].last_used is None and result.keys[0].revoked is False and result.total == 1


@respx.mock
def test_usage_history_sends_dates_as_query() -> None:
    """start_date/end_date go out as YYYY-MM-DD query parameters."""
    route = respx.get(f"{BASE}/api/v1/billing/usage/history").respond(
        200, json={"user_id": "u", "start_date": "2024-01-01", "end_date": "2024-01-31", "total_requests": 0}
    )
    with _client() as client:
        result = get_usage_history.sync(client=client, start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 31))
    assert dict(route.calls.last.request.url.params) == {"start_date": "2024-01-01", "end_date": "2024-01-31"}
    assert result is not None and result.start_date == dt.date(2024, 1, 1)  # type: ignore[union-attr]


@respx.mock
def test_current_usage_parses_nested_windows() -> None:
    """DetailedUsageResponse parses its four usage windows."""
    window = {"total_requests": 5, "completed_tasks": 1, "failed_tasks": 0}
    respx.get(f"{BASE}/api/v1/usage/current").respond(
        200,
        json={
            "period_start": "2024-01-01T00:00:00Z", "last_minute": window, "last_hour": window, "last_day": window,
            "current_period": window, "plan": "pro", "monthly_quota": 1000, "requests_per_minute": 60,
            "remaining_quota": 995, "quota_percentage_used": 0.5, "last_updated": "2024-01-02T00:00:00Z",
        },
    )  # fmt: skip
    with _client() as client:
        result = get_current_usage.sync(client=client)
    assert isinstance(result, DetailedUsageResponse)
    assert result.last_minute.total_requests == 5 and result.requests_per_minute == 60


@respx.mock
def test_list_instruments_sends_paging_and_filters() -> None:
    """limit and offset are always sent; filters only when given."""
    route = respx.get(f"{BASE}/api/v1/instruments").respond(
        200, json={"instruments": [], "count": 0, "total": 0, "limit": 50, "offset": 0}
    )
    with _client() as client:
        list_instruments.sync(client=client, symbol="BTC", limit=50)
    assert dict(route.calls.last.request.url.params) == {"symbol": "BTC", "limit": "50", "offset": "0"}


@respx.mock
def test_update_account_sends_only_given_fields() -> None:
    """PUT /accounts/{id} sends a partial body."""
    account_id = UUID(TASK_ID)
    route = respx.put(f"{BASE}/api/v1/accounts/{TASK_ID}").respond(
        200,
        json={
            "id": TASK_ID, "name": "main", "broker_type": "binance", "available_markets": ["spot", "futures"],
            "environment": "production", "status": "active", "is_archived": False,
            "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-02T00:00:00Z",
        },
    )  # fmt: skip
    body = AccountUpdateRequest(status=AccountStatus.ACTIVE, available_markets=[MarketType.SPOT, MarketType.FUTURES])
    with _client() as client:
        result = update_account.sync(account_id, client=client, body=body)
    assert json.loads(route.calls.last.request.content) == {
        "available_markets": ["spot", "futures"],
        "status": "active",
    }
    assert result is not None and result.status is AccountStatus.ACTIVE  # type: ignore[union-attr]


@respx.mock
def test_create_binding_sends_uuid_as_string() -> None:
    """account_id is serialised as a UUID string; execution_mode is left to the server default."""
    route = respx.post(f"{BASE}/api/v1/bindings").respond(
        200,
        json={
            "id": TASK_ID, "user_id": USER_ID, "account_id": TASK_ID, "portfolio_id": USER_ID,
            "execution_mode": "signal_priority", "is_active": True,
            "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z",
        },
    )  # fmt: skip
    with _client() as client:
        create_binding.sync(client=client, body=BindingCreateRequest(account_id=UUID(TASK_ID), portfolio_name="p1"))
    assert json.loads(route.calls.last.request.content) == {"account_id": TASK_ID, "portfolio_name": "p1"}


@respx.mock
def test_get_portfolio_quotes_the_name_and_accepts_string_capital() -> None:
    """Portfolio names are percent-encoded in the path; decimal capital may be a string."""
    respx.get(f"{BASE}/api/v1/portfolios/my%20book").respond(
        200,
        json={"name": "my book", "capital": "1000.5", "currency": "USD", "account_source": "FTMO", "selections": []},
    )
    with _client() as client:
        result = get_portfolio.sync("my book", client=client)
    assert result is not None and result.capital == "1000.5"  # type: ignore[union-attr]


@respx.mock
def test_bind_slot_uses_integer_path_parameters() -> None:
    """POST /slots/{node_seq}/{slot_idx}/bind with the account id in the body."""
    route = respx.post(f"{BASE}/api/v1/slots/0/3/bind").respond(
        200,
        json={"id": "s", "user_id": "u", "node_seq": 0, "slot_idx": 3, "account_id": "a",
              "bound_at": "2024-01-01T00:00:00Z", "created_at": "2024-01-01T00:00:00Z",
              "updated_at": "2024-01-01T00:00:00Z"},
    )  # fmt: skip
    with _client() as client:
        result = bind_slot.sync(0, 3, client=client, body=SlotBindRequest(account_id="a"))
    assert json.loads(route.calls.last.request.content) == {"account_id": "a"}
    assert result is not None and result.slot_idx == 3  # type: ignore[union-attr]


@respx.mock
def test_list_trades_encodes_datetimes_and_booleans() -> None:
    """Datetime filters go out as ISO strings and booleans as true/false."""
    route = respx.get(f"{BASE}/api/v1/trades").respond(200, json={"trades": [], "count": 0, "limit": 100, "offset": 0})
    with _client() as client:
        list_trades.sync(client=client, start_time=dt.datetime(2024, 1, 1, 9, 30), has_exit_signal=True)
    assert dict(route.calls.last.request.url.params) == {
        "start_time": "2024-01-01T09:30:00",
        "has_exit_signal": "true",
        "limit": "100",
        "offset": "0",
    }


@respx.mock
def test_health_needs_no_credential() -> None:
    """GET /health works with the unauthenticated client."""
    from tradepose_api import Client

    respx.get(f"{BASE}/health").respond(200, json={"status": "ok"})
    with Client(base_url=BASE) as client:
        result = get_health.sync(client=client)
    assert result is not None and result.status == "ok"


@pytest.mark.parametrize("status", [0, 1, 2, 3])
def test_every_task_status_value_parses(status: int) -> None:
    """Each wire status 0-3 maps onto its TaskStatus member."""
    parsed = TaskMetadataResponse.from_dict(
        {
            "task_id": TASK_ID,
            "user_id": USER_ID,
            "status": status,
            "export_type": 4,
            "created_at": "2024-01-01T00:00:00Z",
        }
    )
    assert parsed.status == TaskStatus(status)
    assert parsed.to_dict()["status"] == status
