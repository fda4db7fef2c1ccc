"""Check the overlay's architecture: lower layers never import upper ones; no private reach-ins;
modules stay small (split by concern past `MAX_LINES`).

    python tools/check_layers.py [PACKAGE_DIR]      # default: overlay/tradepose

Layers, lowest first (a module may import its own layer and the ones below):

    0  the top-level modules (`_errors`, `_clock`, `_constants`, `_version`)
    1  `_display/`    HTML summaries, charts and the report, from plain frames (any layer shows itself with it)
    2  `_http/`       configuration, auth, pure retry decisions, the retrying transport
    3  `_client/`     the two clients, operation binding, downloads, polling, export runner, schemas
    4  `_authoring/`  periods, strategies, the builder
    5  `_batch/`      the tester, its engine and journal, results, progress
    6  `testing/`     LocalGateway (server side; never imported by the client, the batch engine or below)
    7  `_cli/`        the command line (`tradepose gateway serve` runs LocalGateway)
    8  `__init__`     the public surface

Imports under `if TYPE_CHECKING:` count too: a type-only back-edge is still a back-edge (a callback
crosses a boundary as a Protocol). A "private reach-in" is `obj._name` where `_name` is defined only in
another subpackage, or `from ..other import _name`; a subpackage's private names are its own business.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "overlay" / "tradepose"
LAYERS = {"": 0, "_display": 1, "_http": 2, "_client": 3, "_authoring": 4, "_batch": 5, "testing": 6, "_cli": 7}
TOP = 8  # the package's own __init__ (the public surface) and __main__
MAX_LINES = 420  # "about 400": a module past this mixes concerns
# Hooks of the generated client that the overlay is built on, by design.
GENERATED_HOOKS = frozenset({"_get_kwargs", "_parse_response", "_build_response"})


@dataclass(frozen=True)
class Module:
    path: Path
    dotted: list[str]  # e.g. ["tradepose", "_http", "_retry"]
    is_package: bool

    @property
    def room(self) -> str:
        """The subpackage ("" for the top-level modules)."""
        return self.dotted[1] if len(self.dotted) > 2 or (self.is_package and len(self.dotted) > 1) else ""

    @property
    def layer(self) -> int:
        if len(self.dotted) == 2 and self.dotted[1] in ("__init__", "__main__"):
            return TOP
        return LAYERS.get(self.room, TOP)


def modules(package: Path) -> Iterator[Module]:
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package and len(parts) > 2:
            parts = parts[:-1]
        yield Module(path, parts, is_package)


def _resolve(module: Module, node: ast.ImportFrom) -> list[str] | None:
    """The absolute dotted target of a `from ... import`, or None outside the package."""
    if node.level == 0:
        target = (node.module or "").split(".")
        return target if target[0] == module.dotted[0] else None
    base = module.dotted if module.is_package else module.dotted[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return base + (node.module.split(".") if node.module else [])


def _room_of(dotted: list[str]) -> str:
    return dotted[1] if len(dotted) > 1 and dotted[1] in LAYERS else ""


def _layer_of(dotted: list[str]) -> int:
    if len(dotted) == 1 or dotted[1] in ("__init__", "__main__"):
        return TOP
    return LAYERS.get(_room_of(dotted), TOP)


def _defined_private_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.name.startswith("_"):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and node.attr.startswith("_"):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id.startswith("_"):
            names.add(node.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id.startswith("_"):
            names.add(node.target.id)
    return {n for n in names if not (n.startswith("__") and n.endswith("__"))}


def check(package: Path = PACKAGE) -> list[str]:
    """Every violation, as `path:line: message`."""
    mods = list(modules(package))
    trees = {m.path: ast.parse(m.path.read_text(), str(m.path)) for m in mods}
    defined: dict[str, set[str]] = {}
    for m in mods:
        defined.setdefault(m.room, set()).update(_defined_private_names(trees[m.path]))
    problems: list[str] = []
    for m in mods:
        rel = m.path.relative_to(package.parent.parent) if package.parent.parent in m.path.parents else m.path
        own = defined.get(m.room, set())
        lines = len(m.path.read_text().splitlines())
        if lines > MAX_LINES:
            problems.append(f"{rel}:1: {lines} lines (limit {MAX_LINES}): split it by concern")
        for node in ast.walk(trees[m.path]):
            if isinstance(node, ast.ImportFrom):
                base = _resolve(m, node)
                if base is None:
                    continue
                # `from .. import _constants` imports a module: judge the module, not the package.
                targets = [[*base, a.name] for a in node.names] if len(base) == 1 else [base]
                for target in targets:
                    if _layer_of(target) > m.layer:
                        problems.append(f"{rel}:{node.lineno}: {'.'.join(m.dotted)} (layer {m.layer}) imports "
                                        f"{'.'.join(target)} (layer {_layer_of(target)}): lower layers never "
                                        "import upper ones")  # fmt: skip
                target = base
                # `from .. import _errors` names a base module; `from ..x._y import _z` reaches into x.
                if len(base) > 1 and _room_of(target) != m.room and m.layer < TOP:
                    for alias in node.names:
                        private = alias.name.startswith("_") and not alias.name.startswith("__")
                        if private:
                            problems.append(f"{rel}:{node.lineno}: imports private {alias.name} from "
                                            f"{'.'.join(target)}")  # fmt: skip
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    target = alias.name.split(".")
                    if target[0] == m.dotted[0] and _layer_of(target) > m.layer:
                        problems.append(f"{rel}:{node.lineno}: imports {alias.name}: lower layers never import "
                                        "upper ones")  # fmt: skip
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    continue
                if node.attr in GENERATED_HOOKS or node.attr in own:
                    continue
                if any(node.attr in names for room, names in defined.items() if room != m.room):
                    problems.append(f"{rel}:{node.lineno}: reads {node.attr}, private to another subpackage")
    return problems


def main(argv: list[str]) -> int:
    package = Path(argv[0]) if argv else PACKAGE
    problems = check(package)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(
            f"layers: {sum(1 for _ in modules(package))} modules, no back-edges, no private reach-ins, none over {MAX_LINES} lines"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
