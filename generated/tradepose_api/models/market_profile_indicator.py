from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.market_profile_anchor_config import MarketProfileAnchorConfig
    from ..models.market_profile_shape_config import MarketProfileShapeConfig


T = TypeVar("T", bound="MarketProfileIndicator")


@_attrs_define
class MarketProfileIndicator:
    """Market profile; struct {poc, vah, val, value_area, tpo_distribution, segment_id, profile_shape}.

    Attributes:
        type_ (Literal['MarketProfile']):  Default: 'MarketProfile'.
        anchor_config (MarketProfileAnchorConfig):
        tick_size (float):
        value_area_pct (float | Unset):  Default: 0.7.
        fields (list[str] | None | Unset): Subset of the struct fields to keep.
        shape_config (MarketProfileShapeConfig | None | Unset):
    """

    anchor_config: MarketProfileAnchorConfig
    tick_size: float
    type_: Literal["MarketProfile"] = "MarketProfile"
    value_area_pct: float | Unset = 0.7
    fields: list[str] | None | Unset = UNSET
    shape_config: MarketProfileShapeConfig | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.market_profile_shape_config import MarketProfileShapeConfig  # noqa: PLC0415

        type_ = self.type_

        anchor_config = self.anchor_config.to_dict()

        tick_size = self.tick_size

        value_area_pct = self.value_area_pct

        fields: list[str] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = self.fields

        else:
            fields = self.fields

        shape_config: dict[str, Any] | None | Unset
        if isinstance(self.shape_config, Unset):
            shape_config = UNSET
        elif isinstance(self.shape_config, MarketProfileShapeConfig):
            shape_config = self.shape_config.to_dict()
        else:
            shape_config = self.shape_config

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "anchor_config": anchor_config,
                "tick_size": tick_size,
            }
        )
        if value_area_pct is not UNSET:
            field_dict["value_area_pct"] = value_area_pct
        if fields is not UNSET:
            field_dict["fields"] = fields
        if shape_config is not UNSET:
            field_dict["shape_config"] = shape_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.market_profile_anchor_config import MarketProfileAnchorConfig  # noqa: PLC0415
        from ..models.market_profile_shape_config import MarketProfileShapeConfig  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["MarketProfile"], d.pop("type"))
        if type_ != "MarketProfile":
            raise ValueError(f"type must match const 'MarketProfile', got '{type_}'")

        anchor_config = MarketProfileAnchorConfig.from_dict(d.pop("anchor_config"))

        tick_size = d.pop("tick_size")

        value_area_pct = d.pop("value_area_pct", UNSET)

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

        def _parse_shape_config(
            data: object,
        ) -> MarketProfileShapeConfig | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shape_config_type_0 = MarketProfileShapeConfig.from_dict(data)

                return shape_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MarketProfileShapeConfig | None | Unset, data)

        shape_config = _parse_shape_config(d.pop("shape_config", UNSET))

        market_profile_indicator = cls(
            type_=type_,
            anchor_config=anchor_config,
            tick_size=tick_size,
            value_area_pct=value_area_pct,
            fields=fields,
            shape_config=shape_config,
        )

        market_profile_indicator.additional_properties = d
        return market_profile_indicator

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
