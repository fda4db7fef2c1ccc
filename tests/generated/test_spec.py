"""`openapi.json` against the wire-format sheet (docs/gateway-api.md, sections 2-6)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text())
SHEET = (ROOT / "docs" / "gateway-api.md").read_text()
METHODS = ("get", "put", "post", "delete", "patch")
# `| 12 | DELETE | `/api/v1/strategies/{name}` | ...`: one numbered endpoint row of §2 (parameter names may differ).
ROW = re.compile(r"^\| (\d+) \| (GET|POST|PUT|DELETE|PATCH) \| `([^`]+)` \|", re.MULTILINE)


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, item[m]) for p, item in SPEC["paths"].items() for m in METHODS if m in item]


def _shape(path: str) -> str:
    """The path with its parameter names blanked: the sheet and the spec may name them differently."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def test_spec_is_valid_openapi_3_1() -> None:
    """The spec passes openapi-spec-validator as OpenAPI 3.1.0."""
    assert SPEC["openapi"] == "3.1.0"
    validate(SPEC)


def test_every_sheet_endpoint_row_is_an_operation() -> None:
    """All 42 numbered endpoint rows of the sheet are operations, plus /health: 43 in all."""
    rows = ROW.findall(SHEET)
    assert [int(n) for n, _, _ in rows] == list(range(1, 43))
    spec_ops = {(m.upper(), _shape(p)) for m, p, _ in _operations()}
    missing = [(n, m, p) for n, m, p in rows if (m, _shape(p)) not in spec_ops]
    assert missing == []
    assert ("GET", "/health") in spec_ops
    assert len(_operations()) == len(rows) + 1 >= 43


def test_operations_are_tagged_and_uniquely_named() -> None:
    """One tag per operation, a unique snake_case operationId, a summary and a description."""
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))
    for _, _, op in _operations():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", op["operationId"]), op["operationId"]
        assert len(op["tags"]) == 1
        assert op["summary"] and op["description"]


@pytest.mark.parametrize(("method", "path", "op"), _operations(), ids=lambda v: v if isinstance(v, str) else "")
def test_error_responses_are_documented(method: str, path: str, op: dict[str, Any]) -> None:
    """Authenticated operations document 401/403/429 (with Retry-After)/5xx as `{"detail": ...}` bodies."""
    if op.get("security") == []:
        return
    responses = op["responses"]
    for status in ("401", "403", "429", "500", "502", "503", "504"):
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
    assert responses["429"]["headers"]["Retry-After"]["required"] is True
    if op.get("parameters") or op.get("requestBody"):
        assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/HTTPValidationError")
    if "{" in path:
        assert "404" in responses


def test_integer_enums_stay_integers_with_names() -> None:
    """TaskStatus, ExportType and PersistMode are integer enums named by x-enum-varnames."""
    schemas = SPEC["components"]["schemas"]
    expected = {
        "TaskStatus": ["PENDING", "PROCESSING", "COMPLETED", "FAILED"],
        "ExportType": ["BACKTEST_RESULTS", "LATEST_TRADES", "ENHANCED_OHLCV", "ON_DEMAND_OHLCV", "VALIDATE_STRATEGY"],
        "PersistMode": ["REDIS", "PSQL"],
    }
    for name, varnames in expected.items():
        assert schemas[name]["type"] == "integer"
        assert schemas[name]["enum"] == list(range(len(varnames)))
        assert schemas[name]["x-enum-varnames"] == varnames


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        ("Freq", ["1min", "5min", "15min", "30min", "1h", "4h", "1D", "1W", "1M"]),
        ("TradeDirection", ["Long", "Short", "Both"]),
        ("TrendType", ["Trend", "Range", "Reversal"]),
        ("BrokerType", ["mt5", "binance", "okx", "shioaji", "ccxt", "ib", "tradepose_mock"]),
        ("MarketType", ["spot", "futures", "margin", "options", "swap", "forex"]),
        (
            "OrderStrategy",
            [
                "ImmediateEntry",
                "FavorableDelayEntry",
                "AdverseDelayEntry",
                "ImmediateExit",
                "StopLoss",
                "TakeProfit",
                "TrailingStop",
                "Breakeven",
                "TimeoutExit",
            ],
        ),
    ],
)
def test_string_enums_match_the_sheet(enum: str, values: list[str]) -> None:
    """String enums carry exactly the sheet's wire values (§2.9, §6.4)."""
    assert SPEC["components"]["schemas"][enum]["enum"] == values


