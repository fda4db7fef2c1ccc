"""Chaos: a 3-strategy × 12-month batch survives 5xx answers, 429 bursts (both Retry-After forms), dropped
connections and truncated Parquet bodies, and ends with exactly the frames of a fault-free run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability._support import MONTHS, STRATEGIES, RecordingTransport, frames
from tradepose import APIConnectionError, BatchResults, BatchTester, TradePoseError
from tradepose._batch._submission import resubmit_delay as _resubmit_delay
from tradepose._errors import status_error_from_response
from tradepose._http._retry import RetryPolicy, parse_retry_after
from tradepose.testing import FaultConfig, LocalGateway

MAX_RETRIES = 8
# A backtest downloads both frames as one ZIP.
RESULT_ROUTE = "GET /api/v1/tasks/{task_id}/result"


@contextmanager
def _run(gw: LocalGateway, workdir: Path, transport: RecordingTransport | None = None) -> Iterator[BatchResults]:
    """The finished batch; its tester (loop thread and connections) is closed on the way out."""
    with BatchTester(
        api_key=gw.api_key, server_url=gw.url, env_file=None, max_retries=MAX_RETRIES, transport=transport
    ) as tester:
        batch = tester.submit(STRATEGIES, MONTHS, workdir=workdir)
        try:
            yield batch.wait(timeout=90, progress=False)
        finally:
            batch.close()


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Any]]:
    """The same batch against a fault-free gateway: the frames every chaos run must reproduce."""
    with (
        LocalGateway(time_scale=0.01, requests_per_minute=100_000) as gw,
        _run(gw, tmp_path_factory.mktemp("baseline") / "b") as batch,
    ):
        assert batch.status["completed"] == len(MONTHS)
        return frames(batch)


@pytest.mark.e2e
# Each HTTP backend meets one Retry-After form (the form is parsed above the backend).
@pytest.mark.parametrize(
    ("retry_after_format", "seed", "backend"), [("seconds", 11, "aiohttp"), ("http-date", 12, "httpx")]
)
def test_batch_survives_chaos_with_fault_free_frames(
    retry_after_format: Any,
    seed: int,
    backend: str,
    baseline: dict[str, tuple[Any, Any]],
    gateway_factory: Callable[..., LocalGateway],
    tmp_path: Path,
) -> None:
    """20% 5xx, 429 bursts, drops and truncations: every period completes with the fault-free frames, once (per backend)."""
    faults = FaultConfig(
        seed=seed, error_rate=0.2, burst_rate=0.1, burst_length=2, retry_after=1,
        retry_after_format=retry_after_format, drop_rate=0.1, truncate_rate=0.25,
    )  # fmt: skip
    gw = gateway_factory(requests_per_minute=100_000, faults=faults)
    transport = RecordingTransport(backend)
    with _run(gw, tmp_path / "b", transport) as batch:
        assert batch.status == {"pending": 0, "processing": 0, "completed": len(MONTHS), "failed": 0}, batch.failed
        got = frames(batch)
        assert set(got) == set(baseline) == {p.label for p in MONTHS}
        for key, (trades, performance) in baseline.items():
            assert got[key][0].equals(trades), f"trades of {key} differ from the fault-free run"
            assert got[key][1].equals(performance), f"performance of {key} differ from the fault-free run"

        stats = gw.stats
        injected = stats.faults
        for kind in ("server_error", "rate_limit", "dropped_connection", "truncated_body"):
            assert injected.get(kind, 0) > 0, f"no {kind} was injected: {injected}"

        # Each period reached the gateway once, except where the journal says the answer was lost in flight.
        created = Counter((t.start_date, t.end_date) for t in gw.tasks)
        for result in batch:
            count = created[result.period.to_wire()]
            assert result.task_id in {t.task_id for t in gw.tasks}
            assert count == 1 or (result.duplicate_risk and count <= MAX_RETRIES + 1), (result, count)
        extra = sum(created.values()) - len(MONTHS)
        assert extra <= injected.get("dropped_connection", 0)
        assert stats.count("POST /api/v1/export", 200) == len(gw.tasks)

        # Retries stay within max_retries: per request, per period's submission and per result download.
        assert max(transport.attempts_per_request().values()) <= MAX_RETRIES + 1
        assert all(r._row.attempts <= MAX_RETRIES + 1 for r in batch)
        downloads = transport.requests_per_path("GET")
        result_paths = {p: n for p, n in downloads.items() if p.endswith("/result")}
        assert len(result_paths) == len(MONTHS)
        assert max(result_paths.values()) <= MAX_RETRIES + 1
        assert not any("/results/" in p for p in downloads)  # the ZIP route served every period
        assert stats.count(RESULT_ROUTE, 200) >= len(MONTHS)
        assert stats.count(RESULT_ROUTE) <= len(MONTHS) * (MAX_RETRIES + 1) ** 2


def _status_error(status: int, headers: dict[str, str] | None = None) -> TradePoseError:
    request = httpx.Request("POST", "http://gw.test/api/v1/export")
    response = httpx.Response(status, json={"detail": "x"}, headers=headers, request=request)
    return status_error_from_response(response, retry_after=parse_retry_after(response.headers))


def _connect_error() -> TradePoseError:
    error = APIConnectionError("connection refused")
    error.__cause__ = httpx.ConnectError("refused")
    return error


@pytest.mark.parametrize(
    ("error", "attempt", "expected"),
    [
        (_status_error(500), 0, None),  # may have created a task: ambiguous, the engine's policy decides
        (_status_error(502), 0, None),
        (_status_error(503), 2, "retry"),
        (_status_error(503), 30, "retry"),  # no count limit: the period's deadline bounds it
        (_status_error(429, {"Retry-After": "2"}), 0, 2.0),  # the hint, above the first backoff
        (_status_error(429, {"Retry-After": "3600"}), 0, None),  # longer than MAX_RETRY_AFTER: give up, report
        (_status_error(401), 0, None),
        (_status_error(422), 0, None),
        (_status_error(409), 0, None),
        (APIConnectionError("connection reset"), 1, None),  # sent, answer lost: ambiguous
        (_connect_error(), 1, "retry"),  # never connected: provably no task
    ],
)
def test_resubmission_decisions(error: TradePoseError, attempt: int, expected: float | str | None) -> None:
    """A failed export POST is re-sent automatically only when it provably created no task, within the caps."""
    delay = _resubmit_delay(error, RetryPolicy(max_retries=3), failures=attempt + 1, jitter=0.5)
    if expected == "retry":
        assert delay is not None and delay > 0
    else:
        assert delay == expected
