"""Fluent builders: §5.3 column names, expression JSON, validation and the generated-model round trip."""

from __future__ import annotations

import io
import json
from typing import Any

import polars as pl
import pytest
from tradepose_api.models import Blueprint, Freq, SMAIndicator, StrategyConfig

from tradepose._authoring._builder import BlueprintBuilder, IndicatorRef, StrategyBuilder
from tradepose._authoring._strategies import StrategyError, load_strategies


def deserialise(wire: dict[str, Any]) -> pl.Expr:
    """Read expression JSON back with Polars, as the gateway does."""
    return pl.Expr.deserialize(io.StringIO(json.dumps(wire)), format="json")


@pytest.fixture
def builder() -> StrategyBuilder:
    """A BTCUSDT 1h strategy builder."""
    return StrategyBuilder("st_trend", "BTCUSDT", "1h", note="SuperTrend on daily ATR")


@pytest.mark.parametrize(
    ("kind", "kwargs", "name"),
    [
        ("ATR", {"freq": "1D", "period": 14}, "BTCUSDT_1D_ATR|14"),
        ("SMA", {"period": 20}, "BTCUSDT_1h_SMA|20.close"),
        ("sma", {"period": 50, "column": "high"}, "BTCUSDT_1h_SMA|50.high"),
        ("EMA", {"period": 9}, "BTCUSDT_1h_EMA|9.close"),
        ("ATR", {"freq": "1D", "period": 14, "shift": 2, "instrument": ""}, "1D_ATR|14_s2"),
        ("ATR", {"freq": Freq.VALUE_6, "period": 14, "shift": 2}, "BTCUSDT_1D_ATR|14_s2"),
        ("RSI", {}, "BTCUSDT_1h_RSI|14.close"),
        ("MACD", {}, "BTCUSDT_1h_MACD|12_26_9"),
        ("bollinger_bands", {}, "BTCUSDT_1h_BB|20_2.0"),
        ("Stochastic", {}, "BTCUSDT_1h_STOCH|14_3"),
        ("ADX", {"instrument": "ETHUSDT"}, "ETHUSDT_1h_ADX|14"),
        ("CCI", {}, "BTCUSDT_1h_CCI|20"),
        ("RawOhlcv", {"column": "volume", "freq": "1D"}, "BTCUSDT_1D_volume"),
    ],
)
def test_column_names_follow_section_5_3(
    builder: StrategyBuilder, kind: str, kwargs: dict[str, Any], name: str
) -> None:
    """Refs carry the column the gateway produces, exactly as in the §5.3 examples."""
    ref = builder.add_indicator(kind, **kwargs)
    assert ref.name == name
    assert str(ref) == name
    assert ref.col.meta.output_name() == name


def test_supertrend_on_atr_ref(builder: StrategyBuilder) -> None:
    """A ref passed as volatility_column becomes its column name, and the multiplier is a float."""
    atr = builder.add_indicator("ATR", freq="1D", period=14)
    st = builder.add_indicator("SuperTrend", freq="1D", multiplier=3, volatility_column=atr)
    assert st.name == "BTCUSDT_1D_ST|3.0x_BTCUSDT_1D_ATR|14"
    assert st.spec["indicator"]["multiplier"] == 3.0
    assert st.fields == ("direction", "supertrend", "long", "short")


def test_ref_from_another_builder_is_adopted(builder: StrategyBuilder) -> None:
    """A ref used as a parameter is added to the strategy if it is not there yet."""
    atr = StrategyBuilder("other", "BTCUSDT", "1h").add_indicator("ATR", freq="1D", period=14)
    builder.add_indicator("SuperTrend", freq="1D", multiplier=2.5, volatility_column=atr)
    assert [ref.name for ref in builder.indicators] == ["BTCUSDT_1D_ATR|14", "BTCUSDT_1D_ST|2.5x_BTCUSDT_1D_ATR|14"]


