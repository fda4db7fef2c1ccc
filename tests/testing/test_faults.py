"""Each fault option of LocalGateway, observed from the client side with plain httpx."""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from typing import Any

import httpx
import polars as pl
import pytest
from gateway_helpers import export, strategy, wait_for_task

from tradepose.testing import FaultConfig, LocalGateway

pytestmark = pytest.mark.e2e

GatewayFactory = Callable[..., LocalGateway]


def _client(gateway: LocalGateway, **options: Any) -> httpx.Client:
    return httpx.Client(base_url=gateway.url, headers={"X-API-Key": gateway.api_key}, **options)


def _completed_backtest(client: httpx.Client) -> str:
    task_id: str = client.post("/api/v1/export", json=export([strategy("s")])).json()["task_id"]
    assert wait_for_task(client, task_id)["status"] == 2
    return task_id


def test_faults_off_no_request_fails(gateway_factory: GatewayFactory) -> None:
    """With the default options, a mixed workload of 150 requests never fails."""
    gateway = gateway_factory()
    with _client(gateway) as client:
        statuses = []
        for _ in range(10):
            task_id = _completed_backtest(client)
            for path in ("trades", "performance"):
                statuses.append(client.get(f"/api/v1/tasks/{task_id}/results/{path}").status_code)
            statuses.append(client.get(f"/api/v1/tasks/{task_id}/result").status_code)
            for path in ("/api/v1/billing/plans", "/api/v1/strategies", "/api/v1/instruments", "/health"):
                statuses.append(client.get(path).status_code)
    assert set(statuses) == {200}
    assert gateway.stats.faults == {}
    assert all(s < 400 for counts in gateway.stats.requests.values() for s in counts)


def test_latency_is_added_and_adjustable(gateway_factory: GatewayFactory) -> None:
    """Added latency makes a short client timeout expire; set_latency(0) removes it."""
    gateway = gateway_factory(faults=FaultConfig(latency=0.5))
    with _client(gateway, timeout=httpx.Timeout(5.0, read=0.05)) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.get("/api/v1/billing/plans")
        gateway.set_latency(0.0)
        assert client.get("/api/v1/billing/plans").status_code == 200


def test_server_errors_are_seeded_and_counted(gateway_factory: GatewayFactory) -> None:
    """A 5xx fraction answers with {"detail": …}; the same seed gives the same sequence."""
    sequences = []
    for _ in range(2):
        gateway = gateway_factory(faults=FaultConfig(seed=7, error_rate=0.4))
        with _client(gateway) as client:
            responses = [client.get("/api/v1/billing/plans") for _ in range(40)]
        errors = [r for r in responses if r.status_code >= 500]
        assert errors and len(errors) < 40
        assert all(r.status_code in (500, 502, 503, 504) and r.json()["detail"] for r in errors)
        assert gateway.stats.faults["server_error"] == len(errors)
        sequences.append([r.status_code for r in responses])
    assert sequences[0] == sequences[1]


@pytest.mark.parametrize("retry_format", ["seconds", "http-date"])
def test_rate_limit_bursts_carry_retry_after(gateway_factory: GatewayFactory, retry_format: str) -> None:
    """Injected 429s come in bursts of burst_length with Retry-After as seconds or an HTTP-date."""
    faults = FaultConfig(burst_rate=1.0, burst_length=3, retry_after=2, retry_after_format=retry_format)  # type: ignore[arg-type]
    gateway = gateway_factory(faults=faults)
    with _client(gateway) as client:
        responses = [client.get("/api/v1/strategies") for _ in range(3)]
    assert [r.status_code for r in responses] == [429, 429, 429]
    value = responses[0].headers["Retry-After"]
    if retry_format == "seconds":
        assert value == "2"
    else:
        assert email.utils.parsedate_to_datetime(value).tzinfo is not None
    assert gateway.stats.faults["rate_limit"] == 3


