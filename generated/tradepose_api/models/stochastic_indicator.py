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

T = TypeVar("T", bound="StochasticIndicator")


@_attrs_define
class StochasticIndicator:
    """Stochastic oscillator; struct {k, d}.

    Attributes:
        type_ (Literal['Stochastic']):  Default: 'Stochastic'.
        k_period (int | Unset):  Default: 14.
        d_period (int | Unset):  Default: 3.
        fields (list[str] | None | Unset): Subset of the struct fields to keep.
    """

    type_: Literal["Stochastic"] = "Stochastic"
    k_period: int | Unset = 14
    d_period: int | Unset = 3
    fields: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        k_period = self.k_period

        d_period = self.d_period

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
        if k_period is not UNSET:
            field_dict["k_period"] = k_period
        if d_period is not UNSET:
            field_dict["d_period"] = d_period
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["Stochastic"], d.pop("type"))
        if type_ != "Stochastic":
            raise ValueError(f"type must match const 'Stochastic', got '{type_}'")

        k_period = d.pop("k_period", UNSET)

        d_period = d.pop("d_period", UNSET)

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

        stochastic_indicator = cls(
            type_=type_,
            k_period=k_period,
            d_period=d_period,
            fields=fields,
        )

        stochastic_indicator.additional_properties = d
        return stochastic_indicator

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
