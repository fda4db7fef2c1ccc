"""Strategy checks: the wire JSON of a strategy or indicator, validated field by field.

Validation happens on the wire JSON (§6.1-§6.4 of `docs/gateway-api.md`), so every message can say
where the problem is, e.g.
`strategy 'ma_cross' (item 2): base_blueprint.entry_triggers[0]: missing required field 'price_expr'`.
"""

from __future__ import annotations

import copy
import json
import math
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeAlias, TypeVar

import attrs
import polars as pl
from tradepose_api.models import (
    ADXIndicator,
    ATRIndicator,
    ATRQuantileIndicator,
    BollingerBandsIndicator,
    CCIIndicator,
    EMAIndicator,
    Freq,
    MACDIndicator,
    MarketProfileIndicator,
    OrderStrategy,
    RawOhlcvIndicator,
    RSIIndicator,
    SMAIndicator,
    SMMAIndicator,
    StochasticIndicator,
    SuperTrendIndicator,
    TradeDirection,
    TrendType,
    WMAIndicator,
)
from tradepose_api.types import Unset

from .._errors import StrategyError

__all__ = [
    "INDICATOR_CLASSES",
    "IndicatorModel",
    "StrategyError",
    "check_strategy_name",
    "coerce_enum",
    "expr_to_wire",
    "indicator_defaults",
    "validate_indicator_spec",
    "validate_strategy_dict",
]


_E = TypeVar("_E", Freq, OrderStrategy, TradeDirection, TrendType)

IndicatorModel: TypeAlias = (
    SMAIndicator
    | EMAIndicator
    | SMMAIndicator
    | WMAIndicator
    | ATRIndicator
    | ATRQuantileIndicator
    | SuperTrendIndicator
    | MACDIndicator
    | ADXIndicator
    | RSIIndicator
    | CCIIndicator
    | StochasticIndicator
    | BollingerBandsIndicator
    | MarketProfileIndicator
    | RawOhlcvIndicator
)
"""Any generated indicator config model (the `indicator` object of an IndicatorSpec)."""

INDICATOR_CLASSES: Final[dict[str, type[IndicatorModel]]] = {
    "SMA": SMAIndicator,
    "EMA": EMAIndicator,
    "SMMA": SMMAIndicator,
    "WMA": WMAIndicator,
    "ATR": ATRIndicator,
    "AtrQuantile": ATRQuantileIndicator,
    "SuperTrend": SuperTrendIndicator,
    "MACD": MACDIndicator,
    "ADX": ADXIndicator,
    "RSI": RSIIndicator,
    "CCI": CCIIndicator,
    "Stochastic": StochasticIndicator,
    "BollingerBands": BollingerBandsIndicator,
    "MarketProfile": MarketProfileIndicator,
    "RawOhlcv": RawOhlcvIndicator,
}
"""The generated indicator model for each wire `type` value (§6.3)."""

_OHLCV: Final = ("open", "high", "low", "close", "volume")
_POSITIVE_INTS: Final = frozenset(
    {"period", "window", "fast_period", "slow_period", "signal_period", "k_period", "d_period"}
)
_POSITIVE_FLOATS: Final = frozenset({"multiplier", "tick_size", "num_std"})
_UNIT_INTERVAL: Final = frozenset({"quantile", "value_area_pct"})
_NON_EMPTY_STRINGS: Final = frozenset({"atr_column", "volatility_column"})
_DELAY_ENTRIES: Final = frozenset({OrderStrategy.FAVORABLEDELAYENTRY.value, OrderStrategy.ADVERSEDELAYENTRY.value})
# Direction and trend type are case-insensitive on the gateway; the generated enums are not.
_CASE_INSENSITIVE_ENUMS: Final = frozenset({"direction", "trend_type"})


def _wire_name(attribute: str) -> str:
    return attribute[:-1] if attribute.endswith("_") else attribute


