"""A script that leaves testers open: `python _exit_child.py URL KEY WORKDIR DELAY`; the parent times its exit.

Two testers stay open, one with an unfinished batch and one with a resumed batch; nothing is closed or
waited for, so interpreter exit has to stop both runs on its own.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchTester, Period


def main() -> None:
    url, key, workdir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    periods = [Period.from_month(2021, m) for m in range(1, 7)]
    first = BatchTester(api_key=key, server_url=url, env_file=None)
    batch = first.submit([strategy("alpha")], periods, workdir=workdir / "a")
    second = BatchTester(api_key=key, server_url=url, env_file=None)
    second.submit([strategy("beta")], periods, workdir=workdir / "b").close()
    resumed = second.resume(workdir / "b")
    time.sleep(float(sys.argv[4]))  # let the runs get going: POSTs and status checks in flight
    # CLOCK_MONOTONIC is system-wide on Linux: the parent measures the exit from this instant.
    print(len(batch), len(resumed), time.monotonic(), flush=True)


if __name__ == "__main__":
    main()
