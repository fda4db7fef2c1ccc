"""Case 5: cold import time – `import tradepose` vs `import polars` alone, each in a fresh interpreter.

Bytecode caches are warm (one untimed import first), as after any `pip install`: what is measured is
the work done at import, not compiling sources.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from bench._common import PYTHON, ROOT, Row, Spread, child_env

_SNIPPET = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
# Modules that client code should only load when used.
HEAVY = ("rich", "pyarrow", "tradepose.testing", "fastapi", "uvicorn", "tradepose_api.api.strategies")


def _once(module: str) -> float:
    argv = [PYTHON, "-c", _SNIPPET.format(module=module)]
    done = subprocess.run(argv, cwd=ROOT, env=child_env(), capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def heavy_modules_loaded() -> list[str]:
    """Which of HEAVY a bare `import tradepose` pulls in."""
    code = f"import sys, tradepose; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=child_env(), capture_output=True, text=True, check=True)
    return done.stdout.split()


def bench(*, runs: int) -> list[Row]:
    _once("tradepose"), _once("polars")  # warm the bytecode cache
    ours: list[float] = []
    base: list[float] = []
    for _ in range(runs):
        ours.append(_once("tradepose"))
        base.append(_once("polars"))
    o, b = Spread.of([x * 1000 for x in ours]), Spread.of([x * 1000 for x in base])
    loaded = heavy_modules_loaded()
    note = f"also loads {', '.join(loaded)}" if loaded else "loads none of rich/pyarrow/testing/fastapi"
    return [Row("5. cold import, fresh interpreter", f"ms ({note})", "import tradepose", o, "import polars", b,
                ".0f", "≤ 1.3× polars", o.median <= 1.3 * b.median)]  # fmt: skip


if __name__ == "__main__":
    print(statistics.median(_once(sys.argv[1]) for _ in range(int(os.environ.get("RUNS", "5")))))
