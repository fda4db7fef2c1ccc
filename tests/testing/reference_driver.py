"""Runs inside .venv-ref (Python 3.13, tradepose-client 1.5.0): a BatchTester backtest against a URL.

Usage: python reference_driver.py batch URL API_KEY OUT_DIR
       python reference_driver.py wire URL API_KEY JWT

`batch` submits 2 strategies x 2 periods (Q1 and Q2 2024) with BatchTester, waits, writes each
completed period's trades/performance as Parquet under OUT_DIR/<period key>/ and prints a JSON
summary. `wire` calls every resource method of the low-level TradePoseClient once and prints,
per call, whether the reference client accepted the answer. Strategies are plain dicts validated
by the reference client's own StrategyConfig, with expressions from the Polars in that venv.
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from collections.abc import Awaitable
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
from tradepose_client import TradePoseClient
from tradepose_client.batch import BatchTester, Period
from tradepose_client.resources.accounts import AccountCreateRequest, AccountUpdateRequest
from tradepose_client.resources.bindings import BindingCreateRequest
from tradepose_client.resources.portfolios import PortfolioCreateRequest, PortfolioUpdateRequest
from tradepose_models.enums import PersistMode
from tradepose_models.strategy import StrategyConfig


def _expr(expression: pl.Expr) -> dict[str, object]:
    return json.loads(expression.meta.serialize(format="json"))


def _trigger(name: str, order_strategy: str) -> dict[str, object]:
    return {
        "name": name,
        "order_strategy": order_strategy,
        "priority": 1,
        "conditions": [_expr(pl.col("close") > pl.col("open"))],
        "price_expr": _expr(pl.col("close")),
    }


def _strategy(name: str, instrument: str) -> StrategyConfig:
    return StrategyConfig.model_validate(
        {
            "name": name,
            "base_instrument": instrument,
            "base_freq": "1h",
            "volatility_indicator": {"Column": f"{instrument}_1D_ATR|14"},
            "indicators": [{"instrument": instrument, "freq": "1D", "indicator": {"type": "ATR", "period": 14}}],
            "base_blueprint": {
                "name": "base",
                "direction": "Long",
                "trend_type": "Trend",
                "entry_first": True,
                "entry_triggers": [_trigger("entry", "ImmediateEntry")],
                "exit_triggers": [_trigger("exit", "ImmediateExit")],
            },
            "advanced_blueprints": [],
        }
    )


def run_batch(url: str, api_key: str, out_dir: Path) -> list[dict[str, Any]]:
    tester = BatchTester(api_key=api_key, server_url=url, poll_interval=0.2)
    strategies = [_strategy("ref_btc", "BTCUSDT"), _strategy("ref_eth", "ETHUSDT")]
    batch = tester.submit(strategies=strategies, periods=[Period.Q1(2024), Period.Q2(2024)])
    batch.wait(timeout=60)
    summary = []
    for period in batch.periods:
        entry: dict[str, Any] = {
            "key": period.period_str,
            "task_id": period.task_id,
            "status": int(period.status),
            "error": period.error,
        }
        trades, performance = period.trades, period.performance
        if trades is not None and performance is not None:
            target = out_dir / period.period_str
            target.mkdir(parents=True, exist_ok=True)
            trades.write_parquet(target / "trades.parquet")
            performance.write_parquet(target / "performance.parquet")
            entry["rows"] = trades.height
        summary.append(entry)
    return summary


async def run_wire(url: str, api_key: str, jwt: str) -> dict[str, str]:
    """Call every low-level method once; map call name -> "ok" or the exception raised."""
    outcome: dict[str, str] = {}

    async def call(name: str, awaitable: Awaitable[Any]) -> Any:
        try:
            result = await awaitable
        except Exception as error:  # noqa: BLE001 - every outcome of the reference client is recorded
            outcome[name] = f"{type(error).__name__}: {error}"
            return None
        outcome[name] = "ok"
        return result

    async def finish(client: TradePoseClient, name: str, response: Any) -> str | None:
        if response is None:
            return None
        task_id = str(response.task_id)
        for _ in range(500):
            status = await client.tasks.get_status(task_id)
            if int(status.status) in (2, 3):
                outcome[f"{name}.status"] = "ok" if int(status.status) == 2 else f"status {status.status}"
                return task_id
            await asyncio.sleep(0.05)
        outcome[f"{name}.status"] = "timed out"
        return None

    config = _strategy("wire_strategy", "BTCUSDT")
    configs = [config]
    async with TradePoseClient(api_key=api_key, server_url=url) as client:
        created = await call("strategies.create", client.strategies.create(config))
        await call("strategies.list", client.strategies.list())
        if created is not None:
            await call("strategies.get", client.strategies.get(str(created.id)))
        await call("strategies.delete", client.strategies.delete("wire_strategy"))
        await call("api_keys.list", client.api_keys.list())
        await call("billing.list_plans", client.billing.list_plans())
        await call("billing.create_checkout", client.billing.create_checkout("pro", "monthly"))
        await call("billing.get_subscription", client.billing.get_subscription())
        await call("billing.get_usage", client.billing.get_usage())
        await call("billing.get_usage_history", client.billing.get_usage_history("2024-01-01", "2030-12-31"))
        await call("usage.get_current", client.usage.get_current())
        await call("instruments.list", client.instruments.list(broker_type="binance"))
        await call("instruments.get", client.instruments.get(1))
        account = await call(
            "accounts.create",
            client.accounts.create(
                AccountCreateRequest(name="wire", broker_type="binance", credentials={"api_key": "k"})
            ),
        )
        await call("accounts.list", client.accounts.list())
        account_id = str(account.id) if account is not None else str(uuid.uuid4())
        await call("accounts.get", client.accounts.get(account_id))
        await call("accounts.update", client.accounts.update(account_id, AccountUpdateRequest(status="active")))
        request = PortfolioCreateRequest(
            name="wire portfolio", capital=Decimal("1000.5"), currency="USDT", account_source="BINANCE"
        )
        await call("portfolios.create", client.portfolios.create(request))
        await call("portfolios.list", client.portfolios.list())
        await call("portfolios.get", client.portfolios.get("wire portfolio"))
        await call(
            "portfolios.update",
            client.portfolios.update("wire portfolio", PortfolioUpdateRequest(capital=Decimal("2000"))),
        )
        binding = await call(
            "bindings.create",
            client.bindings.create(
                BindingCreateRequest(account_id=uuid.UUID(account_id), portfolio_name="wire portfolio")
            ),
        )
        await call("bindings.list", client.bindings.list())
        if binding is not None:
            await call("bindings.delete", client.bindings.delete(str(binding.id)))
        await call("slots.bind", client.slots.bind(0, 1, account_id))
        await call("slots.list", client.slots.list())
        await call("slots.get", client.slots.get(0, 1))
        await call("slots.unbind", client.slots.unbind(0, 1))

        backtest = await call(
            "export.export_backtest_results",
            client.export.export_backtest_results("2024-01-01", "2024-03-31", configs, persist_mode=PersistMode.PSQL),
        )
        if task_id := await finish(client, "backtest", backtest):
            frames = await call("tasks.download_backtest_results", client.tasks.download_backtest_results(task_id))
            if frames is not None:
                outcome["zip.shapes"] = f"{frames[0].shape}/{frames[1].shape}"
            await call("tasks.download_result_by_type", client.tasks.download_result_by_type(task_id, "trades"))
        await call("trades.query", client.trades.query(strategy_name="wire_strategy"))
        enhanced = await call(
            "export.export_enhanced_ohlcv",
            client.export.export_enhanced_ohlcv("2024-01-01", "2024-01-10", configs, strategy_name="wire_strategy"),
        )
        if task_id := await finish(client, "enhanced", enhanced):
            await call("tasks.download_enhanced_ohlcv", client.tasks.download_enhanced_ohlcv(task_id))
        on_demand = await call(
            "export.export_on_demand_ohlcv",
            client.export.export_on_demand_ohlcv(
                "BTCUSDT", "1h", "2024-01-01", "2024-01-10", [{"freq": "1h", "indicator": {"type": "ATR", "period": 5}}]
            ),
        )
        if task_id := await finish(client, "on_demand", on_demand):
            await call("tasks.download_on_demand_ohlcv", client.tasks.download_on_demand_ohlcv(task_id))
        latest = await call(
            "export.export_latest_trades",
            client.export.export_latest_trades(configs, start_date="2024-01-01", trade_count=2),
        )
        if task_id := await finish(client, "latest", latest):
            await call("tasks.download_latest_trades", client.tasks.download_latest_trades(task_id))
        validation = await call("export.validate_strategy", client.export.validate_strategy(configs))
        if task_id := await finish(client, "validation", validation):
            await call("tasks.download_validation_result", client.tasks.download_validation_result(task_id))
        await call("portfolios.delete", client.portfolios.delete("wire portfolio"))
        await call("accounts.delete", client.accounts.delete(account_id))
        await call("billing.cancel_subscription", client.billing.cancel_subscription())
        # POST /api/v1/keys is JWT-only: refused for the API key, accepted for the JWT.
        await call("api_keys.create[api_key]", client.api_keys.create("refused"))
    async with TradePoseClient(jwt_token=jwt, server_url=url) as jwt_client:
        key = await call("api_keys.create[jwt]", jwt_client.api_keys.create("wire"))
        if key is not None:
            await call("api_keys.revoke", jwt_client.api_keys.revoke(str(key.id)))
    return outcome


def main() -> int:
    mode, url, credential, extra = sys.argv[1:5]
    if mode == "batch":
        print(json.dumps(run_batch(url, credential, Path(extra))))
    else:
        print(json.dumps(asyncio.run(run_wire(url, credential, extra))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
