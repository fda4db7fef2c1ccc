"""A spec copy with the kind of redesign that breaks users, for the breaking regeneration rehearsal.

The edits follow what the real gateway's client 3.x did: the ZIP route goes away, a field of the task
metadata is renamed, and a trades column's dtype changes (naive times become UTC).

`openapi.json` says nothing about the columns of the Parquet results (they are `string/binary`); they
live in `parquet-schemas.json` beside it (see `_parquet_schemas`), from which the overlay's Polars
schemas are generated. `with_parquet_schemas` writes them into a spec as the `x-parquet-schemas`
extension of `components` (result name -> column -> dtype), which is what `api_diff` compares, so a
dtype edit there is a spec change it can classify.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from _spec_diff import PARQUET_EXTENSION

__all__ = [
    "REMOVED_OPERATION",
    "RENAMED_FIELD",
    "RETYPED_COLUMN",
    "breaking_spec",
    "parquet_extension",
    "with_parquet_schemas",
]

# (path, method, operationId): the ZIP download, which `download_backtest` in the overlay calls.
REMOVED_OPERATION = ("/api/v1/tasks/{task_id}/result", "get", "download_backtest_result")
# (model, old name, new name): the overlay reads `error_message` when a task fails.
RENAMED_FIELD = ("TaskMetadataResponse", "error_message", "failure_reason")
# (result, column, new dtype): trade times become timezone-aware.
RETYPED_COLUMN = ("trades", "entry_time", "Datetime(time_unit='ms', time_zone='UTC')")


def parquet_extension(schemas: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, str]]:
    """Result name -> {column: dtype text} in file order, from Polars schemas (or any name -> dtype map)."""
    return {result: {column: str(dtype) for column, dtype in schema.items()} for result, schema in schemas.items()}


def with_parquet_schemas(spec: dict[str, Any], schemas: Mapping[str, Mapping[str, object]]) -> dict[str, Any]:
    """A copy of `spec` whose `components` describe the Parquet results' columns."""
    out = copy.deepcopy(spec)
    out.setdefault("components", {})[PARQUET_EXTENSION] = parquet_extension(schemas)
    return out


def breaking_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of `spec` with one operation removed, one field renamed and one trades column retyped.

    `spec` must describe the trades columns (see `with_parquet_schemas`).
    """
    out = copy.deepcopy(spec)
    path, method, operation_id = REMOVED_OPERATION
    item = out["paths"][path]
    if item.get(method, {}).get("operationId") != operation_id:
        raise ValueError(f"{method.upper()} {path} is not {operation_id} in this spec")
    del item[method]
    if not any(key in item for key in ("get", "put", "post", "delete", "patch", "head", "options", "trace")):
        del out["paths"][path]

    model, old, new = RENAMED_FIELD
    schema = out["components"]["schemas"][model]
    schema["properties"] = {(new if name == old else name): value for name, value in schema["properties"].items()}
    schema["properties"][new]["title"] = new.replace("_", " ").title()
    if old in schema.get("required", []):
        schema["required"] = [new if name == old else name for name in schema["required"]]

    result, column, dtype = RETYPED_COLUMN
    columns = out.get("components", {}).get(PARQUET_EXTENSION, {}).get(result)
    if columns is None or column not in columns:
        raise ValueError(f"the spec does not describe the {result!r} Parquet columns: use with_parquet_schemas first")
    if columns[column] == dtype:
        raise ValueError(f"{result}.{column} is already {dtype}")
    columns[column] = dtype
    return out
