"""The Python API break list: griffe over a package at a git ref against the working tree."""

from __future__ import annotations

from pathlib import Path

from _py_diff import python_breakages

from tests.tools._support import git

FIRST = '"""A package."""\n\n\ndef fetch(task_id: str, timeout: float = 1.0) -> bytes:\n    return b""\n\n\nclass Result:\n    rows: int = 0\n'


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "r"
    (repo / "src" / "pkg").mkdir(parents=True)
    (repo / "src" / "pkg" / "__init__.py").write_text(FIRST)
    (repo / "src" / "pkg" / "_private.py").write_text("def helper() -> None: ...\n")
    git(repo, "init", "--quiet")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "first")
    return repo


def test_unchanged_package_has_no_breakages(tmp_path: Path) -> None:
    """The working tree equal to the ref: nothing breaks."""
    repo = _repo(tmp_path)
    assert python_breakages("HEAD", repo, {"pkg": "src"}) == {"pkg": []}


def test_removed_parameter_and_object_are_listed(tmp_path: Path) -> None:
    """A removed keyword, a new required parameter and a removed class each make a line naming the object."""
    repo = _repo(tmp_path)
    new = '"""A package."""\n\n\ndef fetch(task_id: str, *, attempt: int) -> bytes:\n    return b""\n'
    (repo / "src" / "pkg" / "__init__.py").write_text(new)
    assert python_breakages("HEAD", repo, {"pkg": "src"}) == {
        "pkg": [
            "pkg: `Result`: *Public object was removed*",
            "pkg: `fetch(attempt)`: *Parameter was added as required*",
            "pkg: `fetch(timeout)`: *Parameter was removed*",
        ]
    }


def test_private_modules_and_additions_do_not_break(tmp_path: Path) -> None:
    """Removing a private module or adding a public function is not a breakage."""
    repo = _repo(tmp_path)
    (repo / "src" / "pkg" / "_private.py").unlink()
    (repo / "src" / "pkg" / "__init__.py").write_text(FIRST + "\n\ndef extra() -> None: ...\n")
    assert python_breakages("HEAD", repo, {"pkg": "src"}) == {"pkg": []}


def test_package_missing_at_the_ref_breaks_nothing(tmp_path: Path) -> None:
    """A package that did not exist at the ref is all new."""
    repo = _repo(tmp_path)
    (repo / "src" / "newpkg").mkdir()
    (repo / "src" / "newpkg" / "__init__.py").write_text("X = 1\n")
    assert python_breakages("HEAD", repo, {"newpkg": "src"}) == {"newpkg": []}