def _required_fields(cls: type[IndicatorModel]) -> list[str]:
    return [
        _wire_name(f.name)
        for f in attrs.fields(cls)
        if f.default is attrs.NOTHING and f.name != "additional_properties"
    ]


def indicator_defaults(kind: str) -> dict[str, Any]:
    """The §6.3 default parameters of indicator `kind` (its wire `type`), e.g. `{"column": "close"}` for SMA."""
    cls = INDICATOR_CLASSES[kind]
    return {
        _wire_name(f.name): f.default
        for f in attrs.fields(cls)
        if f.name not in ("type_", "additional_properties")
        and f.default is not attrs.NOTHING
        and not isinstance(f.default, Unset)
    }


def coerce_enum(enum: type[_E], value: object, what: str, *, case_insensitive: bool = False) -> _E:
    """Turn `value` into `enum`, or raise `StrategyError` listing the allowed values."""
    if isinstance(value, enum):
        return value
    allowed = [member.value for member in enum]
    if isinstance(value, str):
        if value in allowed:
            return enum(value)
        if case_insensitive:
            for member in enum:
                if member.value.lower() == value.lower():
                    return member
    raise StrategyError(f"{what} {value!r} is not allowed: use one of {', '.join(allowed)}")


def check_strategy_name(name: object, where: str = "strategy") -> str:
    """Return `name` if it can later become a file name, else raise `StrategyError` saying why."""
    if not isinstance(name, str) or not name.strip():
        raise StrategyError(f"{where}: name {name!r} must be a non-empty string: give the strategy a name")
    bad = [repr(part) for part in ("/", "\\", "..") if part in name]
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        bad.append("a control character")
    if bad:
        raise StrategyError(
            f"{where}: name {name!r} contains {' and '.join(bad)}: names become file names, "
            f"so use letters, digits, spaces, '-', '_' or single '.' instead"
        )
    return name


