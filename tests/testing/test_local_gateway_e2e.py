"""Every operation of openapi.json, through the generated client, against a running LocalGateway."""

from __future__ import annotations

import datetime as dt
import io
import time
import uuid
import zipfile
from collections.abc import Iterator
from typing import Any

import polars as pl
import pytest
from gateway_helpers import BROKEN_EXPRESSION, export, strategy, trigger
from tradepose_api import AuthenticatedClient, Client
from tradepose_api.api.accounts import create_account, delete_account, get_account, list_accounts, update_account
from tradepose_api.api.billing import (
    cancel_subscription,
    create_checkout,
    get_subscription,
    get_usage_history,
    get_usage_stats,
    list_plans,
)
from tradepose_api.api.bindings import create_binding, delete_binding, list_bindings
from tradepose_api.api.export import create_export
from tradepose_api.api.health import get_health
from tradepose_api.api.instruments import get_instrument, list_instruments
from tradepose_api.api.keys import create_api_key, list_api_keys, revoke_api_key
from tradepose_api.api.portfolios import (
    create_portfolio,
    delete_portfolio,
    get_portfolio,
    list_portfolios,
    update_portfolio,
)
from tradepose_api.api.slots import bind_slot, get_slot, list_slots, unbind_slot
from tradepose_api.api.strategies import create_strategy, delete_strategy, get_strategy, list_strategies
from tradepose_api.api.tasks import (
    download_backtest_result,
    download_enhanced_ohlcv,
    download_on_demand_ohlcv,
    download_task_result,
    get_latest_trades,
    get_task_status,
    get_validation_result,
)
from tradepose_api.api.trades import list_trades
from tradepose_api.api.usage import get_current_usage
from tradepose_api.models import (
    AccountCreateRequest,
    AccountUpdateRequest,
    APIKeyCreate,
    BindingCreateRequest,
    CheckoutRequest,
    ExportRequest,
    PortfolioCreateRequest,
    PortfolioUpdateRequest,
    ResultType,
    SlotBindRequest,
    StrategyConfig,
    TaskMetadataResponse,
)

from tradepose._client._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose.testing import LocalGateway

pytestmark = pytest.mark.e2e


@pytest.fixture
def api(local_gateway: LocalGateway) -> Iterator[AuthenticatedClient]:
    """The generated client, authenticated with the gateway's API key."""
    with AuthenticatedClient(
        base_url=local_gateway.url, token=local_gateway.api_key, prefix="", auth_header_name="X-API-Key"
    ) as client:
        yield client


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def _submit(api: AuthenticatedClient, body: dict[str, Any]) -> uuid.UUID:
    response = create_export.sync_detailed(client=api, body=ExportRequest.from_dict(body))
    assert response.status_code == 200, response.content
    return uuid.UUID(str(response.parsed.task_id))  # type: ignore[union-attr]


def _wait(api: AuthenticatedClient, task_id: uuid.UUID) -> TaskMetadataResponse:
    seen: list[int] = []
    for _ in range(2_000):
        response = get_task_status.sync_detailed(task_id, client=api)
        assert response.status_code == 200
        status = response.parsed
        assert isinstance(status, TaskMetadataResponse)
        if not seen or seen[-1] != int(status.status):
            seen.append(int(status.status))
        if status.status in (2, 3):
            assert seen == sorted(seen), f"status went backwards: {seen}"
            return status
        time.sleep(0.002)
    raise AssertionError(f"task {task_id} did not finish")


def test_health_needs_no_credential(local_gateway: LocalGateway) -> None:
    """GET /health answers 200 without a credential."""
    with Client(base_url=local_gateway.url) as anonymous:
        response = get_health.sync_detailed(client=anonymous)
    assert response.status_code == 200
    assert response.parsed is not None and response.parsed.status == "healthy"


