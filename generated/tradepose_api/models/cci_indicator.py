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

T = TypeVar("T", bound="CCIIndicator")


@_attrs_define
class CCIIndicator:
    """Commodity channel index.

    Attributes:
        type_ (Literal['CCI']):  Default: 'CCI'.
        period (int | Unset):  Default: 20.
    """

    type_: Literal["CCI"] = "CCI"
    period: int | Unset = 20
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if period is not UNSET:
            field_dict["period"] = period

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["CCI"], d.pop("type"))
        if type_ != "CCI":
            raise ValueError(f"type must match const 'CCI', got '{type_}'")

        period = d.pop("period", UNSET)

        cci_indicator = cls(
            type_=type_,
            period=period,
        )

        cci_indicator.additional_properties = d
        return cci_indicator

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
