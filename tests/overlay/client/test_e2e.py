"""End to end against the LocalGateway on 127.0.0.1, with the sync and the async client."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.overlay._overlay_support import Both, strategy_dict
from tradepose import (
    APIConnectionError,
    AuthenticationError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
)
from tradepose._client._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose._clock import Clock

pytestmark = [pytest.mark.anyio, pytest.mark.e2e]

ATR = {"freq": "1h", "indicator": {"type": "ATR", "period": 14}}


class Backends(Both):
    """`Both`, plus the async client on httpx's own pool: "async" runs on the default aiohttp one."""

    def open(self, handler: Any = None, *, clock: Clock | None = None, **kwargs: Any) -> Any:
        if self.mode == "async-httpx":
            return Both("async").open(handler, clock=clock, http_backend="httpx", **kwargs)
        return super().open(handler, clock=clock, **kwargs)


@pytest.fixture(params=["sync", "async", "async-httpx"])
def both(request: pytest.FixtureRequest) -> Both:
    """Every end-to-end test runs with the sync client and the async one on each HTTP backend."""
    return Backends(request.param)


class ScaledClock(Clock):
    """Real time, but retry/poll waits shortened 20× so fault-injection runs stay quick."""

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds / 20)

    async def asleep(self, seconds: float) -> None:
        await super().asleep(seconds / 20)


async def test_backtest_round_trip(both: Both, local_gateway: Any) -> None:
    """Submit a backtest, poll with a progress callback, download trades and performance in the §5 dtypes."""
    progress: list[object] = []
    async with both.open(api_key=local_gateway.api_key, server_url=local_gateway.url) as client:
        result = await both.run(client.export_backtest_results(
            [strategy_dict("e2e_bt")], "2024-01-01", "2024-03-31", on_progress=lambda m: progress.append(m.status),
        ))  # fmt: skip
    assert result.trades.schema == TRADES_SCHEMA
    assert result.performance.schema == PERFORMANCE_SCHEMA
    assert result.trades.height > 0
    assert progress[-1] == 2
    [task] = [t for t in local_gateway.tasks if t.task_id == result.task_id]
    assert (task.export_type, task.start_date, task.end_date) == (0, "2024-01-01", "2024-03-31")


async def test_submit_poll_and_every_download_route(both: Both, local_gateway: Any, tmp_path: Path) -> None:
    """The low-level steps: create_export, poll_until_complete, per-type, lazy, path= and ZIP downloads agree."""
    body = {"strategy_configs": [strategy_dict("e2e_steps")], "export_type": 0,
            "start_date": "2024-01-01", "end_date": "2024-02-01"}  # fmt: skip
    async with both.open(api_key=local_gateway.api_key, server_url=local_gateway.url) as client:
        created = await both.run(client.export.create_export(body=body))
        meta = await both.run(client.poll_until_complete(created.task_id, timeout=30))
        trades = await both.run(client.download_trades(created.task_id))
        lazy = await both.run(client.download_trades(created.task_id, lazy=True))
        kept = await both.run(client.download_performance(created.task_id, path=tmp_path / "p.parquet"))
        zipped_trades, zipped_performance = await both.run(client.download_backtest_zip(created.task_id))
        assert lazy.collect().equals(trades)
    assert meta.status == 2
    assert zipped_trades.equals(trades)
    assert zipped_performance.equals(kept)
    assert pl.read_parquet(tmp_path / "p.parquet").schema == PERFORMANCE_SCHEMA


async def test_other_exports(both: Both, local_gateway: Any) -> None:
    """Enhanced and on-demand OHLCV, latest trades and validation through the one-call helpers."""
    async with both.open(api_key=local_gateway.api_key, server_url=local_gateway.url) as client:
        enhanced = await both.run(client.export_enhanced_ohlcv(strategy_dict(), "2024-01-01", "2024-01-03"))
        on_demand = await both.run(client.export_on_demand_ohlcv("BTCUSDT", "1h", "2024-01-01", "2024-01-03", [ATR]))
        latest = await both.run(client.export_latest_trades(strategy_dict(), trade_count=2))
        validation = await both.run(client.validate_strategies([strategy_dict()]))
    assert all(enhanced.schema[name] == dtype for name, dtype in ENHANCED_OHLCV_SCHEMA.items())
    assert "BTCUSDT_1h_ATR|14" in on_demand.columns
    assert {t.strategy_name for t in latest.trades} == {"s1"}
    assert validation.valid is True


