"""The regeneration flow: deterministic output, drift detection, and an API change picked up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))
import check_regeneration  # noqa: E402
import generate  # noqa: E402


def _tree(path: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(path)): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_generation_is_deterministic_and_matches_the_checkout(tmp_path: Path) -> None:
    """Generating twice gives byte-identical trees, equal to the committed generated/."""
    first = generate.generate(ROOT / "openapi.json", tmp_path / "a")
    second = generate.generate(ROOT / "openapi.json", tmp_path / "b")
    assert _tree(first) == _tree(second) == _tree(ROOT / "generated" / "tradepose_api")


def test_check_fails_after_a_one_character_spec_edit(tmp_path: Path) -> None:
    """`check` fails when openapi.json changes by one character and the client is not regenerated."""
    spec = (ROOT / "openapi.json").read_text()
    edited = tmp_path / "openapi.json"
    edited.write_text(spec.replace('"Task metadata."', '"Task metadata!"', 1))
    assert edited.read_text() != spec
    proc = subprocess.run(
        [sys.executable, str(TOOLS / "generate.py"), "check", "--spec", str(edited)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0
    assert "out of step" in proc.stderr


@pytest.mark.parametrize(
    ("template", "before", "after"),
    [
        ("endpoint_init.py.jinja", "The operation modules are imported", "The operation modules are Imported"),
        ("resource_macros.py.jinja", "{# The documented 2xx", "{# the documented 2xx"),  # output unchanged
        ("models_init.py.jinja", "Imported lazily", "imported lazily"),
    ],
)
def test_check_fails_after_a_one_character_template_edit(tmp_path: Path, template: str, before: str, after: str) -> None:
    """`check` fails when a template changes by one character, even one that changes no generated line."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "generator-templates", templates)
    text = (templates / template).read_text()
    assert text.count(before) == 1
    (templates / template).write_text(text.replace(before, after))
    proc = subprocess.run(
        [sys.executable, str(TOOLS / "generate.py"), "check", "--templates", str(templates)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0
    assert "out of step" in proc.stderr


def test_spec_changes_lists_added_removed_and_changed() -> None:
    """update-spec's report names the operations and models added, removed and changed."""
    old = json.loads((ROOT / "openapi.json").read_text())
    new = check_regeneration.changed_spec(old)
    del new["components"]["schemas"]["HealthResponse"]
    assert generate.spec_changes(old, new) == [
        "+ operation list_task_events",
        "- model HealthResponse",
        "~ model TaskMetadataResponse",
    ]


def test_changed_spec_regenerates_with_the_new_operation_and_field(tmp_path: Path) -> None:
    """A spec with a new operation and optional field regenerates cleanly; both are usable."""
    out = check_regeneration.regenerate_changed(tmp_path)
    assert (out / "tradepose_api" / "api" / "tasks" / "list_task_events.py").is_file()
    script = textwrap.dedent(
        """
        from tradepose_api.models import TaskMetadataResponse
        from tradepose_api.api.tasks import list_task_events
        m = TaskMetadataResponse.from_dict({"task_id": "6f1c7a6e-5d55-4b0c-9d8e-3f2a1b0c9d8e",
            "user_id": "6f1c7a6e-5d55-4b0c-9d8e-3f2a1b0c9d8e", "export_type": 0,
            "created_at": "2024-01-01T00:00:00Z", "estimated_seconds": 4})
        assert m.estimated_seconds == 4 and m.additional_properties == {}, m
        assert list_task_events._get_kwargs("6f1c7a6e-5d55-4b0c-9d8e-3f2a1b0c9d8e")["url"].endswith("/events")
        """
    )
    env = dict(os.environ, PYTHONPATH=str(out))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr


def test_new_operation_type_checks_through_the_client_only_after_regeneration(tmp_path: Path) -> None:
    """check-regeneration's usage file passes mypy against the regenerated client and fails against today's."""
    out = check_regeneration.regenerate_changed(tmp_path)
    regenerated = check_regeneration.typecheck_usage(out, tmp_path)
    assert regenerated.returncode == 0, regenerated.stdout
    current = check_regeneration.typecheck_usage(ROOT / "generated", tmp_path)
    assert current.returncode == 1
    assert '"TasksResource" has no attribute "list_task_events"' in current.stdout