def test_strategy_lifecycle(api: AuthenticatedClient) -> None:
    """Strategies: get-or-create by name, list, get by id, archive, hard delete."""
    name = _unique("strat/with slash")
    body = StrategyConfig.from_dict(strategy(name))
    created = create_strategy.sync_detailed(client=api, body=body)
    assert created.status_code == 200
    strategy_id = created.parsed.id  # type: ignore[union-attr]
    again = create_strategy.sync_detailed(client=api, body=body)
    assert again.parsed.id == strategy_id  # type: ignore[union-attr]

    listed = list_strategies.sync_detailed(client=api).parsed
    assert name in [item.name for item in listed.strategies]  # type: ignore[union-attr]
    fetched = get_strategy.sync_detailed(strategy_id, client=api).parsed  # type: ignore[arg-type]
    assert fetched.name == name and fetched.base_blueprint.id is not None  # type: ignore[union-attr]
    assert get_strategy.sync_detailed(uuid.uuid4(), client=api).status_code == 404

    assert delete_strategy.sync_detailed(name, client=api).status_code == 200
    archived = list_strategies.sync_detailed(client=api, archived=True).parsed
    assert name in [item.name for item in archived.strategies]  # type: ignore[union-attr]
    assert delete_strategy.sync_detailed(name, client=api, archive=False).status_code == 200
    assert delete_strategy.sync_detailed(name, client=api).status_code == 404


def test_api_key_lifecycle(local_gateway: LocalGateway, api: AuthenticatedClient) -> None:
    """Keys: JWT-only creation (403 for an API key), list, use, revoke (204), revoked key is 401."""
    refused = create_api_key.sync_detailed(client=api, body=APIKeyCreate(name="nope"))
    assert refused.status_code == 403 and "JWT" in refused.parsed.detail  # type: ignore[union-attr]
    with AuthenticatedClient(base_url=local_gateway.url, token=local_gateway.jwt) as jwt_client:
        created = create_api_key.sync_detailed(client=jwt_client, body=APIKeyCreate(name="ci"))
    assert created.status_code == 200
    key = created.parsed
    keys = list_api_keys.sync_detailed(client=api).parsed
    assert str(key.id) in [str(k.id) for k in keys.keys]  # type: ignore[union-attr]
    with AuthenticatedClient(
        base_url=local_gateway.url,
        token=key.api_key,
        prefix="",
        auth_header_name="X-API-Key",  # type: ignore[union-attr]
    ) as new_client:
        assert list_plans.sync_detailed(client=new_client).status_code == 200
        assert revoke_api_key.sync_detailed(key.id, client=api).status_code == 204  # type: ignore[union-attr]
        assert list_plans.sync_detailed(client=new_client).status_code == 401
    assert revoke_api_key.sync_detailed(uuid.uuid4(), client=api).status_code == 404


def test_wrong_credentials_are_401(local_gateway: LocalGateway) -> None:
    """A missing, wrong API key or wrong JWT gets 401 with a detail."""
    with Client(base_url=local_gateway.url) as anonymous:
        missing = list_strategies.sync_detailed(client=anonymous)
    with AuthenticatedClient(
        base_url=local_gateway.url, token="tp_test_wrong", prefix="", auth_header_name="X-API-Key"
    ) as wrong:
        bad_key = list_strategies.sync_detailed(client=wrong)
    with AuthenticatedClient(base_url=local_gateway.url, token="a.b.c") as wrong_jwt:
        bad_jwt = list_strategies.sync_detailed(client=wrong_jwt)
    for response in (missing, bad_key, bad_jwt):
        assert response.status_code == 401
        assert response.parsed.detail  # type: ignore[union-attr]


