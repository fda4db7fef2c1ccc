"""The one-call exports: submit once, poll, download – each adapter's request and result."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest
from tradepose_api.models.strategy_config import StrategyConfig

from tests.overlay._overlay_support import (
    TASK_ID,
    Both,
    FakeClock,
    frame_for,
    parquet_response,
    strategy_dict,
    task_json,
)
from tradepose import BacktestResult, ConfigError, StrategyError, TaskFailedError
from tradepose._client._base import task_uuid
from tradepose._client._runner import to_indicator_specs, to_strategy_configs, to_wire_date
from tradepose._client._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose._errors import InputError

pytestmark = pytest.mark.anyio

ATR = {"freq": "1h", "indicator": {"type": "ATR", "period": 14}}


class FakeGateway:
    """Just enough of the gateway for the export workflow, recording the export bodies."""

    def __init__(self, final_status: int = 2, error_message: str | None = None) -> None:
        self.exports: list[dict[str, Any]] = []
        self.polls = 0
        self.final_status, self.error_message = final_status, error_message

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "POST" and path == "/api/v1/export":
            self.exports.append(json.loads(request.content))
            return httpx.Response(200, json={"task_id": TASK_ID, "message": "queued", "operation_type": "x"})
        if path == f"/api/v1/tasks/{TASK_ID}":
            self.polls += 1
            status = 1 if self.polls < 3 else self.final_status
            return httpx.Response(200, json=task_json(status, error_message=self.error_message))
        results = {
            "trades": parquet_response(frame_for(TRADES_SCHEMA)),
            "performance": parquet_response(frame_for(PERFORMANCE_SCHEMA)),
            "enhanced_ohlcv": parquet_response(frame_for(ENHANCED_OHLCV_SCHEMA)),
            "on_demand_ohlcv": parquet_response(frame_for({"close": ENHANCED_OHLCV_SCHEMA["close"]})),
            "latest_trades": httpx.Response(200, json={"trades": []}),
            "validation_result": httpx.Response(200, json={"valid": True, "validated_strategies": ["s1"],
                                                           "errors": []}),
        }  # fmt: skip
        return results[path.rsplit("/", 1)[-1]]


async def test_export_backtest_results(both: Both, clock: FakeClock) -> None:
    """One POST (export_type 0, normalised dates, dict strategies accepted), polling, then both frames."""
    gateway = FakeGateway()
    progress: list[object] = []
    model = StrategyConfig.from_dict(strategy_dict("as_model"))
    async with both.open(gateway, clock=clock) as client:
        result = await both.run(client.export_backtest_results(
            [strategy_dict("as_dict"), model], dt.date(2024, 1, 1), "2024-03-31T12:00:00",
            strategy_ids=["as_dict"], on_progress=progress.append,
        ))  # fmt: skip
    assert isinstance(result, BacktestResult)
    assert result.task_id == TASK_ID
    assert result.trades.schema == TRADES_SCHEMA
    assert result.performance.schema == PERFORMANCE_SCHEMA
    assert result.metadata.status == 2
    assert len(progress) == 3
    [body] = gateway.exports
    assert body["export_type"] == 0
    assert (body["start_date"], body["end_date"]) == ("2024-01-01", "2024-03-31T12:00:00")
    assert [s["name"] for s in body["strategy_configs"]] == ["as_dict", "as_model"]
    assert body["strategy_ids"] == ["as_dict"]
    assert body["persist_mode"] == 0
    assert "trade_count" not in body


async def test_export_enhanced_ohlcv(both: Both, clock: FakeClock) -> None:
    """export_type 2 carries strategy and blueprint names and returns the §5.3 frame."""
    gateway = FakeGateway()
    async with both.open(gateway, clock=clock) as client:
        frame = await both.run(client.export_enhanced_ohlcv(
            strategy_dict(), "2024-01-01", "2024-02-01", strategy_name="s1", blueprint_name="base",
        ))  # fmt: skip
    assert frame.schema == ENHANCED_OHLCV_SCHEMA
    body = gateway.exports[0]
    assert (body["export_type"], body["strategy_name"], body["blueprint_name"]) == (2, "s1", "base")


async def test_export_on_demand_ohlcv(both: Both, clock: FakeClock) -> None:
    """export_type 3 sends the instrument, freq, indicators and the placeholder strategy the gateway needs."""
    gateway = FakeGateway()
    async with both.open(gateway, clock=clock) as client:
        frame = await both.run(client.export_on_demand_ohlcv("BTCUSDT", "1h", "2024-01-01", "2024-01-02", [ATR]))
    assert frame.columns == ["close"]
    body = gateway.exports[0]
    assert (body["export_type"], body["base_instrument"], body["base_freq"]) == (3, "BTCUSDT", "1h")
    assert body["indicator_specs"] == [ATR]
    [strategy] = body["strategy_configs"]
    assert strategy["name"] == "on_demand_BTCUSDT_1h"
    assert strategy["base_blueprint"]["name"] == "_ohlcv_export_dummy"


async def test_export_latest_trades_defaults_to_today_utc(both: Both, clock: FakeClock) -> None:
    """export_type 1 sends trade_count and, by default, today's date in UTC from the injected clock."""
    gateway = FakeGateway()
    async with both.open(gateway, clock=clock) as client:
        result = await both.run(client.export_latest_trades(strategy_dict(), trade_count=5))
    assert result.trades == []
    body = gateway.exports[0]
    today = dt.datetime.fromtimestamp(clock.time(), dt.UTC).date().isoformat()
    assert (body["export_type"], body["start_date"], body["trade_count"]) == (1, today, 5)
    assert "end_date" not in body