def expr_to_wire(expr: pl.Expr, what: str = "expression") -> dict[str, Any]:
    """Serialise a Polars expression into the gateway's expression JSON (§6.2), as a dict.

    Uses `Expr.meta.serialize(format="json")`. Polars may flag that format as unstable across
    versions; that warning is expected here (the gateway pins the format) and is silenced only
    around this call. Python UDFs cannot be sent and raise `StrategyError`.
    """
    if not isinstance(expr, pl.Expr):
        raise StrategyError(f"{what} {expr!r} is not a Polars expression: build it with pl.col(...)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.exceptions.UnstableWarning)
        try:
            text = expr.meta.serialize(format="json")
        except pl.exceptions.PolarsError as exc:
            raise StrategyError(
                f"{what} {expr} cannot be serialised for the gateway ({exc}): "
                f"use built-in Polars expressions, not Python functions"
            ) from exc
    parsed = json.loads(text)
    if not isinstance(parsed, dict):
        raise StrategyError(f"{what} {expr} serialised to {type(parsed).__name__}, not a JSON object")
    if '"AnonymousFunction"' in text:  # a pickled Python callable (when cloudpickle is installed)
        raise StrategyError(
            f"{what} {expr} contains a Python function, which the gateway cannot run: "
            f"use built-in Polars expressions, not Python functions"
        )
    return parsed


class _Checker:
    """Walks one strategy's wire dict, normalising enums in place and failing with a located message."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, path: str, problem: str) -> StrategyError:
        where = f"{self.label}: {path}" if path else self.label
        return StrategyError(f"{where}: {problem}")

    def mapping(self, value: object, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a JSON object, got {type(value).__name__}")
        return value

    def required(self, obj: dict[str, Any], keys: Iterable[str], path: str) -> None:
        for key in keys:
            if key not in obj or obj[key] is None:
                raise self.fail(
                    path, f"missing required field {key!r}: add it (see StrategyBuilder for a complete strategy)"
                )

    def string(self, obj: dict[str, Any], key: str, path: str, *, optional: bool = False) -> None:
        if optional and obj.get(key) is None:
            return
        if not isinstance(obj.get(key), str):
            raise self.fail(_join(path, key), f"expected a string, got {obj.get(key)!r}")

    def list_of(self, obj: dict[str, Any], key: str, path: str) -> list[Any]:
        value = obj.get(key)
        if not isinstance(value, list):
            raise self.fail(_join(path, key), f"expected a list, got {type(value).__name__}")
        return value

    def optional_list(self, obj: dict[str, Any], key: str) -> list[Any]:
        return [] if obj.get(key) is None else self.list_of(obj, key, "")

    def enum(self, obj: dict[str, Any], key: str, enum: type[_E], path: str) -> None:
        try:
            obj[key] = coerce_enum(enum, obj[key], key, case_insensitive=key in _CASE_INSENSITIVE_ENUMS).value
        except StrategyError as exc:
            raise self.fail(path, str(exc)) from None

    def expr(self, obj: dict[str, Any], key: str, path: str) -> None:
        obj[key] = self._expr(obj[key], _join(path, key))

    def _expr(self, value: object, path: str) -> object:
        if isinstance(value, pl.Expr):
            return expr_to_wire(value, path)
        if isinstance(value, dict) and len(value) == 1:
            return value
        if isinstance(value, str):
            # The gateway accepts an expression serialised into a JSON string; keep such strings as sent.
            try:
                decoded = json.loads(value)
            except ValueError:
                decoded = None
            if isinstance(decoded, dict) and len(decoded) == 1:
                return value
        raise self.fail(
            path,
            f"{value!r} is not a Polars expression in JSON form: pass a pl.Expr or its "
            f'serialised JSON object such as {{"Column": "close"}}',
        )

    def strategy(self, d: dict[str, Any]) -> None:
        self.required(d, ("name", "base_instrument", "base_freq", "base_blueprint"), "")
        check_strategy_name(d["name"], self.label)
        self.string(d, "base_instrument", "")
        self.string(d, "note", "", optional=True)
        self.enum(d, "base_freq", Freq, "")
        vol = d.get("volatility_indicator")
        if isinstance(vol, str) and not vol.lstrip().startswith("{"):
            # A bare column name fails on the gateway (§6.1); it means {"Column": name}.
            d["volatility_indicator"] = {"Column": vol}
        elif vol is not None:
            self.expr(d, "volatility_indicator", "")
        for i, spec in enumerate(self.optional_list(d, "indicators")):
            self.indicator_spec(spec, f"indicators[{i}]")
        self.blueprint(d["base_blueprint"], "base_blueprint")
        for i, blueprint in enumerate(self.optional_list(d, "advanced_blueprints")):
            self.blueprint(blueprint, f"advanced_blueprints[{i}]")

    def blueprint(self, value: object, path: str) -> None:
        bp = self.mapping(value, path)
        self.required(bp, ("name", "direction", "trend_type", "entry_first", "entry_triggers", "exit_triggers"), path)
        self.string(bp, "name", path)
        self.string(bp, "note", path, optional=True)
        self.enum(bp, "direction", TradeDirection, path)
        self.enum(bp, "trend_type", TrendType, path)
        if not isinstance(bp["entry_first"], bool):
            raise self.fail(_join(path, "entry_first"), f"expected true or false, got {bp['entry_first']!r}")
        for side in ("entry_triggers", "exit_triggers"):
            for i, trigger in enumerate(self.list_of(bp, side, path)):
                self.trigger(trigger, f"{path}.{side}[{i}]")
        delays = {t["order_strategy"] for t in bp["entry_triggers"]} & _DELAY_ENTRIES
        if len(delays) > 1:
            raise self.fail(
                _join(path, "entry_triggers"),
                "mixes FavorableDelayEntry and AdverseDelayEntry, which the gateway refuses: "
                "keep one kind of delayed entry per blueprint",
            )

    def trigger(self, value: object, path: str) -> None:
        trigger = self.mapping(value, path)
        self.required(trigger, ("name", "order_strategy", "priority", "conditions", "price_expr"), path)
        self.string(trigger, "name", path)
        self.string(trigger, "note", path, optional=True)
        self.enum(trigger, "order_strategy", OrderStrategy, path)
        if isinstance(trigger["priority"], bool) or not isinstance(trigger["priority"], int):
            raise self.fail(_join(path, "priority"), f"expected an integer, got {trigger['priority']!r}")
        conditions = self.list_of(trigger, "conditions", path)
        trigger["conditions"] = [self._expr(c, f"{path}.conditions[{i}]") for i, c in enumerate(conditions)]
        self.expr(trigger, "price_expr", path)

    def indicator_spec(self, value: object, path: str) -> None:
        spec = self.mapping(value, path)
        self.required(spec, ("freq", "indicator"), path)
        self.enum(spec, "freq", Freq, path)
        self.string(spec, "instrument", path, optional=True)
        shift = spec.get("shift", 1)
        if isinstance(shift, bool) or not isinstance(shift, int) or shift < 0:
            raise self.fail(_join(path, "shift"), f"expected a non-negative integer, got {shift!r}")
        self.indicator(spec["indicator"], _join(path, "indicator"))

    def indicator(self, value: object, path: str) -> None:
        ind = self.mapping(value, path)
        kind = ind.get("type")
        if kind not in INDICATOR_CLASSES:
            raise self.fail(
                _join(path, "type"), f"{kind!r} is not an indicator type: use one of {', '.join(INDICATOR_CLASSES)}"
            )
        self.required(ind, _required_fields(INDICATOR_CLASSES[kind]), path)
        for key, param in ind.items():
            problem = _parameter_problem(kind, key, param)
            if problem:
                raise self.fail(_join(path, key), problem)


def _parameter_problem(kind: str, key: str, value: object) -> str | None:
    is_number = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if key in _POSITIVE_INTS and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
        return f"expected a positive integer, got {value!r}"
    if key in _POSITIVE_FLOATS and not (is_number and value > 0):  # type: ignore[operator]
        return f"expected a positive number, got {value!r}"
    if key in _UNIT_INTERVAL and not (is_number and 0 < value < 1):  # type: ignore[operator]
        return f"expected a number strictly between 0 and 1, got {value!r}"
    if key in _NON_EMPTY_STRINGS and not (isinstance(value, str) and value):
        return f"expected an indicator column name, got {value!r}"
    if key == "column" and value not in _OHLCV:
        return f"{value!r} is not a price column: use one of {', '.join(_OHLCV)}"
    if key == "fields" and value is not None and not (isinstance(value, list) and value):
        return f"expected a non-empty list of {kind} field names or null, got {value!r}"
    return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def validate_strategy_dict(data: object, origin: str | None = None) -> dict[str, Any]:
    """Check one wire-format strategy dict and return a normalised deep copy.

    Normalisation: `pl.Expr` values become expression JSON, direction/trend type are capitalised,
    a bare volatility column name becomes `{"Column": name}`. Unknown extra keys are kept.
    Raises `StrategyError` naming the strategy (and `origin`, e.g. a file name) and the field.
    """
    suffix = f" ({origin})" if origin else ""
    if not isinstance(data, Mapping):
        raise StrategyError(f"strategy{suffix}: expected a strategy object, got {type(data).__name__}")
    copied: dict[str, Any] = copy.deepcopy(dict(data))
    name = copied.get("name")
    label = f"strategy {name!r}{suffix}" if isinstance(name, str) and name else f"strategy{suffix}"
    _Checker(label).strategy(copied)
    try:
        json.dumps(copied, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StrategyError(f"{label}: cannot be sent as JSON ({exc})") from None
    return copied


def validate_indicator_spec(data: object, label: str = "indicator") -> dict[str, Any]:
    """Check one wire-format IndicatorSpec dict on its own and return a normalised deep copy."""
    copied = copy.deepcopy(data)
    _Checker(label).indicator_spec(copied, "")
    return copied  # type: ignore[return-value]  # indicator_spec() proved it is a dict