def test_plan_rate_limit_is_enforced(gateway_factory: GatewayFactory) -> None:
    """Past the plan's requests per minute the gateway answers 429 with integer Retry-After."""
    gateway = gateway_factory(requests_per_minute=5)
    with _client(gateway) as client:
        statuses = [client.get("/api/v1/billing/plans").status_code for _ in range(5)]
        limited = client.get("/api/v1/billing/plans")
        assert client.get("/health").status_code == 200
    assert statuses == [200] * 5
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert "5 requests per minute" in limited.json()["detail"]


def test_dropped_connection_mid_body(gateway_factory: GatewayFactory) -> None:
    """A dropped connection surfaces as an incomplete body (RemoteProtocolError)."""
    gateway = gateway_factory(faults=FaultConfig(drop_rate=1.0))
    with _client(gateway) as client, pytest.raises(httpx.RemoteProtocolError):
        client.get("/api/v1/billing/plans")
    assert gateway.stats.faults["dropped_connection"] == 1


def test_truncated_parquet_body(gateway_factory: GatewayFactory) -> None:
    """A truncated Parquet body arrives complete per Content-Length but does not parse."""
    gateway = gateway_factory(faults=FaultConfig(truncate_rate=1.0))
    with _client(gateway) as client:
        task_id = _completed_backtest(client)
        response = client.get(f"/api/v1/tasks/{task_id}/results/trades")
    assert response.status_code == 200
    assert len(response.content) == int(response.headers["Content-Length"])
    with pytest.raises(Exception, match=r"(?i)parquet|eof|file|footer|magic"):
        pl.read_parquet(response.content)
    assert gateway.stats.faults["truncated_body"] == 1


def test_task_failure_rate(gateway_factory: GatewayFactory) -> None:
    """Failed tasks end with status 3 and an error_message; their results are 404."""
    gateway = gateway_factory(faults=FaultConfig(task_failure_rate=1.0))
    with _client(gateway) as client:
        task_id = client.post("/api/v1/export", json=export([strategy("s")])).json()["task_id"]
        status = wait_for_task(client, task_id)
        result = client.get(f"/api/v1/tasks/{task_id}/results/trades")
    assert status["status"] == 3 and "fault injection" in status["error_message"]
    assert result.status_code == 404 and "failed" in result.json()["detail"]
    assert gateway.tasks[0].error_message == status["error_message"]


def test_unknown_status_values(gateway_factory: GatewayFactory) -> None:
    """Polls of an unfinished task can report a status outside 0–3; it still completes."""
    gateway = gateway_factory(faults=FaultConfig(unknown_status_rate=1.0), time_scale=0.1)
    with _client(gateway) as client:
        task_id = client.post("/api/v1/export", json=export([strategy("s")])).json()["task_id"]
        first = client.get(f"/api/v1/tasks/{task_id}").json()["status"]
        final = wait_for_task(client, task_id)
    assert first == 4
    assert final["status"] == 2
    assert gateway.stats.faults["unknown_status"] >= 1


def test_stats_record_routes_statuses_and_periods(gateway_factory: GatewayFactory) -> None:
    """gw.stats counts requests by route template and status, and each task's period."""
    gateway = gateway_factory()
    with _client(gateway) as client:
        task_id = client.post("/api/v1/export", json=export([strategy("s")], start_date="2023-04-01")).json()
        client.get("/api/v1/tasks/00000000-0000-4000-8000-000000000000")
    stats = gateway.stats
    assert stats.count("POST /api/v1/export", 200) == 1
    assert stats.count("GET /api/v1/tasks/{task_id}", 404) == 1
    assert [(t.task_id, t.start_date, t.end_date) for t in stats.tasks_created] == [
        (task_id["task_id"], "2023-04-01", "2024-03-31T00:00:00")
    ]


def test_faults_can_be_switched_at_runtime(gateway_factory: GatewayFactory) -> None:
    """set_faults replaces the configuration: errors stop, counts so far stay."""
    gateway = gateway_factory(faults=FaultConfig(error_rate=1.0))
    with _client(gateway) as client:
        assert client.get("/api/v1/billing/plans").status_code >= 500
        gateway.set_faults(FaultConfig())
        assert gateway.faults == FaultConfig()
        assert client.get("/api/v1/billing/plans").status_code == 200
    assert gateway.stats.faults == {"server_error": 1}
