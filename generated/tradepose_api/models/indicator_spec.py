from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.freq import Freq
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adx_indicator import ADXIndicator
    from ..models.atr_indicator import ATRIndicator
    from ..models.atr_quantile_indicator import ATRQuantileIndicator
    from ..models.bollinger_bands_indicator import BollingerBandsIndicator
    from ..models.cci_indicator import CCIIndicator
    from ..models.ema_indicator import EMAIndicator
    from ..models.macd_indicator import MACDIndicator
    from ..models.market_profile_indicator import MarketProfileIndicator
    from ..models.raw_ohlcv_indicator import RawOhlcvIndicator
    from ..models.rsi_indicator import RSIIndicator
    from ..models.sma_indicator import SMAIndicator
    from ..models.smma_indicator import SMMAIndicator
    from ..models.stochastic_indicator import StochasticIndicator
    from ..models.super_trend_indicator import SuperTrendIndicator
    from ..models.wma_indicator import WMAIndicator


T = TypeVar("T", bound="IndicatorSpec")


@_attrs_define
class IndicatorSpec:
    """An indicator computed on an instrument and frequency; its column is `{instrument}_{freq}_{short_name}`.

    Attributes:
        freq (Freq): Bar frequency.
        indicator (ADXIndicator | ATRIndicator | ATRQuantileIndicator | BollingerBandsIndicator | CCIIndicator |
            EMAIndicator | MACDIndicator | MarketProfileIndicator | RawOhlcvIndicator | RSIIndicator | SMAIndicator |
            SMMAIndicator | StochasticIndicator | SuperTrendIndicator | WMAIndicator):
        instrument (None | str | Unset): Instrument; the strategy's base instrument when absent.
        instrument_id (int | None | Unset): Filled in by the gateway.
        shift (int | Unset): Bars to shift; `_s{shift}` is appended to the column name when not 1. Default: 1.
    """

    freq: Freq
    indicator: (
        ADXIndicator
        | ATRIndicator
        | ATRQuantileIndicator
        | BollingerBandsIndicator
        | CCIIndicator
        | EMAIndicator
        | MACDIndicator
        | MarketProfileIndicator
        | RawOhlcvIndicator
        | RSIIndicator
        | SMAIndicator
        | SMMAIndicator
        | StochasticIndicator
        | SuperTrendIndicator
        | WMAIndicator
    )
    instrument: None | str | Unset = UNSET
    instrument_id: int | None | Unset = UNSET
    shift: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.adx_indicator import ADXIndicator  # noqa: PLC0415
        from ..models.atr_indicator import ATRIndicator  # noqa: PLC0415
        from ..models.atr_quantile_indicator import ATRQuantileIndicator  # noqa: PLC0415
        from ..models.bollinger_bands_indicator import BollingerBandsIndicator  # noqa: PLC0415
        from ..models.cci_indicator import CCIIndicator  # noqa: PLC0415
        from ..models.ema_indicator import EMAIndicator  # noqa: PLC0415
        from ..models.macd_indicator import MACDIndicator  # noqa: PLC0415
        from ..models.market_profile_indicator import MarketProfileIndicator  # noqa: PLC0415
        from ..models.rsi_indicator import RSIIndicator  # noqa: PLC0415
        from ..models.sma_indicator import SMAIndicator  # noqa: PLC0415
        from ..models.smma_indicator import SMMAIndicator  # noqa: PLC0415
        from ..models.stochastic_indicator import StochasticIndicator  # noqa: PLC0415
        from ..models.super_trend_indicator import SuperTrendIndicator  # noqa: PLC0415
        from ..models.wma_indicator import WMAIndicator  # noqa: PLC0415

        freq = self.freq.value

        indicator: dict[str, Any]
        if isinstance(self.indicator, SMAIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, EMAIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, SMMAIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, WMAIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, ATRIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, ATRQuantileIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, SuperTrendIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, MACDIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, ADXIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, RSIIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, CCIIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, StochasticIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, BollingerBandsIndicator):
            indicator = self.indicator.to_dict()
        elif isinstance(self.indicator, MarketProfileIndicator):
            indicator = self.indicator.to_dict()
        else:
            indicator = self.indicator.to_dict()

        instrument: None | str | Unset
        if isinstance(self.instrument, Unset):
            instrument = UNSET
        else:
            instrument = self.instrument

        instrument_id: int | None | Unset
        if isinstance(self.instrument_id, Unset):
            instrument_id = UNSET
        else:
            instrument_id = self.instrument_id

        shift = self.shift

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "freq": freq,
                "indicator": indicator,
            }
        )
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if instrument_id is not UNSET:
            field_dict["instrument_id"] = instrument_id
        if shift is not UNSET:
            field_dict["shift"] = shift

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adx_indicator import ADXIndicator  # noqa: PLC0415
        from ..models.atr_indicator import ATRIndicator  # noqa: PLC0415
        from ..models.atr_quantile_indicator import ATRQuantileIndicator  # noqa: PLC0415
        from ..models.bollinger_bands_indicator import BollingerBandsIndicator  # noqa: PLC0415
        from ..models.cci_indicator import CCIIndicator  # noqa: PLC0415
        from ..models.ema_indicator import EMAIndicator  # noqa: PLC0415
        from ..models.macd_indicator import MACDIndicator  # noqa: PLC0415
        from ..models.market_profile_indicator import MarketProfileIndicator  # noqa: PLC0415
        from ..models.raw_ohlcv_indicator import RawOhlcvIndicator  # noqa: PLC0415
        from ..models.rsi_indicator import RSIIndicator  # noqa: PLC0415
        from ..models.sma_indicator import SMAIndicator  # noqa: PLC0415
        from ..models.smma_indicator import SMMAIndicator  # noqa: PLC0415
        from ..models.stochastic_indicator import StochasticIndicator  # noqa: PLC0415
        from ..models.super_trend_indicator import SuperTrendIndicator  # noqa: PLC0415
        from ..models.wma_indicator import WMAIndicator  # noqa: PLC0415

        d = dict(src_dict)
        freq = Freq(d.pop("freq"))

        def _parse_indicator(
            data: object,
        ) -> (
            ADXIndicator
            | ATRIndicator
            | ATRQuantileIndicator
            | BollingerBandsIndicator
            | CCIIndicator
            | EMAIndicator
            | MACDIndicator
            | MarketProfileIndicator
            | RawOhlcvIndicator
            | RSIIndicator
            | SMAIndicator
            | SMMAIndicator
            | StochasticIndicator
            | SuperTrendIndicator
            | WMAIndicator
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_0 = SMAIndicator.from_dict(data)

                return indicator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_1 = EMAIndicator.from_dict(data)

                return indicator_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_2 = SMMAIndicator.from_dict(data)

                return indicator_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_3 = WMAIndicator.from_dict(data)

                return indicator_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_4 = ATRIndicator.from_dict(data)

                return indicator_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_5 = ATRQuantileIndicator.from_dict(data)

                return indicator_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_6 = SuperTrendIndicator.from_dict(data)

                return indicator_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_7 = MACDIndicator.from_dict(data)

                return indicator_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_8 = ADXIndicator.from_dict(data)

                return indicator_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_9 = RSIIndicator.from_dict(data)

                return indicator_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_10 = CCIIndicator.from_dict(data)

                return indicator_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_11 = StochasticIndicator.from_dict(data)

                return indicator_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_12 = BollingerBandsIndicator.from_dict(data)

                return indicator_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                indicator_type_13 = MarketProfileIndicator.from_dict(data)

                return indicator_type_13
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            indicator_type_14 = RawOhlcvIndicator.from_dict(data)

            return indicator_type_14

        indicator = _parse_indicator(d.pop("indicator"))

        def _parse_instrument(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instrument = _parse_instrument(d.pop("instrument", UNSET))

        def _parse_instrument_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instrument_id = _parse_instrument_id(d.pop("instrument_id", UNSET))

        shift = d.pop("shift", UNSET)

        indicator_spec = cls(
            freq=freq,
            indicator=indicator,
            instrument=instrument,
            instrument_id=instrument_id,
            shift=shift,
        )

        indicator_spec.additional_properties = d
        return indicator_spec

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
