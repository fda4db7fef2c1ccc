"""Rehearse gateway API changes: what CI does when `openapi.json` changes, additively and breakingly.

The additive rehearsal copies `openapi.json`, adds one operation (`GET /api/v1/tasks/{task_id}/events`)
and one optional response field (`TaskMetadataResponse.estimated_seconds`), regenerates the client from
the copy into a temporary directory, type-checks a usage file calling the new operation through
`client.tasks` (the typed resources pick it up with no overlay change), and runs the test suite with
that client shadowing `generated/` on PYTHONPATH.

The breaking rehearsal (`rehearse_breaking`) takes the spec with its Parquet columns
(`parquet-schemas.json`) and applies `_breaking_spec.breaking_spec`: the ZIP operation the overlay
calls is removed, a `TaskMetadataResponse` field renamed, a trades column retyped. It asserts, with
targeted checks rather than a second suite run, that the spec diff reports exactly those three as
breaking; that `mypy --strict` on the overlay against the client regenerated from that spec fails at
the overlay's uses of the removed operation (file and line); and that a trades download through an
overlay whose schemas are generated from that spec, of a Parquet file with the old dtype, raises
`ResultSchemaError` naming the column.

    python tools/check_regeneration.py [pytest args...]
"""

from __future__ import annotations

import ast
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _breaking_spec import REMOVED_OPERATION, RENAMED_FIELD, RETYPED_COLUMN, breaking_spec, with_parquet_schemas
from _parquet_schemas import COLUMNS_FILE, MODULE, load_columns, render_module, schemas_from_columns
from _spec_diff import PARQUET_EXTENSION, diff_specs
from generate import ROOT, generate

NEW_PATH = "/api/v1/tasks/{task_id}/events"
NEW_OPERATION_ID = "list_task_events"
NEW_FIELD = "estimated_seconds"


def changed_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec plus one new operation and one new optional field."""
    new = copy.deepcopy(spec)
    status = new["paths"]["/api/v1/tasks/{task_id}"]["get"]
    operation = copy.deepcopy(status)
    operation.update(
        operationId=NEW_OPERATION_ID,
        summary="List task events",
        description="Progress events of a task, oldest first.",
    )
    operation["responses"]["200"] = {
        "description": "Events.",
        "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}},
    }
    new["paths"][NEW_PATH] = {"get": operation}
    props = new["components"]["schemas"]["TaskMetadataResponse"]["properties"]
    props[NEW_FIELD] = {"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None, "title": "Estimated Seconds"}
    return new


def regenerate_changed(workdir: Path) -> Path:
    """Write the changed spec into `workdir` and generate its client there; return the package's parent."""
    spec_path = workdir / "openapi.json"
    spec_path.write_text(json.dumps(changed_spec(json.loads((ROOT / "openapi.json").read_text())), indent=2))
    out = workdir / "generated"
    generate(spec_path, out)
    return out


# Type-checked against the regenerated client: the new operation, its result type and the new field.
USAGE = textwrap.dedent(
    """
    import uuid
    from typing import assert_type

    from tradepose import AsyncTradePoseClient, TradePoseClient
    from tradepose_api.api import APIResponse
    from tradepose_api.types import Unset


    def sync_usage(client: TradePoseClient, task_id: uuid.UUID) -> None:
        assert_type(client.tasks.list_task_events(task_id), list[str])
        assert_type(client.tasks.with_response.list_task_events(task_id=task_id), APIResponse[list[str]])
        assert_type(client.tasks.get_task_status(task_id).estimated_seconds, int | None | Unset)


    async def async_usage(client: AsyncTradePoseClient, task_id: uuid.UUID) -> None:
        assert_type(await client.tasks.list_task_events(task_id=task_id), list[str])
    """
)


