from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TradeResponse")


@_attrs_define
class TradeResponse:
    """A persisted trade (exports with persist_mode 1).

    Attributes:
        id (str):
        strategy_name (str):
        blueprint_name (str):
        instrument (str):
        direction (str):
        entry_time (datetime.datetime):
        entry_price (float | str): Decimal; sent as a string.
        quantity (float | str): Decimal; sent as a string.
        has_entry_signal (bool):
        has_exit_signal (bool):
        created_at (datetime.datetime):
        exit_time (datetime.datetime | None | Unset):
        exit_price (float | None | str | Unset):
        pnl (float | None | str | Unset):
        pnl_pct (float | None | Unset):
        mae (float | None | Unset):
        mfe (float | None | Unset):
        sl_price (float | None | str | Unset):
        tp_price (float | None | str | Unset):
    """

    id: str
    strategy_name: str
    blueprint_name: str
    instrument: str
    direction: str
    entry_time: datetime.datetime
    entry_price: float | str
    quantity: float | str
    has_entry_signal: bool
    has_exit_signal: bool
    created_at: datetime.datetime
    exit_time: datetime.datetime | None | Unset = UNSET
    exit_price: float | None | str | Unset = UNSET
    pnl: float | None | str | Unset = UNSET
    pnl_pct: float | None | Unset = UNSET
    mae: float | None | Unset = UNSET
    mfe: float | None | Unset = UNSET
    sl_price: float | None | str | Unset = UNSET
    tp_price: float | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        strategy_name = self.strategy_name

        blueprint_name = self.blueprint_name

        instrument = self.instrument

        direction = self.direction

        entry_time = self.entry_time.isoformat()

        entry_price: float | str
        entry_price = self.entry_price

        quantity: float | str
        quantity = self.quantity

        has_entry_signal = self.has_entry_signal

        has_exit_signal = self.has_exit_signal

        created_at = self.created_at.isoformat()

        exit_time: None | str | Unset
        if isinstance(self.exit_time, Unset):
            exit_time = UNSET
        elif isinstance(self.exit_time, datetime.datetime):
            exit_time = self.exit_time.isoformat()
        else:
            exit_time = self.exit_time

        exit_price: float | None | str | Unset
        if isinstance(self.exit_price, Unset):
            exit_price = UNSET
        else:
            exit_price = self.exit_price

        pnl: float | None | str | Unset
        if isinstance(self.pnl, Unset):
            pnl = UNSET
        else:
            pnl = self.pnl

        pnl_pct: float | None | Unset
        if isinstance(self.pnl_pct, Unset):
            pnl_pct = UNSET
        else:
            pnl_pct = self.pnl_pct

        mae: float | None | Unset
        if isinstance(self.mae, Unset):
            mae = UNSET
        else:
            mae = self.mae

        mfe: float | None | Unset
        if isinstance(self.mfe, Unset):
            mfe = UNSET
        else:
            mfe = self.mfe

        sl_price: float | None | str | Unset
        if isinstance(self.sl_price, Unset):
            sl_price = UNSET
        else:
            sl_price = self.sl_price

        tp_price: float | None | str | Unset
        if isinstance(self.tp_price, Unset):
            tp_price = UNSET
        else:
            tp_price = self.tp_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "strategy_name": strategy_name,
                "blueprint_name": blueprint_name,
                "instrument": instrument,
                "direction": direction,
                "entry_time": entry_time,
                "entry_price": entry_price,
                "quantity": quantity,
                "has_entry_signal": has_entry_signal,
                "has_exit_signal": has_exit_signal,
                "created_at": created_at,
            }
        )
        if exit_time is not UNSET:
            field_dict["exit_time"] = exit_time
        if exit_price is not UNSET:
            field_dict["exit_price"] = exit_price
        if pnl is not UNSET:
            field_dict["pnl"] = pnl
        if pnl_pct is not UNSET:
            field_dict["pnl_pct"] = pnl_pct
        if mae is not UNSET:
            field_dict["mae"] = mae
        if mfe is not UNSET:
            field_dict["mfe"] = mfe
        if sl_price is not UNSET:
            field_dict["sl_price"] = sl_price
        if tp_price is not UNSET:
            field_dict["tp_price"] = tp_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        strategy_name = d.pop("strategy_name")

        blueprint_name = d.pop("blueprint_name")

        instrument = d.pop("instrument")

        direction = d.pop("direction")

        entry_time = datetime.datetime.fromisoformat(d.pop("entry_time"))

        def _parse_entry_price(data: object) -> float | str:
            return cast(float | str, data)

        entry_price = _parse_entry_price(d.pop("entry_price"))

        def _parse_quantity(data: object) -> float | str:
            return cast(float | str, data)

        quantity = _parse_quantity(d.pop("quantity"))

        has_entry_signal = d.pop("has_entry_signal")

        has_exit_signal = d.pop("has_exit_signal")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        def _parse_exit_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        exit_price = _parse_exit_price(d.pop("exit_price", UNSET))

        def _parse_pnl(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        pnl = _parse_pnl(d.pop("pnl", UNSET))

        def _parse_pnl_pct(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pnl_pct = _parse_pnl_pct(d.pop("pnl_pct", UNSET))

        def _parse_mae(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mae = _parse_mae(d.pop("mae", UNSET))

        def _parse_mfe(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mfe = _parse_mfe(d.pop("mfe", UNSET))

        def _parse_sl_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        sl_price = _parse_sl_price(d.pop("sl_price", UNSET))

        def _parse_tp_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tp_price = _parse_tp_price(d.pop("tp_price", UNSET))

        trade_response = cls(
            id=id,
            strategy_name=strategy_name,
            blueprint_name=blueprint_name,
            instrument=instrument,
            direction=direction,
            entry_time=entry_time,
            entry_price=entry_price,
            quantity=quantity,
            has_entry_signal=has_entry_signal,
            has_exit_signal=has_exit_signal,
            created_at=created_at,
            exit_time=exit_time,
            exit_price=exit_price,
            pnl=pnl,
            pnl_pct=pnl_pct,
            mae=mae,
            mfe=mfe,
            sl_price=sl_price,
            tp_price=tp_price,
        )

        trade_response.additional_properties = d
        return trade_response

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
