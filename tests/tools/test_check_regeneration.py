"""The breaking regeneration rehearsal: every edit of the breaking spec is caught where users would meet it."""

from __future__ import annotations

from pathlib import Path

import check_regeneration
from generate import generate


def test_breaking_rehearsal_detects_every_edit(tmp_path: Path) -> None:
    """Spec diff, mypy on the overlay and the download schema check each catch their part of the break."""
    assert check_regeneration.rehearse_breaking(tmp_path) == []


def test_overlay_typechecks_cleanly_against_an_unchanged_client(tmp_path: Path) -> None:
    """The rehearsal's mypy run reports nothing for the current spec, so its errors are the break's own."""
    out = generate(Path(check_regeneration.ROOT / "openapi.json"), tmp_path / "generated").parent
    (tmp_path / "work").mkdir()
    assert check_regeneration._typecheck_overlay(out, tmp_path / "work") == ""
