"""mypy --strict reports every deliberate mistake against the typed resources (misspelt names, wrong types)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MISTAKES = Path(__file__).parent / "mistakes" / "client_mistakes.py.txt"


def _expected(source: str) -> dict[int, str]:
    return {
        number: match.group(1)
        for number, line in enumerate(source.splitlines(), start=1)
        if (match := re.search(r"# expect: ([a-z-]+)$", line))
    }


def test_each_deliberate_mistake_is_reported(tmp_path: Path) -> None:
    """Every `# expect: CODE` line gets exactly that mypy error, and no other line gets any."""
    target = tmp_path / "client_mistakes.py"
    shutil.copyfile(MISTAKES, target)
    expected = _expected(target.read_text())
    assert len(expected) >= 10
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-error-summary",
            # A shared cache answers for the previous run's temp path and reports nothing for this one.
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    reported: dict[int, set[str]] = {}
    for line in proc.stdout.splitlines():
        if match := re.match(rf"{re.escape(str(target))}:(\d+): error: .*\[([a-z-]+)\]$", line):
            reported.setdefault(int(match.group(1)), set()).add(match.group(2))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert {n: {code} for n, code in expected.items()} == reported, proc.stdout
