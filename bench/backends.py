"""Case 7: the async HTTP backend – the SDK's aiohttp pool vs httpx's own (and httpx-aiohttp's), under `RetryTransport`.

Each backend runs in a fresh child process with an `httpx.AsyncClient` whose transport is the overlay's
`RetryTransport`: `TransportSettings(http_backend="aiohttp")` (the SDK's default for the async client
and BatchTester: `_http/_aiohttp.py`), `http_backend="httpx"` (httpx's native connection pool), or the
`httpx-aiohttp` package's `AiohttpTransport` as the inner transport (16 KiB chunks, aiohttp's 64 KiB read
buffer). LocalGateway runs in this process, so the child's CPU time is the client's alone.

- status checks: `calls` GETs of `/health` at concurrency 1, 8 and 32 (that many workers sharing one
  client, each sending its share in turn); reported as requests per second (wall) and client CPU µs per
  request (user + system time of the child process, all threads);
- streamed downloads of a small and a large trades Parquet (`/results/trades`, marked as a download so
  `RetryTransport` leaves the body to the caller), written to a file chunk by chunk as the SDK does
  (`aiter_raw`); seconds and client CPU seconds per download.
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

BACKENDS = ("aiohttp", "httpx", "httpx-aiohttp")
LABELS = {"aiohttp": "SDK aiohttp backend", "httpx": "httpx native", "httpx-aiohttp": "httpx-aiohttp 0.2 transport"}
CONCURRENCY = (1, 8, 32)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _client(backend: str, url: str, api_key: str) -> httpx.AsyncClient:
    from tradepose._http._transport import RetryTransport, TransportSettings

    if backend == "httpx-aiohttp":
        from httpx_aiohttp import AiohttpTransport

        transport = RetryTransport(async_transport=AiohttpTransport())
    else:
        transport = RetryTransport(
            settings=TransportSettings(http_backend="aiohttp" if backend == "aiohttp" else "httpx")
        )
    return httpx.AsyncClient(base_url=url, headers={"X-API-Key": api_key}, timeout=300, transport=transport)


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
            async for chunk in response.aiter_raw():
                sink.write(chunk)
                size += len(chunk)
    finally:
        await response.aclose()
    return time.perf_counter() - wall, cpu_seconds() - cpu, size


async def _child(backend: str, url: str, api_key: str, task_id: str, calls: int, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {"checks": {}, "download": []}
    async with _client(backend, url, api_key) as http:
        for concurrency in CONCURRENCY if calls else ():
            out["checks"][str(concurrency)] = [await _checks(http, calls, concurrency) for _ in range(runs)]
        with tempfile.TemporaryDirectory(prefix="bench-backends-") as scratch:
            await _download(http, task_id, Path(scratch) / "trades.parquet")  # warm: connection, page cache
            for _ in range(runs):
                out["download"].append(await _download(http, task_id, Path(scratch) / "trades.parquet"))
    return out


def child(backend: str, url: str, api_key: str, task_id: str, calls: str, runs: str) -> None:
    emit(asyncio.run(_child(backend, url, api_key, task_id, int(calls), int(runs))))


def _measure(trades: int, calls: int, runs: int) -> dict[str, dict[str, Any]]:
    """Per backend: status checks (when `calls`) and downloads of a `trades`-trade result."""
    from tradepose.testing import LocalGateway, ResultOptions

    data: dict[str, dict[str, Any]] = {}
    with LocalGateway(time_scale=0.0, requests_per_minute=10**9, results=ResultOptions(total_trades=trades)) as gw:
        task_id = _make_result(gw.url, gw.api_key)
        for backend in BACKENDS:
            data[backend] = run_child("backends", "child", backend, gw.url, gw.api_key, task_id, str(calls),
                                      str(runs))  # fmt: skip
    return data


def _row(case: str, metric: str, data: dict[str, list[Any]], pick: Any, base: str, fmt: str) -> Row:
    ours, other = (Spread.of([pick(r) for r in data[b]]) for b in ("aiohttp", base))
    return Row(case, metric, LABELS["aiohttp"], ours, LABELS[base], other, fmt, "–", None)


def bench(*, calls: int, trades: tuple[int, int], runs: int) -> list[Row]:
    """Status checks and the small download on one gateway, the large download on another."""
    small, large = _measure(trades[0], calls, runs), _measure(trades[1], 0, runs)
    rows: list[Row] = []
    for concurrency in CONCURRENCY:
        checks = {b: small[b]["checks"][str(concurrency)] for b in BACKENDS}
        case = f"7. GET /health × {calls}, concurrency {concurrency}, under RetryTransport"
        for base in ("httpx", "httpx-aiohttp"):
            rows.append(_row(case, "requests per second", checks, lambda r: r[0], base, ".0f"))
            rows.append(_row(case, "client CPU µs per request", checks, lambda r: r[1], base, ".0f"))
    for count, data in zip(trades, (small, large), strict=True):
        size_mb = data["httpx"]["download"][0][2] / 2**20
        case = f"7. streamed trades download, {count:,} trades ({size_mb:.0f} MB Parquet), under RetryTransport"
        downloads = {b: data[b]["download"] for b in BACKENDS}
        for base in ("httpx", "httpx-aiohttp"):
            rows.append(_row(case, "seconds to file", downloads, lambda r: r[0], base, ".3f"))
            rows.append(_row(case, "client CPU seconds", downloads, lambda r: r[1], base, ".3f"))
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:8])