def test_empty_instrument_is_left_out_of_the_spec(builder: StrategyBuilder) -> None:
    """instrument="" omits the instrument from the wire spec, as the §5.3 shift example has it."""
    ref = builder.add_indicator("ATR", freq="1D", period=14, shift=2, instrument="")
    assert "instrument" not in ref.spec
    assert ref.name == "1D_ATR|14_s2"


def test_generated_indicator_models_are_accepted(builder: StrategyBuilder) -> None:
    """A generated indicator model works as the first argument."""
    assert builder.add_indicator(SMAIndicator(period=10)).name == "BTCUSDT_1h_SMA|10.close"


def test_adding_the_same_indicator_twice_returns_one_ref(builder: StrategyBuilder) -> None:
    """Identical specs share one column; a different spec with the same column is refused."""
    first = builder.add_indicator("SuperTrend", multiplier=3.0, volatility_column="x")
    assert builder.add_indicator("SuperTrend", multiplier=3, volatility_column="x") == first
    assert len(builder.indicators) == 1
    with pytest.raises(StrategyError, match="already defined with other parameters"):
        builder.add_indicator("SuperTrend", multiplier=3.0, volatility_column="x", fields=["direction"])


def test_struct_fields(builder: StrategyBuilder) -> None:
    """field() reads a struct field; scalar indicators and unknown fields are refused with the options."""
    macd = builder.add_indicator("MACD", fields=["macd", "signal"])
    expr = macd.field("signal")
    assert "FieldByName" in json.dumps(json.loads(expr.meta.serialize(format="json")))
    with pytest.raises(StrategyError, match="has no field 'histogram': use one of macd, signal"):
        macd.field("histogram")
    sma = builder.add_indicator("SMA", period=20)
    with pytest.raises(StrategyError, match=r"is a single column, not a struct: use its .col"):
        sma.field("value")


@pytest.mark.parametrize(
    ("kind", "kwargs", "message"),
    [
        ("VWAP", {}, "'VWAP' is not an indicator type: use one of SMA, EMA"),
        ("SMA", {}, "missing required field 'period'"),
        ("SMA", {"period": -5}, "period: expected a positive integer, got -5"),
        ("SMA", {"period": 5, "column": "hl2"}, "'hl2' is not a price column"),
        ("AtrQuantile", {"atr_column": "a", "window": 10, "quantile": 1.5}, "strictly between 0 and 1"),
        ("ATR", {"period": 14, "freq": "2h"}, "freq '2h' is not allowed"),
        ("ATR", {"period": 14, "shift": -1}, "shift: expected a non-negative integer"),
    ],
)
def test_bad_indicators_are_refused(builder: StrategyBuilder, kind: str, kwargs: dict[str, Any], message: str) -> None:
    """Unknown types, missing or out-of-range parameters raise StrategyError at add time."""
    with pytest.raises(StrategyError) as info:
        builder.add_indicator(kind, **kwargs)
    assert message in str(info.value)


def _trend_blueprint(st: IndicatorRef, sma: IndicatorRef) -> BlueprintBuilder:
    return (
        BlueprintBuilder("trend_long", "Long", "Trend")
        .add_entry_trigger(
            "st_up",
            conditions=[st.field("direction") == 1, pl.col("close") > sma.col],
            price_expr=pl.col("open"),
        )
        .add_exit_trigger("st_down", conditions=st.field("direction") == -1, price_expr=pl.col("open"))
        .add_exit_trigger(
            "stop",
            conditions=[pl.col("low") < pl.col("open") - 2.5 * pl.col("BTCUSDT_1D_ATR|14")],
            price_expr=sma,
            order_strategy="StopLoss",
            priority=2,
            note="2.5 ATR",
        )
    )


