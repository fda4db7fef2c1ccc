from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LatestTrade")


@_attrs_define
class LatestTrade:
    """One of the most recent trades.

    Attributes:
        strategy_name (str):
        blueprint_name (str):
        direction (int):
        status (bool):
        entry_time (datetime.datetime):
        entry_price (float):
        exit_time (datetime.datetime | None | Unset):
        exit_price (float | None | Unset):
        pnl (float | None | Unset):
    """

    strategy_name: str
    blueprint_name: str
    direction: int
    status: bool
    entry_time: datetime.datetime
    entry_price: float
    exit_time: datetime.datetime | None | Unset = UNSET
    exit_price: float | None | Unset = UNSET
    pnl: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy_name = self.strategy_name

        blueprint_name = self.blueprint_name

        direction = self.direction

        status = self.status

        entry_time = self.entry_time.isoformat()

        entry_price = self.entry_price

        exit_time: None | str | Unset
        if isinstance(self.exit_time, Unset):
            exit_time = UNSET
        elif isinstance(self.exit_time, datetime.datetime):
            exit_time = self.exit_time.isoformat()
        else:
            exit_time = self.exit_time

        exit_price: float | None | Unset
        if isinstance(self.exit_price, Unset):
            exit_price = UNSET
        else:
            exit_price = self.exit_price

        pnl: float | None | Unset
        if isinstance(self.pnl, Unset):
            pnl = UNSET
        else:
            pnl = self.pnl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy_name": strategy_name,
                "blueprint_name": blueprint_name,
                "direction": direction,
                "status": status,
                "entry_time": entry_time,
                "entry_price": entry_price,
            }
        )
        if exit_time is not UNSET:
            field_dict["exit_time"] = exit_time
        if exit_price is not UNSET:
            field_dict["exit_price"] = exit_price
        if pnl is not UNSET:
            field_dict["pnl"] = pnl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        strategy_name = d.pop("strategy_name")

        blueprint_name = d.pop("blueprint_name")

        direction = d.pop("direction")

        status = d.pop("status")

        entry_time = datetime.datetime.fromisoformat(d.pop("entry_time"))

        entry_price = d.pop("entry_price")

        def _parse_exit_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exit_time_type_0 = datetime.datetime.fromisoformat(data)

                return exit_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        exit_time = _parse_exit_time(d.pop("exit_time", UNSET))

        def _parse_exit_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exit_price = _parse_exit_price(d.pop("exit_price", UNSET))

        def _parse_pnl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pnl = _parse_pnl(d.pop("pnl", UNSET))

        latest_trade = cls(
            strategy_name=strategy_name,
            blueprint_name=blueprint_name,
            direction=direction,
            status=status,
            entry_time=entry_time,
            entry_price=entry_price,
            exit_time=exit_time,
            exit_price=exit_price,
            pnl=pnl,
        )

        latest_trade.additional_properties = d
        return latest_trade

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
