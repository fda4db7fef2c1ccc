"""Virtual time for the batch engine: a clock that jumps when every task waits, and a scripted gateway.

`VirtualClock.drive(coro)` runs `coro` on the current loop; whenever nothing else is ready to run, it
advances time to the earliest pending `asleep` and wakes it. Two hours of gateway time take as many
loop turns as there are wake-ups, not seconds of wall time.
"""

from __future__ import annotations

import asyncio
import heapq
import io
import itertools
import random
import threading
import uuid
import zipfile
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

from tests.overlay._overlay_support import API_KEY, BASE_URL, frame_for, parquet_bytes, parquet_response, strategy_dict
from tradepose._authoring._period import Period
from tradepose._batch._engine import BatchRun, RunLimits
from tradepose._batch._journal import BatchParams, Journal
from tradepose._client._async_client import AsyncTradePoseClient
from tradepose._client._schemas import PERFORMANCE_SCHEMA, TRADES_SCHEMA
from tradepose._clock import Clock
from tradepose._http._config import ClientConfig

T = TypeVar("T")
TRADES = frame_for(TRADES_SCHEMA)
PERFORMANCE = frame_for(PERFORMANCE_SCHEMA, rows=3)


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    """A ZIP archive holding `members` (name -> bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


BACKTEST_ZIP = zip_of({"trades.parquet": parquet_bytes(TRADES), "performance.parquet": parquet_bytes(PERFORMANCE)})


def zip_response(content: bytes = BACKTEST_ZIP) -> httpx.Response:
    return httpx.Response(200, content=content, headers={"content-type": "application/zip"})


class VirtualClock(Clock):
    """Monotonic time that moves only when every task on the loop is waiting on this clock."""

    def __init__(self, start: float = 1_000.0, epoch: float = 1_700_000_000.0) -> None:
        self.now = start
        self.epoch = epoch
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.epoch + self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)

    async def asleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._seq), future))
        await future

    def wait(self, event: threading.Event, seconds: float) -> bool:
        if not event.is_set():
            self.sleep(seconds)
        return event.is_set()

    async def await_event(self, event: threading.Event, seconds: float) -> bool:
        deadline = self.now + seconds
        while not event.is_set() and self.now < deadline:
            await self.asleep(min(0.05, deadline - self.now))
        return event.is_set()

    async def offload(self, fn: Callable[[], T]) -> T:
        return fn()

    async def drive(self, coro: Coroutine[Any, Any, T], *, limit: float = 86_400.0) -> T:
        """Run `coro` to completion, jumping time forward whenever the loop is idle (at most `limit` s)."""
        loop = asyncio.get_running_loop()
        task = asyncio.ensure_future(coro)
        end = self.now + limit
        while not task.done():
            await asyncio.sleep(0)
            # The loop's ready queue (a CPython detail, fine for a test harness) is empty: everyone waits.
            if getattr(loop, "_ready", ()) or task.done():
                continue
            while self._sleepers and self._sleepers[0][2].done():  # cancelled sleeps
                heapq.heappop(self._sleepers)
            if not self._sleepers:
                continue
            when, _, future = heapq.heappop(self._sleepers)
            if when > end:
                task.cancel()
                raise AssertionError(f"the run did not finish within {limit} s of virtual time")
            self.now = max(self.now, when)
            future.set_result(None)
        return task.result()


@dataclass
class FakeGateway:
    """A scripted gateway on virtual time: tasks run `duration` s; `fault(request, now)` may answer first.

    `zip_route` None serves the backtest ZIP (`/tasks/{id}/result`); a status (404, 405, 501) answers that
    route with it instead, as a gateway without the route does. `max_concurrent` answers the subscription
    with that plan limit (None: 404, no plan known). With `queue`, only that many tasks run at once, in
    submission order, each `duration` s from its start (PENDING before).
    """

    clock: VirtualClock
    duration: float = 2.0
    fault: Callable[[httpx.Request, float], httpx.Response | None] | None = None
    tasks: dict[str, float] = field(default_factory=dict)  # task id -> created at
    posts: list[float] = field(default_factory=list)
    requests: list[tuple[float, str, str]] = field(default_factory=list)
    pending_forever: bool = False
    zip_route: int | None = None
    max_concurrent: int | None = None
    queue: int | None = None
    _finish: dict[str, float] = field(default_factory=dict)  # queued mode: task id -> finish time

    def _finish_time(self, task_id: str) -> float:
        """When a task finishes: `duration` after creation, or in queued mode after a slot freed (FIFO)."""
        if self.queue is None:
            return self.tasks[task_id] + self.duration
        for other, created in self.tasks.items():  # creation order; earlier tasks do not depend on later ones
            if other not in self._finish:
                ends = sorted(self._finish.values())
                free = ends[-self.queue] if len(ends) >= self.queue else created
                self._finish[other] = max(created, free) + self.duration
        return self._finish[task_id]

    def status_of(self, task_id: str, now: float) -> int:
        """2 COMPLETED once finished; before, 0 PENDING (in queued mode 1 PROCESSING once started)."""
        if self.pending_forever:
            return 0
        finish = self._finish_time(task_id)
        if now >= finish:
            return 2
        return 1 if self.queue is not None and now >= finish - self.duration else 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        now = self.clock.now
        self.requests.append((now, request.method, request.url.path))
        if self.fault is not None:
            answer = self.fault(request, now)
            if answer is not None:
                return answer
        path = request.url.path
        if path.endswith("/usage/current"):
            return httpx.Response(404, json={"detail": "not here"})
        if path.endswith("/billing/subscription"):
            if self.max_concurrent is None:
                return httpx.Response(404, json={"detail": "not here"})
            return httpx.Response(200, json=subscription(self.max_concurrent))
        if request.method == "POST" and path.endswith("/export"):
            self.posts.append(now)
            task_id = str(uuid.uuid4())
            self.tasks[task_id] = now
            return httpx.Response(200, json={"task_id": task_id, "message": "ok", "operation_type": "backtest"})
        parts = path.split("/")
        task_id = parts[4] if len(parts) > 4 else ""
        if task_id not in self.tasks:
            return httpx.Response(404, json={"detail": f"task {task_id} not found"})
        status = self.status_of(task_id, now)
        if path.endswith("/result"):
            if self.zip_route is not None:
                return httpx.Response(self.zip_route, json={"detail": "Not Found"})
            return zip_response()
        if path.endswith("/results/trades"):
            return parquet_response(TRADES)
        if path.endswith("/results/performance"):
            return parquet_response(PERFORMANCE)
        body = {"task_id": task_id, "user_id": "6f1c2a3e-0000-4000-8000-0000000000aa", "export_type": 0,
                "created_at": "2024-01-01T00:00:00", "status": status}  # fmt: skip
        return httpx.Response(200, json=body)


def subscription(max_concurrent: int) -> dict[str, Any]:
    """A subscription answer whose plan allows `max_concurrent` tasks at once."""
    limits = {"requests_per_minute": 600, "monthly_quota": 100_000, "max_concurrent_tasks": max_concurrent,
              "max_strategies": 100, "priority_queue": True, "support_level": "email"}  # fmt: skip
    plan = {"tier": "pro", "name": "Pro", "description": "Pro plan", "price_monthly": 49.0, "price_yearly": 490.0,
            "limits": limits, "features": []}  # fmt: skip
    return {"subscription": None, "current_plan": plan, "usage_current_month": 0, "usage_limit": 100_000}


def periods(count: int) -> list[Period]:
    """`count` consecutive months from 2020-01."""
    return [Period.from_month(2020 + i // 12, i % 12 + 1) for i in range(count)]


def new_journal(workdir: Path, count: int, clock: Clock) -> Journal:
    """A backtest batch journal of `count` monthly periods."""
    params = BatchParams([strategy_dict()], periods(count), export_type=0, options={"persist_mode": 0})
    return Journal.create(workdir, params, clock=clock)


async def run_batch(
    gateway: FakeGateway,
    journal: Journal,
    *,
    limit: float = 86_400.0,
    resubmit_failed: bool = False,
    ambiguous: bool = False,
    max_retries: int | None = None,
    **limits: Any,
) -> None:
    """One engine pass over `journal` against `gateway`, on the gateway's virtual clock."""
    clock = gateway.clock
    limits.setdefault("jitter_seed", 0)
    random.seed(0)  # the transport's own retry jitter: each scenario replays exactly
    config = ClientConfig.resolve(api_key=API_KEY, server_url=BASE_URL, env={}, env_file=None, max_retries=max_retries)
    client = AsyncTradePoseClient(config=config, transport=httpx.MockTransport(gateway.handler), clock=clock)
    try:
        run = BatchRun(client, journal, limits=RunLimits(**limits), clock=clock)
        await clock.drive(run.run(resubmit_failed=resubmit_failed, ambiguous=ambiguous), limit=limit)
    finally:
        await client.aclose()
