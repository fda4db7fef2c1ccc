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

T = TypeVar("T", bound="ATRQuantileIndicator")


@_attrs_define
class ATRQuantileIndicator:
    """Rolling quantile of an ATR column.

    Attributes:
        type_ (Literal['AtrQuantile']):  Default: 'AtrQuantile'.
        atr_column (str):
        window (int):
        quantile (float):
    """

    atr_column: str
    window: int
    quantile: float
    type_: Literal["AtrQuantile"] = "AtrQuantile"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        atr_column = self.atr_column

        window = self.window

        quantile = self.quantile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "atr_column": atr_column,
                "window": window,
                "quantile": quantile,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["AtrQuantile"], d.pop("type"))
        if type_ != "AtrQuantile":
            raise ValueError(f"type must match const 'AtrQuantile', got '{type_}'")

        atr_column = d.pop("atr_column")

        window = d.pop("window")

        quantile = d.pop("quantile")

        atr_quantile_indicator = cls(
            type_=type_,
            atr_column=atr_column,
            window=window,
            quantile=quantile,
        )

        atr_quantile_indicator.additional_properties = d
        return atr_quantile_indicator

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