def test_accounts_bindings_portfolios_slots(api: AuthenticatedClient) -> None:
    """Accounts, portfolios, bindings and slots: create → list → get → update → delete."""
    account = create_account.sync_detailed(
        client=api,
        body=AccountCreateRequest.from_dict(
            {"name": "acc", "broker_type": "binance", "credentials": {"api_key": "k", "api_secret": "s"}}
        ),
    ).parsed
    account_id = uuid.UUID(account.id)  # type: ignore[union-attr]
    assert account.status == "inactive" and account.available_markets == ["spot"]  # type: ignore[union-attr]
    assert account.id in [a.id for a in list_accounts.sync_detailed(client=api).parsed.accounts]  # type: ignore[union-attr]
    updated = update_account.sync_detailed(
        account_id, client=api, body=AccountUpdateRequest.from_dict({"status": "active"})
    ).parsed
    assert updated.status == "active"  # type: ignore[union-attr]
    assert get_account.sync_detailed(account_id, client=api).parsed.status == "active"  # type: ignore[union-attr]

    name = _unique("my portfolio")
    portfolio_body = {
        "name": name,
        "capital": "1000.5",
        "currency": "USDT",
        "account_source": "BINANCE",
        "selections": [{"strategy_name": "s", "blueprint_name": "base"}],
    }
    created = create_portfolio.sync_detailed(client=api, body=PortfolioCreateRequest.from_dict(portfolio_body))
    assert created.status_code == 200
    duplicate = create_portfolio.sync_detailed(client=api, body=PortfolioCreateRequest.from_dict(portfolio_body))
    assert duplicate.status_code == 409
    assert name in [p.name for p in list_portfolios.sync_detailed(client=api).parsed.portfolios]  # type: ignore[union-attr]
    changed = update_portfolio.sync_detailed(
        name, client=api, body=PortfolioUpdateRequest.from_dict({"capital": "2000"})
    ).parsed
    assert changed.capital == "2000"  # type: ignore[union-attr]
    assert get_portfolio.sync_detailed(name, client=api).parsed.capital == "2000"  # type: ignore[union-attr]

    binding = create_binding.sync_detailed(
        client=api, body=BindingCreateRequest.from_dict({"account_id": str(account_id), "portfolio_name": name})
    ).parsed
    assert binding.execution_mode == "signal_priority"  # type: ignore[union-attr]
    assert binding.id in [b.id for b in list_bindings.sync_detailed(client=api).parsed.bindings]  # type: ignore[union-attr]
    assert delete_account.sync_detailed(account_id, client=api, archive=False).status_code == 409

    slot = bind_slot.sync_detailed(3, 1, client=api, body=SlotBindRequest(account_id=str(account_id))).parsed
    assert slot.account_id == str(account_id)  # type: ignore[union-attr]
    assert (3, 1) in [(s.node_seq, s.slot_idx) for s in list_slots.sync_detailed(client=api).parsed.slots]  # type: ignore[union-attr]
    assert get_slot.sync_detailed(3, 1, client=api).parsed.account_id == str(account_id)  # type: ignore[union-attr]
    assert unbind_slot.sync_detailed(3, 1, client=api).parsed.account_id is None  # type: ignore[union-attr]
    assert get_slot.sync_detailed(99, 99, client=api).status_code == 404

    assert delete_binding.sync_detailed(binding.id, client=api).status_code == 200  # type: ignore[union-attr]
    assert delete_binding.sync_detailed(binding.id, client=api).status_code == 404  # type: ignore[union-attr]
    assert delete_portfolio.sync_detailed(name, client=api).status_code == 200
    assert name in [p.name for p in list_portfolios.sync_detailed(client=api, archived=True).parsed.portfolios]  # type: ignore[union-attr]
    assert delete_portfolio.sync_detailed(name, client=api, archive=False).status_code == 200
    assert get_portfolio.sync_detailed(name, client=api).status_code == 404
    assert delete_account.sync_detailed(account_id, client=api, archive=False).status_code == 200
    assert get_account.sync_detailed(account_id, client=api).status_code == 404


def test_billing_usage_and_instruments(api: AuthenticatedClient) -> None:
    """Plans, subscription, checkout, usage, usage history, current usage, instruments."""
    plans = list_plans.sync_detailed(client=api).parsed
    assert {p.tier for p in plans.plans} == {"free", "pro", "enterprise"}  # type: ignore[union-attr]
    subscription = get_subscription.sync_detailed(client=api).parsed
    assert subscription.current_plan.tier == "pro"  # type: ignore[union-attr]
    checkout = create_checkout.sync_detailed(
        client=api, body=CheckoutRequest(plan_tier="enterprise", billing_cycle="yearly")
    ).parsed
    assert checkout.variant_id == "local-enterprise-yearly"  # type: ignore[union-attr]
    stats = get_usage_stats.sync_detailed(client=api).parsed
    assert stats.current_month.usage > 0  # type: ignore[union-attr]
    today = dt.datetime.now(dt.UTC).date()
    history = get_usage_history.sync_detailed(client=api, start_date=today, end_date=today).parsed
    assert history.total_requests > 0  # type: ignore[union-attr]
    current = get_current_usage.sync_detailed(client=api).parsed
    assert current.last_minute.total_requests > 0  # type: ignore[union-attr]

    page = list_instruments.sync_detailed(client=api, broker_type="binance", limit=2).parsed
    assert page.count == 2 and page.total >= 2  # type: ignore[union-attr]
    first = page.instruments[0]  # type: ignore[union-attr]
    assert get_instrument.sync_detailed(first.id, client=api).parsed.symbol == first.symbol  # type: ignore[union-attr]
    assert get_instrument.sync_detailed(10_000, client=api).status_code == 404


