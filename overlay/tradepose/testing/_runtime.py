"""One running gateway's state, credentials, faults and export-task workers."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from tradepose.testing import _json_results, _ohlcv, _results
from tradepose.testing._auth import Authenticator
from tradepose.testing._faults import FaultConfig, FaultInjector
from tradepose.testing._spec import Spec
from tradepose.testing._state import COMPLETED, FAILED, PLANS, PROCESSING, GatewayState, TaskRecord, now

__all__ = ["GatewayConfig", "GatewayRuntime"]

_PERSIST_LIMIT: Final = 10_000


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    """Options of a local gateway.

    `task_duration` is the (min, max) seconds an export task takes, multiplied by `time_scale`
    (0.01 makes the default 1–3 s into 10–30 ms). A task stays PENDING for the same pickup delay (a
    quarter of the shortest duration) and then for as long as the plan's `max_concurrent_tasks` are
    running; tasks start in the order they were created, as workers reading one queue take them.
    `requests_per_minute` and `max_concurrent_tasks` override the `plan`'s limits. `api_key` fixes the
    primary key (random otherwise); `seed` makes task durations reproducible. `zip_route=False` answers the
    backtest ZIP route (`GET /api/v1/tasks/{id}/result`) 404 Not Found, as a gateway without that route does.
    """

    plan: str = "pro"
    requests_per_minute: int | None = None
    max_concurrent_tasks: int | None = None
    task_duration: tuple[float, float] = (1.0, 3.0)
    time_scale: float = 1.0
    results: _results.ResultOptions = field(default_factory=_results.ResultOptions)
    faults: FaultConfig = field(default_factory=FaultConfig)
    api_key: str | None = None
    seed: int = 0
    zip_route: bool = True

    def __post_init__(self) -> None:
        low, high = self.task_duration
        if low < 0 or high < low or self.time_scale < 0:
            raise ValueError("task_duration must be 0 <= min <= max and time_scale >= 0")
        if self.plan not in PLANS:
            raise ValueError(f"unknown plan {self.plan!r}; choose one of {sorted(PLANS)}")


class GatewayRuntime:
    """State, credentials, faults and the task workers of one running gateway."""

    def __init__(self, config: GatewayConfig, workdir: Path, spec: Spec) -> None:
        self.config = config
        self.workdir = workdir
        self.spec = spec
        self.state = GatewayState(config.plan, config.requests_per_minute, config.max_concurrent_tasks)
        self.auth = Authenticator(config.api_key)
        primary = self.state.add_key("default", self.auth.api_key)
        self.auth.api_keys[self.auth.api_key] = primary["id"]
        self.faults = FaultInjector(config.faults)
        self._random = random.Random(config.seed)
        self._workers: set[asyncio.Task[None]] = set()
        self._semaphore: asyncio.Semaphore | None = None
        self._zip_lock: asyncio.Lock | None = None

    # -- tasks -----------------------------------------------------------------------------

    def start_task(self, record: TaskRecord) -> None:
        """Run an export task in the background on the server loop."""
        worker = asyncio.get_running_loop().create_task(self._run(record))
        self._workers.add(worker)
        worker.add_done_callback(self._workers.discard)

    async def _run(self, record: TaskRecord) -> None:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.state.max_concurrent_tasks)
        low, high = self.config.task_duration
        with self.state.lock:
            total = self._random.uniform(low, high) * self.config.time_scale
        fails = self.faults.task_fails()
        # The same delay for every task keeps the queue first-in first-out: a worker cannot know how long
        # a task will run before it takes it (a delay drawn per task made short tasks overtake long ones).
        pickup = low * 0.25 * self.config.time_scale
        await asyncio.sleep(pickup)
        async with self._semaphore:
            with self.state.lock:
                record.status = PROCESSING
                record.started_at = now()
                record.worker_id = f"local-worker-{len(self._workers) % self.state.max_concurrent_tasks}"
            started = time.monotonic()
            error: str | None = None
            if fails:
                error = "Simulated worker failure (LocalGateway fault injection)"
            else:
                try:
                    await asyncio.to_thread(self._produce, record)
                except Exception as problem:  # noqa: BLE001 - any generation failure fails the task, as a worker's would
                    error = f"Export failed: {type(problem).__name__}: {problem}"
            await asyncio.sleep(max(0.0, total - pickup - (time.monotonic() - started)))
            with self.state.lock:
                record.status = FAILED if error else COMPLETED
                record.error_message = error
                record.completed_at = now()
                self.state.task_events.append((time.monotonic(), record.status))

    def _produce(self, record: TaskRecord) -> None:
        """Generate the task's results (runs in a worker thread)."""
        request, options = record.request, self.config.results
        directory = self.workdir / record.task_id
        directory.mkdir(parents=True, exist_ok=True)
        if record.export_type == 0:
            record.results = _results.write_backtest(directory, request, options)
            if int(request.get("persist_mode") or 0) == 1:
                self._persist(record)
        elif record.export_type == 1:
            latest = _results.ResultOptions(trades_per_blueprint=_json_results.latest_trade_count(request))
            record.json_result = _json_results.latest_trades(request)
            record.results = _results.write_backtest(directory, request, latest)
        elif record.export_type == 2:
            path = directory / "enhanced_ohlcv.parquet"
            path.write_bytes(_ohlcv.enhanced_ohlcv(request, options))
            record.results = {"enhanced_ohlcv": path}
        elif record.export_type == 3:
            path = directory / "on_demand_ohlcv.parquet"
            path.write_bytes(_ohlcv.on_demand_ohlcv(request, options))
            record.results = {"on_demand_ohlcv": path}
        else:
            record.json_result = _json_results.validation_result(request)

    def _persist(self, record: TaskRecord) -> None:
        instruments = {str(c["name"]): str(c["base_instrument"]) for c in record.request["strategy_configs"]}
        rows = _json_results.persisted_trades(record.results["trades"], instruments, _PERSIST_LIMIT)
        created = now()
        with self.state.lock:
            for row in rows:
                row["id"] = str(uuid.uuid4())
                row["created_at"] = created
            self.state.trades.extend(rows)

    async def zip_path(self, record: TaskRecord) -> Path:
        """The task's result ZIP (trades.parquet + performance.parquet), built on first use."""
        if self._zip_lock is None:
            self._zip_lock = asyncio.Lock()
        async with self._zip_lock:
            target = record.results["trades"].parent / "result.zip"
            if not target.exists():
                await asyncio.to_thread(
                    _results.write_zip, target, record.results["trades"], record.results["performance"]
                )
            return target

    async def shutdown(self) -> None:
        """Cancel the task workers."""
        for worker in list(self._workers):
            worker.cancel()
        for worker in list(self._workers):
            with suppress(asyncio.CancelledError):
                await worker
