from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.freq import Freq
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.blueprint import Blueprint
    from ..models.indicator_spec import IndicatorSpec
    from ..models.polars_expr import PolarsExpr


T = TypeVar("T", bound="StrategyConfig")


@_attrs_define
class StrategyConfig:
    """A complete strategy: instrument, indicators and blueprints.

    Attributes:
        name (str):
        base_instrument (str):
        base_freq (Freq): Bar frequency.
        base_blueprint (Blueprint): A set of entry and exit triggers.
        id (None | Unset | UUID): Filled in when the strategy is stored.
        base_instrument_id (int | None | Unset): Filled in by the gateway.
        note (str | Unset):  Default: ''.
        volatility_indicator (None | PolarsExpr | Unset): Expression for the volatility column, usually {"Column":
            name}.
        indicators (list[IndicatorSpec] | Unset):
        advanced_blueprints (list[Blueprint] | Unset):
    """

    name: str
    base_instrument: str
    base_freq: Freq
    base_blueprint: Blueprint
    id: None | Unset | UUID = UNSET
    base_instrument_id: int | None | Unset = UNSET
    note: str | Unset = ""
    volatility_indicator: None | PolarsExpr | Unset = UNSET
    indicators: list[IndicatorSpec] | Unset = UNSET
    advanced_blueprints: list[Blueprint] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.polars_expr import PolarsExpr  # noqa: PLC0415

        name = self.name

        base_instrument = self.base_instrument

        base_freq = self.base_freq.value

        base_blueprint = self.base_blueprint.to_dict()

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        base_instrument_id: int | None | Unset
        if isinstance(self.base_instrument_id, Unset):
            base_instrument_id = UNSET
        else:
            base_instrument_id = self.base_instrument_id

        note = self.note

        volatility_indicator: dict[str, Any] | None | Unset
        if isinstance(self.volatility_indicator, Unset):
            volatility_indicator = UNSET
        elif isinstance(self.volatility_indicator, PolarsExpr):
            volatility_indicator = self.volatility_indicator.to_dict()
        else:
            volatility_indicator = self.volatility_indicator

        indicators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicators, Unset):
            indicators = []
            for indicators_item_data in self.indicators:
                indicators_item = indicators_item_data.to_dict()
                indicators.append(indicators_item)

        advanced_blueprints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.advanced_blueprints, Unset):
            advanced_blueprints = []
            for advanced_blueprints_item_data in self.advanced_blueprints:
                advanced_blueprints_item = advanced_blueprints_item_data.to_dict()
                advanced_blueprints.append(advanced_blueprints_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "base_instrument": base_instrument,
                "base_freq": base_freq,
                "base_blueprint": base_blueprint,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if base_instrument_id is not UNSET:
            field_dict["base_instrument_id"] = base_instrument_id
        if note is not UNSET:
            field_dict["note"] = note
        if volatility_indicator is not UNSET:
            field_dict["volatility_indicator"] = volatility_indicator
        if indicators is not UNSET:
            field_dict["indicators"] = indicators
        if advanced_blueprints is not UNSET:
            field_dict["advanced_blueprints"] = advanced_blueprints

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blueprint import Blueprint  # noqa: PLC0415
        from ..models.indicator_spec import IndicatorSpec  # noqa: PLC0415
        from ..models.polars_expr import PolarsExpr  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        base_instrument = d.pop("base_instrument")

        base_freq = Freq(d.pop("base_freq"))

        base_blueprint = Blueprint.from_dict(d.pop("base_blueprint"))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_base_instrument_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        base_instrument_id = _parse_base_instrument_id(
            d.pop("base_instrument_id", UNSET)
        )

        note = d.pop("note", UNSET)

        def _parse_volatility_indicator(data: object) -> None | PolarsExpr | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                volatility_indicator_type_0 = PolarsExpr.from_dict(data)

                return volatility_indicator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PolarsExpr | Unset, data)

        volatility_indicator = _parse_volatility_indicator(
            d.pop("volatility_indicator", UNSET)
        )

        _indicators = d.pop("indicators", UNSET)
        indicators: list[IndicatorSpec] | Unset = UNSET
        if _indicators is not UNSET:
            indicators = []
            for indicators_item_data in _indicators:
                indicators_item = IndicatorSpec.from_dict(indicators_item_data)

                indicators.append(indicators_item)

        _advanced_blueprints = d.pop("advanced_blueprints", UNSET)
        advanced_blueprints: list[Blueprint] | Unset = UNSET
        if _advanced_blueprints is not UNSET:
            advanced_blueprints = []
            for advanced_blueprints_item_data in _advanced_blueprints:
                advanced_blueprints_item = Blueprint.from_dict(
                    advanced_blueprints_item_data
                )

                advanced_blueprints.append(advanced_blueprints_item)

        strategy_config = cls(
            name=name,
            base_instrument=base_instrument,
            base_freq=base_freq,
            base_blueprint=base_blueprint,
            id=id,
            base_instrument_id=base_instrument_id,
            note=note,
            volatility_indicator=volatility_indicator,
            indicators=indicators,
            advanced_blueprints=advanced_blueprints,
        )

        strategy_config.additional_properties = d
        return strategy_config

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
