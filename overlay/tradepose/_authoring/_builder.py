"""Fluent builders for strategies and blueprints, producing the generated wire models.

    atr = builder.add_indicator("ATR", freq="1D", period=14)          # -> IndicatorRef
    st = builder.add_indicator("SuperTrend", multiplier=3, volatility_column=atr)
    long_bp = (
        BlueprintBuilder("trend_long", "Long", "Trend")
        .add_entry_trigger("st_up", conditions=[st.field("direction") == 1], price_expr=pl.col("open"))
        .add_exit_trigger("st_down", conditions=[st.field("direction") == -1], price_expr=pl.col("open"))
    )
    config = builder.set_volatility_indicator(atr).set_base_blueprint(long_bp).build()

Indicator columns are named as the gateway names them (§5.3, `indicator_column_name`), so an
`IndicatorRef` can hand out `pl.col(name)` and, for struct indicators, `struct.field(...)`.
Polars expressions become the wire's expression JSON through `expr_to_wire`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, Self, TypeAlias

import polars as pl
from tradepose_api.models import (
    Blueprint,
    Freq,
    IndicatorSpec,
    OrderStrategy,
    StrategyConfig,
    TradeDirection,
    TrendType,
)

from .._client._schemas import indicator_column_dtype, indicator_column_name
from ._strategies import (
    INDICATOR_CLASSES,
    IndicatorModel,
    StrategyError,
    check_strategy_name,
    coerce_enum,
    expr_to_wire,
    indicator_defaults,
    validate_indicator_spec,
    validate_strategy_dict,
)

__all__ = ["BlueprintBuilder", "ExprLike", "IndicatorRef", "StrategyBuilder"]

# Client-side factory names of the reference client (§6.4 IndicatorType) -> wire `type`.
_KIND_ALIASES: Final = {
    "atr_quantile": "AtrQuantile",
    "market_profile": "MarketProfile",
    "bollinger_bands": "BollingerBands",
    "raw_ohlcv": "RawOhlcv",
    "supertrend": "SuperTrend",
    **{kind.lower(): kind for kind in INDICATOR_CLASSES},
}
_FLOAT_PARAMS: Final = frozenset({"multiplier", "quantile", "tick_size", "value_area_pct", "num_std"})
_ENTRY_STRATEGIES: Final = frozenset(
    {OrderStrategy.IMMEDIATEENTRY, OrderStrategy.FAVORABLEDELAYENTRY, OrderStrategy.ADVERSEDELAYENTRY}
)
_DELAY_ENTRIES: Final = frozenset({OrderStrategy.FAVORABLEDELAYENTRY, OrderStrategy.ADVERSEDELAYENTRY})


@dataclasses.dataclass(frozen=True, slots=True)
class IndicatorRef:
    """A handle on an indicator added to a `StrategyBuilder`: its result column and its spec.

    `name` is the column the gateway produces (§5.3), e.g. `BTCUSDT_1h_SMA|20.close`;
    `col` is `pl.col(name)`; `field("direction")` reads one field of a struct indicator.
    `str(ref)` is the column name, so a ref can be passed wherever a column name is expected.
    """

    name: str
    spec: Mapping[str, Any] = dataclasses.field(compare=False, repr=False)

    @property
    def kind(self) -> str:
        """The indicator's wire `type`, e.g. `"SuperTrend"`."""
        return str(self.spec["indicator"]["type"])

    @property
    def col(self) -> pl.Expr:
        """`pl.col(name)`: the indicator's column in expressions."""
        return pl.col(self.name)

    @property
    def fields(self) -> tuple[str, ...]:
        """The struct fields this indicator produces (respecting `fields=`), or `()` for a scalar column."""
        dtype = indicator_column_dtype(self.spec["indicator"])
        return tuple(f.name for f in dtype.fields) if isinstance(dtype, pl.Struct) else ()

    def field(self, name: str) -> pl.Expr:
        """`pl.col(name).struct.field(field)` for a struct indicator; `StrategyError` for unknown fields."""
        available = self.fields
        if not available:
            raise StrategyError(f"indicator {self.name!r} is a single column, not a struct: use its .col instead")
        if name not in available:
            raise StrategyError(f"indicator {self.name!r} has no field {name!r}: use one of {', '.join(available)}")
        return pl.col(self.name).struct.field(name)

    def to_spec(self) -> IndicatorSpec:
        """The generated `IndicatorSpec` model of this indicator."""
        return IndicatorSpec.from_dict(_thaw(self.spec))

    def __str__(self) -> str:
        return self.name


