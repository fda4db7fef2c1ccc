"""The examples the README and `make demo` rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_example_strategies_match_their_builder(tmp_path: Path) -> None:
    """examples/strategies/*.json are exactly what examples/build_strategies.py writes."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        import build_strategies
    finally:
        sys.path.remove(str(EXAMPLES))
    for make in (build_strategies.ma_cross, build_strategies.supertrend, build_strategies.rsi_reversal):
        config = make().build()
        checked_in = json.loads((EXAMPLES / "strategies" / f"{config.name}.json").read_text())
        assert checked_in == config.to_dict()


def test_demo_runs_a_batch_and_saves_it(tmp_path: Path) -> None:
    """`make demo`'s script backtests 3 strategies × 4 quarters and prints the summary and paths."""
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "demo.py"), str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "288 trades across 3 strategies" in proc.stdout
    for period in ("2024Q1", "2024Q2", "2024Q3", "2024Q4"):
        assert proc.stdout.count(period) == 3
    manifest = json.loads((tmp_path / "results" / "manifest.json").read_text())
    assert manifest["status"] == {"pending": 0, "processing": 0, "completed": 4, "failed": 0}
    assert sorted(manifest["strategies"]) == ["ma_cross", "rsi_reversal", "supertrend"]
