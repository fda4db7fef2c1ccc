from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SuperTrendIndicator")


@_attrs_define
class SuperTrendIndicator:
    """SuperTrend; struct {direction, supertrend, long, short}.

    Attributes:
        type_ (Literal['SuperTrend']):  Default: 'SuperTrend'.
        multiplier (float):
        volatility_column (str):
        high (str | Unset):  Default: 'high'.
        low (str | Unset):  Default: 'low'.
        close (str | Unset):  Default: 'close'.
        fields (list[str] | None | Unset): Subset of the struct fields to keep.
    """

    multiplier: float
    volatility_column: str
    type_: Literal["SuperTrend"] = "SuperTrend"
    high: str | Unset = "high"
    low: str | Unset = "low"
    close: str | Unset = "close"
    fields: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        multiplier = self.multiplier

        volatility_column = self.volatility_column

        high = self.high

        low = self.low

        close = self.close

        fields: list[str] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = self.fields

        else:
            fields = self.fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "multiplier": multiplier,
                "volatility_column": volatility_column,
            }
        )
        if high is not UNSET:
            field_dict["high"] = high
        if low is not UNSET:
            field_dict["low"] = low
        if close is not UNSET:
            field_dict["close"] = close
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["SuperTrend"], d.pop("type"))
        if type_ != "SuperTrend":
            raise ValueError(f"type must match const 'SuperTrend', got '{type_}'")

        multiplier = d.pop("multiplier")

        volatility_column = d.pop("volatility_column")

        high = d.pop("high", UNSET)

        low = d.pop("low", UNSET)

        close = d.pop("close", UNSET)

        def _parse_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = cast(list[str], data)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))

        super_trend_indicator = cls(
            type_=type_,
            multiplier=multiplier,
            volatility_column=volatility_column,
            high=high,
            low=low,
            close=close,
            fields=fields,
        )

        super_trend_indicator.additional_properties = d
        return super_trend_indicator

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
