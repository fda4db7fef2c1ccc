from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trade_response import TradeResponse


T = TypeVar("T", bound="TradesListResponse")


@_attrs_define
class TradesListResponse:
    """
    Attributes:
        trades (list[TradeResponse]):
        count (int):
        limit (int):
        offset (int):
    """

    trades: list[TradeResponse]
    count: int
    limit: int
    offset: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trades = []
        for trades_item_data in self.trades:
            trades_item = trades_item_data.to_dict()
            trades.append(trades_item)

        count = self.count

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trades": trades,
                "count": count,
                "limit": limit,
                "offset": offset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trade_response import TradeResponse  # noqa: PLC0415

        d = dict(src_dict)
        trades = []
        _trades = d.pop("trades")
        for trades_item_data in _trades:
            trades_item = TradeResponse.from_dict(trades_item_data)

            trades.append(trades_item)

        count = d.pop("count")

        limit = d.pop("limit")

        offset = d.pop("offset")

        trades_list_response = cls(
            trades=trades,
            count=count,
            limit=limit,
            offset=offset,
        )

        trades_list_response.additional_properties = d
        return trades_list_response

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
