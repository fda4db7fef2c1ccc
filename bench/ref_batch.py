"""Runs inside .venv-ref (Python 3.13, tradepose-client 1.5.0): its BatchTester on the polling workload.

Usage: python bench/ref_batch.py URL API_KEY N_TASKS TIME_SCALE

Submits N one-day periods with the example strategy, polls at 2 s × TIME_SCALE, and prints one JSON
line {task_id: epoch seconds when its trades and performance were in the client's cache}. The cache's
`set` is wrapped only to record that moment; the client's behaviour is untouched.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tradepose_client.batch import BatchTester, Period
from tradepose_client.batch.cache import ResultCache
from tradepose_models.strategy import StrategyConfig

STRATEGY = Path(__file__).resolve().parent.parent / "examples" / "strategies" / "ma_cross.json"


def main(url: str, api_key: str, n: int, scale: float) -> dict[str, float]:
    available: dict[str, float] = {}
    stored: dict[str, set[str]] = {}
    original = ResultCache.set

    def recording_set(self: ResultCache, task_id: str, result_type: str, data: Any) -> None:
        original(self, task_id, result_type, data)
        stored.setdefault(str(task_id), set()).add(result_type)
        if stored[str(task_id)] == {"trades", "performance"}:
            available.setdefault(str(task_id), time.time())

    ResultCache.set = recording_set  # type: ignore[method-assign]
    strategy = StrategyConfig.model_validate(json.loads(STRATEGY.read_text()))
    first = date(2021, 1, 1)
    periods = [Period(start=(first + timedelta(d)).isoformat(), end=(first + timedelta(d + 1)).isoformat())
               for d in range(n)]  # fmt: skip
    tester = BatchTester(api_key=api_key, server_url=url, poll_interval=2.0 * scale)
    batch = tester.submit(strategies=[strategy], periods=periods)
    batch.wait(timeout=3600)
    deadline = time.monotonic() + 60
    while len(available) < len(batch.completed_tasks) and time.monotonic() < deadline:
        time.sleep(0.05)  # the last downloads land after `wait()` sees every task completed
    return available


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))), flush=True)
