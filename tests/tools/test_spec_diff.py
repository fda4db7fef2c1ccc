"""The spec classifier: each kind of edit to openapi.json, with the verdict a user of the SDK would give it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from _spec_diff import PARQUET_EXTENSION, Change, diff_specs

from tests.tools._support import spec

Spec = dict[str, Any]
TRADES = ("/api/v1/trades", "get")
KEYS = ("/api/v1/keys", "post")
CANCEL = ("/api/v1/billing/cancel", "post")


def _op(s: Spec, where: tuple[str, str]) -> dict[str, Any]:
    return s["paths"][where[0]][where[1]]


def _param(s: Spec, name: str) -> dict[str, Any]:
    return next(p for p in _op(s, TRADES)["parameters"] if p["name"] == name)


def _model(s: Spec, name: str) -> dict[str, Any]:
    return s["components"]["schemas"][name]


def _add_operation(s: Spec) -> None:
    s["paths"]["/api/v1/ping"] = {"get": {**_op(s, ("/health", "get")), "operationId": "ping"}}


def _rename_field(s: Spec) -> None:
    props = _model(s, "HealthResponse")["properties"]
    props["state"] = props.pop("status")
    _model(s, "HealthResponse")["required"] = ["state"]


def _set(path: Callable[[Spec], dict[str, Any]], key: str, value: Any) -> Callable[[Spec], None]:
    def edit(s: Spec) -> None:
        path(s)[key] = value

    return edit


def _delete(path: Callable[[Spec], dict[str, Any]], key: str) -> Callable[[Spec], None]:
    def edit(s: Spec) -> None:
        del path(s)[key]

    return edit


def _with_parquet(columns: dict[str, str]) -> Callable[[Spec], None]:
    def edit(s: Spec) -> None:
        s["components"][PARQUET_EXTENSION] = {"trades": columns}

    return edit


OPS = "operation list_trades"
TRADE_COLUMNS = {"entry_time": "Datetime(time_unit='ms', time_zone=None)", "pnl": "Float64"}

# (edit, expected changes as (subject, action, breaking)); the base is the real spec (for the Parquet
# rows, the real spec with TRADE_COLUMNS described).
CASES: dict[str, tuple[Callable[[Spec], None], list[tuple[str, str, bool]]]] = {
    # --- breaking
    "operation removed": (
        _delete(lambda s: s["paths"]["/health"], "get"),
        [("operation get_health", "removed", True)],
    ),
    "operationId changed": (
        _set(lambda s: _op(s, TRADES), "operationId", "search_trades"),
        [(OPS, "changed", True)],
    ),
    "operation moved to another tag": (
        _set(lambda s: _op(s, TRADES), "tags", ["history"]),
        [(OPS, "changed", True)],
    ),
    "required parameter added": (
        lambda s: _op(s, TRADES)["parameters"].append(
            {"name": "account", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        [(OPS, "added", True)],
    ),
    "parameter became required": (
        _set(lambda s: _param(s, "strategy_name"), "required", True),
        [(OPS, "changed", True)],
    ),
    "parameter removed": (
        lambda s: _op(s, TRADES)["parameters"].remove(_param(s, "has_exit_signal")),
        [(OPS, "removed", True)],
    ),
    "parameter retyped": (
        _set(lambda s: _param(s, "limit"), "schema", {"type": "string", "title": "Limit"}),
        [(OPS, "changed", True)],
    ),
    "parameter range narrowed": (
        _set(lambda s: _param(s, "limit")["schema"], "maximum", 500),
        [(OPS, "changed", True)],
    ),
    "request body removed": (
        _delete(lambda s: _op(s, KEYS), "requestBody"),
        [("operation create_api_key", "removed", True)],
    ),
    "required request body added": (
        _set(
            lambda s: _op(s, CANCEL), "requestBody", {"required": True, "content": {"application/json": {"schema": {}}}}
        ),
        [("operation cancel_subscription", "added", True)],
    ),
    "request body media type removed": (
        lambda s: _op(s, KEYS)["requestBody"].update(content={"application/x-www-form-urlencoded": {"schema": {}}}),
        [("operation create_api_key", "added", False), ("operation create_api_key", "removed", True)],
    ),
    "response status removed": (
        _delete(lambda s: _op(s, TRADES)["responses"], "422"),
        [(OPS, "removed", True)],
    ),
    "response media type changed": (
        lambda s: _op(s, ("/api/v1/tasks/{task_id}/results/{result_type}", "get"))["responses"]["200"].update(
            content={"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
        ),
        [("operation download_task_result", "changed", True)],
    ),
    "response schema retyped": (
        lambda s: _op(s, ("/health", "get"))["responses"]["200"]["content"]["application/json"].update(
            schema={"type": "string"}
        ),
        [("operation get_health", "changed", True)],
    ),
    "model removed": (
        lambda s: s["components"]["schemas"].pop("PolarsExpr"),
        [("model PolarsExpr", "removed", True)],
    ),
    "field removed": (
        lambda s: _model(s, "TaskMetadataResponse")["properties"].pop("worker_id"),
        [("model TaskMetadataResponse", "removed", True)],
    ),
    "field renamed": (
        _rename_field,
        [("model HealthResponse", "removed", True), ("model HealthResponse", "added", True)],
    ),
    "field retyped": (
        _set(lambda s: _model(s, "TaskMetadataResponse")["properties"], "input_rows", {"type": "string"}),
        [("model TaskMetadataResponse", "changed", True)],
    ),
    "field made nullable": (
        _set(
            lambda s: _model(s, "HealthResponse")["properties"],
            "status",
            {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Status"},
        ),
        [("model HealthResponse", "changed", True)],
    ),
    "field became required": (
        lambda s: _model(s, "TaskMetadataResponse")["required"].append("worker_id"),
        [("model TaskMetadataResponse", "changed", True)],
    ),
    "required field added": (
        lambda s: (
            _model(s, "APIKeyCreate")["properties"].update(scope={"type": "string"}),
            _model(s, "APIKeyCreate")["required"].append("scope"),
        ),
        [("model APIKeyCreate", "added", True)],
    ),
    "enum narrowed": (
        lambda s: _model(s, "ResultType")["enum"].remove("on_demand_ohlcv"),
        [("model ResultType", "changed", True)],
    ),
    "string length narrowed": (
        _set(lambda s: _model(s, "APIKeyCreate")["properties"]["name"], "maxLength", 50),
        [("model APIKeyCreate", "changed", True)],
    ),
    "parquet column dtype changed": (
        _with_parquet({**TRADE_COLUMNS, "pnl": "Float32"}),
        [("parquet trades", "changed", True)],
    ),
    "parquet column removed": (
        _with_parquet({"entry_time": TRADE_COLUMNS["entry_time"]}),
        [("parquet trades", "removed", True)],
    ),
    # --- compatible
    "operation added": (_add_operation, [("operation ping", "added", False)]),
    "optional parameter added": (
        lambda s: _op(s, TRADES)["parameters"].append({"name": "side", "in": "query", "schema": {"type": "string"}}),
        [(OPS, "added", False)],
    ),
    "parameter became optional": (
        _set(lambda s: s["paths"]["/api/v1/instruments/{instrument_id}"]["get"]["parameters"][0], "required", False),
        [("operation get_instrument", "changed", False)],
    ),
    "request body became optional": (
        _set(lambda s: _op(s, KEYS)["requestBody"], "required", False),
        [("operation create_api_key", "changed", False)],
    ),
    "parameter range widened": (
        _set(lambda s: _param(s, "limit")["schema"], "maximum", 5000),
        [(OPS, "changed", False)],
    ),
    "response status added": (
        _set(lambda s: _op(s, TRADES)["responses"], "409", {"description": "Conflict."}),
        [(OPS, "added", False)],
    ),
    "response media type added": (
        lambda s: _op(s, ("/health", "get"))["responses"]["200"]["content"].update(
            {"text/plain": {"schema": {"type": "string"}}}
        ),
        [("operation get_health", "changed", False)],
    ),
    "model added": (
        _set(lambda s: s["components"]["schemas"], "Ping", {"type": "object", "properties": {}}),
        [("model Ping", "added", False)],
    ),
    "optional field added": (
        _set(lambda s: _model(s, "TaskMetadataResponse")["properties"], "eta", {"type": "integer"}),
        [("model TaskMetadataResponse", "added", False)],
    ),
    "enum widened": (
        lambda s: _model(s, "ResultType")["enum"].append("signals"),
        [("model ResultType", "changed", False)],
    ),
    "string length widened": (
        _set(lambda s: _model(s, "APIKeyCreate")["properties"]["name"], "maxLength", 200),
        [("model APIKeyCreate", "changed", False)],
    ),
    "description changed": (
        _set(lambda s: _op(s, TRADES), "description", "Trades, newest first."),
        [(OPS, "changed", False)],
    ),
    "spec version changed": (
        _set(lambda s: s["info"], "version", "1.6.0"),
        [("spec", "changed", False)],
    ),
    "parquet column added": (
        _with_parquet({**TRADE_COLUMNS, "fees": "Float64"}),
        [("parquet trades", "added", False)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_edit_is_classified(name: str) -> None:
    """Each spec edit yields exactly the expected changes, each breaking or compatible as a user meets it."""
    edit, expected = CASES[name]
    old = spec()
    if name.startswith("parquet"):
        _with_parquet(TRADE_COLUMNS)(old)
    new = copy.deepcopy(old)
    edit(new)
    got = [(c.subject, c.action, c.breaking) for c in diff_specs(old, new)]
    assert sorted(got) == sorted(expected), [c.line() for c in diff_specs(old, new)]


def test_table_covers_both_verdicts() -> None:
    """The table holds at least 12 edits, breaking and compatible ones among them."""
    verdicts = [breaking for _, expected in CASES.values() for _, _, breaking in expected]
    assert len(CASES) >= 12 and True in verdicts and False in verdicts


def test_identical_specs_have_no_changes() -> None:
    """The spec against itself: no change at all."""
    assert diff_specs(spec(), spec()) == []


def test_change_lines_name_what_happened() -> None:
    """A change's line shows its mark, subject and detail: what a reviewer reads in the report."""
    new = spec()
    _rename_field(new)
    lines = [c.line() for c in diff_specs(spec(), new)]
    assert lines == ["+ model HealthResponse: required field 'state'", "- model HealthResponse: field 'status'"]


def test_path_parameter_rename_is_a_removed_and_an_added_operation() -> None:
    """Renaming a path template's parameter moves the operation: breaking, as the generated signature changes."""
    new = spec()
    paths = new["paths"]
    paths["/api/v1/instruments/{id}"] = paths.pop("/api/v1/instruments/{instrument_id}")
    changes = diff_specs(spec(), new)
    assert [(c.action, c.breaking) for c in changes] == [("removed", True), ("added", False)]
    assert all(isinstance(c, Change) and c.subject == "operation get_instrument" for c in changes)
