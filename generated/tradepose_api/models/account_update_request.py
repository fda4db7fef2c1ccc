from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..models.market_type import MarketType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.broker_credentials_update import BrokerCredentialsUpdate


T = TypeVar("T", bound="AccountUpdateRequest")


@_attrs_define
class AccountUpdateRequest:
    """Partial update; absent fields are left unchanged.

    Attributes:
        name (None | str | Unset):
        credentials (BrokerCredentialsUpdate | None | Unset):
        available_markets (list[MarketType] | None | Unset):
        default_market (MarketType | None | Unset):
        environment (None | str | Unset):
        base_url (None | str | Unset):
        ws_url (None | str | Unset):
        status (AccountStatus | None | Unset):
    """

    name: None | str | Unset = UNSET
    credentials: BrokerCredentialsUpdate | None | Unset = UNSET
    available_markets: list[MarketType] | None | Unset = UNSET
    default_market: MarketType | None | Unset = UNSET
    environment: None | str | Unset = UNSET
    base_url: None | str | Unset = UNSET
    ws_url: None | str | Unset = UNSET
    status: AccountStatus | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.broker_credentials_update import BrokerCredentialsUpdate  # noqa: PLC0415

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        credentials: dict[str, Any] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, BrokerCredentialsUpdate):
            credentials = self.credentials.to_dict()
        else:
            credentials = self.credentials

        available_markets: list[str] | None | Unset
        if isinstance(self.available_markets, Unset):
            available_markets = UNSET
        elif isinstance(self.available_markets, list):
            available_markets = []
            for available_markets_type_0_item_data in self.available_markets:
                available_markets_type_0_item = available_markets_type_0_item_data.value
                available_markets.append(available_markets_type_0_item)

        else:
            available_markets = self.available_markets

        default_market: None | str | Unset
        if isinstance(self.default_market, Unset):
            default_market = UNSET
        elif isinstance(self.default_market, MarketType):
            default_market = self.default_market.value
        else:
            default_market = self.default_market

        environment: None | str | Unset
        if isinstance(self.environment, Unset):
            environment = UNSET
        else:
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AccountStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broker_credentials_update import BrokerCredentialsUpdate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_credentials(data: object) -> BrokerCredentialsUpdate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credentials_type_0 = BrokerCredentialsUpdate.from_dict(data)

                return credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BrokerCredentialsUpdate | None | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))

        def _parse_available_markets(data: object) -> list[MarketType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                available_markets_type_0 = []
                _available_markets_type_0 = data
                for available_markets_type_0_item_data in _available_markets_type_0:
                    available_markets_type_0_item = MarketType(
                        available_markets_type_0_item_data
                    )

                    available_markets_type_0.append(available_markets_type_0_item)

                return available_markets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MarketType] | None | Unset, data)

        available_markets = _parse_available_markets(d.pop("available_markets", UNSET))

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

        def _parse_environment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment = _parse_environment(d.pop("environment", UNSET))

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

        def _parse_status(data: object) -> AccountStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AccountStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        account_update_request = cls(
            name=name,
            credentials=credentials,
            available_markets=available_markets,
            default_market=default_market,
            environment=environment,
            base_url=base_url,
            ws_url=ws_url,
            status=status,
        )

        account_update_request.additional_properties = d
        return account_update_request

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
