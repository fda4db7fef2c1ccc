from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_source import AccountSource
from ..models.account_status import AccountStatus
from ..models.broker_type import BrokerType
from ..models.market_type import MarketType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountResponse")


@_attrs_define
class AccountResponse:
    """A broker account; credentials are never returned.

    Attributes:
        id (str):
        name (str):
        broker_type (BrokerType): Broker behind an account.
        available_markets (list[MarketType]):
        environment (str):
        status (AccountStatus): Account state.
        is_archived (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        default_market (MarketType | None | Unset):
        base_url (None | str | Unset):
        ws_url (None | str | Unset):
        account_source (AccountSource | None | Unset):
        last_validated_at (datetime.datetime | None | Unset):
        validation_error (None | str | Unset):
    """

    id: str
    name: str
    broker_type: BrokerType
    available_markets: list[MarketType]
    environment: str
    status: AccountStatus
    is_archived: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    default_market: MarketType | None | Unset = UNSET
    base_url: None | str | Unset = UNSET
    ws_url: None | str | Unset = UNSET
    account_source: AccountSource | None | Unset = UNSET
    last_validated_at: datetime.datetime | None | Unset = UNSET
    validation_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        broker_type = self.broker_type.value

        available_markets = []
        for available_markets_item_data in self.available_markets:
            available_markets_item = available_markets_item_data.value
            available_markets.append(available_markets_item)

        environment = self.environment

        status = self.status.value

        is_archived = self.is_archived

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        default_market: None | str | Unset
        if isinstance(self.default_market, Unset):
            default_market = UNSET
        elif isinstance(self.default_market, MarketType):
            default_market = self.default_market.value
        else:
            default_market = self.default_market

        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        ws_url: None | str | Unset
        if isinstance(self.ws_url, Unset):
            ws_url = UNSET
        else:
            ws_url = self.ws_url

        account_source: None | str | Unset
        if isinstance(self.account_source, Unset):
            account_source = UNSET
        elif isinstance(self.account_source, AccountSource):
            account_source = self.account_source.value
        else:
            account_source = self.account_source

        last_validated_at: None | str | Unset
        if isinstance(self.last_validated_at, Unset):
            last_validated_at = UNSET
        elif isinstance(self.last_validated_at, datetime.datetime):
            last_validated_at = self.last_validated_at.isoformat()
        else:
            last_validated_at = self.last_validated_at

        validation_error: None | str | Unset
        if isinstance(self.validation_error, Unset):
            validation_error = UNSET
        else:
            validation_error = self.validation_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "broker_type": broker_type,
                "available_markets": available_markets,
                "environment": environment,
                "status": status,
                "is_archived": is_archived,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if default_market is not UNSET:
            field_dict["default_market"] = default_market
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if ws_url is not UNSET:
            field_dict["ws_url"] = ws_url
        if account_source is not UNSET:
            field_dict["account_source"] = account_source
        if last_validated_at is not UNSET:
            field_dict["last_validated_at"] = last_validated_at
        if validation_error is not UNSET:
            field_dict["validation_error"] = validation_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        broker_type = BrokerType(d.pop("broker_type"))

        available_markets = []
        _available_markets = d.pop("available_markets")
        for available_markets_item_data in _available_markets:
            available_markets_item = MarketType(available_markets_item_data)

            available_markets.append(available_markets_item)

        environment = d.pop("environment")

        status = AccountStatus(d.pop("status"))

        is_archived = d.pop("is_archived")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_default_market(data: object) -> MarketType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_market_type_0 = MarketType(data)

                return default_market_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MarketType | None | Unset, data)

        default_market = _parse_default_market(d.pop("default_market", UNSET))

        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("base_url", UNSET))

        def _parse_ws_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ws_url = _parse_ws_url(d.pop("ws_url", UNSET))

        def _parse_account_source(data: object) -> AccountSource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_source_type_0 = AccountSource(data)

                return account_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountSource | None | Unset, data)

        account_source = _parse_account_source(d.pop("account_source", UNSET))

        def _parse_last_validated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_validated_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_validated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_validated_at = _parse_last_validated_at(d.pop("last_validated_at", UNSET))

        def _parse_validation_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        validation_error = _parse_validation_error(d.pop("validation_error", UNSET))

        account_response = cls(
            id=id,
            name=name,
            broker_type=broker_type,
            available_markets=available_markets,
            environment=environment,
            status=status,
            is_archived=is_archived,
            created_at=created_at,
            updated_at=updated_at,
            default_market=default_market,
            base_url=base_url,
            ws_url=ws_url,
            account_source=account_source,
            last_validated_at=last_validated_at,
            validation_error=validation_error,
        )

        account_response.additional_properties = d
        return account_response

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
