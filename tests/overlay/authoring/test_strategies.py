"""Strategy input: load_strategies accepts models, dicts and files, and says exactly what is wrong."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from tradepose_api.models import StrategyConfig

from tradepose._authoring._strategies import (
    StrategyError,
    check_strategy_name,
    expr_to_wire,
    indicator_defaults,
    load_strategies,
    strategy_to_wire,
)
from tradepose._errors import ConfigError


def wire_strategy(name: str = "ma_cross", **overrides: Any) -> dict[str, Any]:
    """A complete strategy in the gateway's wire format (§6.1), with an unknown extra key."""
    strategy: dict[str, Any] = {
        "id": None,
        "name": name,
        "base_instrument": "BTCUSDT",
        "base_instrument_id": None,
        "base_freq": "1h",
        "note": "fast over slow",
        "volatility_indicator": {"Column": "BTCUSDT_1D_ATR|14"},
        "indicators": [
            {"instrument": "BTCUSDT", "freq": "1D", "shift": 1, "indicator": {"type": "ATR", "period": 14}},
            {
                "instrument": "BTCUSDT",
                "freq": "1h",
                "shift": 1,
                "indicator": {"type": "SMA", "period": 20, "column": "close"},
            },
            {
                "freq": "1D",
                "shift": 2,
                "indicator": {
                    "type": "SuperTrend",
                    "multiplier": 3.0,
                    "volatility_column": "BTCUSDT_1D_ATR|14",
                    "fields": None,
                },
            },
        ],
        "base_blueprint": {
            "id": None,
            "name": "base",
            "direction": "Long",
            "trend_type": "Trend",
            "entry_first": True,
            "note": "",
            "entry_triggers": [
                {
                    "name": "up",
                    "order_strategy": "ImmediateEntry",
                    "priority": 1,
                    "note": None,
                    "conditions": [
                        {
                            "BinaryExpr": {
                                "left": {"Column": "close"},
                                "op": "Gt",
                                "right": {"Column": "BTCUSDT_1h_SMA|20.close"},
                            }
                        }
                    ],
                    "price_expr": {"Column": "open"},
                }
            ],
            "exit_triggers": [
                {
                    "name": "down",
                    "order_strategy": "ImmediateExit",
                    "priority": 1,
                    "conditions": [
                        {
                            "BinaryExpr": {
                                "left": {"Column": "close"},
                                "op": "Lt",
                                "right": {"Column": "BTCUSDT_1h_SMA|20.close"},
                            }
                        }
                    ],
                    "price_expr": {"Column": "open"},
                }
            ],
        },
        "advanced_blueprints": [],
        "x_client_tag": {"kept": True},
    }
    strategy.update(overrides)
    return strategy


def test_wire_json_survives_the_generated_model_round_trip() -> None:
    """from_dict(...).to_dict() keeps the wire JSON exactly, unknown extra keys included."""
    original = wire_strategy()
    (config,) = load_strategies([original])
    assert config.to_dict() == original
    assert config.additional_properties == {"x_client_tag": {"kept": True}}
    assert StrategyConfig.from_dict(config.to_dict()).to_dict() == original


def test_inputs_are_not_mutated_and_outputs_are_copies() -> None:
    """Validation works on a deep copy; the caller's dict is untouched."""
    original = wire_strategy(base_blueprint={**wire_strategy()["base_blueprint"], "direction": "long"})
    before = copy.deepcopy(original)
    (config,) = load_strategies(original)
    assert original == before
    assert config.base_blueprint.direction.value == "Long"


def test_accepts_models_dicts_files_and_mixes(tmp_path: Path) -> None:
    """Models, dicts, single-strategy files and list files load in order."""
    one = tmp_path / "one.json"
    one.write_text(json.dumps(wire_strategy("from_file")))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([wire_strategy("list_a"), wire_strategy("list_b")]))
    model = StrategyConfig.from_dict(wire_strategy("model"))
    configs = load_strategies([model, wire_strategy("dict"), one, str(many)])
    assert [c.name for c in configs] == ["model", "dict", "from_file", "list_a", "list_b"]
    assert all(isinstance(c, StrategyConfig) for c in configs)
    assert [c.name for c in load_strategies(one)] == ["from_file"]