def test_build_round_trips_and_expressions_deserialise(builder: StrategyBuilder) -> None:
    """build() output survives from_dict(to_dict()) and every expression reads back with Polars."""
    atr = builder.add_indicator("ATR", freq="1D", period=14)
    st = builder.add_indicator("SuperTrend", freq="1D", multiplier=3, volatility_column=atr)
    sma = builder.add_indicator("SMA", period=20)
    config = builder.set_volatility_indicator(atr).set_base_blueprint(_trend_blueprint(st, sma)).build()

    assert isinstance(config, StrategyConfig)
    wire = config.to_dict()
    assert StrategyConfig.from_dict(wire).to_dict() == wire
    assert load_strategies([wire])[0].to_dict() == wire
    assert wire["volatility_indicator"] == {"Column": "BTCUSDT_1D_ATR|14"}
    assert [i["indicator"]["type"] for i in wire["indicators"]] == ["ATR", "SuperTrend", "SMA"]
    assert wire["indicators"][2] == {
        "instrument": "BTCUSDT",
        "freq": "1h",
        "shift": 1,
        "indicator": {"type": "SMA", "period": 20, "column": "close"},
    }
    triggers = wire["base_blueprint"]["entry_triggers"] + wire["base_blueprint"]["exit_triggers"]
    assert [t["name"] for t in triggers] == ["st_up", "st_down", "stop"]
    expressions = [c for t in triggers for c in t["conditions"]] + [t["price_expr"] for t in triggers]
    for expression in expressions:
        assert isinstance(deserialise(expression), pl.Expr)
    assert deserialise(triggers[0]["conditions"][1]).meta.root_names() == ["close", "BTCUSDT_1h_SMA|20.close"]
    assert triggers[2]["price_expr"] == {"Column": "BTCUSDT_1h_SMA|20.close"}
    assert triggers[2]["order_strategy"] == "StopLoss"


def test_expression_json_matches_the_wire_shapes() -> None:
    """Polars 2.1 writes the shapes §6.2 documents."""
    bp = (
        BlueprintBuilder("b", "Short", "Range")
        .add_entry_trigger("e", conditions=[pl.col("close") > 100], price_expr=pl.col("close") * 2.5)
        .build()
    )
    trigger = bp.to_dict()["entry_triggers"][0]
    assert trigger["conditions"] == [
        {"BinaryExpr": {"left": {"Column": "close"}, "op": "Gt", "right": {"Literal": {"Dyn": {"Int": 100}}}}}
    ]
    assert trigger["price_expr"] == {
        "BinaryExpr": {"left": {"Column": "close"}, "op": "Multiply", "right": {"Literal": {"Dyn": {"Float": 2.5}}}}
    }


def test_build_requires_a_base_blueprint(builder: StrategyBuilder) -> None:
    """build() without a base blueprint says which call is missing."""
    with pytest.raises(StrategyError, match=r"no base blueprint: call set_base_blueprint\(\) before build\(\)"):
        builder.build()


def test_blueprint_names_must_be_unique(builder: StrategyBuilder) -> None:
    """Results are keyed by blueprint name, so duplicates are refused."""
    bp = BlueprintBuilder("same", "Long", "Trend")
    builder.set_base_blueprint(bp).add_advanced_blueprint(bp.build())
    with pytest.raises(StrategyError, match=r"blueprint name\(s\) same used more than once"):
        builder.build()


def test_blueprint_inputs_accept_builders_models_and_dicts(builder: StrategyBuilder) -> None:
    """Base and advanced blueprints may be builders, generated models or wire dicts."""
    base = BlueprintBuilder("base", "long", "trend")
    adv_model = BlueprintBuilder("adv1", "Both", "Reversal", entry_first=False).build()
    adv_dict = BlueprintBuilder("adv2", "Short", "Range").to_wire()
    config = builder.set_base_blueprint(base).add_advanced_blueprint(adv_model).add_advanced_blueprint(adv_dict).build()
    assert config.base_blueprint.direction.value == "Long"
    assert [bp.name for bp in config.advanced_blueprints] == ["adv1", "adv2"]  # type: ignore[union-attr]
    assert isinstance(config.base_blueprint, Blueprint)


