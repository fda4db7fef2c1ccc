"""A batch run in its own process, for the crash tests: `python _batch_child.py URL KEY WORKDIR N [resume]`.

The parent kills it with SIGKILL at a chosen point of its journal and then resumes the batch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchTester, Period

STRATEGIES = [strategy("alpha"), strategy("beta", instrument="ETHUSDT")]


def periods(n: int) -> list[Period]:
    return [Period.from_month(2020 + i // 12, 1 + i % 12) for i in range(n)]


def main() -> None:
    url, key, workdir, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with BatchTester(
        api_key=key, server_url=url, env_file=None, max_concurrent_submissions=1, max_concurrent_downloads=1
    ) as tester:
        batch = tester.submit(STRATEGIES, periods(n), workdir=workdir)
        batch.wait(progress=False)
        print("complete", batch.status, flush=True)


if __name__ == "__main__":
    main()
