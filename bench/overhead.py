"""Case 3: per-call overhead – task-status calls per second, overlay vs raw httpx.

The overlay call (`client.tasks.get_task_status(task_id=…)`: retry transport, typed parsing, error
mapping) against `httpx.Client.get(…).json()` on a pool of its own, keep-alive both. The client runs in
a child process and the gateway in this one, so they never share a GIL. Besides calls per second, the
child's CPU time per call shows the client's own cost even when the server is the bottleneck.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable

import httpx

from bench._common import Row, Spread, emit, run_child

BATCH = 32  # concurrent calls per asyncio.gather in the async variant


def _timed(calls: int, call: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        call()
    return calls / (time.perf_counter() - wall), (time.process_time() - cpu) / calls * 1e6


async def _atimed(calls: int, call: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls // BATCH):
        await asyncio.gather(*(call() for _ in range(BATCH)))
    return calls / (time.perf_counter() - wall), (time.process_time() - cpu) / calls * 1e6


def child(flavour: str, url: str, api_key: str, task_id: str, calls: str, runs: str) -> None:
    """Interleaved blocks of overlay and raw calls; prints per-block calls/s and CPU µs per call."""
    from tradepose import AsyncTradePoseClient, TradePoseClient

    n, out = int(calls), {"overlay": [], "raw": []}
    headers = {"X-API-Key": api_key}
    path = f"/api/v1/tasks/{task_id}"
    if flavour == "sync":
        with TradePoseClient(api_key=api_key, server_url=url, env_file=None) as client, httpx.Client(
            base_url=url, headers=headers
        ) as raw:  # fmt: skip
            overlay_call = lambda: client.tasks.get_task_status(task_id=task_id)  # noqa: E731
            raw_call = lambda: raw.get(path).json()  # noqa: E731
            _timed(50, overlay_call), _timed(50, raw_call)  # warm both pools
            for _ in range(int(runs)):
                out["overlay"].append(_timed(n, overlay_call))
                out["raw"].append(_timed(n, raw_call))
    else:

        async def main() -> None:
            async with AsyncTradePoseClient(api_key=api_key, server_url=url, env_file=None) as client, httpx.AsyncClient(
                base_url=url, headers=headers
            ) as raw:  # fmt: skip

                async def overlay_call() -> object:
                    return await client.tasks.get_task_status(task_id=task_id)

                async def raw_call() -> object:
                    return (await raw.get(path)).json()

                await _atimed(BATCH * 2, overlay_call), await _atimed(BATCH * 2, raw_call)
                for _ in range(int(runs)):
                    out["overlay"].append(await _atimed(n, overlay_call))
                    out["raw"].append(await _atimed(n, raw_call))

        asyncio.run(main())
    emit(out)


def bench(*, calls: int, runs: int) -> list[Row]:
    from tradepose.testing import LocalGateway

    rows = []
    with LocalGateway(requests_per_minute=10**9, time_scale=0.0) as gw:
        with httpx.Client(base_url=gw.url, headers={"X-API-Key": gw.api_key}) as http:
            body = {"export_type": 4, "strategy_configs": []}
            task_id = http.post("/api/v1/export", json=body).json()["task_id"]
        for flavour in ("sync", "async"):
            data = run_child("overhead", "child", flavour, gw.url, gw.api_key, task_id, str(calls), str(runs))
            rate = {k: Spread.of([r[0] for r in v]) for k, v in data.items()}
            cpu = {k: Spread.of([r[1] for r in v]) for k, v in data.items()}
            case = f"3. get_task_status × {calls}, {flavour}" + (f" (gather × {BATCH})" if flavour == "async" else "")
            rows.append(
                Row(
                    case,
                    "calls per second",
                    "overlay",
                    rate["overlay"],
                    "raw httpx + .json()",
                    rate["raw"],
                    ".0f",
                    "≥ 0.85× raw",
                    rate["overlay"].median >= 0.85 * rate["raw"].median,
                )
            )
            rows.append(Row(case, "client CPU µs per call", "overlay", cpu["overlay"], "raw httpx + .json()",
                            cpu["raw"], ".0f", "–", None))  # fmt: skip
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:8])
