"""Pin the result type of one operation of every tag, sync and async (type-checked by `make typecheck`, never run)."""

from __future__ import annotations

import uuid
from typing import assert_type

import tradepose_api
from tradepose_api.api.tasks import get_task_status
from tradepose_api.models import (
    AccountListResponse,
    APIKeyListResponse,
    BindingListResponse,
    DetailedUsageResponse,
    ExportResponse,
    HealthResponse,
    InstrumentListResponse,
    PlansListResponse,
    PortfolioListResponse,
    SlotListResponse,
    StrategyConfig,
    StrategyListResponse,
    TaskMetadataResponse,
    TradesListResponse,
)
from tradepose_api.types import File

from tradepose import APIResponse, AsyncTradePoseClient, TradePoseClient

TASK = uuid.UUID("6f1c2a3e-0000-4000-8000-000000000001")
EXPORT = {"strategy_configs": [], "export_type": 0, "start_date": "2024-01-01", "end_date": "2024-03-31"}


def sync_resources(client: TradePoseClient, strategy: StrategyConfig) -> None:
    assert_type(client.accounts.list_accounts(archived=True), AccountListResponse)
    assert_type(client.billing.list_plans(), PlansListResponse)
    assert_type(client.bindings.list_bindings(), BindingListResponse)
    assert_type(client.export.create_export(body=EXPORT), ExportResponse)
    assert_type(client.health.get_health(), HealthResponse)
    assert_type(client.instruments.list_instruments(limit=10), InstrumentListResponse)
    assert_type(client.keys.list_api_keys(), APIKeyListResponse)
    assert_type(client.keys.revoke_api_key(TASK), None)
    assert_type(client.portfolios.list_portfolios(), PortfolioListResponse)
    assert_type(client.slots.list_slots(), SlotListResponse)
    assert_type(client.strategies.list_strategies(), StrategyListResponse)
    assert_type(client.strategies.create_strategy(body=strategy), StrategyConfig)
    assert_type(client.tasks.get_task_status(task_id=TASK), TaskMetadataResponse)
    assert_type(client.tasks.download_backtest_result(TASK), File)
    assert_type(client.trades.list_trades(limit=5), TradesListResponse)
    assert_type(client.usage.get_current_usage(), DetailedUsageResponse)
    raw = client.tasks.with_response.get_task_status(task_id=TASK)
    assert_type(raw, APIResponse[TaskMetadataResponse])
    assert_type(raw.parsed, TaskMetadataResponse)
    assert_type(raw.retries_taken, int)


async def async_resources(client: AsyncTradePoseClient, strategy: StrategyConfig) -> None:
    assert_type(await client.accounts.list_accounts(archived=True), AccountListResponse)
    assert_type(await client.billing.list_plans(), PlansListResponse)
    assert_type(await client.bindings.list_bindings(), BindingListResponse)
    assert_type(await client.export.create_export(body=EXPORT), ExportResponse)
    assert_type(await client.health.get_health(), HealthResponse)
    assert_type(await client.instruments.list_instruments(limit=10), InstrumentListResponse)
    assert_type(await client.keys.list_api_keys(), APIKeyListResponse)
    assert_type(await client.keys.revoke_api_key(TASK), None)
    assert_type(await client.portfolios.list_portfolios(), PortfolioListResponse)
    assert_type(await client.slots.list_slots(), SlotListResponse)
    assert_type(await client.strategies.list_strategies(), StrategyListResponse)
    assert_type(await client.strategies.create_strategy(body=strategy), StrategyConfig)
    assert_type(await client.tasks.get_task_status(task_id=TASK), TaskMetadataResponse)
    assert_type(await client.tasks.download_backtest_result(TASK), File)
    assert_type(await client.trades.list_trades(limit=5), TradesListResponse)
    assert_type(await client.usage.get_current_usage(), DetailedUsageResponse)
    raw = await client.strategies.with_response.list_strategies()
    assert_type(raw, APIResponse[StrategyListResponse])


def generated_functions(client: TradePoseClient) -> None:
    """`client.api` is the configured generated client: the generated functions take it directly."""
    assert_type(client.api, tradepose_api.AuthenticatedClient)
    status = get_task_status.sync(client=client.api, task_id=TASK)
    print(status)
