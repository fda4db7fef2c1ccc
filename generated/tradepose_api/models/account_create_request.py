from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_source import AccountSource
from ..models.account_status import AccountStatus
from ..models.broker_type import BrokerType
from ..models.market_type import MarketType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.broker_credentials import BrokerCredentials


T = TypeVar("T", bound="AccountCreateRequest")


@_attrs_define
class AccountCreateRequest:
    """
    Attributes:
        name (str):
        broker_type (BrokerType): Broker behind an account.
        credentials (BrokerCredentials): Broker credentials (api_key, api_secret, passphrase...).
        available_markets (list[MarketType] | Unset):
        default_market (MarketType | None | Unset):
        environment (str | Unset):  Default: 'production'.
        base_url (None | str | Unset):
        ws_url (None | str | Unset):
        status (AccountStatus | Unset): Account state.
        account_source (AccountSource | None | Unset):
    """

    name: str
    broker_type: BrokerType
    credentials: BrokerCredentials
    available_markets: list[MarketType] | Unset = UNSET
    default_market: MarketType | None | Unset = UNSET
    environment: str | Unset = "production"
    base_url: None | str | Unset = UNSET
    ws_url: None | str | Unset = UNSET
    status: AccountStatus | Unset = UNSET
    account_source: AccountSource | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        broker_type = self.broker_type.value

        credentials = self.credentials.to_dict()

        available_markets: list[str] | Unset = UNSET
        if not isinstance(self.available_markets, Unset):
            available_markets = []
            for available_markets_item_data in self.available_markets:
                available_markets_item = available_markets_item_data.value
                available_markets.append(available_markets_item)

        default_market: None | str | Unset
        if isinstance(self.default_market, Unset):
            default_market = UNSET
        elif isinstance(self.default_market, MarketType):
            default_market = self.default_market.value
        else:
            default_market = self.default_market

        environment = self.environment

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        account_source: None | str | Unset
        if isinstance(self.account_source, Unset):
            account_source = UNSET
        elif isinstance(self.account_source, AccountSource):
            account_source = self.account_source.value
        else:
            account_source = self.account_source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "broker_type": broker_type,
                "credentials": credentials,
            }
        )
        if available_markets is not UNSET:
            field_dict["available_markets"] = available_markets
        if default_market is not UNSET:
            field_dict["default_market"] = default_market
        if environment is not UNSET:
            field_dict["environment"] = environment
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if ws_url is not UNSET:
            field_dict["ws_url"] = ws_url
        if status is not UNSET:
            field_dict["status"] = status
        if account_source is not UNSET:
            field_dict["account_source"] = account_source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broker_credentials import BrokerCredentials  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        broker_type = BrokerType(d.pop("broker_type"))

        credentials = BrokerCredentials.from_dict(d.pop("credentials"))

        _available_markets = d.pop("available_markets", UNSET)
        available_markets: list[MarketType] | Unset = UNSET
        if _available_markets is not UNSET:
            available_markets = []
            for available_markets_item_data in _available_markets:
                available_markets_item = MarketType(available_markets_item_data)

                available_markets.append(available_markets_item)

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

        environment = d.pop("environment", UNSET)

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

        _status = d.pop("status", UNSET)
        status: AccountStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AccountStatus(_status)

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

        account_create_request = cls(
            name=name,
            broker_type=broker_type,
            credentials=credentials,
            available_markets=available_markets,
            default_market=default_market,
            environment=environment,
            base_url=base_url,
            ws_url=ws_url,
            status=status,
            account_source=account_source,
        )

        account_create_request.additional_properties = d
        return account_create_request

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