def test_polars_expressions_in_dicts_are_serialised() -> None:
    """A pl.Expr where the wire wants expression JSON is converted with Polars' serialiser."""
    strategy = wire_strategy()
    strategy["base_blueprint"]["entry_triggers"][0]["conditions"] = [pl.col("close") > pl.col("open")]
    strategy["base_blueprint"]["entry_triggers"][0]["price_expr"] = pl.col("open")
    (config,) = load_strategies([strategy])
    trigger = config.to_dict()["base_blueprint"]["entry_triggers"][0]
    assert trigger["price_expr"] == {"Column": "open"}
    assert trigger["conditions"][0]["BinaryExpr"]["op"] == "Gt"


def test_volatility_indicator_forms() -> None:
    """A bare column name becomes {"Column": name}; a JSON string holding an expression is kept as sent."""
    (bare,) = load_strategies([wire_strategy(volatility_indicator="BTCUSDT_1D_ATR|14")])
    assert bare.to_dict()["volatility_indicator"] == {"Column": "BTCUSDT_1D_ATR|14"}
    as_text = json.dumps({"Column": "BTCUSDT_1D_ATR|14"})
    (text,) = load_strategies([wire_strategy(volatility_indicator=as_text)])
    assert text.to_dict()["volatility_indicator"] == as_text


def _without(path: list[str | int]) -> dict[str, Any]:
    strategy = wire_strategy()
    target: Any = strategy
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return strategy


def _with(path: list[str | int], value: object) -> dict[str, Any]:
    strategy = wire_strategy()
    target: Any = strategy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return strategy


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "no strategies given"),
        ([wire_strategy("a"), wire_strategy("a")], "strategy name 'a' is used twice (item 0 and item 1)"),
        ([wire_strategy("a/b")], "name 'a/b' contains '/'"),
        ([wire_strategy("a\\b")], "contains '\\\\'"),
        ([wire_strategy("..")], "contains '..'"),
        ([wire_strategy("tab\there")], "contains a control character"),
        ([wire_strategy("")], "must be a non-empty string"),
        ([_without(["base_blueprint"])], "strategy 'ma_cross' (item 0): missing required field 'base_blueprint'"),
        ([_without(["base_freq"])], "missing required field 'base_freq'"),
        ([_without(["name"])], "strategy (item 0): missing required field 'name'"),
        (
            [_without(["base_blueprint", "entry_triggers", 0, "price_expr"])],
            "base_blueprint.entry_triggers[0]: missing required field 'price_expr'",
        ),
        ([_without(["base_blueprint", "exit_triggers"])], "base_blueprint: missing required field 'exit_triggers'"),
        (
            [_without(["indicators", 0, "indicator", "period"])],
            "indicators[0].indicator: missing required field 'period'",
        ),
        (
            [_with(["base_freq"], "1d")],
            "base_freq '1d' is not allowed: use one of 1min, 5min, 15min, 30min, 1h, 4h, 1D, 1W, 1M",
        ),
        ([_with(["base_blueprint", "direction"], "up")], "direction 'up' is not allowed: use one of Both, Long, Short"),
        (
            [_with(["base_blueprint", "trend_type"], "Sideways")],
            "trend_type 'Sideways' is not allowed: use one of Range",
        ),
        (
            [_with(["base_blueprint", "entry_triggers", 0, "order_strategy"], "LimitEntry")],
            "base_blueprint.entry_triggers[0]: order_strategy 'LimitEntry' is not allowed: use one of AdverseDelayEntry",
        ),
        (
            [_with(["indicators", 0, "indicator", "type"], "VWAP")],
            "indicators[0].indicator.type: 'VWAP' is not an indicator type",
        ),
        (
            [_with(["indicators", 0, "indicator", "period"], 0)],
            "indicators[0].indicator.period: expected a positive integer, got 0",
        ),
        ([_with(["indicators", 1, "indicator", "column"], "hl2")], "'hl2' is not a price column"),
        ([_with(["indicators", 2, "indicator", "multiplier"], -1)], "multiplier: expected a positive number"),
        ([_with(["indicators", 0, "shift"], -1)], "indicators[0].shift: expected a non-negative integer"),
        ([_with(["base_blueprint", "entry_first"], "yes")], "entry_first: expected true or false"),
        ([_with(["base_blueprint", "entry_triggers", 0, "priority"], "1")], "priority: expected an integer"),
        (
            [_with(["base_blueprint", "entry_triggers", 0, "price_expr"], "open")],
            "is not a Polars expression in JSON form",
        ),
        (
            [_with(["base_blueprint", "entry_triggers", 0, "conditions"], {"Column": "x"})],
            "conditions: expected a list",
        ),
        ([_with(["base_blueprint"], "base")], "base_blueprint: expected a JSON object, got str"),
        ([_with(["base_instrument"], 7)], "base_instrument: expected a string"),
        (
            [_with(["indicators"], {"type": "ATR"})],
            "strategy 'ma_cross' (item 0): indicators: expected a list, got dict",
        ),
        ([_with(["advanced_blueprints"], "none")], "advanced_blueprints: expected a list, got str"),
        ([_with(["base_blueprint", "note"], 3)], "base_blueprint.note: expected a string"),
        ([_with(["note"], float("nan"))], "note: expected a string"),
        ([42], "strategy (item 0): expected a strategy object, got int"),
    ],
)
def test_invalid_strategies_name_the_strategy_and_the_problem(items: list[Any], message: str) -> None:
    """Each bad input raises StrategyError whose message names the strategy, the field and the fix."""
    with pytest.raises(StrategyError) as info:
        load_strategies(items)
    assert message in str(info.value)


