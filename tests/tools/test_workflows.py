"""The GitHub workflows: valid for actionlint, and only glue around make targets that the suite runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.tools import test_api_diff
from tests.tools._support import ROOT, make

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# Each make target a workflow runs, and the test in this suite that runs it (`test` is the suite itself).
EXERCISED = {
    "update-spec": (test_api_diff, "test_regeneration_steps_update_spec_api_diff_bump"),
    "api-diff": (test_api_diff, "test_api_diff_on_a_clean_tree_reports_no_changes"),
    "bump": (test_api_diff, "test_regeneration_steps_update_spec_api_diff_bump"),
    "lint-workflows": (sys.modules[__name__], "test_make_lint_workflows_passes"),
    "test": (None, ""),
}


def _commands(workflow: Path) -> list[str]:
    doc: dict[str, Any] = yaml.safe_load(workflow.read_text())
    return [step["run"] for job in doc["jobs"].values() for step in job["steps"] if "run" in step]


def test_make_lint_workflows_passes(tmp_path: Path) -> None:
    """`make lint-workflows` (actionlint) accepts both workflows."""
    proc = make(ROOT, tmp_path, "lint-workflows")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert {w.name for w in WORKFLOWS} == {"regenerate.yml", "test.yml"}


def test_actionlint_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The linter really checks: an unknown action input and an undefined step id are reported by line."""
    bad = (ROOT / ".github" / "workflows" / "regenerate.yml").read_text()
    bad = bad.replace("body-path:", "body-paths:").replace("steps.suite.outcome", "steps.suit.outcome")
    target = tmp_path / ".github" / "workflows" / "regenerate.yml"
    target.parent.mkdir(parents=True)
    target.write_text(bad)
    actionlint = shutil.which("actionlint", path=str(Path(sys.prefix) / "bin"))
    assert actionlint is not None
    proc = subprocess.run([actionlint, str(target)], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert proc.returncode != 0
    assert 'input "body-paths" is not defined' in proc.stdout and 'property "suit" is not defined' in proc.stdout


def test_every_workflow_command_is_a_make_target_the_suite_runs() -> None:
    """Each `run:` is one `make TARGET [VAR=value...]`, and a test in this suite runs that target."""
    seen: set[str] = set()
    for workflow in WORKFLOWS:
        for command in _commands(workflow):
            match = re.fullmatch(r'make ([a-z-]+)((?: [A-Z_][A-Z0-9_]*=(?:"[^"]*"|\S+))*)', command.strip())
            assert match, f"{workflow.name}: {command!r} is not a make target"
            target = match.group(1)
            assert target in EXERCISED, f"{workflow.name}: make {target} is run by no test"
            seen.add(target)
    for target in seen - {"test"}:
        module, test_name = EXERCISED[target]
        assert callable(getattr(module, test_name, None)), f"make {target}: {test_name} is missing"
    makefile = (ROOT / "Makefile").read_text()
    assert all(re.search(rf"^{re.escape(t)}:", makefile, re.MULTILINE) for t in seen)
    assert seen == set(EXERCISED)
