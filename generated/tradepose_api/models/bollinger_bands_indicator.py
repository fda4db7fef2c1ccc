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

T = TypeVar("T", bound="BollingerBandsIndicator")


@_attrs_define
class BollingerBandsIndicator:
    """Bollinger bands; struct {upper, middle, lower, bandwidth}.

    Attributes:
        type_ (Literal['BollingerBands']):  Default: 'BollingerBands'.
        period (int | Unset):  Default: 20.
        num_std (float | Unset):  Default: 2.0.
        column (str | Unset):  Default: 'close'.
        fields (list[str] | None | Unset): Subset of the struct fields to keep.
    """

    type_: Literal["BollingerBands"] = "BollingerBands"
    period: int | Unset = 20
    num_std: float | Unset = 2.0
    column: str | Unset = "close"
    fields: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        period = self.period

        num_std = self.num_std

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
        if period is not UNSET:
            field_dict["period"] = period
        if num_std is not UNSET:
            field_dict["num_std"] = num_std
        if column is not UNSET:
            field_dict["column"] = column
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["BollingerBands"], d.pop("type"))
        if type_ != "BollingerBands":
            raise ValueError(f"type must match const 'BollingerBands', got '{type_}'")

        period = d.pop("period", UNSET)

        num_std = d.pop("num_std", UNSET)

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

        bollinger_bands_indicator = cls(
            type_=type_,
            period=period,
            num_std=num_std,
            column=column,
            fields=fields,
        )

        bollinger_bands_indicator.additional_properties = d
        return bollinger_bands_indicator

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