def test_cancel_subscription_once(gateway_factory: Any) -> None:
    """Cancelling works once; a second cancel is 404."""
    gateway = gateway_factory()
    with AuthenticatedClient(
        base_url=gateway.url, token=gateway.api_key, prefix="", auth_header_name="X-API-Key"
    ) as client:
        first = cancel_subscription.sync_detailed(client=client)
        assert first.status_code == 200 and first.parsed.status == "cancelled"  # type: ignore[union-attr]
        assert cancel_subscription.sync_detailed(client=client).status_code == 404


def test_backtest_lifecycle_and_results(local_gateway: LocalGateway, api: AuthenticatedClient) -> None:
    """A backtest goes 0 → 1 → 2; results are 404 before, then Parquet/ZIP in the §5 schemas."""
    names = [_unique("a"), _unique("b")]
    body = export([strategy(n) for n in names], persist_mode=1)
    task_id = _submit(api, body)
    early = download_task_result.sync_detailed(task_id, ResultType.TRADES, client=api)
    assert early.status_code == 404
    status = _wait(api, task_id)
    assert status.status == 2 and status.started_at and status.completed_at

    trades = pl.read_parquet(download_task_result.sync_detailed(task_id, ResultType.TRADES, client=api).content)
    performance = pl.read_parquet(
        download_task_result.sync_detailed(task_id, ResultType.PERFORMANCE, client=api).content
    )
    assert trades.schema == TRADES_SCHEMA and performance.schema == PERFORMANCE_SCHEMA
    pairs = {(s, b) for s in names for b in ("base", "adv")}
    assert set(trades.select("strategy_name", "blueprint_name").unique().iter_rows()) == pairs
    archive = zipfile.ZipFile(io.BytesIO(download_backtest_result.sync_detailed(task_id, client=api).content))
    assert sorted(archive.namelist()) == ["performance.parquet", "trades.parquet"]
    assert pl.read_parquet(archive.read("trades.parquet")).equals(trades)

    persisted = list_trades.sync_detailed(client=api, strategy_name=names[0], limit=1000).parsed
    assert persisted.count == trades.filter(pl.col("strategy_name") == names[0]).height  # type: ignore[union-attr]
    assert [t.start_date for t in local_gateway.tasks if t.task_id == str(task_id)] == [body["start_date"]]


def test_other_export_types(api: AuthenticatedClient) -> None:
    """Enhanced OHLCV, on-demand OHLCV, latest trades and validation each serve their result."""
    config = strategy(_unique("o"))
    enhanced = _submit(api, export([config], 2, strategy_name=config["name"], blueprint_name="adv"))
    on_demand = _submit(
        api,
        export(
            [config],
            3,
            base_instrument="ETHUSDT",
            base_freq="4h",
            indicator_specs=[{"freq": "4h", "indicator": {"type": "RSI"}}],
        ),
    )
    latest = _submit(api, export([config], 1, trade_count=3, end_date=None))
    broken = strategy(_unique("broken"))
    broken["base_blueprint"]["entry_triggers"] = [trigger("bad", "ImmediateEntry", BROKEN_EXPRESSION)]
    validation = _submit(api, export([config, broken], 4))
    for task_id in (enhanced, on_demand, latest, validation):
        assert _wait(api, task_id).status == 2

    frame = pl.read_parquet(download_enhanced_ohlcv.sync_detailed(enhanced, client=api).content)
    assert dict(list(frame.schema.items())[:53]) == dict(ENHANCED_OHLCV_SCHEMA)
    assert frame.columns[53:] == ["BTCUSDT_1D_ATR|14", "BTCUSDT_1D_ST|3.0x_ATR_s2"]
    assert frame["blueprint_name"].unique().to_list() == ["adv"]
    ohlcv = pl.read_parquet(download_on_demand_ohlcv.sync_detailed(on_demand, client=api).content)
    assert ohlcv.columns == ["ts", "open", "high", "low", "close", "volume", "ETHUSDT_4h_RSI|14.close"]

    trades = get_latest_trades.sync_detailed(latest, client=api).parsed
    assert len(trades.trades) == 2 * 3  # type: ignore[union-attr]
    result = get_validation_result.sync_detailed(validation, client=api).parsed
    assert result.valid is False and result.validated_strategies == [config["name"]]  # type: ignore[union-attr]
    assert [e.field_path for e in result.errors] == ["base_blueprint.entry_triggers[0].conditions[0]"]  # type: ignore[union-attr]
    assert download_backtest_result.sync_detailed(enhanced, client=api).status_code == 404