async def test_validate_strategies(both: Both, clock: FakeClock) -> None:
    """export_type 4 returns the typed ValidationResult."""
    gateway = FakeGateway()
    async with both.open(gateway, clock=clock) as client:
        result = await both.run(client.validate_strategies([strategy_dict()]))
    assert result.valid is True
    assert result.validated_strategies == ["s1"]
    assert gateway.exports[0]["export_type"] == 4


async def test_failed_export_raises_and_is_not_resubmitted(both: Both, clock: FakeClock) -> None:
    """A task that fails raises TaskFailedError; the export was POSTed exactly once."""
    gateway = FakeGateway(final_status=3, error_message="worker crashed")
    async with both.open(gateway, clock=clock) as client:
        with pytest.raises(TaskFailedError, match="worker crashed"):
            await both.run(client.export_backtest_results(strategy_dict(), "2024-01-01", "2024-01-31"))
    assert len(gateway.exports) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2024, 1, 31), "2024-01-31"),
        (dt.datetime(2024, 1, 31, 9, 30), "2024-01-31T09:30:00"),
        (dt.datetime(2024, 1, 31, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))), "2024-01-31T01:30:00"),
        ("2024-01-31", "2024-01-31"),
        (" 2024-01-31T09:30:00Z ", "2024-01-31T09:30:00"),
        ("2024-01-31 09:30", "2024-01-31T09:30:00"),
    ],
)
def test_to_wire_date(value: dt.date | str, expected: str) -> None:
    """Dates, datetimes (aware ones in UTC) and ISO strings become the gateway's date strings."""
    assert to_wire_date(value) == expected


@pytest.mark.parametrize(
    ("value", "error"), [("31/01/2024", ValueError), ("2024-13-01", ValueError), (20240131, TypeError)]
)
def test_to_wire_date_rejects_garbage(value: object, error: type[Exception]) -> None:
    """Anything else is refused with a message saying the accepted forms."""
    with pytest.raises(error):
        to_wire_date(value)  # type: ignore[arg-type]


def test_to_strategy_configs() -> None:
    """One or many strategies, as models or dicts; empty or invalid input is StrategyError (a ValueError)."""
    assert [s.name for s in to_strategy_configs(strategy_dict("a"))] == ["a"]
    with pytest.raises(StrategyError, match="no strategies given"):
        to_strategy_configs([])
    with pytest.raises(StrategyError, match="strategy 'x' is not a valid StrategyConfig"):
        to_strategy_configs([{"name": "x"}])
    with pytest.raises(StrategyError, match="got int"):
        to_strategy_configs([42])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="got int"):  # StrategyError keeps ValueError for existing callers
        to_strategy_configs(42)  # type: ignore[arg-type]


def test_dates_and_task_ids_raise_config_errors() -> None:
    """to_wire_date and task_uuid refuse bad input with InputError (a ConfigError, ValueError and TypeError)."""
    with pytest.raises(InputError, match="not ISO 8601"):
        to_wire_date("31/01/2024")
    with pytest.raises(ConfigError, match="expected a date"):
        to_wire_date(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_wire_date(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="is not a UUID"):
        task_uuid("nope")
    with pytest.raises(InputError, match="must be a UUID string"):
        task_uuid(10**400)  # type: ignore[arg-type]
    with pytest.raises(StrategyError, match="IndicatorSpec"):
        to_indicator_specs([{"x": 1}])
