"""Runs inside .venv-ref (Python 3.13, tradepose-client 1.5.0): its BatchTester on the scale workload.

Usage: python bench/ref_scale.py URL API_KEY N_PERIODS

Submits N one-day periods with the example strategy (default 2 s poll interval) and prints one JSON
line {"cpu", "wall", "rss", "completed"}: process CPU seconds (user + system, all threads) and wall
seconds from just before the tester is built until its cache holds every completed period's trades and
performance, the process's peak RSS in bytes, and the periods completed. The cache's `set` is wrapped
only to count what it holds; the client's behaviour is untouched. It sends every submission at once, so
its request timeout is raised through its documented `TRADEPOSE_TIMEOUT` setting (to 600 s): at the
default, about half of 1,000 submissions time out in its connection pool and are dropped.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tradepose_client.batch import BatchTester, Period
from tradepose_client.batch.cache import ResultCache
from tradepose_models.strategy import StrategyConfig

STRATEGY = Path(__file__).resolve().parent.parent / "examples" / "strategies" / "ma_cross.json"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(url: str, api_key: str, n: int) -> dict[str, float]:
    os.environ["TRADEPOSE_TIMEOUT"] = "600"
    stored: dict[str, set[str]] = {}
    original = ResultCache.set

    def recording_set(self: ResultCache, task_id: str, result_type: str, data: Any) -> None:
        original(self, task_id, result_type, data)
        stored.setdefault(str(task_id), set()).add(result_type)

    ResultCache.set = recording_set  # type: ignore[method-assign]
    strategy = StrategyConfig.model_validate(json.loads(STRATEGY.read_text()))
    first = date(2021, 1, 1)
    periods = [Period(start=(first + timedelta(d)).isoformat(), end=(first + timedelta(d + 1)).isoformat())
               for d in range(n)]  # fmt: skip
    cpu, wall = cpu_seconds(), time.perf_counter()
    tester = BatchTester(api_key=api_key, server_url=url)
    batch = tester.submit(strategies=[strategy], periods=periods)
    batch.wait(timeout=3600)
    completed = len(batch.completed_tasks)
    deadline = time.monotonic() + 120

    def cached() -> int:
        return sum(1 for kinds in stored.values() if {"trades", "performance"} <= kinds)

    while cached() < completed and time.monotonic() < deadline:
        time.sleep(0.01)  # the last downloads land after `wait()` sees every task completed
    cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"cpu": cpu, "wall": wall, "rss": rss, "completed": min(completed, cached())}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]))), flush=True)
