"""Import cost: `import tradepose` loads none of the heavy dependencies; the public names are typed and lazy."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import tradepose

INIT = Path(tradepose.__file__)
_PROBE = "import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"


def _modules_after(statement: str) -> set[str]:
    code = _PROBE.format(statement=statement)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def _under(loaded: set[str], *roots: str) -> list[str]:
    return sorted(m for m in loaded if any(m == r or m.startswith(r + ".") for r in roots))


def test_bare_import_loads_no_heavy_dependency() -> None:
    """`import tradepose` imports neither rich, polars, pyarrow, httpx nor any part of the generated client."""
    loaded = _modules_after("import tradepose")
    assert _under(loaded, "rich", "polars", "pyarrow", "httpx", "tradepose_api") == []
    assert _under(loaded, "tradepose._client", "tradepose._batch", "tradepose._authoring", "tradepose.testing") == []


def test_client_import_loads_no_endpoint_module_nor_rich() -> None:
    """`from tradepose import TradePoseClient` loads no `tradepose_api.api.<tag>.<operation>` module, nor rich."""
    loaded = _modules_after("from tradepose import TradePoseClient")
    endpoints = [m for m in _under(loaded, "tradepose_api.api") if m.count(".") >= 3]
    assert endpoints == []
    assert "tradepose._client._sync_client" in loaded
    # httpx loads rich through its command line only when click is installed; the overlay never does.
    if "click" not in loaded:
        assert _under(loaded, "rich") == []


def test_first_access_resolves_and_caches_the_name() -> None:
    """A public name is imported on first access and then kept in the package namespace."""
    code = (
        "import sys, tradepose; before = 'tradepose._errors' in sys.modules; e = tradepose.NotFoundError; "
        "print(before, 'tradepose._errors' in sys.modules, 'NotFoundError' in vars(tradepose), e.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["False", "True", "True", "tradepose._errors"]


def test_unknown_name_raises_attribute_error() -> None:
    """A name that is not public raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="NoSuchName"):
        tradepose.NoSuchName  # type: ignore[attr-defined]  # noqa: B018


def test_dir_lists_every_public_name() -> None:
    """`dir(tradepose)` lists all of `__all__`, loaded or not."""
    assert set(tradepose.__all__) <= set(dir(tradepose))


def test_type_checking_block_matches_the_lazy_table() -> None:
    """The `if TYPE_CHECKING:` imports name exactly the modules the lazy table resolves, for every public name."""
    tree = ast.parse(INIT.read_text())
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    typed = {
        a.name: "." * n.level + (n.module or "") for n in block.body if isinstance(n, ast.ImportFrom) for a in n.names
    }
    assert typed == tradepose._LAZY
    assert set(typed) == set(tradepose.__all__)
