"""The column schemas of the gateway's Parquet results: `parquet-schemas.json` beside `openapi.json`.

`openapi.json` types the Parquet responses as `string/binary` and says nothing of their columns, so
the columns live in a committed side file, the source of truth: result name -> {column: dtype} in
file order, each dtype written as Polars prints it (`Int32`, `Datetime(time_unit='ms', time_zone=None)`,
`Struct({'price': Float64})`, `List(String)`). From it `make generate` writes the overlay's
`_client/_parquet_columns.py` (drift-checked by `make check-generated`), which the download schema
check uses; `api_diff` compares it as the `x-parquet-schemas` extension of the spec's `components`.

Dtype text is read with `ast`, never `eval`: only Polars dtype names, dicts of them, and constant
keyword arguments are accepted.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polars as pl

__all__ = [
    "COLUMNS_FILE",
    "MODULE",
    "check_module",
    "dtype_from_text",
    "load_columns",
    "render_module",
    "schema_constant",
    "schemas_from_columns",
    "write_module",
]

COLUMNS_FILE = "parquet-schemas.json"
MODULE = Path("overlay") / "tradepose" / "_client" / "_parquet_columns.py"

# Polars dtype classes the gateway's results may use.
_DTYPES = frozenset(
    {
        "Boolean", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
        "Float32", "Float64", "String", "Binary", "Date", "Time", "Datetime", "Duration",
        "Categorical", "Null", "List", "Array", "Struct", "Decimal",
    }
)  # fmt: skip


def _check(node: ast.expr, text: str) -> None:
    """Refuse anything in dtype text but dtype names, calls of them, dicts and constants."""
    if isinstance(node, ast.Name):
        if node.id not in _DTYPES:
            raise ValueError(f"unknown Polars dtype {node.id!r} in {text!r}")
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            raise ValueError(f"not a Polars dtype: {text!r}")
        _check(node.func, text)
        for arg in [*node.args, *(kw.value for kw in node.keywords)]:
            _check(arg, text)
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise ValueError(f"struct field names must be strings in {text!r}")
            _check(value, text)
    elif isinstance(node, ast.List | ast.Tuple):
        for item in node.elts:
            _check(item, text)
    elif not isinstance(node, ast.Constant):
        raise ValueError(f"not a Polars dtype: {text!r}")


def _parse(text: str) -> ast.expr:
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        raise ValueError(f"not a Polars dtype: {text!r}") from exc
    _check(node, text)
    return node


def _build(node: ast.expr) -> Any:
    if isinstance(node, ast.Name):
        return getattr(pl, node.id)
    if isinstance(node, ast.Call):
        func = _build(node.func)
        return func(*(_build(a) for a in node.args), **{str(kw.arg): _build(kw.value) for kw in node.keywords})
    if isinstance(node, ast.Dict):
        return {ast.literal_eval(k): _build(v) for k, v in zip(node.keys, node.values, strict=True) if k is not None}
    if isinstance(node, ast.List | ast.Tuple):
        return [_build(item) for item in node.elts]
    return ast.literal_eval(node)


def dtype_from_text(text: str) -> pl.DataType:
    """The Polars dtype that prints as `text`; ValueError for anything else."""
    built = _build(_parse(text))
    dtype: pl.DataType = built() if isinstance(built, type) else built
    if not isinstance(dtype, pl.DataType) or str(dtype) != text:
        raise ValueError(f"{text!r} is not how Polars prints a dtype (it reads back as {dtype!s})")
    return dtype


def load_columns(path: Path) -> dict[str, dict[str, str]]:
    """The side file: result name -> {column: dtype text}, each dtype checked."""
    columns: dict[str, dict[str, str]] = json.loads(path.read_text())
    for result, cols in columns.items():
        for column, text in cols.items():
            try:
                dtype_from_text(text)
            except ValueError as exc:
                raise ValueError(f"{path.name}: {result}.{column}: {exc}") from exc
    return columns


def schemas_from_columns(columns: Mapping[str, Mapping[str, str]]) -> dict[str, pl.Schema]:
    """Result name -> Polars schema, columns in file order."""
    return {
        result: pl.Schema([(name, dtype_from_text(text)) for name, text in cols.items()])
        for result, cols in columns.items()
    }


def schema_constant(result: str) -> str:
    """The overlay's name for a result's schema: `trades` -> `TRADES_SCHEMA`."""
    if not result.isidentifier():
        raise ValueError(f"result name {result!r} is not an identifier")
    return f"{result.upper()}_SCHEMA"


class _Qualify(ast.NodeTransformer):
    """`Int32` -> `pl.Int32()`, `Datetime(...)` -> `pl.Datetime(...)`."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        node.args = [self.visit(a) for a in node.args]
        node.keywords = [ast.keyword(kw.arg, self.visit(kw.value)) for kw in node.keywords]
        assert isinstance(node.func, ast.Name)
        node.func = ast.Attribute(ast.Name("pl", ast.Load()), node.func.id, ast.Load())
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.Call(ast.Attribute(ast.Name("pl", ast.Load()), node.id, ast.Load()), [], [])


def _code(text: str) -> str:
    return ast.unparse(_Qualify().visit(_parse(text)))


def render_module(columns: Mapping[str, Mapping[str, str]], ruff: Path | None = None) -> str:
    """The overlay module holding one `pl.Schema` constant per result, formatted by ruff."""
    lines = [
        f'"""GENERATED from {COLUMNS_FILE} by tools/generate.py (`make generate`): do not edit.',
        "",
        "The column schemas of the gateway's Parquet results, in file order (gateway-api.md §5).",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "import polars as pl",
        "",
        f"__all__ = {sorted(schema_constant(r) for r in columns)!r}",
        "",
    ]
    for result, cols in columns.items():
        lines.append(f"{schema_constant(result)}: Final[pl.Schema] = pl.Schema(")
        lines.append("    [")
        lines += [f"        ({name!r}, {_code(text)})," for name, text in cols.items()]
        lines.append("    ]")
        lines.append(")")
        lines.append(f'"""{result}: {len(cols)} columns."""')
        lines.append("")
    source = "\n".join(lines)
    ruff = ruff or Path(sys.executable).parent / "ruff"
    proc = subprocess.run(
        [str(ruff), "format", "--stdin-filename", str(MODULE), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return proc.stdout


def write_module(columns_path: Path, module_path: Path) -> Path:
    """Write the overlay module for the side file at `columns_path`; return its path."""
    module_path.write_text(render_module(load_columns(columns_path)))
    return module_path


def check_module(columns_path: Path, module_path: Path) -> bool:
    """Whether the overlay module is what `write_module` would write."""
    return module_path.read_text() == render_module(load_columns(columns_path))
