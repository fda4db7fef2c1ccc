"""The architecture check: no back-edges between layers, no reads of another subpackage's privates."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import check_layers  # noqa: E402


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "tradepose"
    for name, text in {"__init__.py": "", "_errors.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return package


def test_the_overlay_has_no_violations() -> None:
    """The real overlay passes: layers only import downwards and keep to public names across rooms."""
    assert check_layers.check() == []


def test_a_type_only_back_edge_is_reported(tmp_path: Path) -> None:
    """An import from a higher layer fails even under TYPE_CHECKING."""
    package = _package(tmp_path, {
        "_http/__init__.py": "",
        "_http/_retry.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .._client._sync import C\n",
        "_client/__init__.py": "",
        "_client/_sync.py": "class C: ...\n",
    })  # fmt: skip
    problems = check_layers.check(package)
    assert len(problems) == 1
    assert "_http/_retry.py:3" in problems[0] and "lower layers never import upper ones" in problems[0]


def test_downward_imports_are_fine(tmp_path: Path) -> None:
    """The client may import from the HTTP layer and the top-level base modules."""
    package = _package(tmp_path, {
        "_http/__init__.py": "",
        "_http/_retry.py": "def decide() -> None: ...\n",
        "_client/__init__.py": "",
        "_client/_sync.py": "from .. import _errors\nfrom .._http._retry import decide\n",
    })  # fmt: skip
    assert check_layers.check(package) == []


def test_a_private_reach_in_is_reported(tmp_path: Path) -> None:
    """Reading a private attribute defined only in another subpackage fails."""
    package = _package(tmp_path, {
        "_client/__init__.py": "",
        "_client/_sync.py": "class C:\n    def _status_response(self) -> None: ...\n",
        "_batch/__init__.py": "",
        "_batch/_engine.py": "def run(client):\n    return client._status_response()\n",
    })  # fmt: skip
    problems = check_layers.check(package)
    assert len(problems) == 1
    assert problems[0].endswith("_batch/_engine.py:2: reads _status_response, private to another subpackage")


def test_importing_a_private_name_across_rooms_is_reported(tmp_path: Path) -> None:
    """`from .._client._sync import _helper` in another subpackage fails."""
    package = _package(tmp_path, {
        "_client/__init__.py": "",
        "_client/_sync.py": "def _helper() -> None: ...\n",
        "_batch/__init__.py": "",
        "_batch/_engine.py": "from .._client._sync import _helper\n",
    })  # fmt: skip
    problems = check_layers.check(package)
    assert len(problems) == 1 and "imports private _helper" in problems[0]