@pytest.mark.parametrize(
    ("add", "message"),
    [
        (
            lambda b: b.add_entry_trigger("f", [pl.lit(True)], pl.col("open"), "FavorableDelayEntry").add_entry_trigger(
                "a", [pl.lit(True)], pl.col("open"), "AdverseDelayEntry"
            ),
            "mixing FavorableDelayEntry with AdverseDelayEntry",
        ),
        (lambda b: b.add_entry_trigger("x", [pl.lit(True)], pl.col("open"), "StopLoss"), "StopLoss is not an entry"),
        (
            lambda b: b.add_exit_trigger("x", [pl.lit(True)], pl.col("open"), "ImmediateEntry"),
            "use add_entry_trigger()",
        ),
        (
            lambda b: b.add_exit_trigger("x", [pl.lit(True)], pl.col("open"), "Limit"),
            "order_strategy 'Limit' is not allowed",
        ),
        (
            lambda b: b.add_entry_trigger("x", [pl.lit(True)], pl.col("open")).add_exit_trigger(
                "x", [pl.lit(True)], pl.col("open")
            ),
            "a trigger with this name already exists",
        ),
        (lambda b: b.add_entry_trigger("x", ["close > 1"], pl.col("open")), "is not a Polars expression"),
        (
            lambda b: b.add_entry_trigger("x", [pl.lit(True)], pl.col("open"), priority=1.5),
            "priority must be an integer",
        ),
        (lambda b: b.add_entry_trigger("", [pl.lit(True)], pl.col("open")), "must be a non-empty string"),
    ],
)
def test_blueprint_builder_refuses_invalid_triggers(add: Any, message: str) -> None:
    """Mixed delay entries, wrong-side strategies, duplicates and non-expressions are refused."""
    with pytest.raises(StrategyError) as info:
        add(BlueprintBuilder("bp", "Long", "Trend"))
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("a/b", "BTCUSDT", "1h"), "contains '/'"),
        (("ok", "", "1h"), "base_instrument '' must be a non-empty string"),
        (("ok", "BTCUSDT", "hourly"), "base_freq 'hourly' is not allowed"),
    ],
)
def test_strategy_builder_checks_its_arguments(args: tuple[str, str, str], message: str) -> None:
    """Bad names, instruments and frequencies fail at construction."""
    with pytest.raises(StrategyError) as info:
        StrategyBuilder(*args)
    assert message in str(info.value)


def test_blueprint_builder_checks_its_arguments() -> None:
    """Bad directions and trend types list the allowed values."""
    with pytest.raises(StrategyError, match="direction 'up' is not allowed: use one of Both, Long, Short"):
        BlueprintBuilder("bp", "up", "Trend")
    with pytest.raises(StrategyError, match="trend_type 'flat' is not allowed"):
        BlueprintBuilder("bp", "Long", "flat")


def test_volatility_indicator_forms(builder: StrategyBuilder) -> None:
    """A column name, an expression or a ref all become expression JSON."""
    builder.set_base_blueprint(BlueprintBuilder("b", "Long", "Trend"))
    assert builder.set_volatility_indicator("atr_col").build().to_dict()["volatility_indicator"] == {
        "Column": "atr_col"
    }
    vol = builder.set_volatility_indicator(pl.col("a") * 2).build().to_dict()["volatility_indicator"]
    assert deserialise(vol).meta.root_names() == ["a"]


def test_ref_to_spec_is_the_generated_model(builder: StrategyBuilder) -> None:
    """to_spec() gives the generated IndicatorSpec with the same wire form."""
    ref = builder.add_indicator("BollingerBands", period=10, num_std=1)
    assert ref.to_spec().to_dict() == {
        "instrument": "BTCUSDT",
        "freq": "1h",
        "shift": 1,
        "indicator": {"type": "BollingerBands", "period": 10, "num_std": 1.0, "column": "close"},
    }
    assert ref.name == "BTCUSDT_1h_BB|10_1.0"