@pytest.mark.parametrize(
    ("model", "required", "optional"),
    [
        ("TaskMetadataResponse", {"task_id", "user_id", "export_type", "created_at"},
         {"status", "started_at", "completed_at", "worker_id", "strategy_counts", "blueprint_counts",
          "indicator_counts", "trigger_counts", "input_rows", "error_message"}),
        ("ExportRequest", {"strategy_configs", "export_type"},
         {"persist_mode", "start_date", "end_date", "strategy_ids", "strategy_name", "blueprint_name",
          "base_instrument", "base_freq", "indicator_specs", "trade_count"}),
        ("ExportResponse", {"task_id", "message", "operation_type"}, set()),
        ("StrategyConfig", {"name", "base_instrument", "base_freq", "base_blueprint"},
         {"id", "base_instrument_id", "note", "volatility_indicator", "indicators", "advanced_blueprints"}),
        ("Blueprint", {"name", "direction", "trend_type", "entry_first", "entry_triggers", "exit_triggers"},
         {"id", "note"}),
        ("Trigger", {"name", "order_strategy", "priority", "conditions", "price_expr"}, {"note"}),
        ("IndicatorSpec", {"freq", "indicator"}, {"instrument", "instrument_id", "shift"}),
        ("APIKeyResponse", {"id", "user_id", "name", "revoked", "last_used", "created_at"}, set()),
        ("SubscriptionDetailResponse", {"subscription", "current_plan"}, {"usage_current_month", "usage_limit"}),
        ("InstrumentListResponse", {"instruments", "count", "total", "limit", "offset"}, set()),
        ("SlotResponse", {"id", "user_id", "node_seq", "slot_idx", "created_at", "updated_at"},
         {"account_id", "bound_at"}),
    ],
)  # fmt: skip
def test_model_fields_and_requiredness(model: str, required: set[str], optional: set[str]) -> None:
    """Field names and required-ness follow the sheet exactly."""
    schema = SPEC["components"]["schemas"][model]
    assert set(schema.get("required", [])) == required
    assert set(schema["properties"]) == required | optional


def test_task_status_defaults_and_nullability() -> None:
    """`status` defaults to 0 and the optional timestamps and `error_message` are nullable."""
    props = SPEC["components"]["schemas"]["TaskMetadataResponse"]["properties"]
    assert props["status"] == {"$ref": "#/components/schemas/TaskStatus", "default": 0, "title": "Status"}
    for name in ("started_at", "completed_at", "error_message", "worker_id"):
        assert {"type": "null"} in props[name]["anyOf"]
        assert props[name]["default"] is None


def test_binary_results_and_security_schemes() -> None:
    """Parquet and ZIP results are binary media types; API key and bearer JWT are both accepted."""
    paths = SPEC["paths"]
    zip_content = paths["/api/v1/tasks/{task_id}/result"]["get"]["responses"]["200"]["content"]
    assert list(zip_content) == ["application/zip"]
    for path in ("/api/v1/tasks/{task_id}/results/{result_type}", "/api/v1/tasks/{task_id}/results/enhanced_ohlcv"):
        assert list(paths[path]["get"]["responses"]["200"]["content"]) == ["application/vnd.apache.parquet"]
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["APIKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    assert SPEC["security"] == [{"APIKeyHeader": []}, {"HTTPBearer": []}]


def test_indicator_is_a_union_on_its_type() -> None:
    """IndicatorSpec.indicator is a oneOf of 15 indicator models discriminated by `type`."""
    indicator = SPEC["components"]["schemas"]["IndicatorSpec"]["properties"]["indicator"]
    mapping = indicator["discriminator"]["mapping"]
    assert indicator["discriminator"]["propertyName"] == "type"
    assert len(indicator["oneOf"]) == len(mapping) == 15
    for type_value, target in mapping.items():
        model = SPEC["components"]["schemas"][target.rsplit("/", 1)[1]]
        assert model["properties"]["type"]["const"] == type_value
