"""`make api-diff` and `make bump` on throwaway clones of the repository, and the regeneration steps in order."""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from check_regeneration import NEW_OPERATION_ID, changed_spec

from tests.tools._support import clone, git, make, spec


@contextmanager
def _serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (an ephemeral port) for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _version(repo: Path) -> str:
    match = re.search(r'^version = "([^"]+)"', (repo / "pyproject.toml").read_text(), re.MULTILINE)
    assert match
    return match.group(1)


def test_api_diff_on_a_clean_tree_reports_no_changes(tmp_path: Path) -> None:
    """`make api-diff BASE=HEAD~0` on a clean tree, and with the default base, prints "no changes" and exits 0."""
    repo = clone(tmp_path)
    for args in (["BASE=HEAD~0"], []):
        proc = make(repo, tmp_path, "api-diff", *args)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert ": no changes\n" in proc.stdout
        assert f"version: {_version(repo)} (unchanged)" in proc.stdout


def test_api_diff_fails_on_a_breaking_spec_change_unless_allowed(tmp_path: Path) -> None:
    """A removed operation fails api-diff with a major bump proposed; ALLOW_BREAKING=1 lets it pass."""
    repo = clone(tmp_path)
    edited = spec()
    del edited["paths"]["/health"]
    (repo / "openapi.json").write_text(json.dumps(edited, indent=2) + "\n")
    proc = make(repo, tmp_path, "api-diff", "BASE=HEAD")
    assert proc.returncode != 0
    assert "- operation get_health: GET /health" in proc.stdout
    assert "breaking changes (set ALLOW_BREAKING=1" in proc.stderr
    major = int(_version(repo).split(".")[0])
    assert f"-> {major + 1}.0.0 (major bump)" in proc.stdout
    allowed = make(repo, tmp_path, "api-diff", "BASE=HEAD", ALLOW_BREAKING="1")
    assert allowed.returncode == 0 and "BREAKING" in allowed.stdout


def test_api_diff_fails_on_a_python_api_break(tmp_path: Path) -> None:
    """An overlay public name taken away (spec untouched) is a Python API breakage: the run fails."""
    repo = clone(tmp_path)
    init = repo / "overlay" / "tradepose" / "__init__.py"
    text = init.read_text()
    edited = text.replace('    "ResultSchemaError",\n', "", 1).replace("    ResultSchemaError,\n", "", 1)
    assert len(edited) == len(text) - len('    "ResultSchemaError",\n') - len("    ResultSchemaError,\n")
    init.write_text(edited)
    proc = make(repo, tmp_path, "api-diff", "BASE=HEAD")
    assert proc.returncode != 0, proc.stdout
    assert "Python API breakages in tradepose:" in proc.stdout and "ResultSchemaError" in proc.stdout


def test_regeneration_steps_update_spec_api_diff_bump(tmp_path: Path) -> None:
    """The regenerate workflow's steps in order: update-spec from a URL, a compatible api-diff report, bump."""
    repo = clone(tmp_path)
    served = tmp_path / "served"
    served.mkdir()
    new = changed_spec(spec())
    new["info"]["version"] = "1.6.0"
    (served / "openapi.json").write_text(json.dumps(new))
    with _serve(served) as url:
        update = make(repo, tmp_path, "update-spec", f"SPEC_URL={url}/openapi.json")
    assert update.returncode == 0, update.stdout + update.stderr
    assert f"+ operation {NEW_OPERATION_ID}" in update.stdout
    generated = repo / "generated" / "tradepose_api"
    assert (generated / "api" / "tasks" / f"{NEW_OPERATION_ID}.py").is_file()
    assert '__version__ = "1.6.0"' in (generated / "__init__.py").read_text()

    report = tmp_path / "api-diff.md"
    before = _version(repo)
    major, minor, _ = (int(p) for p in before.split("."))
    diff = make(repo, tmp_path, "api-diff", "BASE=HEAD", "FORMAT=markdown", f"OUTPUT={report}")
    assert diff.returncode == 0, diff.stdout + diff.stderr
    body = report.read_text()
    assert body == diff.stdout.split("\n", 1)[1] or body in diff.stdout
    assert "**compatible: 0 breaking and 3 compatible spec changes, 0 Python API breakages**" in body
    assert f"| added | `operation {NEW_OPERATION_ID}` |" in body
    assert "| added | `model TaskMetadataResponse` | optional field 'estimated_seconds' |" in body
    after = f"{major}.{minor + 1}.0"
    assert f"proposed version: {before} -> **{after}** (minor bump)" in body

    bump = make(repo, tmp_path, "bump", "BASE=HEAD")
    assert bump.returncode == 0, bump.stdout + bump.stderr
    assert _version(repo) == after
    changelog = (repo / "CHANGELOG.md").read_text()
    today = datetime.date.today().isoformat()
    assert f"## [Unreleased]\n\n## [{after}] - {today}\n\n### Added\n\n" in changelog
    assert f"- `operation {NEW_OPERATION_ID}`: GET /api/v1/tasks/{{task_id}}/events" in changelog
    assert "pyproject.toml" in git(repo, "status", "--short")
