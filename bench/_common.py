"""Shared pieces: repeated measurements, child processes, the results table."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REF_PYTHON = ROOT / ".venv-ref" / "bin" / "python"
# The project with its runtime dependencies only (no extras, no dev tools): case 5 imports in it.
RUNTIME_PYTHON = ROOT / ".venv-bench-runtime" / "bin" / "python"
_LAUNCH = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


@dataclass(frozen=True, slots=True)
class Spread:
    """Median, min and max of repeated measurements."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values), len(values))

    def show(self, fmt: str) -> str:
        return f"{self.median:{fmt}} [{self.low:{fmt}}–{self.high:{fmt}}]"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: our figure beside its baseline, and the target it is held to."""

    case: str
    metric: str
    ours_label: str
    ours: Spread
    base_label: str
    base: Spread | None
    fmt: str
    target: str
    met: bool | None

    @property
    def ratio(self) -> str:
        if self.base is None or self.base.median == 0:
            return "–"
        return f"{self.ours.median / self.base.median:.2f}×"


def table(rows: Sequence[Row]) -> str:
    """A Markdown table (it reads fine in a terminal too)."""
    head = ["case", "metric", "ours", "median [min–max]", "baseline", "median [min–max]", "ratio", "target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        met = "–" if r.met is None else ("yes" if r.met else "**no**")
        base = r.base.show(r.fmt) if r.base is not None else "–"
        cells = [r.case, r.metric, r.ours_label, r.ours.show(r.fmt), r.base_label, base, r.ratio, r.target, met]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_child(module: str, *args: str, python: Path | str = PYTHON, timeout: float = 900) -> Any:
    """Run `python -m bench.<module> args…` in a fresh process; return the JSON on its last stdout line."""
    argv = [str(python), "-m", f"bench.{module}", *args] if python == PYTHON else [str(python), *args]
    # Linux carries the parent's peak RSS into a forked child's ru_maxrss across exec; a small
    # launcher in between gives the measured process a fresh count.
    argv = [PYTHON, "-c", _LAUNCH, *argv]
    done = subprocess.run(argv, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{module} child failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_env() -> dict[str, str]:
    """The environment of measured children: `bench` importable, and bytecode cached as after `pip install`.

    Some shells set PYTHONDONTWRITEBYTECODE, which makes every import compile its source again; users'
    installs have their .pyc files. The cache goes under the temp directory, not into the checkout.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "tradepose-bench-pycache")
    return env


def peak_rss() -> int:
    """This process's peak resident set size in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def emit(payload: Any) -> None:
    """A child's answer: one JSON line on stdout."""
    print(json.dumps(payload), flush=True)
