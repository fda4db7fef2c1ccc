"""LocalGateway(zip_route=False): the backtest ZIP route is missing, and the batch falls back to Parquet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.reliability._support import STRATEGIES

from tradepose import BatchTester

ZIP_ROUTE = "GET /api/v1/tasks/{task_id}/result"
PARQUET_ROUTE = "GET /api/v1/tasks/{task_id}/results/{result_type}"


@pytest.mark.e2e
@pytest.mark.parametrize("served", [True, False])
def test_a_batch_downloads_the_zip_or_falls_back_when_it_is_not_served(
    served: bool, gateway_factory: Callable[..., Any], tmp_path: Path
) -> None:
    """With the ZIP route one download per period; without it one 404, then two Parquet downloads per period."""
    gw = gateway_factory(requests_per_minute=100_000, zip_route=served)
    with BatchTester(api_key=gw.api_key, server_url=gw.url, env_file=None, max_concurrent_downloads=1) as tester:
        batch = tester.submit(STRATEGIES[:1], ["2024-01", "2024-02", "2024-03"], workdir=tmp_path / "b")
        batch.wait(timeout=60, progress=False)
        assert batch.status["completed"] == 3, batch.failed
        assert all(len(r.trades) > 0 for r in batch)
    stats = gw.stats
    if served:
        assert (stats.count(ZIP_ROUTE, 200), stats.count(PARQUET_ROUTE)) == (3, 0)
    else:
        assert (stats.count(ZIP_ROUTE, 404), stats.count(PARQUET_ROUTE, 200)) == (1, 6)
    with httpx.Client(base_url=gw.url, headers={"X-API-Key": gw.api_key}) as http:
        task_id = gw.tasks[0].task_id
        assert http.get(f"/api/v1/tasks/{task_id}/result").status_code == (200 if served else 404)
