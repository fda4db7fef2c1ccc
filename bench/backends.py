"""Case 7: the async HTTP backend – httpx's own transport vs httpx-aiohttp, both under `RetryTransport`.

Each backend runs in a fresh child process: an `httpx.AsyncClient` whose transport is the overlay's
`RetryTransport(async_transport=…)` around either `httpx.AsyncHTTPTransport()` (httpx's native
connection pool) or `httpx_aiohttp.AiohttpTransport()`. LocalGateway runs in this process.

- status checks: `calls` GETs of `/health` at concurrency 1, 8 and 32 (that many workers sharing one
  client, each sending its share in turn); reported as requests per second (wall) and client CPU µs per
  request (user + system time of the child process, all threads);
- a streamed download of the trades Parquet of a 1,000,000-trade result (`/results/trades`, marked as a
  download so `RetryTransport` leaves the body to the caller), written to a file chunk by chunk; seconds
  and client CPU seconds per download.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench._common import Row, Spread, emit, run_child
from bench.large_result import _make_result, _trades_path

BACKENDS = ("httpx", "aiohttp")
CONCURRENCY = (1, 8, 32)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _client(backend: str, url: str, api_key: str) -> httpx.AsyncClient:
    from tradepose._http._transport import RetryTransport

    inner: httpx.AsyncBaseTransport
    if backend == "aiohttp":
        from httpx_aiohttp import AiohttpTransport

        inner = AiohttpTransport()
    else:
        inner = httpx.AsyncHTTPTransport()
    return httpx.AsyncClient(base_url=url, headers={"X-API-Key": api_key}, timeout=300,
                             transport=RetryTransport(async_transport=inner))  # fmt: skip


async def _checks(http: httpx.AsyncClient, calls: int, concurrency: int) -> tuple[float, float]:
    """(requests per second, CPU µs per request) for `calls` GET /health over `concurrency` workers."""

    async def worker(count: int) -> None:
        for _ in range(count):
            (await http.get("/health")).raise_for_status()

    shares = [calls // concurrency + (1 if i < calls % concurrency else 0) for i in range(concurrency)]
    await worker(min(concurrency, 8))  # warm the pool's first connections
    cpu, wall = cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(worker(share) for share in shares))
    cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
    return calls / wall, cpu * 1e6 / calls


async def _download(http: httpx.AsyncClient, task_id: str, target: Path) -> tuple[float, float, int]:
    """(seconds, CPU seconds, bytes) of one streamed trades download to `target`."""
    from tradepose._http._transport import STREAM_EXTENSION

    cpu, wall = cpu_seconds(), time.perf_counter()
    size = 0
    request = http.build_request("GET", _trades_path(task_id), extensions={STREAM_EXTENSION: True})
    response = await http.send(request, stream=True)
    try:
        response.raise_for_status()
        with target.open("wb") as sink:
            async for chunk in response.aiter_bytes():
                sink.write(chunk)
                size += len(chunk)
    finally:
        await response.aclose()
    return time.perf_counter() - wall, cpu_seconds() - cpu, size


async def _child(backend: str, url: str, api_key: str, task_id: str, calls: int, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {"checks": {}, "download": []}
    async with _client(backend, url, api_key) as http:
        for concurrency in CONCURRENCY:
            out["checks"][str(concurrency)] = [await _checks(http, calls, concurrency) for _ in range(runs)]
        with tempfile.TemporaryDirectory(prefix="bench-backends-") as scratch:
            for _ in range(runs):
                out["download"].append(await _download(http, task_id, Path(scratch) / "trades.parquet"))
    return out


def child(backend: str, url: str, api_key: str, task_id: str, calls: str, runs: str) -> None:
    emit(asyncio.run(_child(backend, url, api_key, task_id, int(calls), int(runs))))


def bench(*, calls: int, trades: int, runs: int) -> list[Row]:
    from tradepose.testing import LocalGateway, ResultOptions

    data: dict[str, dict[str, Any]] = {}
    with LocalGateway(time_scale=0.0, requests_per_minute=10**9, results=ResultOptions(total_trades=trades)) as gw:
        task_id = _make_result(gw.url, gw.api_key)
        for backend in BACKENDS:
            data[backend] = run_child("backends", "child", backend, gw.url, gw.api_key, task_id, str(calls),
                                      str(runs))  # fmt: skip
    ours, base = "httpx-aiohttp", "httpx native"
    rows: list[Row] = []
    for concurrency in CONCURRENCY:
        key = str(concurrency)
        rate = {b: Spread.of([r[0] for r in data[b]["checks"][key]]) for b in BACKENDS}
        cpu = {b: Spread.of([r[1] for r in data[b]["checks"][key]]) for b in BACKENDS}
        case = f"7. GET /health × {calls}, concurrency {concurrency}, under RetryTransport"
        rows += [
            Row(case, "requests per second", ours, rate["aiohttp"], base, rate["httpx"], ".0f", "–", None),
            Row(case, "client CPU µs per request", ours, cpu["aiohttp"], base, cpu["httpx"], ".0f", "–", None),
        ]
    size_mb = data["httpx"]["download"][0][2] / 2**20
    case = f"7. streamed trades download, {trades:,} trades ({size_mb:.0f} MB Parquet), under RetryTransport"
    seconds = {b: Spread.of([r[0] for r in data[b]["download"]]) for b in BACKENDS}
    cpu_s = {b: Spread.of([r[1] for r in data[b]["download"]]) for b in BACKENDS}
    rows += [
        Row(case, "seconds to file", ours, seconds["aiohttp"], base, seconds["httpx"], ".2f", "–", None),
        Row(case, "client CPU seconds", ours, cpu_s["aiohttp"], base, cpu_s["httpx"], ".2f", "–", None),
    ]
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:8])
