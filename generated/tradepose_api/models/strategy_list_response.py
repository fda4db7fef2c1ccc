from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.strategy_list_item import StrategyListItem


T = TypeVar("T", bound="StrategyListResponse")


@_attrs_define
class StrategyListResponse:
    """
    Attributes:
        strategies (list[StrategyListItem]):
        count (int):
    """

    strategies: list[StrategyListItem]
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategies = []
        for strategies_item_data in self.strategies:
            strategies_item = strategies_item_data.to_dict()
            strategies.append(strategies_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategies": strategies,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_list_item import StrategyListItem  # noqa: PLC0415

        d = dict(src_dict)
        strategies = []
        _strategies = d.pop("strategies")
        for strategies_item_data in _strategies:
            strategies_item = StrategyListItem.from_dict(strategies_item_data)

            strategies.append(strategies_item)

        count = d.pop("count")

        strategy_list_response = cls(
            strategies=strategies,
            count=count,
        )

        strategy_list_response.additional_properties = d
        return strategy_list_response

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