async def test_strategy_crud(both: Both, local_gateway: Any) -> None:
    """Create (from a wire dict), list, get by id and delete by name."""
    name = f"crud_{uuid.uuid4().hex[:8]}"
    async with both.open(api_key=local_gateway.api_key, server_url=local_gateway.url) as client:
        created = await both.run(client.strategies.create_strategy(body=strategy_dict(name)))
        listed = await both.run(client.strategies.list_strategies())
        fetched = await both.run(client.strategies.get_strategy(strategy=created.id))
        deleted = await both.run(client.strategies.delete_strategy(strategy=name, archive=False))
        with pytest.raises(NotFoundError):
            await both.run(client.strategies.get_strategy(strategy=created.id))
    assert name in {s.name for s in listed.strategies}
    assert fetched.name == name
    assert "deleted" in deleted.message


async def test_api_key_crud_with_jwt(both: Both, local_gateway: Any) -> None:
    """With a JWT: create a key (shown once), list it, revoke it; the new key then authenticates."""
    async with both.open(api_key=None, jwt_token=local_gateway.jwt, server_url=local_gateway.url) as client:
        created = await both.run(client.keys.create_api_key(body={"name": "ci"}))
        listed = await both.run(client.keys.list_api_keys())
        async with both.open(api_key=created.api_key, server_url=local_gateway.url) as keyed:
            assert (await both.run(keyed.strategies.list_strategies())).count >= 0
        assert await both.run(client.keys.revoke_api_key(key_id=created.id)) is None
    assert created.id in {k.id for k in listed.keys}


async def test_http_errors_are_typed(both: Both, local_gateway: Any) -> None:
    """401, 404 and 422 from the gateway surface as their typed errors."""
    async with both.open(api_key="tp_test_wrong", server_url=local_gateway.url) as client:
        with pytest.raises(AuthenticationError):
            await both.run(client.strategies.list_strategies())
    async with both.open(api_key=local_gateway.api_key, server_url=local_gateway.url) as client:
        with pytest.raises(NotFoundError) as missing:
            await both.run(client.tasks.get_task_status(task_id=uuid.uuid4()))
        with pytest.raises(UnprocessableEntityError) as invalid:
            await both.run(client.tasks.get_task_status(task_id="not-a-uuid"))
    assert "not found" in str(missing.value)
    assert [e.field for e in invalid.value.errors] == ["task_id"]


async def test_rate_limit_is_typed(both: Both, gateway_factory: Callable[..., Any]) -> None:
    """Past the plan's per-minute limit the gateway answers 429: RateLimitError with retry_after."""
    gateway = gateway_factory(requests_per_minute=2)
    async with both.open(api_key=gateway.api_key, server_url=gateway.url, max_retries=0) as client:
        for _ in range(2):
            await both.run(client.strategies.list_strategies())
        with pytest.raises(RateLimitError) as info:
            await both.run(client.strategies.list_strategies())
    assert info.value.status_code == 429
    assert info.value.retry_after is not None and info.value.retry_after > 0


async def test_survives_injected_faults(both: Both, gateway_factory: Callable[..., Any]) -> None:
    """5xx, 429 bursts (HTTP-date), dropped and truncated bodies and unknown statuses are all ridden out."""
    from tradepose.testing import FaultConfig

    faults = FaultConfig(seed=7, error_rate=0.1, burst_rate=0.1, burst_length=2, retry_after_format="http-date",
                         drop_rate=0.15, truncate_rate=0.3, unknown_status_rate=0.3)  # fmt: skip
    gateway = gateway_factory(faults=faults)
    completed, refused_submissions = 0, 0
    async with both.open(api_key=gateway.api_key, server_url=gateway.url, clock=ScaledClock(), max_retries=8) as client:
        for n in range(5):
            try:
                result = await both.run(
                    client.export_backtest_results(strategy_dict(f"f{n}"), "2024-01-01", "2024-02-01")
                )
            except (InternalServerError, APIConnectionError) as exc:
                # A 5xx or a lost answer on the export POST is raised, never retried: the task may exist.
                request = exc.response.request if isinstance(exc, InternalServerError) else exc.request
                assert request is not None and request.url.path == "/api/v1/export"
                refused_submissions += 1
                continue
            assert result.trades.schema == TRADES_SCHEMA
            completed += 1
    route = "POST /api/v1/export"
    assert gateway.stats.count(route) - gateway.stats.count(route, 429) == 5  # each export was sent once
    assert completed + refused_submissions == 5 and completed > 0
    assert sum(gateway.stats.faults.values()) > 0
