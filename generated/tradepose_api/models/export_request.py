from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.export_type import ExportType
from ..models.persist_mode import PersistMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.indicator_spec import IndicatorSpec
    from ..models.strategy_config import StrategyConfig


T = TypeVar("T", bound="ExportRequest")


@_attrs_define
class ExportRequest:
    """Starts an asynchronous export task.

    Attributes:
        strategy_configs (list[StrategyConfig]):
        export_type (ExportType): What an export task produces, sent as an integer.
        persist_mode (PersistMode | Unset): Where results are kept: 0 in Redis only (time-limited), 1 also in the
            PostgreSQL trades table.
        start_date (None | str | Unset): `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
        end_date (None | str | Unset): `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
        strategy_ids (list[str] | None | Unset): Restrict to these strategies; all when absent.
        strategy_name (None | str | Unset): Enhanced OHLCV: the strategy to expand.
        blueprint_name (None | str | Unset): Enhanced OHLCV: the blueprint (default: the base blueprint).
        base_instrument (None | str | Unset): On-demand OHLCV: the instrument.
        base_freq (None | str | Unset): On-demand OHLCV: a Freq value.
        indicator_specs (list[IndicatorSpec] | None | Unset): On-demand OHLCV: the indicators.
        trade_count (int | None | Unset): Latest trades: trades per (strategy, blueprint).
    """

    strategy_configs: list[StrategyConfig]
    export_type: ExportType
    persist_mode: PersistMode | Unset = UNSET
    start_date: None | str | Unset = UNSET
    end_date: None | str | Unset = UNSET
    strategy_ids: list[str] | None | Unset = UNSET
    strategy_name: None | str | Unset = UNSET
    blueprint_name: None | str | Unset = UNSET
    base_instrument: None | str | Unset = UNSET
    base_freq: None | str | Unset = UNSET
    indicator_specs: list[IndicatorSpec] | None | Unset = UNSET
    trade_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy_configs = []
        for strategy_configs_item_data in self.strategy_configs:
            strategy_configs_item = strategy_configs_item_data.to_dict()
            strategy_configs.append(strategy_configs_item)

        export_type = self.export_type.value

        persist_mode: int | Unset = UNSET
        if not isinstance(self.persist_mode, Unset):
            persist_mode = self.persist_mode.value

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        else:
            end_date = self.end_date

        strategy_ids: list[str] | None | Unset
        if isinstance(self.strategy_ids, Unset):
            strategy_ids = UNSET
        elif isinstance(self.strategy_ids, list):
            strategy_ids = self.strategy_ids

        else:
            strategy_ids = self.strategy_ids

        strategy_name: None | str | Unset
        if isinstance(self.strategy_name, Unset):
            strategy_name = UNSET
        else:
            strategy_name = self.strategy_name

        blueprint_name: None | str | Unset
        if isinstance(self.blueprint_name, Unset):
            blueprint_name = UNSET
        else:
            blueprint_name = self.blueprint_name

        base_instrument: None | str | Unset
        if isinstance(self.base_instrument, Unset):
            base_instrument = UNSET
        else:
            base_instrument = self.base_instrument

        base_freq: None | str | Unset
        if isinstance(self.base_freq, Unset):
            base_freq = UNSET
        else:
            base_freq = self.base_freq

        indicator_specs: list[dict[str, Any]] | None | Unset
        if isinstance(self.indicator_specs, Unset):
            indicator_specs = UNSET
        elif isinstance(self.indicator_specs, list):
            indicator_specs = []
            for indicator_specs_type_0_item_data in self.indicator_specs:
                indicator_specs_type_0_item = indicator_specs_type_0_item_data.to_dict()
                indicator_specs.append(indicator_specs_type_0_item)

        else:
            indicator_specs = self.indicator_specs

        trade_count: int | None | Unset
        if isinstance(self.trade_count, Unset):
            trade_count = UNSET
        else:
            trade_count = self.trade_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy_configs": strategy_configs,
                "export_type": export_type,
            }
        )
        if persist_mode is not UNSET:
            field_dict["persist_mode"] = persist_mode
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if strategy_ids is not UNSET:
            field_dict["strategy_ids"] = strategy_ids
        if strategy_name is not UNSET:
            field_dict["strategy_name"] = strategy_name
        if blueprint_name is not UNSET:
            field_dict["blueprint_name"] = blueprint_name
        if base_instrument is not UNSET:
            field_dict["base_instrument"] = base_instrument
        if base_freq is not UNSET:
            field_dict["base_freq"] = base_freq
        if indicator_specs is not UNSET:
            field_dict["indicator_specs"] = indicator_specs
        if trade_count is not UNSET:
            field_dict["trade_count"] = trade_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_spec import IndicatorSpec  # noqa: PLC0415
        from ..models.strategy_config import StrategyConfig  # noqa: PLC0415

        d = dict(src_dict)
        strategy_configs = []
        _strategy_configs = d.pop("strategy_configs")
        for strategy_configs_item_data in _strategy_configs:
            strategy_configs_item = StrategyConfig.from_dict(strategy_configs_item_data)

            strategy_configs.append(strategy_configs_item)

        export_type = ExportType(d.pop("export_type"))

        _persist_mode = d.pop("persist_mode", UNSET)
        persist_mode: PersistMode | Unset
        if isinstance(_persist_mode, Unset):
            persist_mode = UNSET
        else:
            persist_mode = PersistMode(_persist_mode)

        def _parse_start_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_strategy_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                strategy_ids_type_0 = cast(list[str], data)

                return strategy_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        strategy_ids = _parse_strategy_ids(d.pop("strategy_ids", UNSET))

        def _parse_strategy_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strategy_name = _parse_strategy_name(d.pop("strategy_name", UNSET))

        def _parse_blueprint_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blueprint_name = _parse_blueprint_name(d.pop("blueprint_name", UNSET))

        def _parse_base_instrument(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_instrument = _parse_base_instrument(d.pop("base_instrument", UNSET))

        def _parse_base_freq(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_freq = _parse_base_freq(d.pop("base_freq", UNSET))

        def _parse_indicator_specs(data: object) -> list[IndicatorSpec] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                indicator_specs_type_0 = []
                _indicator_specs_type_0 = data
                for indicator_specs_type_0_item_data in _indicator_specs_type_0:
                    indicator_specs_type_0_item = IndicatorSpec.from_dict(
                        indicator_specs_type_0_item_data
                    )

                    indicator_specs_type_0.append(indicator_specs_type_0_item)

                return indicator_specs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IndicatorSpec] | None | Unset, data)

        indicator_specs = _parse_indicator_specs(d.pop("indicator_specs", UNSET))

        def _parse_trade_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trade_count = _parse_trade_count(d.pop("trade_count", UNSET))

        export_request = cls(
            strategy_configs=strategy_configs,
            export_type=export_type,
            persist_mode=persist_mode,
            start_date=start_date,
            end_date=end_date,
            strategy_ids=strategy_ids,
            strategy_name=strategy_name,
            blueprint_name=blueprint_name,
            base_instrument=base_instrument,
            base_freq=base_freq,
            indicator_specs=indicator_specs,
            trade_count=trade_count,
        )

        export_request.additional_properties = d
        return export_request

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
