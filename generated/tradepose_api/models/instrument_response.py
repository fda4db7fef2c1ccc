from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InstrumentResponse")


@_attrs_define
class InstrumentResponse:
    """
    Attributes:
        id (int):
        symbol (str):
        account_source (str):
        broker_type (str):
        market_type (str):
        base_currency (str):
        quote_currency (str):
        tick_size (str): Decimal as a string.
        lot_size (str):
        price_precision (int):
        quantity_precision (int):
        contract_size (str):
        point_value (str):
        status (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    symbol: str
    account_source: str
    broker_type: str
    market_type: str
    base_currency: str
    quote_currency: str
    tick_size: str
    lot_size: str
    price_precision: int
    quantity_precision: int
    contract_size: str
    point_value: str
    status: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        symbol = self.symbol

        account_source = self.account_source

        broker_type = self.broker_type

        market_type = self.market_type

        base_currency = self.base_currency

        quote_currency = self.quote_currency

        tick_size = self.tick_size

        lot_size = self.lot_size

        price_precision = self.price_precision

        quantity_precision = self.quantity_precision

        contract_size = self.contract_size

        point_value = self.point_value

        status = self.status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "symbol": symbol,
                "account_source": account_source,
                "broker_type": broker_type,
                "market_type": market_type,
                "base_currency": base_currency,
                "quote_currency": quote_currency,
                "tick_size": tick_size,
                "lot_size": lot_size,
                "price_precision": price_precision,
                "quantity_precision": quantity_precision,
                "contract_size": contract_size,
                "point_value": point_value,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        symbol = d.pop("symbol")

        account_source = d.pop("account_source")

        broker_type = d.pop("broker_type")

        market_type = d.pop("market_type")

        base_currency = d.pop("base_currency")

        quote_currency = d.pop("quote_currency")

        tick_size = d.pop("tick_size")

        lot_size = d.pop("lot_size")

        price_precision = d.pop("price_precision")

        quantity_precision = d.pop("quantity_precision")

        contract_size = d.pop("contract_size")

        point_value = d.pop("point_value")

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        instrument_response = cls(
            id=id,
            symbol=symbol,
            account_source=account_source,
            broker_type=broker_type,
            market_type=market_type,
            base_currency=base_currency,
            quote_currency=quote_currency,
            tick_size=tick_size,
            lot_size=lot_size,
            price_precision=price_precision,
            quantity_precision=quantity_precision,
            contract_size=contract_size,
            point_value=point_value,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
        )

        instrument_response.additional_properties = d
        return instrument_response

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
