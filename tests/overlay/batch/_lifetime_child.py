"""Child process of test_results_lifetime: read a finished batch offline and print what every method gives."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tradepose import BatchResults, BatchTester, ConfigError


def main(workdir: str, out: str) -> int:
    assert not any(k.startswith("TRADEPOSE_") for k in os.environ), "the child must run without credentials"
    batch = BatchResults.open(workdir)
    first = next(iter(batch))
    try:
        batch.retry_failed()
    except ConfigError as error:
        refused = str(error)
    else:  # pragma: no cover - the assertion in the parent reports it
        refused = ""
    report = {
        "summary": batch.summary().sort("period", "strategy_name", "metric_type").write_json(),
        "all_trades": batch.all_trades().height,
        "for_strategy": batch.for_strategy("alpha").trades.height,
        "status": batch.status,
        "failed": [r.label for r in batch.failed],
        "completed": [r.label for r in batch.completed],
        "results": sorted(batch.results),
        "get_period": batch.get_period("2024Q2").task_id,
        "getitem": batch["2024-07-01..2024-07-15"].trades.height,
        "iter": [r.label for r in batch],
        "len": len(batch),
        "repr": repr(batch),
        "period_repr": repr(first),
        "snapshot": batch.snapshot().completed,
        "scan_trades": batch.scan_trades().collect().height,
        "saved_scan": batch.scan_trades(batch.save(Path(out))).collect().height,
        "tester_open": len(BatchTester.open(workdir)),
        "retry_failed": refused,
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
