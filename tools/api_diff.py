"""Compare the API at a git ref with the working tree; report breaking changes and the next version.

    python tools/api_diff.py [report] [--base REF] [--format text|markdown] [--output FILE]
    python tools/api_diff.py bump [--base REF] [--date YYYY-MM-DD]

`report` diffs `openapi.json` with `parquet-schemas.json` (every change classified breaking or compatible, see `_spec_diff`) and
the public Python APIs of `tradepose_api` and `tradepose` (griffe's break list), prints the report
and the proposed version, and exits 1 on a breaking change unless ALLOW_BREAKING=1. `bump` sets the
proposed version in pyproject.toml and adds its section to CHANGELOG.md (Keep a Changelog).
REF defaults to the merge base of HEAD and main.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _py_diff import python_breakages
from _release import changelog_sections, current_version, insert_release, next_version, set_version
from _report import Report, render_markdown, render_text
from _spec_diff import PARQUET_EXTENSION, diff_specs

ROOT = Path(__file__).resolve().parent.parent
SPEC = "openapi.json"
COLUMNS = "parquet-schemas.json"  # the Parquet results' columns (see _parquet_schemas)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def default_base(repo: Path) -> str:
    """The merge base of HEAD and main (or origin/main, as in a CI checkout)."""
    for branch in ("main", "origin/main"):
        proc = _git(repo, "merge-base", "HEAD", branch)
        if proc.returncode == 0:
            return proc.stdout.strip()
    raise SystemExit("api-diff: no main or origin/main to take the merge base with; pass BASE=<git ref>")


def spec_at(repo: Path, ref: str) -> dict[str, Any]:
    """`openapi.json` as committed at `ref`; an empty spec if it did not exist there."""
    if _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise SystemExit(f"api-diff: {ref!r} is not a commit")
    proc = _git(repo, "show", f"{ref}:{SPEC}")
    spec = json.loads(proc.stdout) if proc.returncode == 0 else {}
    columns = _git(repo, "show", f"{ref}:{COLUMNS}")
    return with_columns(spec, columns.stdout if columns.returncode == 0 else None)


def with_columns(spec: dict[str, Any], columns: str | None) -> dict[str, Any]:
    """`spec` with the side file's Parquet columns (JSON text, if any) as `components.x-parquet-schemas`."""
    if columns is not None:
        spec.setdefault("components", {})[PARQUET_EXTENSION] = json.loads(columns)
    return spec


def working_spec(repo: Path) -> dict[str, Any]:
    """`openapi.json` of the working tree, with its Parquet columns."""
    side = repo / COLUMNS
    return with_columns(json.loads((repo / SPEC).read_text()), side.read_text() if side.exists() else None)


def build_report(repo: Path, base: str) -> Report:
    """The report for `base` -> the working tree of `repo`."""
    old = spec_at(repo, base)
    new = working_spec(repo)
    changes = diff_specs(old, new)
    breakages = python_breakages(base, repo)
    version = current_version((repo / "pyproject.toml").read_text())
    report = Report(base, changes, breakages, version, version)
    if not report.empty:
        report = Report(base, changes, breakages, version, next_version(version, breaking=report.has_breaking))
    return report


def bump(repo: Path, report: Report, date: str) -> str:
    """Apply the proposed version to pyproject.toml and add its CHANGELOG.md section; return a summary."""
    if report.empty:
        return f"no changes: version stays {report.current_version}"
    pyproject = repo / "pyproject.toml"
    changelog = repo / "CHANGELOG.md"
    existing = changelog.read_text() if changelog.exists() else None
    text = insert_release(existing, report.proposed_version, date, changelog_sections(report))
    pyproject.write_text(set_version(pyproject.read_text(), report.proposed_version))
    changelog.write_text(text)
    return f"version {report.current_version} -> {report.proposed_version}; CHANGELOG.md has its section"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=("report", "bump"), default="report")
    parser.add_argument("--base", default="", help="git ref to compare with (default: merge base with main)")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="release date for bump")
    parser.add_argument("--repo", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    repo: Path = args.repo.resolve()
    base = args.base or default_base(repo)
    report = build_report(repo, base)
    if args.command == "bump":
        print(bump(repo, report, args.date))
        return 0
    text = render_markdown(report) if args.format == "markdown" else render_text(report)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text)
    if report.has_breaking and os.environ.get("ALLOW_BREAKING") != "1":
        print("api-diff: breaking changes (set ALLOW_BREAKING=1 to accept them)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
