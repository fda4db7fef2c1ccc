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

T = TypeVar("T", bound="MACDIndicator")


@_attrs_define
class MACDIndicator:
    """MACD; struct {macd, signal, histogram}.

    Attributes:
        type_ (Literal['MACD']):  Default: 'MACD'.
        fast_period (int | Unset):  Default: 12.
        slow_period (int | Unset):  Default: 26.
        signal_period (int | Unset):  Default: 9.
        column (str | Unset):  Default: 'close'.
        fields (list[str] | None | Unset): Subset of the struct fields to keep.
    """

    type_: Literal["MACD"] = "MACD"
    fast_period: int | Unset = 12
    slow_period: int | Unset = 26
    signal_period: int | Unset = 9
    column: str | Unset = "close"
    fields: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        fast_period = self.fast_period

        slow_period = self.slow_period

        signal_period = self.signal_period

        column = self.column

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
            }
        )
        if fast_period is not UNSET:
            field_dict["fast_period"] = fast_period
        if slow_period is not UNSET:
            field_dict["slow_period"] = slow_period
        if signal_period is not UNSET:
            field_dict["signal_period"] = signal_period
        if column is not UNSET:
            field_dict["column"] = column
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["MACD"], d.pop("type"))
        if type_ != "MACD":
            raise ValueError(f"type must match const 'MACD', got '{type_}'")

        fast_period = d.pop("fast_period", UNSET)

        slow_period = d.pop("slow_period", UNSET)

        signal_period = d.pop("signal_period", UNSET)

        column = d.pop("column", UNSET)

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

        macd_indicator = cls(
            type_=type_,
            fast_period=fast_period,
            slow_period=slow_period,
            signal_period=signal_period,
            column=column,
            fields=fields,
        )

        macd_indicator.additional_properties = d
        return macd_indicator

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