def typecheck_usage(out: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` on USAGE with the regenerated package (in `out`) ahead of generated/."""
    usage = workdir / "usage.py"
    usage.write_text(USAGE)
    env = dict(os.environ, MYPYPATH=str(out))  # MYPYPATH comes before pyproject's mypy_path
    cmd = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), str(usage)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def expected_breaking(spec: dict[str, Any]) -> list[str]:
    """The report lines the three edits of `breaking_spec` must produce, and no others."""
    path, method, operation_id = REMOVED_OPERATION
    model, old, _ = RENAMED_FIELD
    result, column, dtype = RETYPED_COLUMN
    before = spec["components"][PARQUET_EXTENSION][result][column]
    return sorted(
        [
            f"- operation {operation_id}: {method.upper()} {path}",
            f"- model {model}: field {old!r}",
            f"~ parquet {result}: column {column!r} dtype {before} -> {dtype}",
        ]
    )


def imports_of(name: str, package: Path) -> dict[Path, int]:
    """Overlay file (relative to ROOT) -> the line of its `from tradepose_api... import name`."""
    found: dict[Path, int] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            from_client = isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tradepose_api")
            if from_client and any(alias.name == name for alias in node.names):
                found[path.relative_to(ROOT)] = node.lineno
    return found


# Run in a subprocess with the rehearsal's overlay copy first on PYTHONPATH: serves the Parquet file
# named by argv[1] as a trades download and prints what the overlay's schema check raised, as JSON.
DOWNLOAD = textwrap.dedent(
    """
    import json, sys, uuid
    from pathlib import Path

    import httpx
    import tradepose
    from tradepose import ResultSchemaError, TradePoseClient

    body = Path(sys.argv[1]).read_bytes()
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers={"content-type": "application/vnd.apache.parquet"})
    )
    client = TradePoseClient(api_key="rehearsal", server_url="http://127.0.0.1:9", transport=transport, env_file=None)
    outcome = {"overlay": tradepose.__file__}
    try:
        client.download_trades(uuid.uuid4())
    except ResultSchemaError as exc:
        outcome.update(column=exc.column, message=str(exc))
    finally:
        client.close()
    print(json.dumps(outcome))
    """
)


def _typecheck_overlay(out: Path, workdir: Path) -> str:
    """`mypy --strict` errors for the overlay against the client in `out` instead of generated/.

    mypy finds a submodule in any search directory, and the editable install puts generated/ on
    site-packages (a `.pth` line), so the operations the new client dropped would still resolve there.
    So site-packages is left out and its packages are offered through a directory of links without
    the `.pth` files.
    """
    site = workdir / "site-packages"
    site.mkdir()
    for directory in (Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()):
        for entry in directory.iterdir():
            skip = entry.suffix == ".pth" or entry.name.startswith(("tradepose", "_editable_", "__editable__"))
            # Only what mypy would take from site-packages: typed packages (PEP 561) and stub packages.
            skip = skip or not ((entry / "py.typed").exists() or entry.name.endswith("-stubs"))
            if not skip and not (site / entry.name).exists():
                (site / entry.name).symlink_to(entry)
    search = ",".join(str(p) for p in (out, ROOT / "overlay", site))
    text = f"[mypy]\nstrict = True\npython_version = 3.11\nno_site_packages = True\nmypy_path = {search}\n"
    # Untyped libraries (pyarrow) are missing here rather than untyped: their `type: ignore`s differ.
    text += "warn_unused_ignores = False\n[mypy-pyarrow.*]\nignore_missing_imports = True\n"
    # Found through mypy_path, the libraries would count as checked code: their errors are not ours.
    libraries = sorted({entry.name.split(".")[0].removesuffix("-stubs") for entry in site.iterdir()})
    text += "".join(
        f"[mypy-{name}.*]\nignore_errors = True\n[mypy-{name}]\nignore_errors = True\n"
        for name in libraries
        if name.isidentifier()
    )
    config = workdir / "mypy.ini"
    config.write_text(text)
    cmd = [
        sys.executable, "-m", "mypy", "--config-file", str(config),
        "--cache-dir", str(workdir / "mypy-cache"), "--no-error-summary", "overlay/tradepose",
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    return proc.stdout + proc.stderr if proc.returncode != 0 else ""


def _download_old_dtype(
    columns: dict[str, dict[str, str]], new_columns: dict[str, dict[str, str]], workdir: Path
) -> dict[str, Any]:
    """A trades download of a file with the old dtypes, through an overlay copy built from `new_columns`."""
    import polars as pl

    copy_root = workdir / "overlay"
    shutil.copytree(
        ROOT / "overlay" / "tradepose", copy_root / "tradepose", ignore=shutil.ignore_patterns("__pycache__")
    )
    (copy_root / MODULE.relative_to("overlay")).write_text(render_module(new_columns))
    old_file = workdir / "trades-old.parquet"
    pl.DataFrame(schema=schemas_from_columns(columns)[RETYPED_COLUMN[0]]).write_parquet(old_file)
    script = workdir / "download.py"
    script.write_text(DOWNLOAD)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(copy_root), str(ROOT / "generated")])
    proc = subprocess.run(
        [sys.executable, str(script), str(old_file)], cwd=workdir, env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        return {"error": proc.stdout + proc.stderr}
    outcome: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    if not Path(outcome["overlay"]).is_relative_to(copy_root):
        outcome["error"] = f"the download ran the overlay at {outcome['overlay']}, not the rehearsal's copy"
    return outcome


def rehearse_breaking(workdir: Path) -> list[str]:
    """Run the breaking rehearsal in `workdir`; return what it failed to detect (empty: everything)."""
    problems: list[str] = []
    columns = load_columns(ROOT / COLUMNS_FILE)
    base = with_parquet_schemas(json.loads((ROOT / "openapi.json").read_text()), columns)
    new = breaking_spec(base)

    reported = sorted(c.line() for c in diff_specs(base, new) if c.breaking)
    if reported != expected_breaking(base):
        problems.append(f"api-diff reports {reported} as breaking, expected exactly {expected_breaking(base)}")

    client_spec = copy.deepcopy(new)
    del client_spec["components"][PARQUET_EXTENSION]  # the generator has no use for the columns
    spec_path = workdir / "openapi.json"
    spec_path.write_text(json.dumps(client_spec, indent=2))
    out = workdir / "generated"
    generate(spec_path, out)
    errors = _typecheck_overlay(out, workdir)
    operation = REMOVED_OPERATION[2]
    uses = imports_of(operation, ROOT / "overlay" / "tradepose")
    if not uses:
        problems.append(f"no overlay module imports {operation}: the rehearsal's removed operation is unused")
    for path, line in uses.items():
        if not re.search(rf"^{re.escape(str(path))}:{line}: error: .*{operation}", errors, re.M):
            problems.append(f"mypy does not fail at {path}:{line} (the import of {operation}); it said:\n{errors}")

    outcome = _download_old_dtype(columns, new["components"][PARQUET_EXTENSION], workdir)
    column = RETYPED_COLUMN[1]
    if outcome.get("column") != column or column not in outcome.get("message", ""):
        problems.append(
            f"a trades file with the old {column} dtype did not raise ResultSchemaError naming it: {outcome}"
        )
    return problems


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="tradepose-breaking-") as tmp:
        problems = rehearse_breaking(Path(tmp))
    if problems:
        print("breaking rehearsal:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    print(
        "breaking rehearsal: api-diff, mypy and the download schema check each catch the removed operation,"
        " the renamed field and the retyped column",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="tradepose-regen-") as tmp:
        out = regenerate_changed(Path(tmp))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(out), env.get("PYTHONPATH", "")]))
        # Prove the regenerated package is the one the suite will import, not generated/.
        where = subprocess.run(
            [sys.executable, "-c", "import tradepose_api.api.tasks.list_task_events as m; print(m.__file__)"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert Path(where).is_relative_to(out), where
        checked = typecheck_usage(out, Path(tmp))
        if checked.returncode != 0:
            print(checked.stdout + checked.stderr, file=sys.stderr)
            print("the regenerated client does not type-check as client.tasks.list_task_events", file=sys.stderr)
            return 1
        print("the new operation type-checks as client.tasks.list_task_events(...) -> list[str]", flush=True)
        print(f"running the test suite against the client regenerated in {out}", flush=True)
        return subprocess.call([sys.executable, "-m", "pytest", *argv], cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