def test_unknown_task_is_404_and_bad_body_is_fastapi_422(api: AuthenticatedClient) -> None:
    """Unknown task ids are 404 with a detail; invalid bodies get FastAPI-shaped 422 items."""
    missing = get_task_status.sync_detailed(uuid.uuid4(), client=api)
    assert missing.status_code == 404 and "not found" in missing.parsed.detail  # type: ignore[union-attr]
    response = api.get_httpx_client().post("/api/v1/export", json={"export_type": 7, "strategy_configs": [{}]})
    assert response.status_code == 422
    items = response.json()["detail"]
    assert {"type", "loc", "msg", "input"} <= set(items[0])
    assert ["body", "export_type"] in [item["loc"] for item in items]
    assert ["body", "strategy_configs", 0, "name"] in [item["loc"] for item in items]


def test_task_passes_through_every_state(gateway_factory: Any) -> None:
    """A task is seen PENDING, then PROCESSING, then COMPLETED, never going backwards."""
    gateway = gateway_factory(time_scale=0.5)
    with AuthenticatedClient(
        base_url=gateway.url, token=gateway.api_key, prefix="", auth_header_name="X-API-Key"
    ) as client:
        task_id = _submit(client, export([strategy("states")]))
        seen: list[int] = []
        for _ in range(5_000):
            status = int(get_task_status.sync_detailed(task_id, client=client).parsed.status)  # type: ignore[union-attr]
            if not seen or seen[-1] != status:
                seen.append(status)
            if status == 2:
                break
            time.sleep(0.005)
    assert seen == [0, 1, 2]


def test_concurrent_task_limit(gateway_factory: Any) -> None:
    """With max_concurrent_tasks=1, no two tasks are ever PROCESSING at once, and all complete."""
    gateway = gateway_factory(time_scale=0.05, max_concurrent_tasks=1)
    with AuthenticatedClient(
        base_url=gateway.url, token=gateway.api_key, prefix="", auth_header_name="X-API-Key"
    ) as client:
        for n in range(3):
            _submit(client, export([strategy(f"c{n}")]))
        most_processing, finished = 0, False
        for _ in range(5_000):
            statuses = [task.status for task in gateway.tasks]  # one consistent snapshot
            most_processing = max(most_processing, statuses.count(1))
            if statuses == [2, 2, 2]:
                finished = True
                break
            time.sleep(0.002)
    assert finished and most_processing == 1


def test_queued_tasks_start_in_the_order_they_were_created(gateway_factory: Any) -> None:
    """Behind the concurrency limit tasks wait first-in first-out, whatever their durations (as one queue's workers)."""
    gateway = gateway_factory(time_scale=0.05, task_duration=(0.2, 2.0), max_concurrent_tasks=1, seed=3)
    with AuthenticatedClient(
        base_url=gateway.url, token=gateway.api_key, prefix="", auth_header_name="X-API-Key"
    ) as client:
        for n in range(6):
            _submit(client, export([strategy(f"q{n}")]))
        for _ in range(10_000):
            if all(task.status == 2 for task in gateway.tasks):
                break
            time.sleep(0.002)
        created = [task.task_id for task in gateway.tasks]  # creation order
        started = {
            task_id: get_task_status.sync_detailed(uuid.UUID(task_id), client=client).parsed.started_at  # type: ignore[union-attr]
            for task_id in created
        }
    assert len(created) == 6 and all(isinstance(at, dt.datetime) for at in started.values())
    assert sorted(created, key=lambda task_id: started[task_id]) == created


def test_every_spec_operation_is_exercised_here() -> None:
    """Each operationId of openapi.json is called through the generated client in this module."""
    import json
    from pathlib import Path

    spec = json.loads((Path(__file__).resolve().parents[2] / "openapi.json").read_text())
    source = Path(__file__).read_text()
    operations = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert len(operations) == 43
    assert [op for op in operations if f"{op}.sync_detailed(" not in source] == []


def test_strategy_named_like_a_uuid_can_be_deleted(api: AuthenticatedClient) -> None:
    """DELETE /strategies/{strategy} takes a name even when the name looks like an id (GET takes ids)."""
    name = str(uuid.uuid4())
    assert create_strategy.sync_detailed(client=api, body=StrategyConfig.from_dict(strategy(name))).status_code == 200
    assert delete_strategy.sync_detailed(name, client=api, archive=False).status_code == 200
    assert get_strategy.sync_detailed(uuid.UUID(name), client=api).status_code == 404