def test_mixed_delay_entries_are_refused() -> None:
    """A blueprint may not mix FavorableDelayEntry and AdverseDelayEntry triggers (§6.2)."""
    strategy = wire_strategy()
    trigger = strategy["base_blueprint"]["entry_triggers"][0]
    strategy["base_blueprint"]["entry_triggers"] = [
        {**trigger, "name": "fav", "order_strategy": "FavorableDelayEntry"},
        {**trigger, "name": "adv", "order_strategy": "AdverseDelayEntry"},
    ]
    with pytest.raises(StrategyError, match="mixes FavorableDelayEntry and AdverseDelayEntry"):
        load_strategies([strategy])


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    """Missing files, bad JSON and bad items inside a list file name the file (and the item)."""
    with pytest.raises(StrategyError, match="cannot read strategy file"):
        load_strategies([tmp_path / "absent.json"])
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(StrategyError, match=r"broken.json' is not valid JSON"):
        load_strategies([broken])
    listed = tmp_path / "listed.json"
    listed.write_text(json.dumps([wire_strategy("ok"), wire_strategy("bad", base_freq="2h")]))
    with pytest.raises(StrategyError, match=r"strategy 'bad' \(listed.json, item 1\): base_freq '2h'"):
        load_strategies([listed])


def test_strategy_error_is_a_config_error() -> None:
    """StrategyError is part of the SDK's tree (ConfigError) and a ValueError."""
    assert issubclass(StrategyError, ConfigError)
    assert issubclass(StrategyError, ValueError)


def test_not_iterable_input_is_refused() -> None:
    """A value that is neither a strategy nor an iterable of them is refused clearly."""
    with pytest.raises(StrategyError, match="cannot read strategies from int"):
        load_strategies(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["ma_cross", "MA cross v2", "btc.1h", "均線"])
def test_good_names_pass(name: str) -> None:
    """Ordinary names, spaces, single dots and non-ASCII letters are fine as file names."""
    assert check_strategy_name(name) == name


def test_strategy_to_wire_validates_models() -> None:
    """strategy_to_wire gives the validated wire dict of a model or a dict."""
    model = StrategyConfig.from_dict(wire_strategy())
    assert strategy_to_wire(model) == wire_strategy()
    with pytest.raises(StrategyError, match="base_freq"):
        strategy_to_wire(wire_strategy(base_freq="weekly"))


def test_indicator_defaults_follow_the_spec() -> None:
    """Defaults come from the generated models, which follow §6.3."""
    assert indicator_defaults("SMA") == {"column": "close"}
    assert indicator_defaults("MACD") == {"fast_period": 12, "slow_period": 26, "signal_period": 9, "column": "close"}
    assert indicator_defaults("BollingerBands") == {"period": 20, "num_std": 2.0, "column": "close"}
    assert indicator_defaults("SuperTrend") == {"high": "high", "low": "low", "close": "close"}
    assert indicator_defaults("ATR") == {}


def test_expr_to_wire_refuses_python_functions_and_non_expressions() -> None:
    """Python UDFs and non-expressions cannot be sent and raise StrategyError."""
    with pytest.raises(StrategyError, match="not a Polars expression"):
        expr_to_wire("close")  # type: ignore[arg-type]
    udf = pl.col("close").map_batches(lambda s: s, return_dtype=pl.Float64)
    with pytest.raises(StrategyError, match="not Python functions"):
        expr_to_wire(udf)
