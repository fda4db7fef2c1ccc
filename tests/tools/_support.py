"""Helpers for the tools' tests: the real spec, and a throwaway clone of the repository to run make in."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"

_SPEC: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text())


def spec() -> dict[str, Any]:
    """A fresh copy of the committed openapi.json."""
    return copy.deepcopy(_SPEC)


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` (with a fixed identity) and return its stdout."""
    cmd = ["git", "-C", str(repo), "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def clone(tmp_path: Path) -> Path:
    """A clone of the repository at HEAD, with this working tree's Makefile and tools/ laid over it.

    The clone's API (openapi.json, generated/, overlay/) is the committed one, so it is a clean tree
    for `api-diff`; the code under test is the working tree's. Its pyproject.toml is dated 1970 so
    make sees the shared virtualenv as up to date and never installs into it.
    """
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", "--shared", str(ROOT), str(repo)], check=True)
    # A clone of a branch checkout gets HEAD; make it a `main` branch so the default BASE resolves.
    git(repo, "checkout", "--quiet", "-B", "main")
    shutil.copy2(ROOT / "Makefile", repo / "Makefile")
    shutil.rmtree(repo / "tools")
    shutil.copytree(TOOLS, repo / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    git(repo, "add", "Makefile", "tools")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "tools under test")
    os.utime(repo / "pyproject.toml", (0, 0))
    return repo


def make(repo: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`make -C repo ARGS` with this interpreter's virtualenv, `env` added to the environment.

    make is handed a fresh stamp in `tmp_path` for the virtualenv, so it never reinstalls into it.
    """
    stamp = tmp_path / "venv-stamp"
    stamp.touch()
    drop = ("ALLOW_BREAKING", "MAKEFLAGS", "MAKELEVEL", "BASE", "FORMAT", "OUTPUT")
    full_env = {k: v for k, v in os.environ.items() if k not in drop} | env
    cmd = ["make", "--no-print-directory", "-C", str(repo), f"VENV={sys.prefix}", f"STAMP={stamp}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, check=False, timeout=300)
