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

T = TypeVar("T", bound="RSIIndicator")


@_attrs_define
class RSIIndicator:
    """Relative strength index, 0-100.

    Attributes:
        type_ (Literal['RSI']):  Default: 'RSI'.
        period (int | Unset):  Default: 14.
        column (str | Unset):  Default: 'close'.
    """

    type_: Literal["RSI"] = "RSI"
    period: int | Unset = 14
    column: str | Unset = "close"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        period = self.period

        column = self.column

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if period is not UNSET:
            field_dict["period"] = period
        if column is not UNSET:
            field_dict["column"] = column

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["RSI"], d.pop("type"))
        if type_ != "RSI":
            raise ValueError(f"type must match const 'RSI', got '{type_}'")

        period = d.pop("period", UNSET)

        column = d.pop("column", UNSET)

        rsi_indicator = cls(
            type_=type_,
            period=period,
            column=column,
        )

        rsi_indicator.additional_properties = d
        return rsi_indicator

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