ExprLike: TypeAlias = "pl.Expr | IndicatorRef | Mapping[str, Any]"


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_thaw(v) for v in value]
    return value


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _expr_json(value: object, what: str) -> dict[str, Any]:
    if isinstance(value, IndicatorRef):
        return {"Column": value.name}
    if isinstance(value, pl.Expr):
        return expr_to_wire(value, what)
    if isinstance(value, Mapping):
        return dict(value)
    raise StrategyError(f"{what} {value!r} is not a Polars expression: pass a pl.Expr such as pl.col('open')")


def _resolve_kind(type_or_kind: str) -> str:
    kind = _KIND_ALIASES.get(type_or_kind.lower()) if type_or_kind not in INDICATOR_CLASSES else type_or_kind
    if kind is None:
        raise StrategyError(f"{type_or_kind!r} is not an indicator type: use one of {', '.join(INDICATOR_CLASSES)}")
    return kind


class BlueprintBuilder:
    """Builds a generated `Blueprint`: a direction, a trend type and entry/exit triggers (§6.2).

    A blueprint may use FavorableDelayEntry or AdverseDelayEntry entries, not both; entry
    triggers take entry order strategies and exit triggers the others. Trigger names are unique.
    """

    def __init__(
        self,
        name: str,
        direction: TradeDirection | str,
        trend_type: TrendType | str,
        entry_first: bool = True,
        note: str = "",
    ) -> None:
        if not isinstance(name, str) or not name.strip():
            raise StrategyError(f"blueprint name {name!r} must be a non-empty string")
        self.name = name
        # The gateway reads direction and trend type case-insensitively (§6.2).
        self.direction = coerce_enum(TradeDirection, direction, "direction", case_insensitive=True)
        self.trend_type = coerce_enum(TrendType, trend_type, "trend_type", case_insensitive=True)
        if not isinstance(entry_first, bool):
            raise StrategyError(f"blueprint {name!r}: entry_first must be True or False, got {entry_first!r}")
        self.entry_first = entry_first
        self.note = note
        self._entries: list[dict[str, Any]] = []
        self._exits: list[dict[str, Any]] = []

    def add_entry_trigger(
        self,
        name: str,
        conditions: Sequence[ExprLike] | pl.Expr,
        price_expr: ExprLike,
        order_strategy: OrderStrategy | str = OrderStrategy.IMMEDIATEENTRY,
        priority: int = 1,
        note: str | None = None,
    ) -> Self:
        """Add an entry rule; its conditions are ANDed. Lower `priority` wins."""
        self._entries.append(self._trigger(name, conditions, price_expr, order_strategy, priority, note, entry=True))
        return self

    def add_exit_trigger(
        self,
        name: str,
        conditions: Sequence[ExprLike] | pl.Expr,
        price_expr: ExprLike,
        order_strategy: OrderStrategy | str = OrderStrategy.IMMEDIATEEXIT,
        priority: int = 1,
        note: str | None = None,
    ) -> Self:
        """Add an exit rule (ImmediateExit, StopLoss, TakeProfit, TrailingStop, Breakeven, TimeoutExit)."""
        self._exits.append(self._trigger(name, conditions, price_expr, order_strategy, priority, note, entry=False))
        return self

    def _trigger(
        self,
        name: str,
        conditions: Sequence[ExprLike] | pl.Expr,
        price_expr: ExprLike,
        order_strategy: OrderStrategy | str,
        priority: int,
        note: str | None,
        *,
        entry: bool,
    ) -> dict[str, Any]:
        side = "entry" if entry else "exit"
        where = f"blueprint {self.name!r}, {side} trigger {name!r}"
        if not isinstance(name, str) or not name.strip():
            raise StrategyError(f"blueprint {self.name!r}: {side} trigger name {name!r} must be a non-empty string")
        if any(t["name"] == name for t in (*self._entries, *self._exits)):
            raise StrategyError(f"{where}: a trigger with this name already exists: give it a unique name")
        strategy = coerce_enum(OrderStrategy, order_strategy, f"{where}: order_strategy")
        if (strategy in _ENTRY_STRATEGIES) != entry:
            fix = "add_exit_trigger" if entry else "add_entry_trigger"
            raise StrategyError(f"{where}: {strategy.value} is not an {side} order strategy: use {fix}() for it")
        if strategy in _DELAY_ENTRIES:
            (other,) = _DELAY_ENTRIES - {strategy}
            if any(t["order_strategy"] == other.value for t in self._entries):
                raise StrategyError(
                    f"{where}: the blueprint already has a {other.value} trigger and the gateway refuses "
                    f"mixing FavorableDelayEntry with AdverseDelayEntry: use one kind per blueprint"
                )
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise StrategyError(f"{where}: priority must be an integer (lower wins), got {priority!r}")
        items = [conditions] if isinstance(conditions, pl.Expr) else list(conditions)
        return {
            "name": name,
            "order_strategy": strategy.value,
            "priority": priority,
            "note": note,
            "conditions": [_expr_json(c, f"{where}: condition {i}") for i, c in enumerate(items)],
            "price_expr": _expr_json(price_expr, f"{where}: price_expr"),
        }

    def to_wire(self) -> dict[str, Any]:
        """The blueprint's wire JSON."""
        return {
            "name": self.name,
            "direction": self.direction.value,
            "trend_type": self.trend_type.value,
            "entry_first": self.entry_first,
            "note": self.note,
            "entry_triggers": [dict(t) for t in self._entries],
            "exit_triggers": [dict(t) for t in self._exits],
        }

    def build(self) -> Blueprint:
        """The generated `Blueprint` model."""
        return Blueprint.from_dict(self.to_wire())


