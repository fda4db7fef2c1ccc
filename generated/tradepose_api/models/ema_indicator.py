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

T = TypeVar("T", bound="EMAIndicator")


@_attrs_define
class EMAIndicator:
    """EMA moving average; column `EMA|period.column`.

    Attributes:
        type_ (Literal['EMA']):  Default: 'EMA'.
        period (int):
        column (str | Unset):  Default: 'close'.
    """

    period: int
    type_: Literal["EMA"] = "EMA"
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
                "period": period,
            }
        )
        if column is not UNSET:
            field_dict["column"] = column

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["EMA"], d.pop("type"))
        if type_ != "EMA":
            raise ValueError(f"type must match const 'EMA', got '{type_}'")

        period = d.pop("period")

        column = d.pop("column", UNSET)

        ema_indicator = cls(
            type_=type_,
            period=period,
            column=column,
        )

        ema_indicator.additional_properties = d
        return ema_indicator

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
