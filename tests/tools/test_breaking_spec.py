"""The breaking rehearsal's spec copy: api-diff classifies exactly its three edits as breaking."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from _breaking_spec import REMOVED_OPERATION, breaking_spec, parquet_extension, with_parquet_schemas
from _spec_diff import diff_specs
from openapi_spec_validator import validate

from tests.tools._support import spec


def _overlay_schemas() -> dict[str, Any]:
    # The overlay's hand-written Polars schemas, wherever the overlay's layout keeps them.
    for name in ("tradepose._client._schemas", "tradepose._schemas"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        return {"trades": module.TRADES_SCHEMA, "performance": module.PERFORMANCE_SCHEMA}
    raise AssertionError("no overlay module holds TRADES_SCHEMA")


def test_breaking_spec_is_reported_as_exactly_its_edits() -> None:
    """Removed ZIP route, renamed TaskMetadataResponse field, retyped trades column: those, and only those, break."""
    base = with_parquet_schemas(spec(), _overlay_schemas())
    changes = diff_specs(base, breaking_spec(base))
    assert [c.line() for c in changes if c.breaking] == [
        "- model TaskMetadataResponse: field 'error_message'",
        "- operation download_backtest_result: GET /api/v1/tasks/{task_id}/result",
        "~ parquet trades: column 'entry_time' dtype Datetime(time_unit='ms', time_zone=None)"
        " -> Datetime(time_unit='ms', time_zone='UTC')",
    ]
    assert [c.line() for c in changes if not c.breaking] == [
        "+ model TaskMetadataResponse: optional field 'failure_reason'"
    ]


def test_breaking_spec_is_a_valid_openapi_document() -> None:
    """The copy still validates, so the rehearsal can regenerate a client from it."""
    new = breaking_spec(with_parquet_schemas(spec(), _overlay_schemas()))
    validate(new)
    path, method, _ = REMOVED_OPERATION
    assert method not in new["paths"].get(path, {})


def test_parquet_extension_lists_columns_in_file_order() -> None:
    """The extension keeps each result's columns in the overlay schema's order, dtypes as text."""
    schemas = _overlay_schemas()
    ext = parquet_extension(schemas)
    assert list(ext["trades"]) == list(schemas["trades"].names())
    assert ext["trades"]["entry_time"] == "Datetime(time_unit='ms', time_zone=None)"


def test_breaking_spec_needs_the_parquet_columns() -> None:
    """A spec that does not describe the trades columns cannot have one retyped: refused, not silently skipped."""
    with pytest.raises(ValueError, match="Parquet columns"):
        breaking_spec(spec())