BlueprintLike: TypeAlias = "Blueprint | BlueprintBuilder | Mapping[str, Any]"


def _blueprint_wire(blueprint: BlueprintLike) -> dict[str, Any]:
    if isinstance(blueprint, BlueprintBuilder):
        return blueprint.to_wire()
    if isinstance(blueprint, Blueprint):
        return blueprint.to_dict()
    if isinstance(blueprint, Mapping):
        return dict(blueprint)
    raise StrategyError(f"{blueprint!r} is not a blueprint: pass a BlueprintBuilder, a Blueprint or its wire dict")


class StrategyBuilder:
    """Builds a validated generated `StrategyConfig` (§6.1).

    Indicators default to the strategy's base instrument and frequency with shift 1, and take
    the §6.3 defaults for parameters left out. `build()` requires a base blueprint.
    """

    def __init__(self, name: str, base_instrument: str, base_freq: Freq | str, note: str = "") -> None:
        self.name = check_strategy_name(name)
        if not isinstance(base_instrument, str) or not base_instrument.strip():
            raise StrategyError(f"strategy {name!r}: base_instrument {base_instrument!r} must be a non-empty string")
        self.base_instrument = base_instrument
        self.base_freq = coerce_enum(Freq, base_freq, f"strategy {name!r}: base_freq")
        self.note = note
        self._indicators: dict[str, IndicatorRef] = {}
        self._volatility: dict[str, Any] | None = None
        self._base: dict[str, Any] | None = None
        self._advanced: list[dict[str, Any]] = []

    @property
    def indicators(self) -> tuple[IndicatorRef, ...]:
        """The indicators added so far, in order."""
        return tuple(self._indicators.values())

    def add_indicator(
        self,
        type_or_kind: str | IndicatorModel,
        *,
        freq: Freq | str | None = None,
        shift: int = 1,
        instrument: str | None = None,
        **params: Any,
    ) -> IndicatorRef:
        """Add an indicator and return its `IndicatorRef`.

        `type_or_kind` is a wire `type` (`"SMA"`, `"AtrQuantile"`, `"SuperTrend"`, ...), a
        reference-client kind (`"sma"`, `"atr_quantile"`, ...), or a generated indicator model
        such as `SMAIndicator(period=20)`. `params` are the indicator's fields; an `IndicatorRef`
        value (e.g. `volatility_column=atr`) is replaced by its column name and added too.
        `instrument` defaults to the base instrument; `instrument=""` leaves it out of the spec,
        and so out of the column name (`1D_ATR|14_s2`). Adding the same indicator twice returns
        the existing ref.
        """
        if isinstance(type_or_kind, str):
            kind = _resolve_kind(type_or_kind)
            given = dict(params)
        elif isinstance(type_or_kind, tuple(INDICATOR_CLASSES.values())):
            model_dict = type_or_kind.to_dict()
            kind = model_dict.pop("type")
            given = {**model_dict, **params}
        else:
            raise StrategyError(
                f"{type_or_kind!r} is not an indicator type: pass a name such as 'SMA' or a generated indicator model"
            )
        for key, value in list(given.items()):
            if isinstance(value, IndicatorRef):
                self._adopt(value)
                given[key] = value.name
            elif key in _FLOAT_PARAMS and isinstance(value, int) and not isinstance(value, bool):
                given[key] = float(value)  # the gateway names columns from the float form, e.g. `ST|3.0x_...`
        spec: dict[str, Any] = {
            "instrument": self.base_instrument if instrument is None else instrument,
            "freq": coerce_enum(Freq, self.base_freq if freq is None else freq, f"strategy {self.name!r}: freq").value,
            "shift": shift,
            "indicator": {"type": kind, **indicator_defaults(kind), **given},
        }
        if spec["instrument"] == "":
            del spec["instrument"]  # the gateway then uses the base instrument but leaves it out of the name
        checked = validate_indicator_spec(spec, f"strategy {self.name!r}: {kind} indicator")
        return self._adopt(IndicatorRef(indicator_column_name(checked), _freeze(checked)))

    def _adopt(self, ref: IndicatorRef) -> IndicatorRef:
        existing = self._indicators.get(ref.name)
        if existing is None:
            self._indicators[ref.name] = ref
            return ref
        if _thaw(existing.spec) != _thaw(ref.spec):
            raise StrategyError(
                f"strategy {self.name!r}: indicator column {ref.name!r} is already defined with other "
                f"parameters ({_thaw(existing.spec)['indicator']}): two specs cannot share one column"
            )
        return existing

    def set_volatility_indicator(self, ref_or_expr: IndicatorRef | pl.Expr | str) -> Self:
        """Set the volatility column (typically an ATR): a ref, an expression, or a column name."""
        if isinstance(ref_or_expr, IndicatorRef):
            self._adopt(ref_or_expr)
            self._volatility = {"Column": ref_or_expr.name}
        elif isinstance(ref_or_expr, str):
            self._volatility = {"Column": ref_or_expr}
        else:
            self._volatility = _expr_json(ref_or_expr, f"strategy {self.name!r}: volatility indicator")
        return self

    def set_base_blueprint(self, blueprint: BlueprintLike) -> Self:
        """Set the base blueprint (required)."""
        self._base = _blueprint_wire(blueprint)
        return self

    def add_advanced_blueprint(self, blueprint: BlueprintLike) -> Self:
        """Add an advanced blueprint; blueprint names must be unique within the strategy."""
        self._advanced.append(_blueprint_wire(blueprint))
        return self

    def _wire(self, *, indicators: list[dict[str, Any]], base: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": self.name,
            "base_instrument": self.base_instrument,
            "base_freq": self.base_freq.value,
            "note": self.note,
            "volatility_indicator": self._volatility,
            "indicators": indicators,
            "base_blueprint": base,
            "advanced_blueprints": list(self._advanced),
        }

    def to_wire(self) -> dict[str, Any]:
        """The validated wire JSON of the strategy (what `build().to_dict()` gives)."""
        if self._base is None:
            raise StrategyError(
                f"strategy {self.name!r} has no base blueprint: call set_base_blueprint() before build()"
            )
        names = [bp.get("name") for bp in (self._base, *self._advanced)]
        duplicates = sorted({str(n) for n in names if names.count(n) > 1})
        if duplicates:
            raise StrategyError(
                f"strategy {self.name!r}: blueprint name(s) {', '.join(duplicates)} used more than once: "
                f"results are keyed by blueprint name, so rename them"
            )
        wire = self._wire(indicators=[_thaw(ref.spec) for ref in self._indicators.values()], base=self._base)
        return validate_strategy_dict(wire)

    def build(self) -> StrategyConfig:
        """The generated `StrategyConfig`, validated like `load_strategies` input."""
        return StrategyConfig.from_dict(self.to_wire())
