"""Case 1: a 1,000,000-trade result, from request to `pl.DataFrame`.

Each measurement runs in a fresh child process (`python -m bench.large_result child MODE …`), which
records its peak RSS after imports and client set-up, then again after the download, so the growth
is the download's alone. Modes: `overlay` (TradePoseClient.download_trades), `generated` (the typed
client's buffered `File.payload` → `pl.read_parquet`) and `curl` (curl -o FILE, then
`pl.read_parquet(FILE)`: the limit on this machine). Served by LocalGateway and by a plain
`http.server` on loopback, because how a server writes the body changes the buffered path's speed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from bench._common import ROOT, Row, Spread, emit, peak_rss, run_child

MODES = ("overlay", "generated", "curl")
STRATEGY = ROOT / "examples" / "strategies" / "ma_cross.json"


def _trades_path(task_id: str) -> str:
    return f"/api/v1/tasks/{task_id}/results/trades"


def child(mode: str, url: str, api_key: str, task_id: str) -> None:
    """Measure one download in this (fresh) process and print seconds, RSS growth and frame size."""
    import polars as pl

    with tempfile.TemporaryDirectory(prefix="bench-large-") as scratch:
        if mode == "overlay":
            from tradepose import TradePoseClient

            client = TradePoseClient(api_key=api_key, server_url=url, env_file=None, timeout=300)
            baseline = peak_rss()
            started = time.perf_counter()
            frame = client.download_trades(task_id)
            seconds = time.perf_counter() - started
            client.close()
        elif mode == "generated":
            from tradepose_api import AuthenticatedClient
            from tradepose_api.api.tasks import download_task_result
            from tradepose_api.models.result_type import ResultType
            from tradepose_api.types import File

            api = AuthenticatedClient(base_url=url, token=api_key, prefix="", auth_header_name="X-API-Key",
                                      timeout=httpx.Timeout(300))  # fmt: skip
            baseline = peak_rss()
            started = time.perf_counter()
            answer = download_task_result.sync(uuid.UUID(task_id), ResultType.TRADES, client=api)
            assert isinstance(answer, File)
            frame = pl.read_parquet(answer.payload)
            seconds = time.perf_counter() - started
        else:
            target = Path(scratch) / "trades.parquet"
            argv = ["curl", "-sf", "-o", str(target), "-H", f"X-API-Key: {api_key}", url + _trades_path(task_id)]
            baseline = peak_rss()
            started = time.perf_counter()
            subprocess.run(argv, check=True)
            frame = pl.read_parquet(target)
            seconds = time.perf_counter() - started
        emit({"seconds": seconds, "growth": peak_rss() - baseline, "size": frame.estimated_size(),
              "rows": frame.height})  # fmt: skip


class FileServer:
    """`python -m http.server` on 127.0.0.1 in a subprocess, serving `root`; stopped by PID on exit."""

    def __init__(self, root: Path) -> None:
        argv = [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(root)]
        self._proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self._proc.stdout is not None
        found = re.search(r"port (\d+)", self._proc.stdout.readline())
        if found is None:
            self.close()
            raise RuntimeError("http.server did not report its port")
        self.url = f"http://127.0.0.1:{found.group(1)}"

    def close(self) -> None:
        self._proc.terminate()
        try:
            self._proc.wait(10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()

    def __enter__(self) -> FileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_result(url: str, api_key: str) -> str:
    body = {"export_type": 0, "strategy_configs": [json.loads(STRATEGY.read_text())],
            "start_date": "2024-01-01T00:00:00", "end_date": "2024-03-31T23:59:59"}  # fmt: skip
    with httpx.Client(base_url=url, headers={"X-API-Key": api_key}, timeout=60) as http:
        task_id = str(http.post("/api/v1/export", json=body).raise_for_status().json()["task_id"])
        while http.get(f"/api/v1/tasks/{task_id}").json()["status"] < 2:
            time.sleep(0.2)
    return task_id


def _measure(url: str, api_key: str, task_id: str, runs: int) -> dict[str, list[dict[str, float]]]:
    out: dict[str, list[dict[str, float]]] = {m: [] for m in MODES}
    run_child("large_result", "child", "curl", url, api_key, task_id)  # warm the page cache and the server
    for _ in range(runs):  # interleaved, so drifting machine load hits every mode alike
        for mode in MODES:
            out[mode].append(run_child("large_result", "child", mode, url, api_key, task_id))
    return out


def bench(*, trades: int, runs: int) -> list[Row]:
    """Time and memory of the three paths, against LocalGateway and against a plain file server."""
    from tradepose.testing import LocalGateway, ResultOptions

    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-files-") as served:
        with LocalGateway(time_scale=0.0, results=ResultOptions(total_trades=trades)) as gw:
            task_id = _make_result(gw.url, gw.api_key)
            results["LocalGateway"] = _measure(gw.url, gw.api_key, task_id, runs)
            target = Path(served) / _trades_path(task_id).lstrip("/")
            target.parent.mkdir(parents=True)
            with (
                httpx.Client(headers={"X-API-Key": gw.api_key}, timeout=300) as http,
                target.open("wb") as out,
                http.stream("GET", gw.url + _trades_path(task_id)) as response,
            ):
                for chunk in response.iter_raw(1 << 20):
                    out.write(chunk)
        mb = target.stat().st_size / 1e6
        with FileServer(Path(served)) as server:
            results["http.server"] = _measure(server.url, "unused", task_id, runs)
        shutil.rmtree(Path(served) / "api")
    return _rows(results, trades, mb)


def _rows(results: dict[str, dict[str, list[dict[str, float]]]], trades: int, mb: float) -> list[Row]:
    rows = []
    case = f"1. {trades:,} trades ({mb:.0f} MB Parquet)"
    for server, data in results.items():
        secs = {m: Spread.of([r["seconds"] for r in data[m]]) for m in MODES}
        within = secs["overlay"].median <= 1.2 * secs["curl"].median
        rows.append(Row(case, f"seconds to DataFrame, {server}", "download_trades", secs["overlay"],
                        "curl -o + read_parquet", secs["curl"], ".2f", "≤ 1.2× curl", within))  # fmt: skip
        faster = secs["overlay"].median <= secs["generated"].median
        rows.append(Row(case, f"seconds to DataFrame, {server}", "download_trades", secs["overlay"],
                        "generated sync → File", secs["generated"], ".2f", "≤ 1.0× generated", faster))  # fmt: skip
        grow = {m: Spread.of([r["growth"] / r["size"] for r in data[m]]) for m in MODES}
        rows.append(Row(case, f"peak RSS growth ÷ frame size, {server}", "download_trades", grow["overlay"],
                        "generated sync → File", grow["generated"], ".2f", "≤ 1.3", grow["overlay"].high <= 1.3))  # fmt: skip
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:6])
