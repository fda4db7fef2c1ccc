"""The Python-level API break list of a package between a git ref and the working tree, by griffe.

griffe loads the package's public API statically at `ref` (from a temporary worktree) and in the
working tree, and lists what would break a caller: removed public objects, removed or re-ordered
parameters, parameters that became required, incompatible attribute and return types.
"""

from __future__ import annotations

from pathlib import Path

import griffe

__all__ = ["PACKAGES", "python_breakages"]

# Import name -> the folder it is found in, relative to the repository root.
PACKAGES: dict[str, str] = {"tradepose_api": "generated", "tradepose": "overlay"}


def python_breakages(ref: str, repo: Path, packages: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Package -> one line per breaking change of its public API from `ref` to the working tree.

    A package that does not exist at `ref` has nothing to break.
    """
    out: dict[str, list[str]] = {}
    for name, folder in (PACKAGES if packages is None else packages).items():
        try:
            old = griffe.load_git(name, ref=ref, repo=repo, search_paths=[folder], allow_inspection=False)
        except ModuleNotFoundError:
            out[name] = []
            continue
        new = griffe.load(
            name,
            search_paths=[repo / folder],
            allow_inspection=False,
            try_relative_path=False,
        )
        out[name] = sorted(_explain(breakage) for breakage in griffe.find_breaking_changes(old, new))
    return out


def _explain(breakage: griffe.Breakage) -> str:
    """`module: `object`: *what broke*: old -> new`, without colours or temporary paths."""
    obj = breakage.obj
    module = obj.parent.module.path if obj.is_alias and obj.parent is not None else obj.module.path
    text = breakage.explain(griffe.ExplanationStyle.MARKDOWN).removeprefix("- ")
    return f"{module}: {' '.join(text.split())}"
