"""Case 5: cold import time – `import tradepose` vs `import polars` alone, each in a fresh interpreter.

Measured in `.venv-bench-runtime` (`make bench` builds it): the project installed with its runtime
dependencies only, no extras and no dev tools, as after `pip install tradepose-sdk`. (Dev tools change
the figure: with click installed, `import httpx` loads its command line and rich.) The snippets run
interleaved, one fresh interpreter each, and each figure is the median. Bytecode caches are warm (one
untimed import first), as after any `pip install`: what is measured is the work done at import, not
compiling sources.

The target row is `import tradepose`; the two `from tradepose import …` rows are what users write,
and are reported beside the same baseline for information.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench._common import ROOT, RUNTIME_PYTHON, Row, Spread, child_env

_SNIPPET = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
BASELINE = "import polars"
# (statement, held to the target)
CASES = (
    ("import tradepose", True),
    ("from tradepose import TradePoseClient", False),
    ("from tradepose import BatchTester", False),
)
# Modules that client code should only load when used.
HEAVY = ("rich", "polars", "pyarrow", "httpx", "tradepose.testing", "fastapi", "uvicorn", "tradepose_api.api.tasks")


def _python(python: Path | str) -> str:
    if not Path(python).exists():
        raise RuntimeError(f"{python} is missing: `make bench` builds the runtime-only virtualenv")
    return str(python)


def _once(statement: str, python: Path | str) -> float:
    argv = [_python(python), "-c", _SNIPPET.format(statement=statement)]
    done = subprocess.run(argv, cwd=ROOT, env=child_env(), capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def heavy_modules_loaded(statement: str, python: Path | str = RUNTIME_PYTHON) -> list[str]:
    """Which of HEAVY `statement` pulls in."""
    code = f"import sys; {statement}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    argv = [_python(python), "-c", code]
    done = subprocess.run(argv, cwd=ROOT, env=child_env(), capture_output=True, text=True, check=True)
    return done.stdout.split()


def bench(*, runs: int, python: Path | str = RUNTIME_PYTHON) -> list[Row]:
    statements = [s for s, _ in CASES] + [BASELINE]
    for statement in statements:
        _once(statement, python)  # warm the bytecode cache
    times: dict[str, list[float]] = {s: [] for s in statements}
    for _ in range(runs):
        for statement in statements:
            times[statement].append(_once(statement, python) * 1000)
    base = Spread.of(times[BASELINE])
    rows = []
    for statement, held in CASES:
        ours = Spread.of(times[statement])
        loaded = heavy_modules_loaded(statement, python)
        note = f"loads {', '.join(loaded)}" if loaded else "loads none of " + "/".join(HEAVY)
        target, met = ("≤ 1.3× polars", ours.median <= 1.3 * base.median) if held else ("– (informational)", None)
        rows.append(Row("5. cold import, fresh interpreter, runtime deps only", f"ms ({note})", statement, ours,
                        BASELINE, base, ".0f", target, met))  # fmt: skip
    return rows


if __name__ == "__main__":
    runs = int(os.environ.get("RUNS", "5"))
    print(
        statistics.median(_once(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else RUNTIME_PYTHON) for _ in range(runs))
    )
