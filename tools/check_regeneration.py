"""Rehearse a gateway API change: what CI does when `openapi.json` gains an endpoint and a field.

Copies `openapi.json`, adds one operation (`GET /api/v1/tasks/{task_id}/events`) and one optional
response field (`TaskMetadataResponse.estimated_seconds`), regenerates the client from the copy into a
temporary directory, type-checks a usage file calling the new operation through `client.tasks` (the
typed resources pick it up with no overlay change), and runs the test suite with that client shadowing
`generated/` on PYTHONPATH.

    python tools/check_regeneration.py [pytest args...]
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
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


def main(argv: list[str]) -> int:
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
